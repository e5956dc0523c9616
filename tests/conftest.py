"""Shared fixtures: paths to the real texts, and a way to run doclint as a user does."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# The suite never touches the user's own cache: one private cache folder per test session.
_CACHE = tempfile.mkdtemp(prefix="doclint-test-cache-")
os.environ["DOCLINT_CACHE_DIR"] = _CACHE
os.environ.pop("DOCLINT_NO_CACHE", None)
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

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
    """Run ``python -m doclint`` in a subprocess, exactly as the command line does (standard input
    given as bytes, so a Word file or a GB18030 text can be piped in)."""
    raw = subprocess.run(
        [sys.executable, "-m", "doclint", *args],
        cwd=cwd or ROOT,
        input=stdin,
        capture_output=True,
        timeout=300,
    )
    return subprocess.CompletedProcess(raw.args, raw.returncode, raw.stdout.decode("utf-8"), raw.stderr.decode("utf-8"))
