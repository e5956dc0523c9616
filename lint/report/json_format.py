"""``--format json``: the stable machine-readable contract (version 1)."""

from __future__ import annotations

from typing import TextIO

from doclint.report import Report, json_text


def render(report: Report, out: TextIO) -> None:
    data = {"version": 1, "findings": [f.to_dict() for f in report.findings], "summary": report.summary()}
    out.write(json_text(data, indent=2))
    out.write("\n")
