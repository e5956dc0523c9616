"""version-divergence and `doclint diff`: every change of words and punctuation, none of layout."""

from __future__ import annotations

import difflib
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from doclint.checks.divergence import Text
from doclint.document import Document
from tests.checks_helper import rule
from tests.conftest import SEED_FLOW, SEED_PRINT, corpus_files, doclint, needs_corpus

OLD, NEW = (
    Document.from_file(SEED_PRINT, "seeds/000_034b050a94a1f655.txt"),
    Document.from_file(SEED_FLOW, "seeds/001_194e1401ce89c555.txt"),
)
FOUND = list(rule("version-divergence").compare(OLD, NEW))


def _find(fragment: str):  # type: ignore[no-untyped-def]
    (f,) = [f for f in FOUND if fragment in f.message]
    return f


@pytest.mark.parametrize(
    ("message", "new_text", "old_text"),
    [
        ("“设计” → “定价”", "定价", "设计"),
        ("“下” → “上”", "上", "下"),
        ("“委” → “组织”", "组织", "委"),
        ("删除“、医保目录”", "", "、医保目录"),
        ("增加“考核”", "考核", ""),
        ("增加“方法”", "方法", ""),
        ("“，” → “、”", "、", "，"),
        ("“。” → “，”", "，", "。"),
        ("“可及” → “化”", "化", "可及"),
    ],
)
def test_each_word_and_punctuation_change_is_located_in_both_versions(
    message: str, new_text: str, old_text: str
) -> None:
    matches = [f for f in FOUND if message in f.message]
    assert matches, message
    f = matches[0]
    assert f.location.text == new_text
    assert f.related[0].text.replace("\n", "") == old_text
    assert f.severity == "error"


def test_a_deletion_is_a_zero_width_point_in_new_where_the_text_went_missing() -> None:
    f = _find("删除“、医保目录”")
    assert (f.location.column, f.location.end_column) == (f.location.column, f.location.column)
    assert f.location.excerpt[: f.location.column - 1].endswith("统一基本医疗保险统筹层次")
    assert f.location.excerpt[f.location.column - 1 :].startswith("，规范医保支付政策")


def test_related_location_maps_through_the_hard_wrapped_print() -> None:
    f = _find("“设计” → “定价”")
    old_line = OLD.line_text(f.related[0].line)
    assert old_line[f.related[0].column - 1 : f.related[0].end_column - 1] == "设计"


def test_the_rewritten_passage_of_section_15_is_one_finding() -> None:
    f = _find("段落被替换")
    assert f.related[0].text.startswith("协议管理、费用监控、稽查审核责任")
    assert f.location.text.startswith("信息强制披露制度") and f.location.text.endswith("完善欺诈骗保举报奖励制度")
    assert f.location.line == 61


def test_articles_present_in_one_version_only_are_one_finding_each() -> None:
    passages = [f for f in FOUND if "仅见于" in f.message]
    assert len(passages) == 3 and all(f.severity == "warning" for f in passages)


def test_layout_differences_between_the_pages_are_not_reported() -> None:
    for f in FOUND:
        for text in (f.location.text, f.related[0].text):
            assert not re.fullmatch(r"[\s\u3000（）()]*", text) or text == "", f.message


def test_every_change_an_independent_character_diff_sees_is_reported() -> None:
    """difflib on the normalised policy text of both pages: every change it finds lies in some finding."""
    old, new = Text(OLD, []), Text(NEW, [])
    start_old, start_new = old.text.index("(二)基本原则"), new.text.index("(二)基本原则")
    end_old, end_new = (
        old.text.index("及时向党中央、国务院请示报告。"),
        new.text.index("及时向党中央、国务院请示报告。"),
    )
    matcher = difflib.SequenceMatcher(None, old.text[start_old:end_old], new.text[start_new:end_new], autojunk=False)
    spans = []
    for f in FOUND:
        a = NEW.line_starts[f.location.line - 1] + f.location.column - 1
        b = NEW.line_starts[f.location.end_line - 1] + f.location.end_column - 1
        spans.append((a, b))
    for tag, _, _, j0, j1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        lo = new.doc.logical.source_span(*new.view_span(start_new + j0, start_new + j1))
        assert any(a <= lo[0] and lo[1] <= max(b, a) for a, b in spans) or any(a <= lo[0] <= b for a, b in spans), tag


def _rewrap(text: str, width: int) -> str:
    out = []
    for para in text.split("\n"):
        out += [para[i : i + width] for i in range(0, len(para), width)] or [""]
        out.append("")
    return "\n".join(out)


def test_rewrapping_width_folding_and_spacing_are_not_differences() -> None:
    flowed = SEED_FLOW.read_text(encoding="utf-8")
    noisy = _rewrap(flowed.replace("(", "（").replace(")", "）"), 20).replace("医疗保障", "医疗 保障")
    assert list(rule("version-divergence").compare(NEW, Document("noisy.txt", noisy))) == []


def test_a_moved_passage_is_reported_once_as_moved() -> None:
    paragraphs = [p for p in SEED_FLOW.read_text(encoding="utf-8").split("\n\n") if len(p) > 60]
    moved = paragraphs[:]
    moved.insert(12, moved.pop(4))
    found = list(
        rule("version-divergence").compare(
            Document("a.txt", "\n\n".join(paragraphs)), Document("b.txt", "\n\n".join(moved))
        )
    )
    assert len(found) == 1 and "移动" in found[0].message


@needs_corpus
def test_scattered_edits_in_a_long_document_are_each_found() -> None:
    rng = random.Random(11)
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in corpus_files())
    chars = list(base)
    spots = sorted(rng.sample([i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"], 25))
    for i in spots:
        chars[i] = "錯"
    edited = "".join(chars)
    found = list(rule("version-divergence").compare(Document("a.txt", base), Document("b.txt", edited)))
    assert sorted(f.location.text for f in found) == ["錯"] * 25


def test_diff_command_exit_codes_and_formats(tmp_path: Path) -> None:
    same = doclint("diff", str(SEED_FLOW), str(SEED_FLOW))
    assert same.returncode == 0 and "no problems" in same.stdout
    result = doclint("diff", "-f", "json", str(SEED_PRINT), str(SEED_FLOW))
    assert result.returncode == 1 and '"rule": "version-divergence"' in result.stdout
    assert doclint("diff", str(SEED_PRINT), str(tmp_path / "missing.txt")).returncode == 2


def test_versions_declared_in_config_are_compared_by_check(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("突出健康保险产品设计、销售、赔付等关键环节监管。\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("突出健康保险产品定价、销售、赔付等关键环节监管。\n", encoding="utf-8")
    (tmp_path / ".doclint.yaml").write_text("versions:\n  - {old: old.txt, new: new.txt}\n", encoding="utf-8")
    result = doclint("check", "new.txt", cwd=tmp_path)
    assert result.returncode == 1 and "“设计” → “定价”" in result.stdout


@pytest.fixture(scope="module")
def html_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "diff.html"
    result = doclint("diff", "-f", "html", "-o", str(out), str(SEED_PRINT), str(SEED_FLOW))
    assert result.returncode == 1
    return out


def test_html_report_is_self_contained_and_links_every_change(html_report: Path) -> None:
    page = html_report.read_text(encoding="utf-8")
    assert "<script" not in page and "<link" not in page and "src=" not in page and 'href="http' not in page
    anchors = re.findall(r'id="c(\d+)"', page)
    assert sorted(map(int, anchors)) == list(range(1, len(FOUND) + 1))
    for n in range(1, len(FOUND)):
        assert f'href="#c{n + 1}"' in page
    assert "<del>设计</del>" in page and "<ins>定价</ins>" in page
    assert f"<strong>{len(FOUND)} 处差异" in page


def test_html_report_renders_in_headless_chromium(html_report: Path, tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("no Chromium installed (apt-get install chromium) to render the HTML report")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", html_report.as_uri()], capture_output=True, text=True, timeout=120
    )
    assert dom.returncode == 0, dom.stderr[-500:]
    assert dom.stdout.count("<tr") >= 50 and "<ins>定价</ins>" in dom.stdout
    shot = tmp_path / "diff.png"
    subprocess.run(
        [browser, *flags, "--window-size=1200,1600", f"--screenshot={shot}", html_report.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 10_000
