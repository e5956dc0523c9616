"""Reports: one module per output format.

Every format has ``render(report, out)``, which writes a whole report. The line-oriented
formats (text, jsonl, github, rdjsonl) also stream: ``finding(f, report) -> str`` gives the
text of one finding as soon as it is known, and ``summary(report) -> str`` what follows the
last one, so a long run prints as it goes. JSON and SARIF are single documents, written at
the end.

Documents are untrusted: text that reaches a terminal (text and github formats, diffs,
messages) goes through :func:`printable`, so an escape sequence in a document cannot retitle
a terminal, clear the screen or write to the clipboard. The JSON formats escape control
characters by construction.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from doclint.finding import SEVERITIES, Finding

if TYPE_CHECKING:
    from doclint.engine.rule import Rule

# C0 controls except tab and line feed, DEL, C1 controls (CSI U+009B starts escape sequences
# on some terminals), and the bidirectional overrides that reorder what a terminal shows.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters and escape sequences shown as ``\\x1b``-style escapes."""
    return _UNPRINTABLE.sub(_escape, text)


# json escapes C0 controls itself; DEL, C1 and the bidi overrides it leaves raw
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def json_text(data: object, indent: int | None = None) -> str:
    """JSON with non-ASCII text kept readable, and every character that could steer a terminal
    written as a ``\\u`` escape (the same data: they can only occur inside strings)."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


@dataclass
class Report:
    """Everything a format may print: findings in order, the rules behind them, and totals.

    A streamed report keeps no findings (``findings`` stays empty); it counts them with
    :meth:`count` so the summary is still right."""

    findings: list[Finding]
    rules: dict[str, Rule] = field(default_factory=dict)
    documents: int = 0
    characters: int = 0
    unread: int = 0  # files that could not be read (each reported on stderr)
    color: bool = False
    root: Path | None = None  # project root, for path-independent fingerprints
    _counted: Counter[str] = field(default_factory=Counter)

    def count(self, finding: Finding) -> None:
        self._counted[finding.severity] += 1

    def counts(self) -> dict[str, int]:
        counted = self._counted if self._counted else Counter(f.severity for f in self.findings)
        return {level: counted[level] for level in reversed(SEVERITIES)}

    def total(self) -> int:
        return sum(self.counts().values())

    def summary(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "characters": self.characters,
            "findings": self.total(),
            **self.counts(),
        }


Renderer = Callable[[Report, TextIO], None]
STREAMING = ("text", "jsonl", "github", "rdjsonl")


def formats() -> dict[str, Renderer]:
    from doclint.report import github, json_format, jsonl, rdjsonl, sarif, text

    return {
        "text": text.render,
        "json": json_format.render,
        "jsonl": jsonl.render,
        "sarif": sarif.render,
        "github": github.render,
        "rdjsonl": rdjsonl.render,
    }


def streamer(fmt: str) -> tuple[Callable[[Finding, Report], str], Callable[[Report], str]]:
    """(one finding's text, the closing text) of a streaming format."""
    from doclint.report import github, jsonl, rdjsonl, text

    module = {"text": text, "jsonl": jsonl, "github": github, "rdjsonl": rdjsonl}[fmt]
    return module.finding, getattr(module, "summary", lambda report: "")
