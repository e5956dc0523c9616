"""Adopting doclint on an existing archive: configuration, inline suppression, baselines, pre-commit."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from doclint.checks.base import Check, Edit
from tests.conftest import ROOT, doclint
from tests.test_word import write_word_file

DOUBLED = "健全绩效考核考核分配制度。\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _rules(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str, str]]:
    return [(f["path"], f["rule"], f["severity"]) for f in json.loads(result.stdout)["findings"]]


def test_config_is_found_upward_and_changes_rules_and_severities(tmp_path: Path) -> None:
    _write(
        tmp_path / ".doclint.yaml",
        "severity: {repeated-word: warning}\noverrides:\n  - files: ['old/**']\n    disable: [repeated-word]\n",
    )
    _write(tmp_path / "new/a.txt", DOUBLED)
    _write(tmp_path / "old/b.txt", DOUBLED)
    result = doclint("check", "-f", "json", ".", cwd=tmp_path / "new")
    assert _rules(result) == [("a.txt", "repeated-word", "warning")]
    assert result.returncode == 0  # warnings do not fail by default
    result = doclint("check", "-f", "json", ".", cwd=tmp_path)
    assert _rules(result) == [("new/a.txt", "repeated-word", "warning")]


def test_config_selects_packs_and_include_globs(tmp_path: Path) -> None:
    _write(tmp_path / ".doclint.yaml", "packs: [core]\ninclude: ['*.md']\n")
    _write(tmp_path / "a.txt", "各地区要确保政令畅通，，不得出台。\n")
    _write(tmp_path / "b.md", DOUBLED + "各地区要确保政令畅通，，不得出台。\n")
    result = doclint("check", "-f", "json", ".", cwd=tmp_path)
    assert _rules(result) == [("b.md", "doubled-punctuation", "error")]


def test_extend_adds_words_to_a_builtin_rule_list(tmp_path: Path) -> None:
    _write(tmp_path / ".doclint.yaml", "extend:\n  repeated-word:\n    allow: [考核]\n")
    _write(tmp_path / "a.txt", DOUBLED)
    assert doclint("check", "a.txt", cwd=tmp_path).returncode == 0
    assert doclint("check", "a.txt", "--config", str(tmp_path / "nothing.yaml"), cwd=tmp_path).returncode == 2


def test_inline_comments_switch_rules_off_and_on(tmp_path: Path) -> None:
    doc = _write(
        tmp_path / "a.md",
        "<!-- doclint-disable repeated-word -->\n"
        + DOUBLED
        + "<!-- doclint-enable -->\n"
        + DOUBLED
        + "<!-- doclint-disable-next-line repeated-word -->\n"
        + DOUBLED
        + DOUBLED,
    )
    result = doclint("check", "--enable", "repeated-word", "-f", "json", doc.name, cwd=tmp_path)
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [4, 7]


def test_a_baseline_hides_known_findings_even_after_lines_move(tmp_path: Path) -> None:
    doc = _write(tmp_path / "a.txt", DOUBLED)
    assert doclint("check", "--write-baseline", "base.json", "a.txt", cwd=tmp_path).returncode == 0
    _write(doc, "新加的第一段。\n\n" + DOUBLED)
    assert doclint("check", "--baseline", "base.json", "a.txt", cwd=tmp_path).returncode == 0
    _write(doc, "新加的第一段。\n\n" + DOUBLED + "这是我的的书。\n")
    result = doclint("check", "--baseline", "base.json", "-f", "json", "a.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [4]


def test_a_corrupt_baseline_is_exit_2(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", DOUBLED)
    _write(tmp_path / "base.json", "{not json")
    result = doclint("check", "--baseline", "base.json", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "base.json: not a doclint baseline" in result.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_pre_commit_hook_blocks_a_commit_with_a_repeated_word(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    hook_repo = tmp_path / "hook"
    shutil.copytree(
        ROOT, hook_repo, ignore=shutil.ignore_patterns(".git", ".venv", "*.egg-info", "__pycache__", ".*cache")
    )
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=hook_repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=hook_repo, check=True)
    subprocess.run([*git, "commit", "-qm", "hook"], cwd=hook_repo, check=True)
    work = tmp_path / "work"
    work.mkdir()
    subprocess.run([*git, "init", "-q"], cwd=work, check=True)
    _write(work / "clean.txt", "医疗保障是减轻群众就医负担的重大制度安排。\n")
    _write(work / "doubled.txt", DOUBLED)
    write_word_file(work / "report.docx")
    subprocess.run([*git, "add", "-A"], cwd=work, check=True)
    env_home = {"PRE_COMMIT_HOME": str(tmp_path / "cache"), "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"}
    run = subprocess.run(
        [pre_commit, "try-repo", str(hook_repo), "doclint", "--all-files"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=900,
        env=env_home,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "doubled.txt:1:5: error [repeated-word]" in run.stdout
    assert "report.docx:table 1, row 2, cell 2 ¶1:5: error [repeated-word]" in run.stdout  # Word files too
    assert "clean.txt" not in run.stdout.replace("doubled.txt", "")


# --- presets ----------------------------------------------------------------------------------

SPACED = "安阳市 2 月份开展了专项检查。\n"


def _stray(result: subprocess.CompletedProcess[str]) -> int:
    return sum(1 + len(f["related"]) for f in json.loads(result.stdout)["findings"] if f["rule"] == "stray-space")


def test_a_preset_sets_house_conventions_and_extend_still_wins(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", SPACED)
    assert _stray(doclint("check", "-f", "json", "a.txt", cwd=tmp_path)) == 2  # both sides of the 2
    assert _stray(doclint("check", "-f", "json", "--preset", "tech", "a.txt", cwd=tmp_path)) == 0
    _write(tmp_path / ".doclint.yaml", "preset: tech\n")
    assert _stray(doclint("check", "-f", "json", "a.txt", cwd=tmp_path)) == 0
    _write(tmp_path / ".doclint.yaml", "preset: tech\nextend:\n  stray-space: {convention: no-spaces}\n")
    assert _stray(doclint("check", "-f", "json", "a.txt", cwd=tmp_path)) == 2


def test_a_preset_naming_rules_of_packs_not_loaded_is_fine_and_an_unknown_preset_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", SPACED)
    _write(tmp_path / ".doclint.yaml", "packs: [core]\npreset: tech\n")
    assert doclint("check", "a.txt", cwd=tmp_path).returncode == 0
    result = doclint("check", "--preset", "house", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "unknown preset 'house' (built-in: gb, tech)" in result.stderr


def test_the_presets_folder_is_not_a_rule_pack(tmp_path: Path) -> None:
    from doclint.engine.loader import builtin_packs, builtin_presets

    assert "presets" not in builtin_packs() and {"gb", "tech"} <= set(builtin_presets())
    _write(tmp_path / ".doclint.yaml", "packs: [presets]\n")
    _write(tmp_path / "a.txt", SPACED)
    assert "unknown pack 'presets'" in doclint("check", "a.txt", cwd=tmp_path).stderr


# --- unsafe fixes -----------------------------------------------------------------------------


class _FullWidthComma(Check):
    """A test-only kind: a half-width comma after a Chinese character, fixed by a full-width one."""

    name = "test-full-width-comma"
    schema = {"type": "object", "additionalProperties": False, "properties": {"claim_safe": {"type": "boolean"}}}
    _COMMA = re.compile(r"(?<=[\u4e00-\u9fff]),")

    def run(self, doc, rule):  # type: ignore[no-untyped-def]
        for m in self._COMMA.finditer(doc.text):
            yield rule.finding(doc.location(m.start(), m.end()), suggestion="，")

    def edits(self, doc, rule):  # type: ignore[no-untyped-def]
        for m in self._COMMA.finditer(doc.text):
            yield Edit(m.start(), m.end(), "，", safe=bool(self.params.get("claim_safe")))


HALF = "各地区要确保政令畅通,未经批准不得出台政策,  风险评\n\n估、预警机制。\n"
FULL = "各地区要确保政令畅通，未经批准不得出台政策，  风险评估、预警机制。\n"


def _comma_rule(folder: Path, claim_safe: bool = False) -> Path:
    return _write(
        folder / "comma.yaml",
        "id: full-width-comma\nkind: test-full-width-comma\nlevel: warning\nmessage: 用全角逗号 / full-width comma\n"
        f"params: {{claim_safe: {str(claim_safe).lower()}}}\nexamples: {{flag: ['中文,中文'], pass: ['a,b']}}\n",
    )


def _main(*args: str) -> int:
    """The command line in this process (where the test-only kind is registered), with only the
    layout pack besides the test rule, so other packs' fixes cannot change the expectations."""
    from doclint.cli import main

    config = _write(Path(args[-1]).parent / "layout-only.yaml", "packs: [layout]\n")
    with pytest.raises(SystemExit) as done:
        main([args[0], "--config", str(config), *args[1:]])
    return int(done.value.code or 0)


def test_unsafe_fixes_are_applied_only_with_unsafe_and_idempotently(tmp_path: Path) -> None:
    rule = _comma_rule(tmp_path)
    doc = _write(tmp_path / "a.txt", HALF)
    assert _main("fix", "--rules", str(rule), str(doc)) == 0
    assert doc.read_text(encoding="utf-8") == HALF.replace("评\n\n估", "评估")  # the safe join only
    assert _main("fix", "--unsafe", "--rules", str(rule), str(doc)) == 0
    assert doc.read_text(encoding="utf-8") == FULL
    assert _main("fix", "--diff", "--unsafe", "--rules", str(rule), str(doc)) == 0  # nothing left to do


def test_fix_diff_shows_unsafe_fixes_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rule = _comma_rule(tmp_path)
    doc = _write(tmp_path / "a.txt", "各地区要确保政令畅通,未经批准不得出台政策。\n")
    assert _main("fix", "--diff", "--rules", str(rule), str(doc)) == 0
    assert capsys.readouterr().out == ""
    assert _main("fix", "--diff", "--unsafe", "--rules", str(rule), str(doc)) == 1
    assert "+各地区要确保政令畅通，未经批准不得出台政策。" in capsys.readouterr().out
    assert doc.read_text(encoding="utf-8") == "各地区要确保政令畅通,未经批准不得出台政策。\n"


def test_an_edit_that_calls_itself_safe_but_changes_characters_is_never_applied(tmp_path: Path) -> None:
    doc = _write(tmp_path / "a.txt", "各地区要确保政令畅通,未经批准不得出台政策。\n")
    assert _main("fix", "--rules", str(_comma_rule(tmp_path, claim_safe=True)), str(doc)) == 0
    assert doc.read_text(encoding="utf-8") == "各地区要确保政令畅通,未经批准不得出台政策。\n"


def test_unsafe_fixes_are_listed_as_suggestions_and_sarif_fixes(tmp_path: Path) -> None:
    rule = _comma_rule(tmp_path)
    doc = _write(tmp_path / "a.txt", "各地区要确保政令畅通,未经批准不得出台政策。\n")
    report = tmp_path / "r.sarif"
    assert _main("check", "--no-cache", "-f", "sarif", "-o", str(report), "--rules", str(rule), str(doc)) == 0
    (result,) = [r for r in json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"]]
    replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "，"
    assert replacement["deletedRegion"]["startColumn"] == 11
