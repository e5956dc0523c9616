"""Traditional and Simplified script: match in Simplified, report in the document's own script.

The dictionaries behind the misspelling checks are Simplified. A Traditional text (再接再勵)
is converted with OpenCC (``t2s``) before matching, and a suggestion made in Simplified is
written back in Traditional (``s2t``) for the characters it changes, so a reader of a
Traditional document sees 再接再厲, not 再接再厉. OpenCC converts 1 M characters in about
20 ms; a conversion that would change the length of the text (a phrase mapped to one of a
different length) is not used, so offsets stay those of the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

_NEARBY = 20  # characters each side that decide the script of a span


@lru_cache(maxsize=2)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


@dataclass(frozen=True)
class Simplified:
    """A text as the checks read it: ``text`` is Simplified, position for position the original."""

    original: str
    text: str

    @property
    def converted(self) -> bool:
        return self.text != self.original

    def in_original_script(self, start: int, suggestion: str) -> str:
        """``suggestion`` for the span at ``start``, written in the script of the original text.

        Characters the suggestion keeps from the span stay as the original wrote them; only the
        characters it changes are converted back to Traditional, and only when the text around
        the span (``_NEARBY`` characters each side) was written in Traditional."""
        span = self.text[start : start + len(suggestion)]
        original = self.original[start : start + len(suggestion)]
        lo, hi = max(0, start - _NEARBY), start + len(suggestion) + _NEARBY
        if self.text[lo:hi] == self.original[lo:hi]:
            return suggestion  # Simplified here as written (a mixed text is Traditional only in places)
        back = to_traditional(suggestion)
        return (
            "".join(o if s == c else t for o, s, c, t in zip(original, span, suggestion, back, strict=False))
            + back[len(span) :]
        )


@lru_cache(maxsize=4)
def to_simplified(text: str) -> Simplified:
    """``text`` converted to Simplified (OpenCC t2s), or unchanged when conversion would move offsets.

    Cached: the misspelling rules all read the same document."""
    converted = _converter("t2s").convert(text)
    return Simplified(text, converted if len(converted) == len(text) else text)


def to_traditional(text: str) -> str:
    """``text`` in Traditional (OpenCC s2t), character for character; unchanged if the length would change."""
    converted = _converter("s2t").convert(text)
    return converted if len(converted) == len(text) else text
