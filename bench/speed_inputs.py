"""Inputs of the speed benchmark, built from the real texts of ../shared/corpus.

The corpus files hold one article after another, separated by a blank line (``gov/`` keeps
its own layout and splits into paragraphs instead). Every input here is made of whole
units in a fixed order, so the same corpus always gives the same bytes and a saved
baseline of findings can be compared with a later run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("news", "literature", "web", "academic", "reports", "gov")
SEPARATOR = "\n\n"


def find_shared() -> Path | None:
    """../shared beside the checkout (or beside a folder above it, for worktrees); $DOCLINT_SHARED wins."""
    if os.environ.get("DOCLINT_SHARED"):
        return Path(os.environ["DOCLINT_SHARED"])
    for folder in ROOT.parents:
        if (folder / "shared" / "corpus").is_dir():
            return folder / "shared"
    return None


def units(folder: Path) -> list[str]:
    """The folder's articles (paragraphs in ``gov/``), in file order, without empty ones."""
    found = []
    for file in sorted(p for p in folder.glob("*") if p.suffix in (".txt", ".md")):
        text = file.read_text(encoding="utf-8").replace("\r\n", "\n")
        found.extend(u.strip("\n") for u in text.split(SEPARATOR) if u.strip())
    return found


def first_chars(pieces: Iterable[str], chars: int) -> list[str]:
    """Whole pieces from the start until they hold at least ``chars`` characters (joined)."""
    taken: list[str] = []
    size = 0
    for piece in pieces:
        if size >= chars:
            break
        taken.append(piece)
        size += len(piece) + len(SEPARATOR)
    return taken


def joined(pieces: Iterable[str]) -> str:
    return SEPARATOR.join(pieces) + "\n"


def prefix(text: str, chars: int) -> str:
    """The start of ``text``, cut after the last line end within ``chars`` characters."""
    if len(text) <= chars:
        return text
    cut = text.rfind("\n", 0, chars)
    return text[: cut + 1] if cut > 0 else text[:chars]


def balanced(groups: list[list[str]]) -> Iterator[str]:
    """Units of several folders interleaved so that every prefix holds about as many characters
    of each (the folder furthest behind goes next) until one runs out."""
    taken = [0] * len(groups)
    position = [0] * len(groups)
    while all(position[i] < len(g) for i, g in enumerate(groups)):
        i = min(range(len(groups)), key=taken.__getitem__)
        unit = groups[i][position[i]]
        position[i] += 1
        taken[i] += len(unit)
        yield unit


def repeated(pieces: list[str], chars: int) -> list[str]:
    """``pieces`` concatenated over and over (whole copies) until at least ``chars`` characters."""
    one = len(joined(pieces))
    return pieces * max(1, -(-chars // one))


def write_files(pieces: Iterable[str], folder: Path, files: int, chars: int, per_folder: int = 100) -> int:
    """``files`` files of about ``chars / files`` characters each, whole units, cycling through
    ``pieces`` as often as needed; ``per_folder`` files to a subfolder. Returns the characters written."""
    source = cycle(pieces)
    written = 0
    for n in range(files):
        target = chars * (n + 1) / files - written  # what the files so far fell short of, or went over
        body: list[str] = []
        size = 0
        while not body or size < target:
            unit = next(source)
            body.append(unit)
            size += len(unit) + len(SEPARATOR)
        text = joined(body)
        path = folder / f"{n // per_folder:03d}" / f"{n:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written += len(text)
    return written


def split_into_files(pieces: list[str], folder: Path, files: int) -> int:
    """All of ``pieces``, in order, spread over exactly ``files`` files of about equal size
    (needs at least as many pieces as files). Returns the characters written."""
    if len(pieces) < files:
        raise ValueError(f"{len(pieces)} pieces cannot fill {files} files")
    total = sum(len(p) for p in pieces)
    groups: list[list[str]] = [[] for _ in range(files)]
    done = 0
    n = 0
    for i, piece in enumerate(pieces):
        left_pieces = len(pieces) - i
        left_files = files - n - 1
        if groups[n] and n < files - 1 and (done >= total * (n + 1) / files or left_pieces <= left_files):
            n += 1
        groups[n].append(piece)
        done += len(piece)
    written = 0
    for n, group in enumerate(groups):
        text = joined(group)
        (folder / f"{n:04d}.txt").write_text(text, encoding="utf-8")
        written += len(text)
    return written


def with_edits(text: str, every: int) -> str:
    """``text`` with one character in each ``every`` changed (a CJK one replaced by 某 or 甲):
    the new version for timing a comparing rule."""
    chars = list(text)
    for i in range(every // 2, len(chars), every):
        if "\u4e00" <= chars[i] <= "\u9fff":
            chars[i] = "甲" if chars[i] == "某" else "某"
    return "".join(chars)
