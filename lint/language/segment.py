"""Word segmentation with offsets and parts of speech (rjieba, dictionary only).

rjieba binds jieba-rs: the same dictionary and algorithm as jieba, compiled, and loaded in
well under 0.1 s. HMM guessing of unknown words is off, so a text always segments the same
way whatever surrounds it, and a doubled character is never glued into a guessed "word".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Token:
    """A word of the text: ``text[start:end] == word``; ``pos`` is jieba's part-of-speech tag."""

    word: str
    start: int
    end: int
    pos: str = ""


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import rjieba

    return rjieba


def words(text: str) -> list[str]:
    """The words of ``text`` in order."""
    return _segmenter().cut(text, hmm=False)


def tokens(text: str, offset: int = 0) -> list[Token]:
    """The words of ``text`` with their spans (shifted by ``offset``) and parts of speech."""
    seg = _segmenter()
    spans = seg.tokenize(text, hmm=False)
    tags = seg.tag(text, hmm=False)
    return [Token(w, a + offset, b + offset, p) for (w, a, b), (_, p) in zip(spans, tags, strict=True)]


def boundaries(text: str) -> set[int]:
    """Offsets where one word ends and the next begins (0 and len(text) included)."""
    found = {0}
    for _, _, end in _segmenter().tokenize(text, hmm=False):
        found.add(end)
    return found


def spans(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for the words of ``text``, without parts of speech (half the cost of ``tokens``)."""
    return _segmenter().tokenize(text, hmm=False)  # type: ignore[no-any-return]


def last_word(text: str) -> str:
    """The last word of ``text`` (of its last few characters, which decide it)."""
    found = words(text[-_TAIL:])
    return found[-1] if found else ""


_TAIL = 8
