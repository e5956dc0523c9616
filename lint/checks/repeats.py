"""Every maximal repeated passage of a text, in time linear in its length (for ``duplicate``).

The text is normalised first (widths folded, whitespace and line breaks dropped), so a copy
re-wrapped or re-spaced is still a copy. Then, the way copy detectors work:

1. Every 8-character window gets a rolling hash, computed for the whole text at once with
   numpy; windows are grouped by hash with one stable sort, so each window knows its earlier
   occurrences.
2. A window seen before, but fewer than ``_BUCKET`` times, is a seed; windows seen more often
   are boilerplate and seed nothing, which keeps the scan linear on text that repeats a lot,
   yet a repeat running through them is still found from its rarer parts.
3. Each seed is extended forward and backward to the maximal repeat (by comparing slices,
   doubling then halving, so the cost is that of C string comparisons), carried across small
   edits where a few characters agree again, and the scan jumps past it.

Total cost: a few numpy passes plus, per repeat, a number of slice comparisons logarithmic in
its length — linear however long a line and however often the text repeats itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from doclint.document.chars import SPACES, fold_width

if TYPE_CHECKING:
    from doclint.document import Document

SEED = 8  # window length that starts a match
_CLAIM = 64  # characters a repeat may take back from the one before it, to start at its sentence
_RESYNC = 4  # characters that must agree again after a bridged edit
_BUCKET = 8  # earlier occurrences a window may have and still seed; more is boilerplate
_SEPARATOR = "\x00"  # between documents and blocks; never equal to text
_BASE = np.uint64(1_000_003)
_AFTER = np.array([ord(c) for c in "。！？!?…；：;:"], dtype=np.uint32)
_QUOTE_CLOSERS = np.array([ord(c) for c in "”’」』"], dtype=np.uint32)
_ARTICLE = re.compile(r"第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?[ \t\u3000]+")
_DROPPED = np.array([ord(c) for c in SPACES + "\n"], dtype=np.uint32)


@dataclass(frozen=True)
class Repeat:
    """The later copy [new, new_end) of the earlier text [old, old_end), in normalised offsets."""

    old: int
    old_end: int
    new: int
    new_end: int
    exact: bool


class Corpus:
    """Normalised text of one or more documents, with maps back to (document, view offset).

    With ``by_document``, each document a file holds (see :mod:`doclint.profile.blocks`) is a
    block of its own: separators keep a repeat from running from one into the next.
    """

    def __init__(self, docs: Sequence[Document], by_document: bool) -> None:
        self.docs = list(docs)
        codes, doc_of, offsets, blocks, flags = [], [], [], [], []
        separator = np.array([0], dtype=np.uint32)
        block = 0
        for d, doc in enumerate(self.docs):
            view = doc.logical
            all_codes = np.frombuffer(fold_width(view.text).encode("utf-32-le"), dtype=np.uint32)
            kept = np.flatnonzero(~np.isin(all_codes, _DROPPED))
            begins = _sentence_starts(view.text, all_codes, kept)
            starts = [0]
            if by_document and view.paragraphs:
                starts = [view.paragraphs[i].start for i in doc.profile.document_starts]
            ends = [*starts[1:], len(view.text)]
            bounds = np.searchsorted(kept, np.array(ends))
            lo = 0
            for hi, block_end in zip(bounds, ends, strict=True):
                part = kept[lo:hi]
                codes += [all_codes[part], separator]
                offsets += [part, np.array([block_end], dtype=np.int64)]
                flags += [begins[lo:hi], np.array([True])]
                doc_of.append(np.full(len(part) + 1, d, dtype=np.int32))
                blocks.append(np.full(len(part) + 1, block, dtype=np.int32))
                block += 1
                lo = hi
        self.codes = np.concatenate(codes) if codes else np.zeros(0, dtype=np.uint32)
        self.text = self.codes.tobytes().decode("utf-32-le")
        self.doc_of = np.concatenate(doc_of) if doc_of else np.zeros(0, dtype=np.int32)
        self.offset = np.concatenate(offsets).astype(np.int64) if offsets else np.zeros(0, dtype=np.int64)
        self.blocks = np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.int32)
        self.sentence_starts = np.concatenate(flags) if flags else np.zeros(0, dtype=bool)
        self._windows = _Windows(self.codes)

    def view_span(self, start: int, end: int) -> tuple[Document, int, int]:
        return self.docs[self.doc_of[start]], int(self.offset[start]), int(self.offset[end - 1]) + 1

    def block(self, position: int) -> int:
        return int(self.blocks[position])

    def occurrences(self, repeat: Repeat, view_start: int, view_end: int) -> int:
        """About how often the part [view_start, view_end) of the later copy occurs in the whole
        text: the fewest occurrences of any of its windows (a passage written k times has every
        window at least k times)."""
        offsets = self.offset[repeat.new : repeat.new_end]
        a = repeat.new + int(np.searchsorted(offsets, view_start))
        b = repeat.new + int(np.searchsorted(offsets, view_end))
        return self._windows.fewest(a, max(b, a + 1))

    def old_position(self, repeat: Repeat, view_offset: int) -> int:
        """The view offset in the earlier copy that corresponds to ``view_offset`` in the later one."""
        k = int(np.searchsorted(self.offset[repeat.new : repeat.new_end], view_offset))
        return int(self.offset[min(repeat.old + k, repeat.old_end - 1)])


class _Windows:
    """Hash groups of every window: each window's earlier occurrences, and group sizes."""

    def __init__(self, codes: np.ndarray) -> None:
        n = len(codes) - SEED + 1
        self.n = max(n, 0)
        if n <= 0:
            self.order = self.first = self.rank = self.size = np.zeros(0, dtype=np.int64)
            self.separators = np.flatnonzero(codes == 0)
            return
        wide = codes.astype(np.uint64)
        hashes = np.zeros(n, dtype=np.uint64)
        for k in range(SEED):
            hashes = hashes * _BASE + wide[k : k + n]
        self.separators = np.flatnonzero(codes == 0)
        crossing = np.searchsorted(self.separators, np.arange(n), "left") != np.searchsorted(
            self.separators, np.arange(n) + SEED, "left"
        )
        hashes[crossing] = np.uint64(0xFFFFFFFFFFFFFFFF) - np.flatnonzero(crossing).astype(np.uint64)
        self.order = np.argsort(hashes, kind="stable")
        ordered = hashes[self.order]
        new_group = np.ones(n, dtype=bool)
        new_group[1:] = ordered[1:] != ordered[:-1]
        group_first = np.flatnonzero(new_group)
        group_id = np.cumsum(new_group) - 1
        sizes = np.diff(np.append(group_first, n))
        self.first = np.empty(n, dtype=np.int64)
        self.rank = np.empty(n, dtype=np.int64)
        self.size = np.empty(n, dtype=np.int64)
        self.first[self.order] = group_first[group_id]
        self.rank[self.order] = np.arange(n) - group_first[group_id]
        self.size[self.order] = sizes[group_id]
        self.size[crossing] = 0
        self.seeds = np.flatnonzero(~crossing & (self.rank >= 1) & (self.rank < _BUCKET))

    def earlier(self, i: int) -> np.ndarray:
        return self.order[self.first[i] : self.first[i] + self.rank[i]]

    def fewest(self, start: int, end: int) -> int:
        window = self.size[start : max(start + 1, min(end - SEED + 1, self.n))]
        return int(window.min()) if len(window) else 1


def find_repeats(corpus: Corpus, max_gap: int) -> list[Repeat]:
    """Maximal repeated passages, each later copy after its earlier one; small edits bridged."""
    text, windows = corpus.text, corpus._windows
    if windows.n <= 0:
        return []
    scan = _Scan(text, windows.separators, corpus.sentence_starts)
    seeds = windows.seeds.tolist()  # Python ints: the loop below indexes and bisects them often
    repeats: list[Repeat] = []
    floor = 0
    k = 0
    while k < len(seeds):
        # Of the seeds starting in the next window, take the match that reaches furthest: the
        # first seed may match a text that shares only the sentence's opening with this one.
        best_end, best_i, best_j = 0, -1, -1
        first = seeds[k]
        for i in seeds[k : bisect_left(seeds, first + SEED, k)]:
            for j in windows.earlier(i).tolist():
                length = scan.forward(j, i, i)
                if length >= SEED and i + length > best_end:
                    best_end, best_i, best_j = i + length, i, int(j)
        if best_i < 0:
            k += 1
            continue
        i, best_len = best_i, best_end - best_i
        back = scan.backward(best_j, i, i - floor)
        start, j = i - back, best_j - back
        if start == floor and repeats and repeats[-1].new_end == floor:
            start, j = _claim_sentence_start(scan, repeats, start, j)
        j, start, exact_start = _bridge_back(scan, j, start, floor, max_gap)
        old_end, new_end, exact = _bridge(scan, best_j + best_len, i + best_len, start, max_gap)
        repeats.append(Repeat(j, old_end, start, new_end, exact and exact_start))
        floor = new_end
        k = bisect_left(seeds, floor, k)
    return repeats


class _Scan:
    """Common runs of the text at two positions, never across a separator."""

    def __init__(self, text: str, separators: np.ndarray, sentence_starts: np.ndarray) -> None:
        self.text = text
        self.separators = [-1, *separators.tolist(), len(text)]  # sentinels at both ends
        self.sentence_starts = sentence_starts

    def _next_separator(self, i: int) -> int:
        return self.separators[bisect_left(self.separators, i)]

    def _previous_separator(self, i: int) -> int:
        return self.separators[bisect_left(self.separators, i) - 1]

    def forward(self, j: int, i: int, limit: int) -> int:
        """Length of the common run at j and i; the earlier copy may not reach ``limit``."""
        cap = min(limit - j, self._next_separator(i) - i, self._next_separator(j) - j, len(self.text) - i)
        return _common(self.text, j, i, cap)

    def backward(self, j: int, i: int, cap: int) -> int:
        """Length of the common run ending just before j and i (at most ``cap``)."""
        cap = min(cap, j - self._previous_separator(j) - 1, i - self._previous_separator(i) - 1)
        return _common_suffix(self.text, j, i, cap)


def _common(text: str, a: int, b: int, cap: int) -> int:
    """Length of the common prefix of text[a:] and text[b:], at most ``cap``: slices compared
    with a doubling step, then halving, so the cost is C comparisons of O(length · log length)."""
    if cap <= 0 or text[a] != text[b]:
        return 0
    lo, step = 0, 16
    while True:
        hi = min(cap, lo + step)
        if text[a + lo : a + hi] != text[b + lo : b + hi]:
            break
        lo = hi
        if lo == cap:
            return cap
        step *= 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if text[a + lo : a + mid] == text[b + lo : b + mid]:
            lo = mid
        else:
            hi = mid
    return lo


def _common_suffix(text: str, a: int, b: int, cap: int) -> int:
    """Length of the common suffix of text[:a] and text[:b], at most ``cap``."""
    if cap <= 0 or text[a - 1] != text[b - 1]:
        return 0
    lo, step = 0, 16
    while True:
        hi = min(cap, lo + step)
        if text[a - hi : a - lo] != text[b - hi : b - lo]:
            break
        lo = hi
        if lo == cap:
            return cap
        step *= 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if text[a - mid : a - lo] == text[b - mid : b - lo]:
            lo = mid
        else:
            hi = mid
    return lo


def _claim_sentence_start(scan: _Scan, repeats: list[Repeat], start: int, j: int) -> tuple[int, int]:
    """Two repeats meet at ``start``; if this one also matches a few characters further back, up
    to the start of its sentence, take them from the previous repeat ("（" of （三） belongs to its
    sentence; so does 香港特别行政区 of a sentence whose article heading a formula took)."""
    previous = repeats[-1]
    back = _common_suffix(scan.text, j, start, min(start - previous.new - 1, j, _CLAIM))
    if back and not scan.sentence_starts[start]:
        hits = np.flatnonzero(scan.sentence_starts[start - back : start])
        if len(hits):
            k = back - int(hits[-1])
            repeats[-1] = Repeat(previous.old, previous.old_end - k, previous.new, start - k, previous.exact)
            return start - k, j - k
    return start, j


def _sentence_starts(text: str, codes: np.ndarray, kept: np.ndarray) -> np.ndarray:
    """For each kept character, whether a sentence begins there: first of its paragraph, after a
    sentence's or a list item's end (。！？；：, also behind a closing quote), or after an article
    heading (第五条 ).
    """
    begins = np.zeros(len(kept), dtype=bool)
    if not len(kept):
        return begins
    newlines = np.cumsum(codes == 10)
    previous = np.empty(len(kept), dtype=np.int64)
    previous[0] = -1
    previous[1:] = kept[:-1]
    begins[0] = True
    begins[1:] = newlines[kept[1:]] - newlines[previous[1:]] > 0  # a line break between: a new paragraph
    prev_codes = codes[previous[1:]]
    begins[1:] |= np.isin(prev_codes, _AFTER)
    two_back = np.empty(len(kept), dtype=np.int64)
    two_back[:2] = kept[0]
    two_back[2:] = kept[:-2]
    begins[1:] |= np.isin(prev_codes, _QUOTE_CLOSERS) & np.isin(codes[two_back[1:]], _AFTER)
    for m in _ARTICLE.finditer(text):
        k = int(np.searchsorted(kept, m.end()))
        if k < len(begins):
            begins[k] = True
    return begins


def _bridge(scan: _Scan, j: int, i: int, new_start: int, max_gap: int) -> tuple[int, int, bool]:
    """Carry a match past small edits: skip up to ``max_gap`` characters on either side where at
    least ``_RESYNC`` characters agree again. Returns the ends and whether no edit was bridged."""
    exact = True
    while True:
        step = _resync(scan, j, i, new_start, max_gap)
        if step is None:
            return j, i, exact
        gj, gi = step
        length = scan.forward(j + gj, i + gi, new_start)
        j, i, exact = j + gj + length, i + gi + length, False


def _bridge_back(scan: _Scan, j: int, i: int, floor: int, max_gap: int) -> tuple[int, int, bool]:
    """:func:`_bridge` backwards: carry the start of a match back past small edits (忠实履行 /
    忠实之行), never into the previous repeat (``floor``) nor through the earlier copy's start."""
    text = scan.text
    exact = True
    while True:
        step = None
        for total in range(1, 2 * max_gap + 1):
            for gj in range(max(0, total - max_gap), min(total, max_gap) + 1):
                gi = total - gj
                a, b = j - gj, i - gi
                if a - _RESYNC < 0 or b - _RESYNC < max(floor, a) or text[a - _RESYNC : a] != text[b - _RESYNC : b]:
                    continue
                if _SEPARATOR in text[a:j] or _SEPARATOR in text[b:i]:
                    continue
                if scan.backward(a, b, b - max(floor, a)) >= _RESYNC:
                    step = (gj, gi)
                    break
            if step:
                break
        if step is None:
            return j, i, exact
        gj, gi = step
        length = scan.backward(j - gj, i - gi, i - gi - max(floor, j - gj))
        j, i, exact = j - gj - length, i - gi - length, False


def _resync(scan: _Scan, j: int, i: int, limit: int, max_gap: int) -> tuple[int, int] | None:
    text = scan.text
    for total in range(1, 2 * max_gap + 1):
        for gj in range(max(0, total - max_gap), min(total, max_gap) + 1):
            gi = total - gj
            a, b = j + gj, i + gi
            if b + _RESYNC > len(text) or a + _RESYNC > limit or text[a : a + _RESYNC] != text[b : b + _RESYNC]:
                continue
            if _SEPARATOR in text[j:a] or _SEPARATOR in text[i:b]:
                continue  # an edit is never bridged from one document into the next
            if scan.forward(a, b, limit) >= _RESYNC:
                return gj, gi
    return None
