"""repeated-word: slips are errors; correct reduplication and word-boundary neighbours are silent."""

from __future__ import annotations

import random

import pytest

from bench.plant import plant_doubled_function_chars, plant_repeated_words
from tests.checks_helper import file_findings, findings
from tests.conftest import SEED_FLOW, SEED_PRINT, corpus_files, needs_corpus


@pytest.mark.parametrize(
    ("text", "flagged", "suggestion"),
    [
        ("健全绩效考核考核分配制度", "考核考核", "考核"),
        ("会议在上海上海召开。", "上海上海", "上海"),
        ("这款插件专为家用路由器器设计。", "器器", "器"),  # the lone copy repeats the word's suffix
        ("旗下产品还有有一款测试平台。", "有有", "有"),
        ("每秒拍一一张照片。", "一一", "一"),
        ("本月共查处3个个违规案件。", "个个", "个"),
        ("这是我的的书", "的的", "的"),
        ("他被被告知结果", "被被", "被"),  # 被|被|告知
        ("会议通过了中华人民人民共和国国徽法", "人民人民", "人民"),
        ("改革个人核算方式，健全绩效考核　考核分配制度。", "考核　考核", "考核"),
    ],
)
def test_slips_are_reported_with_the_repeat_removed(text: str, flagged: str | None, suggestion: str | None) -> None:
    found = findings("repeated-word", text)
    assert [f.location.text for f in found] == ([flagged] if flagged else [])
    if flagged:
        assert found[0].suggestion == suggestion
        assert found[0].severity == "error"


@pytest.mark.parametrize(
    "text",
    [
        "研究研究这个问题",  # ABAB verb reduplication
        "学院院长",  # 院院 straddles 学院|院长
        "实现目的的手段",  # 目的|的
        "为了了解情况",  # 为了|了解
        "实实在在，的的确确",  # AABB
        "妈妈常常看看星星",  # kinship, adverbs, verbs, nouns
        "一个个，一把把，一步一步",  # measure words
        "方式方法，等等，一一对应",  # fixed pairs
        "不了了之",
        "哈哈哈哈",
        "好的好的，来了来了",  # speech
    ],
)
def test_correct_chinese_is_left_alone(text: str) -> None:
    assert findings("repeated-word", text) == []


def test_the_seed_repeat_in_section_21_is_found_at_its_place() -> None:
    (f,) = file_findings("repeated-word", SEED_FLOW)
    assert (f.location.line, f.location.text) == (79, "考核考核")
    assert "（二十一）" in f.location.excerpt or "(二十一)" in f.location.excerpt


def test_the_printed_seed_has_no_repeated_word() -> None:
    assert file_findings("repeated-word", SEED_PRINT) == []


def test_a_repeat_split_by_the_column_wrap_is_found_across_the_line_break() -> None:
    page = [
        "改革现行科室和个人核算方式，完善激励相容、",
        "灵活高效、符合医疗行业特点的人事薪酬制度，",
        "加强医疗机构内部专业化管理，健全绩效考核",
        "考核分配制度。分类完善科学合理的考核评价",
        "体系，将考核结果与医保基金支付挂钩。推行",
        "处方点评制度，促进合理用药和规范诊疗行为。",
    ]
    (f,) = findings("repeated-word", "\n".join(page) + "\n")
    loc = f.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (3, 19, 4, 3)
    assert loc.text == "考核\n考核"


@needs_corpus
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_professionally_edited_texts_have_no_repeated_words(path) -> None:  # type: ignore[no-untyped-def]
    assert file_findings("repeated-word", path) == []


@needs_corpus
@pytest.mark.parametrize(
    ("planter", "min_recall"),
    # A doubled verb between a noun and its object (乡村振兴振兴战略) also reads as noun + verb
    # (外部存储存储备份文件, correct in real documentation) and stays silent: most of the misses.
    [(plant_repeated_words, 0.9), (plant_doubled_function_chars, 0.95)],
    ids=["words", "function-chars"],
)
def test_planted_repeats_are_found_without_false_alarms(planter, min_recall: float) -> None:  # type: ignore[no-untyped-def]
    from doclint.document import Document
    from tests.checks_helper import rule

    found = missed = false = 0
    for path in corpus_files():
        planted = planter(path.read_text(encoding="utf-8"), random.Random(7), 20)
        lines = [f.location.line for f in rule("repeated-word").run(Document(path.name, planted.text))]
        found += sum(1 for line in planted.lines if line in lines)
        missed += sum(1 for line in planted.lines if line not in lines)
        false += sum(1 for line in lines if line not in planted.lines)
    assert found / (found + missed) >= min_recall
    assert false == 0


@needs_corpus
@pytest.mark.parametrize(
    ("labelled", "min_recall", "min_precision"),
    [("development", 0.9, 0.9), ("held-out", 0.85, 0.9)],
)
def test_real_repeats_labelled_by_hand_are_judged_like_a_proofreader(
    labelled: str, min_recall: float, min_precision: float
) -> None:
    """Every literal repeat of the shared corpus, labelled in context (bench/labels/POLICY.md)."""
    from bench.repeats import evaluate

    score = evaluate("repeated-word", labelled)
    assert score.recall >= min_recall
    assert score.precision >= min_precision
    assert score.error_precision >= 0.97
