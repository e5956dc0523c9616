"""Check ``pairs``: paired marks that are not paired, cross, or nest in the wrong order (GB/T 15834 §4.6–4.9, §4.15).

“” ‘’ 《》 〈〉 （） 【】 「」 『』 〔〕 open and close in one paragraph, properly nested.
Two things are not errors: a quotation running over several paragraphs opens each of
them with its opening mark and closes only at its end (§4.6.3.3 — each paragraph left
open must be followed by one that opens with the same mark), and a closing mark with no
opener that is an apostrophe (don’t) or a list number (1）, a）). Inside a quotation the
next level takes single marks (“…‘…’…”), and inside a book title the next title takes
〈〉 (《…〈…〉…》); the other order is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from doclint.checks.hits import Hit, SubCheck
from doclint.checks.punctuation.context import protected

if TYPE_CHECKING:
    from doclint.document import Document

PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "【": "】", "「": "」", "『": "』", "〔": "〕"}
_OPENER_OF = {close: open_ for open_, close in PAIRS.items()}
_MARK = re.compile("[" + re.escape("".join(PAIRS) + "".join(PAIRS.values())) + "]")
_QUOTES = "“‘「『"
_HALF = {"（": "()", "【": "[]"}  # the half-width pair of a full-width one
# The mark that must not stand directly inside another: “ in “, ‘ in ‘, 《 in 《 …
# and the outer mark that a level may not be opened in when it is the outermost: ‘…“…”…’, 〈…《…》…〉.
_SAME_LEVEL = set("“‘「『《")
_INNER_ONLY = {"‘": "“", "『": "「", "〈": "《"}  # inner mark → the outer mark it belongs inside
_LIST_NUMBER = re.compile(r"(?:^|[\s，。；：、])[0-9０-９A-Za-z一二三四五六七八九十]{1,3}$")
_PROBLEMS = {
    "unclosed": ("缺少配对的后一半", "has no closing mark"),
    "unopened": ("缺少配对的前一半", "has no opening mark"),
    "crossed": ("与其他成对标点交叉", "crosses another pair"),
    "reversed": ("前后颠倒", "is written back to front"),
    "unclosed-width": ("的后一半用了半角", "is closed by a half-width mark"),
    "unopened-width": ("的前一半用了半角", "is opened by a half-width mark"),
    "nested": ("嵌套次序不对", "nested in the wrong order"),
    "paragraphs": (
        "开始的引文跨了几段，按 GB/T 15834 每段开头都应用前引号",
        "opens a quotation over several paragraphs; each should open with the mark",
    ),
}
# A quotation opened and closed this many paragraphs apart, with no opening marks in between,
# is one quotation written without the per-paragraph marks (statutes quote amended articles so).
_QUOTATION_PARAGRAPHS = 40
_WINDOW = 200  # characters searched for the other half of a reversed or mixed-width pair


@dataclass
class _Open:
    mark: str
    at: int  # view offset
    # marks opened inside this one in the wrong order: reported only if this one closes, since
    # 《A…《B》 is more likely a 《 left open than a title nested in a title
    misnested: list[Hit] = field(default_factory=list)


def _hit(at: int, mark: str, problem: str, inner: str = "", level: str | None = None, span: int = 1) -> Hit:
    zh, en = _PROBLEMS[problem]
    if problem == "nested":
        zh += f"（此层应用“{inner}”）"
        en += f" (this level takes {inner})"
    return Hit(at, at + span, None, {"match": mark, "problem": zh, "problem_en": en}, level=level)


class Pairs(SubCheck):
    name = "pairs"

    def hits(self, doc: Document) -> list[Hit]:
        view = doc.logical
        texts = [view.paragraph_text(par) for par in view.paragraphs]
        found: list[Hit] = []
        carried: list[_Open] = []
        closes_later: dict[int, str] = {}  # paragraph index → the closing mark of a quotation opened earlier
        for index, par in enumerate(view.paragraphs):
            text = texts[index]
            stack: list[_Open] = []
            start = 0
            if carried:
                stack, start, note = _continue(carried, texts, index, closes_later)
                found.extend(note)
            torn = bool(stack) and start == 0
            self._scan(text, par.start, start, stack, closes_later.pop(index, ""), found)
            if stack and index + 1 < len(texts) and not torn:
                carried = stack  # the next paragraph decides: a quotation going on, or a torn paragraph
            else:
                carried = []
                found.extend(_unclosed(o, text, par.start) for o in stack)
        return found

    def _scan(self, text: str, offset: int, start: int, stack: list[_Open], closer: str, found: list[Hit]) -> None:
        """Match the marks of one paragraph against ``stack`` (changed in place). ``closer`` is a
        closing mark that ends a quotation opened paragraphs before: its first lone use is fine."""
        skip = protected(text)
        reversed_at: set[int] = set()
        for m in _MARK.finditer(text, start):
            i, mark = m.start(), m.group()
            if skip.cover(i, i + 1) or i in reversed_at:
                continue
            if mark in PAIRS:
                inner = _misnested(stack, mark)
                if inner:
                    stack[-1].misnested.append(_hit(offset + i, mark, "nested", inner))
                stack.append(_Open(mark, offset + i))
                continue
            opener = _OPENER_OF[mark]
            if stack and stack[-1].mark == opener:
                found.extend(stack.pop().misnested)
            elif any(o.mark == opener for o in stack):
                while stack[-1].mark != opener:
                    crossed = stack.pop()
                    found.append(_hit(crossed.at, crossed.mark, "crossed"))
                found.extend(stack.pop().misnested)
            elif mark == closer:
                closer = ""
            elif (back := _reversed(text, i, mark)) is not None:
                reversed_at.add(back)
                found.append(_hit(offset + i, mark, "reversed", span=back + 1 - i))
            elif not _not_a_pair(text, i, mark):
                half = _HALF.get(_OPENER_OF[mark])
                start = max(0, i - _WINDOW)
                width = bool(half) and text.count(half[0], start, i) > text.count(half[1], start, i)
                found.append(_hit(offset + i, mark, "unopened-width" if width else "unopened"))


def _reversed(text: str, i: int, mark: str) -> int | None:
    """Where the opening mark of a pair written back to front stands (”职坐标“), or None."""
    opener = _OPENER_OF[mark]
    if opener == mark:
        return None
    back = text.find(opener, i + 1, i + _WINDOW)
    if back < 0 or text.find(mark, i + 1, back) >= 0 or text.find(mark, back, back + _WINDOW) >= 0:
        return None
    return back


def _unclosed(opened: _Open, text: str, offset: int) -> Hit:
    """An opening mark left open: with its half-width closer later in the paragraph (（如 crontab)),
    the pair was typed in two widths."""
    half = _HALF.get(opened.mark)
    after = opened.at - offset + 1
    end = after + _WINDOW
    width = bool(half) and 0 <= after <= len(text) and text.count(half[1], after, end) > text.count(half[0], after, end)
    return _hit(opened.at, opened.mark, "unclosed-width" if width else "unclosed")


def _continue(
    carried: list[_Open], texts: list[str], index: int, closes_later: dict[int, str]
) -> tuple[list[_Open], int, list[Hit]]:
    """How paragraph ``index`` goes on from marks left open before it: (stack, where to start
    scanning, findings about the open marks)."""
    text = texts[index]
    quotes = all(o.mark in _QUOTES for o in carried)
    if quotes and text.startswith(carried[0].mark):
        return carried, 1, []  # §4.6.3.3: the quotation goes on and its mark opens this paragraph too
    closer = PAIRS[carried[-1].mark]
    if _first_lone_closer(text) == closer:
        return carried, 0, []  # a paragraph torn in two; the layout checks report the break
    if quotes and len(carried) == 1:
        for later in range(index + 1, min(len(texts), index + _QUOTATION_PARAGRAPHS)):
            if _first_lone_closer(texts[later]) == closer:
                closes_later[later] = closer
                return [], 0, [_hit(carried[0].at, carried[0].mark, "paragraphs", level="info")]
    return [], 0, [_hit(o.at, o.mark, "unclosed") for o in carried]


def _misnested(stack: list[_Open], mark: str) -> str:
    """The mark this level should use, when ``mark`` opens in the wrong place ("" when fine)."""
    if not stack:
        return ""
    top = stack[-1].mark
    if top == mark and mark in _SAME_LEVEL:
        return {"“": "‘", "‘": "“", "「": "『", "『": "「", "《": "〈"}[mark]
    if _INNER_ONLY.get(top) == mark and all(o.mark != mark for o in stack):
        return top  # ‘…“…”…’ with no “ outside: the inner level is the outer mark
    return ""


def _first_lone_closer(text: str) -> str:
    """The first closing mark of ``text`` that nothing in ``text`` opened ("" if none)."""
    depth: dict[str, int] = {}
    for m in _MARK.finditer(text):
        mark = m.group()
        if mark in PAIRS:
            depth[mark] = depth.get(mark, 0) + 1
        elif depth.get(_OPENER_OF[mark], 0):
            depth[_OPENER_OF[mark]] -= 1
        elif not _not_a_pair(text, m.start(), mark):
            return mark
    return ""


def _not_a_pair(text: str, i: int, mark: str) -> bool:
    """A lone closing mark that is not half of a pair: an apostrophe, a list number, an emoticon."""
    prev = text[i - 1 : i]
    if mark == "’" and prev.isascii() and prev.isalpha():
        return True  # don’t, users’
    # 1） a） 一） and the smiley ：）
    return mark in "）】" and bool(_LIST_NUMBER.search(text, max(0, i - 5), i) or (prev and prev in "：:;；^"))
