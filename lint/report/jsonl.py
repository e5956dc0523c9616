"""``--format jsonl``: one finding per line, each the JSON contract's finding object.

Streams as files finish, so a long run can be piped into ``jq`` or a database as it goes.
"""

from __future__ import annotations

import json
from typing import TextIO

from doclint.finding import Finding
from doclint.report import Report


def finding(f: Finding, report: Report) -> str:
    return json.dumps(f.to_dict(), ensure_ascii=False) + "\n"


def render(report: Report, out: TextIO) -> None:
    for f in report.findings:
        out.write(finding(f, report))
