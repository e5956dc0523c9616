"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff."""

from __future__ import annotations

from typing import TextIO

from doclint.finding import Finding
from doclint.report import Report, printable

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    # % and line breaks are the workflow-command escapes; other control characters are shown as
    # \x1b-style text, so a document cannot send escape sequences into the job log
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def finding(f: Finding, report: Report) -> str:
    loc = f.location
    props = {
        "file": loc.path,
        "line": loc.line,
        "col": loc.column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column,
        "title": f"doclint {f.rule}" + (f" ({loc.where})" if loc.part is not None else ""),  # Word: where
    }
    head = ",".join(f"{k}={_escape_property(str(v))}" for k, v in props.items())
    message = f.message + (f"（建议：{f.suggestion}）" if f.suggestion else "")
    return f"::{_COMMAND[f.severity]} {head}::{_escape_data(message)}\n"


def render(report: Report, out: TextIO) -> None:
    for f in report.findings:
        out.write(finding(f, report))
