"""Run a rule set over documents: discovery, per-document checks, corpus checks.

The order of findings never depends on scheduling: documents keep the order
in which they were named or discovered, and findings within a document are
sorted by position, so ``--jobs 4`` prints exactly what ``--jobs 1`` prints.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from doclint.document import Document
from doclint.document.decode import decode
from doclint.engine import suppress
from doclint.engine.config import Config, matches
from doclint.engine.loader import builtin_packs, builtin_rules_dir, extend_rule, load_rules, rule_files
from doclint.engine.rule import Rule
from doclint.errors import ConfigError, DoclintError
from doclint.finding import Finding

STDIN = "-"


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    errors: list[DoclintError] = field(default_factory=list)
    documents: int = 0
    characters: int = 0


def load_ruleset(config: Config, extra: Sequence[Path] = ()) -> list[Rule]:
    """Built-in packs chosen by the config, plus the config's and the command line's rule files."""
    known = builtin_packs()
    packs = known if config.packs is None else config.packs
    for pack in packs:
        if pack not in known:
            raise ConfigError(config.source or "config", f"unknown pack {pack!r} (built-in: {', '.join(known)})")
    files = rule_files([builtin_rules_dir() / p for p in packs])
    files += rule_files([*config.rules, *extra])
    rules = load_rules(files)
    unknown = set(config.extend) - {r.id for r in rules}
    if unknown:
        raise ConfigError(config.source or "config", f"extend: no such rule {', '.join(sorted(unknown))}")
    return [
        extend_rule(r, config.extend[r.id], config.source or "config") if r.id in config.extend else r for r in rules
    ]


def discover(paths: Sequence[str], config: Config) -> Iterator[str]:
    """Files to lint, as display paths: named files always, folders walked with include/exclude."""
    for given in paths:
        path = Path(given)
        if given == STDIN or not path.is_dir():
            yield given
            continue
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                shown = Path(folder, name).as_posix()
                if any(matches(shown, g) for g in config.include) and not any(
                    matches(shown, g) for g in config.exclude
                ):
                    yield shown


def read_document(shown: str, encoding: str | None = None) -> Document:
    if shown == STDIN:
        decoded = decode(sys.stdin.buffer.read(), "<stdin>", encoding)
        return Document("<stdin>", decoded.text, decoded)
    return Document.from_file(Path(shown), shown, encoding)


def check_document(doc: Document, rules: Iterable[Rule], config: Config) -> list[Finding]:
    """Every rule on one document, with config severities and inline suppressions applied."""
    findings: list[Finding] = []
    for rule in rules:
        level = config.level_for(rule.id, rule.level, doc.path)
        if level is None:
            continue
        findings.extend(_relevel(finding, rule, level) for finding in rule.run(doc))
    return sorted(suppress.apply(doc.text, findings), key=lambda f: f.sort_key)


def _relevel(finding: Finding, rule: Rule, level: str) -> Finding:
    """Apply the configured severity to a finding at the rule's own level. A finding the check
    itself ranked differently (a near duplicate as a warning, a continued page as info) keeps its rank."""
    if finding.severity != rule.level or level == rule.level:
        return finding
    return replace(finding, severity=level)


def check_corpus(docs: Sequence[Document], rules: Iterable[Rule], config: Config) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        for finding in rule.check.run_corpus(docs, rule):
            level = config.level_for(rule.id, rule.level, finding.location.path)
            if level is not None:
                findings.append(_relevel(finding, rule, level))
    suppressions = {d.path: suppress.Suppressions(d.text) for d in docs}
    kept = [f for f in findings if not suppressions[f.location.path].hides(f)]
    return sorted(kept, key=lambda f: f.sort_key)


Outcome = tuple[Document | DoclintError, list[Finding]]


def _check_path(shown: str, rules: list[Rule], config: Config, encoding: str | None) -> Outcome:
    try:
        doc = read_document(shown, encoding)
    except DoclintError as exc:
        return exc, []
    return doc, check_document(doc, rules, config)


def compare_versions(old: Document, new: Document, rules: Iterable[Rule], config: Config) -> list[Finding]:
    """Findings of every comparing rule between two versions, with config severities applied."""
    findings = []
    for rule in rules:
        level = config.level_for(rule.id, rule.level, new.path)
        if level is not None:
            findings.extend(_relevel(f, rule, level) for f in rule.compare(old, new))
    return sorted(findings, key=lambda f: f.sort_key)


# Parallel workers load the rule set once each, then check documents by path.
_worker_state: tuple[list[Rule], Config, str | None] | None = None


def _init_worker(config: Config, extra: Sequence[Path], encoding: str | None) -> None:
    global _worker_state
    _worker_state = (load_ruleset(config, extra), config, encoding)


def _check_path_in_worker(shown: str) -> Outcome:
    assert _worker_state is not None
    return _check_path(shown, *_worker_state)


def run(
    paths: Sequence[str],
    config: Config,
    rules: list[Rule],
    *,
    extra_rules: Sequence[Path] = (),
    jobs: int = 1,
    encoding: str | None = None,
) -> Result:
    """Check every document under ``paths``; unreadable ones become errors, the rest still run."""
    result = Result()
    shown = list(dict.fromkeys(discover(paths, config)))
    outcomes: list[Outcome]
    if jobs > 1 and len(shown) > 1 and STDIN not in shown:
        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(config, extra_rules, encoding)) as pool:
            outcomes = list(pool.map(_check_path_in_worker, shown, chunksize=max(1, len(shown) // (jobs * 4))))
    else:
        outcomes = [_check_path(s, rules, config, encoding) for s in shown]
    docs = []
    for outcome, findings in outcomes:
        if isinstance(outcome, DoclintError):
            result.errors.append(outcome)
            continue
        docs.append(outcome)
        result.findings.extend(findings)
        result.characters += len(outcome.text)
    result.documents = len(docs)
    result.findings.extend(check_corpus(docs, rules, config))
    for old, new in config.versions:
        try:
            old_doc, new_doc = read_document(old.as_posix(), encoding), read_document(new.as_posix(), encoding)
        except DoclintError as exc:
            result.errors.append(exc)
            continue
        result.findings.extend(compare_versions(old_doc, new_doc, rules, config))
    return result
