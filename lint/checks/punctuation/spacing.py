"""Checks ``spacing`` and ``repeated-space``: spaces where Chinese typesetting has none.

A full-width mark carries its own spacing, so no space goes before or after it
(``好， 好``, ``目的 。``, ``“ 二 ”``, ``（ 一 ）``, ``Firefox 、 Dropbox``). Quotation marks and
brackets are the one place where styles differ: technical writing sets a Latin word off
from a quotation mark with a space (``a “hello” b``), which is accepted when the word on the
far side is Latin (``outside_marks: latin``, the default); ``forbid`` reports those too and
``allow`` accepts every space outside quotes and brackets. Not stray either: the spaces
around a lone separator (``腾讯 - 发布``, a table's ``|``), after an article number
(``第三条 《…》``), before a caption's photographer (``…清理。 徐莹``), between a dateline and
its byline (``电 （记者 …）``), and the spaces a headline or a quoted title separates its
phrases with (``安全“加码” 共同战疫``, ``《牢记“三个务必” 坚定历史自信》``). Straight quotes that
stand for “” and half-width brackets around words are held to the same rule (``一 " 二 "``,
``( DEM)``).

``repeated-space`` reports runs of two or more spaces between words (not in tables or
aligned columns); spaces between Chinese characters are the layout pack's ``stray-space``.
Both offer safe edits: ``doclint fix`` deletes the spaces.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from doclint.checks.hits import Hit, SubCheck
from doclint.checks.punctuation.context import (
    FULL_WIDTH_MARKS,
    SPACE_CLASS,
    MarkCount,
    has_cjk,
    is_chinese,
    protected,
)
from doclint.checks.punctuation.width import straight_quotes
from doclint.document.chars import CJK_CLASS, is_cjk

if TYPE_CHECKING:
    from doclint.document import Document

_PAUSES = "，。、；：？！"
_QUOTE_OPEN, _QUOTE_CLOSE = "“‘「『", "”’」』"
_BRACKET_OPEN, _BRACKET_CLOSE = "（《〈【〔", "）》〉】〕"
_MARKS = _PAUSES + _QUOTE_OPEN + _QUOTE_CLOSE + _BRACKET_OPEN + _BRACKET_CLOSE
_SPACES = re.compile(rf"(?<=[{_MARKS}])[{SPACE_CLASS}]+(?=\S)|(?<=\S)[{SPACE_CLASS}]+(?=[{_MARKS}])")
# A lone separator on the far side of the space: 腾讯 - 发布, | 表格 |
_SEPARATORS = "-–|/>~+=*"
_SEPARATOR_AFTER = re.compile(rf"[{re.escape(_SEPARATORS)}](?=[ \t]|$)|\|")
# A news dateline is set off from its byline bracket: 新华社北京3月5日电 （记者 …）
_BYLINE = re.compile(r"（(?:本报|特约)?(?:记者|通讯员|实习生|评论员|编辑|摄)")
# A caption's photographer or a story's author after its last sentence: …进行塌方清理。 徐莹
_SIGNATURE = re.compile(f"[{CJK_CLASS}]{{2,4}}(?:[ \u3000][{CJK_CLASS}]{{1,4}}){{0,3}}$")
_CLAUSE_MARKS = "，。；！？"
# An article or chapter number is set off from its text by a space: 第三十九条 《公约》…
_ARTICLE = re.compile(
    r"第[〇零一二三四五六七八九十百千万\d]+(?:条|章|节|编|款|项|部分|篇)(?:之[一二三四五六七八九十]+)?"
)
_WINDOW = 200  # how far a quotation or a bracket is looked for on the other side of a space
_REPEATED = re.compile(r"(?<=\S) {2,}(?=\S)")
_TABLE_RUNS = 3  # a paragraph with this many runs of spaces is an aligned table, not prose


class Spacing(SubCheck):
    name = "spacing"
    schema = {"outside_marks": {"enum": ["forbid", "latin", "allow"]}}

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.outside = params.get("outside_marks", "latin")

    def hits(self, doc: Document) -> list[Hit]:
        view = doc.logical
        found = []
        for par in view.paragraphs:
            text = view.paragraph_text(par)
            title = not any(ch in text for ch in _CLAUSE_MARKS)
            marks = MarkCount(text, "《》“”")
            spans = [m.span() for m in _SPACES.finditer(text) if self._stray(text, *m.span(), title, marks)]
            if '"' in text or "'" in text:
                spans.extend(self._around_straight_quotes(text))
            if "(" in text:
                spans.extend(_inside_brackets(text))
            for a, b in sorted(set(spans)):
                fields = {"around": text[max(0, a - 3) : b + 3], "match": text[a:b]}
                found.append(Hit(par.start + a, par.start + b, "", fields))
        return found

    def _around_straight_quotes(self, text: str) -> list[tuple[int, int]]:
        """Spaces between Chinese and straight quotes around Chinese (一 " 二 " 三): stray as they are
        beside “”. Quoted literals ('2017-08-24' 跟 '2018-01-01') are code, not quotations."""
        if self.outside == "allow":
            return []
        out = []
        for m in straight_quotes(text, protected(text)):
            i, j = m.span()
            if not has_cjk(m.group()):
                continue
            a, b = _space_before(text, i), _space_after(text, j)
            if a < i and a > 0 and is_chinese(text[a - 1]):
                out.append((a, i))
            if b > j and b < len(text) and is_chinese(text[b]):
                out.append((j, b))
        return out

    def _stray(self, text: str, a: int, b: int, title: bool, marks: MarkCount) -> bool:
        prev, nxt = text[a - 1], text[b]
        if _SEPARATOR_AFTER.match(text, b) or prev == "|" or (prev in _SEPARATORS and text[a - 2 : a - 1] in " \t"):
            return False
        if prev in "。！？" and _SIGNATURE.match(text, b):
            return False
        if _ARTICLE.fullmatch(text, 0, a):
            return False
        if prev in _PAUSES or nxt in _PAUSES:
            return True
        if prev in _QUOTE_OPEN + _BRACKET_OPEN or nxt in _QUOTE_CLOSE + _BRACKET_CLOSE:
            return True  # inside the marks: “ 二 ”, （ 一 ）
        inside_title = marks.open_before("《", "》", a) or marks.open_before("“", "”", a)
        if self.outside == "allow" or inside_title or (title and not _set_off(text, a, b)):
            return False  # a headline separates its phrases with spaces: 安全“加码” 共同战疫
        if nxt in _BRACKET_OPEN and _BYLINE.match(text, b):
            return False
        far = nxt if prev in _QUOTE_CLOSE + _BRACKET_CLOSE else prev
        # outside a quotation mark or bracket: 使用 （…）, 《书名》 之 are stray; a Latin word set off
        # from the mark (a “hello” b, task （在…）) follows the Latin-spacing convention
        return self.outside == "forbid" or is_chinese(far)


_PAIR_OF = dict(zip(_QUOTE_OPEN + _BRACKET_OPEN, _QUOTE_CLOSE + _BRACKET_CLOSE, strict=True))
_OPEN_OF = {close: open_ for open_, close in _PAIR_OF.items()}


def _set_off(text: str, a: int, b: int) -> bool:
    """Whether the quotation or bracket next to the space [a, b) has a space on its other side
    too — set off like a Latin word (你好 “Quote” 和), not a headline's separator after it."""
    if text[b] in _PAIR_OF:
        close = text.find(_PAIR_OF[text[b]], b + 1, b + _WINDOW)
        return close >= 0 and close + 1 < len(text) and text[close + 1] in SPACE_CLASS
    if text[a - 1] in _OPEN_OF:
        opening = text.rfind(_OPEN_OF[text[a - 1]], max(0, a - _WINDOW), a - 1)
        return opening > 0 and text[opening - 1] in SPACE_CLASS
    return False


def _space_before(text: str, i: int) -> int:
    """Where the run of spaces that ends at ``i`` starts (``i`` when there is none)."""
    while i > 0 and text[i - 1] in SPACE_CLASS:
        i -= 1
    return i


def _space_after(text: str, j: int) -> int:
    while j < len(text) and text[j] in SPACE_CLASS:
        j += 1
    return j


_HALF_BRACKETS = re.compile(r"\(([ \t]*)([^()\n]*?)([ \t]*)\)")


def _inside_brackets(text: str) -> list[tuple[int, int]]:
    """Spaces just inside half-width brackets around words: ( DEM), (d ), ( h ). Not around a
    lone symbol (( ` )), nor in code."""
    out = []
    skip = protected(text)
    for m in _HALF_BRACKETS.finditer(text):
        content = m.group(2)
        if not (m.group(1) or m.group(3)) or not _wordlike_edges(content) or skip.cover(*m.span()):
            continue
        out.extend(span for span in (m.span(1), m.span(3)) if span[1] > span[0])
    return out


def _wordlike_edges(content: str) -> bool:
    return bool(content) and all(ch.isalnum() or is_cjk(ch) for ch in (content[0], content[-1]))


class RepeatedSpace(SubCheck):
    name = "repeated-space"

    def hits(self, doc: Document) -> list[Hit]:
        view = doc.logical
        found = []
        for par in view.paragraphs:
            text = view.paragraph_text(par)
            runs = list(_REPEATED.finditer(text))
            if not runs or len(runs) >= _TABLE_RUNS or text.lstrip().startswith("|"):
                continue
            for m in runs:
                a, b = m.span()
                prev, nxt = text[a - 1], text[b]
                if (is_cjk(prev) and is_cjk(nxt)) or prev in FULL_WIDTH_MARKS or nxt in FULL_WIDTH_MARKS:
                    continue  # between Chinese characters: stray-space; next to a mark: spacing
                fields = {"around": text[max(0, a - 3) : b + 3], "match": m.group()}
                found.append(Hit(par.start + a, par.start + b, " ", fields))
        return found
