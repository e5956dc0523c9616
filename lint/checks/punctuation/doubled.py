"""Check ``doubled``: a mark written twice, or two marks where one belongs (GB/T 15834 §4).

``，，`` ``。。`` ``、、`` are typing slips; ``，。`` ``；。`` ``、，`` are the traces of an edit
that changed one mark and left the other; ``,，`` ``。.`` are the same mark typed in both
widths. The standard lets question and exclamation marks repeat for emphasis (``？？``,
``！！！``) and combine (``？！``); ``emphasis: false`` reports the repeats too, as house styles
for documentation and official papers do. Three or more full stops are an ellipsis written
wrongly, which the ``ellipsis`` check reports; a half-width mark that ends code or a Latin
word (``x = 1;。``) is not part of the run.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from doclint.checks.hits import Hit, SubCheck
from doclint.document.chars import is_cjk

if TYPE_CHECKING:
    from doclint.document import Document

_FULL = "，。、；：？！"
_RUN = re.compile(r"[，。、；：？！,.;:?!]{2,}")
_WIDTH = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！"}
_ENDS = "。？！"
_EMPHASIS = set("？！")


class Doubled(SubCheck):
    name = "doubled"
    schema = {"emphasis": {"type": "boolean"}}

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.emphasis = params.get("emphasis", True)

    def hits(self, doc: Document) -> list[Hit]:
        view = doc.logical
        found = []
        for m in _RUN.finditer(view.text):
            a, b = m.span()
            text = view.text
            # a half-width mark at either end belongs to the run only if Chinese is on its far side:
            # x;。 ends code, 保存为 ?。 and 加上 !， name the symbol itself
            while a < b and text[a] not in _FULL and not is_cjk(text[a - 1 : a] or " "):
                a += 1
            while b > a and text[b - 1] not in _FULL and not _chinese_or_end(text[b : b + 1]):
                b -= 1
            run = text[a:b]
            if len(run) < 2 or ".." in run or not any(ch in _FULL for ch in run):
                continue
            if any(ch not in _FULL for ch in run[1:-1]):
                continue  # /、<、:、? lists symbols: the half-width one is named, not used
            judged = self._judge(run)
            if judged is not None:
                problem, suggestion = judged
                found.append(Hit(a, b, suggestion, {"match": run, "problem": problem[0], "problem_en": problem[1]}))
        return found

    def _judge(self, run: str) -> tuple[tuple[str, str], str | None] | None:
        """(problem, suggestion) for a run of marks, or None when the run is allowed."""
        marks = {_WIDTH.get(ch, ch) for ch in run}
        if len(marks) == 1:
            mark = marks.pop()
            if all(ch in _FULL for ch in run):
                if mark == "。" and len(run) >= 3:
                    return None  # 。。。 is an ellipsis written wrongly: the ellipsis check's
                if mark in _EMPHASIS and self.emphasis:
                    return None
                return ("叠用", "written twice"), mark
            return ("全角半角重复", "typed in both widths"), mark
        if set(run) <= _EMPHASIS:
            return None  # ？！ and ！？ combine by the standard
        last = _WIDTH.get(run[-1], run[-1])
        suggestion = last if last in _ENDS and _WIDTH.get(run[0], run[0]) not in _ENDS else None
        return ("连用", "used together"), suggestion


def _chinese_or_end(ch: str) -> bool:
    """What may follow a trailing half-width mark of a run: Chinese, or the paragraph's end (显示。.)."""
    return ch in ("", "\n") or is_cjk(ch)
