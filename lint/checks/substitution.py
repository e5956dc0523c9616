"""Kind ``substitution``: known wrong forms and their right forms (prh's ``expected``).

``swap`` maps each wrong form to its right form, as literal text. All wrong
forms are searched in one pass (one alternation, longest first), so a list of
thousands of entries costs about as much as one, and an alternation of escaped
literals cannot backtrack, so it runs on ``re``. ``exceptions`` are regexes, as in
``pattern``, and run with its time bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from doclint.checks.base import Check
from doclint.checks.regex import Exceptions, compile_all

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding


class Substitution(Check):
    name = "substitution"
    schema = {
        "type": "object",
        "required": ["swap"],
        "additionalProperties": False,
        "properties": {
            "swap": {
                "type": "object",
                "minProperties": 1,
                "propertyNames": {"minLength": 1},
                "additionalProperties": {"type": "string"},
            },
            "exceptions": {"type": "array", "items": {"type": "string"}},
            "ignore_case": {"type": "boolean"},
        },
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.ignore_case = bool(params.get("ignore_case"))
        flags = re.IGNORECASE if self.ignore_case else 0
        self.swap: dict[str, str] = {self._key(k): v for k, v in params["swap"].items()}
        for wrong, right in params["swap"].items():
            if wrong == right:
                raise ValueError(f"swap maps {wrong!r} to itself")
        alternation = "|".join(re.escape(w) for w in sorted(params["swap"], key=len, reverse=True))
        self.regex = re.compile(alternation, flags)
        self.exceptions = compile_all(params.get("exceptions", []), flags)

    def _key(self, text: str) -> str:
        return text.casefold() if self.ignore_case else text

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        view = doc.logical
        for par in view.paragraphs:
            text = view.paragraph_text(par)
            for m in Exceptions(self.exceptions, text).uncovered(self.regex.finditer(text)):
                right = self.swap[self._key(m.group())]
                yield rule.finding(
                    doc.view_location(par.start + m.start(), par.start + m.end()),
                    suggestion=right,
                    match=m.group(),
                    suggestion_text=right,
                    right=right,
                )
