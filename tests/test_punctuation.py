"""punctuation: GB/T 15834 and GB/T 15835 — widths, spaces, pairs, forms, numbers — and their repairs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench.typography import (
    CASES,
    CATEGORY_RULES,
    PRESETS,
    SHARED,
    corpus_findings,
    load_cases,
    read_labels,
    ruleset,
    score,
    why,
)
from doclint.checks.base import Edit
from doclint.document import Document
from doclint.engine.config import Config
from doclint.engine.fixer import apply_edits
from doclint.engine.loader import extend_rule
from doclint.engine.rule import Rule
from doclint.engine.runner import load_ruleset
from doclint.finding import Finding
from tests.conftest import SEED_FLOW, SEED_PRINT

PACK = {r.id: r for r in load_ruleset(Config()) if r.kind == "punctuation"}
CORPUS = SHARED / "corpus"
needs_peers = pytest.mark.skipif(not CASES.is_file(), reason="../shared/peers is not beside the checkout")
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")


def run(rule_id: str, text: str, preset: str | None = None, **params: object) -> list[Finding]:
    rule = PACK[rule_id]
    extra = {**(PRESETS[preset].get(rule_id, {}) if preset else {}), **params}
    if extra:
        rule = extend_rule(rule, extra, "test")
    return list(rule.run(Document("t.txt", text)))


def fixed(rule: Rule, text: str) -> tuple[str, list[Edit]]:
    """The text with every edit of ``rule`` applied once, and the edits."""
    edits = sorted(rule.check.edits(Document("t.txt", text), rule))
    return apply_edits(text, edits), edits


# --- one rule, bad and good side by side ---

WIDTH = [
    ("会议结束后,代表们分组讨论。", "会议结束后，代表们分组讨论。"),
    ("材料如下:报名表、推荐信。", "材料如下：报名表、推荐信。"),
    ("这是谁的书?", "这是谁的书？"),
    ("真是太好了!", "真是太好了！"),
    ("试点范围为各市(州)。", "试点范围为各市（州）。"),
    ("(二)健全工作机制。", "（二）健全工作机制。"),
    ("他说'可以'，我们就走了。", "他说‘可以’，我们就走了。"),
    ("我买了一台 Kindle,很轻。", "我买了一台 Kindle，很轻。"),
]


@pytest.mark.parametrize(("bad", "good"), WIDTH)
def test_half_width_marks_in_chinese_are_reported_and_the_full_width_ones_are_not(bad: str, good: str) -> None:
    (finding,) = run("punctuation-width", bad)
    assert finding.severity == "warning"
    assert run("punctuation-width", good) == []


@pytest.mark.parametrize(
    "text",
    [
        "圆周率约为3.14，人口约1,000万，10:30开会。",
        "网址是 https://example.org/a,b?c=1，邮箱是 a.b@example.org。",
        "调用 clamp(最小值, 建议值, 最大值) 设置字号。",
        "把 config.yaml 复制到 ~/.app/ 目录。",
        "阿里巴巴.US 今天上涨。",
        "支持多个版本 (如 v7.5、v7.1 等)，请注明。",
        "规则之间用 ; 分隔，点号（.）也可以。",
        "运算符 ?. 和 != 的用法。",
        "Yes! 升级到了新版本。",
    ],
)
def test_half_width_marks_of_numbers_code_addresses_and_latin_are_left_alone(text: str) -> None:
    assert run("punctuation-width", text) == []


def test_full_width_marks_in_a_latin_paragraph_become_half_width() -> None:
    (finding,) = run("punctuation-width", "Please read the log，then restart。")
    assert finding.suggestion == ", "


def test_a_dot_between_two_chinese_characters_is_not_guessed_unless_the_document_ends_sentences_so() -> None:
    (finding,) = run("punctuation-width", "作者理查德.斯托曼的文章。")
    assert finding.suggestion is None  # a full stop, or the interpunct of a name?
    habit = "第一句完了.\n第二句完了.\n第三句完了.\n第四句完了.第五句"
    (finding,) = run("punctuation-width", habit)  # one finding for the document: the same habit four times
    assert "4 处" in finding.message and len(finding.related) == 3
    assert fixed(PACK["punctuation-width"], habit)[0] == habit.replace(".", "。")


@pytest.mark.parametrize(
    ("brackets", "text", "flagged"),
    [
        ("auto", "（一）前言\n(2020年2月25日)", False),  # a bracketed date alone on its line
        ("full-width", "（一）前言\n(2020年2月25日)", True),
        ("auto", "框架 (如 React 等) 的用法", False),
        ("full-width", "框架 (如 React 等) 的用法", True),
        ("half-width", "参数 key（字符串）的用法", True),
        ("half-width", "参数 key (字符串) 的用法", False),
    ],
)
def test_bracket_width_follows_the_convention(brackets: str, text: str, flagged: bool) -> None:
    assert bool(run("punctuation-width", text, brackets=brackets)) is flagged


@pytest.mark.parametrize(("setting", "flagged"), [("chinese", False), ("full-width", True), ("allow", False)])
def test_straight_quotes_around_a_literal_follow_the_setting(setting: str, flagged: bool) -> None:
    assert bool(run("punctuation-width", "把模式设为 'strict' 即可", straight_quotes=setting)) is flagged


@pytest.mark.parametrize(
    ("bad", "good"),
    [
        ("全年投资２５００万元。", "全年投资2500万元。"),
        ("新建ＡＰＰ一个。", "新建APP一个。"),
        ("９：３０开会。", "9:30开会。"),
    ],
)
def test_full_width_digits_and_letters_become_half_width(bad: str, good: str) -> None:
    (finding,) = run("full-width-alphanumeric", bad)
    assert finding.severity == "error" and finding.suggestion.isascii()
    assert fixed(PACK["full-width-alphanumeric"], bad)[0] == good
    assert run("full-width-alphanumeric", good) == []


@pytest.mark.parametrize(
    ("bad", "good"),
    [
        ("会议结束后， 代表们分组讨论。", "会议结束后，代表们分组讨论。"),
        ("这是我们的目的 。", "这是我们的目的。"),
        ("支持 Word 、 Excel 和 PDF。", "支持 Word、Excel 和 PDF。"),
        ("他称之为“ 第二曲线 ”。", "他称之为“第二曲线”。"),
        ("他称之为 “第二曲线” 的东西。", "他称之为“第二曲线”的东西。"),
        ("附件： 报名表", "附件：报名表"),
        ("一、 总体要求", "一、总体要求"),
        ('他说 "好" 就走了。', '他说"好"就走了。'),
        ("数字高程模型( DEM)的精度", "数字高程模型(DEM)的精度"),
    ],
)
def test_spaces_next_to_full_width_marks_are_removed_safely(bad: str, good: str) -> None:
    assert run("space-around-punctuation", bad)
    result, edits = fixed(PACK["space-around-punctuation"], bad)
    assert result == good and all(e.safe for e in edits)
    assert run("space-around-punctuation", good) == []


@pytest.mark.parametrize(
    "text",
    [
        "运行 a “hello world” b 程序。",  # a Latin word set off from the quotation mark
        "这两个 task （在 task 列可以看出）。",
        "“腾讯” - 发布 - “新版”",  # separators
        "| 名称（简称） | 说明 |",  # a table
        "新华社北京3月5日电 （记者 王芳）会议今天开幕。",  # dateline and byline
        "第三十九条 《公约》继续有效。",  # an article number
        "图为施工现场。 李明",  # a caption and its photographer
        "安全“加码” 共同战疫",  # a headline
        "发表了题为《牢记“初心” 砥砺前行》的文章。",  # a title quoted in a sentence
    ],
)
def test_spaces_that_typesetting_wants_are_kept(text: str) -> None:
    assert run("space-around-punctuation", text) == []


def test_the_gb_preset_forbids_spaces_between_latin_and_quotation_marks() -> None:
    assert run("space-around-punctuation", "运行 a “hello world” b 程序。", preset="gb")


def test_repeated_spaces_are_info_and_collapse_to_one() -> None:
    (finding,) = run("repeated-space", "它由 Jupyter  Notebook 生成。")
    assert finding.severity == "info"
    assert fixed(PACK["repeated-space"], "它由 Jupyter  Notebook 生成。")[0] == "它由 Jupyter Notebook 生成。"
    assert run("repeated-space", "名称    类型    默认值    说明") == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("他说：“明天再谈吧。", "后一半"),
        ("这本书（上册出版于去年。", "后一半"),
        ("他说：“这是‘规定”’。", "交叉"),
        ("他问：“你读过“三体”吗？”", "嵌套"),
        ("课程来自”知行学堂“的老师。", "颠倒"),
        ("通过工具（如 crontab) 定期清理。", "半角"),
    ],
)
def test_unpaired_crossed_misnested_and_reversed_marks_are_reported(text: str, problem: str) -> None:
    found = run("unpaired-mark", text)
    assert found and problem in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "他说：“我读过《三体》，也读过‘红楼’。”",
        "会议强调：“一要稳增长；\n“二要保民生；\n“三要防风险。”",  # GB/T 15834: each paragraph reopens
        "1）提交申请；2）等待审核。",
        "It’s fine，天气不错。",
        "第一段说到一半“被分\n\n成两段”的引文。",  # a torn paragraph: the layout checks' finding
    ],
)
def test_paired_marks_that_pair_are_left_alone(text: str) -> None:
    assert run("unpaired-mark", text) == []


def test_a_quotation_without_its_paragraph_openers_is_only_a_note() -> None:
    text = "修改为：\n\n“第一款内容。\n\n第二款内容。\n\n第三款内容。”"
    (finding,) = run("unpaired-mark", text)
    assert finding.severity == "info" and "每段开头" in finding.message


@pytest.mark.parametrize(
    ("bad", "suggestion"),
    [
        ("完善目录，，规范支付。", "，"),
        ("会议到此结束，。", "。"),
        ("请按时提交,，逾期不候。", "，"),
        ("显示完毕。.", "。"),
    ],
)
def test_doubled_and_mixed_marks_are_errors(bad: str, suggestion: str) -> None:
    (finding,) = run("doubled-punctuation", bad)
    assert finding.severity == "error" and finding.suggestion == suggestion


@pytest.mark.parametrize(
    "text", ["这怎么可能？？", "你真的要走？！", "分号写作 x = 1;。", "通配符包括 *、? 和 []。", "此外……还要加强。"]
)
def test_emphasis_combined_marks_and_named_symbols_are_not_doubled(text: str) -> None:
    assert run("doubled-punctuation", text) == []


def test_doubled_emphasis_is_reported_when_the_house_style_says_so() -> None:
    assert run("doubled-punctuation", "这怎么可能？？", preset="tech")


@pytest.mark.parametrize(
    ("rule_id", "bad", "good"),
    [
        ("ellipsis-form", "有苹果、香蕉...都很新鲜。", "有苹果、香蕉……都很新鲜。"),
        ("ellipsis-form", "他想了想。。。没开口。", "他想了想……没开口。"),
        ("ellipsis-form", "她停了一下…又说。", "她停了一下……又说。"),
        ("ellipsis-deng", "钢铁、煤炭……等行业。", "钢铁、煤炭……行业。"),
        ("dash-form", "只有一个目标--考上大学。", "只有一个目标——考上大学。"),
        ("dash-form", "第三种方案――也是最后一种。", "第三种方案——也是最后一种。"),
        ("interpunct", "列夫•托尔斯泰的小说。", "列夫·托尔斯泰的小说。"),
        ("approximate-number", "来了三、四个人。", "来了三四个人。"),
    ],
)
def test_forms_of_marks_and_numbers_are_repaired_only_with_unsafe_edits(rule_id: str, bad: str, good: str) -> None:
    assert run(rule_id, bad)
    result, edits = fixed(PACK[rule_id], bad)
    assert result == good and edits and not any(e.safe for e in edits)
    assert run(rule_id, good) == []


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("ellipsis-form", "用 fn(...args) 展开，或写 select * from ... 语句。"),
        ("ellipsis-form", "Wait... what?"),
        ("dash-form", "2013—2021年，中国—东盟贸易增长。"),  # the connector
        ("dash-form", "运行 npm install --save 安装。"),
        ("ellipsis-deng", "他说……等级考试下周举行。"),
        ("approximate-number", "获得一、二等奖；第一、二章；一、二、三个方案。"),
        ("interpunct", "●加强组织领导"),
    ],
)
def test_code_connectors_and_lists_are_not_forms_of_marks(rule_id: str, text: str) -> None:
    assert run(rule_id, text) == []


def test_a_document_that_always_writes_ascii_dots_keeps_its_convention_unless_the_preset_pins_gb() -> None:
    text = "他走了......\n她也走了......\n大家都走了......"
    assert run("ellipsis-form", text) == []
    assert run("ellipsis-form", text + "\n最后……") == []  # the minority is the standard form
    assert run("ellipsis-form", "一……\n二……\n三......") != []  # the minority is the ASCII form
    assert run("ellipsis-form", text, preset="gb") != []


def test_attribution_dashes_have_their_own_convention() -> None:
    text = "--《甲书》\n--《乙书》\n--《丙书》\n正文里的破折号——像这样。"
    assert run("dash-form", text) == []
    assert run("dash-form", text, preset="gb") != []


@pytest.mark.parametrize(
    ("style", "text", "flagged"),
    [
        ("auto", "他说“走吧”，她说“好的”，我说「等等」。", "「等等」"),
        ("auto", "老師說「你們好」，學生說「老師好」。", None),
        ("auto", "一边说“甲”，一边说「乙」。", None),  # as many of each: no majority to follow
        ("curly", "老師說「你們好」。", "「你們好」"),
        ("corner", "老师说“你们好”。", "“你们好”"),
    ],
)
def test_one_quotation_style_per_document(style: str, text: str, flagged: str | None) -> None:
    found = run("quote-style", text, style=style)
    assert [f.location.text for f in found] == ([flagged] if flagged else [])


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("全厂原有三条生产线，今年新建2条生产线。", True),
        ("运费是火车的十倍，比轮船贵5倍。", True),
        ("全厂有三个车间、5个班组。", False),  # different things counted
        ("全厂有两个车间、5个车间。", False),  # 两 is a word as much as a number
        ("坚持“三个代表”，新建5个代表处。", False),  # a name in quotation marks
        ("每个舱室可以容纳五六个人，共40个人。", False),  # an approximation is written in words
    ],
)
def test_mixed_numerals_for_the_same_kind_of_quantity(text: str, flagged: bool) -> None:
    found = run("mixed-numerals", text)
    assert bool(found) is flagged and all(f.severity == "warning" for f in found)


# --- documents ---


def test_the_half_width_brackets_of_the_flowed_seed_are_one_finding_with_every_place() -> None:
    found = [f for r in PACK.values() for f in r.run(Document.from_file(SEED_FLOW))]
    (brackets,) = found  # and nothing on its headings, bylines or captions
    assert brackets.rule == "punctuation-width" and brackets.location.text == "(一)"
    assert "31 处" in brackets.message and len(brackets.related) == 30  # (一)…(二十八), 省(…), 乡镇(街道)、村(社区)
    text = SEED_FLOW.read_text(encoding="utf-8")
    result, edits = fixed(PACK["punctuation-width"], text)
    assert "（二十八）营造良好氛围" in result and "(" not in result.replace("(2020年2月25日)", "")
    assert len(edits) == 62 and not any(e.safe for e in edits)


def test_the_printed_seed_has_no_punctuation_finding() -> None:
    assert [f for r in PACK.values() for f in r.run(Document.from_file(SEED_PRINT))] == []


@pytest.mark.parametrize("seed", [SEED_PRINT, SEED_FLOW], ids=["print", "flow"])
def test_every_edit_of_the_pack_is_idempotent(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    for rule in PACK.values():
        once, _ = fixed(rule, text)
        assert fixed(rule, once)[1] == [], rule.id


def test_a_long_paragraph_full_of_marks_is_checked_in_linear_time() -> None:
    unit = '他说 "好" ， 然后 (一) 走了...又说“ 对 ”，价格１０元,三、四个（ 注 ）。'
    text = unit * 4000  # one paragraph of 160,000 characters
    start = time.perf_counter()
    for rule in PACK.values():
        list(rule.run(Document("t.txt", text)))
    assert time.perf_counter() - start < 20


# --- the peers' cases and the corpus ---


@needs_peers
def test_the_peers_flag_cases_are_reported_and_their_pass_cases_only_disagree_where_explained() -> None:
    result = score(load_cases())
    own = {k: v for k, v in result.expected.items() if k != "stray-space"}  # the layout pack's category
    rates = "\n".join(f"  {k}: {result.reported[k]}/{n}" for k, n in sorted(own.items()))
    reported = sum(result.reported[k] for k in own)
    print(f"\npeer flag categories reported by the punctuation pack:\n{rates}")
    assert reported / sum(own.values()) >= 0.95, rates
    # pass cases that fire: each is a text its own peer also flags, an output of one of zhlint's
    # single-option tests that keeps what its other options fix, or a mark GB/T 15834 rejects and
    # that peer does not check (公告:(…), 中文;中文, 中文...)
    cases = load_cases()
    flag_texts = {(c.peer, c.text) for c in cases if c.kind == "flag"}
    differ = [c.text for c, _ in result.false_cases if why(c, flag_texts) == "GB/T 15834 differs from the peer"]
    print("pass cases that fire:", dict(result.false), "of which GB/T 15834 differs:", differ)
    assert len(differ) <= 4, differ
    assert set(CATEGORY_RULES["to-fullwidth-punct"]) <= set(PACK)


@needs_corpus
def test_journal_abstracts_with_half_width_marks_throughout_get_one_finding_each() -> None:
    for path in sorted((CORPUS / "academic").glob("csl_abstracts_*.txt")):
        found = list(PACK["punctuation-width"].run(Document.from_file(path)))
        assert len(found) == 1 and "处" in found[0].message, path.name


@needs_corpus
def test_the_statutes_have_only_the_punctuation_defects_checked_by_hand() -> None:
    rules = ruleset({})
    found = {
        (f.rule, path.name, f.location.line)
        for path in sorted((CORPUS / "gov").glob("*.*"))
        for r in rules
        if r.kind == "punctuation"
        for f in r.run(Document.from_file(path))
        if f.severity != "info"
    }
    assert found == {
        ("punctuation-width", "law_hk_basic_law_1990.md", 801),  # 组成如下: — twice in this copy
        ("punctuation-width", "law_national_emblem_2020.md", 137),  # 附件:
        ("space-around-punctuation", "law_national_emblem_2020.md", 149),  # 一、 两把麦稻… (5 items)
        ("punctuation-width", "spc_decision_amend_27_civil_interpretations_2020.md", 437),  # (一)…(七) twice
    }


@needs_corpus
def test_every_finding_on_the_corpus_was_checked_by_hand_and_none_is_a_false_alarm() -> None:
    found, chars = corpus_findings()
    labels = read_labels()
    keys = [(f.path, f.line, f.column, f.rule) for f in found]
    assert [k for k in keys if k not in labels] == []  # a new finding: check it and label it
    assert [k for k in keys if labels[k] == "false"] == []
    assert len(set(keys)) == len(labels)  # a label whose finding went away: update the labels
    rates = {group: sum(1 for f in found if f.group == group) * 1e4 / n for group, n in chars.items()}
    print("\npunctuation findings per 10,000 characters:", {g: round(r, 3) for g, r in sorted(rates.items())})
