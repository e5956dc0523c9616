"""``--format text``: for people at a terminal.

    seeds/001.txt:79:187: error [repeated-word] 词语重复：“考核”连写两次 / word written twice
        |…完善激励相容、灵活高效、符合医疗行业特点的人事薪酬制度，健全绩效考核考核分配制度。
        |                                                        ^^^^
        = 建议 suggestion: 考核

In a Word file the line is a paragraph, shown as Word users look for it (``稿件.docx:¶12:5``,
``稿件.docx:table 1, row 2, cell 3 ¶1:4``), and the excerpt is the paragraph.

Carets are aligned by display width, so they sit under Chinese characters
(two columns each) as well as under Latin ones. Everything taken from a document or a rule
file is passed through :func:`~doclint.report.printable` first.
"""

from __future__ import annotations

from typing import TextIO

import click

from doclint.document.chars import display_width
from doclint.finding import Finding
from doclint.report import Report, printable

_BEFORE = 30  # characters of context shown before a finding
_AFTER = 30  # and after it
_COLOR = {"error": "red", "warning": "yellow", "info": "cyan"}
_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}


def excerpt_window(line: str, column: int, length: int) -> tuple[str, int, int]:
    """A slice of ``line`` around the span, with the display offsets of the span inside it
    (control characters escaped, and the carets measured on the escaped text)."""
    line = line.replace("\t", " ")  # a tab would move the carets: shown as one space, as wide as it counts
    start = max(0, column - 1 - _BEFORE)
    end = min(len(line), column - 1 + length + _AFTER)
    prefix = "…" if start > 0 else ""
    shown = prefix + printable(line[start:end]) + ("…" if end < len(line) else "")
    pad = display_width(prefix + printable(line[start : column - 1]))
    width = max(1, display_width(printable(line[column - 1 : column - 1 + length])))
    return shown, pad, width


def finding(f: Finding, report: Report) -> str:
    loc = f.location
    style = (lambda s, **kw: click.style(s, **kw)) if report.color else (lambda s, **kw: s)
    head = (
        f"{style(printable(loc.path), bold=True)}:{printable(loc.where)}:{loc.column}: "
        f"{style(f.severity, fg=_COLOR[f.severity], bold=True)} {style('[' + f.rule + ']', dim=True)} "
        f"{printable(f.message)}"
    )
    length = len(loc.text.split("\n", 1)[0]) if loc.end_line > loc.line else loc.end_column - loc.column
    shown, pad, width = excerpt_window(loc.excerpt, loc.column, length)
    lines = [head, f"    | {shown}", "    | " + " " * pad + style("^" * width, fg=_COLOR[f.severity])]
    if f.suggestion is not None:
        lines.append(f"    = 建议 suggestion: {printable(f.suggestion) if f.suggestion else '（删除 / delete）'}")
    for r in f.related:
        lines.append(f"    = 参见 see: {printable(r.path)}:{printable(r.where)}:{r.column}")
    return "\n".join(lines) + "\n\n"


def summary(report: Report) -> str:
    counts = report.counts()
    detail = ", ".join(f"{n} {_LABEL[level]} {level}" for level, n in counts.items() if n)
    total = report.total()
    if total:
        head = f"发现 {total} 处问题 / {total} problem{'s' * (total != 1)} ({detail})"
    else:
        head = "未发现问题 / no problems"
    unread = ""
    if report.unread:
        unread = (
            f"; {report.unread} 个文件无法检查 / {report.unread} file{'s' * (report.unread != 1)} could not be checked"
        )
    files = f"{report.documents} file{'s' * (report.documents != 1)}"
    return head + f" in {files}, {report.characters:,} characters{unread}.\n"


def render(report: Report, out: TextIO) -> None:
    for f in report.findings:
        out.write(finding(f, report))
    out.write(summary(report))
