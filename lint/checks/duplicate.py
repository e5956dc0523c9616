"""Kind ``duplicate``: sentences and passages that occur twice.

Pasting a sentence twice, or a paragraph into the wrong section, leaves an
exact copy of earlier text. We find every maximal repeated passage in one
linear pass, the way copy detectors do:

1. Normalise the text: widths folded, whitespace and line breaks dropped,
   with a map back to positions.
2. Index every ``k``-character window. A window seen before, but not more than
   a few times, is a seed; the seed is extended forward and backward to the
   maximal repeat, and the scan jumps past it. Windows seen more often are
   boilerplate (套语, common clauses): they seed nothing, so they cannot make the
   scan quadratic, yet a repeat running through them is still found from its
   rarer parts and extended across them.
3. Repeats separated by a few edited characters on both sides are merged into
   one near duplicate, scored with rapidfuzz; below ``similarity`` it is dropped.
4. A repeat is reported when it covers at least one whole sentence of the
   later copy (a run of sentences is one finding), or, as a warning, when it
   is a long run of whole clauses (a half-sentence pasted elsewhere).

Cost: one dictionary lookup per character plus the length of each repeat,
so linear in the size of the text; rapidfuzz runs only on merged repeats.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz.fuzz import ratio

from doclint.checks.base import Check
from doclint.checks.regex import compile_all, compile_regex
from doclint.document.chars import CLOSERS, SPACES, fold_width, is_cjk

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding

_SEED = 8  # window length that starts a match
_CLAIM = 64  # characters a repeat may take back from the one before it, to start at its sentence
_RESYNC = 4  # characters that must agree again after a bridged edit
_BUCKET = 8  # positions remembered per window; a window seen more often seeds nothing
_SEPARATOR = "\x00"  # between documents in corpus scope; never equal to text
_CLAUSE_START = "，；：、。！？!?;:,"
_CLAUSE_END = "，；。！？!?;,…"
_SENTENCE_FINAL = "。！？!?…"
_MIN_REST = 4  # content characters a paragraph must keep besides the repeat to count as parallel


@dataclass(frozen=True)
class Repeat:
    """The later copy [new, new_end) of the earlier text [old, old_end), in normalised offsets."""

    old: int
    old_end: int
    new: int
    new_end: int
    exact: bool


class Corpus:
    """Normalised text of one or more documents with a map back to (document, view offset)."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self.docs = list(docs)
        chunks: list[str] = []
        self.doc_of = array("i")
        self.offset = array("q")
        for d, doc in enumerate(self.docs):
            view = fold_width(doc.logical.text)
            for i, ch in enumerate(view):
                if ch in SPACES or ch == "\n":
                    continue
                chunks.append(ch)
                self.doc_of.append(d)
                self.offset.append(i)
            chunks.append(_SEPARATOR)
            self.doc_of.append(d)
            self.offset.append(len(view))
        self.text = "".join(chunks)

    def view_span(self, start: int, end: int) -> tuple[Document, int, int]:
        return self.docs[self.doc_of[start]], self.offset[start], self.offset[end - 1] + 1


def find_repeats(text: str, max_gap: int) -> list[Repeat]:
    """Maximal repeated passages, each later copy after its earlier one; small edits bridged."""
    seen: dict[str, list[int]] = {}
    repeats: list[Repeat] = []
    i, floor, n = 0, 0, len(text)
    while i + _SEED <= n:
        window = text[i : i + _SEED]
        bucket = seen.setdefault(window, [])
        best_len, best_j = 0, -1
        if len(bucket) < _BUCKET:  # a window seen this often is boilerplate: never a seed
            for j in bucket:
                length = _extend(text, j, i, i)
                if length > best_len:
                    best_len, best_j = length, j
            bucket.append(i)
        if best_len < _SEED:
            i += 1
            continue
        j, start = best_j, i
        while start > floor and j > 0 and text[start - 1] == text[j - 1] != _SEPARATOR:
            start, j = start - 1, j - 1
        if start == floor and repeats and repeats[-1].new_end == floor:
            start, j = _claim_sentence_start(text, repeats, start, j)
        old_end, new_end, exact = _bridge(text, best_j + best_len, i + best_len, start, max_gap)
        repeats.append(Repeat(j, old_end, start, new_end, exact))
        for k in range(i + 1, min(new_end, n - _SEED + 1)):  # the copy is text too: a third copy may match it
            bucket = seen.setdefault(text[k : k + _SEED], [])
            if len(bucket) < _BUCKET:
                bucket.append(k)
        i = floor = new_end
    return repeats


def _claim_sentence_start(text: str, repeats: list[Repeat], start: int, j: int) -> tuple[int, int]:
    """Two repeats meet at ``start``; if this one also matches a few characters further back,
    up to a sentence end, take them from the previous repeat ("（" of （三） belongs to its sentence)."""
    previous = repeats[-1]
    back = 0
    limit = min(start - previous.new - 1, j, _CLAIM)
    while back < limit and text[start - back - 1] == text[j - back - 1] != _SEPARATOR:
        back += 1
    for k in range(back, 0, -1):
        if text[start - k - 1] in _SENTENCE_FINAL:
            repeats[-1] = Repeat(previous.old, previous.old_end - k, previous.new, start - k, previous.exact)
            return start - k, j - k
    return start, j


def _extend(text: str, j: int, i: int, limit: int) -> int:
    """Length of the common run at j and i; the earlier copy may not reach ``limit`` (the later copy)."""
    length, n = 0, len(text)
    while i + length < n and j + length < limit and text[j + length] == text[i + length] != _SEPARATOR:
        length += 1
    return length


def _bridge(text: str, j: int, i: int, new_start: int, max_gap: int) -> tuple[int, int, bool]:
    """Carry a match past small edits: skip up to ``max_gap`` characters on either side
    where at least ``_RESYNC`` characters agree again. Returns the ends and whether no edit was bridged."""
    exact = True
    while True:
        step = _resync(text, j, i, new_start, max_gap)
        if step is None:
            return j, i, exact
        gj, gi = step
        length = _extend(text, j + gj, i + gi, new_start)
        j, i, exact = j + gj + length, i + gi + length, False


def _resync(text: str, j: int, i: int, limit: int, max_gap: int) -> tuple[int, int] | None:
    for total in range(1, 2 * max_gap + 1):
        for gj in range(max(0, total - max_gap), min(total, max_gap) + 1):
            gi = total - gj
            if _extend(text, j + gj, i + gi, limit) >= _RESYNC:
                return gj, gi
    return None


def content_length(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum() or is_cjk(ch))


class Duplicate(Check):
    name = "duplicate"
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "scope": {"enum": ["document", "corpus"]},
            "min_chars": {"type": "integer", "minimum": _SEED},
            "clause_chars": {"type": "integer", "minimum": _SEED},
            "similarity": {"type": "number", "minimum": 0.5, "maximum": 1},
            "max_gap": {"type": "integer", "minimum": 0, "maximum": 20},
            "parallel_similarity": {"type": "number", "minimum": 0, "maximum": 1},
            "separate_units": {"type": "string"},
            "units_apart": {"type": "integer", "minimum": 1},
            "allow": {"type": "array", "items": {"type": "string"}},
        },
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.scope = params.get("scope", "document")
        self.min_chars = params.get("min_chars", 15)
        self.clause_chars = params.get("clause_chars", 30)
        self.similarity = params.get("similarity", 0.9)
        self.max_gap = params.get("max_gap", 4)
        self.parallel = params.get("parallel_similarity", 0.5)
        self.units_apart = params.get("units_apart", 10)
        units = params.get("separate_units")
        self.units = compile_regex(units) if units else None
        self.allow: list[re.Pattern[str]] = compile_all(params.get("allow", []))

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        if self.scope == "document":
            yield from self._report(Corpus([doc]), rule)

    def run_corpus(self, docs: Sequence[Document], rule: Rule) -> Iterator[Finding]:
        if self.scope == "corpus":
            yield from self._report(Corpus(docs), rule)

    def _report(self, corpus: Corpus, rule: Rule) -> Iterator[Finding]:
        units: dict[int, list[int]] = {}
        for repeat in find_repeats(corpus.text, self.max_gap):
            doc, start, end = corpus.view_span(repeat.new, repeat.new_end)
            old_doc, old_start, old_end = corpus.view_span(repeat.old, repeat.old_end)
            similarity = 1.0
            if not repeat.exact:
                old_text = old_doc.logical.text[old_start:old_end]
                similarity = ratio(doc.logical.text[start:end], old_text) / 100
            if similarity < self.similarity or self._parallel(doc, start, end, old_doc, old_start, old_end):
                continue
            apart = _units_apart(self._unit_starts(doc, units), old_start, start) if doc is old_doc else 0
            if apart >= self.units_apart or (apart and not repeat.exact):
                continue
            found = self._reportable(doc, start, end)
            if found is None:
                continue
            what, start, end = found
            if any(p.search(doc.logical.text[start:end]) for p in self.allow):
                continue
            # the earlier copy of what is reported: it must begin a clause too, or the "sentence"
            # is only the tail of a longer one (有关部门，… inside 国务院有关部门，…)
            old_start = corpus.offset[
                repeat.old + bisect_left(corpus.offset, start, repeat.new, repeat.new_end) - repeat.new
            ]
            before_old = old_doc.logical.text[old_start - 1] if old_start else "\n"
            if what != "clause" and before_old not in _CLAUSE_START + "\n" + CLOSERS:
                if content_length(doc.logical.text[start:end]) < self.clause_chars:
                    continue
                what = "clause"
            old_loc = old_doc.view_location(old_start, old_end)
            yield rule.finding(
                doc.view_location(start, end),
                suggestion="",
                related=[old_loc],
                level=rule.level if repeat.exact and what != "clause" else "warning",
                what=_WHAT[what][0],
                what_en=_WHAT[what][1],
                line=old_loc.line,
                path=old_loc.path,
                exact="完全相同" if repeat.exact else f"相似度 {similarity:.0%}",
            )

    def _parallel(self, doc: Document, start: int, end: int, old_doc: Document, old_start: int, old_end: int) -> bool:
        """Parallel drafting, not a paste: the rest of the two paragraphs is alike too, as in
        laws that repeat a provision for 有限责任公司 and again for 股份有限公司."""
        rest = _rest_of_paragraph(doc, start, end)
        old_rest = _rest_of_paragraph(old_doc, old_start, old_end)
        if content_length(rest) < _MIN_REST or content_length(old_rest) < _MIN_REST:
            return False
        return ratio(rest, old_rest) / 100 >= self.parallel

    def _unit_starts(self, doc: Document, cache: dict[int, list[int]]) -> list[int]:
        """View offsets where numbered units (``separate_units``) begin; computed once per document."""
        if self.units is None:
            return []
        if id(doc) not in cache:
            view = doc.logical
            cache[id(doc)] = [p.start for p in view.paragraphs if self.units.match(view.paragraph_text(p))]
        return cache[id(doc)]

    def _reportable(self, doc: Document, start: int, end: int) -> tuple[str, int, int] | None:
        """What the repeat [start, end) amounts to in the later copy, and the span to report:
        whole sentences ('sentence', or 'passage' for several), else a long run of whole
        clauses ('clause'), else None."""
        view = doc.logical
        covered = [
            (a, b)
            for par in view.paragraphs_in(start, end)
            for a, b in view.sentences(par)
            if start <= a and b <= end and view.text[a:b].rstrip(CLOSERS)[-1:] in _SENTENCE_FINAL
        ]
        if covered and content_length(view.text[covered[0][0] : covered[-1][1]]) >= self.min_chars:
            return ("passage" if len(covered) > 1 else "sentence"), covered[0][0], covered[-1][1]
        while start < end and view.text[start] in _CLAUSE_START + SPACES:
            start += 1
        text = view.text[start:end]
        before = view.text[start - 1] if start else "\n"
        if (
            content_length(text) >= self.clause_chars
            and before in _CLAUSE_START + "\n"
            and text.rstrip(CLOSERS)[-1:] in _CLAUSE_END
        ):
            return "clause", start, end
        return None


def _units_apart(unit_starts: list[int], first: int, second: int) -> int:
    """How many numbered units (第X条 of a statute) lie between two positions; 0 outside units."""
    a, b = bisect_right(unit_starts, first), bisect_right(unit_starts, second)
    return b - a if a > 0 else 0


def _rest_of_paragraph(doc: Document, start: int, end: int) -> str:
    """The paragraph(s) around [start, end) with the span itself cut out."""
    view = doc.logical
    pars = view.paragraphs_in(start, end)
    return view.text[pars[0].start : start] + view.text[end : pars[-1].end]


_WHAT = {
    "sentence": ("句子", "sentence"),
    "passage": ("段落", "passage"),
    "clause": ("句段", "clause"),
}
