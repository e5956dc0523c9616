"""Benchmarks: throughput per rule, how cost grows with size, duplicates at scale, diff vs difflib/dmp.

    python -m bench.run                 # everything, about 10 MB of text (a few minutes on 2 cores)
    python -m bench.run --mb 2 --quick  # a smaller run

Inputs are the real texts of ../shared/corpus/gov (repeated to the requested
size) and the seeds. Times are wall-clock seconds of one run on this machine;
characters are Unicode code points. Nothing here asserts: tests assert, this
measures.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from doclint.document import Document
from doclint.engine.config import Config
from doclint.engine.runner import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "gov"
SEEDS = ROOT / "seeds"


def corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*")) if p.suffix in (".md", ".txt")]


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def per_rule(mb: float) -> None:
    """Characters per second of each rule on the corpus repeated to ``mb`` megabytes of text."""
    texts = corpus_texts()
    docs: list[Document] = []
    size = 0
    copy = 0
    while size < mb * 1_000_000:
        for i, text in enumerate(texts):
            docs.append(Document(f"copy{copy}/{i}.md", text))
            size += len(text.encode("utf-8"))
        copy += 1
    chars = sum(len(d.text) for d in docs)
    seconds, _ = timed(lambda: [d.logical for d in docs])
    print(f"\n## Throughput on {len(docs)} documents, {size / 1e6:.1f} MB, {chars:,} characters\n")
    print("| rule | kind | seconds | characters/s |")
    print("|---|---|---:|---:|")
    print(f"| (logical view, built once per document) | document | {seconds:.2f} | {chars / seconds:,.0f} |")
    for rule in load_ruleset(Config()):
        if rule.kind == "divergence":
            continue
        seconds, _ = timed(lambda rule=rule: sum(1 for d in docs for _ in rule.run(d)))
        print(f"| {rule.id} | {rule.kind} | {seconds:.2f} | {chars / seconds:,.0f} |")


def scaling() -> None:
    """Time of each rule on one document of 1x, 2x, 4x and 8x the corpus: linear cost doubles."""
    base = "\n\n".join(corpus_texts())
    rules = [r for r in load_ruleset(Config()) if r.kind != "divergence"]
    sizes = (1, 2, 4, 8)
    print("\n## Growth with input size (one document; seconds)\n")
    print("| rule | " + " | ".join(f"{n}x ({n * len(base) / 1e6:.1f}M chars)" for n in sizes) + " | 8x / 1x |")
    print("|---|" + "---:|" * (len(sizes) + 1))
    docs = {n: Document("big.md", "\n\n".join([base] * n)) for n in sizes}
    for doc in docs.values():
        _ = doc.logical
    for rule in rules:
        times = [timed(lambda rule=rule, n=n: sum(1 for _ in rule.run(docs[n])))[0] for n in sizes]
        print(f"| {rule.id} | " + " | ".join(f"{t:.2f}" for t in times) + f" | {times[-1] / max(times[0], 1e-9):.1f} |")


def duplicates_at_scale(sentences: int) -> None:
    """duplicate-sentence on one document of ``sentences`` distinct sentences plus 200 pasted copies."""
    rng = random.Random(1)
    clauses = sorted({c for t in corpus_texts() for c in re.split(r"[，。；：！？…\s]", t) if 8 <= len(c) <= 20})
    chosen = [
        f"{rng.choice(clauses)}，{rng.choice(clauses)}。" for _ in range(sentences)
    ]  # real clauses, new sentences
    chosen = list(dict.fromkeys(chosen))
    pasted = sorted(rng.sample(range(len(chosen) - 6000), 200))
    lines = list(chosen)
    for i in reversed(pasted):
        lines.insert(i + rng.randrange(100, 5000), chosen[i])
    text = "\n".join(lines)
    rule = next(r for r in load_ruleset(Config()) if r.id == "duplicate-sentence")
    doc = Document("many.txt", text)
    build, _ = timed(lambda: doc.logical)
    seconds, found = timed(lambda: [f for f in rule.run(doc) if f.severity == "error"])
    copies = {chosen[i] for i in pasted}
    hits = sum(1 for f in found if f.location.text in copies)  # type: ignore[union-attr]
    print(f"\n## Duplicates at scale\n\n{len(lines):,} sentences ({len(text):,} characters), 200 pasted copies:")
    timing = f"logical view {build:.2f} s, duplicate check {seconds:.2f} s"
    print(f"{timing}, {len(found)} errors, {hits} of them the pasted copies")  # type: ignore[arg-type]


def _rewrap(text: str, width: int) -> str:
    out = []
    for para in text.split("\n"):
        out.extend(para[i : i + width] for i in range(0, len(para), width))
        out.append("")
    return "\n".join(out)


def _diff_pair(mb: float) -> tuple[str, str, list[str]]:
    """OLD: corpus text; NEW: the same re-wrapped at 20 characters with scattered one-character edits."""
    base = "\n\n".join(corpus_texts())
    old = "\n\n".join([base] * max(1, round(mb * 1e6 / len(base.encode("utf-8")))))
    rng = random.Random(5)
    chars = list(old)
    spots = sorted(rng.sample([i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"], 100))
    for i in spots:
        chars[i] = "錯"
    return old, _rewrap("".join(chars), 20), ["錯"] * len(spots)


def _run_tool(name: str, old: str, new: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    start = time.perf_counter()
    if name == "doclint":
        rule = next(r for r in load_ruleset(Config()) if r.id == "version-divergence")
        found = list(rule.compare(Document("old.txt", old), Document("new.txt", new)))
        changes = len(found)
        hits = sum(1 for f in found if "錯" in f.location.text)
    elif name == "difflib":
        import difflib

        ops = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
        changes = len(ops)
        hits = sum(1 for _, _, _, j0, j1 in ops if "錯" in new[j0:j1])
    else:
        import diff_match_patch

        dmp = diff_match_patch.diff_match_patch()
        dmp.Diff_Timeout = 0  # no time cap: let it find the real diff
        diffs = dmp.diff_main(old, new)
        changes = sum(1 for op, _ in diffs if op != 0)
        hits = sum(text.count("錯") for op, text in diffs if op == 1)
    queue.put((time.perf_counter() - start, changes, hits))


def diff_benchmark(mb: float, limit: float) -> None:
    pairs = {
        "seeds (print page → web copy)": (
            (SEEDS / "000_034b050a94a1f655.txt").read_text(encoding="utf-8"),
            (SEEDS / "001_194e1401ce89c555.txt").read_text(encoding="utf-8"),
            None,
        ),
        f"corpus ×n ≈ {mb:g} MB, re-wrapped, 100 edits": _diff_pair(mb),
    }
    print(f"\n## Version diff: doclint vs difflib vs diff-match-patch (time limit {limit:g} s)\n")
    print("| pair | tool | seconds | changes reported | planted edits found |")
    print("|---|---|---:|---:|---:|")
    for label, (old, new, planted) in pairs.items():
        for tool in ("doclint", "difflib", "diff-match-patch"):
            queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
            proc = multiprocessing.Process(target=_run_tool, args=(tool, old, new, queue))
            proc.start()
            proc.join(limit)
            if proc.is_alive():
                proc.terminate()
                print(f"| {label} | {tool} | > {limit:g} (stopped) | – | – |")
                continue
            seconds, changes, hits = queue.get()
            found = f"{hits}/{len(planted)}" if planted else "–"
            print(f"| {label} | {tool} | {seconds:.2f} | {changes:,} | {found} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10, help="megabytes of text for the throughput run")
    parser.add_argument("--diff-mb", type=float, default=2, help="megabytes per version in the diff benchmark")
    parser.add_argument("--sentences", type=int, default=100_000, help="sentences in the duplicate benchmark")
    parser.add_argument("--limit", type=float, default=300, help="seconds each diff tool may take")
    parser.add_argument("--quick", action="store_true", help="skip the growth table")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"bench: {CORPUS} not found (the shared corpus sits beside the checkout)")
    per_rule(args.mb)
    if not args.quick:
        scaling()
    duplicates_at_scale(args.sentences)
    diff_benchmark(args.diff_mb, args.limit)


if __name__ == "__main__":
    main()
