"""Regex helpers shared by the pattern-based kinds: compiling with reasons, and exceptions."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from doclint.document.chars import is_cjk


def compile_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile ``pattern`` or raise ValueError saying why it cannot work on Chinese text."""
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"regex {pattern!r} does not compile: {exc}") from None
    for m in re.finditer(r"\\[bB]", pattern):
        if _escaped(pattern, m.start()):
            continue
        neighbours = pattern[max(0, m.start() - 1) : m.start()] + pattern[m.end() : m.end() + 1]
        if any(is_cjk(ch) for ch in neighbours):
            raise ValueError(
                f"regex {pattern!r} puts a word boundary {m.group()} next to a Chinese character; "
                "Chinese has no spaces between words, so it can never match running text"
            )
    if compiled.match(""):
        raise ValueError(f"regex {pattern!r} matches the empty string")
    return compiled


def _escaped(pattern: str, index: int) -> bool:
    """Whether the backslash at ``index`` is itself escaped (preceded by an odd run of backslashes)."""
    run = 0
    while index - run - 1 >= 0 and pattern[index - run - 1] == "\\":
        run += 1
    return run % 2 == 1


class Exceptions:
    """Spans of a text covered by exception patterns; a match inside one is not reported."""

    def __init__(self, patterns: Iterable[re.Pattern[str]], text: str) -> None:
        spans = sorted(m.span() for p in patterns for m in p.finditer(text) if m.end() > m.start())
        self._starts = [s for s, _ in spans]
        self._max_ends = list(accumulate((e for _, e in spans), max))

    def cover(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start)
        return i > 0 and self._max_ends[i - 1] >= end


def compile_all(patterns: Iterable[str], flags: int = 0) -> list[re.Pattern[str]]:
    return [compile_regex(p, flags) for p in patterns]
