"""The segmenter's dictionary as data: words, their frequencies and parts of speech.

jieba's ``dict.txt`` (349,046 entries: word, frequency in its training corpus, POS tag) is
what rjieba segments with; we read the same file for the questions segmentation alone does
not answer — how common a word is, whether it is an idiom (tag ``i``) or a set phrase (``l``).
Reading it takes about 0.15 s, so it happens once, on the first question.
"""

from __future__ import annotations

import importlib.util
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Lexicon:
    frequency: dict[str, int]
    pos: dict[str, str]
    total: int

    def is_word(self, word: str) -> bool:
        return self.frequency.get(word, 0) > 0

    def log_probability(self, word: str) -> float:
        """log P(word) as a unigram; words outside the dictionary get the probability of a count of 0.5."""
        return math.log(max(self.frequency.get(word, 0), 0.5) / self.total)

    def words_tagged(self, *tags: str) -> list[str]:
        return [w for w, p in self.pos.items() if p in tags]


def dictionary_file() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the jieba package (its dictionary) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    fields = dictionary_file().read_text(encoding="utf-8").split()
    words = fields[0::3]
    frequency = dict(zip(words, map(int, fields[1::3]), strict=True))
    pos = dict(zip(words, fields[2::3], strict=True))
    return Lexicon(frequency, pos, sum(frequency.values()))


@lru_cache(maxsize=4096)
def suffix_share(char: str) -> int | float:
    """Of the dictionary's words of two or more characters that contain ``char``, the share that
    end in it: near 1 for suffixes (器 0.84, 者 0.90, 们 0.77), low for free words (有 0.14)."""
    counts = _char_positions()
    containing, ending = counts.get(char, (0, 0))
    return ending / containing if containing else 0.0


@lru_cache(maxsize=1)
def _char_positions() -> dict[str, tuple[int, int]]:
    """Per character, how many dictionary words contain it and how many end in it (stored: 0.2 s to count)."""
    from doclint.language.store import stored

    return stored("char_positions", dict, _count_char_positions)


def _count_char_positions() -> dict[str, tuple[int, int]]:
    containing: dict[str, int] = {}
    ending: dict[str, int] = {}
    for word in lexicon().frequency:
        if len(word) < 2:
            continue
        for ch in set(word):
            containing[ch] = containing.get(ch, 0) + 1
        ending[word[-1]] = ending.get(word[-1], 0) + 1
    return {ch: (n, ending.get(ch, 0)) for ch, n in containing.items()}
