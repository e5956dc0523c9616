"""The command line as users and CI meet it: findings, exit codes, one-line errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_FLOW, doclint


def test_seeds_have_real_findings_and_exit_1() -> None:
    result = doclint("check", "seeds/")
    assert result.returncode == 1
    assert "seeds/001_194e1401ce89c555.txt:79:" in result.stdout
    assert "[repeated-word]" in result.stdout
    assert result.stderr == ""


def test_a_clean_file_exits_0(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("医疗保障是减轻群众就医负担、增进民生福祉的重大制度安排。\n", encoding="utf-8")
    result = doclint("check", str(clean))
    assert result.returncode == 0
    assert "no problems" in result.stdout


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.txt", "missing.txt: no such file"),
        (lambda d: _write(d / "scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00"), "scan.txt: binary file"),
        (lambda d: _write(d / "junk.txt", b"\x80\xff\x80\xff\x80"), "junk.txt: cannot decode"),
    ],
)
def test_unreadable_input_is_one_line_on_stderr_and_exit_2(tmp_path: Path, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    result = doclint("check", str(make(tmp_path)))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_rule_file_is_one_line_naming_file_and_line_and_exit_2(tmp_path: Path) -> None:
    bad = _write(
        tmp_path / "bad.yaml",
        b"id: x\nkind: nonsense\nlevel: error\nmessage: m\nexamples: {flag: [a], pass: [b]}\n",
    )
    result = doclint("check", "--rules", str(bad), str(SEED_FLOW))
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == f"doclint: error: {bad.as_posix()}:2: unknown kind 'nonsense' (known: "
        + result.stderr.split("(known: ")[1].strip()
    )


def test_a_broken_config_is_exit_2(tmp_path: Path) -> None:
    _write(tmp_path / ".doclint.yaml", b"fail_level: sometimes\n")
    result = doclint("check", str(SEED_FLOW), cwd=tmp_path)
    assert result.returncode == 2
    assert ".doclint.yaml:1: fail_level" in result.stderr


def test_gbk_and_utf16_files_are_checked_like_utf8(tmp_path: Path) -> None:
    text = "各地区要确保政令畅通，，未经批准不得出台超出清单授权范围的政策。\n"
    outputs = []
    for name, data in [
        ("u.txt", text.encode("utf-8")),
        ("g.txt", text.encode("gbk")),
        ("w.txt", b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")),
    ]:
        result = doclint("check", "-f", "json", _write(tmp_path / name, data).name, cwd=tmp_path)
        assert result.returncode == 1
        outputs.append(result.stdout.replace(name, "X"))
    assert outputs[0] == outputs[1] == outputs[2]


def test_stdin_is_read_with_a_dash() -> None:
    result = doclint("check", "-", stdin="健全绩效考核考核分配制度。\n".encode())
    assert result.returncode == 1
    assert "<stdin>:1:5: error [repeated-word]" in result.stdout


def test_fail_level_and_exit_zero_decide_the_exit_code(tmp_path: Path) -> None:
    warning_only = _write(
        tmp_path / "w.txt",
        "据介绍，绍兴市上虞区水务公司组建帮扶队伍，宣传、解读电价政策，为符合条件的非高耗能电力客户争取电费减免，减少成本支出。\n\n金华供电公司主动走访辖区用户，宣传、解读电价政策，为符合条件的非高耗能电力客户争取电费减免，减少成本支出。\n".encode(),
    )
    assert doclint("check", str(warning_only)).returncode == 0
    assert doclint("check", "--fail-level", "warning", str(warning_only)).returncode == 1
    assert doclint("check", "--fail-level", "warning", "--exit-zero", str(warning_only)).returncode == 0
    assert (
        doclint("check", "--disable", "duplicate-sentence", "--fail-level", "info", str(warning_only)).returncode == 0
    )


def test_python_dash_m_and_the_console_script_print_the_same() -> None:
    script = shutil.which("doclint", path=str(Path(sys.executable).parent)) or shutil.which("doclint")
    if script is None:
        pytest.skip("doclint is not installed on PATH in this environment")
    direct = subprocess.run([script, "check", "seeds/"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    module = doclint("check", "seeds/")
    assert (direct.returncode, direct.stdout) == (module.returncode, module.stdout)


def test_parallel_jobs_give_identical_output() -> None:
    paths = ["seeds/", str(ROOT / "tests")]
    serial = doclint("check", "--no-cache", "-f", "json", *paths)
    parallel = doclint("check", "--no-cache", "-f", "json", "--jobs", "2", *paths)
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout == parallel.stdout


def test_rules_list_show_and_test() -> None:
    listing = doclint("rules", "list")
    assert listing.returncode == 0 and "repeated-word" in listing.stdout
    shown = doclint("rules", "show", "repeated-word")
    assert "健全绩效考核考核分配制度" in shown.stdout and "研究研究这个问题" in shown.stdout
    tested = doclint("rules", "test")
    assert tested.returncode == 0 and " 0 failed" in tested.stdout
    assert doclint("rules", "show", "no-such-rule").returncode == 2


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path
