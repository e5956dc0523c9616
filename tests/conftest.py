"""Shared fixtures: paths to the real texts, and a way to run doclint as a user does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_PRINT = SEEDS / "000_034b050a94a1f655.txt"  # OCR of the printed page, hard-wrapped
SEED_FLOW = SEEDS / "001_194e1401ce89c555.txt"  # flowed web copy with its own defects
CORPUS = ROOT.parent / "shared" / "corpus" / "gov"
DATA = Path(__file__).resolve().parent / "data"


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*") if p.suffix in (".md", ".txt"))


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/gov is not beside the checkout")


def doclint(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m doclint`` in a subprocess, exactly as the command line does."""
    return subprocess.run(
        [sys.executable, "-m", "doclint", *args],
        cwd=cwd or ROOT,
        input=stdin.decode("utf-8") if stdin is not None else None,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
