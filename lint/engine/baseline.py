"""Baselines: accept today's findings, report only new ones.

A fingerprint is the rule, the flagged text and a little context on each
side, with whitespace removed and widths folded. Line numbers are left out
on purpose, so edits elsewhere in a file do not invalidate the baseline;
identical fingerprints are counted, so a second copy of a known problem
still shows up.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from doclint.document.chars import fold_width
from doclint.errors import ConfigError
from doclint.finding import Finding

_CONTEXT = 8


def _squash(text: str) -> str:
    return "".join(fold_width(text).split())


def fingerprint(finding: Finding) -> str:
    loc = finding.location
    line = loc.excerpt
    col = loc.column - 1
    context = _squash(line[max(0, col - _CONTEXT) : col]) + "|" + _squash(line[col + len(loc.text) :][:_CONTEXT])
    key = "\x1f".join((finding.rule, loc.path, _squash(loc.text), context))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def write(path: Path, findings: Iterable[Finding]) -> None:
    counts = Counter(fingerprint(f) for f in findings)
    data = {"version": 1, "fingerprints": dict(sorted(counts.items()))}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def read(path: Path) -> Counter[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Counter({str(k): int(v) for k, v in data["fingerprints"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(path.as_posix(), f"not a doclint baseline ({exc.__class__.__name__}: {exc})") from None


def new_findings(findings: Iterable[Finding], known: Counter[str]) -> list[Finding]:
    left = Counter(known)
    fresh = []
    for finding in findings:
        fp = fingerprint(finding)
        if left[fp] > 0:
            left[fp] -= 1
        else:
            fresh.append(finding)
    return fresh
