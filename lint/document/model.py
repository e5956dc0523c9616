"""A document: decoded text, its physical lines, and its logical view.

A file's format comes from its name: Markdown (.md, .markdown) is parsed for its prose, a Word
file (.docx) is read paragraph by paragraph, anything else is plain text. Formats whose markup
would be linted as prose (HTML, reST) or that are not text at all (.doc, .pdf) are refused with
a line that says what to do instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from doclint.document.decode import Decoded, decode
from doclint.document.logical import LogicalView
from doclint.document.script import quoted_like, reading, written_like
from doclint.document.source import DEFAULT_MAX_BYTES, Stamp, read_regular
from doclint.errors import InputError
from doclint.finding import Finding, Location

if TYPE_CHECKING:
    from doclint.document.docx import WordText
    from doclint.profile import Profile

MARKDOWN_SUFFIXES = (".md", ".markdown")
WORD_SUFFIXES = (".docx",)
# Formats that are refused rather than linted as raw text, and what to do instead.
REFUSED = {
    ".doc": "Word 97-2003 .doc files are not read: save it as .docx",
    ".wps": "WPS .wps files are not read: save it as .docx",
    ".rtf": "RTF files are not read: save it as .docx or plain text",
    ".odt": "OpenDocument files are not read: save it as .docx",
    ".pdf": "PDF files are not read: export the text (or OCR it) to a .txt file",
    ".html": "HTML is not read (its markup would be linted as prose): convert it to Markdown or text",
    ".htm": "HTML is not read (its markup would be linted as prose): convert it to Markdown or text",
    ".xhtml": "HTML is not read (its markup would be linted as prose): convert it to Markdown or text",
    ".rst": "reStructuredText is not read (its markup would be linted as prose): convert it to Markdown",
}
_ZIP = b"PK\x03\x04"  # how a .docx (a zip archive) begins
_NEWLINE = re.compile("\n")
_QUOTE_REACH = 200  # characters each side of a finding where the words its message quotes are found


def format_of(name: str) -> str:
    """ "markdown", "docx" or "text", by the file's name; InputError for a refused format."""
    lowered = name.lower()
    suffix = lowered[lowered.rfind(".") :] if "." in lowered.rsplit("/", 1)[-1] else ""
    if suffix in REFUSED:
        raise InputError(name, REFUSED[suffix])
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "docx" if suffix in WORD_SUFFIXES else "text"


class Document:
    """Text with LF line ends; every position a check reports is resolved here."""

    def __init__(
        self,
        path: str,
        text: str,
        decoded: Decoded | None = None,
        format: str | None = None,
        word: WordText | None = None,
    ) -> None:
        """``format``: "text", "markdown" or "docx" (default: Markdown by the name, else text);
        ``word``: a Word file's paragraphs, whose text is ``text``.

        Positions in ``text`` (what checks read) and ``source`` (what the file says) are the same;
        they differ in characters only for a document written in Traditional script."""
        self.path = path
        self.source = text  # as the file writes it
        self.text = reading(text)  # as the checks read it: in Simplified if written in Traditional
        self.decoded = decoded or Decoded(text, "utf-8", False, "\n")
        if format is None:
            format = "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"
        self.format = format
        self.word = word
        self.line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    @property
    def converted(self) -> bool:
        """Whether the checks read this document in another script than it is written in."""
        return self.text is not self.source

    def written(self, finding: Finding) -> Finding | None:
        """A finding made on the Simplified reading, with its quotations and suggestion as written;
        None for a correction that, written in the document's script, is what the document says
        (揹著 read as 揹着, "corrected" to 背着, is 揹著 again in Traditional)."""
        start = finding.location.offset
        if not self.converted or start < 0:
            return finding
        read = self.text[start : start + len(finding.location.text)]
        message = quoted_like(*self.around(start, start + len(read)), finding.message)
        suggestion = finding.suggestion
        if suggestion:
            suggestion = written_like(read, finding.location.text, suggestion)
            if suggestion == finding.location.text:
                return None
        return replace(finding, message=message, suggestion=suggestion)

    def written_text(self, start: int, end: int, text: str) -> str:
        """``text`` that replaces the span [start, end) of the reading, in the script the file is written in."""
        return written_like(self.text[start:end], self.source[start:end], text) if self.converted else text

    def around(self, start: int, end: int) -> tuple[str, str]:
        """The text around [start, end) as the checks read it and as the file writes it: where the
        words a message quotes (“考核”, “…疫情防” ⏎ “控信息…”) are looked up to be shown as written."""
        lo, hi = max(0, start - _QUOTE_REACH), end + _QUOTE_REACH
        return self.text[lo:hi], self.source[lo:hi]

    @property
    def markdown(self) -> bool:
        return self.format == "markdown"

    @classmethod
    def from_bytes(
        cls,
        data: bytes,
        name: str,
        encoding: str | None = None,
        stamp: Stamp | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> Document:
        """The document a file's bytes hold, read as its name's format says; or raise InputError."""
        format = format_of(name)
        if format == "docx":
            from doclint.document.docx import read_docx

            return cls.from_word(name, read_docx(data, name, max_bytes))
        if data.startswith(_ZIP) and encoding is None:
            hint = "give --stdin-filename NAME.docx" if name == "<stdin>" else "name it .docx"
            raise InputError(name, f"binary file (a zip archive: if it is a Word document, {hint})")
        decoded = decode(data, name, encoding)
        if stamp is not None:
            decoded = replace(decoded, stamp=stamp)
        return cls(name, decoded.text, decoded, format)

    @classmethod
    def from_word(cls, name: str, word: WordText) -> Document:
        """A Word file: its paragraphs one per line; the view takes each whole, with Word's list number."""
        return cls(name, word.text, None, "docx", word)

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
        return cls.from_bytes(data, name, encoding, stamp, max_bytes)

    @cached_property
    def logical(self) -> LogicalView:
        if self.format == "markdown":
            from doclint.document.markdown import markdown_blocks

            blocks = markdown_blocks(self.text, self.line_starts)
            return LogicalView(self.text, self.line_starts, blocks, typed_indents=False)
        if self.word is not None:
            return LogicalView(self.text, self.line_starts, self.word.blocks())
        return LogicalView(self.text, self.line_starts)

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
        """A physical line as the checks read it."""
        return self.text[slice(*self._line_bounds(line))]

    def _line_bounds(self, line: int) -> tuple[int, int]:
        start = self.line_starts[line - 1]
        return start, self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)

    def location(self, start: int, end: int) -> Location:
        """The Location of the source span [start, end), with excerpt and text as the file writes them."""
        if self.word is not None:
            return self.word.location(self.path, self.source, start, end)
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        excerpt = self.source[slice(*self._line_bounds(line))]
        return Location(self.path, line, column, end_line, end_column, excerpt, self.source[start:end], offset=start)

    def view_location(self, start: int, end: int) -> Location:
        """The Location of a span given in logical-view offsets."""
        return self.location(*self.logical.source_span(start, end))

    def __getstate__(self) -> dict[str, object]:
        # The logical view is cheap to rebuild and large to pickle (parallel runs send documents back).
        state = dict(self.__dict__)
        state.pop("logical", None)
        state.pop("profile", None)
        return state
