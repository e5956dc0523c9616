"""Command line: parse arguments, call the engine, print a report, choose the exit code.

Exit codes: 0 nothing at or above the failing level, 1 something is,
2 doclint could not do its job (bad config or rule, unreadable input).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import click

from doclint import __version__
from doclint.engine import baseline
from doclint.engine.config import LEVELS, Config, load_config
from doclint.engine.examples import example_problems
from doclint.engine.fixer import fix_document, save, unified_diff
from doclint.engine.loader import load_rules, rule_files
from doclint.engine.rule import Rule
from doclint.engine.runner import STDIN, compare_versions, discover, load_ruleset, read_document, run
from doclint.errors import DoclintError
from doclint.finding import Finding, severity_rank
from doclint.report import Report, formats

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(error: DoclintError | str) -> NoReturn:
    click.echo(f"doclint: error: {error}", err=True)
    sys.exit(EXIT_ERROR)


def _stdout_utf8() -> None:
    # Chinese messages must not crash a terminal or pipe whose locale is ASCII.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
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

output_option = click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report to a file.")
fail_level_option = click.option(
    "--fail-level", type=click.Choice(LEVELS), help="Lowest severity that makes the exit code 1."
)
encoding_option = click.option("--encoding", help="Read inputs in this encoding instead of detecting it.")
color_option = click.option(
    "--color/--no-color", default=None, help="Colour the text report (default: when on a terminal)."
)


def _setup(config_path: Path | None, extra_rules: Sequence[Path]) -> tuple[Config, list[Rule]]:
    config = load_config(config_path)
    return config, load_ruleset(config, extra_rules)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="doclint")
def cli() -> None:
    """doclint — 中文文稿校对检查 / a proofreading linter for Chinese documents."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "rdjsonl"]), default="text"
)
@output_option
@config_option
@rules_option
@fail_level_option
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("--enable", multiple=True, help="Run only these rule ids (repeatable).")
@click.option("--disable", multiple=True, help="Do not run these rule ids (repeatable).")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True, help="Check files in parallel.")
@click.option("--baseline", "baseline_path", type=click.Path(path_type=Path), help="Report only findings not in it.")
@click.option("--write-baseline", type=click.Path(path_type=Path), help="Record current findings and exit 0.")
@encoding_option
@color_option
@click.option(
    "--fix", "apply_fixes", is_flag=True, help="Repair layout first (as 'doclint fix'), then report the rest."
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    output: Path | None,
    config_path: Path | None,
    extra_rules: tuple[Path, ...],
    fail_level: str | None,
    exit_zero: bool,
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    jobs: int,
    baseline_path: Path | None,
    write_baseline: Path | None,
    encoding: str | None,
    color: bool | None,
    apply_fixes: bool,
) -> None:
    """Check files and folders (default: the current folder); - reads standard input."""
    config, rules = _setup(config_path, extra_rules)
    if apply_fixes and fix_files(paths or ["."], config, rules, encoding, show_diff=False)[1]:
        sys.exit(EXIT_ERROR)
    config.enable = [*config.enable, *enable]
    config.disable = [*config.disable, *disable]
    result = run(paths or ["."], config, rules, extra_rules=extra_rules, jobs=jobs, encoding=encoding)
    for error in result.errors:
        click.echo(f"doclint: error: {error}", err=True)
    findings = result.findings
    if write_baseline is not None:
        baseline.write(write_baseline, findings)
        click.echo(f"doclint: wrote {len(findings)} findings to {write_baseline}", err=True)
        sys.exit(EXIT_ERROR if result.errors else EXIT_CLEAN)
    if baseline_path is not None:
        findings = baseline.new_findings(findings, baseline.read(baseline_path))
    report = Report(findings, {r.id: r for r in rules}, result.documents, result.characters)
    _emit(report, fmt, output, color)
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(exit_code(findings, fail_level or config.fail_level, exit_zero))


def exit_code(findings: Sequence[Finding], fail_level: str, exit_zero: bool = False) -> int:
    threshold = severity_rank(fail_level)
    failing = any(severity_rank(f.severity) >= threshold for f in findings)
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN


def _emit(report: Report, fmt: str, output: Path | None, color: bool | None) -> None:
    render = formats()[fmt]
    if output is None:
        report.color = sys.stdout.isatty() if color is None else color
        render(report, sys.stdout)
        return
    try:
        with output.open("w", encoding="utf-8") as out:
            render(report, out)
    except OSError as exc:
        fail(f"{output.as_posix()}: cannot write report: {exc.strerror}")


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "rdjsonl", "html"]), default="text"
)
@output_option
@config_option
@rules_option
@fail_level_option
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when the versions differ (errors still exit 2).")
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
    encoding: str | None,
    color: bool | None,
) -> None:
    """Compare two versions of a document: every change in words and punctuation, none of layout.

    Findings are located in NEW, with the matching place in OLD as related.
    """
    config, loaded = _setup(config_path, extra_rules)
    comparing = [r for r in loaded if r.kind == "divergence" and config.level_for(r.id, r.level, new) is not None]
    if not comparing:
        fail("no divergence rule is enabled (see 'doclint rules list')")
    old_doc, new_doc = read_document(old, encoding), read_document(new, encoding)
    findings = compare_versions(old_doc, new_doc, comparing, config)
    if fmt == "html":
        from doclint.report.html import render_comparison

        page = render_comparison(old_doc, new_doc, comparing[0])
        _write_text(page, output)
    else:
        report = Report(findings, {r.id: r for r in comparing}, 2, len(old_doc.text) + len(new_doc.text))
        _emit(report, fmt, output, color)
    sys.exit(exit_code(findings, fail_level or config.fail_level, exit_zero))


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{output.as_posix()}: cannot write report: {exc.strerror}")


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--diff", "show_diff", is_flag=True, help="Print what would change as a unified diff; write nothing.")
@config_option
@rules_option
@encoding_option
def fix(
    paths: tuple[str, ...],
    show_diff: bool,
    config_path: Path | None,
    extra_rules: tuple[Path, ...],
    encoding: str | None,
) -> None:
    """Repair layout mechanically: join torn paragraphs and wrapped lines, drop stray spaces.

    Only whitespace and line breaks change, never a visible character. Files are
    written atomically and keep their encoding and line ends. Exit 1 with --diff
    when something would change.
    """
    config, loaded = _setup(config_path, extra_rules)
    changed, failed = fix_files(paths or ["."], config, loaded, encoding, show_diff)
    if failed:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if show_diff and changed else EXIT_CLEAN)


def fix_files(
    paths: Sequence[str], config: Config, rules: list[Rule], encoding: str | None, show_diff: bool
) -> tuple[int, int]:
    """Fix (or, with ``show_diff``, show the fixes of) every file under ``paths``: (changed, failed)."""
    changed = failed = 0
    for shown in discover(paths, config):
        if shown == STDIN:
            fail("fix works on files, not on standard input")
        try:
            doc = read_document(shown, encoding)
            fixed = fix_document(doc, rules, config)
            if fixed == doc.text:
                continue
            changed += 1
            if show_diff:
                click.echo(unified_diff(doc, fixed), nl=False)
            else:
                save(doc, fixed)
                click.echo(f"fixed {shown}", err=True)
        except DoclintError as error:
            click.echo(f"doclint: error: {error}", err=True)
            failed += 1
    return changed, failed


@cli.group()
def rules() -> None:
    """List, explain and test rules."""


@rules.command("list")
@config_option
@rules_option
def rules_list(config_path: Path | None, extra_rules: tuple[Path, ...]) -> None:
    """The rules in effect, with kind and severity."""
    config, loaded = _setup(config_path, extra_rules)
    for rule in loaded:
        level = config.level_for(rule.id, rule.level, "") or "off"
        click.echo(f"{rule.id:<28} {rule.kind:<13} {level:<8} {rule.message}")


@rules.command("show")
@click.argument("rule_id")
@config_option
@rules_option
def rules_show(rule_id: str, config_path: Path | None, extra_rules: tuple[Path, ...]) -> None:
    """Everything about one rule: why it exists, and what it flags and leaves alone."""
    _, loaded = _setup(config_path, extra_rules)
    rule = next((r for r in loaded if r.id == rule_id), None)
    if rule is None:
        fail(f"{rule_id}: no such rule (see 'doclint rules list')")
    click.echo(describe(rule), nl=False)


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
    loaded = load_rules(rule_files(files)) if files else _setup(config_path, ())[1]
    problems = [p for rule in loaded for p in example_problems(rule)]
    for problem in problems:
        click.echo(problem)
    examples = sum(len(r.examples) for r in loaded)
    click.echo(f"{len(loaded)} rules, {examples} examples: {examples - len(problems)} passed, {len(problems)} failed")
    sys.exit(EXIT_FINDINGS if problems else EXIT_CLEAN)


def main(argv: Sequence[str] | None = None) -> None:
    _stdout_utf8()
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="doclint", standalone_mode=True)
    except DoclintError as error:
        fail(error)
