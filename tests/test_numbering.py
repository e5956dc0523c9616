"""numbering-sequence: gaps, repeats and disorder, level by level, with no alarms on correct documents."""

from __future__ import annotations

import random

import pytest

from bench.plant import plant_numbering
from doclint.document import Document
from doclint.document.numerals import parse_chinese, to_chinese
from tests.checks_helper import file_findings, findings, rule
from tests.conftest import SEED_FLOW, SEED_PRINT, corpus_files, needs_corpus


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十一", 21),
        ("一百零三", 103),
        ("一百六十九", 169),
        ("一千二百六十", 1260),
        ("一二", None),
    ],
)
def test_chinese_numerals_parse_and_print_back(text: str, value: int | None) -> None:
    assert parse_chinese(text) == value
    if value:
        assert to_chinese(value) == text


@pytest.mark.parametrize(
    ("text", "line", "expected", "found"),
    [
        ("（一）甲。\n（二）乙。\n（四）丁。\n", 3, "（三）", "（四）"),
        ("一、甲\n二、乙\n二、丙\n", 3, "三、", "二、"),
        ("第一条 甲。\n第三条 乙。\n第二条 丙。\n", 2, "第二条", "第三条"),
        ("1.甲\n2.乙\n4.丁\n", 3, "3.", "4."),
        ("①甲\n③丙\n", 2, "②", "③"),
        ("第一章 总则\n第一条 甲。\n第三章 附则\n第二条 乙。\n", 3, "第二章", "第三章"),
    ],
)
def test_each_finding_names_the_expected_and_the_found_number(text: str, line: int, expected: str, found: str) -> None:
    (f, *_) = findings("numbering-sequence", text)
    assert f.location.line == line and f.severity == "error"
    assert f"应为“{expected}”" in f.message and f"实为“{found}”" in f.message
    assert f.related and f.related[0].line < line


def test_wrong_punctuation_after_a_marker_is_a_warning() -> None:
    (f,) = findings("numbering-sequence", "（一）、甲。\n（二）乙。\n")
    assert f.severity == "warning" and f.location.text == "（一）、" and f.suggestion == "（一）"


def test_a_wrapped_line_starting_with_a_numeral_is_not_a_heading() -> None:
    f = [x for x in file_findings("numbering-sequence", SEED_PRINT) if "一、" in x.location.text]
    assert not any(x.location.line == 223 for x in f)  # 一、基金统收统支 inside （十）


def test_the_continued_page_opens_mid_list_as_info_only() -> None:
    found = file_findings("numbering-sequence", SEED_PRINT)
    assert [(f.location.line, f.severity) for f in found] == [(121, "info"), (147, "info")]


def test_the_flowed_seed_numbering_is_clean() -> None:
    assert file_findings("numbering-sequence", SEED_FLOW) == []


@needs_corpus
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_correct_documents_have_no_numbering_errors(path) -> None:  # type: ignore[no-untyped-def]
    found = [f for f in file_findings("numbering-sequence", path) if f.severity == "error"]
    assert found == []


@needs_corpus
def test_the_traffic_rules_copy_lacks_its_first_chapter_heading() -> None:
    # The official 规范 opens with 第一章 总则; this copy lost it. A true finding, kept as a warning.
    (path,) = [p for p in corpus_files() if p.name.startswith("rule_traffic")]
    (f,) = file_findings("numbering-sequence", path)
    assert (f.location.line, f.severity) == (27, "warning") and "第一章" in f.message


@needs_corpus
@pytest.mark.parametrize("kind", ["gap", "repeat", "swap"])
def test_planted_numbering_errors_are_caught_at_the_right_line(kind: str) -> None:
    planted_total = caught = 0
    for path in corpus_files():
        for seed in range(5):
            planted = plant_numbering(path.read_text(encoding="utf-8"), random.Random(seed), kind)
            if planted is None:
                continue
            planted_total += 1
            lines = {
                f.location.line
                for f in rule("numbering-sequence").run(Document(path.name, planted.text))
                if f.severity != "info"  # a list that lost its first item is a warning: it may be continued
            }
            caught += planted.lines[0] in lines
    assert planted_total >= 25
    assert caught == planted_total


def test_letter_items_are_sequences_too() -> None:
    (f,) = findings("numbering-sequence", "A. 原文照排\nB. 删去重复句\nD. 补全序号\n")
    assert f.location.line == 3 and "应为“C.”" in f.message
    assert findings("numbering-sequence", "A股市场平稳运行。\nB超检查结果正常。\n") == []


def test_an_outer_gbt_level_nested_inside_an_inner_one_is_a_warning() -> None:
    (f,) = findings("numbering-sequence", "1. 总体要求\n（一）指导思想。\n（二）基本原则。\n2. 待遇保障\n")
    assert f.severity == "warning" and f.location.line == 2 and "层次顺序颠倒" in f.message


def test_items_of_a_quoted_article_are_numbered_within_the_quotation() -> None:
    text = "1.将第五条修改为：\n\n2.将第六条修改为：\n\n“被侵权人应当提供证明以下事实的证据材料：\n\n（一）侵权人排放了污染物；\n\n（二）被侵权人的损害。”\n\n3.将第七条修改为：\n\n“（一）甲；\n\n（二）乙。”\n"
    assert findings("numbering-sequence", text) == []
    assert [
        f.location.line for f in findings("numbering-sequence", text.replace("（二）被侵权人", "（三）被侵权人"))
    ] == [9]


def test_one_slip_in_an_article_is_an_error_but_two_say_the_numbering_was_not_kept() -> None:
    one = findings("numbering-sequence", "1、甲\n2、乙\n4、丁\n5、戊\n")
    two = findings("numbering-sequence", "1、甲\n2、乙\n4、丁\n5、戊\n7、庚\n")
    assert [f.severity for f in one] == ["error"]
    assert [f.severity for f in two] == ["info", "info"]


def test_a_swap_is_one_slip_and_stays_an_error() -> None:
    found = findings("numbering-sequence", "第一条 甲。\n第三条 乙。\n第二条 丙。\n第四条 丁。\n")
    assert {f.severity for f in found} == {"error"}


def test_a_collection_whose_articles_all_break_one_style_is_told_as_info() -> None:
    article = "标题{n}\n正文。\n\n1、甲\n3、丙\n4、丁\n"
    collection = "\n\n".join(article.format(n=n) for n in range(4))
    single = findings("numbering-sequence", article.format(n=0))
    assert [f.severity for f in single] == ["error"]
    assert {f.severity for f in findings("numbering-sequence", collection)} == {"info"}


def test_a_lead_in_ending_in_a_colon_may_start_a_new_list() -> None:
    assert findings("numbering-sequence", "包括：\n1. 甲；\n2. 乙。\n步骤如下：\n1. 丙。\n2. 丁。\n") == []
    assert findings("numbering-sequence", "包括：\n1. 甲；\n2. 乙。\n其后。\n1. 丙。\n2. 丁。\n") != []


def test_lazy_numbering_is_markdown_not_a_repeat_in_plain_text() -> None:
    lazy = "1. 甲\n1. 乙\n1. 丙\n"
    assert findings("numbering-sequence", lazy, path="list.md") == []
    assert findings("numbering-sequence", lazy) != []


def test_one_blank_line_in_a_short_text_is_a_break_not_a_new_article() -> None:
    (gap,) = findings("numbering-sequence", "（一）总体要求\n健全制度。\n（二）主要任务\n\n（四）保障措施\n")
    assert gap.severity == "error" and "（三）" in gap.message
