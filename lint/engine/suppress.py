"""Inline suppression comments, for adopting doclint on an existing archive.

    <!-- doclint-disable repeated-word -->      off from here (all rules if none named)
    <!-- doclint-enable -->                     on again (all, or the rules named)
    <!-- doclint-disable-next-line RULE -->     off for the following line only

The comments are invisible in rendered Markdown and harmless in plain text. A rule id that
no rule has is an error (a typo would otherwise switch nothing off, or everything on).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from doclint.finding import Finding

_DIRECTIVE = re.compile(r"<!--\s*doclint-(disable-next-line|disable|enable)\b([^>]*?)-->")
ALL = "*"


class Suppressions:
    def __init__(self, text: str) -> None:
        # (line, rule) pairs switched off, computed per line from the directives
        self._events: list[tuple[int, str, frozenset[str]]] = []
        for m in _DIRECTIVE.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            rules = frozenset(r for r in re.split(r"[\s,]+", m.group(2).strip()) if r) or frozenset({ALL})
            self._events.append((line, m.group(1), rules))

    def __bool__(self) -> bool:
        return bool(self._events)

    def unknown(self, known: frozenset[str] | set[str]) -> list[tuple[int, str, str]]:
        """(line, directive, rule id) for every id named in a directive that no rule has."""
        return [
            (line, action, rule)
            for line, action, rules in self._events
            for rule in sorted(rules)
            if rule != ALL and rule not in known
        ]

    def hides(self, finding: Finding) -> bool:
        line, rule = finding.location.line, finding.rule
        off: set[str] = set()
        for at, action, rules in self._events:
            if action == "disable-next-line":
                if at + 1 == line and (ALL in rules or rule in rules):
                    return True
                continue
            if at > line:
                break
            if action == "disable":
                off |= rules
            elif ALL in rules:
                off.clear()
            else:
                off -= rules
        return ALL in off or rule in off


def apply(text: str, findings: Iterable[Finding]) -> Iterator[Finding]:
    suppressions = Suppressions(text)
    if not suppressions:
        yield from findings
        return
    for finding in findings:
        if not suppressions.hides(finding):
            yield finding
