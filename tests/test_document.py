"""The document model: decoding, positions in characters, and the logical view."""

from __future__ import annotations

import codecs

import pytest

from doclint.document import Document
from doclint.document.decode import decode, encode
from doclint.errors import InputError
from tests.conftest import SEED_PRINT

TEXT = "健全绩效考核分配制度。\n第二行，有“引号”。\n"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", True),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", True),
        (TEXT.encode("gb18030"), "gb18030", False),
        (TEXT.encode("gbk"), "gb18030", False),
    ],
)
def test_every_common_chinese_encoding_decodes_to_the_same_text(data: bytes, encoding: str, bom: bool) -> None:
    decoded = decode(data, "f.txt")
    assert decoded.text == TEXT
    assert (decoded.encoding, decoded.bom) == (encoding, bom)
    assert encode(decoded.text, decoded) == data


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_are_read_as_lines_and_written_back(newline: str) -> None:
    data = TEXT.replace("\n", newline).encode("utf-8")
    decoded = decode(data, "f.txt")
    assert decoded.text == TEXT
    assert decoded.newline == newline
    assert encode(decoded.text, decoded) == data


def test_traditional_characters_in_big_gb18030_survive() -> None:
    text = "香港特別行政區基本法\n"
    assert decode(text.encode("gb18030"), "f.txt").text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"abc\x01\x02\x03def", "binary"),
        (b"\x80\xff\x80\xff", "cannot decode"),
    ],
)
def test_binary_or_undecodable_input_is_refused_with_the_file_name(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "scan.pdf")
    assert str(info.value).startswith("scan.pdf: ")
    assert reason in str(info.value)


def test_columns_count_characters_not_bytes() -> None:
    doc = Document("a.txt", "第一行\n健全绩效考核考核分配制度")
    offset = doc.text.index("考核考核")
    assert doc.position(offset) == (2, 5)
    loc = doc.location(offset, offset + 4)
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (2, 5, 2, 9)
    assert loc.text == "考核考核"


def test_hard_wrapped_print_is_joined_into_paragraphs() -> None:
    doc = Document.from_file(SEED_PRINT)
    view = doc.logical
    assert view.wrap_width == 40  # twenty Chinese characters per column line
    texts = [view.paragraph_text(p) for p in view.paragraphs]
    # （十）'s second line starts with 一、 only because the column wrapped there
    assert not any(t.startswith("一、基金统收统支") for t in texts)
    assert any("按照制度政策统一、基金统收统支、管理服务一体的标准" in t for t in texts)


def test_positions_found_in_the_logical_view_map_back_through_the_wrap() -> None:
    doc = Document.from_file(SEED_PRINT)
    view = doc.logical
    phrase = "按照制度政策统一、基金统收统支"
    start = view.text.index(phrase)
    loc = doc.view_location(start, start + len(phrase))
    assert doc.line_text(loc.line).endswith("按照制度政策统")
    assert doc.line_text(loc.end_line).startswith("一、基金统收统支")
    assert loc.end_line == loc.line + 1
    assert loc.text == "按照制度政策统\n一、基金统收统支"


def test_flowed_text_keeps_each_line_a_paragraph() -> None:
    doc = Document("a.txt", "一、总体要求\n公平适度的待遇保障是增进人民健康福祉的内在要求。\n")
    assert doc.logical.wrap_width is None
    assert [doc.logical.paragraph_text(p) for p in doc.logical.paragraphs] == [
        "一、总体要求",
        "公平适度的待遇保障是增进人民健康福祉的内在要求。",
    ]


def test_markdown_syntax_is_not_part_of_the_words() -> None:
    doc = Document("a.md", "# 第一章 总则\n\n<!-- INFO END -->\n\n```\n代码代码\n```\n\n> 引文。\n")
    texts = [doc.logical.paragraph_text(p) for p in doc.logical.paragraphs]
    assert texts == ["第一章 总则", "引文。"]
    start = doc.logical.text.index("总则")
    assert doc.view_location(start, start + 2).column == 7


def test_sentences_end_at_chinese_sentence_punctuation_with_closing_quotes() -> None:
    doc = Document("a.txt", "他说：“好。”我们走吧！真的？\n")
    par = doc.logical.paragraphs[0]
    assert [doc.logical.text[a:b] for a, b in doc.logical.sentences(par)] == ["他说：“好。”", "我们走吧！", "真的？"]
