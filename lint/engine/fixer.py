"""Apply the safe edits of checks to files: whitespace only, atomically, idempotently.

An edit is accepted only if it changes nothing but whitespace and line breaks
(the visible characters before and after are the same), so a fix can never
alter the words. Overlapping edits keep the first. The file is written to a
temporary file beside it and renamed over it, keeping its encoding, BOM and
line ends; a crash mid-write leaves the original untouched.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from doclint.checks.base import Edit
from doclint.document import Document
from doclint.document.decode import encode
from doclint.engine.config import Config
from doclint.engine.rule import Rule
from doclint.errors import InputError


def visible(text: str) -> str:
    return "".join(text.split())


def collect_edits(doc: Document, rules: Iterable[Rule], config: Config) -> list[Edit]:
    """Whitespace-only edits from every enabled rule, sorted, without overlaps."""
    edits = sorted(
        edit
        for rule in rules
        if config.level_for(rule.id, rule.level, doc.path) is not None
        for edit in rule.check.edits(doc, rule)
        if visible(doc.text[edit.start : edit.end]) == visible(edit.text)
        and doc.text[edit.start : edit.end] != edit.text
    )
    kept: list[Edit] = []
    for edit in edits:
        if not kept or edit.start >= kept[-1].end:
            kept.append(edit)
    return kept


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, last = [], 0
    for edit in edits:
        out.append(text[last : edit.start])
        out.append(edit.text)
        last = edit.end
    out.append(text[last:])
    return "".join(out)


def unified_diff(doc: Document, fixed: str) -> str:
    return "".join(
        difflib.unified_diff(
            doc.text.splitlines(keepends=True),
            fixed.splitlines(keepends=True),
            fromfile=f"a/{doc.path}",
            tofile=f"b/{doc.path}",
        )
    )


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, keeping the file's mode."""
    folder = path.parent
    try:
        mode = path.stat().st_mode & 0o7777
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".doclint", dir=folder)
    except OSError as exc:
        raise InputError(path.as_posix(), f"cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(path.as_posix(), f"cannot write: {exc.strerror}") from None


_MAX_ROUNDS = 10


def fix_document(doc: Document, rules: Iterable[Rule], config: Config) -> str:
    """The fixed text of ``doc`` (the same text when nothing needs fixing).

    Fixes are applied until none is left, because one repair can reveal the
    next (a joined column shows the torn sentence after it), so running fix a
    second time changes nothing.
    """
    rules = list(rules)
    text = doc.text
    for _ in range(_MAX_ROUNDS):
        current = Document(doc.path, text, doc.decoded, doc.markdown)
        edits = collect_edits(current, rules, config)
        if not edits:
            break
        text = apply_edits(text, edits)
    return text


def save(doc: Document, fixed: str) -> None:
    write_atomically(Path(doc.path), encode(fixed, doc.decoded))
