"""The speed benchmark's pieces on tiny inputs we write here: they build what they claim and measure
what they claim. No timing is asserted (speed is measured in benchmarks, not timed tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bench import speed, speed_inputs
from bench.speed_measure import MB, run

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = [
    "今天上午开会。",
    "会议讨论了三件事情，大家都发了言。",
    "下午继续讨论预算。",
    "晚上整理会议记录并发给各部门。",
]


def read_back(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]


def units_of(texts: list[str]) -> list[str]:
    return [u for text in texts for u in text.strip("\n").split("\n\n")]


@pytest.mark.parametrize("files", [1, 3, 7, 10])
def test_split_into_files_keeps_every_piece_in_order_in_exactly_that_many_files(tmp_path: Path, files: int) -> None:
    pieces = [SENTENCES[i % 4] * (1 + i % 5) for i in range(10)] + ["很长的一段。" * 200]
    written = speed_inputs.split_into_files(pieces, tmp_path, files)
    texts = read_back(tmp_path)
    assert len(texts) == files
    assert all(t.strip() for t in texts)
    assert units_of(texts) == pieces
    assert written == sum(len(t) for t in texts)


def test_split_into_files_refuses_more_files_than_pieces(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot fill"):
        speed_inputs.split_into_files(SENTENCES, tmp_path, 5)


@pytest.mark.parametrize(("files", "chars"), [(3, 1_000), (10, 5_000), (25, 2_000)])
def test_write_files_reaches_the_size_in_whole_units_cycling_the_pieces(tmp_path: Path, files: int, chars: int) -> None:
    written = speed_inputs.write_files(SENTENCES, tmp_path, files, chars, per_folder=4)
    texts = read_back(tmp_path)
    assert len(texts) == files
    assert written == sum(len(t) for t in texts)
    assert chars <= written <= chars + max(map(len, SENTENCES)) + 3  # the last file overshoots by one unit at most
    assert set(units_of(texts)) == set(SENTENCES)
    assert len(list(tmp_path.iterdir())) == -(-files // 4)  # four files to a subfolder


@pytest.mark.parametrize(
    ("text", "chars", "expected"),
    [
        ("一二三\n四五六\n七八九\n", 9, "一二三\n四五六\n"),
        ("一二三\n四五六\n", 8, "一二三\n四五六\n"),
        ("一二三\n四五六\n", 7, "一二三\n"),
        ("一二三\n四五六\n", 100, "一二三\n四五六\n"),
        ("一二三四五六", 4, "一二三四"),  # no line end to cut at
    ],
)
def test_prefix_cuts_after_the_last_line_end_within_the_size(text: str, chars: int, expected: str) -> None:
    assert speed_inputs.prefix(text, chars) == expected


def test_balanced_keeps_each_folder_at_about_the_same_characters_until_one_runs_out() -> None:
    long, short = ["长" * 10] * 5, ["短"] * 100
    mixed = list(speed_inputs.balanced([long, short]))
    first = mixed[:22]
    assert abs(sum(len(u) for u in first if u.startswith("长")) - first.count("短")) <= 10
    assert mixed.count("长" * 10) == 5
    assert mixed.count("短") < 100  # stops when the long folder is used up


def test_repeated_writes_whole_copies_until_the_size() -> None:
    copies = speed_inputs.repeated(SENTENCES, 200)
    one = len(speed_inputs.joined(SENTENCES))
    assert copies == SENTENCES * (len(copies) // len(SENTENCES))
    assert len(speed_inputs.joined(copies)) >= 200 > len(speed_inputs.joined(copies)) - one


def test_with_edits_changes_one_chinese_character_in_each_stretch() -> None:
    text = "会议讨论了三件事情" * 100
    edited = speed_inputs.with_edits(text, 50)
    changed = [i for i, (a, b) in enumerate(zip(text, edited, strict=True)) if a != b]
    assert len(changed) == len(text) // 50
    assert all(edited[i] in "某甲" for i in changed)


def finding(rule: str, line: int, column: int = 1) -> dict[str, object]:
    return {"rule": rule, "path": "news-1m.txt", "line": line, "column": column}


@pytest.mark.parametrize(
    ("now", "before", "expected"),
    [
        ([finding("a", 1), finding("b", 2)], [finding("b", 2), finding("a", 1)], (0, 0, {})),
        ([finding("a", 1), finding("a", 3)], [finding("a", 1), finding("a", 2)], (1, 1, {"a": 2})),
        ([finding("a", 1), finding("a", 1)], [finding("a", 1)], (1, 0, {"a": 1})),  # counted as a multiset
        ([finding("a", 1, 5)], [finding("a", 1, 6)], (1, 1, {"a": 2})),
        ([], [finding("c", 9)], (0, 1, {"c": 1})),
    ],
)
def test_differences_counts_findings_only_now_and_only_in_the_baseline(
    now: list[dict[str, object]], before: list[dict[str, object]], expected: tuple[int, int, dict[str, int]]
) -> None:
    added, lost, rules = speed.differences(now, before)
    assert (added, lost, dict(rules)) == (expected[0], expected[1], Counter(expected[2]))


@pytest.mark.parametrize(
    ("times", "chars", "expected"),
    [
        ({1: 1.0, 4: 4.0, 16: 16.0}, {1: 100, 4: 400, 16: 1600}, [("1.00", False), ("1.00", False)]),
        ({1: 1.0, 4: 4.0, 16: 32.0}, {1: 100, 4: 400, 16: 1600}, [("1.00", False), ("2.00", True)]),
        ({1: 1.0, 4: 6.0, 16: 16.0}, {1: 100, 4: 300, 16: 1600}, [("2.00", True), ("1.00", False)]),  # exact sizes
        ({1: 1.0, 4: None}, {1: 100, 4: 400, 16: 1600}, [("> 2.50", True), ("–", False)]),  # stopped at 10 s
    ],
)
def test_growth_ratio_is_time_over_linear_and_flags_above_the_limit(
    times: dict[int, float | None], chars: dict[int, int], expected: list[tuple[str, bool]]
) -> None:
    row = speed.Row("rule", 10.0, chars, times=times)
    assert [speed.ratio_cell(row, n, row.limit) for n in (4, 16)] == expected


def test_growth_table_counts_superlinear_rows_but_not_those_too_quick_to_tell() -> None:
    bench = speed.Bench(speed.Settings(), ROOT, ROOT, ["doclint"], False)
    chars = {1: 100, 4: 400, 16: 1600}
    rows = [
        speed.Row("linear", 10.0, chars, times={1: 1.0, 4: 4.1, 16: 16.5}),
        speed.Row("quadratic", 10.0, chars, times={1: 1.0, 4: 16.0, 16: 256.0}),
        speed.Row("tiny", 10.0, chars, times={1: 0.0001, 4: 0.001, 16: 0.01}),
    ]
    assert speed.growth_table(bench, rows) == 1
    printed = {line.split(" | ")[0].strip("| "): line for line in bench.lines if line.startswith("| ")}
    assert "**superlinear**" in printed["quadratic"]
    assert "noise" in printed["tiny"] and "**" not in printed["tiny"]
    assert "superlinear" not in printed["linear"]


def test_run_reports_the_peak_memory_of_a_child_and_its_first_output() -> None:
    program = "import sys, time; print('up', flush=True); x = bytearray(80_000_000); time.sleep(0.3)"
    big = run([sys.executable, "-c", program], sample=0.02)
    small = run([sys.executable, "-c", "pass"])
    assert big.returncode == 0 and big.stdout == b"up\n"
    assert big.max_rss >= 80 * MB and big.tree_rss >= 80 * MB
    assert small.max_rss < 80 * MB
    assert big.first_output is not None and big.first_output < big.seconds


def test_run_stops_a_command_past_its_time_limit_and_says_so() -> None:
    stopped = run([sys.executable, "-c", "import time; time.sleep(60)"], timeout=0.5)
    assert stopped.timed_out
    assert speed.failed(stopped) == "stopped at the time limit"
    assert stopped.seconds < 30


def test_growth_worker_runs_the_rules_on_a_text_and_reports_each_row(tmp_path: Path) -> None:
    text = tmp_path / "growth.txt"
    body = "\n\n".join(SENTENCES * 60)  # long enough for the comparing rule's edited copy to differ
    text.write_text(body + "\n\n健全绩效考核考核分配制度，加强管理。\n", encoding="utf-8")
    rows = ["@document", "@all", "repeated-word", "version-divergence"]
    child = subprocess.run(
        [sys.executable, "-m", "bench.speed_growth", str(text), *rows],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr
    lines = [json.loads(line) for line in child.stdout.splitlines()]
    reported = {m["row"]: m for m in lines if "row" in m}
    assert list(reported) == rows
    assert all(m["seconds"] >= 0 for m in reported.values())
    assert reported["repeated-word"]["findings"] == 1
    assert reported["@all"]["findings"] >= 1
    assert reported["version-divergence"]["findings"] >= 1  # the edited copy differs
    assert reported["@document"]["findings"] == 0


def test_jobs_section_checks_the_files_twice_and_compares_the_outputs(tmp_path: Path) -> None:
    news = tmp_path / "shared" / "corpus" / "news"
    news.mkdir(parents=True)
    (news / "a.txt").write_text("\n\n".join(SENTENCES * 2) + "\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    settings = speed.Settings(jobs_files=4, jobs_runs=1)
    bench = speed.Bench(settings, tmp_path / "shared", work, speed.doclint_command(), False)
    speed.jobs(bench)
    assert len(read_back(work / "files")) == 4
    verdicts = dict((measure, (value, met)) for measure, value, _, met in bench.summary)
    assert verdicts["1,000 files: --jobs 2 output byte-identical"] == ("yes", "yes")
    assert "speed-up --jobs 2 over --jobs 1" in "\n".join(bench.lines)


def test_saved_baseline_holds_positions_only_and_a_later_run_counts_what_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speed, "OUT", tmp_path)
    monkeypatch.setattr(speed, "BASELINE", tmp_path / "news-1m.json")
    text = "".join(SENTENCES)
    before = [
        {**finding("a", 1), "message": "不入库的文字", "severity": "error"},
        {**finding("b", 2), "severity": "info"},
    ]
    bench = speed.Bench(speed.Settings(), ROOT, tmp_path, ["doclint"], False)
    speed.compare_with_baseline(bench, {"findings": before}, text, save=True)
    saved = json.loads((tmp_path / "news-1m.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in saved["findings"]] == ["a", "b"]
    assert "message" not in saved["findings"][0]  # positions, not text
    assert bench.summary == []  # nothing to compare with yet

    moved = [before[0], {**before[1], "line": 3}]
    speed.compare_with_baseline(bench, {"findings": moved}, text, save=False)
    assert bench.summary[-1][:2] == ("news 1 M: findings differing from the baseline", "2")
    assert "Differences by rule: b 2." in bench.lines
