"""Run a rule's own examples: every ``flag`` text must be reported, every ``pass`` text must not.

Like prh's specs, this makes each rule file carry its own test; ``doclint
rules test`` and the test suite both call it, so a rule that stops doing
what its examples say cannot ship.
"""

from __future__ import annotations

from doclint.document import Document
from doclint.engine.rule import Example, Rule


def example_problems(rule: Rule) -> list[str]:
    """Human-readable mismatches between the rule's examples and what it reports (empty when all hold)."""
    return [problem for example in rule.examples if (problem := _problem(rule, example))]


def _problem(rule: Rule, example: Example) -> str | None:
    doc = Document("<example>", example.text)
    if example.old is not None:
        findings = list(rule.compare(Document("<old>", example.old), doc))
    else:
        findings = list(rule.run(doc))
    if not example.expect_flag:
        if findings:
            spans = ", ".join(f"“{f.location.text}”@{f.location.column}" for f in findings)
            return f"{rule.id}: pass example was flagged ({spans}): {example.text}"
        return None
    if not findings:
        return f"{rule.id}: flag example was not flagged: {example.text}"
    if example.suggestion is not None and example.suggestion not in [f.suggestion for f in findings]:
        got = ", ".join(repr(f.suggestion) for f in findings)
        return f"{rule.id}: expected suggestion {example.suggestion!r}, got {got}: {example.text}"
    return None
