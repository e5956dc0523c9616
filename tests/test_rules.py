"""Rules are data: every built-in rule's examples hold, and a broken rule file is refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.engine.config import Config
from doclint.engine.examples import example_problems
from doclint.engine.loader import load_file
from doclint.engine.runner import load_ruleset
from doclint.errors import RuleError

BUILTIN = load_ruleset(Config())


@pytest.mark.parametrize("rule", BUILTIN, ids=[r.id for r in BUILTIN])
def test_builtin_rule_flags_its_flag_examples_and_passes_its_pass_examples(rule) -> None:  # type: ignore[no-untyped-def]
    assert example_problems(rule) == []


def test_every_builtin_rule_documents_itself() -> None:
    for rule in BUILTIN:
        assert rule.description, rule.id
        assert any(e.expect_flag for e in rule.examples) and any(not e.expect_flag for e in rule.examples)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rule.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """\
id: no-qita
kind: substitution
level: warning
message: “{match}”宜作“{right}”
description: 规范用字。
params:
  swap: {其它: 其他}
examples:
  flag: [{text: 其它事项, suggestion: 其他}]
  pass: [其他事项]
"""


def test_a_user_rule_loads_and_its_examples_run(tmp_path: Path) -> None:
    (rule,) = load_file(write(tmp_path, GOOD))
    assert rule.id == "no-qita"
    assert example_problems(rule) == []


def test_an_example_that_does_not_hold_is_reported(tmp_path: Path) -> None:
    (rule,) = load_file(write(tmp_path, GOOD.replace("pass: [其他事项]", "pass: [其它事项]")))
    (problem,) = example_problems(rule)
    assert "pass example was flagged" in problem


@pytest.mark.parametrize(
    ("edit", "line", "reason"),
    [
        (("kind: substitution", "kind: spelling"), 2, "unknown kind 'spelling'"),
        (("level: warning\n", ""), 1, "'level' is required"),
        (("level: warning", "level: fatal"), 3, "level: 'fatal' is not one of"),
        (("  swap: {其它: 其他}", "  swap: {其它: 其他}\n  sawp: 1"), 8, "unknown field ('sawp'"),
        (("flag: [{text: 其它事项, suggestion: 其他}]", "flag: []"), 9, "examples.flag"),
        (("message: “{match}”宜作“{right}”", "message: [oops"), 5, "flow sequence started at line 4"),
    ],
)
def test_a_malformed_rule_is_refused_at_its_line(tmp_path: Path, edit: tuple[str, str], line: int, reason: str) -> None:
    path = write(tmp_path, GOOD.replace(*edit))
    with pytest.raises(RuleError) as info:
        load_file(path)
    assert info.value.where == f"{path.as_posix()}:{line}"
    assert reason in info.value.problem


PATTERN = """\
id: p
kind: pattern
level: error
message: m
description: d
params:
  pattern: '{pattern}'
examples:
  flag: [x]
  pass: [y]
"""


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("(未闭合", "does not compile"),
        (r"\b中国\b", "word boundary"),
        ("a*", "matches the empty string"),
    ],
)
def test_a_pattern_that_cannot_work_on_chinese_is_refused(tmp_path: Path, pattern: str, reason: str) -> None:
    with pytest.raises(RuleError) as info:
        load_file(write(tmp_path, PATTERN.format(pattern=pattern)))
    assert reason in info.value.problem
    assert info.value.where.endswith(":7")  # the params line


def test_a_word_boundary_between_latin_words_is_fine(tmp_path: Path) -> None:
    (rule,) = load_file(
        write(tmp_path, PATTERN.format(pattern=r"\bWIFI\b").replace("flag: [x]", "flag: [用WIFI 上网]"))
    )
    assert rule.check.patterns[0].pattern == r"\bWIFI\b"
