"""Recall and precision of the misspelling checks on real spelling errors nobody here wrote.

    python -m bench.spelling [--level warning] [--show N]
    python -m bench.spelling --corpus [--level warning]    # every finding on ../shared/corpus, per folder

(``DOCLINT_SHARED=/path/to/shared`` when ../shared is not beside the checkout.)

Reads ``../shared/peers/spelling/*.tsv`` (``source<TAB>corrected``, equal lengths; see its
README) and runs every built-in rule whose kind is one of ``KINDS`` on each source line.

Error types, decided mechanically for every position where source and correction differ:

1. Segment the *corrected* sentence (rjieba, dictionary only) and take the word that contains
   the corrected character.
2. **idiom**: that word has two or more characters and the dictionary tags it ``i`` (idiom)
   or ``l`` (set phrase).
3. **non-word**: otherwise, the word has two or more characters and the same span of the
   *source* (with the wrong character) is not a dictionary word.
4. **valid**: everything else — the wrong character is a word by itself (里 for 离) or
   makes another dictionary word (权力 for 权利).

An error is *found* when a finding at or above ``--level`` covers its position, and
*corrected* when that finding's suggestion also has the right character there. A finding is
*true* when it covers at least one error position of its line; every other finding (on a
correct line, or away from the errors of a line) is a false alarm. Precision = true findings
/ all findings. Nothing here feeds back into the rules: no string of these files appears in
the project.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from doclint.document import Document
from doclint.engine.config import Config
from doclint.engine.runner import load_ruleset
from doclint.finding import Finding
from doclint.language.lexicon import lexicon
from doclint.language.segment import tokens

SHARED = Path(os.environ.get("DOCLINT_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
PEERS = SHARED / "peers" / "spelling"
KINDS = {"idiom", "nonword", "wordlist", "confusable", "dedide"}
RANK = {"info": 0, "warning": 1, "error": 2}
TYPES = ("idiom", "non-word", "valid")


@dataclass(frozen=True)
class Error:
    position: int
    right: str
    type: str


def classify(source: str, corrected: str) -> list[Error]:
    """The errors of one line with their mechanical type (see the module docstring)."""
    lex = lexicon()
    words = tokens(corrected)
    errors = []
    for i, (wrong, right) in enumerate(zip(source, corrected, strict=True)):
        if wrong == right:
            continue
        word = next(t for t in words if t.start <= i < t.end)
        if len(word.word) > 1 and lex.pos.get(word.word) in ("i", "l"):
            kind = "idiom"
        elif len(word.word) > 1 and not lex.is_word(source[word.start : word.end]):
            kind = "non-word"
        else:
            kind = "valid"
        errors.append(Error(i, right, kind))
    return errors


def line_findings(rules: list, text: str) -> list[Finding]:  # type: ignore[type-arg]
    doc = Document("line.txt", text)
    return [f for rule in rules for f in rule.run(doc)]


def corpus(rules: list, floor: int) -> None:  # type: ignore[type-arg]
    """Findings of these kinds on the published corpus, per folder, each listed for checking by hand."""
    for folder in sorted(p for p in (SHARED / "corpus").iterdir() if p.is_dir()):
        chars = 0
        started = time.perf_counter()
        found: list[Finding] = []
        for path in sorted(folder.glob("*.*")):
            if path.suffix not in (".txt", ".md"):
                continue
            doc = Document.from_file(path)
            chars += len(doc.text)
            found += [f for rule in rules for f in rule.run(doc) if RANK[f.severity] >= floor]
        seconds = time.perf_counter() - started
        by_rule = Counter(f.rule for f in found)
        rates = ", ".join(f"{r} {n * 1e4 / chars:.2f}" for r, n in sorted(by_rule.items())) or "none"
        print(f"## {folder.name}: {chars:,} characters, {seconds:.1f} s; per 10,000 characters: {rates}")
        for f in found:
            loc = f.location
            print(
                f"  {f.severity:7} {f.rule} {Path(loc.path).name}:{loc.line}:{loc.column} {loc.text} -> {f.suggestion}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--level", default="warning", choices=list(RANK))
    parser.add_argument("--show", type=int, default=0, help="print N false alarms and N misses of each type")
    parser.add_argument("--corpus", action="store_true", help="list the findings on ../shared/corpus instead")
    args = parser.parse_args()
    rules = [r for r in load_ruleset(Config()) if r.kind in KINDS]
    if args.corpus:
        corpus(rules, RANK[args.level])
        return
    files = sorted(PEERS.glob("*.tsv"))
    if not files:
        raise SystemExit(f"no benchmark files under {PEERS}")
    floor = RANK[args.level]
    print(f"rules: {', '.join(r.id for r in rules)}; findings at {args.level} and up\n")
    print("| file | type | errors | found | recall | corrected |")
    print("|---|---|---:|---:|---:|---:|")
    totals: Counter[str] = Counter()
    false_alarms: list[tuple[str, str]] = []
    misses: dict[str, list[tuple[str, str]]] = {t: [] for t in TYPES}
    started = time.perf_counter()
    chars = 0
    for path in files:
        counts: Counter[tuple[str, str]] = Counter()
        for line in path.read_text(encoding="utf-8").splitlines():
            source, _, corrected = line.partition("\t")
            if len(source) != len(corrected):
                continue
            chars += len(source)
            errors = classify(source, corrected)
            found = [f for f in line_findings(rules, source) if RANK[f.severity] >= floor]
            spans = [(f.location.column - 1, f.location.end_column - 1, f) for f in found]
            for a, b, f in spans:
                if any(a <= e.position < b for e in errors):
                    totals["true"] += 1
                else:
                    totals["false"] += 1
                    totals["false on correct lines" if not errors else "false on error lines"] += 1
                    false_alarms.append((f"{f.rule}: {source[a:b]} -> {f.suggestion}", source))
            for e in errors:
                counts[(e.type, "errors")] += 1
                hit = [(a, f) for a, b, f in spans if a <= e.position < b]
                if hit:
                    counts[(e.type, "found")] += 1
                    a, f = hit[0]
                    if f.suggestion and len(f.suggestion) > e.position - a and f.suggestion[e.position - a] == e.right:
                        counts[(e.type, "corrected")] += 1
                else:
                    misses[e.type].append((source[max(0, e.position - 4) : e.position + 5], corrected[e.position]))
            totals["correct lines"] += not errors
        for t in TYPES:
            n, k, c = counts[(t, "errors")], counts[(t, "found")], counts[(t, "corrected")]
            totals[f"{t} errors"] += n
            totals[f"{t} found"] += k
            totals[f"{t} corrected"] += c
            print(f"| {path.name} | {t} | {n} | {k} | {k / max(n, 1):.1%} | {c / max(n, 1):.1%} |")
    for t in TYPES:
        n, k, c = totals[f"{t} errors"], totals[f"{t} found"], totals[f"{t} corrected"]
        print(f"| all | {t} | {n} | {k} | {k / max(n, 1):.1%} | {c / max(n, 1):.1%} |")
    found_total = totals["true"] + totals["false"]
    print(
        f"\nfindings {found_total}: true {totals['true']}, false {totals['false']} "
        f"({totals['false on correct lines']} on the {totals['correct lines']} correct lines, "
        f"{totals['false on error lines']} away from the errors of a line); "
        f"precision {totals['true'] / max(found_total, 1):.3f}"
    )
    print(f"{chars:,} characters in {time.perf_counter() - started:.1f} s")
    if args.show:
        print("\nfalse alarms:")
        for what, source in false_alarms[: args.show]:
            print(f"  {what}    | {source}")
        for t in TYPES:
            print(f"\nmissed ({t}):")
            for context, right in misses[t][: args.show]:
                print(f"  {context}  (should be {right})")


if __name__ == "__main__":
    main()
