"""Kind ``repetition``: a word typed twice in a row (考核考核, 的的).

Finding a repeat is easy; telling an error from correct Chinese is the work.
Most doubled characters in edited text are right: reduplication (常常, 看看,
实实在在, 研究研究), kinship terms (妈妈), measure words (一个个), and repeats
that straddle two words (学院|院长, 目的|的, 为了|了解). So:

* A repeated unit of two or more characters (考核考核) is an error when the
  unit is made of dictionary words, unless it is a known ABAB reduplication
  (``allow``), a unit like 一个/一步 (一个一个), or ends in a modal particle
  (好的好的, 来了来了 — speech, not a slip).
* A doubled single character is reported only for function characters that
  never reduplicate (``function_chars``: 的, 在, 被 …), and only when word
  segmentation (jieba) puts each copy in a word of its own — so 目的的 and
  为了了解 are left alone — and the pair is not part of AABB (的的确确).
* Anything else stays silent: a linter that cries wolf gets switched off.

Runs on the logical view, so a repeat across a hard line wrap (考核 / 考核) or
with stray spaces between the copies (考核 考核) is found too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from doclint.checks.base import Check
from doclint.document.chars import CJK_CLASS
from doclint.language.lexicon import lexicon
from doclint.language.segment import words as segment

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding

_NUMERALS = "一二两三四五六七八九十百千万几每"
_PARTICLES = "了的啊吧呀嘛呢哦啦么"
_WINDOW = 8  # characters of context on each side given to the segmenter


class Repetition(Check):
    name = "repetition"
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "max_chars": {"type": "integer", "minimum": 1, "maximum": 20},
            "function_chars": {"type": "string"},
            "allow": {"type": "array", "items": {"type": "string", "minLength": 2}},
        },
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        max_chars = params.get("max_chars", 8)
        self.function_chars = set(params.get("function_chars", ""))
        self.allow = set(params.get("allow", []))
        self.regex = re.compile(rf"([{CJK_CLASS}]{{1,{max_chars}}})([ \u3000]*)\1")

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        view = doc.logical
        for par in view.paragraphs:
            text = view.paragraph_text(par)
            pos = 0
            while (m := self.regex.search(text, pos)) is not None:
                level = self.judge(text, m.start(), m.group(1))
                if level is None:
                    pos = m.start() + 1
                    continue
                unit = m.group(1)
                yield rule.finding(
                    doc.view_location(par.start + m.start(), par.start + m.end()),
                    suggestion=unit,
                    level=None if level == "error" else level,
                    word=unit,
                )
                pos = m.end()

    def judge(self, text: str, start: int, unit: str) -> str | None:
        """'error', 'warning', or None (correct Chinese) for ``unit`` written twice at ``start``."""
        if len(unit) == 1:
            return self._judge_char(text, start, unit)
        if unit in self.allow or len(set(unit)) == 1 or unit[-1] in _PARTICLES:
            return None
        if len(unit) == 2 and unit[0] == "一":
            return None  # 一个一个, 一步一步: A一A-like, correct
        if all(lexicon().is_word(w) for w in segment(unit)):
            return "error"
        return "warning"

    def _judge_char(self, text: str, start: int, char: str) -> str | None:
        if char not in self.function_chars:
            return None
        before = text[start - 1] if start else ""
        after = text[start + 2 : start + 4]
        if (before and start >= 2 and text[start - 2] == before) or (len(after) == 2 and after[0] == after[1]):
            return None  # AABB: 的的确确, 实实在在
        if before and before in _NUMERALS:
            return None  # 一把把
        lo = max(0, start - _WINDOW)
        words = segment(text[lo : start + 2 + _WINDOW])
        boundaries = set()
        offset = lo
        for word in words:
            boundaries.add(offset)
            offset += len(word)
        boundaries.add(offset)
        if {start, start + 1, start + 2} <= boundaries:
            return "error"
        return None
