"""The command line as users and CI meet it: findings, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from doclint.checks.base import Check
from doclint.engine.config import Config
from doclint.engine.rule import Rule
from doclint.engine.runner import load_ruleset
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


# --- engine: parallel, streaming, cache, start-up -------------------------------------------------


class _CountDocuments(Check):
    """A test-only kind with corpus scope: one finding, on the last document, counting them all."""

    name = "test-count-documents"
    scope = "corpus"

    def run(self, doc, rule):  # type: ignore[no-untyped-def]
        return iter(())

    def run_corpus(self, docs, rule):  # type: ignore[no-untyped-def]
        yield rule.finding(docs[-1].location(0, 1), level="warning", n=len(docs))


COUNT_RULE = Rule("count-documents", "test-count-documents", "warning", "{n} documents", _CountDocuments({}))


def _files(tmp_path: Path, n: int = 6) -> list[str]:
    for i in range(n):
        _write(tmp_path / f"d{i}.txt", "健全绩效考核考核分配制度。\n" if i % 2 else "各地区要确保政令畅通。\n")
    return [str(tmp_path / f"d{i}.txt") for i in range(n)]


def _findings(paths: list[str], rules: list[Rule], **options: object) -> list[tuple[str, str, str]]:
    from doclint.engine.config import Config
    from doclint.engine.runner import Run

    run = Run(paths, Config(), rules, **options)  # type: ignore[arg-type]
    return [(Path(f.location.path).name, f.rule, f.message) for f in run]


def test_parallel_output_is_identical_with_a_corpus_scope_rule(tmp_path: Path) -> None:
    rules = [*load_ruleset(Config()), COUNT_RULE]
    serial = _findings(_files(tmp_path), rules)
    assert serial == _findings(_files(tmp_path), rules, jobs=2)
    assert serial[-1] == ("d5.txt", "count-documents", "6 documents")


def test_corpus_scope_rules_still_run_when_every_file_comes_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(tmp_path / "cache"))
    rules = [*load_ruleset(Config()), COUNT_RULE]
    first = _findings(_files(tmp_path), rules, use_cache=True)
    assert first == _findings(_files(tmp_path), rules, use_cache=True)
    assert first[-1] == ("d5.txt", "count-documents", "6 documents")


def test_documents_are_kept_only_when_a_corpus_scope_rule_runs() -> None:
    from doclint.engine.runner import Run

    builtin = load_ruleset(Config())
    assert not Run(["."], Config(), builtin).setup.keep_documents
    assert Run(["."], Config(), [*builtin, COUNT_RULE]).setup.keep_documents
    assert not Run(["."], Config(disable=["count-documents"]), [*builtin, COUNT_RULE]).setup.keep_documents


def test_duplicate_sentence_with_corpus_scope_finds_a_sentence_shared_by_two_files(tmp_path: Path) -> None:
    _write(tmp_path / ".doclint.yaml", "extend:\n  duplicate-sentence: {scope: corpus}\n")
    shared = "健全医疗保障社会监督激励机制，完善欺诈骗保举报奖励制度。\n"
    for n in range(4):
        _write(tmp_path / f"d{n}.txt", f"第{n}篇的开头各不相同，内容也不一样。\n\n" + (shared if n in (1, 3) else ""))
    result = doclint("check", "--no-cache", "-f", "json", ".", cwd=tmp_path)
    assert result.stderr == ""
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == ["d3.txt"]


def test_findings_stream_out_file_by_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from doclint.engine.config import Config
    from doclint.engine.runner import Run, load_ruleset

    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "a.txt", "健全绩效考核考核分配制度。\n")
    second = _write(tmp_path / "b.txt", "各地区要确保政令畅通。\n")
    items = iter(Run(["a.txt", "b.txt"], Config(root=tmp_path), load_ruleset(Config())))
    assert next(items).location.path == "a.txt"  # reported before b.txt is read
    second.write_text("这是我的的书。\n", encoding="utf-8")
    assert [f.location.path for f in items] == ["b.txt"]


def test_jsonl_is_one_finding_per_line_as_in_the_json_contract() -> None:
    whole = json.loads(doclint("check", "-f", "json", "seeds/").stdout)["findings"]
    lines = doclint("check", "-f", "jsonl", "seeds/").stdout.splitlines()
    assert [json.loads(line) for line in lines] == whole


def _cached(tmp_path: Path, *args: str, no_cache_at_all: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DOCLINT_CACHE_DIR": str(tmp_path / "cache")}
    if no_cache_at_all:
        env["DOCLINT_NO_CACHE"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "doclint", "check", "-f", "json", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_a_second_run_answers_from_the_cache_with_the_same_findings(tmp_path: Path) -> None:
    for n in range(3):
        _write(tmp_path / f"{n}.txt", "健全绩效考核考核分配制度。\n" * (n + 1))
    first, second = _cached(tmp_path, "."), _cached(tmp_path, ".")
    assert first.stdout == second.stdout and first.returncode == second.returncode == 1
    assert list((tmp_path / "cache").glob("results-*.sqlite"))
    _write(tmp_path / "1.txt", "这是我的的书。\n")
    changed = json.loads(_cached(tmp_path, ".").stdout)["findings"]
    assert [f["excerpt"] for f in changed if f["path"] == "1.txt"] == ["这是我的的书。"]
    relevelled = json.loads(_cached(tmp_path, "--fail-level", "info", "--disable", "duplicate-sentence", ".").stdout)
    assert relevelled["findings"] == [f for f in changed if f["rule"] != "duplicate-sentence"]


def test_no_cache_writes_no_results_but_keeps_the_derived_indexes(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "健全绩效考核考核分配制度。\n")
    assert _cached(tmp_path, "--no-cache", "a.txt").returncode == 1
    assert not list((tmp_path / "cache").glob("results-*"))
    assert list((tmp_path / "cache").glob("rules-*.pickle"))  # like bytecode: it cannot change a finding


@pytest.mark.parametrize("damage", ["corrupt", "not-a-folder", "world-writable"])
def test_a_broken_cache_never_fails_a_run_or_changes_it(tmp_path: Path, damage: str) -> None:
    _write(tmp_path / "a.txt", "健全绩效考核考核分配制度。\n")
    clean = _cached(tmp_path, "a.txt", no_cache_at_all=True)
    cache = tmp_path / "cache"
    assert not cache.exists()
    if damage == "corrupt":
        _cached(tmp_path, "a.txt")
        for file in cache.iterdir():
            file.write_bytes(b"\x00garbage" * 100)
    elif damage == "not-a-folder":
        cache.write_bytes(b"a file where the cache folder should be")
    else:
        cache.mkdir()
        cache.chmod(0o777)
    for _ in range(2):
        result = _cached(tmp_path, "a.txt")
        assert (result.returncode, result.stdout, result.stderr) == (1, clean.stdout, "")


def test_the_cache_is_bounded_and_checks_its_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from doclint.engine import cache

    monkeypatch.setattr(cache, "MAX_ENTRIES", 10)
    store = cache.ResultCache(tmp_path)
    for n in range(30):
        store.put(f"key{n}", [], n)
    store.flush()
    (count,) = store._db.execute("SELECT count(*) FROM results").fetchone()
    assert count <= 10
    assert store.get("key29") == ([], 29)
    store._db.execute("UPDATE results SET value = replace(value, '29', '28') WHERE key = 'key29'")
    assert store.get("key29") is None  # a tampered entry fails its checksum: a miss, never a wrong answer


def _imported(*args: str, cwd: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "doclint", *args], cwd=cwd, capture_output=True, text=True
    )
    return {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def test_version_imports_nothing_but_click_and_a_check_no_validation_libraries(tmp_path: Path) -> None:
    heavy = {"yaml", "jsonschema", "regex", "rapidfuzz", "charset_normalizer", "doclint.engine", "doclint.checks"}
    assert not heavy & _imported("--version", cwd=tmp_path)
    _write(tmp_path / "one.txt", "医疗保障是减轻群众就医负担的重大制度安排。\n")
    _imported("check", "one.txt", cwd=tmp_path)  # fills the rule-set cache
    assert not {"yaml", "jsonschema", "charset_normalizer"} & _imported("check", "one.txt", cwd=tmp_path)
