"""Kind ``numbering``: gaps, repeats and disorder in heading and list sequences.

Markers are read only at the start of logical paragraphs, so a line that
begins with 一、 because a column wrapped there is not a heading, and
第一百二十三条 quoted inside running text is not an article.

Levels nest by the order of GB/T 9704 (编 → 章 → 节 → 条 → 一、 → （一） → 1. →
（1） → ①): a marker pops every more deeply nested level, so （一） restarts
under each 一、. 编, 章 and 条 are numbered through the whole document, as
statutes number them. A list that starts again at one is always accepted, and
so is a list that resumes where it stopped under the same parent. Inserted
articles (第一百六十九条之一) follow their article legitimately.

A document that continues from another page (（上接第1版）) may open in the
middle of a list; such a start is reported as info only. A paragraph that
leads into a list (……如下：) lets any list start again at one.

In a Word file, the numbers Word generates for a list are read too (they are not in the text), so
typed numbers that continue or interrupt a generated list are checked in sequence with it.

A slip in numbering is rare: one item renumbered by hand, one deleted. Where a
style's sequence breaks twice in one article, or in half the articles of a
collection (web pages whose linked titles were lost in conversion, lists
flattened out of their nesting), the numbering was not kept by hand, and each
break is reported as info only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from doclint.checks.base import Check
from doclint.checks.regex import compile_regex
from doclint.document.numerals import NUMERAL_CHARS, parse_chinese, to_chinese

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.document.logical import Paragraph
    from doclint.engine.rule import Rule
    from doclint.finding import Finding, Location

_N = f"[{NUMERAL_CHARS}]+"
_GAP = r"(?=[\s\u3000]|$)"  # statute headings are followed by a space or end the line


@dataclass(frozen=True)
class Style:
    name: str
    rank: int  # nesting depth by GB/T 9704 order; smaller is outer
    regex: re.Pattern[str]
    show: str  # how a number of this style is written, with {n} for the numeral
    chinese: bool = True
    continuous: bool = False  # numbered through the document (章, 条), not restarted under a parent


STYLES = (
    Style("part", 0, re.compile(rf"第({_N})编{_GAP}"), "第{n}编", continuous=True),
    Style("chapter", 1, re.compile(rf"第({_N})章{_GAP}"), "第{n}章", continuous=True),
    Style("section", 2, re.compile(rf"第({_N})节{_GAP}"), "第{n}节"),
    Style("article", 3, re.compile(rf"第({_N})条(?:之({_N}))?{_GAP}"), "第{n}条", continuous=True),
    Style("cn-dun", 4, re.compile(rf"({_N})、"), "{n}、"),
    Style("cn-paren", 5, re.compile(rf"[（(]({_N})[）)]"), "（{n}）"),
    Style("ar-dot", 6, re.compile(r"(\d{1,3})[.．](?![\d.．])"), "{n}.", chinese=False),
    Style("ar-dun", 6, re.compile(r"(\d{1,3})、"), "{n}、", chinese=False),
    Style("ar-paren", 7, re.compile(r"[（(](\d{1,3})[）)]"), "（{n}）", chinese=False),
    Style("ar-half", 8, re.compile(r"(\d{1,3})[)）]"), "{n}）", chinese=False),
    Style("circled", 9, re.compile(r"([\u2460-\u2473])"), "{n}", chinese=False),
    Style("paren-digit", 9, re.compile(r"([\u2474-\u2487])"), "{n}", chinese=False),
    Style("dot-digit", 6, re.compile(r"([\u2488-\u249b])"), "{n}", chinese=False),
    Style("latin-upper", 10, re.compile(r"[（(]?([A-Z])[.．、)）](?![A-Za-z.．])"), "{n}.", chinese=False),
    Style("latin-lower", 11, re.compile(r"[（(]?([a-z])[.．)）](?![A-Za-z.．])"), "{n})", chinese=False),
)
_HEADING_MAX = 40
_MARKDOWN_ORDERED = ("ar-dot", "ar-half")  # 1. and 1) are the ordered lists of CommonMark
_COLLECTION = 3  # articles in a file from which its numbering habits can be judged as a whole
_LEAD_IN = ("：", ":")  # a paragraph ending so introduces a list of its own
_GBT_LEVELS = ("cn-dun", "cn-paren", "ar-dot", "ar-paren")  # the four levels GB/T 9704 orders
_SYMBOL_BASE = {"circled": 0x2460, "paren-digit": 0x2474, "dot-digit": 0x2488, "latin-upper": 0x41, "latin-lower": 0x61}
# A marker followed by the wrong punctuation: （一）、 ①. 1.、
_WRONG_AFTER = {
    "cn-paren": "、，.．",
    "ar-paren": "、，.．",
    "circled": "、，.．",
    "paren-digit": "、，.．",
    "cn-dun": "、，",
    "ar-dot": "、，",
}


@dataclass(frozen=True)
class Marker:
    style: Style
    number: tuple[int, int]  # (n, k) for 第n条之k; k = 0 otherwise
    start: int  # view offsets of the marker
    end: int
    text: str


def read_marker(text: str) -> tuple[Style, tuple[int, int], int] | None:
    """The numbering marker at the start of a paragraph: style, number, length."""
    for style in STYLES:
        m = style.regex.match(text)
        if not m:
            continue
        if style.name in _SYMBOL_BASE:
            return style, (ord(m.group(1)) - _SYMBOL_BASE[style.name] + 1, 0), m.end()
        value = parse_chinese(m.group(1)) if style.chinese else int(m.group(1))
        if not value:
            continue
        sub = parse_chinese(m.group(2)) if m.lastindex and m.lastindex >= 2 and m.group(2) else 0
        return style, (value, sub or 0), m.end()
    return None


def show(style: Style, number: tuple[int, int]) -> str:
    n, sub = number
    if style.name in _SYMBOL_BASE:
        letter = chr(_SYMBOL_BASE[style.name] + n - 1) if 0 < n <= 20 or style.name.startswith("latin") else str(n)
        return style.show.format(n=letter)
    text = style.show.format(n=to_chinese(n) if style.chinese else n)
    return text + (f"之{to_chinese(sub)}" if sub else "")


def follows(previous: tuple[int, int], number: tuple[int, int]) -> bool:
    """Whether ``number`` may come right after ``previous`` (169 → 169之一 → 169之二 → 170)."""
    n, sub = previous
    return number in ((n + 1, 0), (n, sub + 1))


class Numbering(Check):
    name = "numbering"
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "styles": {"type": "array", "items": {"enum": [s.name for s in STYLES]}},
            "continuation": {"type": "string"},
            "punctuation": {"type": "boolean"},
            "hierarchy": {"type": "boolean"},
            "unkept_breaks": {"type": "integer", "minimum": 1},
            "unkept_articles": {"type": "number", "minimum": 0, "maximum": 1},
        },
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        names = set(params.get("styles", [s.name for s in STYLES]))
        self.styles = {s.name for s in STYLES if s.name in names}
        continuation = params.get("continuation")
        self.continuation = compile_regex(continuation) if continuation else None
        self.punctuation = params.get("punctuation", True)
        self.hierarchy = params.get("hierarchy", True)
        self.unkept_breaks = params.get("unkept_breaks", 2)
        self.unkept_articles = params.get("unkept_articles", 0.5)

    def items(self, doc: Document) -> Iterator[tuple[Paragraph, Marker | None, int]]:
        """Each paragraph, its numbering marker if it starts with one of the enabled styles, and the
        quotation it lies in (0: none). Items of a quotation that spans paragraphs (an amendment
        quoting new articles) are numbered within that quotation, not in the document's lists."""
        view = doc.logical
        depth = quotation = 0
        for par in view.paragraphs:
            text = view.paragraph_text(par)
            if text.startswith("“"):  # a quotation opens a paragraph: a new one, even if one was left open
                quotation += 1
                depth = 0
            inside = quotation if depth > 0 or text.startswith("“") else 0
            depth = max(0, depth + text.count("“") - text.count("”"))
            if par.number:  # a number Word generates: not in the text, read where the paragraph starts
                generated = read_marker(par.number)
                found = (generated[0], generated[1], 0) if generated else None
            else:
                found = read_marker(text)
            if found and found[0].name in self.styles:
                style, number, length = found
                shown = par.number or text[:length]
                yield par, Marker(style, number, par.start, par.start + length, shown), inside
            else:
                yield par, None, inside

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        view = doc.logical
        continued = False  # after （上接第1版）, lists may open in the middle
        inverted = False  # the hierarchy warning is given once per document
        document = _Lists()
        quoted: tuple[int, _Lists] = (0, _Lists())
        breaks: list[_Break] = []
        used: set[tuple[int, str]] = set()  # (article, style) of every item
        article = 0
        starts = set(doc.profile.document_starts[1:])
        for index, (par, marker, quotation) in enumerate(self.items(doc)):
            if index in starts:  # the next article of a collection numbers its lists anew
                article, document, continued = article + 1, _Lists(), False
            text = view.paragraph_text(par)
            if quotation and quoted[0] != quotation:
                quoted = (quotation, _Lists())
            lists = quoted[1] if quotation else document
            if marker is None:
                continued = continued or bool(self.continuation and self.continuation.search(text))
                if _is_heading(text):
                    lists.boundary(self.styles)  # 附件二, a new article on the page: lists may start again
                elif text.endswith(_LEAD_IN):
                    lists.may_restart.update(self.styles)  # ……步骤如下： a new list follows
                lists.previous_text = text
                continue
            if self.punctuation and marker.end > marker.start:  # generated numbers are punctuated by Word
                yield from self._check_punctuation(doc, rule, marker)
            used.add((article, marker.style.name))
            ok, before, outer = lists.visit(marker, self.hierarchy and not inverted)
            if not ok and doc.markdown and _lazy(marker, before):
                ok = True  # 1. 1. 1.: Markdown numbers the list itself (markdownlint MD029 "one")
            if not ok:
                breaks.append(_Break(article, marker, before, continued))
            elif outer is not None and before is not None:
                inverted = True
                yield self._hierarchy_finding(doc, rule, outer, before)
            lists.previous_text = text
        unkept = self._unkept(breaks, used)
        for b in breaks:
            yield self._finding(doc, rule, b.marker, b.before, b.continued, (b.article, b.marker.style.name) in unkept)

    def _unkept(self, breaks: list[_Break], used: set[tuple[int, str]]) -> set[tuple[int, str]]:
        """The (article, style) sequences not kept by hand: the style slips ``unkept_breaks`` times in
        the article (a break right after a break, as in a swap, is the same slip), or in
        ``unkept_articles`` of the articles of a collection that use it."""
        broken = {id(b.marker) for b in breaks}
        slips = [b for b in breaks if b.before is None or id(b.before) not in broken]  # 1 3 2: one slip
        per_article = Counter((b.article, b.marker.style.name) for b in slips)
        unkept = {key for key, count in per_article.items() if count >= self.unkept_breaks}
        for name in {name for _, name in used}:
            articles = [a for a, n in used if n == name]
            slipped = [a for a in articles if (a, name) in per_article]
            if len(articles) >= _COLLECTION and len(slipped) >= self.unkept_articles * len(articles):
                unkept.update((a, name) for a in slipped)
        return unkept

    def _hierarchy_finding(self, doc: Document, rule: Rule, inner: Marker, outer: Marker) -> Finding:
        return rule.finding(
            doc.view_location(inner.start, inner.end),
            related=[doc.view_location(outer.start, outer.end)],
            level="warning",
            problem="层次顺序颠倒（GB/T 9704：一、→（一）→1.→（1））",
            expected=f"{outer.text}的下一层不用{inner.text}",
            found=f"{outer.text}……{inner.text}",
        )

    def _check_punctuation(self, doc: Document, rule: Rule, marker: Marker) -> Iterator[Finding]:
        after = doc.logical.text[marker.end : marker.end + 1]
        if after and after in _WRONG_AFTER.get(marker.style.name, ""):
            yield rule.finding(
                doc.view_location(marker.start, marker.end + 1),
                suggestion=marker.text,
                level="warning",
                problem="序号后标点不当",
                expected=marker.text,
                found=marker.text + after,
            )

    def _finding(
        self, doc: Document, rule: Rule, marker: Marker, previous: Marker | None, continued: bool, unkept: bool
    ) -> Finding:
        """``unkept``: the style slips too often here to be numbered by hand (info)."""
        style = marker.style
        level = "info" if unkept else None
        if previous is None:
            expected = show(style, (1, 0))
            problem = "序号不从一开始"
            level = "info" if continued or unkept else "warning"
        else:
            expected = show(style, (previous.number[0] + 1, 0))
            if marker.number == previous.number:
                problem = "序号重复"
            elif marker.number < previous.number:
                problem = "序号顺序颠倒"
            else:
                problem = "序号缺漏"
        related: list[Location] = [doc.view_location(previous.start, previous.end)] if previous else []
        return rule.finding(
            doc.view_location(marker.start, marker.end),
            related=related,
            level=level,
            problem=problem,
            expected=expected,
            found=marker.text,
        )


@dataclass(frozen=True)
class _Break:
    """An item whose number does not follow: held until the whole file shows how lists are kept."""

    article: int
    marker: Marker
    before: Marker | None
    continued: bool


class _Lists:
    """The numbered lists open at one point of a document: the levels on the stack, and the
    latest and highest item of each style."""

    def __init__(self) -> None:
        self.stack: list[Marker] = []  # open levels, outermost first
        self.last: dict[str, Marker] = {}  # the latest marker of each style
        self.peak: dict[str, Marker] = {}  # the highest number of each style's current list
        self.may_restart: set[str] = set()  # styles that may start again at one
        self.opened_since: dict[str, list[Marker]] = {}  # lists that began after each style's latest item
        self.previous_text = ""

    def boundary(self, styles: set[str]) -> None:
        self.stack.clear()
        self.may_restart.update(styles)

    def visit(self, marker: Marker, hierarchy: bool) -> tuple[bool, Marker | None, Marker | None]:
        """Take in one item: whether its number is right, the item it follows, and the first item of
        a GB/T 9704 outer level found nested inside this style's list (for the hierarchy warning)."""
        style = marker.style
        popped = False
        while self.stack and _nested_deeper(self.stack[-1].style, style):
            self.stack.pop()
            popped = True
        open_same = self.stack.pop() if self.stack and self.stack[-1].style is style else None
        before = self.last.get(style.name)
        restart = marker.number == (1, 0) and (
            before is None or style.name in self.may_restart or popped or (open_same is None and not style.continuous)
        )
        if restart:
            self.peak.pop(style.name, None)
        highest = self.peak.get(style.name)
        ok = restart or any(m is not None and follows(m.number, marker.number) for m in (before, highest))
        if not ok and before is None and marker.number[0] > 1:
            # the first item sits inline at the end of the previous paragraph (附件：1、…)
            ok = show(style, (marker.number[0] - 1, 0)) in self.previous_text
        outer = None
        if ok and hierarchy and before is not None and not restart and style.name in _GBT_LEVELS:
            nested = self.opened_since.get(style.name, [])
            outer = next((m for m in nested if m.style.rank < style.rank and m.style.name in _GBT_LEVELS), None)
        if marker.number == (1, 0):
            for name in self.last:
                self.opened_since.setdefault(name, []).append(marker)
        self.opened_since[style.name] = []
        self.stack.append(marker)
        self.last[style.name] = marker
        if highest is None or marker.number > highest.number:
            self.peak[style.name] = marker
        self.may_restart.discard(style.name)
        return ok, before, outer


def _lazy(marker: Marker, before: Marker | None) -> bool:
    """A Markdown ordered-list item written 1. again after 1. (lazy numbering)."""
    return (
        marker.style.name in _MARKDOWN_ORDERED
        and marker.number == (1, 0)
        and before is not None
        and before.number == (1, 0)
        and marker.text[-1:] == before.text[-1:]
    )


def _is_heading(text: str) -> bool:
    """A short unnumbered line without sentence punctuation: a title, 附件二, another article's headline."""
    return len(text) <= _HEADING_MAX and not any(ch in text for ch in "。！？；") and text[-1:] not in "，、："


def _nested_deeper(top: Style, style: Style) -> bool:
    """Whether ``top`` must close when ``style`` appears: it is deeper, or a sibling style of the same rank."""
    return top.rank > style.rank or (top.rank == style.rank and top is not style)
