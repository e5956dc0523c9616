"""Run one built-in rule on a text or a file, as the engine would."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from doclint.document import Document
from doclint.engine.config import Config
from doclint.engine.rule import Rule
from doclint.engine.runner import load_ruleset
from doclint.finding import Finding


@cache
def rule(rule_id: str) -> Rule:
    return next(r for r in load_ruleset(Config()) if r.id == rule_id)


def findings(rule_id: str, text: str, path: str = "t.txt") -> list[Finding]:
    return list(rule(rule_id).run(Document(path, text)))


def file_findings(rule_id: str, path: Path) -> list[Finding]:
    return list(rule(rule_id).run(Document.from_file(path)))
