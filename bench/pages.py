"""Page repair on simulated OCR of printed pages: does ``doclint fix`` restore the paragraphs?

    python -m bench.pages [--pages 300] [--seed 0] [--list N] [--write]

Real paragraphs of ../shared/corpus (news, reports, literature, web, academic, gov) are laid out
the way line-level OCR delivers a printed page: one printed line per text line, wrapped at a
column width in display columns (CJK and full-width marks 2, ASCII 1), broken only between
characters, never inside a Latin word or a number; marks that may not start a line (，。、”）》 …)
hang at the end of the line and opening marks (“《（ …) move down to the next, as Chinese
typesetting does. Pages use narrow (10–14 CJK characters), normal (18–24) and wide (30–40)
columns, or mix two widths (a headline block over narrow columns, a sidebar, text set around a
figure). Real headings (document titles, short unpunctuated lines of the corpus), real list
items and verse come from the corpus as they are; captions, bylines, running heads and page
numbers are synthetic frames (图3 + a real short line; invented names and dates), since the
corpus has none. About 7% of paragraph ends lose their final 。！？ as OCR drops them, and a
page may start or stop inside a paragraph. Each page is rendered twice: with a blank line
between the OCR engine's blocks (``blank``: as many engines emit them, mostly one block per
paragraph, but a list or a title with its byline may come out as one block, and a paragraph that
runs on into the next newspaper column as two) and with none (``lines``: every printed line on
its own line, paragraphs recoverable only from the text).

The gold is every line break of the page: inside a paragraph (to be joined) or a boundary (to
be kept). ``fix`` changes only whitespace, so a candidate's output is aligned by visible
characters: a gold break at visible offset k is kept when the output still has a line break at
k. Join recall = joined in-paragraph breaks / all in-paragraph breaks; join precision = correct
joins / all joins; a paragraph (every block, headings included) is exact when all its inner
breaks were joined and the boundaries on both sides kept.

Candidates: ``doclint fix`` (``fix_document`` with the built-in rules and a default config) and
the naive rule of issue 10, as stated: join a line to the next text line when it does not end
in 。！？；：”」 and its length is at least 60% of the median line length (display columns of the
stripped line, median over the page's non-blank lines; it joins across blank lines, which it
does not look at), and the same rule that never joins across a blank line (``naive+blank``).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import rjieba

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DOCLINT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
OUT = Path(__file__).resolve().parent / "out" / "pages"
GENRES = ("news", "reports", "literature", "web", "academic", "gov")

# --- layout constants -------------------------------------------------------------------------

# Column widths in display columns (a CJK character is 2): 10–14, 18–24 and 30–40 characters.
WIDTHS = {"narrow": (20, 28), "normal": (36, 48), "wide": (60, 80)}
WIDTH_CLASS_WEIGHTS = {"narrow": 25, "normal": 30, "wide": 20, "mixed": 25}
PAGE_CHARS = (700, 2200)  # visible characters of body text on a page
HEADING_MAX = 40  # a corpus line this short without final punctuation is a heading
DROP_RATE = 0.07  # paragraph ends whose final 。！？ OCR drops
INDENT_RATE = 0.25  # pages whose paragraphs keep a two-character first-line indent
START_INSIDE_RATE = 0.35  # pages that start inside a paragraph (continued from the page before)
END_INSIDE_RATE = 0.35  # pages that stop inside one (continued on the next)
BYLINE_RATE = 0.4  # titles followed by a byline, in these genres:
BYLINE_GENRES = ("news", "web", "academic")
CAPTION_RATE = 0.35  # pages with a figure caption between two blocks
HEAD_RATE, FOLIO_RATE, JUMP_RATE = 0.55, 0.6, 0.15  # running head, page number, 下转 line (news)
FIGURE_SHRINK = (0.5, 0.7)  # lines beside a figure are this share of the column
# OCR blocks: consecutive blocks of these roles come out as one block (no blank line between) at
# this rate; narrow columns (a newspaper) are this many lines high, and a paragraph that runs
# on into the next column comes out as two blocks.
GROUPED_ROLES = {
    ("list-item", "list-item"),
    ("heading", "byline"),
    ("byline", "heading"),
    ("heading", "heading"),
    ("furniture", "furniture"),
}
GROUPED_RATE = 0.5
COLUMN_LINES = (25, 60)
# Markdown list items lost their bullets in the corpus's conversion; a printed list shows one (as
# OCR reads it), or none on some pages (a list set by indentation alone).
BULLETS = {"• ": 3, "● ": 2, "· ": 2, "- ": 2, "": 1}

# Chinese line breaking (GB/T 15834 practice, JIS X 4051 kinsoku): these never start a line …
NO_START = set("，。、；：？！”’）》」』】〕〉…,.;:?!)]}%‰·")
# … and these never end one.
NO_END = set("“‘（《「『【〔〈([{")
# A run of ASCII without spaces (a word, a number, an option, a URL) is one unbreakable unit, as
# in Western typesetting (1.45, Aix-Marseille, --addr=ip:port); …… and —— are never split.
_TOKEN = re.compile(r"[!-~]+|……|——|\s+|.", re.S)
_WS = re.compile(r"\s+")
_FINAL = set("。！？；：，、…”’」』.!?;:,")  # a line ending in one of these is not a heading
_SENTENCE_END = "。！？"
_LIST_MARKER = re.compile(
    r"^(?:\d{1,2}[、.．)）]|[（(]\d{1,2}[)）]|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
    r"|[①-⑳]|[-*•·]\s|\[[ xX]\]|——)"
)
_NUMBERED_HEADING = re.compile(r"[一二三四五六七八九十（(]")  # 一、总体要求 （三）基本原则
# The older government work reports were transcribed from print and keep some of its line breaks
# inside paragraphs (社会财产沒 / 有遭到損坏); lines torn mid-word are joined back, so the gold
# does not call a corpus defect a boundary.
TORN_GENRES = ("reports",)
_ENDS_ON_CHARACTER = re.compile(r"[\u4e00-\u9fff0-9]$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_EDGES = re.compile(r"^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$")

# Synthetic furniture and bylines: invented names and dates, generic section names.
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华文哲龙"
_SECTIONS = ("要闻", "综合", "国内", "经济", "社会", "文化", "理论", "专版")
_WEEKDAYS = "一二三四五六日"


def display_width(text: str) -> int:
    """Columns on a Chinese page: wide, full-width and ambiguous characters (“” —) take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def visible(text: str) -> str:
    return "".join(text.split())


# --- the corpus -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One corpus line: where it is (``genre/file``, 1-based line), its text and its role."""

    path: str
    line: int
    text: str
    role: str
    title: bool = False  # the first line of its document
    span: int = 1  # corpus lines it joins (a paragraph the corpus itself tore, see TORN_GENRES)

    @property
    def where(self) -> str:
        """``genre/file:line``, or ``genre/file:first-last`` for a joined torn paragraph."""
        last = f"-{self.line + self.span - 1}" if self.span > 1 else ""
        return f"{self.path}:{self.line}{last}"


def _clean(line: str) -> str:
    """A corpus line as printed: no surrounding whitespace or zero-width spaces, no ``#`` of Markdown."""
    return _MARKDOWN_HEADING.sub("", _EDGES.sub("", line))


def _documents(genre: str, path: Path) -> list[list[Source]]:
    """The documents of a corpus file, each its lines with roles; ``gov`` files are one document each."""
    rel = f"{genre}/{path.name}"
    docs: list[list[tuple[int, str, int]]] = [[]]
    for number, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        text = _clean(raw)
        if text.startswith("<!--"):
            continue
        if not text:
            if genre != "gov" and docs[-1]:
                docs.append([])
            continue
        doc = docs[-1]
        if genre in TORN_GENRES and doc and _torn(doc[-1][1], text):
            first, before, span = doc[-1]
            doc[-1] = (first, before + text, span + 1)
        else:
            doc.append((number, text, 1))
    return [_with_roles(rel, doc) for doc in docs if doc]


def _torn(line: str, following: str) -> bool:
    """Whether the corpus broke a paragraph here: a long line stops mid-word (jieba's words run
    across the break: 沒 / 有, 认 / 识) and running text goes on."""
    if len(line) <= HEADING_MAX or not _ENDS_ON_CHARACTER.search(line) or _LIST_MARKER.match(following):
        return False
    if len(following) <= HEADING_MAX and following[-1] not in _FINAL:
        return False
    window = line[-6:] + following[:6]
    position = 0
    for word in rjieba.cut(window, hmm=False):
        if position < 6 < position + len(word):
            return True
        position += len(word)
    return False


def _is_short_heading(text: str) -> bool:
    return len(text) <= HEADING_MAX and text[-1] not in _FINAL


def _with_roles(rel: str, lines: list[tuple[int, str, int]]) -> list[Source]:
    """Roles from the text: the first line and short unpunctuated lines are headings, marked lines
    list items, and so are runs of short unpunctuated lines after a line ending in ： (Markdown lists
    whose markers the conversion removed)."""
    out: list[Source] = []
    after_colon = False
    for index, (number, text, span) in enumerate(lines):
        following = lines[index + 1][1] if index + 1 < len(lines) else "。"
        in_list = after_colon and bool(out) and out[-1].role == "list-item"
        role = "heading" if index == 0 else _role(text, after_colon, in_list, following)
        if text.endswith(("：", ":")):
            after_colon = True
        elif role != "list-item":
            after_colon = False
        out.append(Source(rel, number, text, role, title=index == 0, span=span))
    return out


def _role(text: str, after_colon: bool, in_list: bool, following: str) -> str:
    short = _is_short_heading(text)
    if _LIST_MARKER.match(text):
        return "heading" if short and _NUMBERED_HEADING.match(text) else "list-item"
    if short and (in_list or (after_colon and _is_short_heading(following))):
        return "list-item"
    return "heading" if short else "paragraph"


@cache
def corpus_files(genre: str) -> tuple[Path, ...]:
    return tuple(sorted(p for p in (CORPUS / genre).glob("*") if p.suffix in (".txt", ".md")))


@cache
def corpus_documents(path: Path, genre: str) -> tuple[tuple[Source, ...], ...]:
    return tuple(tuple(doc) for doc in _documents(genre, path))


def corpus_available() -> bool:
    return all(corpus_files(g) for g in GENRES) if CORPUS.is_dir() else False


# --- wrapping ---------------------------------------------------------------------------------


def wrap(text: str, width_at: Callable[[int], int], indent: str = "") -> tuple[list[str], list[str]]:
    """Lines of ``text`` set in a column, and the whitespace the wrap removed after each line.

    ``width_at(i)`` is the width of line ``i``. Greedy, as a typesetter fills a line: a token that
    would overflow starts the next line, unless it may not start one (it hangs); opening marks at
    the end of a full line move down with it. A token wider than the column is split.
    """
    lines: list[str] = []
    seps: list[str] = []
    current: list[str] = [indent] if indent else []
    used = display_width(indent)
    for token in _tokens(text, width_at):
        size = display_width(token)
        if token.isspace():
            if current:
                current.append(token)
                used += size
            elif seps:
                seps[-1] += token  # a space at the start of a line was eaten by the break
            continue
        if used + size > width_at(len(lines)) and token not in NO_START:
            keep = len(current)
            while keep > 0 and (current[keep - 1].isspace() or current[keep - 1] in NO_END):
                keep -= 1
            if not any(not t.isspace() for t in current[:keep]):
                current.append(token)  # nothing could stay on this line: the token overflows it
                used += size
                continue
            carry = current[keep:]
            del current[keep:]
            trail = ""
            while carry and carry[0].isspace():
                trail += carry.pop(0)  # spaces before the moved marks stay at the end of this line
            while current and current[-1].isspace():
                trail = current.pop() + trail
            lines.append("".join(current))
            seps.append(trail)
            current = carry
            used = display_width("".join(carry))
        current.append(token)
        used += size
    if current:
        line = "".join(current)
        stripped = line.rstrip()
        lines.append(stripped)
        if stripped != line:  # trailing space of the paragraph: not printed
            seps.append(line[len(stripped) :])
    return lines, seps[: max(len(lines) - 1, 0)]


def _tokens(text: str, width_at: Callable[[int], int]) -> Iterable[str]:
    narrowest = max(min(width_at(i) for i in range(8)), 4)
    for token in _TOKEN.findall(text):
        if not token.isspace() and display_width(token) > narrowest:  # a URL wider than the column
            step = max(narrowest // 2, 1)
            yield from (token[i : i + step] for i in range(0, len(token), step))
        else:
            yield token


# --- pages ------------------------------------------------------------------------------------


@dataclass
class Block:
    """One layout block as printed: its lines, and the gold paragraph they make.

    ``text`` is the printed paragraph (the visible text with its inner spaces, without the
    indent); ``lines`` joined with ``seps`` give ``indent + text``. ``original`` is the corpus
    line it comes from (empty for synthetic blocks); ``text`` is ``marker + original`` but for a
    dropped final mark or the part cut off at the page edge (``cut``: ``head`` when the page starts
    inside it, ``tail`` when it stops inside it).
    """

    role: str  # paragraph heading list-item caption byline furniture
    text: str
    lines: list[str]
    seps: list[str]
    width: int
    source: str = "synthetic"  # genre/file:line (or :first-last)
    original: str = ""
    indent: str = ""
    marker: str = ""  # a synthetic bullet printed before ``original``
    dropped: bool = False
    cut: str = ""  # head, tail or head+tail

    def printed(self) -> str:
        return "".join(line + sep for line, sep in zip(self.lines, [*self.seps, ""], strict=False))


@dataclass
class Page:
    id: str
    genre: str
    width_class: str
    layout: str  # plain, headline, sidebar, figure
    blocks: list[Block]
    # How the OCR engine cut the page into blocks (the ``blank`` variant): boundaries after these
    # blocks get no blank line (a list, a title with its byline, read as one block) …
    grouped: set[int] = field(default_factory=set)
    # … and these (block, line) breaks inside a paragraph get one (the paragraph runs on into the
    # next column, which OCR reads as a new block).
    column_breaks: set[tuple[int, int]] = field(default_factory=set)


@dataclass(frozen=True)
class Break:
    """A line break of a rendered page: after ``line`` (index among the page's text lines)."""

    offset: int  # visible characters before it
    join: bool  # inside a paragraph: the repair should remove it
    line: int
    block: int
    kind: str  # what a boundary separates (empty inside a paragraph)
    blank: bool  # a blank line sits in it


@dataclass
class Rendering:
    page: Page
    variant: str  # blank (blank lines between blocks) or lines (none)
    text: str
    lines: list[str]  # the text lines (non-blank), in order
    breaks: list[Break]
    first_lines: list[int]  # index in ``lines`` of each block's first line

    @property
    def name(self) -> str:
        return f"{self.page.id}-{self.variant}"


def _block(
    source: Source | None,
    role: str,
    text: str,
    width_at: Callable[[int], int],
    width: int,
    indent: str = "",
    marker: str = "",
) -> Block:
    lines, seps = wrap(marker + text, width_at, indent)
    return Block(
        role,
        marker + text,
        lines,
        seps,
        width,
        source=source.where if source else "synthetic",
        original=source.text if source else "",
        indent=indent,
        marker=marker,
    )


def _fixed(width: int) -> Callable[[int], int]:
    return lambda _i: width


def _name(rng: random.Random) -> str:
    given = "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))
    name = rng.choice(_SURNAMES) + given
    return name[0] + "\u3000" + name[1] if len(name) == 2 and rng.random() < 0.4 else name


def _byline(rng: random.Random) -> str:
    forms = (
        lambda: f"本报记者 {_name(rng)}",
        lambda: f"记者 {_name(rng)} 通讯员 {_name(rng)}",
        lambda: f"文/{_name(rng)}",
        lambda: f"□ 本报记者 {_name(rng)} {_name(rng)}",
        lambda: f"作者：{_name(rng)}",
    )
    return rng.choice(forms)()


def _running_head(rng: random.Random, genre: str, title: str) -> str:
    if genre == "news":
        day = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(2500))
        return (
            f"{day.year}年{day.month}月{day.day}日 星期{_WEEKDAYS[day.weekday()]}"
            f"{rng.choice(('  ', ' '))}第{rng.randint(1, 16)}版 {rng.choice(_SECTIONS)}"
        )
    if genre == "academic":
        return f"{title[:20]}  {rng.randint(2005, 2024)}年第{rng.randint(1, 12)}期"
    return title[:24]


def _folio(rng: random.Random, genre: str) -> str:
    number = rng.randint(2, 480)
    if genre in ("gov", "reports"):
        return f"— {number} —"
    return rng.choice((f"- {number} -", str(number), f"· {number} ·", f"第 {number} 页"))


def _caption(rng: random.Random, short: str, figure: int) -> str:
    forms = (
        lambda: f"图{figure} {short}",
        lambda: f"图{figure}　{short}",
        lambda: f"（{short}）",
        lambda: f"▲{short}　{_name(rng)} 摄",
        lambda: f"{short}（资料图片）",
    )
    return rng.choice(forms)()


def _marker(source: Source, bullet: str) -> str:
    return bullet if source.role == "list-item" and not _LIST_MARKER.match(source.text) else ""


def _drop_final_mark(block: Block) -> None:
    if "tail" in block.cut or not block.text.endswith(tuple(_SENTENCE_END)):
        return
    block.text = block.text[:-1]
    block.lines[-1] = block.lines[-1][:-1]
    block.dropped = True


def _cut(block: Block, keep: slice, edge: str) -> None:
    """Keep only ``keep`` of the block's lines (the rest is on another page)."""
    seps = [*block.seps, ""]
    lines, seps = block.lines[keep], seps[keep]
    if edge == "head":
        block.indent = ""
    block.lines, block.seps = lines, seps[:-1]
    block.text = block.printed()[len(block.indent) :]
    block.cut = f"{block.cut}+{edge}" if block.cut else edge


def _pick_lines(rng: random.Random, genre: str, budget: int, from_title: bool) -> tuple[list[Source], str]:
    """Consecutive corpus lines of one genre, from a random place, until ``budget`` characters;
    and the title a running head would show (the book's in literature, else the document's)."""
    path = rng.choice(corpus_files(genre))
    docs = corpus_documents(path, genre)
    d = rng.randrange(len(docs))
    doc = docs[d]
    title = docs[0][0].text if genre == "literature" else doc[0].text
    start = 0 if from_title or len(doc) < 3 or rng.random() < 0.4 else rng.randrange(1, len(doc) - 1)
    picked: list[Source] = []
    chars = 0
    i = start
    while chars < budget and len(picked) < 200:
        if i >= len(docs[d]):
            d, i = (d + 1) % len(docs), 0
            continue
        picked.append(docs[d][i])
        chars += len(docs[d][i].text)
        i += 1
    return picked, title


def _short_line(rng: random.Random, genre: str) -> str:
    """A real short line of the genre (a title or heading elsewhere in the corpus) for a caption."""
    for _ in range(20):
        doc = rng.choice(corpus_documents(rng.choice(corpus_files(genre)), genre))
        heads = [s.text for s in doc if s.role == "heading" and 4 <= len(s.text) <= 24]
        if heads:
            return rng.choice(heads)
    return doc[0].text[:16]


def make_page(index: int, seed: int = 0, genre: str | None = None) -> Page:
    """Page ``index`` of the series ``seed``: the same arguments give the same page."""
    rng = random.Random(f"pages:{seed}:{index}")
    genre = genre or GENRES[index % len(GENRES)]
    width_class = rng.choices(list(WIDTH_CLASS_WEIGHTS), weights=list(WIDTH_CLASS_WEIGHTS.values()))[0]
    layout = "plain"
    if width_class == "mixed":
        layout = rng.choice(("headline", "sidebar", "figure"))
        body = rng.randint(*WIDTHS[rng.choice(("narrow", "normal"))])
    else:
        body = rng.randint(*WIDTHS[width_class])
    heading_width = body if body >= WIDTHS["normal"][0] else min(body * 2, 56)
    wide = rng.randint(*WIDTHS["wide"])
    indent = "\u3000\u3000" if rng.random() < INDENT_RATE else ""
    budget = rng.randint(*PAGE_CHARS)
    bullet = rng.choices(list(BULLETS), weights=list(BULLETS.values()))[0]

    sources, title = _pick_lines(rng, genre, budget, from_title=layout == "headline")
    blocks: list[Block] = []
    for n, src in enumerate(sources):
        role = src.role
        if layout == "headline" and n < 2:
            width = wide  # the headline and the lead across the columns
        elif role == "heading":
            width = heading_width
        else:
            width = body
        paragraph_indent = indent if role == "paragraph" else ""
        blocks.append(_block(src, role, src.text, _fixed(width), width, paragraph_indent, _marker(src, bullet)))
        if src.title and genre in BYLINE_GENRES and n + 1 < len(sources) and rng.random() < BYLINE_RATE:
            blocks.append(_block(None, "byline", _byline(rng), _fixed(heading_width), heading_width))

    if layout == "figure":
        long = [b for b in blocks if b.role == "paragraph" and len(b.lines) >= 6]
        if long:
            target = rng.choice(long)
            top, count = rng.randrange(0, len(target.lines) - 3), rng.randint(4, 12)
            narrow = round(target.width * rng.uniform(*FIGURE_SHRINK))
            widths = lambda i: narrow if top <= i < top + count else target.width  # noqa: E731
            target.lines, target.seps = wrap(target.text, widths, target.indent)
    if layout == "sidebar" and len(blocks) > 2:
        side_width = rng.randint(*WIDTHS["narrow"])
        side, _ = _pick_lines(rng, genre, rng.randint(150, 450), from_title=True)
        at = rng.randrange(1, len(blocks))
        blocks[at:at] = [
            _block(s, s.role, s.text, _fixed(side_width), side_width, marker=_marker(s, bullet)) for s in side
        ]

    # the page edges: continued from the page before, going on to the next
    first, last = blocks[0], blocks[-1]
    if first.role == "paragraph" and len(first.lines) >= 2 and rng.random() < START_INSIDE_RATE:
        _cut(first, slice(rng.randrange(1, len(first.lines)), None), "head")
    excess = sum(len(b.text) for b in blocks) - budget
    if last.role == "paragraph" and len(last.lines) >= 2:
        lines = len(last.lines)
        if excess > budget // 2:  # one very long paragraph: the page holds about the budget of it
            _cut(last, slice(0, max(1, min(lines - 1, lines - excess * 2 // last.width))), "tail")
        elif rng.random() < END_INSIDE_RATE:
            _cut(last, slice(0, rng.randrange(1, lines)), "tail")
    for block in blocks:
        if block.role in ("paragraph", "list-item") and rng.random() < DROP_RATE:
            _drop_final_mark(block)

    places = [i for i in range(1, len(blocks)) if blocks[i - 1].role == "paragraph"]
    if places and rng.random() < CAPTION_RATE:
        at = rng.choice(places)  # after a paragraph, as a figure sits between paragraphs
        caption = _caption(rng, _short_line(rng, genre), rng.randint(1, 9))
        blocks.insert(at, _block(None, "caption", caption, _fixed(body), body))
    if genre == "news" and "tail" in blocks[-1].cut and rng.random() < JUMP_RATE:
        blocks.append(_block(None, "furniture", f"（下转第{rng.randint(2, 16)}版）", _fixed(400), 400))
    if rng.random() < HEAD_RATE:
        blocks.insert(0, _block(None, "furniture", _running_head(rng, genre, title), _fixed(400), 400))
    if rng.random() < FOLIO_RATE:
        folio = _block(None, "furniture", _folio(rng, genre), _fixed(400), 400)
        if rng.random() < 0.25:
            blocks.insert(0, folio)
        else:
            blocks.append(folio)
    page = Page(f"{index:03d}", genre, width_class, layout, blocks)
    _segment_blocks(page, rng, columns=body <= WIDTHS["narrow"][1])
    return page


def _segment_blocks(page: Page, rng: random.Random, columns: bool) -> None:
    """Where the OCR engine's blocks differ from the paragraphs (see ``Page``)."""
    blocks = page.blocks
    for b in range(len(blocks) - 1):
        pair = (blocks[b].role, blocks[b + 1].role)
        if pair in GROUPED_ROLES and rng.random() < GROUPED_RATE:
            page.grouped.add(b)
    if not columns:
        return  # a single column: blocks are the paragraphs
    height = rng.randint(*COLUMN_LINES)
    row = 0
    for b, block in enumerate(blocks):
        if block.role == "furniture":
            continue
        for i in range(len(block.lines)):
            if row and row % height == 0 and i > 0:
                page.column_breaks.add((b, i))
            row += 1


def compose(page_id: str, items: Iterable[tuple[str, str]], width: int, genre: str = "-") -> Page:
    """A page of the given (role, text) blocks, all set at ``width`` (for tests and examples)."""
    blocks = [_block(None, role, text, _fixed(width), width) for role, text in items]
    return Page(page_id, genre, "custom", "plain", blocks)


def _boundary_kind(before: Block, after: Block) -> str:
    if before.dropped:
        return "paragraph end, mark dropped"
    if after.role != "paragraph":
        return f"before {after.role}"
    if before.role != "paragraph":
        return f"after {before.role}"
    return "paragraph end"


def render(page: Page, variant: str) -> Rendering:
    """The page's text in one layout variant, with the gold of every line break."""
    assert variant in ("blank", "lines")
    parts: list[str] = []
    lines: list[str] = []
    breaks: list[Break] = []
    first_lines: list[int] = []
    offset = 0
    for b, block in enumerate(page.blocks):
        first_lines.append(len(lines))
        for i, line in enumerate(block.lines):
            if lines:
                joined = i > 0
                blank = variant == "blank" and ((b, i) in page.column_breaks if joined else b - 1 not in page.grouped)
                kind = "" if joined else _boundary_kind(page.blocks[b - 1], block)
                breaks.append(Break(offset, joined, len(lines) - 1, b if joined else b - 1, kind, blank))
                parts.append("\n\n" if blank else "\n")
            parts.append(line)
            lines.append(line)
            offset += len(visible(line))
    return Rendering(page, variant, "".join(parts) + "\n", lines, breaks, first_lines)


def oracle_text(rendering: Rendering) -> str:
    """The perfect repair: each block on one line (whitespace of the printed paragraph kept)."""
    sep = "\n\n" if rendering.variant == "blank" else "\n"
    return sep.join(b.printed() for b in rendering.page.blocks) + "\n"


def pages(count: int, seed: int = 0) -> list[Page]:
    return [make_page(i, seed) for i in range(count)]


# --- candidates -------------------------------------------------------------------------------

NAIVE_ENDS = tuple("。！？；：”」")
NAIVE_SHARE = 0.6


def naive(text: str, respect_blank: bool = False) -> str:
    """Issue 10's naive rule: join a text line to the next unless it ends in 。！？；：”」 or is
    shorter than 60% of the median line length; ``respect_blank`` never joins across a blank line."""
    raw = text.split("\n")
    rows = [i for i, line in enumerate(raw) if line.strip()]
    if not rows:
        return text
    median = statistics.median(display_width(raw[i].strip()) for i in rows)
    out: list[str] = []
    for k, i in enumerate(rows):
        line = raw[i].strip()
        out.append(line)
        if k + 1 == len(rows):
            break
        nxt = rows[k + 1]
        joins = not line.endswith(NAIVE_ENDS) and display_width(line) >= NAIVE_SHARE * median
        if joins and not (respect_blank and nxt > i + 1):
            after = raw[nxt].strip()[:1]
            latin = line[-1].isascii() and line[-1].isalnum() and after.isascii() and after.isalnum()
            out.append(" " if latin else "")
        else:
            out.append("\n" * (nxt - i))
    return "".join(out) + "\n"


@cache
def _doclint() -> tuple[object, list[object]]:
    from doclint.engine.config import Config
    from doclint.engine.runner import load_ruleset

    config = Config()
    return config, load_ruleset(config)


def doclint_fix(text: str) -> str:
    """What ``doclint fix`` writes for a page (built-in rules, default configuration)."""
    from doclint.document import Document
    from doclint.engine.fixer import fix_document

    config, rules = _doclint()
    return fix_document(Document("page.txt", text), rules, config)  # type: ignore[arg-type]


CANDIDATES: dict[str, Callable[[str], str]] = {
    "fix": doclint_fix,
    "naive": naive,
    "naive+blank": lambda text: naive(text, respect_blank=True),
}


# --- evaluation -------------------------------------------------------------------------------


def line_breaks(text: str) -> set[int]:
    """Visible-character offsets at which ``text`` breaks a line (not counting its ends)."""
    out: set[int] = set()
    hidden = 0
    for m in _WS.finditer(text):
        if "\n" in m.group() and m.start() > 0 and m.end() < len(text):
            out.add(m.start() - hidden)
        hidden += m.end() - m.start()
    return out


@dataclass
class Score:
    """Counts of one candidate on one rendering; sums of them give micro-averaged rates."""

    inner: int = 0  # in-paragraph breaks
    joined: int = 0  # of them, joined
    joins: int = 0  # all joins
    paragraphs: int = 0
    exact: int = 0
    inserted: int = 0  # line breaks where the page had none
    wrong: list[Break] = field(default_factory=list)  # boundaries joined
    missed: list[Break] = field(default_factory=list)  # in-paragraph breaks kept

    def __iadd__(self, other: Score) -> Score:
        for name in ("inner", "joined", "joins", "paragraphs", "exact", "inserted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wrong += other.wrong
        self.missed += other.missed
        return self

    @property
    def recall(self) -> float | None:
        return self.joined / self.inner if self.inner else None

    @property
    def precision(self) -> float | None:
        return self.joined / self.joins if self.joins else None

    @property
    def exact_share(self) -> float | None:
        return self.exact / self.paragraphs if self.paragraphs else None

    @property
    def mistakes(self) -> int:
        return len(self.wrong) + len(self.missed)


def score(rendering: Rendering, repaired: str) -> Score:
    kept = line_breaks(repaired)
    s = Score()
    joined_at: list[bool] = []
    for brk in rendering.breaks:
        joined = brk.offset not in kept
        joined_at.append(joined)
        s.inner += brk.join
        s.joined += brk.join and joined
        s.joins += joined
        if joined and not brk.join:
            s.wrong.append(brk)
        if brk.join and not joined:
            s.missed.append(brk)
    gold = {b.offset for b in rendering.breaks}
    s.inserted = len(kept - gold)
    # a paragraph is exact when its inner breaks are joined and its boundaries kept
    spans: list[list[int]] = [[] for _ in rendering.page.blocks]
    for n, brk in enumerate(rendering.breaks):
        spans[brk.block].append(n)
    bad = [False] * len(rendering.page.blocks)
    for n, brk in enumerate(rendering.breaks):
        if brk.join and not joined_at[n]:
            bad[brk.block] = True
        if not brk.join and joined_at[n]:
            bad[brk.block] = True
            bad[brk.block + 1] = True
    s.paragraphs = len(bad)
    s.exact = bad.count(False)
    return s


def _is_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def miss_pattern(rendering: Rendering, brk: Break) -> str:
    """What is at an in-paragraph break a candidate kept: the first of these that applies."""
    block = rendering.page.blocks[brk.block]
    line, after = rendering.lines[brk.line], rendering.lines[brk.line + 1]
    start = rendering.first_lines[brk.block]
    text_before = "".join(rendering.lines[start : brk.line + 1])
    if brk.blank:
        return "a blank line (a column break)"
    if _is_alnum(line[-1:]) or _is_alnum(after[:1]):
        return "digit or Latin at the break"
    if line.rstrip("”’」』）)》").endswith(tuple("。！？；：")):
        return "line ends a sentence (。！？；：, maybe then ”）)"
    if any(text_before.count(o) > text_before.count(c) for o, c in ("《》", "“”", "（）", "「」", "【】")):
        return "unclosed 《 “ （ at the break"
    if block.role == "list-item" and brk.line == start:
        return "first line of a list item"
    if block.role != "paragraph":
        return f"inside a {block.role}"
    if display_width(line) < 0.8 * block.width:
        return "short line (beside a figure, or a hang)"
    if block.width <= WIDTHS["narrow"][1]:
        return "narrow column"
    return "other"


@dataclass
class Result:
    rendering: Rendering
    scores: dict[str, Score]
    outputs: dict[str, str]
    whitespace_only: bool
    idempotent: bool


def evaluate(
    renderings: Iterable[Rendering], candidates: dict[str, Callable[[str], str]] | None = None
) -> list[Result]:
    """Run every candidate on every rendering; ``fix`` is also checked to change only whitespace
    and to change nothing when run on its own output."""
    candidates = CANDIDATES if candidates is None else candidates
    results = []
    for r in renderings:
        outputs = {name: repair(r.text) for name, repair in candidates.items()}
        first = next(iter(outputs))
        repaired = outputs[first]
        results.append(
            Result(
                r,
                {name: score(r, out) for name, out in outputs.items()},
                outputs,
                visible(repaired) == visible(r.text),
                candidates[first](repaired) == repaired,
            )
        )
    return results


# --- report -----------------------------------------------------------------------------------


def _rate(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _total(results: Iterable[Result], name: str) -> Score:
    total = Score()
    for result in results:
        total += result.scores[name]
    return total


def table(title: str, groups: dict[str, list[Result]], names: Sequence[str]) -> str:
    head = "| " + title + " | pages | breaks in paragraphs | boundaries | "
    head += " | ".join(f"{n} R | {n} P | {n} exact" for n in names) + " |"
    rule = "|---|---:|---:|---:|" + "---:|---:|---:|" * len(names)
    rows = [head, rule]
    for group, results in groups.items():
        if not results:
            continue
        totals = {n: _total(results, n) for n in names}
        first = totals[names[0]]
        boundaries = sum(len(r.rendering.breaks) for r in results) - first.inner
        cells = " | ".join(
            f"{_rate(t.recall)} | {_rate(t.precision)} | {_rate(t.exact_share, 2)}" for t in totals.values()
        )
        rows.append(f"| {group} | {len(results)} | {first.inner} | {boundaries} | {cells} |")
    return "\n".join(rows)


def _grouped(results: list[Result], key: Callable[[Result], str], order: Sequence[str]) -> dict[str, list[Result]]:
    groups: dict[str, list[Result]] = {k: [] for k in order}
    for result in results:
        groups.setdefault(key(result), []).append(result)
    return groups


def _indent(result: Result) -> str:
    return "indented" if any(b.indent for b in result.rendering.page.blocks) else "flush"


def mistake_tables(results: list[Result], names: Sequence[str]) -> str:
    boundaries: Counter[str] = Counter(b.kind for r in results for b in r.rendering.breaks if not b.join)
    wrong = {n: Counter(b.kind for r in results for b in r.scores[n].wrong) for n in names}
    out = ["| boundary joined wrongly | boundaries | " + " | ".join(names) + " |"]
    out.append("|---|---:|" + "---:|" * len(names))
    for kind, count in boundaries.most_common():
        out.append(f"| {kind} | {count} | " + " | ".join(str(wrong[n][kind]) for n in names) + " |")
    missed = {n: Counter(miss_pattern(r.rendering, b) for r in results for b in r.scores[n].missed) for n in names}
    kinds = sorted({k for c in missed.values() for k in c}, key=lambda k: -missed[names[0]][k])
    out += ["", "| in-paragraph break missed, at | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for kind in kinds:
        out.append(f"| {kind} | " + " | ".join(str(missed[n][kind]) for n in names) + " |")
    return "\n".join(out)


def _context(rendering: Rendering, brk: Break, label: str) -> str:
    lines = rendering.lines
    shown = [f"  {label} after line {brk.line + 1}" + (f" ({brk.kind})" if brk.kind else "")]
    for i in range(max(0, brk.line - 1), min(len(lines), brk.line + 3)):
        mark = "⏎" if i == brk.line else " "
        shown.append(f"    {i + 1:>3} {mark}| {lines[i]}")
    return "\n".join(shown)


def worst(results: list[Result], count: int, name: str = "fix") -> str:
    ranked = sorted(results, key=lambda r: (-r.scores[name].mistakes, r.rendering.name))[:count]
    out = []
    for result in ranked:
        r, s = result.rendering, result.scores[name]
        page = r.page
        out.append(
            f"### {r.name}: {page.genre}, {page.width_class} ({page.layout}), {r.variant} — "
            f"{len(s.wrong)} wrong joins, {len(s.missed)} missed"
        )
        out += [_context(r, b, "wrong join") for b in s.wrong]
        out += [_context(r, b, "missed join") for b in s.missed]
        out.append("")
    return "\n".join(out)


def write_pages(results: list[Result], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "gold.jsonl").open("w", encoding="utf-8") as gold:
        for result in results:
            r = result.rendering
            (folder / f"{r.name}.txt").write_text(r.text, encoding="utf-8")
            (folder / f"{r.name}.fixed.txt").write_text(result.outputs["fix"], encoding="utf-8")
            record = {
                "page": r.name,
                "genre": r.page.genre,
                "width": r.page.width_class,
                "layout": r.page.layout,
                "blocks": [{k: v for k, v in asdict(b).items() if k != "original"} for b in r.page.blocks],
                "joins": [b.line + 1 for b in r.breaks if b.join],
            }
            gold.write(json.dumps(record, ensure_ascii=False) + "\n")


def report(results: list[Result], names: Sequence[str]) -> str:
    breaks = sum(len(r.rendering.breaks) for r in results)
    inner = sum(b.join for r in results for b in r.rendering.breaks)
    paragraphs = sum(len(r.rendering.page.blocks) for r in results)
    parts = [
        f"{len(results)} renderings of {len(results) // 2} pages: {breaks} line breaks, {inner} inside paragraphs, "
        f"{paragraphs} paragraphs (blocks). R = join recall, P = join precision, exact = share of paragraphs "
        "restored exactly. naive: issue 10's rule as stated (joins across blank lines); naive+blank: the same, "
        "never across a blank line.",
        "",
        table("overall", {"all": results}, names),
        "",
        table("variant", _grouped(results, lambda r: r.rendering.variant, ("blank", "lines")), names),
        "",
        table("genre", _grouped(results, lambda r: r.rendering.page.genre, GENRES), names),
        "",
        table("width", _grouped(results, lambda r: r.rendering.page.width_class, WIDTH_CLASS_WEIGHTS), names),
        "",
        table(
            "mixed layout",
            _grouped(
                [r for r in results if r.rendering.page.width_class == "mixed"],
                lambda r: r.rendering.page.layout,
                ("headline", "sidebar", "figure"),
            ),
            names,
        ),
        "",
        table("first-line indent", _grouped(results, _indent, ("indented", "flush")), names),
        "",
        mistake_tables(results, names),
        "",
    ]
    dirty = [r.rendering.name for r in results if not r.whitespace_only]
    unstable = [r.rendering.name for r in results if not r.idempotent]
    inserted = sum(r.scores[names[0]].inserted for r in results)
    parts.append(
        f"{names[0]}: changed only whitespace on {len(results) - len(dirty)}/{len(results)} renderings"
        + (f" (not on {', '.join(dirty[:10])})" if dirty else "")
        + f"; idempotent on {len(results) - len(unstable)}/{len(results)}"
        + (f" (not on {', '.join(unstable[:10])})" if unstable else "")
        + f"; line breaks inserted where the page had none: {inserted}."
    )
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="pages to simulate (each in two variants)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--list", type=int, default=0, metavar="N", help="show the N worst renderings for fix")
    parser.add_argument("--write", action="store_true", help=f"write the pages, fix's output and the gold to {OUT}")
    args = parser.parse_args(argv)
    if not corpus_available():
        print(
            f"bench.pages: {CORPUS} not found (set DOCLINT_SHARED or put shared/ beside the checkout)", file=sys.stderr
        )
        return 2
    started = time.perf_counter()
    renderings = [render(p, v) for p in pages(args.pages, args.seed) for v in ("blank", "lines")]
    results = evaluate(renderings)
    print(f"## Page repair on simulated OCR pages (`python -m bench.pages --pages {args.pages} --seed {args.seed}`)\n")
    print(report(results, list(CANDIDATES)))
    if args.list:
        print(f"\n## The {args.list} worst renderings for fix\n")
        print(worst(results, args.list))
    if args.write:
        write_pages(results, OUT)
        print(f"\nwrote {len(results)} pages to {OUT}")
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
