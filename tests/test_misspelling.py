"""Wrong characters (别字): idioms, broken words, word lists on word boundaries, confusable pairs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from doclint.checks.wordlist import WordList
from doclint.document import Document
from doclint.document.script import to_simplified
from doclint.engine.rule import Rule
from doclint.language import similarity
from tests.checks_helper import findings

SHARED = Path(os.environ.get("DOCLINT_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
PEERS = SHARED / "peers" / "spelling"


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [("档", "当", True), ("刑", "形", True), ("没", "无", False), ("举", "拱", False)],
)
def test_sound_alike_uses_usual_readings_only(a: str, b: str, alike: bool) -> None:
    assert similarity.sound_alike(a, b) is alike


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [("睫", "捷", True), ("厉", "励", True), ("档", "当", True), ("林", "材", False), ("档", "木", False)],
)
def test_look_alike_needs_a_distinctive_shared_component(a: str, b: str, alike: bool) -> None:
    assert similarity.look_alike(a, b) is alike


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("新政策实施以后效果立杆见影。", "立竿见影"),
        ("他做事一向按步就班，从不着急。", "按部就班"),
        ("我們要再接再勵，爭取更大進步。", "再接再厲"),
    ],
)
def test_misspelt_idiom_is_found_and_answered_in_the_documents_script(text: str, suggestion: str) -> None:
    found = findings("misspelt-idiom", text)
    assert [f.suggestion for f in found] == [suggestion]
    assert found[0].severity in ("error", "warning")


@pytest.mark.parametrize(
    "text",
    [
        "新政策实施以后效果立竿见影。",
        "今年一季度出口同比增长百分之八。",
        "各族人民勠力同心建设家园。",
        "这件事他没话可说。",
    ],
)
def test_misspelt_idiom_leaves_correct_text_alone(text: str) -> None:
    assert findings("misspelt-idiom", text) == []


def test_an_idiom_variant_written_every_time_is_only_info() -> None:
    text = "他总是按步就班。\n她也按步就班。\n大家都按步就班。\n"
    assert {f.severity for f in findings("misspelt-idiom", text)} == {"info"}


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("大家一定要注意安全，遵守交通规责。", "规则"), ("判决生效后可被强制之行。", "执行")],
)
def test_misspelt_word_proposes_the_word_it_breaks(text: str, suggestion: str) -> None:
    assert [f.suggestion for f in findings("misspelt-word", text)] == [suggestion]


def test_misspelt_word_written_twice_is_a_name_not_a_slip() -> None:
    text = "遵守交通规责。\n再说一遍：交通规责。\n"
    assert {f.severity for f in findings("misspelt-word", text)} == {"info"}


def _boundary_rule(swap: dict[str, str]) -> Rule:
    return Rule("t", "wordlist", "error", "{match}->{right}", WordList({"swap": swap}))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("本案的利害关系人可以申请回避。", False),  # 利害关系|人: 利害 is inside a word
        ("我们应当做好准备。", False),  # 应当|做好: 当做 straddles two words
        ("他把这件事当做头等大事。", True),
        ("请按装订线裁开。", False),  # 按|装订
        ("请按装说明书操作。", True),
    ],
)
def test_wordlist_matches_only_on_word_boundaries(text: str, flagged: bool) -> None:
    rule = _boundary_rule({"利害": "厉害", "当做": "当作", "按装": "安装"})
    assert bool(list(rule.run(Document("t.txt", text)))) is flagged


def test_common_misspelling_is_extensible_and_reads_traditional() -> None:
    found = findings("common-misspelling", "我們要再接再勵。")
    assert [f.suggestion for f in found] == ["再接再厲"]


@pytest.mark.parametrize(
    ("rule_id", "bad", "good"),
    [
        ("jiezhi-before-time", "截止今年六月，共有三万人参加。", "截止到今年六月，共有三万人参加。"),
        ("denglu-online", "用户需登陆系统后操作。", "飞船将于明年登陆火星。"),
        ("bixu-before-verb", "参会人员必需提前报到。", "这些都是生活必需的东西。"),
        ("di-for-de-complement", "她唱地很好听。", "他们在地里干活。"),
        ("de-for-di-adverbial", "他悄悄得走了。", "他累得走不动了。"),
    ],
)
def test_confusable_word_is_decided_by_its_context(rule_id: str, bad: str, good: str) -> None:
    assert len(findings(rule_id, bad)) == 1
    assert findings(rule_id, good) == []


def test_conversion_keeps_offsets() -> None:
    simple = to_simplified("我們要再接再勵")
    assert simple.text == "我们要再接再励" and len(simple.text) == len(simple.original)
    assert simple.in_original_script(3, "再接再厉") == "再接再厲"
    assert to_simplified("再接再厉").in_original_script(0, "再接再厉") == "再接再厉"


def test_error_types_are_classified_mechanically() -> None:
    from bench.spelling import classify

    assert [e.type for e in classify("他们要再接再励。", "他们要再接再厉。")] == ["idiom"]
    assert [e.type for e in classify("遵守交通规责。", "遵守交通规则。")] == ["non-word"]
    assert [e.type for e in classify("我家里学校很远。", "我家离学校很远。")] == ["valid"]


@pytest.mark.skipif(not PEERS.is_dir(), reason="../shared/peers/spelling is not beside the checkout")
def test_findings_on_real_spelling_errors_are_mostly_right() -> None:
    from bench.spelling import RANK, classify, line_findings
    from doclint.engine.config import Config
    from doclint.engine.runner import load_ruleset

    rules = [r for r in load_ruleset(Config()) if r.kind in ("idiom", "nonword", "wordlist", "confusable")]
    true = false = 0
    for line in (PEERS / "ec_law.tsv").read_text(encoding="utf-8").splitlines():
        source, _, corrected = line.partition("\t")
        if len(source) != len(corrected):
            continue
        errors = {e.position for e in classify(source, corrected)}
        for f in line_findings(rules, source):
            if RANK[f.severity] >= RANK["warning"]:
                hit = any(f.location.column - 1 <= p < f.location.end_column - 1 for p in errors)
                true, false = true + hit, false + (not hit)
    assert true >= 20
    assert true / (true + false) >= 0.9
