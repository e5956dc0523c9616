"""Kind ``confusable``: a valid word used where its neighbour decides another (截止 2024年 → 截至).

Pairs like 截止/截至, 登陆/登录, 必需/必须 and the particles 的/地/得 are all words, so no
dictionary test can catch them; only the words around them can. A rule names the ``word``,
its replacement ``right``, and the context that settles the choice: ``after`` / ``before``
(regexes that must match right after / right before the word) and ``after_pos`` /
``before_pos`` (jieba part-of-speech tags of the next / previous word). The word must be a
word of its own in the segmentation (the 地 of 土地 or the 登陆 of 登陆舰 are not), and
``exceptions`` (regexes) cover what the context rules leave ambiguous. Where the context is
not conclusive the rule should say ``warning``; a rule finds nothing it is not told.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from doclint.checks.base import Check
from doclint.checks.regex import Exceptions, compile_all, compile_regex
from doclint.checks.wordlist import on_word_boundaries
from doclint.document.script import to_simplified
from doclint.language.segment import tokens

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding

_LOOK = 12  # characters each side searched by ``before`` and ``after`` and given to the tagger
_TAGS = {"type": "array", "items": {"type": "string"}, "minItems": 1}


class Confusable(Check):
    name = "confusable"
    schema = {
        "type": "object",
        "required": ["word", "right"],
        "additionalProperties": False,
        "properties": {
            "word": {"type": "string", "minLength": 1},
            "right": {"type": "string", "minLength": 1},
            "after": {"type": "string"},
            "before": {"type": "string"},
            "after_pos": _TAGS,
            "before_pos": _TAGS,
            "exceptions": {"type": "array", "items": {"type": "string"}},
        },
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.word, self.right = params["word"], params["right"]
        if self.word == self.right:
            raise ValueError(f"word and right are both {self.word!r}")
        self.regex = re.compile(re.escape(self.word))
        self.after = compile_regex(params["after"]) if "after" in params else None
        self.before = compile_regex(f"(?:{params['before']})$") if "before" in params else None
        self.after_pos = set(params.get("after_pos", []))
        self.before_pos = set(params.get("before_pos", []))
        self.exceptions = compile_all(params.get("exceptions", []))

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        view = doc.logical
        simple = to_simplified(view.text)
        text = simple.text
        for m in Exceptions(self.exceptions, text).uncovered(self.regex.finditer(text)):
            start, end = m.span()
            if self.after and not self.after.match(text, end, min(len(text), end + _LOOK)):
                continue
            if self.before and not self.before.search(text[max(0, start - _LOOK) : start]):
                continue
            if not on_word_boundaries(text, start, end) or not self._parts_of_speech(text, start, end):
                continue
            right = simple.in_original_script(start, self.right)
            yield rule.finding(doc.view_location(start, end), suggestion=right, match=view.text[start:end], right=right)

    def _parts_of_speech(self, text: str, start: int, end: int) -> bool:
        if not (self.after_pos or self.before_pos):
            return True
        lo = max(0, start - _LOOK)
        words = tokens(text[lo : min(len(text), end + _LOOK)], lo)
        following = next((t for t in words if t.start == end), None)
        preceding = next((t for t in words if t.end == start), None)
        if self.after_pos and (following is None or following.pos not in self.after_pos):
            return False
        return not self.before_pos or (preceding is not None and preceding.pos in self.before_pos)
