"""Checks of the forms of marks: the ellipsis, the dash and the interpunct (GB/T 15834 §4.11, §4.12, §4.14).

* ``ellipsis`` — the ellipsis is two ``…`` (six dots, centred): not ``...`` or ``......`` in
  Chinese text, ``。。。``, ``···`` or an odd number of ``…``.
* ``ellipsis-deng`` — an ellipsis and 等/等等 say the same thing; use one (……等 → ……).
* ``dash`` — the dash is two em dashes ``——``: not ``--`` / ``----`` next to Chinese, nor
  ``――`` ``──`` ``－－``. A single ``—`` is the standard's connector (2013—2021年, 中国—东盟)
  and is left alone.
* ``interpunct`` — names and title parts are separated by ``·``, not ``•`` ``●`` ``・``.

ASCII dots and hyphens are a house style in some technical writing. With ``convention:
auto`` (the default) a document that writes its ellipses (or dashes) that way at least
``min_convention`` times and more often than in the standard form keeps its convention; one
that mostly uses the standard form is told about the minority. A dash that opens a paragraph
(``--《书名》`` under a quotation) is counted apart from dashes inside sentences.
``convention: standard`` reports every one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from doclint.checks.hits import Hit, SubCheck
from doclint.checks.punctuation.context import SPACE_CLASS, after, before, is_chinese, protected
from doclint.checks.regex import Exceptions
from doclint.document.chars import CJK_CLASS

if TYPE_CHECKING:
    from doclint.document import Document

MIN_CONVENTION = 3  # this many ASCII-dot ellipses (or ASCII dashes), and no standard one: a house style
_CONVENTION = {"convention": {"enum": ["auto", "standard"]}, "min_convention": {"type": "integer", "minimum": 1}}

_ASCII_DOTS = re.compile(r"\.{3,}")
_OTHER_ELLIPSES = re.compile(r"。{3,}|[·・．]{3,}|(?<!…)…(?:……)*(?!…)")
_STANDARD_ELLIPSIS = "……"
_DENG = re.compile(r"(……|…|\.{3,})[ \t]*(等等|等)(?![级同待候于到号量式价效身])")
_ASCII_DASH = re.compile(r"-{3,}|--(?![A-Za-z])")  # --name is a command-line option
_OTHER_DASHES = re.compile(r"(?<![―─－])(?:――|──|－－)(?![―─－])")  # a single one is a connector: 中国－东盟
_STANDARD_DASH = "——"
_BAD_INTERPUNCT = re.compile(f"(?<=[{CJK_CLASS}])[•●・‧∙⋅･](?=[{CJK_CLASS}])")


def _chinese_around(text: str, a: int, b: int, gap: str = SPACE_CLASS) -> bool:
    return is_chinese(before(text, a, gap)) or is_chinese(after(text, b, gap))


def _after_chinese(text: str, a: int, b: int) -> bool:
    """An ellipsis that ends Chinese words (香蕉...都, 然后...) or opens a paragraph before them;
    after a Latin word or a number it belongs to the Latin (from ... 语句, 0.0112...)."""
    prev, nxt = before(text, a, SPACE_CLASS), after(text, b, SPACE_CLASS)
    if text[a - 1 : a] in SPACE_CLASS and text[b : b + 1] in SPACE_CLASS and nxt.isascii() and nxt:
        return False  # 以及 ... > ANY: a placeholder in code set off by spaces
    return is_chinese(prev) or (not prev and is_chinese(nxt))


class _Convention(SubCheck):
    """A form that a document may use consistently as its own convention (ASCII dots, hyphens)."""

    schema = _CONVENTION
    standard = ""
    leading_ascii: re.Pattern[str]  # the ASCII form opening a paragraph
    candidate: re.Pattern[str]  # what a paragraph must contain to have any form at all (a quick filter)

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.pinned = params.get("convention", "auto") == "standard"
        self.min_convention = params.get("min_convention", MIN_CONVENTION)

    def hits(self, doc: Document) -> list[Hit]:
        """The non-standard forms, less those that are the document's own convention. A form that
        opens a paragraph (--《书名》 under a quotation) is a construction of its own and has its
        own convention, apart from the forms inside sentences."""
        view = doc.logical
        ascii_hits: dict[bool, list[Hit]] = {True: [], False: []}  # opens a paragraph → hits
        standard = {True: 0, False: view.text.count(self.standard)}
        leading_ascii = 0  # paragraphs opened by the ASCII form, glued to Chinese or not (-- 《书名》)
        other_hits: list[Hit] = []
        for par in view.paragraphs:
            text = view.paragraph_text(par)
            standard[True] += text.startswith(self.standard)
            if not self.candidate.search(text):
                continue
            skip = protected(text)
            leading_ascii += bool(self.leading_ascii.match(text))
            for hit in self.ascii_forms(text, skip):
                ascii_hits[hit.start == 0].append(hit.shifted(par.start))
            other_hits.extend(h.shifted(par.start) for h in self.other_forms(text, skip))
        standard[False] -= standard[True]
        used = {True: leading_ascii, False: len(ascii_hits[False])}
        for leading, found in ascii_hits.items():
            if not self.pinned and used[leading] >= self.min_convention and used[leading] > standard[leading]:
                found.clear()  # the document's own dominant practice; the standard form is never reported
        return ascii_hits[True] + ascii_hits[False] + other_hits

    def ascii_forms(self, text: str, skip: Exceptions) -> list[Hit]:
        raise NotImplementedError

    def other_forms(self, text: str, skip: Exceptions) -> list[Hit]:
        raise NotImplementedError


def _form(m: re.Match[str], right: str) -> Hit:
    return Hit(m.start(), m.end(), right, {"match": m.group(), "right": right})


class EllipsisForm(_Convention):
    name = "ellipsis"
    standard = _STANDARD_ELLIPSIS
    leading_ascii = re.compile(r"\.{3,}")
    candidate = re.compile(r"\.\.\.|。。。|[·・．]{3}|…")

    def ascii_forms(self, text: str, skip: Exceptions) -> list[Hit]:
        return [
            _form(m, self.standard)
            for m in _ASCII_DOTS.finditer(text)
            if not skip.cover(*m.span()) and _after_chinese(text, *m.span())
        ]

    def other_forms(self, text: str, skip: Exceptions) -> list[Hit]:
        return [
            _form(m, self.standard)
            for m in _OTHER_ELLIPSES.finditer(text)
            if not skip.cover(*m.span()) and _chinese_around(text, *m.span())
        ]


class DashForm(_Convention):
    name = "dash"
    standard = _STANDARD_DASH
    leading_ascii = re.compile(r"-{2,}(?![-A-Za-z])")
    candidate = re.compile(r"--|――|──|－－")

    def ascii_forms(self, text: str, skip: Exceptions) -> list[Hit]:
        # glued to Chinese on one side: 部门----IT、Bug ----一个; not --save, not a rule ---
        return [
            _form(m, self.standard)
            for m in _ASCII_DASH.finditer(text)
            if not skip.cover(*m.span()) and _chinese_around(text, *m.span(), gap="")
        ]

    def other_forms(self, text: str, skip: Exceptions) -> list[Hit]:
        return [
            _form(m, self.standard)
            for m in _OTHER_DASHES.finditer(text)
            if not skip.cover(*m.span()) and _chinese_around(text, *m.span(), gap="")
        ]


class EllipsisDeng(SubCheck):
    name = "ellipsis-deng"

    def hits(self, doc: Document) -> list[Hit]:
        view = doc.logical
        return [
            Hit(m.start(), m.end(), m.group(1), {"match": m.group(), "right": m.group(1)})
            for m in _DENG.finditer(view.text)
        ]


class Interpunct(SubCheck):
    name = "interpunct"

    def hits(self, doc: Document) -> list[Hit]:
        view = doc.logical
        return [
            Hit(m.start(), m.end(), "·", {"match": m.group(), "right": "·"})
            for m in _BAD_INTERPUNCT.finditer(view.text)
        ]
