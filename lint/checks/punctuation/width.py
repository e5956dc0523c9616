"""Check ``width``: punctuation of the wrong width for the text around it (GB/T 15834 §3, §5.1).

Chinese text takes full-width marks (，。：；？！（）“”); Latin text takes half-width
ones. A half-width mark is reported where it touches Chinese — a Chinese character or a
full-width mark on the side the mark belongs to — and never inside numbers (3.14, 1,000,
10:30), URLs, e-mail addresses, code, function calls, file names or markup (context.py).

Brackets follow ``brackets``: ``full-width`` reports every half-width pair in Chinese
context; ``auto`` (the default) only pairs glued to Chinese characters — ``省(自治区)按照``,
``(一)指导思想`` — and accepts the technical-writing style that sets half-width brackets off
with spaces (``框架 (如 React 等) 的``); ``half-width`` is that style pinned: full-width
brackets are reported. Straight quotes follow ``straight_quotes``: ``chinese`` (the default)
reports pairs around Chinese (``说"明天见"就``), ``full-width`` every pair in a paragraph with
Chinese (``返回 'title'``, ``设为"ON"``), ``allow`` none.
With ``latin`` on, full-width marks in a paragraph without any Chinese are reported too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from doclint.checks.hits import Hit, SubCheck
from doclint.checks.punctuation.context import (
    SPACE_CLASS,
    before,
    has_cjk,
    is_chinese,
    protected,
)
from doclint.checks.regex import Exceptions
from doclint.document.chars import is_cjk

if TYPE_CHECKING:
    from doclint.document import Document

_MARKS = re.compile(r"\.{2,}|[,.:;?!]")
_HALF_BRACKETS = re.compile(r"\(([^()\n]*)\)")
_FULL_BRACKETS = re.compile(r"（([^（）\n]*)）")
# A quotation hugs what it quotes ("说明"), or pads a word or Latin words between spaces
# (一 " 二 " 三, a " hello world " b). What lies between two quoted literals is not a quotation:
# " 之间。例如 separator = ", ）反斜线…字符（ between "\"" and "\\", ' 跟 ' between '2008' and '2009'.
_NOT_FIRST = "）》」』】”’，。；：！？、,.;:!?"
_NOT_LAST = "（《「『【“‘"


def _quote_pattern(q: str, outside: str = "") -> re.Pattern[str]:
    hug = rf"(?![\s{_NOT_FIRST}])[^{q}\n]*(?<![\s{_NOT_LAST}])"
    padded = rf"[ \t]+(?:[^\s{q}]+|[A-Za-z0-9][A-Za-z0-9 \t-]*[A-Za-z0-9])[ \t]+"
    return re.compile(rf"{outside}{q}({hug}){q}|(?<!\S){q}({padded}){q}(?!\S)")


_DOUBLE_QUOTES = _quote_pattern('"')
_SINGLE_QUOTES = _quote_pattern("'", outside="(?<![A-Za-z0-9])")  # not the apostrophe of what's
_FULL_IN_LATIN = re.compile(r"[，。：；！？]")
_LATIN = re.compile("[A-Za-z]")
_KANA_HANGUL = re.compile("[\u3040-\u30ff\uac00-\ud7af]")  # Japanese and Korean take full-width marks too
MIN_FULL_STOPS = 3  # sentences ended by "." after Chinese: the document's habit, not a name's dot
_LIST_MARKER = re.compile(r"\s*[一二三四五六七八九十百零〇]+")

FULL = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！"}
HALF = {v: k for k, v in FULL.items()}
# A mark followed directly by one of these is an operator or an emoticon (?. != ;-) :::), not prose.
_OPERATOR_NEXT = set("!#$%&*+,-./:;<=>?@[\\^_{|}~=")
_QUOTES = "\"'"
_WHAT = {
    "mark": ("中文里的半角标点", "half-width mark in Chinese text"),
    "bracket": ("中文里的半角括号", "half-width brackets in Chinese text"),
    "quote": ("中文里的直引号", "straight quotes in Chinese text"),
    "full-bracket": ("本文括号用半角", "this style uses half-width brackets"),
    "latin": ("西文里的全角标点", "full-width mark in Latin text"),
}


def _hit(start: int, end: int, match: str, right: str | None, what: str, **extra: Any) -> Hit:
    zh, en = _WHAT[what]
    fields = {"match": match, "right": right if right is not None else "。/·", "what": zh, "what_en": en}
    return Hit(start, end, right, fields, **extra)


class Width(SubCheck):
    name = "width"
    schema = {
        "brackets": {"enum": ["full-width", "auto", "half-width"]},
        "straight_quotes": {"enum": ["full-width", "chinese", "allow"]},
        "latin": {"type": "boolean"},
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.brackets = params.get("brackets", "auto")
        self.quotes = params.get("straight_quotes", "chinese")
        self.latin = params.get("latin", True)

    def hits(self, doc: Document) -> list[Hit]:
        view = doc.logical
        found: list[Hit] = []
        for par in view.paragraphs:
            text = view.paragraph_text(par)
            if not has_cjk(text):
                if self.latin and _LATIN.search(text) and not _KANA_HANGUL.search(text):
                    found.extend(h.shifted(par.start) for h in _full_in_latin(text))
                continue
            skip = protected(text)
            local = [*self._marks(text, skip), *self._brackets(text, skip)]
            if self.quotes != "allow":
                local.extend(_quotes(text, skip, strict=self.quotes == "full-width"))
            found.extend(h.shifted(par.start) for h in local)
        return _settle_full_stops(found)

    def _marks(self, text: str, skip: Exceptions) -> list[Hit]:
        out = []
        for m in _MARKS.finditer(text):
            i, mark = m.start(), m.group()
            if len(mark) > 1 or skip.cover(i, i + 1):
                continue
            prev, nxt = text[i - 1 : i], text[i + 1 : i + 2]
            if nxt in _OPERATOR_NEXT or not (_wordlike(prev) or _wordlike(nxt)):
                continue  # ?. != ;-) are operators; 用 ; 分隔, 点号（.） name the mark itself
            right = _mark_right(text, i, mark, nxt)
            if right is not False:
                out.append(_hit(i, i + 1, mark, right, "mark"))
        return out

    def _brackets(self, text: str, skip: Exceptions) -> list[Hit]:
        out = []
        if self.brackets == "half-width":
            for m in _FULL_BRACKETS.finditer(text):
                i, j = m.span()
                right = f"({m.group(1)})"
                out.append(_hit(i, j, m.group(), right, "full-bracket", parts=((i, i + 1, "("), (j - 1, j, ")"))))
            return out
        for m in _HALF_BRACKETS.finditer(text):
            i, j = m.span()
            if skip.cover(i, j):
                continue
            prev, nxt, content = text[i - 1 : i], text[j : j + 1], m.group(1)
            if self.brackets == "full-width":
                wrong = has_cjk(content) or is_chinese(prev) or is_chinese(nxt)
            else:  # auto: glued to a Chinese character, around Chinese or inside Chinese text
                wrong = (is_cjk(prev or " ") or is_cjk(nxt or " ")) and (
                    has_cjk(content) or (is_chinese(prev) and is_chinese(nxt))
                )
            if wrong:
                right = f"（{content}）"
                out.append(_hit(i, j, m.group(), right, "bracket", parts=((i, i + 1, "（"), (j - 1, j, "）"))))
        return out


def _mark_right(text: str, i: int, mark: str, nxt: str) -> str | bool | None:
    """The full-width mark that should stand at ``i`` (None: unsure which), or False: leave it."""
    gap = SPACE_CLASS + _QUOTES
    prev_near, prev_far = before(text, i, _QUOTES), before(text, i, gap)
    if mark in ",;":
        return FULL[mark] if is_chinese(prev_far) or is_cjk(nxt or " ") else False  # not on=on;（注）
    if nxt.isascii() and (nxt.isalpha() or (nxt.isdigit() and mark != ":")):
        return False  # 巴巴.US, !important, :marker — a name, a flag or a selector
    if mark == ":":
        return "：" if is_chinese(prev_far) and not text.startswith("//", i + 1) else False
    if mark in "?!":
        return FULL[mark] if is_chinese(prev_far) else False
    # the full stop
    if not is_chinese(prev_near) or _LIST_MARKER.fullmatch(text, 0, i):
        return False  # 一. at the start of a line is a numbering mark, the numbering check's business
    if is_cjk(prev_near) and is_cjk(nxt or " "):
        return None  # 后面.阿里 ends a sentence, 特里.戴维斯 wants an interpunct: say so, do not guess
    return "。"


def _settle_full_stops(hits: list[Hit]) -> list[Hit]:
    """A ``.`` between two Chinese characters ends a sentence or stands for an interpunct (特里.戴维斯).
    In a document that ends its sentences with ``.`` (MIN_FULL_STOPS certain ones), it is a full stop."""
    certain = sum(1 for h in hits if h.fields["match"] == "." and h.suggestion == "。")
    if certain < MIN_FULL_STOPS:
        return hits
    return [
        replace(h, suggestion="。", fields={**h.fields, "right": "。"})
        if h.fields["match"] == "." and h.suggestion is None
        else h
        for h in hits
    ]


def _wordlike(ch: str) -> bool:
    return bool(ch) and (ch.isalnum() or is_cjk(ch))


def straight_quotes(text: str, skip: Exceptions, strict: bool = False) -> Iterator[re.Match[str]]:
    """Straight-quote pairs that stand for Chinese quotation marks: around Chinese (or, ``strict``,
    any pair in a paragraph with Chinese), outside code and addresses. A pair around Latin or a
    number glued to Chinese (被解释为'23:10:10'。) is a literal of plain-text technical writing."""
    for pattern in (_DOUBLE_QUOTES, _SINGLE_QUOTES):
        for m in pattern.finditer(text):
            i, j = m.span()
            if skip.cover(i, j):
                continue
            content = m.group(1) if m.group(1) is not None else m.group(2)
            if strict or has_cjk(content):
                yield m


def _quotes(text: str, skip: Exceptions, strict: bool) -> list[Hit]:
    out = []
    for m in straight_quotes(text, skip, strict):
        i, j = m.span()
        content = m.group()[1:-1]
        left, right = ("“", "”") if m.group()[0] == '"' else ("‘", "’")
        fixed = f"{left}{content}{right}"
        out.append(_hit(i, j, m.group(), fixed, "quote", parts=((i, i + 1, left), (j - 1, j, right))))
    return out


def _full_in_latin(text: str) -> list[Hit]:
    out = []
    for m in _FULL_IN_LATIN.finditer(text):
        i = m.start()
        nxt = text[i + 1 : i + 2]
        right = HALF[m.group()] + (" " if nxt.isalnum() else "")
        out.append(_hit(i, i + 1, m.group(), right, "latin"))
    return out
