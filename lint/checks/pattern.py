"""Kind ``pattern``: text that should not appear, found by regular expression.

Runs on the logical view, so a phrase wrapped across two physical lines is
still one match. ``exceptions`` are regexes; a match lying inside an
exception match is not reported (for example flag 其它 except in 其它方面 …).
``replace`` turns the match into a suggestion (``\\1`` and ``\\g<name>`` work); it is
checked against the pattern's groups when the rule loads. Regexes run with a time bound
(:mod:`doclint.checks.regex`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from doclint.checks.base import Check
from doclint.checks.regex import Exceptions, check_template, compile_all
from doclint.document.chars import fold_width

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding

STRINGS = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}, "minItems": 1}]}


def as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


class Pattern(Check):
    name = "pattern"
    schema = {
        "type": "object",
        "required": ["pattern"],
        "additionalProperties": False,
        "properties": {
            "pattern": STRINGS,
            "exceptions": {"type": "array", "items": {"type": "string"}},
            "replace": {"type": "string"},
            "ignore_case": {"type": "boolean"},
            "fold_width": {"type": "boolean"},
        },
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        flags = re.IGNORECASE if params.get("ignore_case") else 0
        self.patterns = compile_all(as_list(params["pattern"]), flags)
        self.exceptions = compile_all(params.get("exceptions", []), flags)
        self.replace = params.get("replace")
        if self.replace is not None:
            for pattern in self.patterns:
                check_template(pattern, self.replace)
        self.fold = bool(params.get("fold_width"))

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        view = doc.logical
        for par in view.paragraphs:
            text = view.paragraph_text(par)
            if self.fold:
                text = fold_width(text)
            exceptions = Exceptions(self.exceptions, text)
            for pattern in self.patterns:
                for m in exceptions.uncovered(pattern.finditer(text)):
                    if m.end() == m.start():
                        continue
                    suggestion = m.expand(self.replace) if self.replace is not None else None
                    fields = {k: v for k, v in m.groupdict().items() if v is not None}
                    yield rule.finding(
                        doc.view_location(par.start + m.start(), par.start + m.end()),
                        suggestion=suggestion,
                        match=m.group(),
                        **fields,
                    )
