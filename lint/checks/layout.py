"""Kind ``layout``: where text extraction or typesetting broke the text.

One kind, several checks chosen by ``params.check``:

* ``broken-paragraph`` — a paragraph break inside a sentence: the text before
  it cannot end a sentence and the text after it goes on with it.
* ``truncated-paragraph`` — text that stops mid-sentence right before a byline
  or a headline: the rest of the paragraph was lost.
* ``hard-wrap`` — lines cut at a fixed width inside paragraphs; one finding
  per document, with the width.
* ``furniture`` — running heads, credits, page numbers and jump lines in the
  body (``patterns``, matched against whole physical lines).

Headings, titles, bylines, captions, list items and datelines are told from
torn sentences by evidence — punctuation, length, position, what follows —
not by their wording. The whitespace checks also offer edits that ``doclint
fix`` applies; they change only whitespace and line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from doclint.checks.base import Check, Edit
from doclint.checks.numbering import read_marker
from doclint.checks.regex import compile_all
from doclint.document.chars import CJK_CLASS, CLOSERS, SENTENCE_END, SPACES, is_cjk
from doclint.document.logical import LogicalView, Paragraph
from doclint.language.likelihood import log_probability
from doclint.language.segment import last_word, tokens

_Indexed = tuple[int, Paragraph]  # a paragraph and its index in the logical view

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding

CHECKS = ("broken-paragraph", "truncated-paragraph", "hard-wrap", "furniture")
# Characters a sentence can stop at the end of a paragraph: 。！？… and the list/lead-in marks ；：
_CAN_END = SENTENCE_END + "；;：:"
# Characters that cannot end a title or a byline: function words and open brackets
_CANNOT_END_TITLE = "的了和与及是在对把被从向将其之以于为或并而且，、（《“‘「(["
_CLAUSE_MARKS = "，、；：。！？"
_ENUMERATION = re.compile(r"(?:第[一二三四五六七八九十]+[，、]|[一二三四五六七八九十][是要来][，、]?|首先|其一)")
_CREDIT = re.compile(
    rf"^\W?\s*(?:本报|新华社|央视)?(?:记者|通讯员|特约记者|文/|图/|摄影?/?)[\s{CJK_CLASS}/·、]{{0,24}}$"
)
_BYLINE = re.compile(rf"^[{CJK_CLASS}]{{2,4}}(?:[ \u3000]+[{CJK_CLASS}]{{1,4}}){{0,3}}$")
_EXCERPT = 12
_ATTRIBUTION = ("——", "--", "—", "－－")  # the dash that opens the source line under a quotation
_ATTRIBUTION_MAX = 60  # characters: a name, a title, a book; not a paragraph
_TABLE_ROW = re.compile(r"[ \u3000]\d[\d,.]*\S{0,2}$")
_JOIN_CONTEXT = 4  # characters each side of a break given to the segmenter
_PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("「", "」"), ("(", ")"))
# Words a paragraph cannot end on: function words that need what follows.
_CANNOT_END = set("的和与及在对把被从向将之以于或并而且不无未没非是给让使")  # as words of their own
# Characters no paragraph begins with: particles and suffixes that belong to what precedes.
_CANNOT_BEGIN = set("的地得了着过们")


def _ends_mid_sentence(text: str) -> bool:
    if text[-1:] in "》）)」』":
        return False  # a title in book marks, a date or note in brackets
    if _is_attribution(text):
        return False  # —— 圣埃克絮佩里，《小王子》作者: who said the quotation above
    last = text.rstrip(CLOSERS)[-1:]
    if not last or last in _CAN_END or not (is_cjk(last) or last.isalnum() or last in "，、（《“‘「(["):
        return False
    tail = re.split(f"[{SENTENCE_END}][{CLOSERS}]*", text)[-1]
    signed = tail[:1] in SPACES and _is_byline(tail.strip())  # …塌方清理。 徐莹: a signature, not a torn sentence
    return not signed


def _begins_with_particle(text: str) -> bool:
    """Whether the first word of ``text`` is a particle or suffix that belongs to what precedes
    (的号召下, 们的; not 过去 or 地球, which only begin with such a character)."""
    first = tokens(text[:_JOIN_CONTEXT])[:1]
    return bool(first) and first[0].word in _CANNOT_BEGIN


def _unclosed(text: str) -> bool:
    """Whether a bracket or quotation opened in ``text`` is still open at its end."""
    return any(text.rfind(a) > text.rfind(b) for a, b in _PAIRS)


def _split_gain(before: str, after: str) -> float:
    """How much likelier the text reads joined across the break than as two pieces (nats): a word
    torn in two reads far better whole (风险评 / 估: +12; 现就实 / 施: +10), while a chance
    compound of two headings gains little (本周金句 / 读再多: 句读, +3.7)."""
    head, tail = before[-_JOIN_CONTEXT:], after[:_JOIN_CONTEXT]
    return log_probability(head + tail) - log_probability(head) - log_probability(tail)


def _is_attribution(text: str) -> bool:
    """The source line under a quotation (—— 某某，《小王子》作者): a dash, a name and no sentence;
    not an item of a dashed list (——着力提升发展质量效益。……), which runs on in sentences."""
    return (
        text.startswith(_ATTRIBUTION)
        and len(text) <= _ATTRIBUTION_MAX
        and not any(mark in text for mark in SENTENCE_END)
    )


def _is_marker(text: str) -> bool:
    """1、 alone: a number set on a line of its own above its item, not half of a sentence."""
    marker = read_marker(text)
    return marker is not None and not text[marker[2] :].strip()


def _is_table_row(text: str) -> bool:
    """工商、金融界 200人: a label, a space, a figure."""
    return bool(_TABLE_ROW.search(text))


def _is_running_text(text: str) -> bool:
    """Prose rather than a title: it has clause punctuation, or ends on a word no title ends on."""
    return any(ch in text for ch in _CLAUSE_MARKS) or text.rstrip()[-1:] in _CANNOT_END_TITLE


def _is_byline(text: str) -> bool:
    return (len(text) <= 12 and bool(_BYLINE.match(text))) or bool(_CREDIT.match(text))


def _blank_between(view: LogicalView, par: Paragraph) -> bool:
    """Whether a blank line follows the paragraph."""
    nxt = par.last_line + 1
    return nxt < len(view.lines) and view.lines[nxt].kind == "blank"


def _new_paragraph(view: LogicalView, par: Paragraph) -> bool:
    """Whether a paragraph's first line is indented on a page that indents its paragraphs."""
    return view.indents and view.lines[par.first_line].indent > 0


def _is_enclosed(text: str) -> bool:
    return text[:1] in "（(" and text[-1:] in "）)"


def _continues(text: str) -> bool:
    """Whether a paragraph can be the second half of a torn sentence."""
    if not text or _is_byline(text) or _is_enclosed(text) or read_marker(text):
        return False
    first = text[0]
    return is_cjk(first) or first.isalnum() or first in CLOSERS + "，、。；：“‘《"


class Layout(Check):
    name = "layout"
    schema = {
        "type": "object",
        "required": ["check"],
        "additionalProperties": False,
        "properties": {
            "check": {"enum": list(CHECKS)},
            "patterns": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "ignore": {"type": "array", "items": {"type": "string"}},
            "split_gain": {"type": "number", "minimum": 0},
        },
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.check = params["check"]
        self.patterns = compile_all(params.get("patterns", []))
        self.ignore = compile_all(params.get("ignore", []))
        self.split_gain = params.get("split_gain", 6.0)
        if self.check == "furniture" and not self.patterns:
            raise ValueError("the furniture check needs patterns")

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        if self.check == "furniture":
            yield from self._furniture(doc, rule)
        elif self.check == "hard-wrap":
            yield from self._hard_wrap(doc, rule)
        else:
            yield from self._breaks(doc, rule)

    def edits(self, doc: Document, rule: Rule) -> Iterator[Edit]:
        if self.check == "hard-wrap":
            yield from self._wrap_joins(doc)
        elif self.check == "broken-paragraph":
            for prev, nxt in self._torn(doc):
                yield Edit(*self._gap(doc, prev, nxt), "")

    # --- breaks inside sentences ---

    def _pairs(self, doc: Document) -> Iterator[tuple[_Indexed, _Indexed]]:
        """Consecutive paragraphs other than page furniture, each with its index in the view; a
        table cell (Markdown, Word) is never half of a torn sentence."""
        view = doc.logical
        pars = [(i, p) for i, p in enumerate(view.paragraphs) if not self._is_furniture(view.paragraph_text(p))]
        for first, second in pairwise(pars):
            if first[1].kind != "cell" and second[1].kind != "cell":
                yield first, second

    def _torn(self, doc: Document) -> Iterator[tuple[Paragraph, Paragraph]]:
        """Consecutive paragraphs that are really one sentence torn in two."""
        view = doc.logical
        headings = doc.profile.heading_flags
        for (i, prev), (j, nxt) in self._pairs(doc):
            before, after = view.paragraph_text(prev), view.paragraph_text(nxt)
            if (
                self._mid_sentence(doc, i, before, after)
                and _continues(after)
                and not _new_paragraph(view, nxt)
                and not headings[j]
            ):
                yield prev, nxt

    def _mid_sentence(self, doc: Document, index: int, text: str, after: str) -> bool:
        """Whether ``text`` stops inside a sentence that ``after`` could carry on. Only strong
        evidence counts, because a break between paragraphs is almost always meant: a paragraph
        cannot end on a comma, inside an open 《 “ （, in the middle of a word, or on a word that
        needs something after it; and a full line of a page set in columns went on below."""
        view = doc.logical
        if (
            not _ends_mid_sentence(text)
            or view.paragraphs[index].ends_in_title  # …：[文科生转行程序员，越来越难](url): a title ends it
            or _is_table_row(text)
            or _is_marker(text)
            or any(p.search(text) for p in self.ignore)
        ):
            return False
        last = text.rstrip(CLOSERS)[-1:]
        if last in "，、,":
            # 必须始终把维护基金安全作为首要任务， / 必须……; but 主要原因， / 一是…… sets out its points
            return not _ENUMERATION.match(after)
        if _unclosed(text):
            return True  # 医疗保障基金是人民群众的“保命 / 钱”
        par = view.paragraphs[index]
        if view.wrap_width is not None and view.lines[par.last_line].full and par.last_line > par.first_line:
            return True  # the column was full: the text went on below (a line alone may be a heading)
        heading = doc.profile.heading_flags[index]
        if is_cjk(last) and is_cjk(after[:1]) and _split_gain(text, after) >= self.split_gain:
            return True  # a word runs across the break: 风险评 / 估
        if last_word(text) in _CANNOT_END and not heading:
            return True  # …通过了关于 / 加强……
        if _begins_with_particle(after):
            return True  # …衢州市人民医院党委 / 的号召下拉开帷幕: no paragraph begins so
        if view.wrap_width is not None or heading or not is_cjk(last):
            return False  # a short last line in columns, a heading: meant to end there
        marker = read_marker(text)
        if marker and marker[0].name == "article" and text[marker[2] :].strip():
            return True  # 第X条 goes on with its text: an article is never a title
        # Running text (with clause marks) that stops on a word, not a mark, where paragraphs are
        # set apart by blank lines (复核处理药剂 / 安全使用情况), or at a blank line in text that sets
        # paragraphs on consecutive lines: a paragraph of text, not a heading, was cut. Not a list
        # item (2、……动态规划等: items often go without a full stop), nor before a line in another
        # script (那年我才6岁 / i couldn't…: subtitles in two languages).
        if after[:1].isascii() and after[:1].isalpha():
            return False
        return _is_running_text(text) and (doc.profile.blank_separated or _blank_between(view, par))

    def _breaks(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        view = doc.logical
        if self.check == "broken-paragraph":
            for prev, nxt in self._torn(doc):
                before, after = view.paragraph_text(prev), view.paragraph_text(nxt)
                gap = self._gap(doc, prev, nxt)
                yield rule.finding(
                    doc.location(*gap),
                    # joined by deleting the break, unless markup stands in it (> of a quotation)
                    suggestion="" if not doc.source[gap[0] : gap[1]].strip() else None,
                    before=before[-_EXCERPT:],
                    after=after[:_EXCERPT],
                )
            return
        for (i, prev), (_, nxt) in self._pairs(doc):  # truncated-paragraph: a byline or a headline follows
            before, after = view.paragraph_text(prev), view.paragraph_text(nxt)
            if (
                not _continues(after)
                and (_is_byline(after) or not _is_running_text(after))
                and self._mid_sentence(doc, i, before, after)
            ):
                end = view.origin[prev.end - 1] + 1
                yield rule.finding(doc.location(end, end), before=before[-_EXCERPT:], after=after[:_EXCERPT])

    def _gap(self, doc: Document, prev: Paragraph, nxt: Paragraph) -> tuple[int, int]:
        """Source span of the whitespace between two paragraphs."""
        return doc.logical.origin[prev.end - 1] + 1, doc.logical.origin[nxt.start]

    # --- hard wrapping ---

    def _wrap_joins(self, doc: Document) -> Iterator[Edit]:
        """The line breaks the logical view joined: one edit per wrapped line end."""
        view = doc.logical
        for par in view.paragraphs:
            for index in range(par.first_line, par.last_line):
                line, below = view.lines[index], view.lines[index + 1]
                text_end, text_start = line.end, below.start
                joiner = " " if doc.text[text_end - 1 : text_end].isascii() and doc.text[text_start].isascii() else ""
                yield Edit(text_end, text_start, joiner)

    def _hard_wrap(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        view = doc.logical
        wrapped = [p for p in view.paragraphs if p.last_line > p.first_line]
        if view.wrap_width is None or not wrapped:
            return
        lines = sum(p.last_line - p.first_line + 1 for p in wrapped)
        first = view.lines[wrapped[0].first_line]
        yield rule.finding(
            doc.location(first.start, first.end),
            width=view.wrap_width // 2,
            lines=lines,
            paragraphs=len(wrapped),
        )

    # --- page furniture ---

    def _is_furniture(self, text: str) -> bool:
        return self.check != "furniture" and bool(_FURNITURE_HINT.search(text))

    def _furniture(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        for index, start in enumerate(doc.line_starts):
            line = doc.line_text(index + 1)
            for pattern in self.patterns:
                m = pattern.search(line)
                if m:
                    yield rule.finding(doc.location(start + m.start(), start + m.end()), match=m.group())
                    break


# Lines that are page furniture are never halves of a torn sentence or prose with stray spaces.
_FURNITURE_HINT = re.compile(r"星期[一二三四五六日天]|责编|美编|校对：|[上下]接第?\d+版|转第?\d+版")
