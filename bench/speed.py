"""Speed of doclint as a user meets it (issue 11): whole process, side by side, ratios in one run.

    python -m bench.speed                  # the full run (about 12 minutes on 2 cores)
    python -m bench.speed --quick          # smaller inputs, fewer repeats (about 2 minutes)
    python -m bench.speed --save-baseline  # also record the 1 M news findings in bench/out/news-1m.json
    python -m bench.speed --only news,startup

Sections: ``news`` (check of ≥ 1 M characters of news in one file vs autocorrect-py on the
same text, findings compared with the saved baseline), ``startup`` (a one-sentence file,
``--version``), ``jobs`` (``--jobs 2`` vs ``--jobs 1`` on 1,000 files, outputs compared),
``growth`` (every rule at 1×, 4× and 16× an input, and on text that repeats a lot) and
``memory`` (peak memory on 50 M characters in 3,000 files, then a second run over the same
files). Inputs are built from ../shared/corpus in temporary folders; doclint runs there
with its user cache directory pointed into them, so nothing is written outside the temporary
folders and bench/out/. Times are wall clock on a machine other work may share: the load
average is printed with them. Nothing here asserts; the summary compares with the targets.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from queue import Empty, Queue
from typing import IO

import psutil

from bench import speed_inputs as inputs
from bench.speed_measure import MB, Measured, best_of, run

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BASELINE = OUT / "news-1m.json"
SECTIONS = ("news", "startup", "jobs", "growth", "memory")
GROWTH_SIZES = (1, 4, 16)
GROWTH_LIMIT = 1.3  # t(n×) / (n · t(1×)) above this is reported as superlinear
NOISE_IN_PROCESS = 0.005  # rows faster than this at 1× are too quick for their ratios to mean much
NOISE_WHOLE_PROCESS = 1.0  # the same for a whole process less its start-up (which varies by ~0.3 s)
REPEAT_BASE_CHARS = 10_000  # the articles that the repetitive text repeats
ONE_SENTENCE = "我们明天上午九点在三楼会议室讨论这份报告的修改意见。\n"  # written for this benchmark
NEWLINE = b"\n"
ARTICLE_FOLDERS = ("news", "literature", "web", "academic", "reports")  # blank-line separated articles


@dataclass
class Settings:
    """What a full and a quick run measure."""

    news_chars: int = 1_000_000
    news_runs: int = 3
    startup_runs: int = 5
    jobs_files: int = 1_000
    jobs_runs: int = 3
    growth_base: int = 250_000
    growth_limit_s: float = 60.0
    growth_whole_process: bool = True  # also time `doclint check` on each size (it needs large sizes)
    memory_chars: int = 50_000_000
    memory_files: int = 3_000
    memory_limit_s: float = 1_500.0
    memory_jobs: int = 1
    quick: bool = False

    @classmethod
    def smaller(cls) -> Settings:
        """The quick run."""
        return cls(
            quick=True,
            news_runs=1,
            startup_runs=3,
            jobs_runs=1,
            growth_base=30_000,
            growth_limit_s=20.0,
            growth_whole_process=False,
            memory_chars=5_000_000,
            memory_files=300,
            memory_limit_s=300.0,
        )


@dataclass
class Bench:
    """One run: where doclint is, where it may write, what has been found so far."""

    settings: Settings
    shared: Path
    work: Path
    doclint: list[str]
    no_cache: bool
    lines: list[str] = field(default_factory=list)
    summary: list[tuple[str, str, str, str]] = field(default_factory=list)  # measure, value, target, verdict

    def say(self, text: str = "") -> None:
        print(text, flush=True)
        self.lines.append(text)

    @property
    def env(self) -> dict[str, str]:
        """doclint's environment: its user cache directory (XDG) inside the temporary folder."""
        return {**os.environ, "XDG_CACHE_HOME": str(self.work / "cache"), "NO_COLOR": "1"}

    def check(self, *args: str, cache: bool = False) -> list[str]:
        """``doclint check`` with ``--no-cache`` (when doclint has it) unless ``cache``."""
        return [*self.doclint, "check", *(() if cache or not self.no_cache else ("--no-cache",)), *args]

    def target(self, measure: str, value: str, target: str, met: bool | None) -> None:
        self.summary.append((measure, value, target, "–" if met is None else "yes" if met else "**no**"))


# --- helpers -----------------------------------------------------------------------------------


def doclint_command() -> list[str]:
    """The ``doclint`` script beside this interpreter, as a user runs it; else ``python -m doclint``."""
    script = Path(sys.executable).parent / "doclint"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "doclint"]


def has_option(doclint: list[str], option: str) -> bool:
    helped = subprocess.run([*doclint, "check", "--help"], capture_output=True, text=True, encoding="utf-8")
    return option in helped.stdout


def git_commit() -> str:
    """The commit that last changed doclint's code or rules (lint/, rules/), and whether they changed since."""
    try:
        last = subprocess.run(
            ["git", "log", "-1", "--format=%h", "--", "lint", "rules"], cwd=ROOT, capture_output=True, text=True
        )
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "lint", "rules"], cwd=ROOT, capture_output=True)
    except OSError:
        return "unknown"
    return (last.stdout.strip() or "unknown") + (" + uncommitted changes" if dirty.stdout.strip() else "")


def version_of(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def seconds(value: float) -> str:
    return f"{value:.4f}" if value < 0.01 else f"{value:.3f}" if value < 10 else f"{value:.1f}"


def shown(command: Sequence[str]) -> str:
    """A command as the user types it: ``doclint ...``."""
    return " ".join(["doclint", *command[len(doclint_command()) :]])


def megabytes(value: int) -> str:
    return f"{value / MB:,.0f} MB"


def table(bench: Bench, header: Sequence[str], rows: Sequence[Sequence[str]], right: int = 1) -> None:
    """A markdown table; columns from ``right`` on are numbers, right-aligned."""
    bench.say("| " + " | ".join(header) + " |")
    bench.say("|" + "|".join("---" if i < right else "---:" for i in range(len(header))) + "|")
    for row in rows:
        bench.say("| " + " | ".join(row) + " |")
    bench.say()


def failed(measured: Measured) -> str | None:
    """Why a doclint run did not do its job (exit 2, a crash, a timeout), or None."""
    if measured.timed_out:
        return "stopped at the time limit"
    if measured.returncode not in (0, 1):
        tail = measured.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        return f"exit {measured.returncode}: {tail[0]}"
    return None


# --- sections ----------------------------------------------------------------------------------


def header(bench: Bench) -> None:
    version = subprocess.run([*bench.doclint, "--version"], capture_output=True, text=True).stdout.strip()
    located = subprocess.run(
        [sys.executable, "-c", "import doclint; print(doclint.__file__)"], capture_output=True, text=True
    ).stdout.strip()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    bench.say(f"# doclint speed ({'quick' if bench.settings.quick else 'full'} run)")
    bench.say()
    bench.say(
        f"- machine: {cores} cores usable ({os.cpu_count()} online), {cpu_model()}, "
        f"{psutil.virtual_memory().total / 2**30:.1f} GiB, {platform.system()} {platform.release()}"
    )
    bench.say(f"- load average at start: {load_average()} (the machine is shared with other work: times are noisy)")
    bench.say(
        f"- {version} from {located}, lint/ and rules/ as of commit {git_commit()}; run as `{' '.join(bench.doclint)}`"
    )
    bench.say(
        f"- Python {platform.python_version()}, autocorrect-py {version_of('autocorrect-py')}, "
        f"rjieba {version_of('rjieba')}, jieba {version_of('jieba')}, numpy {version_of('numpy')}"
    )
    cache = "has `--no-cache`: timings pass it unless a cache is the point" if bench.no_cache else "has no cache option"
    bench.say(f"- doclint {cache}; its user cache directory is pointed into the temporary folder")
    bench.say()


def news_file(bench: Bench) -> tuple[Path, str]:
    text = inputs.joined(inputs.first_chars(inputs.units(bench.shared / "corpus" / "news"), bench.settings.news_chars))
    path = bench.work / "news-1m.txt"
    path.write_text(text, encoding="utf-8")
    return path, text


AUTOCORRECT = (
    "import sys, autocorrect_py\n"
    "path = sys.argv[1]\n"
    "text = open(path, encoding='utf-8').read()\n"
    "print(len(autocorrect_py.lint_for(text, path).lines))\n"
)


def news(bench: Bench, save_baseline: bool) -> None:
    path, text = news_file(bench)
    runs = bench.settings.news_runs
    bench.say(f"## 1. `check` on {len(text):,} characters of news in one file vs autocorrect-py (best of {runs})")
    bench.say()
    bench.say(
        f"Input: the first whole articles of ../shared/corpus/news, {len(text):,} characters in `{path.name}`. "
        f"doclint: `{shown(bench.check('-f', 'json', path.name))}` with the default rules; autocorrect-py: "
        "`python -c 'autocorrect_py.lint_for(text, path)'`; both whole processes, start-up included."
    )
    bench.say()
    ours, our_runs = best_of(runs, bench.check("-f", "json", path.name), cwd=bench.work, env=bench.env, timeout=900)
    theirs, their_runs = best_of(runs, [sys.executable, "-c", AUTOCORRECT, path.name], cwd=bench.work, timeout=900)
    problem = failed(ours)
    report = json.loads(ours.stdout) if problem is None else {"findings": []}
    their_count = theirs.stdout.decode().strip() if theirs.returncode == 0 else f"failed: {theirs.stderr[-200:]!r}"
    rows = [
        [
            "doclint check",
            seconds(ours.seconds),
            f"{len(text) / ours.seconds:,.0f}",
            megabytes(ours.max_rss),
            problem or f"{len(report['findings']):,} findings",
            ", ".join(map(seconds, our_runs)),
        ],
        [
            "autocorrect-py lint_for",
            seconds(theirs.seconds),
            f"{len(text) / theirs.seconds:,.0f}",
            megabytes(theirs.max_rss),
            f"{their_count} lines to change",
            ", ".join(map(seconds, their_runs)),
        ],
    ]
    table(bench, ["tool", "seconds", "characters/s", "peak memory", "found", "every run (s)"], rows)
    ratio = ours.seconds / theirs.seconds
    bench.say(
        f"**time doclint / autocorrect-py = {ratio:.2f}** (≤ 1.00: doclint at least as fast; goal 0.50) — "
        f"doclint is {1 / ratio:.2f}× autocorrect-py's speed"
    )
    bench.say()
    bench.target("news 1 M: time doclint / autocorrect-py", f"{ratio:.2f}", "≤ 1.00 (goal 0.50)", ratio <= 1)
    if problem is None:
        compare_with_baseline(bench, report, text, save_baseline)


def finding_keys(findings: list[dict[str, object]]) -> Counter[tuple[object, ...]]:
    return Counter((f["rule"], f["path"], f["line"], f["column"]) for f in findings)


def differences(now: list[dict[str, object]], before: list[dict[str, object]]) -> tuple[int, int, Counter[str]]:
    """Findings (rule, path, line, column) only in ``now``, only in ``before``, and the rules involved."""
    ours, theirs = finding_keys(now), finding_keys(before)
    only_now, only_before = ours - theirs, theirs - ours
    rules: Counter[str] = Counter()
    for key, count in (only_now + only_before).items():
        rules[str(key[0])] += count
    return sum(only_now.values()), sum(only_before.values()), rules


def one_finding_a_line(record: dict[str, object]) -> str:
    """JSON with each finding on a line of its own, so that two baselines diff line by line."""
    findings: list[dict[str, object]] = record["findings"]  # type: ignore[assignment]
    head = json.dumps({k: v for k, v in record.items() if k != "findings"}, ensure_ascii=False)[:-1]
    lines = ",\n".join(json.dumps(f, ensure_ascii=False) for f in findings)
    return f'{head}, "findings": [\n{lines}\n]}}\n'


def compare_with_baseline(bench: Bench, report: dict[str, object], text: str, save: bool) -> None:
    findings: list[dict[str, object]] = report["findings"]  # type: ignore[assignment]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if BASELINE.is_file():
        saved = json.loads(BASELINE.read_text(encoding="utf-8"))
        added, lost, rules = differences(findings, saved["findings"])
        same_input = saved.get("input_sha256") == digest
        bench.say(
            f"Same findings as before the change: {len(findings):,} now, {len(saved['findings']):,} in "
            f"bench/out/news-1m.json (lint/ and rules/ of {saved.get('commit', '?')}); **{added + lost} differ** "
            f"({added} only now, {lost} only in the baseline; compared on rule, path, line, column)."
        )
        if rules:
            bench.say("Differences by rule: " + ", ".join(f"{r} {n}" for r, n in rules.most_common()) + ".")
        if not same_input:
            bench.say("The input differs from the baseline's (the corpus changed?): the comparison means little.")
        bench.target("news 1 M: findings differing from the baseline", str(added + lost), "0", added + lost == 0)
    else:
        bench.say("No baseline yet: `python -m bench.speed --save-baseline --only news` before changing doclint.")
    if save:
        OUT.mkdir(parents=True, exist_ok=True)
        keep = ("rule", "path", "line", "column", "end_line", "end_column", "severity")  # positions, no text
        record = {
            "doclint": version_of("doclint"),
            "commit": git_commit(),
            "input_sha256": digest,
            "input_characters": len(text),
            "findings": [{k: f.get(k) for k in keep} for f in findings],
        }
        BASELINE.write_text(one_finding_a_line(record), encoding="utf-8")
        bench.say(f"Saved {len(findings):,} findings as the baseline in bench/out/news-1m.json.")
    bench.say()


def startup(bench: Bench) -> None:
    runs = bench.settings.startup_runs
    one = bench.work / "one.txt"
    one.write_text(ONE_SENTENCE, encoding="utf-8")
    bench.say(f"## 2. A one-sentence file and `--version` (best of {runs})")
    bench.say()
    cases: list[tuple[str, list[str], str | None, float | None]] = [
        (
            f"`{shown(bench.check('one.txt'))}`",
            bench.check("one.txt"),
            "one-sentence check",
            0.15,
        ),
    ]
    if bench.no_cache:
        cases.append(("`doclint check one.txt`, cache warm", bench.check("one.txt", cache=True), None, None))
    cases += [
        ("`doclint --version`", [*bench.doclint, "--version"], "--version", 0.1),
        ("`python -c pass` (the interpreter alone)", [sys.executable, "-c", "pass"], None, None),
    ]
    rows = []
    for label, command, name, limit in cases:
        best, every = best_of(runs, command, cwd=bench.work, env=bench.env, timeout=300)
        problem = failed(best)
        rows.append([label, problem or seconds(best.seconds), megabytes(best.max_rss), ", ".join(map(seconds, every))])
        if name and limit:
            bench.target(
                f"{name}: seconds", seconds(best.seconds), f"≤ {limit}", problem is None and best.seconds <= limit
            )
    table(bench, ["command", "best seconds", "peak memory", "every run (s)"], rows)


def jobs(bench: Bench) -> None:
    folder = bench.work / "files"
    folder.mkdir()
    pieces = inputs.units(bench.shared / "corpus" / "news")
    written = inputs.split_into_files(pieces, folder, bench.settings.jobs_files)
    runs = bench.settings.jobs_runs
    bench.say(f"## 3. `--jobs 2` vs `--jobs 1` on {bench.settings.jobs_files:,} files (best of {runs})")
    bench.say()
    bench.say(
        f"Input: all of ../shared/corpus/news split at article boundaries into {bench.settings.jobs_files:,} "
        f"files, {written:,} characters. Command: `{shown(bench.check('--jobs', 'N', 'files'))}` "
        "(text report)."
    )
    bench.say()
    results = {}
    for n in (1, 2):
        results[n] = best_of(runs, bench.check("--jobs", str(n), "files"), cwd=bench.work, env=bench.env, timeout=900)
    rows = [
        [
            f"--jobs {n}",
            failed(m) or seconds(m.seconds),
            f"{written / m.seconds:,.0f}",
            megabytes(m.max_rss),
            ", ".join(map(seconds, every)),
        ]
        for n, (m, every) in results.items()
    ]
    table(bench, ["run", "seconds", "characters/s", "peak memory (largest process)", "every run (s)"], rows)
    one, two = results[1][0], results[2][0]
    identical = one.stdout == two.stdout and failed(one) is None and failed(two) is None
    speedup = one.seconds / two.seconds
    bench.say(
        f"**speed-up --jobs 2 over --jobs 1 = {speedup:.2f}×** (target ≥ 1.8×); output byte-identical: "
        f"**{'yes' if identical else 'no'}** ({len(one.stdout):,} and {len(two.stdout):,} bytes)"
    )
    bench.say()
    bench.target("1,000 files: speed-up of --jobs 2", f"{speedup:.2f}×", "≥ 1.8×", speedup >= 1.8)
    bench.target("1,000 files: --jobs 2 output byte-identical", "yes" if identical else "no", "yes", identical)


# --- growth ------------------------------------------------------------------------------------


@dataclass
class Row:
    label: str
    limit: float  # seconds a measurement may take
    chars: dict[int, int]  # size → characters of the input
    floor: float = NOISE_IN_PROCESS  # seconds at 1× below which a ratio is noise
    times: dict[int, float | None] = field(default_factory=dict)  # size → seconds; None: stopped at the limit


def rule_ids() -> list[str]:
    """Ids of the default rule set, in its order."""
    from doclint.engine.config import Config
    from doclint.engine.runner import load_ruleset

    return [rule.id for rule in load_ruleset(Config())]


def _forward(stream: IO[str], lines: Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def in_process(file: Path, rows: list[str], limit: float, env: dict[str, str]) -> dict[str, float | None]:
    """Seconds of each row measured by bench.speed_growth in a child process; a row past ``limit``
    is stopped (None) and the child restarted for the rest."""
    found: dict[str, float | None] = {}
    pending = list(rows)
    errors = file.with_name("growth-errors.txt")
    while pending:
        with errors.open("w", encoding="utf-8") as stderr:
            child = subprocess.Popen(
                [sys.executable, "-m", "bench.speed_growth", str(file), *pending],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                encoding="utf-8",
            )
        lines: Queue[str | None] = Queue()
        threading.Thread(target=_forward, args=(child.stdout, lines), daemon=True).start()
        deadline = time.monotonic() + limit + 60  # start-up and warm-up
        while pending:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except Empty:
                child.kill()
                found[pending.pop(0)] = None
                break
            if line is None:  # the child died: the row it was on failed
                child.wait()
                error = errors.read_text(encoding="utf-8").strip().splitlines()[-1:] or ["no message"]
                raise RuntimeError(f"bench.speed_growth failed on {pending[0]}: {error[0]}")
            message = json.loads(line)
            if "row" in message:
                found[message["row"]] = message["seconds"]
                pending.remove(message["row"])
            deadline = time.monotonic() + limit
        child.wait()
    return found


def whole_process(bench: Bench, file: Path, limit: float) -> float | None:
    measured = run(bench.check("-f", "json", file.name), cwd=file.parent, env=bench.env, timeout=limit)
    return None if failed(measured) else measured.seconds


def ratio_cell(row: Row, size: int, limit: float) -> tuple[str, bool]:
    """t(size×) / (size · t(1×)) as text (size from the exact characters), and whether it is superlinear."""
    base = row.times.get(1)
    if base is None or size not in row.times:
        return "–", False
    grown = row.times[size]
    scale = row.chars[size] / row.chars[1]
    if grown is None:  # stopped at the limit: the ratio is at least this
        return f"> {limit / (scale * base):.2f}", True
    value = grown / (scale * base)
    return f"{value:.2f}", value > GROWTH_LIMIT


def time_cell(row: Row, size: int, limit: float) -> str:
    if size not in row.times:
        return "skipped"
    value = row.times[size]
    return f"> {limit:g}" if value is None else seconds(value)


def growth_table(bench: Bench, rows: list[Row]) -> int:
    """Print the rows; returns how many are superlinear (leaving out those too quick to tell)."""
    header = ["row", *(f"{n}× s" for n in GROWTH_SIZES), *(f"t{n}/({n}·t1)" for n in GROWTH_SIZES[1:]), "flag"]
    printed = []
    flagged = 0
    for row in rows:
        ratios = [ratio_cell(row, n, row.limit) for n in GROWTH_SIZES[1:]]
        superlinear = any(bad for _, bad in ratios)
        first = row.times.get(GROWTH_SIZES[0])
        noise = first is not None and first < row.floor
        flag = ""
        if superlinear:
            flag = f"superlinear? (1× under {seconds(row.floor)} s: noise)" if noise else "**superlinear**"
            flagged += not noise
        times = [time_cell(row, n, row.limit) for n in GROWTH_SIZES]
        printed.append([row.label, *times, *(text for text, _ in ratios), flag])
    table(bench, header, printed)
    return flagged


def growth(bench: Bench) -> None:
    base = bench.settings.growth_base
    limit = bench.settings.growth_limit_s
    corpus = bench.shared / "corpus"
    mixed = list(inputs.balanced([inputs.units(corpus / f) for f in ARTICLE_FOLDERS]))
    available = len(inputs.joined(mixed))
    if base * GROWTH_SIZES[-1] > available:
        base = available // GROWTH_SIZES[-1]
    repeated_base = inputs.first_chars(inputs.units(corpus / "news"), REPEAT_BASE_CHARS)
    series: dict[str, Callable[[int], str]] = {
        "real text (distinct articles)": lambda n: inputs.prefix(inputs.joined(mixed), n * base),
        "worst case: the same articles concatenated many times": lambda n: inputs.prefix(
            inputs.joined(inputs.repeated(repeated_base, n * base)), n * base
        ),
    }
    rules = rule_ids()
    rows = ["@document", "@all", *rules]
    labels = {"@document": "(document model: Document, logical view, profile)", "@all": "all rules (in-process)"}
    one = bench.work / "one.txt"
    one.write_text(ONE_SENTENCE, encoding="utf-8")
    start_up = 0.0
    if bench.settings.growth_whole_process:
        start_up = best_of(3, bench.check(one.name), cwd=bench.work, env=bench.env)[0].seconds
    bench.say(f"## 4. Growth: 1×, 4× and 16× an input of {base:,} characters, for every rule")
    bench.say()
    bench.say(
        "Measured **in-process** (whole-process `--enable RULE` for each of "
        f"{len(rules)} rules × 3 sizes × 2 inputs would spend most of the time starting up): "
        "`python -m bench.speed_growth` loads the rule set once, runs every rule on 5,000 characters "
        "first so one-time loading is not counted, then times each rule on a fresh Document whose "
        "shared model (logical view, profile) is built beforehand, untimed: the first row is that model, "
        "the second all rules as `check` runs them on one file, model included; "
        "`version-divergence` compares the text with a copy carrying one edit per 2,000 characters. "
        f"Rows under 0.1 s are the best of up to 3 runs. A row past {limit:g} s is stopped and not run "
        "at the larger sizes; its ratio is then a lower bound. "
        + (
            "The last row of each table is the whole process, `doclint check -f json`, less the start-up "
            f"(a one-sentence check, best of 3: {seconds(start_up)} s). "
            if bench.settings.growth_whole_process
            else "(The whole-process row is left to the full run: at these sizes start-up drowns it.) "
        )
        + "Ratios use the exact character counts. "
        f"Flag: a ratio above {GROWTH_LIMIT}; not counted in the summary where the 1× time is under "
        f"{seconds(NOISE_IN_PROCESS)} s ({seconds(NOISE_WHOLE_PROCESS)} s for the whole process)."
    )
    bench.say()
    total_flagged = 0
    for name, make in series.items():
        files = {}
        for n in GROWTH_SIZES:
            folder = bench.work / "growth" / f"{len(files)}-{n}"
            folder.mkdir(parents=True, exist_ok=True)
            files[n] = folder / "growth.txt"
            files[n].write_text(make(n), encoding="utf-8")
        chars = {n: len(files[n].read_text(encoding="utf-8")) for n in GROWTH_SIZES}
        sizes = ", ".join(f"{n}× = {chars[n]:,}" for n in GROWTH_SIZES)
        bench.say(f"### {name}")
        bench.say()
        if name.startswith("worst"):
            one_copy = len(inputs.joined(repeated_base))
            copies = ", ".join(f"{chars[n] / one_copy:.0f}" for n in GROWTH_SIZES)
            bench.say(
                f"The first {len(repeated_base)} articles of news ({one_copy:,} characters) "
                f"written about {copies} times over."
            )
        else:
            bench.say(f"Articles of {', '.join(ARTICLE_FOLDERS)} interleaved, about as many characters of each.")
        bench.say(f"Characters: {sizes}.")
        bench.say()
        results = {row: Row(labels.get(row, row), limit, chars) for row in rows}
        whole = Row("all rules (whole process, `doclint check`, less start-up)", limit * 4, chars, NOISE_WHOLE_PROCESS)
        left = list(rows)
        for n in GROWTH_SIZES:
            measured = in_process(files[n], left, limit, bench.env)
            for row, value in measured.items():
                results[row].times[n] = value
            left = [row for row in left if measured.get(row) is not None]
            if bench.settings.growth_whole_process and None not in whole.times.values():
                took = whole_process(bench, files[n], whole.limit)
                whole.times[n] = None if took is None else max(took - start_up, 0.001)
        total_flagged += growth_table(bench, [*results.values(), *([whole] if whole.times else [])])
        shutil.rmtree(bench.work / "growth")
    bench.target("growth: rows above 1.3× of linear", str(total_flagged), "0", total_flagged == 0)


# --- memory ------------------------------------------------------------------------------------


def memory(bench: Bench) -> None:
    settings = bench.settings
    folder = bench.work / "many"
    folder.mkdir()
    corpus = bench.shared / "corpus"
    pieces = [u for f in inputs.FOLDERS for u in inputs.units(corpus / f)]
    written = inputs.write_files(pieces, folder, settings.memory_files, settings.memory_chars)
    jobs = () if settings.memory_jobs == 1 else ("--jobs", str(settings.memory_jobs))
    command = bench.check(*jobs, "many", cache=True)
    bench.say(f"## 5. Peak memory on {written:,} characters in {settings.memory_files:,} files, then again")
    bench.say()
    bench.say(
        f"Input: the six folders of ../shared/corpus, article by article, repeated as needed, "
        f"{settings.memory_files // 100} folders of 100 files. Command: `{shown(command)}` (text report to a file), "
        "first with an empty user cache, "
        "then again over the unchanged files. Memory sampled every 0.1 s (psutil, whole process tree) "
        "and the largest single process (getrusage)."
    )
    bench.say()
    first = run(command, cwd=bench.work, env=bench.env, timeout=settings.memory_limit_s, sample=0.1)
    second = run(command, cwd=bench.work, env=bench.env, timeout=settings.memory_limit_s, sample=0.1)
    rows = []
    for label, m in (("first run", first), ("second run, files unchanged", second)):
        output = f"{m.stdout.count(NEWLINE):,} lines" if failed(m) is None else failed(m)
        began = "–" if m.first_output is None else seconds(m.first_output)
        rows.append([label, seconds(m.seconds), megabytes(m.tree_rss), megabytes(m.max_rss), began, output or ""])
    table(
        bench,
        ["run", "seconds", "peak memory, tree", "peak memory, largest process", "first output after (s)", "report"],
        rows,
    )
    ratio = first.seconds / second.seconds
    cache = "" if bench.no_cache else " (doclint has no cache option: the second run does the same work)"
    bench.say(
        f"**time first / second = {ratio:.2f}×** (target ≥ 10× with the cache){cache}; "
        f"reports identical: {'yes' if first.stdout == second.stdout else 'no'}"
    )
    bench.say()
    peak = max(first.tree_rss, second.tree_rss)
    bench.target(
        f"{written / 1e6:.0f} M characters, {settings.memory_files:,} files: peak memory",
        megabytes(peak),
        "≤ 300 MB (for 50 M / 3,000)",
        peak <= 300 * MB if not settings.quick else None,  # the target is for the full size
    )
    bench.target("second run over unchanged files: speed-up", f"{ratio:.2f}×", "≥ 10×", ratio >= 10)
    shutil.rmtree(folder)


# --- main --------------------------------------------------------------------------------------


def summary(bench: Bench, started: float) -> None:
    bench.say("## Summary against issue 11's targets")
    bench.say()
    table(bench, ["measure", "value", "target", "met"], bench.summary, right=4)
    bench.say(f"Whole benchmark: {time.monotonic() - started:.0f} s; load average at the end: {load_average()}.")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller inputs and fewer repeats (about 2 minutes)")
    parser.add_argument("--save-baseline", action="store_true", help="record the news findings in bench/out/")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"sections to run, of {','.join(SECTIONS)}")
    parser.add_argument("--memory-jobs", type=int, default=1, help="--jobs for the memory runs (default 1)")
    args = parser.parse_args(argv)
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section {', '.join(sorted(unknown))} (choose from {', '.join(SECTIONS)})")
    shared = inputs.find_shared()
    if shared is None or not (shared / "corpus" / "news").is_dir():
        raise SystemExit("bench.speed: ../shared/corpus not found beside the checkout (or set DOCLINT_SHARED)")
    settings = Settings.smaller() if args.quick else Settings()
    settings.memory_jobs = args.memory_jobs
    doclint = doclint_command()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="doclint-speed-") as work:
        bench = Bench(settings, shared, Path(work), doclint, has_option(doclint, "--no-cache"))
        header(bench)
        steps: dict[str, Callable[[], None]] = {
            "news": lambda: news(bench, args.save_baseline),
            "startup": lambda: startup(bench),
            "jobs": lambda: jobs(bench),
            "growth": lambda: growth(bench),
            "memory": lambda: memory(bench),
        }
        for name in SECTIONS:
            if name in chosen:
                steps[name]()
        summary(bench, started)
    OUT.mkdir(parents=True, exist_ok=True)
    report = OUT / f"speed-{'quick' if args.quick else 'full'}.md"
    report.write_text("\n".join(bench.lines) + "\n", encoding="utf-8")
    print(f"\n(report saved in {report.relative_to(ROOT)})")


if __name__ == "__main__":
    main()
