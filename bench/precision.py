"""Precision and recall on text we did not write: the clean shared corpus, with errors planted by bench.plant.

    python -m bench.precision

Prints, per check: findings per 10,000 characters on the clean corpus (each
must be justified by hand), and recall / precision on planted errors. A
finding at a line the planter names as showing the same damage twice (the
item after a repeated number follows a gap) is not counted as a false alarm.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

from bench.plant import (
    Planted,
    plant_breaks,
    plant_doubled_function_chars,
    plant_numbering,
    plant_pasted_sentences,
    plant_repeated_words,
)
from bench.run import CORPUS
from doclint.document import Document
from doclint.engine.config import Config
from doclint.engine.runner import load_ruleset

RULES = {r.id: r for r in load_ruleset(Config())}
FILES = sorted(p for p in CORPUS.glob("*") if p.suffix in (".md", ".txt"))


def false_alarms() -> None:
    chars = 0
    counts: Counter[str] = Counter()
    for path in FILES:
        doc = Document.from_file(path)
        chars += len(doc.text)
        for rule in RULES.values():
            counts[rule.id] += sum(1 for _ in rule.run(doc))
    print(f"## Clean corpus: {len(FILES)} documents, {chars:,} characters\n")
    print("| rule | findings | per 10,000 characters |")
    print("|---|---:|---:|")
    for rule_id in RULES:
        print(f"| {rule_id} | {counts[rule_id]} | {counts[rule_id] * 10_000 / chars:.2f} |")


def planted(rule_id: str, plant: Callable[[str, random.Random], Planted | None], seeds: range) -> tuple[int, int, int]:
    """(found, missed, false) over every corpus file and seed; false excludes findings on the clean text."""
    found = missed = false = 0
    rule = RULES[rule_id]
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        clean = Counter(f.location.line for f in rule.run(Document(path.name, text)) if f.severity != "info")
        for seed in seeds:
            damaged = plant(text, random.Random(seed))
            if damaged is None:
                continue
            lines = Counter(
                f.location.line for f in rule.run(Document(path.name, damaged.text)) if f.severity != "info"
            )
            found += sum(1 for line in damaged.lines if lines[line])
            missed += sum(1 for line in damaged.lines if not lines[line])
            explained = set(damaged.lines) | set(damaged.also)
            extra = sum(n for line, n in lines.items() if line not in explained)
            false += max(0, extra - sum(clean.values()))
    return found, missed, false


def main() -> None:
    false_alarms()
    print("\n## Planted errors\n")
    print("| error planted | rule | planted | found | recall | false alarms | precision |")
    print("|---|---|---:|---:|---:|---:|---:|")
    cases = [
        ("multi-character word doubled", "repeated-word", lambda t, r: plant_repeated_words(t, r, 20), range(3)),
        ("function character doubled", "repeated-word", lambda t, r: plant_doubled_function_chars(t, r, 20), range(3)),
        ("numbered item deleted (gap)", "numbering-sequence", lambda t, r: plant_numbering(t, r, "gap"), range(10)),
        ("number repeated", "numbering-sequence", lambda t, r: plant_numbering(t, r, "repeat"), range(10)),
        ("two numbers swapped", "numbering-sequence", lambda t, r: plant_numbering(t, r, "swap"), range(10)),
        ("sentence torn by a blank line", "broken-paragraph", lambda t, r: plant_breaks(t, r, 30), range(3)),
        ("sentence pasted again", "duplicate-sentence", lambda t, r: plant_pasted_sentences(t, r, 10), range(3)),
    ]
    for label, rule_id, plant, seeds in cases:
        found, missed, false = planted(rule_id, plant, seeds)
        total = found + missed
        precision = found / (found + false) if found + false else 1.0
        print(f"| {label} | {rule_id} | {total} | {found} | {found / total:.1%} | {false} | {precision:.1%} |")


if __name__ == "__main__":
    main()
