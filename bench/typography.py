"""The punctuation pack on the test cases of three Chinese typography linters (../shared/peers).

    python -m bench.typography [--cases PATH] [--show]
    python -m bench.typography --corpus     # per rule and folder of ../shared/corpus, against the labels

Each case is a text a peer says is wrong (``flag``, with the categories of what its fix
changes) or right (``pass``). For every flag case and every category that is not a
``convention/…`` one (spaces between Chinese and Latin are a convention doclint honours only
when asked, and the layout pack's business), the rules that category belongs to must report
something; on pass cases nothing may fire. Each peer is run with the preset of the house style
its tests follow (``tech``; zhlint's tests follow the Vue documentation's style, which also
pins half-width brackets, “” quotes and spaces outside quotes — ZHLINT below).

zhlint's ``rules.test.ts`` checks one option at a time, so its outputs are right only with
respect to that option: ``一。 “ 二 ”。 三`` is its output for "no space outside quotes" and keeps
the spaces after 。 and inside the quotes. A pass case that is the fixed text of such a flag
case is scored against the rules of that flag case's categories only (``single-option``);
the strict count, every rule on every pass case, is printed too.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from doclint.document import Document
from doclint.engine.config import Config
from doclint.engine.loader import extend_rule
from doclint.engine.rule import Rule
from doclint.engine.runner import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DOCLINT_SHARED", ROOT.parent / "shared"))
CASES = SHARED / "peers" / "typography_cases.jsonl"
PRESETS: dict[str, dict[str, dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).with_name("typography_presets.yaml")).read_text(encoding="utf-8")
)
# zhlint's own house style (the Vue documentation), on top of the tech preset.
ZHLINT = {
    "punctuation-width": {"brackets": "half-width", "straight_quotes": "full-width"},
    "space-around-punctuation": {"outside_marks": "allow"},
    "quote-style": {"style": "curly"},
}
# Which rules answer for a category of the peers' fixes ("other" is whatever the diff could
# not name: any punctuation rule). Spaces between Chinese characters are the layout pack's.
CATEGORY_RULES = {
    "to-fullwidth-punct": {"punctuation-width"},
    "to-halfwidth-punct": {"punctuation-width"},
    "punct-unification": {"punctuation-width", "interpunct"},
    "quote-style": {"quote-style"},
    "fullwidth-alnum": {"full-width-alphanumeric"},
    "stray-space/fullwidth-punct": {"space-around-punctuation"},
    "stray-space/other": {"space-around-punctuation", "repeated-space"},
    "stray-space/cjk-cjk": {"stray-space"},
    "other": {"*"},
}
SINGLE_OPTION_SOURCE = "test/rules.test.ts"
CORPUS = SHARED / "corpus"
LABELS = Path(__file__).with_name("labels") / "punctuation.tsv"
EXEMPT = "csl_abstracts_"  # journal abstracts with half-width marks throughout: one finding per document


@dataclass(frozen=True)
class Case:
    peer: str
    source: str
    kind: str
    text: str
    fixed: str | None
    cats: tuple[str, ...]

    @property
    def checked(self) -> tuple[str, ...]:
        """The categories doclint answers for (not the Chinese–Latin spacing convention)."""
        return tuple(c for c in self.cats if not c.startswith("convention/"))


def load_cases(path: Path = CASES) -> list[Case]:
    with path.open(encoding="utf-8") as lines:
        raw = [json.loads(line) for line in lines if line.strip()]
    return [Case(c["peer"], c["source"], c["kind"], c["text"], c["fixed"], tuple(c["cat"])) for c in raw]


def ruleset(overrides: dict[str, dict[str, Any]]) -> list[Rule]:
    """The punctuation pack and stray-space, with ``overrides`` merged into their parameters."""
    rules = [r for r in load_ruleset(Config()) if r.kind == "punctuation" or r.id == "stray-space"]
    return [extend_rule(r, overrides[r.id], "preset") if r.id in overrides else r for r in rules]


def profiles() -> dict[str, list[Rule]]:
    # the layout pack's stray-space answers only for spaces between Chinese characters here: the
    # peers space Chinese from Latin, the convention its spaces-around-latin setting follows
    tech = {**PRESETS["tech"], "stray-space": {"convention": "spaces-around-latin"}}
    zhlint = {rule: {**tech.get(rule, {}), **params} for rule, params in ZHLINT.items()}
    return {"tech": ruleset(tech), "zhlint": ruleset({**tech, **zhlint})}


def profile_of(case: Case) -> str:
    return "zhlint" if case.peer == "zhlint" else "tech"


def fired(case: Case, rules: Iterable[Rule]) -> set[str]:
    """Ids of the rules that report anything on the case (Markdown linters read Markdown)."""
    doc = Document("case.txt" if case.peer == "autocorrect" else "case.md", case.text)
    return {rule.id for rule in rules if next(iter(rule.run(doc)), None) is not None}


def answered(category: str, ids: set[str]) -> bool:
    wanted = CATEGORY_RULES[category]
    return bool(ids - {"stray-space"}) if "*" in wanted else bool(wanted & ids)


@dataclass
class Score:
    expected: Counter[str]  # rule -> (flag case, category) pairs it answers for
    reported: Counter[str]
    misses: list[tuple[Case, str, set[str]]]
    strict_false: Counter[str]  # rule -> pass cases it fired on
    false: Counter[str]  # the same, single-option pass cases scored against their option only
    false_cases: list[tuple[Case, set[str]]]
    pass_cases: int

    @property
    def recall(self) -> float:
        return sum(self.reported.values()) / max(1, sum(self.expected.values()))


def score(cases: list[Case]) -> Score:
    rulesets = profiles()
    options = defaultdict(set)  # (peer, fixed text) -> the categories of the flag case it fixes
    for case in cases:
        if case.kind == "flag" and case.fixed is not None:
            options[(case.peer, case.fixed)].update(case.checked)
    result = Score(Counter(), Counter(), [], Counter(), Counter(), [], 0)
    for case in cases:
        ids = fired(case, rulesets[profile_of(case)])
        if case.kind == "flag":
            for category in case.checked:
                rules = sorted(CATEGORY_RULES[category] - {"*"}) or ["(any)"]
                key = " | ".join(rules)
                result.expected[key] += 1
                if answered(category, ids):
                    result.reported[key] += 1
                else:
                    result.misses.append((case, category, ids))
            continue
        result.pass_cases += 1
        result.strict_false.update(ids)
        relevant = ids
        if case.source.endswith(SINGLE_OPTION_SOURCE) and (case.peer, case.text) in options:
            tested = set().union(*(CATEGORY_RULES[c] for c in options[(case.peer, case.text)]))
            relevant = ids & tested
        result.false.update(relevant)
        if relevant:
            result.false_cases.append((case, relevant))
    return result


@dataclass(frozen=True)
class CorpusFinding:
    path: str  # relative to ../shared/corpus
    line: int
    column: int
    rule: str

    @property
    def group(self) -> str:
        folder = self.path.split("/", 1)[0]
        return f"{folder}/{EXEMPT}*" if EXEMPT in self.path else folder


def corpus_findings(corpus: Path = CORPUS) -> tuple[list[CorpusFinding], Counter[str]]:
    """Every warning-and-up finding of the punctuation pack (default settings) on the corpus, and
    the characters of each folder (the exempt abstracts counted apart)."""
    rules = [r for r in load_ruleset(Config()) if r.kind == "punctuation"]
    found: list[CorpusFinding] = []
    chars: Counter[str] = Counter()
    for path in sorted(corpus.glob("*/*")):
        if path.suffix not in (".txt", ".md"):
            continue
        shown = path.relative_to(corpus).as_posix()
        doc = Document.from_file(path)
        chars[CorpusFinding(shown, 0, 0, "").group] += len(doc.text)
        for rule in rules:
            for f in rule.run(doc):
                if f.severity != "info":
                    found.append(CorpusFinding(shown, f.location.line, f.location.column, rule.id))
    return found, chars


def read_labels(path: Path = LABELS) -> dict[tuple[str, int, int, str], str]:
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("path\t") or not line.strip():
            continue
        cells = line.split("\t")
        labels[(cells[0], int(cells[1]), int(cells[2]), cells[3])] = cells[5]
    return labels


def corpus_report() -> None:
    found, chars = corpus_findings()
    labels = read_labels()
    per: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for f in found:
        per[f.group][f.rule] += 1
    print("## ../shared/corpus, warning and up, per 10,000 characters\n")
    print("| folder | characters | punctuation | by rule |")
    print("|---|---:|---:|---|")
    for group in sorted(chars):
        total = sum(per[group].values())
        rules = ", ".join(f"{rule} {n * 1e4 / chars[group]:.3f} ({n})" for rule, n in sorted(per[group].items()))
        print(f"| {group} | {chars[group]:,} | {total * 1e4 / chars[group]:.3f} ({total}) | {rules or '-'} |")
    verdicts = Counter(labels.get((f.path, f.line, f.column, f.rule), "unlabelled") for f in found)
    print(f"\nlabels: {dict(verdicts)}")
    for f in found:
        if (f.path, f.line, f.column, f.rule) not in labels:
            print(f"- unlabelled: {f.path}:{f.line}:{f.column} {f.rule}")


def why(case: Case, flag_texts: set[tuple[str, str]]) -> str:
    """Why a pass case may fire without doclint being wrong (or "GB/T 15834 differs from the peer")."""
    if (case.peer, case.text) in flag_texts:
        return "the same peer flags this very text under another option"
    if case.source.endswith(SINGLE_OPTION_SOURCE):
        return "output of a zhlint test of another single option"
    return "GB/T 15834 differs from the peer"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--show", action="store_true", help="print every miss and every false alarm")
    parser.add_argument("--corpus", action="store_true", help="rates on ../shared/corpus, against the labels")
    args = parser.parse_args()
    if args.corpus:
        if not CORPUS.is_dir():
            raise SystemExit(f"bench: {CORPUS} not found (../shared/corpus sits beside the checkout)")
        corpus_report()
        return
    if not args.cases.is_file():
        raise SystemExit(f"bench: {args.cases} not found (../shared/peers sits beside the checkout)")
    cases = load_cases(args.cases)
    s = score(cases)
    flags = sum(1 for c in cases if c.kind == "flag" and c.checked)
    print(f"## Peer cases: {len(cases)} ({flags} flag cases outside convention/…, {s.pass_cases} pass cases)\n")
    print("| rule(s) answering | flag categories | reported | rate |")
    print("|---|---:|---:|---:|")
    for key in sorted(s.expected):
        print(f"| {key} | {s.expected[key]} | {s.reported[key]} | {s.reported[key] / s.expected[key]:.0%} |")
    total, got = sum(s.expected.values()), sum(s.reported.values())
    print(f"| **all** | {total} | {got} | {got / total:.1%} |\n")
    print("| rule | pass cases it fires on (single-option) | strict |")
    print("|---|---:|---:|")
    for rule in sorted(set(s.strict_false) | set(s.false)):
        print(f"| {rule} | {s.false[rule]} | {s.strict_false[rule]} |")
    print(f"| **any** | {len(s.false_cases)} of {s.pass_cases} | |")
    flag_texts = {(c.peer, c.text) for c in cases if c.kind == "flag"}
    reasons = Counter(why(case, flag_texts) for case, _ in s.false_cases)
    print("\nwhy those pass cases fire: " + ", ".join(f"{n} {reason}" for reason, n in reasons.most_common()))
    if args.show:
        print("\n## Misses")
        for case, category, ids in s.misses:
            print(f"- [{case.peer}] {category}: {case.text!r} (fired: {sorted(ids) or '-'})")
        print("\n## False alarms on pass cases")
        for case, ids in s.false_cases:
            print(f"- [{case.peer}] {sorted(ids)} ({why(case, flag_texts)}): {case.text!r}")


if __name__ == "__main__":
    main()
