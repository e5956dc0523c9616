"""Command line: parse arguments, call the engine, print a report, choose the exit code.

Exit codes: 0 nothing at or above the failing level, 1 something is,
2 doclint could not do its job (bad config or rule, unreadable input, an output it
cannot write) — always one line on stderr, never a traceback.

Only click is imported at start-up; the engine, the checks and their libraries load when a
command needs them, so ``doclint --version`` answers at once.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import click

from doclint import __version__
from doclint.finding import SEVERITIES, severity_rank

if TYPE_CHECKING:
    from doclint.engine.baseline import Filter
    from doclint.engine.config import Config
    from doclint.engine.rule import Rule
    from doclint.engine.runner import Run
    from doclint.errors import DoclintError
    from doclint.finding import Finding
    from doclint.report import Report

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
LEVELS = [*SEVERITIES, "never"]
REPORT_FORMATS = ["text", "json", "jsonl", "sarif", "github", "rdjsonl"]


def _say(message: str) -> None:
    from doclint.report import printable

    with contextlib.suppress(OSError, ValueError, AttributeError):  # stderr gone: the exit code still tells
        click.echo(printable(message), err=True)


def fail(error: DoclintError | str) -> NoReturn:
    _say(f"doclint: error: {error}")
    sys.exit(EXIT_ERROR)


def _prepare_streams() -> None:
    # Chinese messages must not crash a terminal or pipe whose locale is ASCII; a closed
    # standard output (``>&-``) discards the report instead of crashing.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


config_option = click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Config file (default: nearest .doclint.yaml)."
)
rules_option = click.option(
    "--rules",
    "extra_rules",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra rule file or folder (repeatable).",
)
preset_option = click.option("--preset", help="House conventions to apply (gb, tech); overrides the config's preset.")
size_option = click.option(
    "--max-file-size",
    type=click.FloatRange(min=0, min_open=True, max=4096),
    help="Refuse files larger than this many MiB (default 16, or the config's max_file_size).",
)
output_option = click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report to a file.")
fail_level_option = click.option(
    "--fail-level", type=click.Choice(LEVELS), help="Lowest severity that makes the exit code 1."
)
encoding_option = click.option("--encoding", help="Read inputs in this encoding instead of detecting it.")
color_option = click.option(
    "--color/--no-color", default=None, help="Colour the text report (default: when on a terminal)."
)


def _setup(
    config_path: Path | None,
    extra_rules: Sequence[Path],
    preset: str | None = None,
    max_file_size: float | None = None,
    cache: bool = True,
) -> tuple[Config, list[Rule]]:
    from doclint.document.source import MIB
    from doclint.engine.config import load_config
    from doclint.engine.runner import check_rule_ids, load_ruleset

    config = load_config(config_path)
    if preset is not None:
        config.preset, config.preset_source = preset, "--preset"
    if max_file_size is not None:
        config.max_bytes = int(max_file_size * MIB)
    config.cache = cache  # --no-cache: no cached findings (derived indexes and the rule set stay)
    rules = load_ruleset(config, extra_rules)
    check_rule_ids(config, rules)
    return config, rules


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="doclint")
def cli() -> None:
    """doclint — 中文文稿校对检查 / a proofreading linter for Chinese documents."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("-f", "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="text")
@output_option
@config_option
@rules_option
@preset_option
@fail_level_option
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("--enable", multiple=True, help="Run only these rule ids (repeatable).")
@click.option("--disable", multiple=True, help="Do not run these rule ids (repeatable).")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True, help="Check files in parallel.")
@click.option("--baseline", "baseline_path", type=click.Path(path_type=Path), help="Report only findings not in it.")
@click.option("--write-baseline", type=click.Path(path_type=Path), help="Record current findings and exit 0.")
@click.option("--cache/--no-cache", default=True, help="Reuse results of unchanged files (default: on).")
@size_option
@encoding_option
@color_option
@click.option(
    "--fix", "apply_fixes", is_flag=True, help="Repair layout first (as 'doclint fix'), then report the rest."
)
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="Read standard input as a file of this name: its format (.md, .docx) and per-glob overrides.",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    output: Path | None,
    config_path: Path | None,
    extra_rules: tuple[Path, ...],
    preset: str | None,
    fail_level: str | None,
    exit_zero: bool,
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    jobs: int,
    baseline_path: Path | None,
    write_baseline: Path | None,
    cache: bool,
    max_file_size: float | None,
    encoding: str | None,
    color: bool | None,
    apply_fixes: bool,
    stdin_filename: str | None,
) -> None:
    """Check files and folders (default: the current folder); - reads standard input."""
    from doclint.engine import baseline
    from doclint.engine.runner import Run, check_rule_ids

    if stdin_filename is not None:
        if paths and "-" not in paths:
            fail("--stdin-filename names standard input: give - among the paths (or no paths)")
        paths = paths or ("-",)
    config, rules = _setup(config_path, extra_rules, preset, max_file_size, cache)
    config.add_cli_rules(enable, disable)
    check_rule_ids(config, rules)
    if apply_fixes and fix_files(paths or ["."], config, rules, encoding, show_diff=False)[1]:
        sys.exit(EXIT_ERROR)
    known = baseline.read(baseline_path) if baseline_path is not None else None
    checking = Run(
        paths or ["."],
        config,
        rules,
        extra_rules=extra_rules,
        jobs=jobs,
        encoding=encoding,
        use_cache=cache,
        stdin_name=stdin_filename,
    )
    if write_baseline is not None:
        _write_baseline(checking, write_baseline, config.root)
        sys.exit(EXIT_ERROR if checking.errors else EXIT_CLEAN)
    keep = baseline.Filter(known, config.root) if known is not None else None
    failing = _report(checking, rules, config.root, keep, fmt, output, color, fail_level or config.fail_level)
    if checking.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _write_baseline(checking: Run, path: Path, root: Path) -> None:
    """Record the fingerprints of every finding of the run (errors are still reported)."""
    from collections import Counter

    from doclint.engine import baseline
    from doclint.engine.discovery import display
    from doclint.engine.files import write_text_atomically
    from doclint.errors import DoclintError

    counts: Counter[str] = Counter()
    for item in checking:
        if isinstance(item, DoclintError):
            _say(f"doclint: error: {item}")
        else:
            counts[baseline.fingerprint(item, root)] += 1
    write_text_atomically(path, baseline.render(counts))
    _say(f"doclint: wrote {sum(counts.values())} findings to {display(path.as_posix())}")


def _report(
    checking: Run,
    rules: list[Rule],
    root: Path,
    keep: Filter | None,
    fmt: str,
    output: Path | None,
    color: bool | None,
    fail_level: str,
) -> bool:
    """Print the run's findings as they come (streaming formats) or at the end; errors go to
    stderr as they happen. Whether anything reached ``fail_level``."""
    from doclint.errors import DoclintError
    from doclint.report import STREAMING, Report, formats, streamer

    report = Report([], {r.id: r for r in rules}, root=root)
    threshold = severity_rank(fail_level)
    failing = False
    with _destination(output) as out:
        report.color = (out.isatty() if color is None else color) and fmt == "text"
        one, closing = streamer(fmt) if fmt in STREAMING else (None, None)
        for item in checking:
            if isinstance(item, DoclintError):
                _say(f"doclint: error: {item}")
                continue
            if keep is not None and not keep.is_new(item):
                continue
            failing = failing or severity_rank(item.severity) >= threshold
            if one is not None:
                report.count(item)
                out.write(one(item, report))
            else:
                report.findings.append(item)
        report.documents, report.characters = checking.documents, checking.characters
        report.unread = len(checking.errors)
        if closing is not None:
            out.write(closing(report))
        else:
            formats()[fmt](report, out)
    return failing


def exit_code(findings: Sequence[Finding], fail_level: str, exit_zero: bool = False) -> int:
    threshold = severity_rank(fail_level)
    failing = any(severity_rank(f.severity) >= threshold for f in findings)
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN


@contextlib.contextmanager
def _destination(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or ``output`` written atomically (complete, or not at all)."""
    if output is None:
        yield sys.stdout
        _flush_stdout()
        return
    from doclint.engine.files import atomic_output

    with atomic_output(output) as out:
        yield out


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        sys.exit(EXIT_ERROR)  # the reader went away (| head): nothing more to say
    except OSError as exc:
        _discard_stdout()
        fail(f"<stdout>: cannot write report: {exc.strerror or exc}")


def _discard_stdout() -> None:
    # what is left in the buffer can never be written; keep the interpreter's exit quiet
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _emit(report: Report, fmt: str, output: Path | None, color: bool | None) -> None:
    from doclint.report import formats

    with _destination(output) as out:
        report.color = (out.isatty() if color is None else color) and fmt == "text"
        formats()[fmt](report, out)


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option("-f", "--format", "fmt", type=click.Choice([*REPORT_FORMATS, "html"]), default="text")
@output_option
@config_option
@rules_option
@fail_level_option
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when the versions differ (errors still exit 2).")
@size_option
@encoding_option
@color_option
def diff(
    old: str,
    new: str,
    fmt: str,
    output: Path | None,
    config_path: Path | None,
    extra_rules: tuple[Path, ...],
    fail_level: str | None,
    exit_zero: bool,
    max_file_size: float | None,
    encoding: str | None,
    color: bool | None,
) -> None:
    """Compare two versions of a document: every change in words and punctuation, none of layout.

    Findings are located in NEW, with the matching place in OLD as related.
    """
    from doclint.engine.runner import compare_versions, read_document
    from doclint.report import Report

    config, loaded = _setup(config_path, extra_rules, max_file_size=max_file_size)
    comparing = [r for r in loaded if r.kind == "divergence" and config.level_for(r.id, r.level, new) is not None]
    if not comparing:
        fail("no divergence rule is enabled (see 'doclint rules list')")
    old_doc = read_document(old, encoding, config.max_bytes)
    new_doc = read_document(new, encoding, config.max_bytes)
    findings = compare_versions(old_doc, new_doc, comparing, config)
    if fmt == "html":
        from doclint.report.html import render_comparison

        page = render_comparison(old_doc, new_doc, comparing[0])
        with _destination(output) as out:
            out.write(page)
    else:
        report = Report(findings, {r.id: r for r in comparing}, 2, len(old_doc.text) + len(new_doc.text))
        report.root = config.root
        _emit(report, fmt, output, color)
    sys.exit(exit_code(findings, fail_level or config.fail_level, exit_zero))


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--diff", "show_diff", is_flag=True, help="Print what would change as a unified diff; write nothing.")
@click.option("--unsafe", is_flag=True, help="Also apply fixes that change visible characters (punctuation).")
@config_option
@rules_option
@preset_option
@size_option
@encoding_option
def fix(
    paths: tuple[str, ...],
    show_diff: bool,
    unsafe: bool,
    config_path: Path | None,
    extra_rules: tuple[Path, ...],
    preset: str | None,
    max_file_size: float | None,
    encoding: str | None,
) -> None:
    """Repair layout mechanically: join torn paragraphs and wrapped lines, drop stray spaces.

    Only whitespace and line breaks change, never a visible character — unless --unsafe
    is given, which also applies the fixes that do (a half-width comma to a full-width
    one). Files are written atomically and keep their encoding, BOM and line ends.
    Exit 1 with --diff when something would change.
    """
    config, loaded = _setup(config_path, extra_rules, preset, max_file_size)
    changed, failed = fix_files(paths or ["."], config, loaded, encoding, show_diff, unsafe)
    _flush_stdout()
    if failed:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if show_diff and changed else EXIT_CLEAN)


def fix_files(
    paths: Sequence[str],
    config: Config,
    rules: list[Rule],
    encoding: str | None,
    show_diff: bool,
    unsafe: bool = False,
) -> tuple[int, int]:
    """Fix (or, with ``show_diff``, show the fixes of) every file under ``paths``: (changed, failed)."""
    from doclint.engine.fixer import fix as fix_one
    from doclint.engine.fixer import save, unified_diff
    from doclint.engine.runner import STDIN, discover, display, read_document
    from doclint.errors import DoclintError

    changed = failed = 0
    for shown in discover(paths, config):
        if isinstance(shown, DoclintError):
            _say(f"doclint: error: {shown}")
            failed += 1
            continue
        if shown == STDIN:
            fail("fix works on files, not on standard input")
        try:
            doc = read_document(shown, encoding, config.max_bytes)
            if doc.format == "docx":
                _say(f"{display(shown)}: .docx files are not fixed in place (fix the findings in Word)")
                continue
            fixed = fix_one(doc, rules, config, unsafe)
            if fixed.source == doc.source:
                continue
            changed += 1
            if show_diff:
                sys.stdout.write(unified_diff(doc, fixed.source))
            else:
                save(fixed)
                _say(f"fixed {display(shown)}")
        except DoclintError as error:
            _say(f"doclint: error: {error}")
            failed += 1
    return changed, failed


@cli.group()
def rules() -> None:
    """List, explain and test rules."""


@rules.command("list")
@config_option
@rules_option
@preset_option
def rules_list(config_path: Path | None, extra_rules: tuple[Path, ...], preset: str | None) -> None:
    """The rules in effect, with kind and severity."""
    from doclint.report import printable

    config, loaded = _setup(config_path, extra_rules, preset)
    for rule in loaded:
        level = config.level_for(rule.id, rule.level, "") or "off"
        click.echo(printable(f"{rule.id:<28} {rule.kind:<13} {level:<8} {rule.message}"))


@rules.command("show")
@click.argument("rule_id")
@config_option
@rules_option
def rules_show(rule_id: str, config_path: Path | None, extra_rules: tuple[Path, ...]) -> None:
    """Everything about one rule: why it exists, and what it flags and leaves alone."""
    from doclint.engine.loader import did_you_mean
    from doclint.report import printable

    _, loaded = _setup(config_path, extra_rules)
    rule = next((r for r in loaded if r.id == rule_id), None)
    if rule is None:
        fail(f"{rule_id}: no such rule{did_you_mean(rule_id, [r.id for r in loaded])} (see 'doclint rules list')")
    click.echo(printable(describe(rule)), nl=False)


def describe(rule: Rule) -> str:
    lines = [f"{rule.id}  ({rule.kind}, {rule.level})", f"defined at {rule.source}", "", rule.message, ""]
    if rule.description:
        lines += [rule.description, ""]
    lines.append("Flags / 会报告:")
    lines += [f"  ✗ {e.text}" + (f"  → {e.suggestion}" if e.suggestion else "") for e in rule.examples if e.expect_flag]
    lines.append("Leaves alone / 不会报告:")
    lines += [f"  ✓ {e.text}" for e in rule.examples if not e.expect_flag]
    return "\n".join(lines) + "\n"


@rules.command("test")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@config_option
def rules_test(files: tuple[Path, ...], config_path: Path | None) -> None:
    """Run the examples of the given rule files (default: every rule in effect)."""
    from doclint.engine.examples import example_problems
    from doclint.engine.loader import load_rules, rule_files
    from doclint.report import printable

    loaded = load_rules(rule_files(files)) if files else _setup(config_path, ())[1]
    problems = [p for rule in loaded for p in example_problems(rule)]
    for problem in problems:
        click.echo(printable(problem))
    examples = sum(len(r.examples) for r in loaded)
    click.echo(f"{len(loaded)} rules, {examples} examples: {examples - len(problems)} passed, {len(problems)} failed")
    sys.exit(EXIT_FINDINGS if problems else EXIT_CLEAN)


def main(argv: Sequence[str] | None = None) -> None:
    _prepare_streams()
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="doclint", standalone_mode=False)
    except click.exceptions.Abort:
        _say("doclint: interrupted")
        code = EXIT_INTERRUPTED
    except click.ClickException as exc:
        with contextlib.suppress(OSError, ValueError):
            exc.show()
        code = exc.exit_code
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_ERROR)
    except KeyboardInterrupt:
        _say("doclint: interrupted")
        code = EXIT_INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        code = EXIT_ERROR
    except BaseException as exc:  # the last line of defence: one line, never a traceback
        code = _unexpected(exc)
    if not isinstance(code, int):
        code = EXIT_CLEAN
    _flush_final()
    sys.exit(code)


def _unexpected(exc: BaseException) -> int:
    from doclint.errors import DoclintError

    if isinstance(exc, DoclintError):
        _say(f"doclint: error: {exc}")
        return EXIT_ERROR
    if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
        _discard_stdout()
        return EXIT_ERROR
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
        _discard_stdout()
        _say(f"doclint: error: <stdout>: cannot write report: {exc.strerror}")
        return EXIT_ERROR
    if os.environ.get("DOCLINT_DEBUG"):
        import traceback

        traceback.print_exception(exc)
    _say(
        f"doclint: internal error: {type(exc).__name__}: {str(exc)[:300]} "
        "(please report it; DOCLINT_DEBUG=1 shows the traceback)"
    )
    return EXIT_ERROR


def _flush_final() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
    except (OSError, ValueError) as exc:
        _discard_stdout()
        _say(f"doclint: error: <stdout>: cannot write report: {getattr(exc, 'strerror', None) or exc}")
        sys.exit(EXIT_ERROR)
