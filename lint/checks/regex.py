"""Regex helpers shared by the kinds that take regexes from rule files and config.

A rule's regex comes from a repository's own files, so it is untrusted: ``(a|aa)+$`` on a
40-character line backtracks for hours. Every regex from a rule is therefore compiled with
the ``regex`` package and run with a time bound (``BoundedPattern``); a search that hits the
bound raises :class:`RegexTimeout`, which the engine reports as one line naming the rule, the
regex and the file (exit 2). The bound grows with the text, so a legitimate pattern on a huge
paragraph is not cut short: ``TIMEOUT_BASE_S`` plus ``TIMEOUT_PER_MCHAR_S`` per million
characters searched.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import Any

import regex

from doclint.document.chars import is_cjk

TIMEOUT_BASE_S = 1.0
TIMEOUT_PER_MCHAR_S = 5.0


class RegexTimeout(Exception):
    """A rule's regex ran past its time bound (the engine adds the rule and the file)."""

    def __init__(self, pattern: str, seconds: float) -> None:
        super().__init__(pattern, seconds)
        self.pattern = pattern
        self.seconds = seconds


def time_bound(text: str) -> float:
    return TIMEOUT_BASE_S + TIMEOUT_PER_MCHAR_S * len(text) / 1_000_000


class BoundedPattern:
    """A compiled ``regex`` pattern whose searches give up after :func:`time_bound` seconds.

    It offers the part of ``re.Pattern``'s interface the checks use; match objects are the
    ``regex`` package's, which behave like ``re``'s."""

    def __init__(self, compiled: regex.Pattern[str]) -> None:
        self.compiled = compiled
        self.pattern: str = compiled.pattern
        self.flags: int = compiled.flags
        self.groups: int = compiled.groups
        self.groupindex: dict[str, int] = dict(compiled.groupindex)

    def _bounded(self, method: str, text: str, *args: Any) -> Any:
        seconds = time_bound(text)
        try:
            return getattr(self.compiled, method)(text, *args, timeout=seconds)
        except TimeoutError:
            raise RegexTimeout(self.pattern, seconds) from None

    def search(self, text: str, *args: Any) -> Any:
        return self._bounded("search", text, *args)

    def match(self, text: str, *args: Any) -> Any:
        return self._bounded("match", text, *args)

    def fullmatch(self, text: str, *args: Any) -> Any:
        return self._bounded("fullmatch", text, *args)

    def findall(self, text: str, *args: Any) -> list[Any]:
        return self._bounded("findall", text, *args)

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        seconds = time_bound(text)
        try:
            return self.compiled.sub(repl, text, count, timeout=seconds)
        except TimeoutError:
            raise RegexTimeout(self.pattern, seconds) from None

    def finditer(self, text: str, *args: Any) -> Iterator[Any]:
        iterator = self._bounded("finditer", text, *args)
        try:
            yield from iterator
        except TimeoutError:
            raise RegexTimeout(self.pattern, time_bound(text)) from None

    def __repr__(self) -> str:
        return f"BoundedPattern({self.pattern!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.pattern, self.flags))


def _rebuild(pattern: str, flags: int) -> BoundedPattern:
    return BoundedPattern(regex.compile(pattern, flags))


def compile_regex(pattern: str, flags: int = 0) -> BoundedPattern:
    """Compile ``pattern`` or raise ValueError saying why it cannot work on Chinese text."""
    try:
        compiled = regex.compile(pattern, flags | regex.VERSION0)
    except (regex.error, re.error, ValueError, TypeError, OverflowError, RecursionError) as exc:
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
    bounded = BoundedPattern(compiled)
    try:
        empty = bounded.match("")
    except RegexTimeout:
        empty = None
    if empty:
        raise ValueError(f"regex {pattern!r} matches the empty string")
    return bounded


def check_template(pattern: BoundedPattern, template: str) -> None:
    """Raise ValueError unless ``template`` is a valid replacement for ``pattern`` (``\\1``,
    ``\\g<name>`` naming groups that exist, no stray escapes): checked when the rule loads, so
    ``replace: '\\9'`` cannot crash at the first finding."""
    try:
        # the empty alternative always matches and has every group of the pattern (a newline
        # first, so that a trailing comment of a verbose pattern cannot swallow the "|")
        found = regex.compile(f"{pattern.pattern}\n|", pattern.flags).match("")
        if found is None:
            raise ValueError("cannot check it")
        found.expand(template)
    except (regex.error, re.error, IndexError, ValueError, TypeError, KeyError) as exc:
        raise ValueError(f"replace {template!r} is not a valid replacement for {pattern.pattern!r}: {exc}") from None


def _escaped(pattern: str, index: int) -> bool:
    """Whether the backslash at ``index`` is itself escaped (preceded by an odd run of backslashes)."""
    run = 0
    while index - run - 1 >= 0 and pattern[index - run - 1] == "\\":
        run += 1
    return run % 2 == 1


class Exceptions:
    """Spans of a text covered by exception patterns; a match inside one is not reported."""

    def __init__(self, patterns: Iterable[BoundedPattern | re.Pattern[str]], text: str) -> None:
        spans = sorted(m.span() for p in patterns for m in p.finditer(text) if m.end() > m.start())
        self._starts = [s for s, _ in spans]
        self._max_ends = list(accumulate((e for _, e in spans), max))

    def cover(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start)
        return i > 0 and self._max_ends[i - 1] >= end

    def uncovered(self, matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
        """The matches that no exception covers."""
        return (m for m in matches if not self.cover(*m.span()))


def compile_all(patterns: Iterable[str], flags: int = 0) -> list[BoundedPattern]:
    return [compile_regex(p, flags) for p in patterns]
