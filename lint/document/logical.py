"""The logical view of a document: paragraphs as a reader sees them.

Printed pages and OCR output wrap paragraphs into short physical lines, and
Markdown adds syntax around the words. Checks want the words: a repeated word
split over two lines (考核 / 考核) is still a repeated word, and a line that
starts with 一、 only because the column wrapped there is not a heading.

The view is one string, paragraphs separated by "\\n", with an ``origin``
array giving the source offset of every character. It is built once per
document; checks never map positions themselves.

A plain-text file is grouped into paragraphs here, from the evidence of its lines. A format with
structure of its own (Markdown, Word) says where its paragraphs are: its reader gives
:class:`Block` s, the source spans of each paragraph's prose, and the view only joins them.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from doclint.document.chars import CLOSERS, SENTENCE_END, SPACES, display_width
from doclint.document.columns import full_lines

_SENTENCE = re.compile(rf"[^{SENTENCE_END}\n]*(?:[{SENTENCE_END}]+[{CLOSERS}]*|$)")

# A document is hard-wrapped when most lines share one width (± _WRAP_SLACK
# display columns: a hanging comma or a half-width digit shifts a line by one or two).
_WRAP_SLACK = 4
_WRAP_MIN_SHARE = 0.4
_WRAP_MIN_LINES = 5
_ARTICLE = re.compile(r"第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?[ \t\u3000]")
_ITEM = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]\D|[①-⑳]")
_CLAUSE_ENDS = tuple(SENTENCE_END + "；：;:")
_INDENTED_MIN = 3  # indented lines that show a page indents its paragraphs' first lines


@dataclass(frozen=True)
class Line:
    """One physical line: where its content starts and ends in the source."""

    index: int  # 0-based line number
    start: int  # source offset of the first content character
    end: int  # source offset just past the last content character
    kind: str  # "text", "heading" (a format's own headings), "blank" or "skip" (code, markup: no prose)
    width: int  # display width of the content
    ends_sentence: bool = False
    indent: int = 0  # spaces before the content (a printed paragraph's first-line indent)
    item: str = ""  # "article" (第五条 ) or "item" (（三） 二、 4.) when the line begins with such a number
    ends_clause: bool = False  # ends with 。！？；： (before closing marks)
    full: bool = False  # the line fills its column (doclint.document.columns), so its paragraph goes on


@dataclass(frozen=True)
class Paragraph:
    """A logical paragraph: [start, end) in view offsets, and its source lines."""

    start: int
    end: int
    first_line: int  # 0-based
    last_line: int  # 0-based, inclusive
    kind: str = "text"  # "text", "heading" or "cell" (of a table: never joined to its neighbours)
    number: str = ""  # the list number a word processor shows before it, which is not in its text
    part: str = ""  # the part of a Word file it stands in when not the body: "header", "comment 1"
    ends_in_title: bool = False  # its last words are a title: a Markdown link's text


@dataclass(frozen=True)
class Piece:
    """A source span [start, end) of a paragraph's prose. With ``text``, the view shows that instead
    (every character mapped to ``start``): a space that rejoins Latin words wrapped over two lines,
    or a placeholder for inline code, which is neither linted nor silently removed."""

    start: int
    end: int
    text: str | None = None


@dataclass(frozen=True)
class Block:
    """One paragraph as a reader of a structured format found it: its prose, piece by piece."""

    pieces: tuple[Piece, ...]
    first_line: int  # 0-based source lines it covers
    last_line: int
    kind: str = "text"  # "text", "heading" or "cell"
    number: str = ""  # see Paragraph.number
    part: str = ""  # see Paragraph.part
    ends_in_title: bool = False  # see Paragraph.ends_in_title


PLACEHOLDER = "\ufffc"  # OBJECT REPLACEMENT CHARACTER: stands in the view for code and images


class LogicalView:
    """Paragraph text with an exact map back to source offsets."""

    def __init__(
        self, source: str, line_starts: list[int], blocks: list[Block] | None = None, typed_indents: bool = True
    ) -> None:
        """``blocks``: the paragraphs a structured format's reader found; None groups plain lines.
        ``typed_indents``: whether spaces before a line are the writer's paragraph indent (plain
        text, Word) rather than syntax (Markdown's code blocks and nested lists)."""
        lines = _scan_lines(source, line_starts)
        if blocks is not None:
            lines = _with_block_kinds(lines, blocks)
        self.lines = _fill(lines)
        self.wrap_width = detect_wrap_width(self.lines)  # the page's main column, if it is set in columns
        self.indents = typed_indents and sum(1 for line in self.lines if line.indent) >= _INDENTED_MIN
        if blocks is None:
            groups = _group_lines(self.lines, self.wrap_width is not None, self.indents)
            blocks = [_block(source, group) for group in groups]
        self.paragraphs: list[Paragraph] = []
        chunks: list[str] = []
        self.origin = array("q")
        length = 0
        for block in blocks:
            start = length
            for piece in block.pieces:
                if piece.text is None:
                    chunks.append(source[piece.start : piece.end])
                    self.origin.extend(range(piece.start, piece.end))
                    length += piece.end - piece.start
                else:
                    chunks.append(piece.text)
                    self.origin.extend([piece.start] * len(piece.text))
                    length += len(piece.text)
            if length == start:
                continue
            par = Paragraph(
                start,
                length,
                block.first_line,
                block.last_line,
                kind=block.kind,
                number=block.number,
                part=block.part,
                ends_in_title=block.ends_in_title,
            )
            self.paragraphs.append(par)
            chunks.append("\n")
            self.origin.append(block.pieces[-1].end)
            length += 1
        self.origin.append(len(source))
        self.text = "".join(chunks)
        self._starts = [p.start for p in self.paragraphs]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span to a source span; an empty span stays empty."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1

    def paragraphs_in(self, start: int, end: int) -> list[Paragraph]:
        """Paragraphs that overlap the view span [start, end)."""
        lo = max(0, bisect_right(self._starts, start) - 1)
        return self.paragraphs[lo : bisect_left(self._starts, end)]

    def paragraph_text(self, par: Paragraph) -> str:
        return self.text[par.start : par.end]

    def sentences(self, par: Paragraph) -> Iterator[tuple[int, int]]:
        """Spans of the sentences of a paragraph (view offsets), ending punctuation included."""
        text = self.paragraph_text(par)
        for m in _SENTENCE.finditer(text):
            a, b = m.span()
            while a < b and text[a] in SPACES:
                a += 1
            if a < b:
                yield par.start + a, par.start + b


def detect_wrap_width(lines: list[Line]) -> int | None:
    """The commonest width of the lines that fill their columns, when enough lines do for the
    text to be set in columns (hard-wrapped); None for flowed text."""
    text = [line for line in lines if line.kind == "text"]
    full = [line.width for line in text if line.full]
    if len(full) < _WRAP_MIN_LINES or len(full) < _WRAP_MIN_SHARE * len(text):
        return None
    return Counter(full).most_common(1)[0][0]


def _fill(lines: list[Line]) -> list[Line]:
    """The lines with ``full`` set: whether each fills its column."""
    flags = full_lines([line.width if line.kind == "text" else 0 for line in lines])
    return [replace(line, full=True) if full else line for line, full in zip(lines, flags, strict=True)]


def _scan_lines(source: str, line_starts: list[int]) -> list[Line]:
    lines = []
    for index, start in enumerate(line_starts):
        end = line_starts[index + 1] - 1 if index + 1 < len(line_starts) else len(source)
        raw = source[start:end]
        lead = len(raw) - len(raw.lstrip(SPACES))
        content = raw.strip(SPACES)
        if not content:
            lines.append(Line(index, start, start, "blank", 0))
            continue
        cstart = start + lead
        last = content.rstrip(CLOSERS)[-1:]
        ends = last in tuple(SENTENCE_END)
        item = "article" if _ARTICLE.match(content) else "item" if _ITEM.match(content) else ""
        width = display_width(content)
        lines.append(Line(index, cstart, cstart + len(content), "text", width, ends, lead, item, last in _CLAUSE_ENDS))
    return lines


def _with_block_kinds(lines: list[Line], blocks: list[Block]) -> list[Line]:
    """Lines that no block covers hold no prose (code, markup); lines of a heading block are headings."""
    kinds = ["skip"] * len(lines)
    for block in blocks:
        kind = "heading" if block.kind == "heading" else "text"
        kinds[block.first_line : block.last_line + 1] = [kind] * (block.last_line + 1 - block.first_line)
    return [
        line if line.kind == "blank" or line.kind == kind else replace(line, kind=kind)
        for line, kind in zip(lines, kinds, strict=True)
    ]


def _block(source: str, group: list[Line]) -> Block:
    """A paragraph of plain lines: each line's content, with a space back between wrapped Latin words."""
    pieces: list[Piece] = []
    for i, line in enumerate(group):
        if i and needs_space(source[group[i - 1].end - 1], source[line.start]):
            pieces.append(Piece(line.start - 1, line.start, " "))
        pieces.append(Piece(line.start, line.end))
    return Block(tuple(pieces), group[0].index, group[-1].index)


def _group_lines(lines: list[Line], wrapped: bool, indents: bool) -> Iterator[list[Line]]:
    """Group consecutive lines into paragraphs: join only where the text wrapped."""
    group: list[Line] = []
    for line in lines:
        if line.kind in ("blank", "skip"):
            if group:
                yield group
                group = []
            continue
        if group and not _continues(group[-1], line, wrapped, indents):
            yield group
            group = []
        group.append(line)
    if group:
        yield group


def _continues(prev: Line, line: Line, wrapped: bool, indents: bool) -> bool:
    """A line goes on from the one above when that one fills its column, on a page set in
    columns, unless the line is indented where the page indents its paragraphs."""
    if not (wrapped and prev.kind == line.kind == "text" and prev.full):
        return False
    if indents:
        return not line.indent  # a page that indents paragraphs shows where each one begins
    if line.item and (prev.ends_clause or line.item == "article"):
        return False  # 第九条 …, （三）…: an article or a list item begins on a line of its own
    return not prev.ends_sentence  # elsewhere a full line that ends a sentence may end its paragraph


def needs_space(before: str, after: str) -> bool:
    """Latin words wrapped across lines need their space back; CJK text does not."""
    return bool(before) and before[-1].isascii() and before[-1].isalnum() and after[0].isascii() and after[0].isalnum()
