"""Column widths of a printed page, line by line.

OCR of a printed page gives one printed line per text line. Inside a paragraph every line
fills its column; the paragraph's last line usually does not. A page may set several
column widths at once — a headline over body columns, a sidebar, text narrowed beside a
picture — so the width a line is measured against is the width of the lines around it: the
widest width that several neighbouring lines share (each within a hanging mark or two of it).
Shorter lines that happen to share a width (verse, list items) do not set the column when
wider lines around them do.

Computed with numpy over the line widths, a few passes whatever the number of lines.
"""

from __future__ import annotations

import numpy as np

REACH = 6  # lines each side whose widths are compared
SHARE = 3  # lines (the line itself included) that must share a width for it to be a column's
NEAR = 2  # display columns two widths may differ by and still be one width (a hanging mark)
SLACK = 4  # display columns a line may fall short of its column and still fill it
SLACK_SHARE = 0.15  # ... and at most this share of a narrow column's width
MIN_COLUMN = 16  # display columns: a narrower "column" is a run of short lines, not a column


def full_lines(widths: list[int]) -> list[bool]:
    """For each line (widths in display columns, 0 for blank lines), whether it fills its column."""
    w = np.asarray(widths, dtype=np.int64)
    n = len(w)
    if n == 0:
        return []
    padded = np.concatenate([np.full(REACH, -10_000), w, np.full(REACH, -10_000)])
    shifts = [padded[REACH + d : REACH + d + n] for d in range(-REACH, REACH + 1)]
    support = sum((np.abs(s - w) <= NEAR).astype(np.int64) for s in shifts)
    candidate = np.where((support >= SHARE) & (w >= MIN_COLUMN), w, 0)
    cpad = np.concatenate([np.zeros(REACH, dtype=np.int64), candidate, np.zeros(REACH, dtype=np.int64)])
    full = np.zeros(n, dtype=bool)
    for d in range(-REACH, REACH + 1):
        column = cpad[REACH + d : REACH + d + n]
        slack = np.minimum(SLACK, SLACK_SHARE * column)
        full |= (column > 0) & (np.abs(w - column) <= slack)
    return full.tolist()
