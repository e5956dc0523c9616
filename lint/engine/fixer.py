"""Apply the edits of checks to files: atomically, idempotently, and only what was asked.

Two classes of edit (``Edit.safe``):

* safe edits change nothing but whitespace and line breaks (the visible characters before
  and after are the same — checked here, whatever a check claims), so ``doclint fix`` can
  never alter the words;
* unsafe edits change visible characters (a half-width comma to a full-width one) and are
  applied only with ``doclint fix --unsafe``; reports list them as suggestions.

Overlapping edits keep the first. Fixes are applied round after round until none is left,
so a second run changes nothing. The file is written through :mod:`doclint.engine.files`
(a temporary file renamed over the real target), in its own encoding, BOM and line ends — a
file that mixes line ends keeps each line's own.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from doclint.checks.base import Edit
from doclint.document import Document
from doclint.document.decode import Decoded, encode, with_text
from doclint.engine.config import Config
from doclint.engine.rule import Rule
from doclint.errors import InputError


def visible(text: str) -> str:
    return "".join(text.split())


def collect_edits(doc: Document, rules: Iterable[Rule], config: Config, unsafe: bool = False) -> list[Edit]:
    """Edits from every enabled rule, sorted, without overlaps: safe ones that change only
    whitespace, and with ``unsafe`` also those that change visible characters."""
    source = doc.source  # edits are made on the reading (doc.text) and applied to what the file says
    edits = sorted(
        replace(edit, text=doc.written_text(edit.start, edit.end, edit.text))
        for rule in rules
        if config.level_for(rule.id, rule.level, doc.path) is not None
        for edit in rule.check.edits(doc, rule)
        if 0 <= edit.start <= edit.end <= len(doc.text)
    )
    edits = [
        edit
        for edit in edits
        if source[edit.start : edit.end] != edit.text
        and (visible(source[edit.start : edit.end]) == visible(edit.text) if edit.safe else unsafe)
    ]
    kept: list[Edit] = []
    for edit in edits:
        if not kept or edit.start >= kept[-1].end:
            kept.append(edit)
    return kept


def apply_edits(text: str, edits: list[Edit]) -> str:
    return apply_edits_keeping_line_ends(text, edits, ())[0]


def apply_edits_keeping_line_ends(
    text: str, edits: list[Edit], line_ends: tuple[tuple[int, str], ...]
) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The edited text, and where the original line ends of a mixed file now are (a line break
    inside an edited span is the edit's, and gets the file's usual line end)."""
    out: list[str] = []
    moved: list[tuple[int, str]] = []
    ends = iter(line_ends)
    pending = next(ends, None)
    last = length = 0
    for edit in [*edits, Edit(len(text), len(text), "")]:
        while pending is not None and pending[0] < edit.start:
            if pending[0] >= last:
                moved.append((pending[0] - last + length, pending[1]))
            pending = next(ends, None)
        length += edit.start - last
        out.append(text[last : edit.start])
        out.append(edit.text)
        length += len(edit.text)
        last = edit.end
    return "".join(out), tuple(moved)


def unified_diff(doc: Document, fixed: str) -> str:
    from doclint.report import printable

    return printable(
        "".join(
            difflib.unified_diff(
                doc.source.splitlines(keepends=True),
                fixed.splitlines(keepends=True),
                fromfile=f"a/{doc.path}",
                tofile=f"b/{doc.path}",
            )
        )
    )


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` over the file ``path`` through a temporary file and a rename, keeping its metadata."""
    from doclint.document.source import Stamp
    from doclint.engine.files import replace_file

    try:
        stamp = Stamp.of(Path(os.path.realpath(path)), os.stat(path))
    except OSError as exc:
        raise InputError(path.as_posix(), f"cannot write: {exc.strerror or exc}") from None
    replace_file(stamp, data, path.as_posix())


_MAX_ROUNDS = 10


def fix(doc: Document, rules: Iterable[Rule], config: Config, unsafe: bool = False) -> Document:
    """``doc`` with every fix applied (``doc`` itself when nothing needs fixing).

    Fixes are applied until none is left, because one repair can reveal the next (a joined
    column shows the torn sentence after it), so running fix a second time changes nothing."""
    rules = list(rules)
    current = doc
    for _ in range(_MAX_ROUNDS):
        edits = collect_edits(current, rules, config, unsafe)
        if not edits:
            break
        text, line_ends = apply_edits_keeping_line_ends(current.source, edits, current.decoded.line_ends)
        current = Document(doc.path, text, with_text(current.decoded, text, line_ends), doc.format)
    return current


def fix_document(doc: Document, rules: Iterable[Rule], config: Config, unsafe: bool = False) -> str:
    """The fixed text of ``doc`` (the same text when nothing needs fixing)."""
    return fix(doc, rules, config, unsafe).source


def save(fixed: Document) -> None:
    """Write a fixed document back to the file it was read from."""
    decoded: Decoded = fixed.decoded
    if decoded.stamp is None:
        raise InputError(fixed.path, "was not read from a file; nothing to write")
    from doclint.engine.files import replace_file

    replace_file(decoded.stamp, encode(fixed.source, decoded), fixed.path)
