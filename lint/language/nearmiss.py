"""Windows of a text that differ from a dictionary phrase in exactly one character.

A misspelt idiom (再接再励) keeps all its characters but one, so it is found by looking up
every window of the text with one position masked in an index of the phrases with the same
position masked (再接再_ → 再接再厉). Doing that lookup in Python for every character would
cost seconds per million characters, so it is vectorised: each window's masked hash is
computed with numpy for the whole text at once and tested against a bit table of the
phrases' masked hashes; only the few windows whose bit is set (the phrases really there,
near misses, and about 0.5 % hash collisions) are checked exactly in Python.
Longer phrases are probed through their 4-character pieces, so one pass serves every length.
About 80 ms per million characters, once the index is built (about 0.3 s for the
dictionary's 35,000 idioms and set phrases of four characters or more, on first use).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_TABLE_BITS = 25  # 32 M bits (4 MB): about 0.5 % of unrelated windows pass the bit test
_SHIFT = 64 - _TABLE_BITS


_WIDTH = 4  # every phrase is probed through windows of this many characters
_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)  # odd 64-bit


_JOIN = "\x00"
_DIGIT = 0x30  # an entry's offset is written as the character this far past "0"


def _probe_key(k: int, probe: str) -> str:
    """The probe with its character k masked, and k: 再接再厉 at 3 → 3再接再."""
    return str(k) + probe[:k] + probe[k + 1 :]


def _probe_offsets(length: int) -> list[int]:
    """Offsets of 4-character probes that together cover every character of a phrase."""
    offsets = list(range(0, length - _WIDTH + 1, _WIDTH))
    if offsets[-1] != length - _WIDTH:
        offsets.append(length - _WIDTH)
    return offsets


@dataclass(frozen=True)
class NearMiss:
    """``text[start:start + len(phrase)]`` equals ``phrase`` except at ``start + index``."""

    start: int
    phrase: str
    index: int

    @property
    def end(self) -> int:
        return self.start + len(self.phrase)


class NearMissIndex:
    """Phrases of four characters or more, indexed by their 4-character probes with one character masked.

    A phrase one character away from a window of the text has a probe one character away from
    a 4-character window, so one vectorised pass over 4-character windows finds them all; the
    whole phrase is then compared exactly."""

    def __init__(self, phrases: Iterable[str]) -> None:
        import numpy as np  # imported here: a run that never asks for near misses does not pay for numpy

        exact: dict[str, list[str]] = defaultdict(list)
        bits = np.zeros(2**_TABLE_BITS // 8, dtype=np.uint8)
        for phrase in set(phrases):
            if len(phrase) < _WIDTH:
                raise ValueError(f"phrase {phrase!r} is shorter than {_WIDTH} characters")
            for offset in _probe_offsets(len(phrase)):
                probe = phrase[offset : offset + _WIDTH]
                codes = [ord(c) for c in probe]
                full = sum(c * m for c, m in zip(codes, _MULTIPLIERS, strict=True))
                for k in range(_WIDTH):
                    exact[_probe_key(k, probe)].append(chr(_DIGIT + offset) + phrase)
                    slot = ((full - codes[k] * _MULTIPLIERS[k]) & (2**64 - 1)) >> (64 - _TABLE_BITS)
                    bits[slot >> 3] |= 1 << (slot & 7)
        self.bits: np.ndarray = bits
        # probe key -> its phrases, each behind its offset as one character ("0" + offset), joined by \x00:
        # strings, not lists of tuples, so the index unpickles in a tenth of the time it takes to build
        self.exact: dict[str, str] = {key: _JOIN.join(entries) for key, entries in exact.items()}

    def find(self, text: str) -> Iterator[NearMiss]:
        """Every span of ``text`` one character away from a phrase (the phrases themselves excluded)."""
        import numpy as np

        n = len(text)
        m = n - _WIDTH + 1
        if m <= 0:
            return
        shift = np.uint64(_SHIFT)
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        seen: set[tuple[int, str]] = set()
        with np.errstate(over="ignore"):
            full = np.zeros(m, dtype=np.uint64)
            for i, factor in enumerate(_MULTIPLIERS):
                full += codes[i : i + m] * np.uint64(factor)
            for k, factor in enumerate(_MULTIPLIERS):
                slots = (full - codes[k : k + m] * np.uint64(factor)) >> shift
                hit = (self.bits[slots >> np.uint64(3)] >> (slots & np.uint64(7)).astype(np.uint8)) & 1
                for at in np.flatnonzero(hit).tolist():
                    window = text[at : at + _WIDTH]
                    entries = self.exact.get(_probe_key(k, window))
                    for entry in entries.split(_JOIN) if entries else ():
                        offset, phrase = ord(entry[0]) - _DIGIT, entry[1:]
                        start = at - offset
                        if phrase[offset + k] == window[k] or start < 0 or start + len(phrase) > n:
                            continue
                        if len(phrase) > _WIDTH:
                            span = text[start : start + len(phrase)]
                            if sum(a != b for a, b in zip(span, phrase, strict=True)) != 1 or (start, phrase) in seen:
                                continue
                            seen.add((start, phrase))
                        yield NearMiss(start, phrase, offset + k)
