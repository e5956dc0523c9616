"""Numbers (GB/T 15835-2011; GB/T 15834 §4.5.3.5).

* ``approximate`` — two neighbouring numbers that together give an approximation take no
  enumeration comma between them: ``三、四个`` → ``三四个``, ``四十五、六岁`` → ``四十五六岁``. Only
  with a counting word after them (个 天 岁 倍 …), so lists stay lists: ``一、二等奖``,
  ``二、三产业``, ``第一、二章``, ``三、四月份``.
* ``mixed-numerals`` — one sentence counting the same kind of thing in Chinese and in Arabic
  numerals (``三个车间`` beside ``5个班组``). 一, 两 and 几 are words as much as numbers (一个,
  两个) and are not counted; numbers inside quotation marks or book titles (“三个代表”) are
  names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from doclint.checks.hits import Hit, SubCheck
from doclint.checks.punctuation.context import MarkCount
from doclint.document.chars import CJK_CLASS

if TYPE_CHECKING:
    from doclint.document import Document

# Units measure one kind of quantity by themselves (十倍 and 10倍, 五元 and 10元); counters
# (个 项 条 …) count whatever noun follows them, so two counts are the same kind of quantity only
# when the noun is the same (三条地铁线路 and 3条地铁新线, not 三个前锋 and 6个球员).
UNITS = "公里|公斤|小时|分钟|个月|倍|天|周|岁|米|斤|吨|元"
COUNTERS = "个|位|名|人|次|遍|本|件|只|条|张|家|户|所|座|层|页|句|项|支|台|辆|架|艘"
CLASSIFIERS = f"{UNITS}|{COUNTERS}"  # longest first within each
_NOUN = 2  # characters of the noun after a counter that must agree
_DIGITS = "一二三四五六七八九"
_VALUE = {ch: i + 1 for i, ch in enumerate(_DIGITS)}
_APPROX = re.compile(f"([{_DIGITS}])、([{_DIGITS}])(?=(?:十|百|千|万)?(?:{CLASSIFIERS}))")
_NUMERALS = "〇零一二三四五六七八九十百千万两"
_LIST_AFTER = re.compile(f"、[{_DIGITS}]")
# A Chinese count: 三个, 十二项, 七千多个 — not 第三个, 五六个 (an approximation is written in words)
_CHINESE_COUNT = re.compile(
    f"(?<![第〇零一二三四五六七八九十百千万两几每数])"
    f"(?:[二三四五六七八九十]|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九][百千万]+)"
    f"[多余]?(?P<unit>{CLASSIFIERS})(?P<noun>[{CJK_CLASS}]{{{_NOUN}}})?"
)
_ARABIC_COUNT = re.compile(rf"(?<![\d.,])\d+[多余]?(?P<unit>{CLASSIFIERS})(?P<noun>[{CJK_CLASS}]{{{_NOUN}}})?")
_IS_UNIT = re.compile(f"(?:{UNITS})$")
_QUOTED_OPEN, _QUOTED_CLOSE = "“‘《「『", "”’》」』"


class Approximate(SubCheck):
    name = "approximate"

    def hits(self, doc: Document) -> list[Hit]:
        text = doc.logical.text
        found = []
        for m in _APPROX.finditer(text):
            a, b = m.span()
            if _VALUE[m.group(2)] - _VALUE[m.group(1)] != 1 or _LIST_AFTER.match(text, b):
                continue
            lead = a
            while lead > 0 and text[lead - 1] in _NUMERALS:
                lead -= 1
            if text[lead - 1 : lead] in ("第", "、"):
                continue  # 第一、二章 is a list of ordinals; 一、二、三 a list
            right = m.group(1) + m.group(2)
            found.append(Hit(a, b, right, {"match": m.group(), "right": right}))
        return found


class MixedNumerals(SubCheck):
    name = "mixed-numerals"

    def hits(self, doc: Document) -> list[Hit]:
        view = doc.logical
        found = []
        for par in view.paragraphs:
            for start, end in view.sentences(par):
                sentence = view.text[start:end]
                chinese = list(_CHINESE_COUNT.finditer(sentence))
                if chinese:
                    marks = MarkCount(sentence, _QUOTED_OPEN + _QUOTED_CLOSE)
                    chinese = [m for m in chinese if not _quoted(marks, m.start())]
                if not chinese:
                    continue
                arabic = {_kind(m): m for m in _ARABIC_COUNT.finditer(sentence)}
                arabic.pop(None, None)
                for m in chinese:
                    other = arabic.get(_kind(m))
                    if other:
                        fields = {"match": _count(m), "other": _count(other)}
                        found.append(Hit(start + m.start(), start + m.end("unit"), None, fields))
        return found


def _count(m: re.Match[str]) -> str:
    """The number and its classifier, without the noun: 三条 of 三条地铁."""
    return m.string[m.start() : m.end("unit")]


def _kind(count: re.Match[str]) -> tuple[str, str] | None:
    """What a count counts: its unit, or its counter and the noun after it (None: unknown)."""
    if _IS_UNIT.match(count["unit"]):
        return count["unit"], ""
    return (count["unit"], count["noun"]) if count["noun"] else None


def _quoted(marks: MarkCount, index: int) -> bool:
    """Whether ``index`` lies inside quotation marks or a book title that opened in the sentence."""
    return any(marks.open_before(o, c, index) for o, c in zip(_QUOTED_OPEN, _QUOTED_CLOSE, strict=True))
