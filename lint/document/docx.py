"""Word files (.docx) read with python-docx: every paragraph a reader sees, and where it is.

Read, in this order: the body (paragraphs and tables, as they follow each other; a table cell
by cell, row by row, merged cells once, tables nested in cells too), then headers and footers,
footnotes and endnotes, and comments. The text a check reads has one line per paragraph (a
manual line break inside a paragraph starts another line of the same paragraph); each paragraph
has a :class:`Place`, how a Word user finds it: body paragraph 12, or table 1, row 2, cell 3.
Paragraph numbers count every body paragraph, empty ones included, as Word's own paragraph
count does; table cells are addressed by table, row and cell instead.

The list numbers Word generates (List Number styles, numbered headings) are not in the text of
their paragraphs; they are worked out from the numbering definitions (format, level text, start
value, restarts) and given to the numbering check, so a typed （三） after two generated items
is read in sequence. Headings are known from their styles (Heading 1, 标题 1, Title).
"""

from __future__ import annotations

import io
import zipfile
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from doclint.document.chars import SPACES
from doclint.document.logical import Block, Piece, needs_space
from doclint.document.numerals import to_chinese
from doclint.errors import InputError
from doclint.finding import Location

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOTES = (  # relationship type suffix, element, label
    ("/footnotes", "footnote", "footnote"),
    ("/endnotes", "endnote", "endnote"),
)
_HEADING_STYLES = ("heading", "标题", "title")
XML_PER_BYTE_LIMIT = 4  # the unpacked parts of a Word file may be this many times --max-file-size
_RAISE = "raise it with --max-file-size MIB"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Inside a paragraph, what is not its text: deleted and moved-away runs, the paragraph's
# properties, drawings (a text box in one is read as its own part), field codes, comments' marks.
_NOT_TEXT = {
    f"{_W}{tag}"
    for tag in ("del", "moveFrom", "pPr", "rPr", "drawing", "pict", "object", "instrText", "delText", "fldData")
}
_HIDDEN = f"{_W}rPr/{_W}vanish"
_NOT_TEXT.add("{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"))
_ROMAN += ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital"}
_CHINESE_FORMATS |= {"japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"}
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


@dataclass(frozen=True)
class Place:
    """Where a paragraph of a Word file is, as its users find it."""

    part: str  # "" (the body), "table 1, row 2, cell 3", "header", "footnote 2", "comment 1"
    paragraph: int  # 1-based: through the body, or within the part


@dataclass(frozen=True)
class WordParagraph:
    text: str
    place: Place
    kind: str = "text"  # "text", "heading" or "cell"
    number: str = ""  # the list number Word generates before it


class WordText:
    """A Word file's paragraphs as one text, a line for each (and one more for each manual line
    break), and the way back from an offset in it to a paragraph as Word users find it."""

    def __init__(self, paragraphs: list[WordParagraph]) -> None:
        self.paragraphs = paragraphs
        self.starts: list[int] = []
        offset = 0
        for paragraph in paragraphs:
            self.starts.append(offset)
            offset += len(paragraph.text) + 1
        self.text = "\n".join(p.text for p in paragraphs)

    def blocks(self) -> list[Block]:
        """A block for each paragraph: its lines joined like wrapped lines, with Word's list number;
        a part outside the body (header, note, comment) marked, so it is a document of its own."""
        blocks, line = [], 0
        for start, paragraph in zip(self.starts, self.paragraphs, strict=True):
            pieces: list[Piece] = []
            offset = start
            lines = paragraph.text.split("\n")
            for text in lines:
                content = text.strip(SPACES)  # a typed indent (　　) is layout, as on a plain line
                at = offset + len(text) - len(text.lstrip(SPACES))
                if pieces and content and needs_space(self.text[pieces[-1].end - 1], content[0]):
                    pieces.append(Piece(at - 1, at, " "))
                if content:
                    pieces.append(Piece(at, at + len(content)))
                offset += len(text) + 1
            part = "" if paragraph.place.part.startswith("table") else paragraph.place.part  # tables: body
            if pieces:
                last = line + len(lines) - 1
                blocks.append(Block(tuple(pieces), line, last, paragraph.kind, paragraph.number, part))
            line += len(lines)
        return blocks

    def location(self, path: str, source: str, start: int, end: int) -> Location:
        """The paragraph (as line) and column of [start, end), with its part; ``source`` is the
        text as written (the same offsets), for the excerpt: the paragraph, a line break as a space."""
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, max(start, end - 1)) - 1
        p_start, place = self.starts[first], self.paragraphs[first].place
        p_end = p_start + len(self.paragraphs[first].text)
        return Location(
            path,
            place.paragraph,
            start - p_start + 1,
            self.paragraphs[last].place.paragraph,
            end - self.starts[last] + 1,
            source[p_start:p_end].replace("\n", " "),
            source[start:end],
            place.part,
            start,
        )


def read_docx(data: bytes, name: str, max_bytes: int) -> WordText:
    """The paragraphs of a Word file, or InputError naming what is wrong with it. The XML inside
    may be at most ``XML_PER_BYTE_LIMIT`` times ``max_bytes``, and the text it holds at most
    ``max_bytes`` characters: a 300 KB file can unpack to gigabytes."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data.startswith(b"PK"):
        raise InputError(name, "not a readable Word .docx file (not a zip archive; if it is text, name it .txt)")
    _within_limits(data, name, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(name, f"not a readable Word .docx file ({_reason(exc)})") from None
    except Exception as exc:  # lxml's XMLSyntaxError and whatever a damaged package raises
        raise InputError(name, f"not a readable Word .docx file (damaged: {_reason(exc)})") from None
    try:
        word = WordText(list(_Reader(document).paragraphs()))
    except Exception as exc:
        raise InputError(name, f"cannot read this Word file ({_reason(exc)})") from None
    if len(word.text) > max_bytes:
        raise InputError(
            name, f"Word file too large: {len(word.text):,} characters of text (limit {max_bytes:,}; {_RAISE})"
        )
    return word


def _within_limits(data: bytes, name: str, max_bytes: int) -> None:
    """Refuse, before parsing, a package whose parts unpack to more than the limit allows."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(item.file_size for item in package.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(name, f"not a readable Word .docx file ({_reason(exc)})") from None
    limit = XML_PER_BYTE_LIMIT * max_bytes
    if unpacked > limit:
        mib = 1024 * 1024
        raise InputError(
            name, f"Word file too large: {unpacked / mib:.0f} MiB unpacked (limit {limit / mib:.0f} MiB; {_RAISE})"
        )


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.numbers = _Numbering(document)
        self.tables = 0
        self._styles: dict[str | None, tuple[bool, tuple[str, int] | None]] = {}

    def paragraphs(self) -> Iterator[WordParagraph]:
        count = 0
        for kind, item in _blocks(self.document.element.body, self.document._body):
            if kind == "table":
                self.tables += 1
                yield from self._table(item, f"table {self.tables}")
            else:
                count += 1
                yield self._paragraph(item, Place("", count))
        yield from self._text_boxes()
        yield from self._headers_and_footers()
        yield from self._notes()
        for n, comment in enumerate(self.document.comments, 1):  # numbered as Word lists them, from 1
            for i, paragraph in enumerate(comment.paragraphs, 1):
                yield WordParagraph(paragraph_text(paragraph._p), Place(f"comment {n}", i))

    def _paragraph(self, paragraph: Any, place: Place, kind: str = "text") -> WordParagraph:
        heading, style_list = self._style(paragraph._p)
        if kind == "text" and heading:
            kind = "heading"
        ppr = paragraph._p.pPr
        own = _list_of(ppr.numPr) if ppr is not None and ppr.numPr is not None else None
        return WordParagraph(paragraph_text(paragraph._p), place, kind, self.numbers.label(own or style_list))

    def _style(self, p: Any) -> tuple[bool, tuple[str, int] | None]:
        """Whether a paragraph's style is a heading, and the list the style numbers it in (List
        Number); worked out once per style (python-docx's ``Paragraph.style`` scans every style)."""
        ppr = p.pPr
        style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        if style_id not in self._styles:
            self._styles[style_id] = _style_facts(self.document, style_id)
        return self._styles[style_id]

    def _table(self, table: Any, label: str) -> Iterator[WordParagraph]:
        seen: dict[int, Any] = {}  # the cells' XML elements by id (kept alive, so no id is reused)
        for r, row in enumerate(table.rows, 1):
            for c, cell in enumerate(row.cells, 1):
                if id(cell._tc) in seen:
                    continue  # a merged cell is listed once for each grid cell it covers
                seen[id(cell._tc)] = cell._tc
                where, count, nested = f"{label}, row {r}, cell {c}", 0, 0
                for kind, item in _blocks(cell._tc, cell):
                    if kind == "table":
                        nested += 1
                        yield from self._table(item, f"{where}, table {nested}")
                    else:
                        count += 1
                        yield self._paragraph(item, Place(where, count), "cell")

    def _text_boxes(self) -> Iterator[WordParagraph]:
        """Text boxes of the body (drawn shapes with text), each a part; the copy that Word keeps
        for older readers (mc:Fallback) is not read twice."""
        from docx.text.paragraph import Paragraph

        boxes = 0
        for box in self.document.element.body.iter(f"{_W}txbxContent"):
            if any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors()):
                continue
            boxes += 1
            for i, p in enumerate(box.iter(f"{_W}p"), 1):
                yield self._paragraph(Paragraph(p, self.document._body), Place(f"text box {boxes}", i))

    def _headers_and_footers(self) -> Iterator[WordParagraph]:
        seen: set[str] = set()
        found: list[tuple[str, Any]] = []
        for section in self.document.sections:
            for kind in ("header", "footer"):
                for variant, prefix in (("", ""), ("first_page_", "first-page "), ("even_page_", "even-page ")):
                    part = getattr(section, f"{variant}{kind}")
                    if part.is_linked_to_previous:
                        continue
                    key = str(part.part.partname)
                    if key not in seen:
                        seen.add(key)
                        found.append((f"{prefix}{kind}", part))
        totals, counts = Counter(label for label, _ in found), Counter[str]()
        for label, part in found:
            counts[label] += 1  # "header" alone; "header 1", "header 2" where sections have their own
            where = label if totals[label] == 1 else f"{label} {counts[label]}"
            for i, paragraph in enumerate(part.paragraphs, 1):
                yield WordParagraph(paragraph.text, Place(where, i))

    def _notes(self) -> Iterator[WordParagraph]:
        """Footnotes and endnotes: python-docx does not model them, so their parts are read as XML."""
        from lxml import etree

        for rel in self.document.part.rels.values():
            for suffix, element, label in _NOTES:
                if rel.is_external or not rel.reltype.endswith(suffix):
                    continue
                root = etree.fromstring(rel.target_part.blob)
                for note in root.iter(f"{_W}{element}"):
                    if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                        continue
                    for i, p in enumerate(note.iter(f"{_W}p"), 1):
                        yield WordParagraph(paragraph_text(p), Place(f"{label} {note.get(f'{_W}id')}", i))


def _blocks(container: Any, parent: Any) -> Iterator[tuple[str, Any]]:
    """("paragraph" | "table", python-docx object) for the blocks of a body or cell, in order,
    including those inside content controls (w:sdt) and custom XML, which python-docx skips."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield "paragraph", Paragraph(child, parent)
        elif child.tag == f"{_W}tbl":
            yield "table", Table(child, parent)
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if content is not None:
                yield from _blocks(content, parent)


def paragraph_text(paragraph: Any) -> str:
    """The text of a w:p element as Word shows it: its runs' text with tracked insertions and
    content controls (which python-docx's ``Paragraph.text`` leaves out), tabs and line breaks;
    not deleted text, field codes, or the text boxes anchored in it (read as parts of their own)."""
    out: list[str] = []
    _collect(paragraph, out)
    return "".join(out)


def _collect(element: Any, out: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if tag == f"{_W}r" and child.find(_HIDDEN) is not None:
            continue  # hidden text (w:vanish): Word does not show it
        if tag == f"{_W}t":
            out.append(child.text or "")
        elif tag == f"{_W}tab":
            out.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
        elif tag not in _NOT_TEXT and isinstance(tag, str):
            _collect(child, out)


class _Numbering:
    """The list numbers Word shows: each list's counters, advanced paragraph by paragraph."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → (format, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in numbering.iter(f"{_W}abstractNum")}
        for num in numbering.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            definition = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
            if definition is None:
                continue
            levels = {int(lvl.get(f"{_W}ilvl", "0")): _level(lvl) for lvl in definition.iter(f"{_W}lvl")}
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, int(start.get(f"{_W}val", "1")))
            self.levels[num.get(f"{_W}numId")] = levels

    def label(self, in_list: tuple[str, int] | None) -> str:
        """The number Word shows before a paragraph of the list ``in_list`` (numId, level), counting
        it; "" for a paragraph in no list, or in a bulleted one."""
        if in_list is None:
            return ""
        num_id, ilvl = in_list
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})  # type: ignore[arg-type]
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a deeper level starts again under each item of this one
        fmt, text, _ = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""
        for k in range(9):
            if f"%{k + 1}" in text:
                value = counters.get(k, levels.get(k, ("decimal", "", 1))[2])
                text = text.replace(f"%{k + 1}", _format(levels.get(k, (fmt, "", 1))[0], value))
        return text


def _level(lvl: Any) -> tuple[str, str, int]:
    def val(tag: str, default: str) -> str:
        node = lvl.find(f"{_W}{tag}")
        return node.get(f"{_W}val", default) if node is not None else default

    return val("numFmt", "decimal"), val("lvlText", ""), int(val("start", "1"))


def _style_facts(document: Any, style_id: str | None) -> tuple[bool, tuple[str, int] | None]:
    """(heading?, the list its numbering puts a paragraph in) for a paragraph style and its bases."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.styles.style import StyleFactory

    styles = document.styles
    element = styles.element.get_by_id(style_id) if style_id is not None else None
    style = StyleFactory(element) if element is not None else styles.default(WD_STYLE_TYPE.PARAGRAPH)
    heading = style is not None and (style.name or "").lower().startswith(_HEADING_STYLES)
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None and ppr.numPr is not None:
            return heading, _list_of(ppr.numPr)
        style = style.base_style
    return heading, None


def _list_of(num_pr: Any) -> tuple[str, int] | None:
    """(numId, level) of a w:numPr; None when it names no list (numId 0 takes a paragraph out)."""
    if num_pr.numId is None:
        return None
    return str(num_pr.numId.val), int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0


def _format(fmt: str, n: int) -> str:
    """``n`` written in the Word number format ``fmt``."""
    if fmt in _CHINESE_FORMATS:
        return to_chinese(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _HEAVENLY_STEMS[n - 1]
    if fmt in ("lowerLetter", "upperLetter") and n >= 1:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and n >= 1:
        roman = _roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)
