"""Baselines: accept today's findings, report only new ones.

A fingerprint is the rule, the file's path relative to the project root, the flagged text and
a little context on each side, with whitespace removed and widths folded. Line numbers are
left out on purpose, so edits elsewhere in a file do not invalidate the baseline, and the path
is normalised, so ``docs/a.txt``, ``./docs/a.txt`` and an absolute path give one fingerprint;
identical fingerprints are counted, so a second copy of a known problem still shows up.

A baseline file is untrusted input like any other: it is read only if it is a regular file of
sane size, and must be exactly ``{"version": 1, "fingerprints": {hex: positive count}}``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from doclint.document.chars import fold_width
from doclint.document.source import MIB, read_regular
from doclint.engine.config import project_path
from doclint.errors import ConfigError
from doclint.finding import Finding

_CONTEXT = 8
MAX_BASELINE_BYTES = 64 * MIB
_FINGERPRINT = re.compile(r"[0-9a-f]{24}")


def _squash(text: str) -> str:
    return "".join(fold_width(text).split())


def fingerprint(finding: Finding, root: Path | None = None) -> str:
    loc = finding.location
    line = loc.excerpt
    col = loc.column - 1
    context = _squash(line[max(0, col - _CONTEXT) : col]) + "|" + _squash(line[col + len(loc.text) :][:_CONTEXT])
    path = project_path(loc.path, root or Path.cwd())
    key = "\x1f".join((finding.rule, path, _squash(loc.text), context))
    return hashlib.sha256(key.encode("utf-8", "backslashreplace")).hexdigest()[:24]


def render(fingerprints: Counter[str]) -> str:
    return json.dumps({"version": 1, "fingerprints": dict(sorted(fingerprints.items()))}, indent=1) + "\n"


def write(path: Path, findings: Iterable[Finding], root: Path | None = None) -> None:
    from doclint.engine.files import write_text_atomically

    write_text_atomically(path, render(Counter(fingerprint(f, root) for f in findings)))


def read(path: Path) -> Counter[str]:
    name = path.as_posix()
    data, _ = read_regular(path, name, MAX_BASELINE_BYTES, ConfigError)
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except RecursionError:
        raise ConfigError(name, "not a doclint baseline (nested too deeply)") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(name, f"not a doclint baseline ({exc.__class__.__name__}: {exc})") from None
    if not isinstance(parsed, dict) or parsed.get("version") != 1 or not isinstance(parsed.get("fingerprints"), dict):
        raise ConfigError(name, 'not a doclint baseline (expected {"version": 1, "fingerprints": {...}})')
    counts: Counter[str] = Counter()
    for key, count in parsed["fingerprints"].items():
        if not _FINGERPRINT.fullmatch(key) or type(count) is not int or not 0 < count < 2**31:
            raise ConfigError(name, f"not a doclint baseline (bad entry {key[:40]!r}: {str(count)[:20]})")
        counts[key] = count
    return counts


class Filter:
    """Passes findings that the baseline does not account for, one at a time (for streaming)."""

    def __init__(self, known: Counter[str], root: Path | None = None) -> None:
        self.left = Counter(known)
        self.root = root

    def is_new(self, finding: Finding) -> bool:
        fp = fingerprint(finding, self.root)
        if self.left[fp] > 0:
            self.left[fp] -= 1
            return False
        return True
