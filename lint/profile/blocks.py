"""Documents inside one file: where a plain-text file holds several articles.

Exports of news scripts, newsletters, documentation sites and corpora put one paragraph per
line and separate whole documents — each opening with its title — by a blank line. A file
where paragraphs mostly follow each other on consecutive lines, and blank lines are the rarer
break, is such a collection; a file that separates every paragraph by a blank line (statutes,
the seeds' newspaper pages) is one document. Checks that compare parts of a document
(duplicates) compare within one of these blocks: a formula that two stories of a day's news
share is not a sentence pasted twice.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from doclint.document.logical import LogicalView


_ARTICLE_PARAGRAPHS = 5  # paragraphs each of two blank-parted halves needs to be an article of its own


def blank_separated(view: LogicalView) -> bool:
    """Whether the document separates its paragraphs by blank lines (most breaks have one)."""
    blank = [nxt.first_line - prev.last_line > 1 for prev, nxt in pairwise(view.paragraphs)]
    return bool(blank) and sum(blank) > len(blank) / 2


def document_starts(view: LogicalView, markdown: bool) -> list[int]:
    """Indices of the paragraphs that open a document of the file (always [0] for one document).
    A Markdown file is one document: its blank lines are syntax. In a plain-text or Word file,
    blank lines (empty paragraphs) that are the rarer break separate documents; and each part of
    a Word file outside the body (a header, a footnote, a comment) stands on its own, so a
    comment that quotes the body is not a sentence pasted twice."""
    pars = view.paragraphs
    starts = {0} | {i for i in range(1, len(pars)) if pars[i].part != pars[i - 1].part}
    if not markdown and len(pars) >= 2:
        blank = [nxt.first_line - prev.last_line > 1 for prev, nxt in pairwise(pars)]
        separated = sum(blank)
        breaks = [i + 1 for i, b in enumerate(blank) if b]
        # blank lines are the rarer break, and what they part are articles: three or more of them,
        # or two long ones (two reports in one file); not a short text with one blank line in it
        # (（二）…… / blank / （四）……), which is a break inside one document
        if separated and len(blank) - separated > separated and (separated >= 2 or _long_parts(breaks[0], len(pars))):
            starts.update(breaks)
    return sorted(starts)


def _long_parts(split: int, total: int) -> bool:
    return min(split, total - split) >= _ARTICLE_PARAGRAPHS
