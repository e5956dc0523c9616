"""The drafting units of a document: the articles of a statute, else its paragraphs.

Statutes say a thing once per article (第X条), and an article may run over several
paragraphs; parallel provisions are parallel article by article. Checks that ask "is the
text around this sentence alike in both places" compare units.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from doclint.document.logical import LogicalView

_ARTICLE = re.compile(r"第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]")
_SECTION = re.compile(r"第[零〇一二两三四五六七八九十百千]+[编章节][\s\u3000]")
_MIN_ARTICLES = 3  # a document with fewer article headings is not drafted in articles


def unit_starts(view: LogicalView) -> list[int]:
    """View offsets where units begin, in order: articles if the document has them, else paragraphs."""
    paragraphs = [p.start for p in view.paragraphs]
    articles = [p.start for p in view.paragraphs if _ARTICLE.match(view.text, p.start)]
    if len(articles) < _MIN_ARTICLES:
        return paragraphs
    # paragraphs before the first article (title, preamble) and part/chapter/section headings
    # are units of their own
    others = [p for p in paragraphs if p < articles[0] or _SECTION.match(view.text, p)]
    return sorted({*articles, *others})


_CHAPTER = re.compile(r"第[零〇一二两三四五六七八九十百千]+[编章][\s\u3000]")


def chapter_starts(view: LogicalView) -> list[int]:
    """View offsets of the document's part and chapter headings (第X编, 第X章); none in a document
    without them."""
    return [p.start for p in view.paragraphs if _CHAPTER.match(view.text, p.start)]
