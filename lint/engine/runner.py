"""Run a rule set over documents: per-document checks, corpus checks, version comparisons.

The order of findings never depends on scheduling: documents keep the order in which they
were named or discovered, and findings within a document are sorted by position, so
``--jobs 4`` prints exactly what ``--jobs 1`` prints. Findings stream out document by
document (:class:`Run` is an iterator), so a long run shows progress and holds only what it
must: worker processes are started once, load nothing twice (they inherit the parent's rules
where the platform forks), receive paths and send back findings, never Documents — unless a
rule with corpus scope is enabled, which needs every Document at the end.

Whatever a document does to a check — a regex that backtracks forever, a crash — ends as one
error line naming the rule and the file, never a traceback or a hang.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from doclint.checks.base import Check
from doclint.checks.regex import RegexTimeout
from doclint.document import Document
from doclint.document.source import DEFAULT_MAX_BYTES, read_regular, read_stdin
from doclint.engine import suppress
from doclint.engine.config import Config, project_path
from doclint.engine.discovery import STDIN, discover, display
from doclint.engine.loader import (
    builtin_packs,
    builtin_rule_ids,
    builtin_rules_dir,
    did_you_mean,
    extend_rule,
    load_preset,
    load_rules,
    merge_params,
    rule_files,
)
from doclint.engine.rule import Rule
from doclint.errors import ConfigError, DoclintError, InputError, InternalError
from doclint.finding import Finding


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    errors: list[DoclintError] = field(default_factory=list)
    documents: int = 0
    characters: int = 0


def load_ruleset(config: Config, extra: Sequence[Path] = ()) -> list[Rule]:
    """Built-in packs chosen by the config, plus the config's and the command line's rule files,
    with the preset's and then the config's ``extend:`` applied."""
    known = builtin_packs()
    packs = known if config.packs is None else config.packs
    for pack in packs:
        if pack not in known:
            raise ConfigError(config.source or "config", f"unknown pack {pack!r} (built-in: {', '.join(known)})")
    files = rule_files([builtin_rules_dir() / p for p in packs])
    files += rule_files([*config.rules, *extra])
    rules = load_rules(files)  # the validated rule set is derived data: kept even under --no-cache
    ids = {r.id for r in rules}
    unknown = sorted(set(config.extend) - ids)
    if unknown:
        where = next((r.where for r in config.references if r.rule_id == unknown[0]), config.source or "config")
        raise ConfigError(where, f"extend: no such rule {unknown[0]!r}{did_you_mean(unknown[0], ids)}")
    extensions: dict[str, list[tuple[dict[str, Any], str]]] = {}
    if config.preset:
        preset, preset_file = load_preset(config.preset, config.preset_source or config.source or "--preset")
        for rule_id, params in preset.items():
            if rule_id in ids:  # a preset may name rules of packs that are not loaded
                extensions.setdefault(rule_id, []).append((params, preset_file))
    for rule_id, params in config.extend.items():
        extensions.setdefault(rule_id, []).append((params, config.source or "config"))
    out = []
    for rule in rules:
        if rule.id in extensions:
            merged: dict[str, Any] = {}
            for params, _ in extensions[rule.id]:
                merged = merge_params(merged, params)
            rule = extend_rule(rule, merged, extensions[rule.id][-1][1])
        out.append(rule)
    return out


def check_rule_ids(config: Config, rules: Sequence[Rule]) -> None:
    """Every rule id the config and command line name must exist (a typo would silently check
    nothing, or leave a rule on); ``enable`` and ``extend`` must name rules that are loaded."""
    loaded = {r.id for r in rules}
    existing = loaded | builtin_rule_ids()
    for ref in config.references:
        if ref.rule_id in loaded or (ref.rule_id in existing and not ref.must_be_loaded):
            continue
        field_name = f"{ref.field}: " if ref.field else ""
        if ref.rule_id in existing:
            raise ConfigError(ref.where, f"{field_name}rule {ref.rule_id!r} is in a pack that is not loaded (packs:)")
        raise ConfigError(ref.where, f"{field_name}unknown rule {ref.rule_id!r}{did_you_mean(ref.rule_id, existing)}")


def known_rule_ids(rules: Sequence[Rule]) -> frozenset[str]:
    return frozenset({r.id for r in rules} | builtin_rule_ids())


# --- checking one document ---------------------------------------------------------------------


def read_document(
    shown: str, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, stdin_name: str | None = None
) -> Document:
    """The document at ``shown`` (``-``: standard input, read as a file called ``stdin_name``)."""
    if shown == STDIN:
        return Document.from_bytes(read_stdin(max_bytes), stdin_name or "<stdin>", encoding, max_bytes=max_bytes)
    return Document.from_file(Path(shown), display(shown), encoding, max_bytes)


def check_document(
    doc: Document, rules: Iterable[Rule], config: Config, known: frozenset[str] | None = None
) -> list[Finding]:
    """Every rule on one document, with config severities and inline suppressions applied."""
    suppressions = suppress.Suppressions(doc.text)
    if suppressions and known is not None:
        for line, action, rule_id in suppressions.unknown(known):
            raise InputError(
                f"{doc.path}:{line}", f"doclint-{action}: unknown rule {rule_id!r}{did_you_mean(rule_id, known)}"
            )
    findings: list[Finding] = []
    for rule in rules:
        level = config.level_for(rule.id, rule.level, doc.path)
        if level is None:
            continue
        with _guard(rule, doc.path):
            findings.extend(_relevel(finding, rule, level) for finding in rule.run(doc))
    if suppressions:
        findings = [f for f in findings if not suppressions.hides(f)]
    return sorted(findings, key=lambda f: f.sort_key)


class _guard:
    """Turn a rule's regex timeout or crash on a document into one error naming both."""

    def __init__(self, rule: Rule, path: str, on: str = "this file") -> None:
        self.rule, self.path, self.on = rule, path, on

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: BaseException | None, tb: Any) -> bool:
        if exc is None or isinstance(exc, (DoclintError, KeyboardInterrupt, SystemExit)):
            return False
        if isinstance(exc, RegexTimeout):
            raise InputError(
                self.path,
                f"rule {self.rule.id} ({self.rule.source}): regex {exc.pattern!r} gave up after "
                f"{exc.seconds:.1f} s (catastrophic backtracking: rewrite its nested or overlapping repeats)",
            ) from None
        if isinstance(exc, MemoryError):
            raise InputError(self.path, f"rule {self.rule.id}: out of memory on {self.on}") from None
        raise InternalError(
            self.path, f"rule {self.rule.id} failed on {self.on} ({type(exc).__name__}: {exc}); please report it"
        ) from None


def _relevel(finding: Finding, rule: Rule, level: str) -> Finding:
    """Apply the configured severity to a finding at the rule's own level. A finding the check
    itself ranked differently (a near duplicate as a warning, a continued page as info) keeps its rank."""
    if finding.severity != rule.level or level == rule.level:
        return finding
    return replace(finding, severity=level)


def corpus_rules(rules: Iterable[Rule], config: Config) -> list[Rule]:
    """The enabled rules that need every document of the run at once."""
    return [r for r in rules if config.rule_enabled(r.id) and r.check.needs_corpus()]


def check_corpus(docs: Sequence[Document], rules: Iterable[Rule], config: Config) -> list[Finding]:
    findings: list[Finding] = []
    by_path = {d.path: d for d in docs}
    for rule in corpus_rules(rules, config):
        with _guard(rule, "doclint", on="the documents of this run together"):
            for finding in rule.check.run_corpus(docs, rule):
                level = config.level_for(rule.id, rule.level, finding.location.path)
                written = by_path[finding.location.path].written(finding)
                if level is not None and written is not None:
                    findings.append(_relevel(written, rule, level))
    if not findings:
        return []
    suppressions = {d.path: suppress.Suppressions(d.text) for d in docs}
    kept = [f for f in findings if not suppressions[f.location.path].hides(f)]
    return sorted(kept, key=lambda f: f.sort_key)


def compare_versions(old: Document, new: Document, rules: Iterable[Rule], config: Config) -> list[Finding]:
    """Findings of every comparing rule between two versions, with config severities applied.

    A NEW version without a visible character, of an OLD one with text, is the whole document
    deleted: one error, whatever the comparing check would grade its paragraphs (and the same
    for an empty OLD)."""
    findings = []
    for rule in rules:
        level = config.level_for(rule.id, rule.level, new.path)
        if level is None:
            continue
        emptied = _emptied(old, new, rule, level)
        if emptied is not None:
            findings.append(emptied)
            continue
        with _guard(rule, new.path):
            findings.extend(_relevel(f, rule, level) for f in rule.compare(old, new))
    return sorted(findings, key=lambda f: f.sort_key)


def _emptied(old: Document, new: Document, rule: Rule, level: str) -> Finding | None:
    old_empty, new_empty = not "".join(old.text.split()), not "".join(new.text.split())
    if type(rule.check).compare is Check.compare or old_empty == new_empty:
        return None
    if new_empty:
        message = "新版本没有任何文字：旧版本的全部内容都被删除 / NEW is empty: all of OLD is deleted"
    else:
        message = "旧版本没有任何文字：新版本的全部内容都是新增 / OLD is empty: all of NEW is inserted"
    related = old.location(0, min(len(old.text), len(old.line_text(1))))
    return Finding(
        rule=rule.id,
        kind=rule.kind,
        severity=level,
        message=message,
        location=new.location(0, min(len(new.text), len(new.line_text(1)))),
        related=(related,),
    )


# --- a whole run ------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What checking one file gives back: small and picklable (findings, not the Document)."""

    shown: str
    findings: list[Finding] = field(default_factory=list)
    characters: int = 0
    error: DoclintError | None = None
    document: Document | None = None  # only when corpus rules need every Document
    cache_key: str | None = None  # set when the findings were computed and may be cached
    cache_hit: str | None = None  # set when they came from the cache (the parent marks it used)


@dataclass
class _Setup:
    """What a worker needs to check files: the same for every file of the run."""

    config: Config
    extra_rules: tuple[Path, ...]
    encoding: str | None
    keep_documents: bool
    known: frozenset[str]
    context: str | None  # digest of rules, config and code for cache keys; None: no cache
    cache_folder: Path | None
    rules: list[Rule] | None = None  # inherited by forked workers; others reload (from the cache)
    stdin_name: str | None = None  # --stdin-filename: the name standard input is read and reported as


class _Checker:
    """Checks files by path; one per process."""

    def __init__(self, setup: _Setup) -> None:
        self.setup = setup
        self.rules = setup.rules if setup.rules is not None else load_ruleset(setup.config, setup.extra_rules)
        self._cache: Any = None
        if setup.context is not None:
            from doclint.engine.cache import ResultCache

            self._cache = ResultCache(setup.cache_folder)

    def check(self, shown: str) -> Outcome:
        try:
            return self._check(shown)
        except DoclintError as error:
            return Outcome(shown, error=error)
        except RecursionError:
            return Outcome(shown, error=InputError(display(shown), "nested too deeply to check"))
        except MemoryError:
            return Outcome(shown, error=InputError(display(shown), "out of memory"))

    def _check(self, shown: str) -> Outcome:
        setup = self.setup
        limit = setup.config.max_bytes
        name = (setup.stdin_name or "<stdin>") if shown == STDIN else display(shown)
        if shown == STDIN:
            data, stamp = read_stdin(limit), None
        else:
            data, stamp = read_regular(Path(shown), name, limit)
        key = cached = None
        if self._cache is not None and self._cache.enabled and shown != STDIN:
            from doclint.engine.cache import content_digest, digest

            key = digest(setup.context, name, project_path(name, setup.config.root), content_digest(data))
            cached = self._cache.get(key)
            if cached is not None and not setup.keep_documents:
                return Outcome(shown, cached[0], cached[1], cache_hit=key)
        doc = Document.from_bytes(data, name, setup.encoding, stamp, limit)
        kept = doc if setup.keep_documents else None
        if cached is not None:
            return Outcome(shown, cached[0], cached[1], document=kept, cache_hit=key)
        findings = check_document(doc, self.rules, setup.config, setup.known)
        return Outcome(shown, findings, len(doc.text), document=kept, cache_key=key)

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()  # it only read: the run's own store writes


_worker: _Checker | None = None


def _init_worker(setup: _Setup) -> None:
    global _worker
    _worker = _Checker(setup)


def _check_in_worker(shown: str) -> Outcome:
    assert _worker is not None
    return _worker.check(shown)


class Run:
    """A run over ``paths``: iterate it for findings and errors in their final order; the
    totals are complete when the iteration ends."""

    def __init__(
        self,
        paths: Sequence[str],
        config: Config,
        rules: list[Rule],
        *,
        extra_rules: Sequence[Path] = (),
        jobs: int = 1,
        encoding: str | None = None,
        use_cache: bool = False,
        stdin_name: str | None = None,
    ) -> None:
        self.paths, self.config, self.rules = list(paths), config, rules
        self.jobs = jobs
        self.documents = 0
        self.characters = 0
        self.errors: list[DoclintError] = []
        folder = None
        context = None
        if use_cache and config.cache:
            from doclint.engine import cache

            folder = cache.cache_root()
            if folder is not None:
                context = cache.digest(
                    cache.code_digest(),
                    [(r.id, r.kind, r.level, r.message, r.params, r.source) for r in rules],
                    _config_key(config),
                    sorted(known_rule_ids(rules)),
                    encoding,
                )
        self.setup = _Setup(
            config=config,
            extra_rules=tuple(extra_rules),
            encoding=encoding,
            keep_documents=bool(corpus_rules(rules, config)),
            known=known_rule_ids(rules),
            context=context,
            cache_folder=folder,
            rules=rules,
            stdin_name=stdin_name,
        )

    def __iter__(self) -> Iterator[Finding | DoclintError]:
        docs: list[Document] = []
        store: Any = None  # opened at the first new result, after any worker has forked
        try:
            for outcome in self._outcomes():
                if outcome.error is not None:
                    self.errors.append(outcome.error)
                    yield outcome.error
                    continue
                self.documents += 1
                self.characters += outcome.characters
                if outcome.document is not None:
                    docs.append(outcome.document)
                if outcome.cache_key is not None or outcome.cache_hit is not None:
                    store = store or self._store()
                    if outcome.cache_key is not None:
                        store.put(outcome.cache_key, outcome.findings, outcome.characters)
                    elif outcome.cache_hit is not None:
                        store.touch(outcome.cache_hit)
                yield from outcome.findings
        finally:
            if store is not None:
                store.close()
        if docs:
            try:
                corpus = check_corpus(docs, self.rules, self.config)
            except DoclintError as exc:
                self.errors.append(exc)
                yield exc
            else:
                yield from corpus
        for old, new in self.config.versions:
            try:
                old_doc = read_document(old.as_posix(), self.setup.encoding, self.config.max_bytes)
                new_doc = read_document(new.as_posix(), self.setup.encoding, self.config.max_bytes)
                yield from compare_versions(old_doc, new_doc, self.rules, self.config)
            except DoclintError as exc:
                self.errors.append(exc)
                yield exc

    def _store(self) -> Any:
        from doclint.engine.cache import ResultCache

        return ResultCache(self.setup.cache_folder)

    def _outcomes(self) -> Iterator[Outcome]:
        shown: list[str] = []
        seen: set[str] = set()
        for item in discover(self.paths, self.config):
            if isinstance(item, DoclintError):
                yield Outcome("", error=item)
            elif item not in seen:
                seen.add(item)
                shown.append(item)
        if self.jobs > 1 and len(shown) > 1 and STDIN not in shown:
            yield from self._parallel(shown)
            return
        checker = _Checker(self.setup)
        try:
            for s in shown:
                yield checker.check(s)
        finally:
            checker.close()

    def _parallel(self, shown: list[str]) -> Iterator[Outcome]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        forking = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if forking else None)
        setup = self.setup
        if forking:
            # The parent checks the first file itself before forking: every lazy structure (the
            # segmenter's dictionary, compiled tables) is then built once and inherited.
            first = _Checker(setup)
            try:
                yield first.check(shown[0])
            finally:
                first.close()
            shown = shown[1:]
        else:
            setup = replace(setup, rules=None)  # spawned workers load the rules (from the cache)
        jobs = min(self.jobs, len(shown))
        chunk = max(1, min(16, len(shown) // (jobs * 8)))
        try:
            with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(setup,)) as pool:
                yield from pool.map(_check_in_worker, shown, chunksize=chunk)
        except BrokenProcessPool:
            yield Outcome(
                "",
                error=InternalError("doclint", "a worker process died (out of memory?); run again with --jobs 1"),
            )


def _config_key(config: Config) -> object:
    return [
        config.root.as_posix(),
        config.enable,
        config.disable,
        config.severity,
        [(o.files, o.disable, o.severity) for o in config.overrides],
        config.max_bytes,
    ]


def run(
    paths: Sequence[str],
    config: Config,
    rules: list[Rule],
    *,
    extra_rules: Sequence[Path] = (),
    jobs: int = 1,
    encoding: str | None = None,
    use_cache: bool = False,
) -> Result:
    """Check every document under ``paths``; unreadable ones become errors, the rest still run."""
    checking = Run(paths, config, rules, extra_rules=extra_rules, jobs=jobs, encoding=encoding, use_cache=use_cache)
    findings = [item for item in checking if isinstance(item, Finding)]
    return Result(findings, checking.errors, checking.documents, checking.characters)
