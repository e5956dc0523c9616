"""``--format rdjsonl``: reviewdog diagnostics, one JSON object per line.

reviewdog counts columns in UTF-8 bytes, not characters, so the columns here
are converted: a Chinese character is three bytes wide.
"""

from __future__ import annotations

from typing import TextIO

from doclint.finding import Finding, Location
from doclint.report import Report, json_text

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def byte_column(line_text: str, column: int) -> int:
    """1-based UTF-8 byte column of a 1-based code point column on ``line_text``."""
    return len(line_text[: column - 1].encode("utf-8")) + 1


def _range(loc: Location) -> dict[str, object]:
    # end may lie on a later line, whose text is not in the excerpt; span text covers it
    end_col = (
        byte_column(loc.excerpt, loc.end_column)
        if loc.end_line == loc.line
        else len(loc.text.rsplit("\n", 1)[-1].encode("utf-8")) + 1
    )
    return {
        "start": {"line": loc.line, "column": byte_column(loc.excerpt, loc.column)},
        "end": {"line": loc.end_line, "column": end_col},
    }


def finding(f: Finding, report: Report) -> str:
    part = f.location.part
    diagnostic: dict[str, object] = {
        "message": f"[{part}] {f.message}" if part else f.message,  # Word: lines are paragraphs of this part
        "location": {"path": f.location.path, "range": _range(f.location)},
        "severity": _SEVERITY[f.severity],
        "source": {"name": "doclint"},
        "code": {"value": f.rule},
    }
    if f.suggestion is not None and part is None:  # a Word file is not patched as text
        diagnostic["suggestions"] = [{"range": _range(f.location), "text": f.suggestion}]
    if f.related:
        diagnostic["related_locations"] = [
            {
                "message": f"related ({r.where})" if r.part else "related",
                "location": {"path": r.path, "range": _range(r)},
            }
            for r in f.related
        ]
    return json_text(diagnostic) + "\n"


def render(report: Report, out: TextIO) -> None:
    for f in report.findings:
        out.write(finding(f, report))
