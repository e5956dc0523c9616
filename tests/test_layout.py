"""layout: torn paragraphs, hard wrapping, stray spaces and page furniture — and safe repair."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from bench.plant import plant_breaks
from doclint.document import Document
from doclint.engine.config import Config
from doclint.engine.fixer import fix_document, visible, write_atomically
from doclint.engine.runner import load_ruleset
from tests.checks_helper import file_findings, findings, rule
from tests.conftest import CORPUS, ROOT, SEED_FLOW, SEED_PRINT, corpus_files, doclint, needs_corpus

# Every paragraph of the flowed seed torn mid-sentence, by the line of its first half.
FLOW_TORN = [29, 41, 57, 73, 87, 110, 115, 120, 140, 150, 154]


def test_every_torn_paragraph_of_the_flowed_seed_is_found() -> None:
    assert [f.location.line for f in file_findings("broken-paragraph", SEED_FLOW)] == FLOW_TORN


def test_headings_titles_and_bylines_of_the_flowed_seed_are_not_breaks() -> None:
    lines = SEED_FLOW.read_text(encoding="utf-8").split("\n")
    flagged = {f.location.line for f in file_findings("broken-paragraph", SEED_FLOW)}
    for number in (107, 114, 119, 126, 134, 148, 162, 164, 170):  # 主动出击 服务暖心, 常山公路：…, 徐莉 凌燕 …
        assert number not in flagged, lines[number - 1]


@pytest.mark.parametrize(
    ("text", "torn"),
    [
        ("必须始终把维护基金安全作为首要任务，\n坚持依法监管。\n", True),
        ("问题的主要原因，\n一是企业管理体制不顺。\n二是经营机制不活。\n", False),
        ("这是因为，\n第一，工商业发展很快。\n第二，农业稳定。\n", False),
    ],
)
def test_a_comma_tears_a_paragraph_unless_the_next_one_sets_out_points(text: str, torn: bool) -> None:
    assert bool(findings("broken-paragraph", text)) is torn


@pytest.mark.parametrize(
    ("text", "torn"),
    [
        ("我们成立了专门的工作小组，负责健全基金运行风险评估和预警机制的\n\n具体落实。\n\n其他工作照常进行。\n", True),
        ("1、\n\n咖啡的兴起与资本主义有千丝万缕的联系。\n\n2、\n\n病毒可能有数百万种。\n", False),
        ("他每天都玩，直到他去世为止，那年我才6岁\n\ni couldn't touch it for ten years\n\n我不敢碰它。\n", False),
        ("——着力提升发展质量效益，保持经济持续健康发展。全员劳动生\n\n产率增长高于国内生产总值增长。\n", True),
    ],
    ids=["running text at a blank line", "a number on a line of its own", "before a line in Latin", "a dashed item"],
)
def test_a_blank_line_tears_running_text_but_not_a_lone_number_or_a_change_of_script(text: str, torn: bool) -> None:
    assert bool(findings("broken-paragraph", text)) is torn


@pytest.mark.parametrize(
    ("text", "truncated"),
    [
        ("所谓完美，不是指不能再添加别的东西了，\n\n赵敏 李娜\n", True),
        ("所谓完美，是没有东西可以拿掉了。\n\n——圣埃克絮佩里，《小王子》作者\n\n回顾\n", False),
    ],
    ids=["a quotation cut before a byline", "the source line under a quotation"],
)
def test_the_source_line_under_a_quotation_is_not_a_truncated_paragraph(text: str, truncated: bool) -> None:
    assert bool(findings("truncated-paragraph", text)) is truncated


def test_the_truncated_article_before_a_byline_is_found() -> None:
    (f,) = file_findings("truncated-paragraph", SEED_FLOW)
    assert f.location.line == 144 and "张六君" in f.message


def test_the_printed_seed_column_breaks_are_found_and_reported_at_the_break() -> None:
    found = file_findings("broken-paragraph", SEED_PRINT)
    lines = SEED_PRINT.read_text(encoding="utf-8").split("\n")
    by_line = {f.location.line: f for f in found}
    for first_half in ("相关疫情防", "坚持应保尽保、保障基本，", "确保患", "全覆"):
        line = next(i + 1 for i, text in enumerate(lines) if text.endswith(first_half))
        assert line in by_line, first_half
        loc = by_line[line].location
        next_text = next(n + 1 for n in range(line, len(lines)) if lines[n].strip())
        assert (loc.column, loc.end_line, loc.end_column) == (len(lines[line - 1]) + 1, next_text, 1)


def test_hard_wrapping_is_reported_once_with_its_width() -> None:
    (f,) = file_findings("hard-wrap", SEED_PRINT)
    assert "约 20 字" in f.message
    assert file_findings("hard-wrap", SEED_FLOW) == []


def test_the_stray_spaces_of_the_printed_seed_are_found() -> None:
    places = [loc for f in file_findings("stray-space", SEED_PRINT) for loc in (f.location, *f.related)]
    texts = {loc.excerpt[max(0, loc.column - 4) : loc.end_column + 3] for loc in places}
    for expected in ("阳市 2 ", "3月 5日", "勉县 1400", "400 多名"):
        assert any(expected in t for t in texts), expected


# A page that spaces Latin words and writes numbers against Chinese (2019年), as blogs do.
BLOG = "我们使用 Python 编写，2019年发布，2020年更新，2021年重写，2022年开源。"


@pytest.mark.parametrize(
    ("sentence", "stray"),
    [
        ("比如 Web 开发、H5 开发、前端架构等等。", False),
        ("全球最大的运输机 An-225 和 An-22 在天津。", False),
        ("安阳市 2 月份开展了检查。", True),
    ],
    ids=["H5 is a Latin word", "An-225 is a Latin word", "2 is a number"],
)
def test_a_word_is_spaced_as_its_class_latin_or_number(sentence: str, stray: bool) -> None:
    found = [f for f in findings("stray-space", BLOG + sentence + "\n") if f.severity != "info"]
    assert bool(found) is stray


def test_numbers_a_page_shows_too_little_of_follow_its_spaced_latin_words_loosely() -> None:
    page = "本指南介绍 Cursor 和 TiDB MCP Server 的配置。请确保已安装 Python（3.10 或更高版本）和 uv 工具。\n"
    assert [f.severity for f in findings("stray-space", page)] in ([], ["info"])
    assert [f.severity for f in findings("stray-space", "会议于 3 月召开。会上通过了决议。\n")] == ["warning"]


def test_inline_code_is_evidence_of_the_spacing_convention_and_never_reported() -> None:
    page = "先用 `pip` 安装，再用 `ruff` 检查，最后运行`pytest`。TiDB 允许这样做。\n"
    assert findings("stray-space", page, path="a.md") == []
    assert findings("missing-space", page, path="a.md") == []


def test_the_running_head_is_page_furniture_and_the_jump_line_is_info() -> None:
    (head,) = file_findings("page-furniture", SEED_PRINT)
    assert head.location.line == 4 and "星期五" in head.message
    (jump,) = file_findings("jump-marker", SEED_PRINT)
    assert jump.severity == "info" and jump.location.text == "（上接第1版）"


@pytest.mark.parametrize(
    "text",
    [
        "新华社郑州3月5日电 （记者 桂 娟 李文哲）实行网上预约等限流措施。",
        "第一条 为了维护国徽的尊严，制定本法。",
        "2020年10月17日 第十三届全国人民代表大会常务委员会第二十二次会议通过",
        "工商、金融界 200人",
    ],
)
def test_spaces_that_typesetting_wants_are_left_alone(text: str) -> None:
    assert findings("stray-space", text) == []


def test_latin_spacing_convention_keeps_spaces_around_digits(tmp_path: Path) -> None:
    (tmp_path / ".doclint.yaml").write_text(
        "extend:\n  stray-space: {convention: spaces-around-latin}\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("勉县 1400 多名务工者在勉县火车站乘车，前往 江苏。\n", encoding="utf-8")
    result = doclint("check", "--enable", "stray-space", "-f", "json", "a.txt", cwd=tmp_path)
    assert '"column": 25' in result.stdout and result.stdout.count('"rule": "stray-space"') == 1


@needs_corpus
def test_clean_texts_have_only_the_breaks_checked_by_hand() -> None:
    layout = ["broken-paragraph", "truncated-paragraph", "stray-space"]
    found = {
        (f.rule, f.location.path.rsplit("/", 1)[-1], f.location.line)
        for path in corpus_files()
        for r in layout
        for f in file_findings(r, path)
    }
    assert found == {
        # a two-line title: 全国人民代表大会常务委员会关于 / 《中华人民共和国香港特别行政区基本法》…
        ("broken-paragraph", "law_hk_basic_law_1990.md", 751),
        # a table row whose figure fell to the next line in this copy: …的代表 / 300人
        ("broken-paragraph", "law_hk_basic_law_1990.md", 809),
        # a real stray space in this copy: 2009年1月1 日
        ("stray-space", "rule_traffic_police_duty_norms_2018.md", 327),
    }


@needs_corpus
def test_planted_column_breaks_are_found() -> None:
    caught = planted = false = 0
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        before = {f.location.line for f in rule("broken-paragraph").run(Document(path.name, text))}
        torn = plant_breaks(text, random.Random(5), 30)
        lines = [f.location.line for f in rule("broken-paragraph").run(Document(path.name, torn.text))]
        planted += len(torn.lines)
        caught += sum(1 for line in torn.lines if line in lines)
        false += sum(1 for line in lines if line not in torn.lines) - len(before)
    assert planted > 200
    assert caught / planted >= 0.85
    assert false <= 2


RULES = load_ruleset(Config())


@pytest.mark.parametrize("seed", [SEED_PRINT, SEED_FLOW], ids=["print", "flow"])
def test_fix_changes_only_whitespace_and_a_second_fix_changes_nothing(seed: Path) -> None:
    doc = Document.from_file(seed)
    fixed = fix_document(doc, RULES, Config())
    assert fixed != doc.text
    assert visible(fixed) == visible(doc.text)
    again = fix_document(Document(doc.path, fixed, doc.decoded), RULES, Config())
    assert again == fixed


def test_fix_leaves_no_finding_it_could_repair() -> None:
    doc = Document.from_file(SEED_FLOW)
    fixed = Document(doc.path, fix_document(doc, RULES, Config()))
    assert list(rule("broken-paragraph").run(fixed)) == []
    assert "健全基金运行风险评估、预警机制。" in fixed.text


def test_fix_writes_gbk_crlf_files_back_in_gbk_with_crlf(tmp_path: Path) -> None:
    text = "加强基金中长期核算，构建收支平衡机制，健全基金运行风险评\r\n\r\n估、预警机制。\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("gbk"))
    result = doclint("fix", "a.txt", cwd=tmp_path)
    assert result.returncode == 0
    assert path.read_bytes() == "加强基金中长期核算，构建收支平衡机制，健全基金运行风险评估、预警机制。\r\n".encode(
        "gbk"
    )
    assert doclint("fix", "--diff", "a.txt", cwd=tmp_path).returncode == 0


def test_fix_diff_shows_the_change_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("健全基金运行风险评\n\n估、预警机制。\n", encoding="utf-8")
    before = path.read_bytes()
    result = doclint("fix", "--diff", "a.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert "+健全基金运行风险评估、预警机制。" in result.stdout
    assert path.read_bytes() == before


def test_atomic_write_replaces_the_file_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    inode_before = path.stat().st_ino
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert path.stat().st_ino != inode_before  # renamed into place, never truncated in place
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_check_fix_repairs_first_and_reports_what_is_left(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("健全基金运行风险评\n\n估、预警机制，健全绩效考核考核分配制度。\n", encoding="utf-8")
    result = doclint("check", "--fix", "-f", "json", "a.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert path.read_text(encoding="utf-8") == "健全基金运行风险评估、预警机制，健全绩效考核考核分配制度。\n"
    assert '"rule": "repeated-word"' in result.stdout and "broken-paragraph" not in result.stdout


def test_a_technical_document_that_says_first_statement_is_not_a_statute() -> None:
    from doclint.profile.roles import heading_flags

    articles = [f"第{n}条 INSERT 语句成功，因为允许 NULL 值。" for n in "一二三"]
    prose = ["说明文字，介绍一些背景。"] * 40
    statute = Document("t.txt", "\n".join(["第一条 为了规范。", "第二条 本法所称。", "第三条 适用范围。", "禁用 SSO"]))
    doc = Document("t.txt", "\n".join([*articles, *prose, "禁用 SSO", "正文。"]))
    assert heading_flags(doc.logical)[-2] is True
    assert heading_flags(statute.logical)[-1] is False


@needs_corpus
def test_every_layout_finding_on_the_old_work_reports_is_a_tear_checked_by_hand() -> None:
    """The one folder over 0.2 per 10,000: old Wikisource transcriptions that really are torn."""
    labels = {}
    for line in (ROOT / "bench" / "labels" / "layout.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "path\t")):
            continue
        path, number, column, rule_id, label, _ = line.split("\t")
        labels[(path, int(number), int(column), rule_id)] = label
    reports = CORPUS.parent / "reports"
    config = Config()
    ruleset = load_ruleset(config)
    found = {
        (f"reports/{path.name}", f.location.line, f.location.column, f.rule)
        for path in sorted(reports.glob("*.txt"))
        for r in ruleset
        if r.kind == "layout"
        for f in r.run(Document.from_file(path))
        if f.severity != "info"
    }
    assert found == set(labels)  # a new finding: check it and label it; a label gone: update the file
    assert set(labels.values()) == {"real"}
