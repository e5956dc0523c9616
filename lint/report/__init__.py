"""Reports: one module per output format, each a ``render(report, out)`` function."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from doclint.finding import SEVERITIES, Finding

if TYPE_CHECKING:
    from doclint.engine.rule import Rule


@dataclass
class Report:
    """Everything a format may print: findings in order, the rules behind them, and totals."""

    findings: list[Finding]
    rules: dict[str, Rule] = field(default_factory=dict)
    documents: int = 0
    characters: int = 0
    color: bool = False

    def counts(self) -> dict[str, int]:
        counted = Counter(f.severity for f in self.findings)
        return {level: counted[level] for level in reversed(SEVERITIES)}

    def summary(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "characters": self.characters,
            "findings": len(self.findings),
            **self.counts(),
        }


Renderer = Callable[[Report, TextIO], None]


def formats() -> dict[str, Renderer]:
    from doclint.report import github, json_format, rdjsonl, sarif, text

    return {
        "text": text.render,
        "json": json_format.render,
        "sarif": sarif.render,
        "github": github.render,
        "rdjsonl": rdjsonl.render,
    }
