"""A document: decoded text, its physical lines, and its logical view."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from doclint.document.decode import Decoded, decode
from doclint.document.logical import LogicalView
from doclint.document.source import DEFAULT_MAX_BYTES, read_regular
from doclint.finding import Location

if TYPE_CHECKING:
    from doclint.profile import Profile

MARKDOWN_SUFFIXES = (".md", ".markdown")
_NEWLINE = re.compile("\n")


class Document:
    """Text with LF line ends; every position a check reports is resolved here."""

    def __init__(self, path: str, text: str, decoded: Decoded | None = None, markdown: bool | None = None) -> None:
        self.path = path
        self.text = text
        self.decoded = decoded or Decoded(text, "utf-8", False, "\n")
        self.markdown = path.lower().endswith(MARKDOWN_SUFFIXES) if markdown is None else markdown
        self.line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    @classmethod
    def from_file(
        cls,
        file: Path,
        display_path: str | None = None,
        encoding: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> Document:
        """Read a regular file (never a pipe or device, never more than ``max_bytes``) or raise InputError."""
        name = display_path or file.as_posix()
        data, stamp = read_regular(file, name, max_bytes)
        decoded = replace(decode(data, name, encoding), stamp=stamp)
        return cls(name, decoded.text, decoded)

    @cached_property
    def logical(self) -> LogicalView:
        return LogicalView(self.text, self.line_starts, self.markdown)

    @cached_property
    def profile(self) -> Profile:
        """What the document's conventions are (register, spacing, line roles), inferred once."""
        from doclint.profile import Profile

        return Profile(self)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset, columns in code points."""
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end]

    def location(self, start: int, end: int) -> Location:
        """The Location of the source span [start, end)."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Location(self.path, line, column, end_line, end_column, self.line_text(line), self.text[start:end])

    def view_location(self, start: int, end: int) -> Location:
        """The Location of a span given in logical-view offsets."""
        return self.location(*self.logical.source_span(start, end))

    def __getstate__(self) -> dict[str, object]:
        # The logical view is cheap to rebuild and large to pickle (parallel runs send documents back).
        state = dict(self.__dict__)
        state.pop("logical", None)
        state.pop("profile", None)
        return state
