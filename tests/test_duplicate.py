"""duplicate-sentence: pasted sentences and passages, not parallel drafting or boilerplate."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from doclint.checks.repeats import Corpus, find_repeats
from doclint.document import Document
from tests.checks_helper import file_findings, findings
from tests.conftest import SEED_FLOW, SEED_PRINT, corpus_files, doclint, needs_corpus


def test_the_sentences_of_section_16_pasted_into_section_15_are_one_finding() -> None:
    found = [f for f in file_findings("duplicate-sentence", SEED_FLOW) if f.severity == "error"]
    (f,) = [f for f in found if f.location.line == 63]
    assert (
        f.location.text
        == "实施基金运行全过程绩效管理，建立医保基金绩效评价体系。健全医疗保障社会监督激励机制，完善欺诈骗保举报奖励制度。"
    )
    assert [r.line for r in f.related] == [61]
    assert "段落" in f.message  # two sentences: one finding for the run


def test_the_electricity_price_passage_shared_by_two_articles_is_found() -> None:
    (f,) = [f for f in file_findings("duplicate-sentence", SEED_FLOW) if f.location.line == 136]
    assert f.location.text == "宣传、解读电价政策，为符合条件的非高耗能电力客户争取电费减免，减少成本支出。"
    assert f.related[0].line == 108


def test_the_printed_seed_has_no_duplicates() -> None:
    assert file_findings("duplicate-sentence", SEED_PRINT) == []


def test_a_run_of_pasted_sentences_is_one_finding_not_one_per_sentence() -> None:
    para = "建立医疗保障信用体系，推行守信联合激励和失信联合惩戒。加强部门联合执法，综合运用协议、行政、司法等手段。"
    (f,) = findings("duplicate-sentence", f"{para}\n\n其他内容在这里。\n\n{para}\n")
    assert (f.location.line, f.location.text) == (5, para)


def test_near_duplicates_are_warnings_with_the_earlier_copy_related() -> None:
    text = "建立医疗保障信用体系，推行守信联合激励和失信联合惩戒。\n\n建立医疗保障信用体系，推行守信联合激励与失信联合惩戒。\n"
    (f,) = findings("duplicate-sentence", text)
    assert f.severity == "warning" and f.related[0].line == 1 and "相似度" in f.message


def test_whitespace_line_breaks_and_width_do_not_hide_a_duplicate() -> None:
    text = "按照制度政策统一、基金统收统支的标准（试行），全面做实基本医疗保险市地级统筹。\n\n按照制度政策统一、 基金统收统支的标准(试行)，全面做实基本医疗保险市地级统筹。\n"
    assert [f.location.line for f in findings("duplicate-sentence", text)] == [3]


@pytest.mark.parametrize(
    "text",
    [
        "新华社北京3月5日电\n\n新华社北京3月5日电\n",
        "构成犯罪的，依法追究刑事责任。\n\n构成犯罪的，依法追究刑事责任。\n",
        "第五十八条 有限责任公司股东会由全体股东组成。股东会是公司的权力机构，依照本法行使职权。\n\n"
        "第一百一十一条 股份有限公司股东会由全体股东组成。股东会是公司的权力机构，依照本法行使职权。\n",
    ],
)
def test_boilerplate_short_sentences_and_parallel_provisions_are_left_alone(text: str) -> None:
    assert findings("duplicate-sentence", text) == []


def test_every_repeated_unit_is_found_once_and_points_back_at_its_first_copy() -> None:
    rng = random.Random(3)
    units = ["".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(20)) for _ in range(500)]
    noise = ["".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(12)) for _ in range(1000)]
    first = "".join(u + n for u, n in zip(units, noise[:500], strict=True))
    order = rng.sample(range(500), 500)
    text = first + "".join(units[i] + noise[500 + k] for k, i in enumerate(order))
    repeats = find_repeats(Corpus([Document("t.txt", text)], by_document=True), 4)
    assert len(repeats) == 500
    for repeat, i in zip(repeats, order, strict=True):
        assert text[repeat.new : repeat.new_end] == units[i]
        assert repeat.old == first.index(units[i]) and repeat.exact


@needs_corpus
def test_parallel_provisions_of_edited_statutes_are_not_pastes() -> None:
    """Statutes restate provisions for each kind of company, repeat formulas and parallel clauses
    that differ in a content word: none of it is a paste."""
    assert [f.location for path in corpus_files() for f in file_findings("duplicate-sentence", path)] == []


@needs_corpus
@pytest.mark.parametrize("changed", [False, True], ids=["exact", "one-character-changed"])
def test_a_sentence_appended_to_another_article_is_found_wherever_it_lands(changed: bool) -> None:
    """A sentence of 18+ characters appended to a random paragraph of each statute, exactly or
    with one character changed: the pair is reported (at the later copy, pointing at the other)."""
    from bench.plant import plant_appended_sentence
    from doclint.document import Document
    from tests.checks_helper import rule

    found = planted = 0
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        for seed in range(10):
            paste = plant_appended_sentence(text, random.Random(seed), changed)
            assert paste is not None
            line = paste.lines[0]
            findings = list(rule("duplicate-sentence").run(Document(path.name, paste.text)))
            planted += 1
            found += any(f.location.line == line or line in [r.line for r in f.related] for f in findings)
    assert found / planted >= 0.9


def test_a_corpus_scope_rule_finds_a_sentence_shared_by_two_files(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "shared.yaml").write_text(
        "id: shared-sentence\nkind: duplicate\nlevel: warning\nmessage: 与 {path} 第 {line} 行重复\n"
        "description: 两篇稿件共用一句话。\nparams: {scope: corpus}\n"
        "examples: {flag: ['甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未。\\n\\n甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未。'], pass: [只有一句。]}\n",
        encoding="utf-8",
    )
    sentence = "宣传、解读电价政策，为符合条件的非高耗能电力客户争取电费减免，减少成本支出。"
    (tmp_path / "a.txt").write_text(f"金华供电公司主动走访辖区用户。{sentence}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"上虞区水务公司组建帮扶队伍。{sentence}\n", encoding="utf-8")
    result = doclint(
        "check", "--rules", "rules", "--enable", "shared-sentence", "-f", "json", "a.txt", "b.txt", cwd=tmp_path
    )
    found = json.loads(result.stdout)["findings"]
    assert [(f["path"], f["related"][0]["path"]) for f in found] == [("b.txt", "a.txt")]


@needs_corpus
def test_sentences_pasted_a_few_paragraphs_later_are_found() -> None:
    from bench.plant import plant_pasted_sentences
    from doclint.document import Document
    from tests.checks_helper import rule

    found = planted = false = 0
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        clean = len(list(rule("duplicate-sentence").run(Document(path.name, text))))
        pasted = plant_pasted_sentences(text, random.Random(0), 10)
        lines = [f.location.line for f in rule("duplicate-sentence").run(Document(path.name, pasted.text))]
        planted += len(pasted.lines)
        found += sum(1 for line in pasted.lines if line in lines)
        false += len(lines) - sum(1 for line in lines if line in pasted.lines) - clean
    assert planted >= 60
    assert found / planted >= 0.8
    assert false <= 0


def test_the_same_change_made_twice_is_an_edit_not_a_slip() -> None:
    sentence = "插入{n}条记录：使用 table.insert 方法向表中插入{n}条记录，并返回插入结果。"
    edited = sentence.format(n="单") + "\n\n前文。\n\n" + sentence.format(n="多") + "\n"
    assert findings("duplicate-sentence", edited) == []
    slipped = (
        sentence.format(n="单") + "\n\n前文。\n\n" + sentence.format(n="单").replace("插入结果", "插人结果") + "\n"
    )
    assert findings("duplicate-sentence", slipped)
