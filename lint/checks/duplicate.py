"""Kind ``duplicate``: sentences and passages that occur twice.

Pasting a sentence twice, or into the wrong section, leaves a copy of earlier text. Finding
every maximal repeat is mechanical; deciding which repeats are pastes is the work, because
edited text repeats itself on purpose: statutes draft provisions in parallel, reports and
news recur to formulas, documentation restates a note on every page that needs it.

Finding (linear in the text, :mod:`doclint.checks.repeats`): every repeated passage is
found from rare 8-character windows, extended to its maximal length both ways, and carried
across small edits, so a near copy is one repeat.

Deciding (evidence → decision), for the later copy of each repeat:

* **Where.** A file that holds several documents (:mod:`doclint.profile.blocks`) is compared
  document by document: two stories of a day's news may share a formula.
* **What.** Only whole sentences are reported (a run of them as one passage), or, as a
  warning, a long run of whole clauses; short sentences and ``allow`` boilerplate are not.
* **A formula.** A passage that occurs ``formula`` times or more is the document's formula
  (构成犯罪的，依法追究刑事责任), not a paste.
* **Parallel drafting.** When the text around both copies is alike too (the rest of the two
  articles), the provisions were drafted in parallel (for 有限责任公司, then 股份有限公司).
* **Near copies.** Where the copies differ, the difference is read word by word: a different
  content word (测速仪 / 酒精检测仪, 足以 / 不足以) makes two parallel provisions; a slip of a
  character (履行 / 之行: a far less likely word) or a changed function word (和 / 与) makes a
  pasted copy that was touched afterwards.

Exact copies of whole sentences are errors; near copies and repeated clauses are warnings.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from doclint.checks.base import Check
from doclint.checks.regex import compile_all
from doclint.checks.repeats import SEED, Corpus, Repeat, find_repeats
from doclint.document.chars import CJK_CLASS, CLOSERS, SPACES, fold_width
from doclint.language.likelihood import log_probability
from doclint.language.segment import Token, tokens

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding, Location

_CLAUSE_START = "，；：、。！？!?;:,"
_CLAUSE_END = "，；。！？!?;,…"
_SENTENCE_FINAL = "。！？!?…"
_STARTS_AFTER = _SENTENCE_FINAL + "\n"  # what a sentence may begin after
_LEADING_NUMBER = re.compile(
    r"(?:第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、])[\s\u3000]*"
)
_NUMBER_BEFORE = re.compile(  # …or an article or item number: 第五条 （三） 二、 4.
    r"(?:^|\n)(?:第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、])$"
)
_WHITESPACE = re.compile(r"\s+")
_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿\d]")
_CONTENT = re.compile(rf"[{CJK_CLASS}A-Za-z0-9]")
_SENTENCE_END = re.compile(rf"[{_SENTENCE_FINAL}]+[{CLOSERS}]*")
_CONTEXT = 120  # characters of each paragraph around a copy compared for parallel drafting
_LOOKBACK = 8  # closing marks skipped back when looking for the end of the previous sentence
_MIN_REST = 4  # content characters the paragraph must keep besides the repeat to count as parallel
_MARK_SKIP = 3  # characters a repeat may begin before its first whole sentence: 三）of （三）
_WORD_CONTEXT = 4  # characters each side of an edit read to judge the words it changes
_FUNCTION_TAGS = ("c", "p", "u", "d", "r", "y", "e", "x")  # parts of speech that carry no content


def content_length(text: str) -> int:
    """Characters that carry content: CJK, Latin letters and digits."""
    return len(_CONTENT.findall(text))


class Duplicate(Check):
    name = "duplicate"
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "scope": {"enum": ["document", "corpus"]},
            "min_chars": {"type": "integer", "minimum": SEED},
            "clause_chars": {"type": "integer", "minimum": SEED},
            "similarity": {"type": "number", "minimum": 0.5, "maximum": 1},
            "max_gap": {"type": "integer", "minimum": 0, "maximum": 20},
            "parallel_similarity": {"type": "number", "minimum": 0, "maximum": 1},
            "formula": {"type": "integer", "minimum": 2},
            "slip_drop": {"type": "number", "minimum": 0},
            "parallel_chapters": {"type": "integer", "minimum": 2},
            "technical_latin_share": {"type": "number", "minimum": 0, "maximum": 1},
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
        self.formula = params.get("formula", 3)
        self.slip_drop = params.get("slip_drop", 3.0)
        self.parallel_chapters = params.get("parallel_chapters", 3)
        self.technical = params.get("technical_latin_share", 0.2)
        self.allow: list[re.Pattern[str]] = compile_all(params.get("allow", []))

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        if self.scope == "document":
            yield from self._report(Corpus([doc], by_document=True), rule)

    def run_corpus(self, docs: Sequence[Document], rule: Rule) -> Iterator[Finding]:
        if self.scope == "corpus":
            yield from self._report(Corpus(docs, by_document=False), rule)

    def _report(self, corpus: Corpus, rule: Rule) -> Iterator[Finding]:
        judged: list[tuple[Finding | None, tuple[int, ...] | None]] = []
        links: Counter[tuple[int, ...]] = Counter()
        for repeat in find_repeats(corpus, self.max_gap):
            if corpus.block(repeat.new) != corpus.block(repeat.old) and self.scope == "document":
                continue  # two documents of one file
            finding, chapters = self._judge(corpus, repeat, rule)
            judged.append((finding, chapters))
            if chapters is not None:
                links[chapters] += 1
        for finding, chapters in judged:
            if finding is not None and (chapters is None or links[chapters] < self.parallel_chapters):
                yield finding  # (chapters linked by that many sentences were drafted in parallel)

    def _judge(self, corpus: Corpus, repeat: Repeat, rule: Rule) -> tuple[Finding | None, tuple[int, ...] | None]:
        """The finding for one repeat (None when it is no paste), and, for whole sentences shared by
        two chapters of one document, the pair of chapters (a link that parallel drafting makes)."""
        doc, start, end = corpus.view_span(repeat.new, repeat.new_end)
        old_doc, old_start, old_end = corpus.view_span(repeat.old, repeat.old_end)
        text, old_text = doc.logical.text, old_doc.logical.text
        spans = (start, end), (old_start, old_end)  # the whole copies, left out when comparing their context
        exact = repeat.exact
        found = self._reportable(doc, start, end)
        # A slip in a sentence's first or last characters stops the repeat short of its edge: reach
        # the edge when both copies have one that close, if that makes more whole sentences.
        reached = self._reach(text, old_text, (start, end), (old_start, old_end))
        if reached is not None:
            longer = self._reportable(doc, *reached[0])
            wider = longer is not None and (found is None or longer[2] - longer[1] > found[2] - found[1])
            (a, b), (c, d) = reached
            if wider and self._compare(_squeezed(old_text[c:d]), _squeezed(text[a:b]))[1]:
                found, exact = longer, False
                (start, end), (old_start, old_end) = reached
        if found is None:
            return None, None
        what, start_, end_ = found
        if any(p.search(text[start_:end_]) for p in self.allow):
            return None, None
        if start_ != start:
            old_start = corpus.old_position(repeat, start_)
        if end_ != end:
            old_end = corpus.old_position(repeat, end_ - 1) + 1
        start, end = start_, end_
        if corpus.occurrences(repeat, start, end) >= self.formula:
            return None, None  # a formula of the document
        chapters = _chapters(doc, old_doc, start, old_start)
        similarity = 1.0
        if not exact:
            similarity, touched = self._compare(_squeezed(old_text[old_start:old_end]), _squeezed(text[start:end]))
            if similarity < self.similarity:
                return None, None  # different sentences
            if not touched:
                return None, chapters  # different in content words: parallel provisions
        elsewhere = doc is not old_doc or _section(doc, start) != _section(doc, old_start)
        # two articles alike around the copies are parallel; within one article, only a touched-up
        # or partial copy can be (a condition restated: 行为人没有代理权……的), not a whole sentence
        same_unit = doc is old_doc and _unit(doc, start) == _unit(doc, old_start) and exact and what != "clause"
        if not same_unit and self._parallel(_around(doc, *spans[0]), _around(old_doc, *spans[1])):
            return None, chapters
        begins_clause = old_text[old_start - 1 : old_start] in tuple(_CLAUSE_START + CLOSERS)
        if what != "clause" and not begins_clause and _sentence_start(old_text, old_start) < 0:
            # the earlier copy does not begin a clause: the "sentence" is the tail of a
            # longer one (有关部门，… inside 国务院有关部门，…)
            if content_length(text[start:end]) < self.clause_chars:
                return None, None
            what = "clause"
        level = rule.level if exact and what != "clause" else "warning"
        if elsewhere and doc.profile.latin_share >= self.technical:
            level = "info"  # documentation restates a note or a step in each section that needs it
        old_loc = old_doc.view_location(old_start, old_end)
        where, where_en = _place(old_loc)
        finding = rule.finding(
            doc.view_location(start, end),
            suggestion="",
            related=[old_loc],
            level=level,
            what=_WHAT[what][0],
            what_en=_WHAT[what][1],
            line=old_loc.line,
            where=where,
            where_en=where_en,
            path=old_loc.path,
            exact="完全相同" if exact else f"相似度 {similarity:.0%}",
        )
        return finding, chapters

    def _reach(
        self, text: str, old_text: str, span: tuple[int, int], old_span: tuple[int, int]
    ) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """Both copies carried to the sentence edges at most ``max_gap`` characters away, when any
        edge moves: the spans of the two copies, or None."""
        (start, end), (old_start, old_end) = span, old_span
        starts = _reach_start(text, start, self.max_gap), _reach_start(old_text, old_start, self.max_gap)
        if None not in starts:
            start, old_start = starts  # type: ignore[assignment]
        ends = _reach_end(text, end, self.max_gap), _reach_end(old_text, old_end, self.max_gap)
        if None not in ends:
            end, old_end = ends  # type: ignore[assignment]
        moved = ((start, end), (old_start, old_end))
        return moved if moved != (span, old_span) else None

    def _compare(self, old: str, new: str) -> tuple[float, bool]:
        """How alike two near copies are, and whether they differ only as a touched-up paste:
        in function words or by a slip, not in content words."""
        from rapidfuzz.distance import Indel, Levenshtein

        similarity = 1 - Indel.normalized_distance(old, new)
        edits = [op for op in Levenshtein.opcodes(old, new) if op.tag != "equal"]
        changes = Counter((old[op.src_start : op.src_end], new[op.dest_start : op.dest_end]) for op in edits)
        if any(n > 1 for n in changes.values()):
            return similarity, False  # 单条 → 多条 twice over: the same change made again is an edit, not a slip
        for op in edits:
            if not self._touch_up(old, op.src_start, op.src_end, new, op.dest_start, op.dest_end):
                return similarity, False
        return similarity, True

    def _touch_up(self, old: str, a: int, b: int, new: str, c: int, d: int) -> bool:
        """Whether the edit old[a:b] → new[c:d] is a slip or a function-word change."""
        if _NUMERAL.search(old[a:b]) and _NUMERAL.search(new[c:d]):
            return False  # a different number (第一百七十一条 / 第一百七十二条) is different content
        old_lead, new_lead = min(a, _WORD_CONTEXT), min(c, _WORD_CONTEXT)
        old_words = _changed_words(old[a - old_lead : b + _WORD_CONTEXT], old_lead, b - a)
        new_words = _changed_words(new[c - new_lead : d + _WORD_CONTEXT], new_lead, d - c)
        if b - a == d - c == 1 and old_words and new_words:
            # score the same stretch in both copies: the words the edit touches, in either
            lead = max(old_lead - old_words[0].start, new_lead - new_words[0].start)
            tail = max(old_words[-1].end - old_lead - 1, new_words[-1].end - new_lead - 1)
            before = log_probability(old[a - lead : b + tail])
            after = log_probability(new[c - lead : d + tail])
            if abs(after - before) > self.slip_drop:
                return True  # 履行 → 之行: one copy reads far less likely than the other, a slip
        return all(t.pos.startswith(_FUNCTION_TAGS) for t in old_words + new_words)  # 和 → 与

    def _parallel(self, rest: str, old_rest: str) -> bool:
        """Parallel drafting, not a paste: the text around the two copies is alike too, as in laws
        that repeat a provision for 有限责任公司 and again for 股份有限公司."""
        from rapidfuzz.fuzz import ratio

        if content_length(rest) < _MIN_REST or content_length(old_rest) < _MIN_REST:
            return False
        return ratio(rest, old_rest) / 100 >= self.parallel

    def _reportable(self, doc: Document, start: int, end: int) -> tuple[str, int, int] | None:
        """What the repeat [start, end) amounts to in the later copy, and the span to report:
        whole sentences ('sentence', or 'passage' for several), else a long run of whole
        clauses ('clause'), else None."""
        text = doc.logical.text
        covered = _whole_sentences(text, start, end)
        if covered and content_length(text[covered[0][0] : covered[-1][1]]) >= self.min_chars:
            return ("passage" if len(covered) > 1 else "sentence"), covered[0][0], covered[-1][1]
        while start < end and text[start] in _CLAUSE_START + SPACES + "\n":
            start += 1
        if (marker := _LEADING_NUMBER.match(text, start, end)) is not None:
            start = marker.end()  # an article or item number belongs to no copy
        part = text[start:end]
        before = text[start - 1] if start else "\n"
        if (
            content_length(part) >= self.clause_chars
            and before in _CLAUSE_START + "\n"
            and part.rstrip(CLOSERS)[-1:] in _CLAUSE_END
        ):
            return "clause", start, end
        return None


def _whole_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences lying wholly inside [start, end) of the view text (cost: the span itself)."""
    spans = []
    position = next((p for p in range(start, min(end, start + _MARK_SKIP)) if _sentence_start(text, p) == p), -1)
    while 0 <= position < end and text[position] in SPACES + "\n":
        position += 1
    for m in _SENTENCE_END.finditer(text, start, end):
        if position >= start and m.end() <= end:
            spans.append((position, m.end()))
        position = m.end()
        while position < end and text[position] in SPACES + "\n":
            position += 1
    return spans


def _sentence_start(text: str, start: int) -> int:
    """``start`` when a sentence begins there (after 。！？, at a paragraph's start, or after an
    article or item number), else -1 (inside a sentence)."""
    i = start
    while i > 0 and text[i - 1] in SPACES:
        i -= 1
    j = i
    while j > max(0, i - _LOOKBACK) and text[j - 1] in CLOSERS:
        j -= 1
    if j == 0 or text[j - 1] in _STARTS_AFTER:
        return start
    return start if _NUMBER_BEFORE.search(text, max(0, i - _LOOKBACK * 2), i) else -1


def _reach_start(text: str, start: int, gap: int) -> int | None:
    """The nearest sentence start at most ``gap`` characters before ``start``, if any."""
    for k in range(min(gap, start) + 1):
        if _sentence_start(text, start - k) >= 0:
            return start - k
    return None


def _reach_end(text: str, end: int, gap: int) -> int | None:
    """The nearest sentence end at most ``gap`` characters after ``end``, if any."""
    for k in range(min(gap, len(text) - end) + 1):
        m = _SENTENCE_END.match(text, end + k - 1) if end + k > 0 else None
        if m and m.start() == end + k - 1 and text[end + k : end + k + 1] not in tuple(CLOSERS + _SENTENCE_FINAL):
            return end + k
    return None


def _squeezed(text: str) -> str:
    """Text as the repeat finder compares it: widths folded, whitespace dropped."""
    return _WHITESPACE.sub("", fold_width(text))


def _chapters(doc: Document, old_doc: Document, start: int, old_start: int) -> tuple[int, ...] | None:
    """The chapters (第X章) of one document holding two copies, when they differ."""
    if doc is not old_doc or not doc.profile.chapter_starts:
        return None
    chapters = doc.profile.chapter_starts
    pair = (bisect_right(chapters, old_start), bisect_right(chapters, start))
    return pair if pair[0] != pair[1] else None


def _section(doc: Document, offset: int) -> int:
    """How many headings come before ``offset``: paragraphs under one heading share a section."""
    return bisect_right(doc.profile.heading_starts, offset)


def _unit(doc: Document, offset: int) -> int:
    """Index of the drafting unit (article, else paragraph) holding ``offset``."""
    return bisect_right(doc.profile.unit_starts, offset) - 1


def _around(doc: Document, start: int, end: int) -> str:
    """Up to ``_CONTEXT`` characters of the drafting unit (article or paragraph) on each side of
    [start, end), line breaks dropped."""
    units = doc.profile.unit_starts
    text = doc.logical.text
    k = bisect_right(units, start) - 1
    left = max(units[k] if k >= 0 else 0, start - _CONTEXT)
    right = (
        units[bisect_right(units, max(start, end - 1))]
        if bisect_right(units, max(start, end - 1)) < len(units)
        else len(text)
    )
    right = min(right, end + _CONTEXT)
    return (text[left:start] + text[end:right]).replace("\n", "")


def _changed_words(window: str, a: int, length: int) -> list[Token]:
    """The words of ``window`` that overlap the edit [a, a + length) (or touch an insertion point)."""
    end = a + max(length, 1)
    return [t for t in tokens(window) if t.start < end and t.end > a and t.word.strip()]


_WHAT = {
    "sentence": ("句子", "sentence"),
    "passage": ("段落", "passage"),
    "clause": ("句段", "clause"),
}


def _place(loc: Location) -> tuple[str, str]:
    """Where the earlier copy is, in Chinese and English: a line, or a Word file's paragraph."""
    if loc.part is None:
        return f"第 {loc.line} 行", f"line {loc.line}"
    if not loc.part:
        return f"第 {loc.line} 段", f"paragraph {loc.line}"
    return f"{loc.part} 第 {loc.line} 段", f"{loc.part}, paragraph {loc.line}"
