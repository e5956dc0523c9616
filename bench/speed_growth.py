"""In-process timing of each rule on one text: the worker behind the growth table of bench.speed.

    python -m bench.speed_growth FILE ROW [ROW...]

A row is a rule id, ``@document`` (building the document model: Document, logical view,
profile) or ``@all`` (the document model and every rule in turn, as ``check`` runs one file).
The rule set is loaded once and every rule is first run on the first ``WARM_CHARS``
characters, so one-time loading (dictionaries, indexes, lazy imports) is not counted. Each
rule then runs on a fresh Document of the whole text whose shared model (logical view,
profile) is built beforehand, untimed: a rule's row is its own work, and what else it asks
of the document (segmentation, say) it pays for. A comparing rule (``version-divergence``) compares
the text with a copy carrying one edit per ``EDIT_EVERY`` characters. Fast rows are repeated
(up to ``MAX_RUNS`` within ``REPEAT_SECONDS``) and the fastest run counts.

One JSON line per row is printed as soon as it is measured, so a caller can stop a row that
takes too long and still keep the others.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bench.speed_inputs import with_edits
from doclint.document import Document
from doclint.engine.config import Config
from doclint.engine.rule import Rule
from doclint.engine.runner import load_ruleset

WARM_CHARS = 5_000
EDIT_EVERY = 2_000
MAX_RUNS = 3
REPEAT_SECONDS = 0.1
NAME = "growth.txt"
T = TypeVar("T")


def build(text: str) -> Document:
    """A Document with the model every check reads (attributes a refactor removed are skipped)."""
    doc = Document(NAME, text)
    for part in ("logical", "profile"):
        getattr(doc, part, None)
    return doc


def findings_of(rule: Rule, doc: Document, old: Document | None = None) -> int:
    """Findings of ``rule`` on ``doc`` as ``check`` runs it; with ``old``, a comparing rule compares."""
    if old is not None and rule.kind == "divergence":
        return sum(1 for _ in rule.compare(old, doc))
    return sum(1 for _ in rule.run(doc)) + sum(1 for _ in rule.check.run_corpus([doc], rule))


def model_only(text: str) -> int:
    build(text)
    return 0


def all_rules(doc: Document, rules: dict[str, Rule]) -> int:
    return sum(findings_of(rule, doc) for rule in rules.values())


def timed(prepare: Callable[[], T], work: Callable[[T], int]) -> tuple[float, int]:
    """Fastest of a few runs of ``work`` on what ``prepare`` made (preparation not timed), and its findings."""
    best = float("inf")
    found = 0
    spent = 0.0
    gc.collect()  # the garbage of the rows before is not this row's cost
    for _ in range(MAX_RUNS):
        state = prepare()
        start = time.perf_counter()
        found = work(state)
        seconds = time.perf_counter() - start
        best = min(best, seconds)
        spent += seconds
        if spent >= REPEAT_SECONDS:
            break
    return best, found


def measure(row: str, text: str, rules: dict[str, Rule]) -> tuple[float, int]:
    if row == "@document":
        return timed(lambda: text, model_only)
    if row == "@all":
        return timed(lambda: text, lambda t: all_rules(build(t), rules))
    rule = rules[row]
    if rule.kind == "divergence":
        return timed(
            lambda: (build(text), build(with_edits(text, EDIT_EVERY))),
            lambda pair: findings_of(rule, pair[1], pair[0]),
        )
    return timed(lambda: build(text), lambda doc: findings_of(rule, doc))


def main(argv: list[str]) -> None:
    path, *rows = argv
    text = Path(path).read_text(encoding="utf-8")
    rules = {r.id: r for r in load_ruleset(Config())}
    sample = build(text[:WARM_CHARS])
    for rule in rules.values():
        findings_of(rule, sample, sample)
    print(json.dumps({"ready": True}), flush=True)
    for row in rows:
        seconds, found = measure(row, text, rules)
        print(json.dumps({"row": row, "seconds": seconds, "findings": found}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
