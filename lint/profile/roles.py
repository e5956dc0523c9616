"""What each paragraph is: a heading, or running text.

A proofreader sees at once which short lines are headings: they carry no sentence punctuation,
do not end as a clause does, and are short. Markdown says so with ``#``; converted documents
and plain text say so only by their shape. Checks use the answer to know where a section
begins (a note restated under two headings is reuse, not a paste) and what may end without
a full stop.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from doclint.document.logical import LogicalView

HEADING_MAX = 40  # characters: longer lines are text, whatever their punctuation
COLUMN_SHARE = 0.75  # of a column's width: a line this wide in a column of text is body text
_SLACK = 4  # display columns a full line may run past the column (a hanging comma)
_SENTENCE_MARKS = re.compile(r"[。！？；!?;]")
_CLAUSE_ENDING = "，、：,:"


def is_heading(text: str) -> bool:
    """A short paragraph without sentence punctuation that does not end as a clause does."""
    text = text.strip()
    return 2 <= len(text) <= HEADING_MAX and not _SENTENCE_MARKS.search(text) and text[-1] not in _CLAUSE_ENDING


def heading_flags(view: LogicalView) -> list[bool]:
    """For each paragraph of the view, whether it is a heading (Markdown ``#`` lines always are).
    On a page set in columns (``view.wrap_width``), a line about as wide as its column is body
    text whatever its punctuation: a paragraph's first, indented line."""
    flags = []
    column = view.wrap_width
    for par in view.paragraphs:
        line = view.lines[par.first_line]
        body = column is not None and COLUMN_SHARE * column <= line.width <= column + _SLACK
        flags.append(line.kind == "heading" or (not body and is_heading(view.paragraph_text(par))))
    return flags
