"""``--format jsonl``: one finding per line, each the JSON contract's finding object.

Streams as files finish, so a long run can be piped into ``jq`` or a database as it goes.
"""

from __future__ import annotations

from typing import TextIO

from doclint.finding import Finding
from doclint.report import Report, json_text


def finding(f: Finding, report: Report) -> str:
    return json_text(f.to_dict()) + "\n"


def render(report: Report, out: TextIO) -> None:
    for f in report.findings:
        out.write(finding(f, report))
