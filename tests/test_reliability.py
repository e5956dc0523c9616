"""Hostile and broken input (issue 12): every case ends in one line and exit 2, or in a correct
result — never a traceback, a hang or a silent pass. Hangs are bounded by the wall clock of the
subprocess, so a regression fails fast instead of stalling CI."""

from __future__ import annotations

import codecs
import json
import os
import pickle
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest

from doclint.document import Document
from doclint.document.decode import decode, encode
from doclint.document.numerals import parse_chinese
from doclint.engine.config import Config
from doclint.engine.discovery import discover
from doclint.engine.files import atomic_output
from doclint.engine.fixer import fix, save
from doclint.errors import ConfigError, DoclintError, InputError, RuleError
from tests.conftest import ROOT

DOUBLED = "健全绩效考核考核分配制度。\n"
TORN = "健全基金运行风险评\n\n估、预警机制。\n"
CLEAN = "各地区要确保政令畅通。\n"
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def doclint(
    *args: str,
    cwd: Path,
    timeout: float = 60,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    close_stdin: bool = False,
) -> subprocess.CompletedProcess[str]:
    """``python -m doclint`` with a wall-clock bound; raises if it runs past ``timeout``."""
    return subprocess.run(
        [sys.executable, "-m", "doclint", *args],
        cwd=cwd,
        input=stdin.decode("utf-8") if stdin is not None else None,
        stdin=subprocess.DEVNULL if stdin is None and not close_stdin else None,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def one_error_line(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout[-500:], result.stderr[-500:])
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for text in expected:
        assert text in lines[0], lines[0]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def pattern_rule(folder: Path, pattern: str, message: str = "m", extra: str = "") -> Path:
    return write(
        folder / "house.yaml",
        f"id: house-rule\nkind: pattern\nlevel: error\nmessage: {json.dumps(message)}\n"
        f"params:\n  pattern: {json.dumps(pattern)}\n{extra}"
        "examples: {flag: [xaaa], pass: [b]}\n",
    )


# --- 1. runaway regexes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "line"),
    [("(a|aa)+$", "a" * 40 + "b"), ("([\u4e00-\u9fff]|[\u4e00-\u9fff]{2})+$", "中" * 40 + "b")],
)
def test_a_runaway_user_regex_stops_at_its_bound_naming_rule_and_file(tmp_path: Path, pattern: str, line: str) -> None:
    rule = pattern_rule(tmp_path, pattern)
    write(tmp_path / "a.txt", line + "\n")
    started = time.monotonic()
    result = doclint("check", "--no-cache", "--rules", rule.name, "a.txt", cwd=tmp_path, timeout=20)
    assert time.monotonic() - started < 15
    one_error_line(result, "a.txt", "house-rule", "gave up after")


@pytest.mark.parametrize("pattern", ["(a+)+$", "([\u4e00-\u9fff]+)+$"])
def test_the_nested_quantifiers_of_the_report_run_in_linear_time(tmp_path: Path, pattern: str) -> None:
    rule = pattern_rule(tmp_path, pattern)
    write(tmp_path / "a.txt", "a" * 31 + "b\n" + "中" * 31 + "b\n")
    result = doclint("check", "--no-cache", "--rules", rule.name, "a.txt", cwd=tmp_path, timeout=10)
    assert result.returncode == 0, result.stderr


# --- 2. YAML bombs ---------------------------------------------------------------------------

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("where", "text", "reason"),
    [
        ("rule", BOMB, "aliases expand to"),
        ("config", "extend:\n  repeated-word:\n    allow: &x [a, *x]\n", "refers to itself"),
        ("config", "extend:\n  repeated-word:\n    allow: " + "[" * 3000 + "]" * 3000 + "\n", "nested"),
        ("config", BOMB + "extend: {repeated-word: {allow: *i}}\n", "aliases expand to"),
    ],
)
def test_a_yaml_bomb_is_refused_at_once(tmp_path: Path, where: str, text: str, reason: str) -> None:
    write(tmp_path / "a.txt", CLEAN)
    if where == "rule":
        args = ["--rules", write(tmp_path / "bomb.yaml", text).name]
    else:
        args = ["--config", write(tmp_path / "c.yaml", text).name]
    started = time.monotonic()
    result = doclint("check", *args, "a.txt", cwd=tmp_path, timeout=20)
    assert time.monotonic() - started < 10
    one_error_line(result, reason)


# --- 3. pipes and devices ------------------------------------------------------------------


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")


@needs_fifo
def test_a_named_pipe_in_a_folder_is_skipped_and_one_named_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "docs/a.txt", DOUBLED)
    os.mkfifo(tmp_path / "docs/pipe.txt")
    result = doclint("check", "-f", "json", "docs", cwd=tmp_path, timeout=20)
    assert result.returncode == 1 and json.loads(result.stdout)["summary"]["documents"] == 1
    one_error_line(doclint("check", "docs/pipe.txt", cwd=tmp_path, timeout=20), "docs/pipe.txt", "named pipe")


@needs_fifo
def test_a_named_pipe_among_rule_files_does_not_hang(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", CLEAN)
    (tmp_path / "rules").mkdir()
    os.mkfifo(tmp_path / "rules/pipe.yaml")
    assert doclint("check", "--rules", "rules", "a.txt", cwd=tmp_path, timeout=20).returncode == 0
    one_error_line(doclint("check", "--rules", "rules/pipe.yaml", "a.txt", cwd=tmp_path, timeout=20), "pipe.yaml")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    started = time.monotonic()
    one_error_line(doclint("check", "/dev/zero", cwd=tmp_path, timeout=20), "/dev/zero", "not a regular file")
    assert time.monotonic() - started < 10


# --- 5. size limit ---------------------------------------------------------------------------


def test_a_file_above_the_size_limit_is_refused_and_the_limit_can_be_raised(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", (DOUBLED * 40_000).encode("utf-8"))  # 1.6 MB
    one_error_line(doclint("check", "--max-file-size", "1", big.name, cwd=tmp_path), "big.txt", "file too large")
    write(tmp_path / ".doclint.yaml", "max_file_size: 1\n")
    one_error_line(doclint("check", big.name, cwd=tmp_path), "limit 1 MiB")
    assert doclint("check", "--max-file-size", "2", "-f", "json", big.name, cwd=tmp_path).returncode == 1


def test_standard_input_has_the_same_size_limit(tmp_path: Path) -> None:
    result = doclint("check", "--max-file-size", "0.5", "-", cwd=tmp_path, stdin=(CLEAN * 30_000).encode("utf-8"))
    one_error_line(result, "<stdin>", "file too large")


# --- 6. parallel errors -----------------------------------------------------------------------


def test_parallel_errors_are_one_line_and_the_rest_is_still_reported(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", DOUBLED)
    result = doclint("check", "--jobs", "2", "good.txt", "missing.txt", cwd=tmp_path)
    one_error_line(result, "missing.txt: no such file")
    assert "good.txt:1:5: error [repeated-word]" in result.stdout


@pytest.mark.parametrize(
    "error", [InputError("a.txt", "no such file"), RuleError("r.yaml:3", "bad"), ConfigError("c", "x")]
)
def test_errors_survive_pickling_between_processes(error: DoclintError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error) and copy.where == error.where


# --- 7. numerals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十一", 11),
        ("一百零三", 103),
        ("二十万", 200_000),
        ("一万二千", 12_000),
        ("十十", None),
        ("一" + "万" * 1100, None),
    ],
)
def test_only_well_formed_chinese_numerals_have_a_value(text: str, value: int | None) -> None:
    assert parse_chinese(text) == value


def test_a_numeral_of_a_thousand_wan_is_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "一" + "万" * 1100 + "、甲。\n\n三、乙。\n")
    result = doclint("check", "a.txt", cwd=tmp_path, timeout=20)
    assert result.returncode in (0, 1) and result.stderr == ""


# --- 8. deep folders ------------------------------------------------------------------------


def test_folders_nested_a_thousand_deep_are_walked_without_recursion(tmp_path: Path) -> None:
    deep = tmp_path / "deep"
    rules = tmp_path / "rules"
    for _ in range(990):  # one folder at a time: pathlib's mkdir(parents=True) would recurse
        deep.mkdir()
        rules.mkdir()
        deep, rules = deep / "a", rules / "a"
    write(deep / "x.txt", TORN)
    try:
        assert doclint("check", "deep", cwd=tmp_path).returncode == 1
        assert doclint("check", "--rules", "rules", "deep", cwd=tmp_path).returncode == 1
        fixed = doclint("fix", "deep", cwd=tmp_path)
        assert fixed.returncode == 0 and "Traceback" not in fixed.stderr
        assert (deep / "x.txt").read_text(encoding="utf-8") == "健全基金运行风险评估、预警机制。\n"
    finally:
        remove_deep_tree(tmp_path / "deep")
        remove_deep_tree(tmp_path / "rules")


def remove_deep_tree(top: Path) -> None:
    """What shutil.rmtree (and so pytest's clean-up) cannot do: it recurses once per level."""
    order, stack = [], [top]
    while stack:
        folder = stack.pop()
        order.append(folder)
        for entry in os.scandir(folder):
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            else:
                os.unlink(entry.path)
    for folder in reversed(order):
        folder.rmdir()


# --- 9. file names that are not UTF-8 -----------------------------------------------------------

needs_bytes_names = pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="the file system insists on Unicode")


@needs_bytes_names
def test_a_file_name_that_is_not_utf8_is_shown_escaped_in_every_output(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xff.txt")
    write(tmp_path / name, DOUBLED)
    report = os.fsdecode(b"report\xfe.json")
    result = doclint("check", "-f", "json", "-o", report, name, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert json.loads((tmp_path / report).read_text(encoding="utf-8"))["findings"][0]["path"] == "bad\\xff.txt"
    assert doclint("check", "--write-baseline", os.fsdecode(b"b\xfe.json"), name, cwd=tmp_path).returncode == 0
    diffed = doclint("diff", "-o", os.fsdecode(b"d\xfe.txt"), name, name, cwd=tmp_path)
    assert diffed.returncode == 0, diffed.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_report_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = write(tmp_path / "report.json", "previous report\n")
    with pytest.raises(RuntimeError), atomic_output(target) as out:
        out.write("half of a new rep")
        raise RuntimeError("the run failed")
    assert target.read_text(encoding="utf-8") == "previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


# --- 10. templates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "extra", "reason"),
    [
        ("{0}", "", "not a field name"),
        ("a { b", "", "expected '}'"),
        ("{match:d}", "", "may not carry a format"),
        ("{match.__class__}", "", "not a field name"),
        ("{match}", "  replace: '\\9'\n", "no such group"),
        ("{match}", "  replace: '\\q'\n", "bad escape"),
    ],
)
def test_a_message_or_replacement_that_would_crash_is_refused_when_the_rule_loads(
    tmp_path: Path, message: str, extra: str, reason: str
) -> None:
    rule = pattern_rule(tmp_path, "(a)+", message, extra)
    write(tmp_path / "a.txt", "xaaa\n")
    one_error_line(doclint("check", "--rules", rule.name, "a.txt", cwd=tmp_path), "house.yaml:", reason)


def test_a_valid_replacement_still_suggests(tmp_path: Path) -> None:
    rule = pattern_rule(tmp_path, "(a)a+", "{match}", "  replace: '\\1'\n")
    write(tmp_path / "a.txt", "xaaa\n")
    result = doclint("check", "-f", "json", "--rules", rule.name, "a.txt", cwd=tmp_path)
    assert [f["suggestion"] for f in json.loads(result.stdout)["findings"] if f["rule"] == "house-rule"] == ["a"]


# --- 11. baselines and outputs ------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        '{"version": 1, "fingerprints": {"aaaaaaaaaaaaaaaaaaaaaaaa": 1e400}}',
        "[" * 100_000 + "]" * 100_000,
        '{"version": 1, "fingerprints": {"aaaaaaaaaaaaaaaaaaaaaaaa": true}}',
        '{"version": 1, "fingerprints": []}',
    ],
)
def test_a_hostile_baseline_is_one_line(tmp_path: Path, content: str) -> None:
    write(tmp_path / "a.txt", DOUBLED)
    write(tmp_path / "b.json", content)
    one_error_line(doclint("check", "--baseline", "b.json", "a.txt", cwd=tmp_path), "b.json: not a doclint baseline")


def test_a_baseline_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", DOUBLED)
    result = doclint("check", "--write-baseline", str(tmp_path / "missing/b.json"), "a.txt", cwd=tmp_path)
    one_error_line(result, "b.json: cannot write")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk_is_one_line_for_the_output_file_and_for_stdout(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", DOUBLED)
    one_error_line(doclint("check", "-o", "/dev/full", "a.txt", cwd=tmp_path), "/dev/full: cannot write")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "doclint", "check", "a.txt"], cwd=tmp_path, stdout=full, stderr=subprocess.PIPE
        )
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert result.stderr.decode().strip().count("\n") == 0 and b"No space left" in result.stderr


def test_a_closed_standard_input_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        ["sh", "-c", f"{shlex.quote(sys.executable)} -m doclint check - <&-"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    one_error_line(result, "<stdin>: standard input is closed")


# --- 13. unknown rule ids ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "args", "expected"),
    [
        ("", ["--enable", "repeated-wrod"], "--enable: unknown rule 'repeated-wrod' (did you mean 'repeated-word'?)"),
        ("", ["--disable", "hard-wrapp"], "did you mean 'hard-wrap'?"),
        ("disable: [hard-wrapp]\n", [], ".doclint.yaml:1: disable: unknown rule 'hard-wrapp'"),
        ("severity: {stray-spac: info}\n", [], "severity: unknown rule 'stray-spac' (did you mean 'stray-space'?)"),
        ("overrides:\n  - files: ['*']\n    disable: [jump-markr]\n", [], ".doclint.yaml:3: overrides[0].disable"),
        ("extend:\n  repeated-wrd: {allow: [x]}\n", [], "extend: no such rule 'repeated-wrd' (did you mean"),
        ("packs: [core]\n", ["--enable", "repeated-word"], "is in a pack that is not loaded"),
    ],
)
def test_an_unknown_rule_id_anywhere_is_an_error_with_a_suggestion(
    tmp_path: Path, config: str, args: list[str], expected: str
) -> None:
    write(tmp_path / ".doclint.yaml", config)
    write(tmp_path / "a.txt", CLEAN)
    one_error_line(doclint("check", *args, "a.txt", cwd=tmp_path), expected)


def test_an_unknown_rule_in_an_inline_comment_is_an_error_at_its_line(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "第一段。\n\n<!-- doclint-disable repeated-wrod -->\n" + DOUBLED)
    one_error_line(doclint("check", "a.md", cwd=tmp_path), "a.md:3: doclint-disable: unknown rule 'repeated-wrod'")


def test_rules_of_a_pack_that_is_not_loaded_may_still_be_named_where_nothing_must_run(tmp_path: Path) -> None:
    write(tmp_path / ".doclint.yaml", "packs: [core]\ndisable: [repeated-word]\nseverity: {hard-wrap: info}\n")
    write(tmp_path / "a.md", "<!-- doclint-disable-next-line stray-space -->\n" + CLEAN)
    assert doclint("check", "a.md", cwd=tmp_path).returncode == 0


# --- 14. unreadable folders ---------------------------------------------------------------------


def test_an_unreadable_subfolder_is_an_error_not_a_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "docs/a.txt", CLEAN)
    write(tmp_path / "docs/locked/b.txt", DOUBLED)
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(discover([str(tmp_path / "docs")], Config(root=tmp_path)))
    assert [f for f in found if isinstance(f, str)] == [(tmp_path / "docs/a.txt").as_posix()]
    (error,) = [f for f in found if isinstance(f, DoclintError)]
    assert str(error).endswith("docs/locked: cannot read folder: Permission denied")


@pytest.mark.skipif(ROOT_USER, reason="root reads any folder, so none can be made unreadable")
def test_an_unreadable_subfolder_makes_the_run_exit_2(tmp_path: Path) -> None:
    write(tmp_path / "docs/a.txt", CLEAN)
    locked = write(tmp_path / "docs/locked/b.txt", DOUBLED).parent
    locked.chmod(0)
    try:
        one_error_line(doclint("check", "docs", cwd=tmp_path), "docs/locked: cannot read folder")
    finally:
        locked.chmod(0o755)


# --- 15. encodings -----------------------------------------------------------------------------

BIG5_TEXT = "我們的學校在臺北市，，每天早上學生們都會準時到達教室。圖書館裡有很多書籍，歡迎大家來閱讀。\n"


def test_big5_text_is_read_as_big5_and_its_findings_are_located(tmp_path: Path) -> None:
    write(tmp_path / "t.txt", BIG5_TEXT.encode("big5"))
    result = doclint("check", "-f", "json", "--enable", "doubled-punctuation", "t.txt", cwd=tmp_path)
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"], finding["excerpt"]) == (1, 10, BIG5_TEXT.strip())
    assert decode(BIG5_TEXT.encode("big5"), "t.txt").encoding == "big5hkscs"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bytes([*"健全绩效".encode(), 0xFF, *"考核分配制度，各地区要确保政令畅通。\n".encode()]), "damaged UTF-8"),
        ("会议\n".encode("gb18030"), "cannot tell whether this is"),
        (bytes(range(0x80, 0x100)) * 4, "cannot decode"),
    ],
)
def test_a_damaged_or_ambiguous_file_is_refused_not_read_as_mojibake(tmp_path: Path, data: bytes, reason: str) -> None:
    write(tmp_path / "t.txt", data)
    one_error_line(doclint("check", "t.txt", cwd=tmp_path), "t.txt: ", reason, "--encoding")


def test_an_ambiguous_file_reads_with_the_encoding_named(tmp_path: Path) -> None:
    write(tmp_path / "t.txt", "会议\n".encode("gb18030"))
    assert doclint("check", "--encoding", "gb18030", "t.txt", cwd=tmp_path).returncode == 0


# --- 16. an emptied version -----------------------------------------------------------------------


@pytest.mark.parametrize("empty", ["", "\n \n", "\ufeff"])
def test_a_version_with_everything_deleted_fails_the_diff(tmp_path: Path, empty: str) -> None:
    write(tmp_path / "old.txt", (ROOT / "seeds/001_194e1401ce89c555.txt").read_text(encoding="utf-8"))
    write(tmp_path / "new.txt", empty)
    result = doclint("diff", "-f", "json", "old.txt", "new.txt", cwd=tmp_path)
    assert result.returncode == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["severity"] == "error" and "NEW is empty" in finding["message"]


# --- 17. terminal safety ---------------------------------------------------------------------

ESCAPES = "\x1b]0;pwned\x1b\\\x1b[2J\x1b]52;c;ZXZpbA==\x1b\\\u009b31m\u202e"


@pytest.mark.parametrize("fmt", ["text", "github", "json", "jsonl", "sarif", "rdjsonl"])
def test_escape_sequences_anywhere_in_a_document_never_reach_the_terminal(tmp_path: Path, fmt: str) -> None:
    line = "健全绩效考核考核分配制度" + ESCAPES + "。"
    write(tmp_path / "a.txt", "前言。\n" * 2000 + line + "\n")
    result = doclint("check", "-f", fmt, "a.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert not any(ch in result.stdout for ch in "\x1b\x07\u009b\u202e")
    if fmt == "text":
        assert "\\x1b]0;pwned" in result.stdout
    if fmt == "json":  # escaped, not lost: the data reads back exactly
        assert [f["excerpt"] for f in json.loads(result.stdout)["findings"]] == [line]


def test_escape_sequences_in_a_file_name_are_escaped_in_errors(tmp_path: Path) -> None:
    result = doclint("check", "no\x1b[2Jsuch.txt", cwd=tmp_path)
    one_error_line(result, "no\\x1b[2Jsuch.txt: no such file")


def test_control_characters_anywhere_mark_a_file_binary(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "前言。\n" * 3000 + "正文\x07。\n")
    one_error_line(doclint("check", "a.txt", cwd=tmp_path), "binary file (control character U+0007 on line 3001)")


# --- 18. fix keeps the file faithfully ---------------------------------------------------------


def fixed_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_fix_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = write(tmp_path / "real/target.txt", TORN)
    (tmp_path / "link.txt").symlink_to("real/target.txt")
    assert doclint("fix", "link.txt", cwd=tmp_path).returncode == 0
    assert (tmp_path / "link.txt").is_symlink()
    assert fixed_text(target) == "健全基金运行风险评估、预警机制。\n"


def test_fix_refuses_a_read_only_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", TORN)
    path.chmod(0o444)
    one_error_line(doclint("fix", "a.txt", cwd=tmp_path), "a.txt: read-only file (mode 0444); not changed")
    assert fixed_text(path) == TORN


@pytest.mark.skipif(not ROOT_USER, reason="only root can give a file another owner")
def test_fix_keeps_owner_mode_and_extended_attributes(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", TORN)
    os.chown(path, 4321, 4321)
    path.chmod(0o640)
    try:
        os.setxattr(path, "user.doclint", b"kept")
        has_xattr = True
    except (OSError, AttributeError):
        has_xattr = False
    assert doclint("fix", "a.txt", cwd=tmp_path).returncode == 0
    st = path.stat()
    assert (st.st_uid, st.st_gid, st.st_mode & 0o777) == (4321, 4321, 0o640)
    if has_xattr:
        assert os.getxattr(path, "user.doclint") == b"kept"
    assert fixed_text(path) == "健全基金运行风险评估、预警机制。\n"


def test_fix_keeps_hard_links(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", TORN)
    os.link(path, tmp_path / "b.txt")
    assert doclint("fix", "a.txt", cwd=tmp_path).returncode == 0
    assert fixed_text(tmp_path / "b.txt") == "健全基金运行风险评估、预警机制。\n"
    assert path.stat().st_nlink == 2


def test_fix_does_not_overwrite_an_edit_made_while_it_ran(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", TORN)
    doc = Document.from_file(path)
    fixed = fix(doc, _rules(), Config(root=tmp_path))
    write(path, TORN + "作者刚加的一句。\n")
    with pytest.raises(InputError, match="changed while doclint was fixing it"):
        save(fixed)
    assert fixed_text(path) == TORN + "作者刚加的一句。\n"


@pytest.mark.parametrize(
    ("data", "args"),
    [
        ("健全基金运行风险评\r\n\r\n估、预警机制。\n第二段。\r\n".encode(), []),
        (codecs.BOM_UTF16_BE + TORN.encode("utf-16-be"), ["--encoding", "utf-16"]),
        (codecs.BOM_UTF16_BE + TORN.encode("utf-16-be"), []),
        (TORN.encode("utf-8"), ["--encoding", "utf-8-sig"]),
        (codecs.BOM_UTF8 + TORN.encode("utf-8"), ["--encoding", "utf-8-sig"]),
        (TORN.replace("\n", "\r").encode("gb18030"), []),
    ],
)
def test_fix_writes_back_in_the_files_own_encoding_bom_and_line_ends(
    tmp_path: Path, data: bytes, args: list[str]
) -> None:
    path = write(tmp_path / "a.txt", data)
    before = decode(data, "a.txt", args[1] if args else None)
    assert doclint("fix", *args, "a.txt", cwd=tmp_path).returncode == 0
    after = path.read_bytes()
    decoded = decode(after, "a.txt", args[1] if args else None)
    assert decoded.text.replace("\n", "") == before.text.replace("\n", "")
    assert (decoded.encoding, decoded.bom, decoded.newline) == (before.encoding, before.bom, before.newline)
    assert after.startswith(data[:2])  # the same BOM, or the same first character
    if before.line_ends:  # a mixed file keeps the line ends of the lines fix did not join
        assert after.endswith("第二段。\r\n".encode()) and "机制。\n".encode() in after


def test_mixed_line_ends_round_trip_exactly() -> None:
    data = b"a\r\nb\nc\r\nd\re\r\n"
    decoded = decode(data, "f.txt")
    assert decoded.text == "a\nb\nc\nd\ne\n"
    assert encode(decoded.text, decoded) == data


# --- 19. no shared temporary files ------------------------------------------------------------------


def test_a_run_leaves_nothing_in_the_temporary_folder_and_ignores_a_foreign_cache_there(tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    write(temporary / "jieba.cache", b"\x80not a pickle")
    write(tmp_path / "a.txt", DOUBLED)
    result = doclint("check", "a.txt", cwd=tmp_path, env={"TMPDIR": str(temporary)})
    assert result.returncode == 1 and result.stderr == ""
    assert [p.name for p in temporary.iterdir()] == ["jieba.cache"]


# --- 20. paths relative to the project root ----------------------------------------------------------


def test_globs_and_fingerprints_do_not_depend_on_how_a_path_is_typed(tmp_path: Path) -> None:
    write(
        tmp_path / ".doclint.yaml",
        "exclude: ['docs/drafts/**']\noverrides:\n  - files: ['docs/old.txt']\n    disable: [repeated-word]\n",
    )
    for name in ("docs/drafts/a.txt", "docs/old.txt", "docs/new.txt"):
        write(tmp_path / name, DOUBLED)
    docs = tmp_path / "docs"
    for typed in (["."], ["./old.txt", "new.txt"], [str(docs / "old.txt"), str(docs / "new.txt")], ["../docs"]):
        result = doclint("check", "-f", "json", *typed, cwd=docs)
        assert [Path(f["path"]).name for f in json.loads(result.stdout)["findings"]] == ["new.txt"], typed
    assert doclint("check", "--write-baseline", "../base.json", "new.txt", cwd=docs).returncode == 0
    for typed, cwd in (("docs/new.txt", tmp_path), ("./new.txt", docs), (str(docs / "new.txt"), tmp_path / "docs")):
        assert doclint("check", "--baseline", str(tmp_path / "base.json"), typed, cwd=cwd).returncode == 0, typed


def test_a_folder_above_the_working_directory_is_not_taken_for_a_hidden_one(tmp_path: Path) -> None:
    write(tmp_path / "corpus/news/a.txt", DOUBLED)
    write(tmp_path / "corpus/news/.hidden/b.txt", DOUBLED)
    (tmp_path / "work").mkdir()
    result = doclint("check", "-f", "json", "../corpus/news", cwd=tmp_path / "work")
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == ["../corpus/news/a.txt"]


# --- 4. (the lead's) duplicate detection is linear in the length of a line --------------------------


def test_a_long_single_line_of_repeats_is_checked_in_linear_time(tmp_path: Path) -> None:
    import random

    pick = random.Random(1).choice
    parts = ["各地区", "有关部门", "各级政府", "市场主体", "基层组织", "科研机构", "金融机构", "社会组织"]
    verbs = ["要确保", "应当加强", "必须完善", "持续推进", "认真落实", "进一步健全", "统筹推动", "切实做好"]
    things = ["政令畅通", "绩效管理", "举报奖励制度", "基层治理", "风险防范化解", "公共服务", "生态保护", "成果转化"]
    line = "".join(f"{pick(parts)}{pick(verbs)}{pick(things)}。" for _ in range(2000))  # ~27,000 characters
    write(tmp_path / "a.txt", line + "\n")
    started = time.monotonic()
    doclint("check", "--no-cache", "--enable", "duplicate-sentence", "a.txt", cwd=tmp_path, timeout=3)
    assert time.monotonic() - started < 3  # 19 s before the fix (×4 and more per doubling)


def _rules():  # type: ignore[no-untyped-def]
    from doclint.engine.runner import load_ruleset

    return load_ruleset(Config())
