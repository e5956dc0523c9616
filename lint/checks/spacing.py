"""Kind ``spacing``: spaces Chinese typesetting does not want, and spaces a document's own
convention wants but forgot.

One kind, two checks chosen by ``params.check``:

* ``stray-space`` — a space between Chinese characters inside running text (安阳 市), or
  between Chinese and Latin or digits (安阳市 2 月份) where the document's convention joins them.
* ``missing-space`` — Chinese written against Latin or digits (使用Python) where the
  document's convention spaces them (使用 Python 脚本).

The convention is read per document and per class (Latin letters, digits) from the document
itself (:mod:`doclint.profile.spacing`): technical writing usually spaces Latin words but not
numbers (使用 Python，2019年), news and official copy space neither. ``convention`` pins it
instead (``no-spaces``, ``spaces-around-latin``); ``auto`` follows the document where its
practice is clear and falls back to ``default`` where it is not (or, for a class the document
shows too little of, to the other class's clear convention, as information only). Only the
minority is reported: as a warning where the document keeps its convention firmly (the minority
is at most ``firm``), as information where it wavers. A document that does the same thing many
times gets one finding listing the places (:mod:`doclint.checks.hits`); ``doclint fix`` repairs each.

Spaces that separate rather than stray are left alone: in headings and headlines (英国伦敦
发生枪击案 6人受伤), between the phrases of a quoted title or slogan (《团结奋斗 迈向伟大复兴》),
after a dateline (新华社北京3月5日电 …) or an article number, in bylines and table rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from doclint.checks.base import Check, Edit
from doclint.checks.hits import MAX_EACH, Hit, edits, findings
from doclint.checks.numbering import read_marker
from doclint.document.chars import CJK_CLASS
from doclint.profile.spacing import CLASSES, junctions

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding
    from doclint.profile.spacing import Spacing

_CJK = f"[{CJK_CLASS}]"
_GAP = "[ \u3000]+"
_BETWEEN_CJK = re.compile(rf"(?<={_CJK}){_GAP}(?={_CJK})")
_RUNNING_TEXT = re.compile("[。，；！？]")
_TABLE_ROW = re.compile(r"[ \u3000]\d[\d,.]*\S{0,2}$")  # 工商、金融界 200人: a label, a space, a figure
_DATELINE = re.compile(rf"^(?:本报讯|{_CJK}{{2,10}}(?:\d{{1,2}}月\d{{1,2}}日)?电|{_CJK}{{2,6}}网?消息)")
_BYLINE_WORDS = re.compile("记者|通讯员|摄|编辑|责编")
_TITLE_MARKS = (("《", "》"), ("“", "”"), ("「", "」"), ("〈", "〉"))
_FURNITURE = re.compile(r"星期[一二三四五六日天]|责编|美编|校对：|[上下]接第?\d+版|转第?\d+版")
CHECKS = ("stray-space", "missing-space")


@dataclass(frozen=True)
class _Convention:
    """One class's convention in one document: spaced or not, and whether it is kept firmly."""

    spaced: bool
    firm: bool


class SpacingCheck(Check):
    name = "spacing"
    schema = {
        "type": "object",
        "required": ["check"],
        "additionalProperties": False,
        "properties": {
            "check": {"enum": list(CHECKS)},
            "convention": {"enum": ["auto", "no-spaces", "spaces-around-latin"]},
            "default": {"enum": ["no-spaces", "spaces-around-latin"]},
            "clear": {"type": "number", "minimum": 0, "maximum": 0.5},
            "firm": {"type": "number", "minimum": 0, "maximum": 0.5},
            "max_each": {"type": "integer", "minimum": 0},
        },
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.check = params["check"]
        self.convention = params.get("convention", "auto")
        self.default = params.get("default", "no-spaces")
        self.clear = params.get("clear", 0.2)
        self.firm = params.get("firm", 0.05)
        self.max_each = params.get("max_each", MAX_EACH)

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        return findings(doc, rule, self.hits(doc), self.max_each)

    def edits(self, doc: Document, rule: Rule) -> Iterator[Edit]:
        return edits(doc, self.hits(doc))

    def hits(self, doc: Document) -> list[Hit]:
        conventions = {name: self._convention(doc.profile.latin_spacing, name) for name in CLASSES}
        view = doc.logical
        found: list[Hit] = []
        for par, heading in zip(view.paragraphs, doc.profile.heading_flags, strict=True):
            text = view.paragraph_text(par)
            if heading or _FURNITURE.search(text) or _TABLE_ROW.search(text):
                continue  # headlines, bylines and table rows separate their parts with spaces
            start = _prefix_end(text)
            if self.check == "stray-space":
                found += [h.shifted(par.start) for h in self._strays(text, start, conventions)]
            else:
                found += [h.shifted(par.start) for h in self._missing(text, start, conventions)]
        return found

    def _strays(self, text: str, start: int, conventions: dict[str, _Convention]) -> Iterator[Hit]:
        for junction in junctions(text, start):
            convention = conventions[junction.name]
            if junction.code:
                continue  # inline code is evidence of the convention, not reported
            if junction.spaced and not convention.spaced and not _separates(text, junction.start):
                yield _hit(text, junction.start, junction.end, "", None if convention.firm else "info")
        if _RUNNING_TEXT.search(text):
            # between Chinese characters: a slip in running text; where the document spaces
            # Latin words, mostly what is left of markup around a link or a term
            level = "info" if conventions["latin"].spaced else None
            for m in _BETWEEN_CJK.finditer(text, start):
                if not _separates(text, m.start()):
                    yield _hit(text, m.start(), m.end(), "", level)

    def _missing(self, text: str, start: int, conventions: dict[str, _Convention]) -> Iterator[Hit]:
        for junction in junctions(text, start):
            convention = conventions[junction.name]
            if not junction.spaced and convention.spaced and not junction.code:
                yield _hit(text, junction.start, junction.start, " ", None if convention.firm else "info")

    def _convention(self, spacing: Spacing, name: str) -> _Convention:
        """The convention of one class (``digit`` or ``latin``) for this document: its own where it
        is clear; else the pinned one; else, where the class shows too little to tell, the clear
        convention of the other class, loosely (使用 Python（3.10 或更高版本）in a page that spaces
        every Latin word); else ``default``."""
        pinned = self.convention if self.convention != "auto" else None
        clear = self._clear(spacing, name)
        if pinned is None and clear is not None:
            return clear
        if pinned is None and spacing.share(name) is None:
            other = self._clear(spacing, next(c for c in CLASSES if c != name))
            if other is not None:
                return _Convention(spaced=other.spaced, firm=False)
        wanted = pinned or self.default
        return _Convention(spaced=wanted == "spaces-around-latin", firm=True)

    def _clear(self, spacing: Spacing, name: str) -> _Convention | None:
        """The class's convention where the document keeps one (its minority at most ``clear``)."""
        share = spacing.share(name)
        if share is None or min(share, 1 - share) > self.clear:
            return None
        return _Convention(spaced=share > 0.5, firm=min(share, 1 - share) <= self.firm)


def _hit(text: str, start: int, end: int, replacement: str, level: str | None) -> Hit:
    shown = text[max(0, start - 4) : end + 4]
    return Hit(start, end, suggestion=replacement, fields={"before": shown}, level=level)


def _prefix_end(text: str) -> int:
    """Where spaces may start to be judged: past an article or item number (第一条 为了……) and past
    a dateline (新华社北京3月5日电 （记者……）)."""
    marker = read_marker(text)
    start = marker[2] + 1 if marker else 0
    dateline = _DATELINE.match(text)
    return max(start, dateline.end() + 1) if dateline else start


def _separates(text: str, index: int) -> bool:
    """Whether the space at ``index`` separates the parts of a quoted title or slogan (《团结奋斗
    迈向伟大复兴》, “不忘初心 牢记使命”) or stands inside a byline's brackets (（记者 桂 娟）)."""
    for opening, closing in _TITLE_MARKS:
        left = text.rfind(opening, 0, index)
        if left >= 0 and text.rfind(closing, left, index) < 0:
            right = text.find(closing, index)
            if right >= 0 and not _RUNNING_TEXT.search(text, left, right):
                return True
    left = max(text.rfind("（", 0, index), text.rfind("(", 0, index))
    if left >= 0:
        right = min((i for i in (text.find("）", left), text.find(")", left)) if i >= 0), default=len(text))
        if index < right and _BYLINE_WORDS.search(text, left, right):
            return True
    return False
