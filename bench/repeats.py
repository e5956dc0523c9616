"""repeated-word against every literal repeat of real text, labelled by hand.

    python -m bench.repeats            # recall, precision, error-level precision, naive baseline
    python -m bench.repeats --list     # also every finding and every miss, with its context

The candidates are every match of the naive regex ``([\\u4e00-\\u9fff]{1,8})[ \\u3000]*\\1`` in
``news/``, ``literature/``, ``web/`` and ``reports/`` of ../shared/corpus; ``bench/labels/repeats.tsv``
holds their positions and labels (policy: ``bench/labels/POLICY.md``). A finding counts as
true when it overlaps a candidate labelled ``error``, false when every candidate it overlaps is
labelled ``correct`` (or it overlaps none), and is not scored when it touches only ``unsure``
ones. Recall is over the ``error`` candidates.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from doclint.document import Document
from doclint.engine.config import Config
from doclint.engine.runner import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
LABELLED = {  # label file → the folders it covers
    "development": (ROOT / "bench" / "labels" / "repeats.tsv", ("news", "literature", "web", "reports")),
    "held-out": (ROOT / "bench" / "labels" / "repeats_heldout.tsv", ("academic", "gov")),
}
NAIVE = re.compile(r"([\u4e00-\u9fff]{1,8})[ \u3000]*\1")


@dataclass(frozen=True)
class Candidate:
    path: str
    start: int
    end: int
    label: str
    pattern: str


def candidates(labels: Path, folders: tuple[str, ...]) -> list[Candidate]:
    """The labelled candidates, checked against a fresh extraction from the corpus."""
    rows = [line.rstrip("\n").split("\t") for line in labels.read_text(encoding="utf-8").splitlines()[1:]]
    labelled = {(r[0], int(r[1])): Candidate(r[0], int(r[1]), int(r[1]) + int(r[2]), r[3], r[4]) for r in rows}
    found = []
    for folder in folders:
        for file in sorted(p for p in (CORPUS / folder).glob("*") if p.suffix in (".txt", ".md")):
            text = file.read_text(encoding="utf-8")
            for m in NAIVE.finditer(text):
                key = (f"{folder}/{file.name}", m.start())
                if key not in labelled or labelled[key].end != m.end():
                    raise SystemExit(f"{key}: candidate not labelled; the corpus changed, relabel it")
                found.append(labelled.pop(key))
    if labelled:
        raise SystemExit(f"{len(labelled)} labels match no candidate; the corpus changed, relabel it")
    return found


def offsets(doc: Document, line: int, column: int) -> int:
    return doc.line_starts[line - 1] + column - 1


@dataclass
class Score:
    labels: Counter[str]
    true: int = 0
    false: int = 0
    true_errors: int = 0  # error-level findings that are true
    false_errors: int = 0
    unscored: int = 0
    found: int = 0  # error candidates with a finding
    listing: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true / (self.true + self.false) if self.true + self.false else 1.0

    @property
    def error_precision(self) -> float:
        both = self.true_errors + self.false_errors
        return self.true_errors / both if both else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labels["error"] if self.labels["error"] else 1.0


def evaluate(rule_id: str, which: str) -> Score:
    """Score ``rule_id`` against one labelled set ('development' or 'held-out')."""
    rule = next(r for r in load_ruleset(Config()) if r.id == rule_id)
    cands = candidates(*LABELLED[which])
    by_path: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_path[c.path].append(c)
    score = Score(Counter(c.label for c in cands))
    hit: set[Candidate] = set()
    for path, items in sorted(by_path.items()):
        doc = Document.from_file(CORPUS / path, path)
        for f in rule.run(doc):
            if f.severity == "info":
                continue
            loc = f.location
            a, b = offsets(doc, loc.line, loc.column), offsets(doc, loc.end_line, loc.end_column)
            touched = [c for c in items if c.start < b and a < c.end]
            labels = {c.label for c in touched}
            hit.update(c for c in touched if c.label == "error")
            verdict = "true" if "error" in labels else "unscored" if labels == {"unsure"} else "false"
            if verdict == "true":
                score.true += 1
                score.true_errors += f.severity == "error"
            elif verdict == "false":
                score.false += 1
                score.false_errors += f.severity == "error"
            else:
                score.unscored += 1
            score.listing.append(f"{verdict:8} {f.severity:7} {path}:{a}  {context(doc.text, a, b)}")
    score.found = len(hit)
    for c in cands:
        if c.label == "error" and c not in hit:
            text = (CORPUS / c.path).read_text(encoding="utf-8")
            score.listing.append(f"{'missed':8} {'':7} {c.path}:{c.start}  {context(text, c.start, c.end)}")
    return score


def report(rule_id: str, which: str, show: bool) -> None:
    score = evaluate(rule_id, which)
    labels = score.labels
    print(
        f"\n## {rule_id} on the {which} set: {sum(labels.values()):,} literal repeats in "
        f"{', '.join(LABELLED[which][1])}\n"
    )
    print(f"labels: {labels['error']} error, {labels['correct']:,} correct, {labels['unsure']} unsure\n")
    print("| | reported | true | false | precision | recall |")
    print("|---|---:|---:|---:|---:|---:|")
    naive = labels["error"] / max(1, labels["error"] + labels["correct"])
    print(
        f"| naive regex (every repeat) | {labels['error'] + labels['correct']:,} | {labels['error']} | "
        f"{labels['correct']:,} | {naive:.3f} | 1.000 |"
    )
    print(
        f"| {rule_id}, warning and up | {score.true + score.false} | {score.true} | {score.false} | "
        f"{score.precision:.3f} | {score.found}/{labels['error']} = {score.recall:.3f} |"
    )
    print(
        f"| {rule_id}, error level | {score.true_errors + score.false_errors} | {score.true_errors} | "
        f"{score.false_errors} | {score.error_precision:.3f} | |"
    )
    print(f"\n(not scored: {score.unscored} findings on unsure candidates)")
    if show:
        print("\n" + "\n".join(sorted(score.listing)))


def ratio(true: int, false: int) -> str:
    return f"{true / (true + false):.3f}" if true + false else "n/a"


def context(text: str, a: int, b: int) -> str:
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line_end = len(text) if line_end < 0 else line_end
    return text[max(line_start, a - 15) : a] + "【" + text[a:b] + "】" + text[b : min(line_end, b + 15)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every finding and miss with context")
    parser.add_argument("--rule", default="repeated-word")
    parser.add_argument("--set", choices=[*LABELLED, "all"], default="all")
    args = parser.parse_args()
    for which in LABELLED if args.set == "all" else [args.set]:
        report(args.rule, which, args.list)


if __name__ == "__main__":
    main()
