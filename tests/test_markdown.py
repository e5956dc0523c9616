"""Markdown: the prose is linted where it stands in the file; code, markup and metadata are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from doclint.document import Document
from doclint.engine.config import Config
from doclint.engine.fixer import fix_document
from doclint.engine.runner import check_document, load_ruleset
from tests.conftest import doclint

DOUBLED = "健全绩效考核考核分配制度"  # 考核 written twice, starting at column 5 of the phrase
CONFIG = Config()
RULES = [r for r in load_ruleset(CONFIG) if r.id == "repeated-word"]


def repeats(source: str, name: str = "a.md") -> list[tuple[int, int]]:
    """(line, column) of every repeated word doclint finds in the Markdown ``source``."""
    return [(f.location.line, f.location.column) for f in check_document(Document(name, source), RULES, CONFIG)]


@pytest.mark.parametrize(
    ("construct", "source", "where"),
    [
        ("ATX heading", f"# {DOUBLED}\n", (1, 7)),
        ("setext heading", f"{DOUBLED}\n===\n", (1, 5)),
        ("paragraph", f"前言。\n\n各地要{DOUBLED}。\n", (3, 8)),
        ("paragraph wrapped over lines", f"各地要\n{DOUBLED}。\n", (2, 5)),
        ("bullet list item", f"- {DOUBLED}。\n", (1, 7)),
        ("ordered list item", f"1. {DOUBLED}。\n", (1, 8)),
        ("nested list item", f"- 总则\n  - {DOUBLED}。\n", (2, 9)),
        ("block quote", f"> 引文：\n> {DOUBLED}。\n", (2, 7)),
        ("table cell", f"| 项目 | 说明 |\n|---|---|\n| 一 | {DOUBLED} |\n", (3, 11)),
        ("link text", f"见[{DOUBLED}](https://example.com/a)。\n", (1, 7)),
        ("emphasis", f"要**{DOUBLED}**。\n", (1, 8)),
        ("after front matter", f"---\ntitle: 医保\n---\n{DOUBLED}。\n", (4, 5)),
    ],
)
def test_prose_is_linted_and_located_in_the_file(construct: str, source: str, where: tuple[int, int]) -> None:
    assert repeats(source) == [where], construct


@pytest.mark.parametrize(
    ("construct", "source"),
    [
        ("front matter", f"---\ntitle: {DOUBLED}\n---\n正文。\n"),
        ("fenced code", f"```\n{DOUBLED}\n```\n"),
        ("tilde fence", f"~~~text\n{DOUBLED}\n~~~\n"),
        ("indented code", f"正文。\n\n    {DOUBLED}\n"),
        ("inline code", f"运行 `{DOUBLED}` 即可。\n"),
        ("HTML block", f"<div>\n{DOUBLED}\n</div>\n"),
        ("HTML comment", f"<!-- {DOUBLED} -->\n"),
        ("inline HTML attribute", f'见<span title="{DOUBLED}">此</span>。\n'),
        ("link destination", f"见[说明](https://example.com/{DOUBLED})。\n"),
        ("link title", f'见[说明](https://example.com "{DOUBLED}")。\n'),
        ("image", f"![{DOUBLED}]({DOUBLED}.png)\n"),
        ("reference definition", f"见[说明]。\n\n[说明]: https://example.com/{DOUBLED}\n"),
        ("autolink", f"见 <https://example.com/{DOUBLED}>。\n"),
    ],
)
def test_code_markup_and_metadata_are_not_linted(construct: str, source: str) -> None:
    assert repeats(source) == [], construct


def test_the_same_text_as_plain_text_is_linted_whole() -> None:
    assert repeats(f"---\ntitle: {DOUBLED}\n---\n", name="a.txt") == [(2, 12)]


def test_words_either_side_of_inline_code_are_not_adjacent() -> None:
    assert repeats("请健全考核`x`考核制度。\n") == []  # 考核 ￼ 考核: the code stands between them
    doc = Document("a.md", "运行 `pip install` 安装。\n")
    assert doc.logical.paragraph_text(doc.logical.paragraphs[0]) == "运行 \ufffc 安装。"


def test_each_table_cell_is_its_own_paragraph_and_fix_never_joins_cells() -> None:
    source = "| 措施 | 说明 |\n|---|---|\n| 健全基金运行风险评， | 估、预警机制。 |\n| 加强监管， | 各地落实。 |\n"
    doc = Document("a.md", source)
    assert [doc.logical.paragraph_text(p) for p in doc.logical.paragraphs][2:4] == [
        "健全基金运行风险评，",
        "估、预警机制。",
    ]
    assert fix_document(doc, load_ruleset(CONFIG), CONFIG) == source


def test_ordered_list_numbers_are_checked_and_bullets_are_not_words() -> None:
    doc = Document("a.md", "1. 甲项。\n2. 乙项。\n4. 丁项。\n\n- 圆点项。\n")
    texts = [doc.logical.paragraph_text(p) for p in doc.logical.paragraphs]
    assert texts == ["1. 甲项。", "2. 乙项。", "4. 丁项。", "圆点项。"]
    rules = [r for r in load_ruleset(CONFIG) if r.id == "numbering-sequence"]
    (gap,) = check_document(doc, rules, CONFIG)
    assert (gap.location.line, gap.location.column) == (3, 1)


def test_escapes_and_entities_keep_the_words_where_they_stand() -> None:
    assert repeats(f"注意 \\* 与 &amp; 之后{DOUBLED}。\n") == [(1, 21)]  # 考 is the 21st character of the line


def test_the_command_line_reports_markdown_findings_at_file_lines(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        f"---\ntitle: {DOUBLED}\n---\n\n# 说明\n\n```\n{DOUBLED}\n```\n\n| 一 | {DOUBLED} |\n|---|---|\n", "utf-8"
    )
    result = doclint("check", "-f", "json", "--no-cache", "--enable", "repeated-word", str(page))
    places = [(f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    assert places == [(11, 11)]


@pytest.mark.parametrize("name", ["page.html", "page.htm", "notes.rst", "old.doc", "scan.pdf"])
def test_formats_whose_markup_would_be_read_as_prose_are_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(f"<p>{DOUBLED}</p>\n", "utf-8")
    result = doclint("check", str(tmp_path / name))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert f"{name}: " in result.stderr and "not read" in result.stderr


def test_stdin_named_as_markdown_is_parsed_as_markdown() -> None:
    source = f"```\n{DOUBLED}\n```\n\n{DOUBLED}。\n".encode()
    named = doclint("check", "--stdin-filename", "说明.md", "--enable", "repeated-word", "-", stdin=source)
    assert "说明.md:5:5: error [repeated-word]" in named.stdout
    assert "说明.md:2:" not in named.stdout
    unnamed = doclint("check", "--enable", "repeated-word", "-", stdin=source)
    assert "<stdin>:2:5:" in unnamed.stdout  # plain text: the fence is text too


def test_stdin_filename_selects_per_glob_overrides(tmp_path: Path) -> None:
    (tmp_path / ".doclint.yaml").write_text(
        'overrides:\n  - files: ["archive/**"]\n    disable: [repeated-word]\n', "utf-8"
    )
    text = f"{DOUBLED}。\n".encode()
    archived = doclint("check", "--stdin-filename", "archive/old.txt", cwd=tmp_path, stdin=text)
    current = doclint("check", "--stdin-filename", "new.txt", cwd=tmp_path, stdin=text)
    assert archived.returncode == 0 and "[repeated-word]" not in archived.stdout
    assert current.returncode == 1 and "new.txt:1:5: error [repeated-word]" in current.stdout


def test_stdin_filename_without_standard_input_among_the_paths_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("正文。\n", "utf-8")
    result = doclint("check", "--stdin-filename", "x.md", str(tmp_path / "a.txt"))
    assert result.returncode == 2 and "--stdin-filename" in result.stderr


@pytest.mark.parametrize(
    ("source", "prose"),
    [
        ("**高利率的时代已经结束了。** 美国的利率降到了零。\n", "高利率的时代已经结束了。美国的利率降到了零。"),
        ("所以， **如果两方实力相当，** 就不应该。\n", "所以，如果两方实力相当，就不应该。"),
        ("推出了 **《前端图形学教程》** ，分成两季。\n", "推出了《前端图形学教程》，分成两季。"),
        ("使用 **Python** 编写。\n", "使用 Python 编写。"),
        ("使用 **中文** 编写。\n", "使用 中文 编写。"),
    ],
    ids=["after a full stop", "after a comma", "around a book title", "around Latin", "around Chinese"],
)
def test_spaces_commonmark_needs_beside_emphasis_and_punctuation_are_not_prose(source: str, prose: str) -> None:
    doc = Document("a.md", source)
    assert doc.logical.paragraph_text(doc.logical.paragraphs[0]) == prose


def test_a_hard_break_ends_a_line_of_its_own() -> None:
    doc = Document("a.md", "> **《前端必备算法》**  \n> 1、前端学算法的意义  \n> 2、算法思想的分类学习\n")
    assert [doc.logical.paragraph_text(p) for p in doc.logical.paragraphs] == [
        "《前端必备算法》",
        "1、前端学算法的意义",
        "2、算法思想的分类学习",
    ]


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("2019年的本周：文科生转行程序员，越来越难\n\n![](a.jpg)\n\n回顾\n", True),
        ("2019年的本周：[文科生转行程序员，越来越难](http://example.com)\n\n![](a.jpg)\n\n回顾\n", False),
    ],
    ids=["running text", "a link's title"],
)
def test_a_paragraph_that_ends_on_a_links_text_ends_on_a_title(source: str, flagged: bool) -> None:
    rules = [r for r in load_ruleset(CONFIG) if r.kind == "layout"]
    assert bool(check_document(Document("a.md", source), rules, CONFIG)) is flagged


def test_footnotes_are_prose_where_they_are_defined() -> None:
    assert repeats(f"正文[^1]。\n\n[^1]: {DOUBLED}。\n") == [(3, 11)]


def test_a_torn_quotation_is_reported_without_a_fix_that_would_delete_its_markup() -> None:
    source = "> 建立风险评\n>\n> 估、预警机制，确保安全。\n"
    rules = [r for r in load_ruleset(CONFIG) if r.id == "broken-paragraph"]
    (torn,) = check_document(Document("q.md", source), rules, CONFIG)
    assert torn.suggestion is None
    assert fix_document(Document("q.md", source), load_ruleset(CONFIG), CONFIG) == source
