"""What a check reports: a located, ranked message about one place in a document."""

from __future__ import annotations

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
    # Where the span starts in the document's text: orders findings as the document reads (in a
    # Word file, a table's findings among the body's); -1 when not known.
    offset: int = -1

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
    def sort_key(self) -> tuple[str, int, int, int, str]:
        """File, then place in the order the document reads."""
        loc = self.location
        return (loc.path, loc.offset, loc.line, loc.column, self.rule)

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
