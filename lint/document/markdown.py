"""Markdown read by a real parser: the prose of a file, with every span mapped to the file.

markdown-it-py (CommonMark, plus GFM tables and strikethrough, footnotes, and YAML front matter)
finds the blocks. The prose of headings, paragraphs, list items, block quotes and table cells is linted,
each heading, paragraph and cell a paragraph of its own; link text is prose, and so is emphasis.
Code (fenced, indented and inline), HTML (blocks and inline tags), front matter, link
destinations, reference definitions and images are not. Inline code and images leave a
placeholder (:data:`~doclint.document.logical.PLACEHOLDER`) in the sentence, so the words on
either side of ``pip`` in 运行 `pip` 安装 are not read as adjacent. As real pages write it
(measured on ruanyf/weekly and pingcap/docs-cn): the spaces CommonMark needs between ``**`` and a
punctuation mark are syntax, not the writer's spacing; a hard line break sets the next line
under this one (a list typed line by line); a paragraph ending on a link's text ends on a title.

The parser gives line ranges, not character offsets, so each text token is found in the source
from where the previous one ended: exactly, or character by character where escapes and
entities (``\\*``, ``&amp;``) make the token differ from what the file says.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from doclint.document.logical import PLACEHOLDER, Block, Piece, needs_space

if TYPE_CHECKING:
    from markdown_it.token import Token

# After a link's text: its destination, a reference, or nothing (a shortcut reference).
_LINK_TAIL = re.compile(r"\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])?")
_IMAGE = re.compile(r"!\[(?:[^\[\]\n]|\[[^\]\n]*\])*" + _LINK_TAIL.pattern)
_ORDERED_MARKER = re.compile(r"\d{1,9}[.)][ \t]*$")  # 1. before an item's text: kept for the numbering check
_Line = tuple[list[Piece], bool]  # a line's prose pieces, and whether it ends on a link's text
_EMPHASIS = ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close")
_BLOCK_KIND = {"paragraph_open": "text", "heading_open": "heading", "th_open": "cell", "td_open": "cell"}


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin).use(footnote_plugin)


def markdown_blocks(source: str, line_starts: list[int]) -> list[Block]:
    """The prose blocks of a Markdown text, in source order."""
    blocks: list[Block] = []
    kind = "text"
    ordered_item = False  # the next paragraph opens an item of an ordered list
    pos = 0  # where the previous inline element ended
    for token in _parser().parse(source):
        if token.type in _BLOCK_KIND:
            kind = _BLOCK_KIND[token.type]
        elif token.type == "list_item_open":
            ordered_item = token.info.isdigit()
        elif token.type == "inline" and token.map and token.children:
            first, last = token.map[0], token.map[1] - 1
            region_end = line_starts[last + 1] - 1 if last + 1 < len(line_starts) else len(source)
            region_start = line_starts[first]
            # cells of a table row share their line; footnotes come last in the stream, not in the file
            pos = pos if region_start <= pos <= region_end else region_start
            lines, pos = _inline_pieces(source, pos, region_end, token.children)
            if lines and ordered_item and kind == "text":
                lines[0] = (_with_marker(source, line_starts[first], lines[0][0]), lines[0][1])
            ordered_item = False
            for pieces, titled in lines:
                first_line, last_line = _line_of(line_starts, pieces[0].start), _line_of(line_starts, pieces[-1].start)
                blocks.append(Block(tuple(pieces), first_line, last_line, kind, ends_in_title=titled))
    return blocks


def _inline_pieces(source: str, pos: int, end: int, children: list[Token]) -> tuple[list[_Line], int]:
    """The prose of one inline token's children, as lines (a hard break ends one: 1、…  / 2、… set
    line under line), each with whether it ends on a link's text; and where it ends in the source."""
    lines: list[_Line] = []
    pieces: list[Piece] = []
    soft_break = False  # a soft break lies between the last piece and the next
    emphasis = False  # an emphasis mark (** * ~~) lies between the last piece and the next
    autolink = link = 0
    titled = False  # the last piece is a link's text
    for child in children:
        kind = child.type
        found: list[Piece] = []
        if kind.endswith(_EMPHASIS):
            emphasis = True
        if kind == "text" and not autolink:
            found, pos = _align(source, pos, end, child.content)
        elif kind == "code_inline":
            found, pos = _code_span(source, pos, end, child.markup)
        elif kind == "image":
            m = _IMAGE.search(source, pos, end)
            if m:
                found, pos = [Piece(m.start(), m.end(), PLACEHOLDER)], m.end()
        elif kind == "html_inline":
            at = source.find(child.content, pos, end)
            pos = at + len(child.content) if at >= 0 else pos
        elif kind == "link_open" and child.markup in ("autolink", "linkify"):
            autolink += 1
        elif kind == "link_close" and autolink:
            autolink -= 1
            at = source.find(">", pos, end)
            pos = at + 1 if at >= 0 else pos
        elif kind == "link_open":
            link += 1
        elif kind == "link_close":
            link -= 1
            m = _LINK_TAIL.search(source, pos, end)
            pos = m.end() if m else pos
        elif kind in ("softbreak", "hardbreak"):
            at = source.find("\n", pos, end)
            pos = at + 1 if at >= 0 else pos
            if kind == "hardbreak" and pieces:
                lines.append((pieces, titled))
                pieces, emphasis = [], False
            soft_break = kind == "softbreak"
        if found:
            if emphasis and pieces:
                _drop_delimiter_spaces(source, pieces, found)
            if soft_break and pieces and needs_space(_last_char(source, pieces[-1]), _first_char(source, found[0])):
                pieces.append(Piece(pieces[-1].end, pieces[-1].end + 1, " "))
            soft_break = emphasis = False
            pieces.extend(piece for piece in found if piece.end > piece.start or piece.text)
            titled = link > 0
    if pieces:
        lines.append((pieces, titled))
    return lines, pos


def _drop_delimiter_spaces(source: str, pieces: list[Piece], found: list[Piece]) -> None:
    """Spaces between an emphasis mark and a punctuation mark are CommonMark's, not the writer's:
    ``结束了。** 美国`` needs the space for ** to close after 。, ``的 **《书名》**`` for it to open
    before 《. They are left out of the prose (the bold 《书名》 stands where the writer put it);
    spaces around emphasised words (使用 **Python** 编写) are the text's own and stay."""
    before, after = pieces[-1], found[0]
    if before.text is not None or after.text is not None:
        return
    left = source[before.start : before.end]
    right = source[after.start : after.end]
    inner_left, inner_right = left.rstrip(" "), right.lstrip(" ")
    if inner_left == left and inner_right == right:
        return
    if not (_is_punctuation(inner_left[-1:]) or _is_punctuation(inner_right[:1])):
        return
    pieces[-1] = Piece(before.start, before.start + len(inner_left))
    found[0] = Piece(after.end - len(inner_right), after.end)


def _is_punctuation(ch: str) -> bool:
    return bool(ch) and unicodedata.category(ch).startswith("P")


def _align(source: str, pos: int, end: int, content: str) -> tuple[list[Piece], int]:
    """Where the text ``content`` stands in source[pos:end]: one piece if it is there as written,
    else the runs of its characters found one after another (escapes and entities skipped)."""
    if not content:
        return [], pos
    at = source.find(content, pos, end)
    if at >= 0:
        return [Piece(at, at + len(content))], at + len(content)
    pieces: list[Piece] = []
    for ch in content:  # only texts with escapes or entities: rare, and short
        at = source.find(ch, pos, end)
        if at < 0:
            continue  # a character an entity stands for (&copy;): not in the file as such
        if pieces and pieces[-1].end == at:
            pieces[-1] = Piece(pieces[-1].start, at + 1)
        else:
            pieces.append(Piece(at, at + 1))
        pos = at + 1
    return pieces, pos


def _code_span(source: str, pos: int, end: int, fence: str) -> tuple[list[Piece], int]:
    """The placeholder for the code span opened by ``fence`` (a run of backticks) after ``pos``."""
    run = _backticks(fence)
    m = run.search(source, pos, end)
    if not m:
        return [], pos
    close = run.search(source, m.end(), end)
    stop = close.end() if close else m.end()
    return [Piece(m.start(), stop, PLACEHOLDER)], stop


@lru_cache(maxsize=8)
def _backticks(fence: str) -> re.Pattern[str]:
    """A run of exactly as many backticks as ``fence``: what opens and closes a code span."""
    return re.compile(rf"(?<!`){re.escape(fence)}(?!`)")


def _with_marker(source: str, line_start: int, pieces: list[Piece]) -> list[Piece]:
    """An ordered item's number (1.) kept in front of its text, where the numbering check reads it."""
    first = pieces[0]
    m = _ORDERED_MARKER.search(source, line_start, first.start)
    if not m or first.text is not None:
        return pieces
    return [Piece(m.start(), first.end), *pieces[1:]]


def _line_of(line_starts: list[int], offset: int) -> int:
    return bisect_right(line_starts, offset) - 1


def _last_char(source: str, piece: Piece) -> str:
    return piece.text[-1:] if piece.text is not None else source[piece.end - 1 : piece.end]


def _first_char(source: str, piece: Piece) -> str:
    return piece.text[:1] if piece.text is not None else source[piece.start : piece.start + 1]
