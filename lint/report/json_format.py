"""``--format json``: the stable machine-readable contract (version 1)."""

from __future__ import annotations

import json
from typing import TextIO

from doclint.report import Report


def render(report: Report, out: TextIO) -> None:
    data = {"version": 1, "findings": [f.to_dict() for f in report.findings], "summary": report.summary()}
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
