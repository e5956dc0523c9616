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

from doclint.language.segment import last_word

if TYPE_CHECKING:
    from doclint.document.logical import LogicalView

HEADING_MAX = 40  # characters: longer lines are text, whatever their punctuation
COMMA_HEADING_MAX = 20  # characters of a heading that has a comma (两会特别报道，开局之年)
COLUMN_SHARE = 0.75  # of a column's width: a line this wide in a column of text is body text
_SLACK = 4  # display columns a full line may run past the column (a hanging comma)
_SENTENCE_MARKS = re.compile(r"[。！？；!?;]")
_CLAUSE_ENDING = "，、：,:"
_NUMBERED = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])")
_SECTION = re.compile(r"第[零〇一二两三四五六七八九十百千]+[编章节]|附[件录表][一二三四五六七八九十\d]*")
_STATUTE_ARTICLES = 3  # article headings (第五条 ……) that make a document a statute…
_STATUTE_SHARE = 0.1  # …when they are this share of the paragraphs from the first one on (not 第一条 INSERT 语句)
_ARTICLE_WITH_TEXT = re.compile(r"第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]+\S")
# No heading ends on a word that needs what follows: a particle, a preposition, a conjunction.
_CANNOT_END = set("的了和与及是在对把被从向将其之以于为或并而且")  # as words of their own (取向 may end one)
_CANNOT_END_WORDS = (  # …nor on a modal verb or a preposition of two characters
    *("应当", "可以", "必须", "应该", "能够", "需要"),
    *("按照", "依照", "通过", "根据", "对于", "关于", "由于"),
)


def is_heading(text: str) -> bool:
    """A short paragraph without sentence punctuation that does not end as a clause does: at
    most one comma, and then short (a headline's two halves), and no article that goes on
    with its text (第五条 民事主体……)."""
    text = text.strip()
    commas = text.count("，") + text.count(",")
    numbered = bool(_NUMBERED.match(text))  # 九、推进体制机制创新，强化乡村振兴制度性供给
    return (
        2 <= len(text) <= HEADING_MAX
        and not _SENTENCE_MARKS.search(text)
        and (numbered or commas == 0 or (commas == 1 and len(text) <= COMMA_HEADING_MAX))
        and text[-1] not in _CLAUSE_ENDING
        and last_word(text) not in _CANNOT_END
        and not text.endswith(_CANNOT_END_WORDS)
        and not _ARTICLE_WITH_TEXT.match(text)
    )


def heading_flags(view: LogicalView) -> list[bool]:
    """For each paragraph of the view, whether it is a heading (Markdown ``#`` lines always are).
    On a page set in columns (``view.wrap_width``), a line about as wide as its column is body
    text whatever its punctuation: a paragraph's first, indented line. A statute (a document of
    articles) numbers its headings (第二章, 第一节, 一、): after its first article, a short line
    without a number is a piece of an article, not a heading."""
    texts = [view.paragraph_text(par) for par in view.paragraphs]
    articles = [i for i, text in enumerate(texts) if _ARTICLE_WITH_TEXT.match(text)]
    statute = len(articles) >= _STATUTE_ARTICLES and len(articles) >= _STATUTE_SHARE * (len(texts) - articles[0])
    statute_from = articles[0] if statute else len(texts)
    flags = []
    column = view.wrap_width
    for i, (par, text) in enumerate(zip(view.paragraphs, texts, strict=True)):
        line = view.lines[par.first_line]
        body = column is not None and COLUMN_SHARE * column <= line.width <= column + _SLACK
        heading = line.kind == "heading" or (not body and is_heading(text))
        if heading and i > statute_from and line.kind != "heading":
            heading = bool(_NUMBERED.match(text) or _SECTION.match(text))
        flags.append(heading)
    return flags
