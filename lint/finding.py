"""What a check reports: a located, ranked message about one place in a document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")


def severity_rank(level: str) -> int:
    """info < warning < error; "never" ranks above everything (nothing fails)."""
    return SEVERITIES.index(level) if level in SEVERITIES else len(SEVERITIES)


@dataclass(frozen=True)
class Location:
    """A span in a physical file: 1-based lines and columns in code points, end column exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str  # the physical line the span starts on
    text: str = ""  # the characters of the span itself (for fingerprints and reports)
    # In a Word file, lines are paragraphs and ``part`` says where they are: "" for the body
    # (paragraph numbers count through it), else "table 1, row 2, cell 3", "header", "comment 1".
    part: str | None = None

    @property
    def where(self) -> str:
        """The line as people look for it: "12" in a text file, "¶12" or "table 1, row 2, cell 3 ¶1" in Word."""
        if self.part is None:
            return str(self.line)
        return f"{self.part} ¶{self.line}" if self.part else f"¶{self.line}"

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "excerpt": self.excerpt,
        }
        if self.part is not None:
            data["part"] = self.part
            data["paragraph"] = self.line
        return data


@dataclass(frozen=True)
class Finding:
    rule: str
    kind: str
    severity: str
    message: str
    location: Location
    suggestion: str | None = None
    related: tuple[Location, ...] = field(default=())

    @property
    def sort_key(self) -> tuple[str, tuple[object, ...], int, int, str]:
        """File, then place: line and column (in a Word file the body first, then tables, headers,
        notes and comments, numbered parts in their numbers' order)."""
        loc = self.location
        return (loc.path, _natural(loc.part), loc.line, loc.column, self.rule)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = self.location.to_dict()
        data.update(
            rule=self.rule,
            kind=self.kind,
            severity=self.severity,
            message=self.message,
            suggestion=self.suggestion,
            related=[r.to_dict() for r in self.related],
        )
        return data


_PART_ORDER = ("table", "text box", "header", "first-page header", "even-page header", "footer", "first-page footer")
_PART_ORDER += ("even-page footer", "footnote", "endnote", "comment")


def _natural(part: str | None) -> tuple[object, ...]:
    """Where a part of a Word file comes: the body, tables, text boxes, headers, footers, notes,
    comments; and
    within a kind by number ("table 10" after "table 2")."""
    if not part:
        return ()
    pieces = tuple(int(piece) if piece.isdigit() else piece for piece in re.split(r"(\d+)", part))
    kind = str(pieces[0]).rstrip(" ,")
    return (_PART_ORDER.index(kind) if kind in _PART_ORDER else len(_PART_ORDER), *pieces)
