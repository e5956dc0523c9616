"""Kind ``divergence``: every real difference between two versions of a document.

Layout is not a difference: both versions are compared on their logical text
with line breaks, blank lines and spaces removed and full-width forms folded,
so a hard-wrapped OCR page and a flowed web copy compare equal where their
words and punctuation are equal. ``ignore`` patterns (page furniture) are cut
out before comparing. Punctuation is compared: ，→ 、 is a real change.

Alignment is coarse first, fine second, so the cost stays about linear when
the versions are mostly equal:

1. Both texts are cut into sentences; sentences that occur exactly once in
   each version are anchors, and the longest increasing run of anchors fixes
   the common skeleton (patience diff). Equal neighbours of anchors extend it.
2. Only the regions between anchors are compared character by character, with
   rapidfuzz's C++ Indel opcodes. A region too large for that (a whole article
   present in one version only) is reported as one passage.

Each contiguous change is one finding located in NEW (a deletion is a
zero-width span where the text went missing), with ``related`` pointing at
OLD. A passage present in one version only is one finding; a passage deleted
in one place and inserted in another is reported once, as moved.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from rapidfuzz.distance import Indel

from doclint.checks.base import Check
from doclint.checks.regex import compile_all
from doclint.document.chars import SPACES, fold_width

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding

_SENTENCE = re.compile(r"[^。！？!?；;…]*[。！？!?；;…]+[”’」』）)]*|[^。！？!?；;…]+$")
_FINE_LIMIT = 200_000  # region size product above which a region is not diffed character by character
_MERGE_GAP = 1  # equal characters that may sit inside one change (设计→定价 stays one change)
_REWRITTEN = 0.6  # below this similarity a region is a rewritten passage, not a set of word changes
_SENTENCE_LIMIT = 50_000_000  # sentence pairs difflib may weigh in a range with no unique sentence
_SEPARATE = 4  # a rewritten region this many passages long is two unrelated passages, not one replacement


class Text:
    """A version reduced to what is compared, with a map back to its logical view."""

    def __init__(self, doc: Document, ignore: Sequence[re.Pattern[str]]) -> None:
        self.doc = doc
        view = doc.logical.text
        hidden = bytearray(len(view))
        for pattern in ignore:
            for m in pattern.finditer(view):
                hidden[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        folded = fold_width(view)
        chars: list[str] = []
        self.offset = array("q")
        for i, ch in enumerate(folded):
            if hidden[i] or ch in SPACES or ch == "\n":
                continue
            chars.append(ch)
            self.offset.append(i)
        self.text = "".join(chars)
        self.offset.append(len(view))

    def original(self, start: int, end: int) -> str:
        """The compared characters [start, end) as written (full width kept), without spaces."""
        view = self.doc.logical.text
        return "".join(view[self.offset[k]] for k in range(start, end))

    def view_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            at = self.offset[start]
            return at, at
        return self.offset[start], self.offset[end - 1] + 1

    def sentences(self) -> list[tuple[int, int]]:
        return [m.span() for m in _SENTENCE.finditer(self.text) if m.end() > m.start()]


@dataclass(frozen=True)
class Change:
    """OLD [a0, a1) became NEW [b0, b1), in compared-text offsets."""

    a0: int
    a1: int
    b0: int
    b1: int
    moved_from: int = -1  # for a move: where the passage stood in OLD
    passage: bool = False  # a whole passage on one side: never merged with its neighbours


def align(
    old: str, new: str, old_cuts: list[tuple[int, int]], new_cuts: list[tuple[int, int]], passage: int
) -> list[Change]:
    """Contiguous changes between ``old`` and ``new``, coarse by sentences then fine by characters."""
    changes: list[Change] = []
    for (a0, a1), (b0, b1) in _gaps(old, new, old_cuts, new_cuts):
        changes.extend(_fine(old, new, a0, a1, b0, b1, passage))
    return _merge(changes)


def _gaps(
    old: str, new: str, old_cuts: list[tuple[int, int]], new_cuts: list[tuple[int, int]]
) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """Regions between matched sentences: (OLD start, end), (NEW start, end)."""
    old_s = [old[a:b] for a, b in old_cuts]
    new_s = [new[a:b] for a, b in new_cuts]
    chain = _match_sentences(old_s, new_s, 0, len(old_s), 0, len(new_s))
    oi, nj = 0, 0
    for i, j in chain:
        a0 = old_cuts[oi][0] if oi < len(old_cuts) else len(old)
        b0 = new_cuts[nj][0] if nj < len(new_cuts) else len(new)
        if (a0, b0) != (old_cuts[i][0], new_cuts[j][0]):
            yield (a0, old_cuts[i][0]), (b0, new_cuts[j][0])
        oi, nj = i + 1, j + 1
    a0 = old_cuts[oi][0] if oi < len(old_cuts) else len(old)
    b0 = new_cuts[nj][0] if nj < len(new_cuts) else len(new)
    if a0 < len(old) or b0 < len(new):
        yield (a0, len(old)), (b0, len(new))


def _match_sentences(old_s: list[str], new_s: list[str], i0: int, i1: int, j0: int, j1: int) -> list[tuple[int, int]]:
    """Equal sentence pairs in order (patience diff): anchor on sentences that occur as often in
    both ranges, extend over equal neighbours, and repeat inside each gap; ranges with no such
    sentence fall back to difflib on sentences while they are small."""
    if i0 >= i1 or j0 >= j1:
        return []
    count_old = Counter(old_s[i0:i1])
    count_new = Counter(new_s[j0:j1])
    # sentences as frequent in both ranges pair up in order: the k-th with the k-th
    # (unique sentences are the case k = 1; a document that repeats itself is the rest)
    seen_old: dict[str, list[int]] = {}
    for i in range(i0, i1):
        if count_old[old_s[i]] == count_new[old_s[i]]:
            seen_old.setdefault(old_s[i], []).append(i)
    rank: Counter[str] = Counter()
    pairs = []
    for j in range(j0, j1):
        occurrences = seen_old.get(new_s[j])
        if occurrences:
            pairs.append((occurrences[rank[new_s[j]]], j))
            rank[new_s[j]] += 1
    anchors = _longest_increasing(pairs)
    if not anchors:
        if (i1 - i0) * (j1 - j0) > _SENTENCE_LIMIT:
            return []
        matcher = SequenceMatcher(None, old_s[i0:i1], new_s[j0:j1], autojunk=False)
        return [(i0 + a + k, j0 + b + k) for a, b, n in matcher.get_matching_blocks() for k in range(n)]
    chain: list[tuple[int, int]] = []
    pi, pj = i0, j0
    for i, j in [*anchors, (i1, j1)]:
        # equal neighbours after the previous anchor and before this one
        while pi < i and pj < j and old_s[pi] == new_s[pj]:
            chain.append((pi, pj))
            pi, pj = pi + 1, pj + 1
        tail: list[tuple[int, int]] = []
        qi, qj = i - 1, j - 1
        while qi >= pi and qj >= pj and old_s[qi] == new_s[qj]:
            tail.append((qi, qj))
            qi, qj = qi - 1, qj - 1
        chain.extend(_match_sentences(old_s, new_s, pi, qi + 1, pj, qj + 1))
        chain.extend(reversed(tail))
        if i < i1:
            chain.append((i, j))
        pi, pj = i + 1, j + 1
    return chain


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of pairs increasing in both coordinates (pairs sorted by the first), O(n log n)."""
    pairs = sorted(pairs)
    tails: list[int] = []  # smallest second coordinate ending a chain of each length
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[pos] = j
            tail_index[pos] = k
        parent[k] = tail_index[pos - 1] if pos else -1
    chain = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(pairs[k])
        k = parent[k]
    return chain[::-1]


def _fine(old: str, new: str, a0: int, a1: int, b0: int, b1: int, passage: int) -> Iterator[Change]:
    """Character changes inside one region; a region rewritten as a whole is one or two passages."""
    while a0 < a1 and b0 < b1 and old[a0] == new[b0]:
        a0, b0 = a0 + 1, b0 + 1
    while a0 < a1 and b0 < b1 and old[a1 - 1] == new[b1 - 1]:
        a1, b1 = a1 - 1, b1 - 1
    if a0 == a1 and b0 == b1:
        return
    big = (a1 - a0) * (b1 - b0) > _FINE_LIMIT
    if (
        a0 == a1
        or b0 == b1
        or (
            min(a1 - a0, b1 - b0) >= passage // 2
            and (big or Indel.normalized_similarity(old[a0:a1], new[b0:b1]) < _REWRITTEN)
        )
    ):
        if a0 < a1 and b0 < b1 and (big or max(a1 - a0, b1 - b0) >= _SEPARATE * passage):
            yield Change(a0, a1, b0, b0, passage=True)  # a passage only in OLD, and one only in NEW
            yield Change(a1, a1, b0, b1, passage=True)
        else:
            yield Change(a0, a1, b0, b1)  # rewritten as a whole: one change
        return
    if big:
        yield Change(a0, a1, b0, b1)
        return
    for tag, i0, i1, j0, j1 in Indel.opcodes(old[a0:a1], new[b0:b1]):
        if tag != "equal":
            yield Change(a0 + i0, a0 + i1, b0 + j0, b0 + j1)


def _merge(changes: list[Change]) -> list[Change]:
    """Join changes separated by at most _MERGE_GAP equal characters on both sides."""
    merged: list[Change] = []
    for c in changes:
        if merged and not c.passage and not merged[-1].passage:
            last = merged[-1]
            if c.a0 - last.a1 <= _MERGE_GAP and c.b0 - last.b1 <= _MERGE_GAP and c.a0 - last.a1 == c.b0 - last.b1:
                merged[-1] = Change(last.a0, c.a1, last.b0, c.b1)
                continue
        merged.append(c)
    return merged


def find_moves(old: str, new: str, changes: list[Change], min_chars: int) -> list[Change]:
    """Pair a long deletion with an equal long insertion elsewhere: one move instead of two changes."""
    deleted = {old[c.a0 : c.a1]: c for c in changes if c.b0 == c.b1 and c.a1 - c.a0 >= min_chars}
    out: list[Change] = []
    used: set[Change] = set()
    for c in changes:
        if c.a0 == c.a1 and c.b1 - c.b0 >= min_chars and (gone := deleted.get(new[c.b0 : c.b1])) and gone not in used:
            used.add(gone)
            out.append(Change(c.b0, c.b0, c.b0, c.b1, moved_from=gone.a0))
            continue
        out.append(c)
    return [c for c in out if c not in used]


class Divergence(Check):
    name = "divergence"
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "ignore": {"type": "array", "items": {"type": "string"}},
            "passage_chars": {"type": "integer", "minimum": 2},
            "context_chars": {"type": "integer", "minimum": 0, "maximum": 40},
        },
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.ignore = compile_all(params.get("ignore", []))
        self.passage_chars = params.get("passage_chars", 40)
        self.context_chars = params.get("context_chars", 8)

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        return iter(())  # divergence compares pairs: see compare()

    def changes(self, old_doc: Document, new_doc: Document) -> tuple[Text, Text, list[Change]]:
        old, new = Text(old_doc, self.ignore), Text(new_doc, self.ignore)
        changes = align(old.text, new.text, old.sentences(), new.sentences(), self.passage_chars)
        return old, new, find_moves(old.text, new.text, changes, self.passage_chars)

    def compare(self, old_doc: Document, new_doc: Document, rule: Rule) -> Iterator[Finding]:
        old, new, changes = self.changes(old_doc, new_doc)
        for c in changes:
            yield self._finding(old, new, c, rule)

    def describe(self, old: Text, new: Text, c: Change) -> tuple[str, str, tuple[int, int]]:
        """What a change is (kind), how to say it, and its span in OLD's logical view."""
        before = old.original(c.a0, c.a1)
        after = new.original(c.b0, c.b1)
        old_span = old.view_span(c.a0, c.a1)
        half = self.passage_chars // 2
        if c.moved_from >= 0:
            return (
                "moved",
                f"移动的段落（{len(after)} 字）：“{_clip(after)}” / moved passage",
                old.view_span(c.moved_from, c.moved_from + (c.b1 - c.b0)),
            )
        if not after and len(before) >= self.passage_chars:
            return (
                "old-only",
                f"仅见于旧版本的段落（{len(before)} 字）：“{_clip(before)}” / passage only in OLD",
                old_span,
            )
        if not before and len(after) >= self.passage_chars:
            return (
                "new-only",
                f"仅见于新版本的段落（{len(after)} 字）：“{_clip(after)}” / passage only in NEW",
                old_span,
            )
        if not after:
            return "deleted", f"删除“{before}” / deleted", old_span
        if not before:
            return "inserted", f"增加“{after}” / inserted", old_span
        if len(before) >= half and len(after) >= half:
            replaced = f"“{_clip(before)}”（{len(before)} 字）→ “{_clip(after)}”（{len(after)} 字）"
            return "replaced", f"段落被替换：{replaced} / passage replaced", old_span
        return "changed", f"“{before}” → “{after}” / changed", old_span

    def _finding(self, old: Text, new: Text, c: Change, rule: Rule) -> Finding:
        kind, change, old_span = self.describe(old, new, c)
        return rule.finding(
            new.doc.view_location(*new.view_span(c.b0, c.b1)),
            related=[old.doc.view_location(*old_span)],
            level="warning" if kind in PASSAGE_KINDS else None,
            change=change,
            context=new.original(max(0, c.b0 - self.context_chars), c.b0),
            what=kind,
        )


PASSAGE_KINDS = ("old-only", "new-only", "moved")


def _clip(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit // 2] + "…" + text[-limit // 2 :]
