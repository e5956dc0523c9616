"""Traditional and Simplified script: read in Simplified, report in the document's own script.

A document written in Traditional script (a Big5 file from Taiwan or Hong Kong, a 繁體 edition)
is read by every check in Simplified: :func:`reading` converts it once, character for character,
so the dictionary, the segmenter, the rules' patterns and every heuristic see the words they
know, and a Traditional edition of a page gets the findings of its Simplified original. What a
report shows (excerpts, quoted words, suggestions) and what ``fix`` writes is in the document's
own script again (:func:`written_like`). A Simplified document that quotes a few Traditional
names is not converted: a document is read in Simplified only when a good share of its Chinese
characters (``TRADITIONAL_SHARE``) are Traditional.

Within a mostly Simplified text, the misspelling checks (whose dictionaries are Simplified)
still match a Traditional passage through :class:`Simplified`: 再接再勵 is matched as 再接再励 and
answered as 再接再厲, the characters a suggestion changes written back with OpenCC ``s2t``.
OpenCC converts 1 M characters in about 20 ms; a conversion that would change the length of
the text (a phrase mapped to one of a different length) is not used, so offsets stay those of
the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from doclint.document.chars import CJK_CLASS

_NEARBY = 20  # characters each side that decide the script of a span
# OpenCC's conversion to Simplified: tw2s is t2s that first folds the variants Taiwan prints
# (跟著 → 跟着, 屋簷 → 屋檐, 麻痺 → 麻痹), which t2s leaves as they are (python -m bench.inputs).
TO_SIMPLIFIED = "tw2s"
# Share of a document's CJK characters that it changes above which it is written in Traditional.
# Traditional prose changes about a third of them (28-37% for the corpus files in s2tw); Simplified
# prose about one in a thousand (../shared/corpus: at most 0.5% in any file of 1,000 or more).
TRADITIONAL_SHARE = 0.05
_CJK = re.compile(f"[{CJK_CLASS}]")
_QUOTED = re.compile(r"“([^“”]+)”")


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
        end = start + len(suggestion)
        lo, hi = max(0, start - _NEARBY), end + _NEARBY
        if self.text[lo:hi] == self.original[lo:hi]:
            return suggestion  # Simplified here as written (a mixed text is Traditional only in places)
        return written_like(self.text[start:end], self.original[start:end], suggestion)


@lru_cache(maxsize=4)
def to_simplified(text: str) -> Simplified:
    """``text`` converted to Simplified (OpenCC tw2s), or unchanged when conversion would move offsets.

    Cached: the misspelling rules all read the same document."""
    converted = _converter(TO_SIMPLIFIED).convert(text)
    return Simplified(text, converted if len(converted) == len(text) else text)


def to_traditional(text: str) -> str:
    """``text`` in Traditional (OpenCC s2t), character for character; unchanged if the length would change."""
    converted = _converter("s2t").convert(text)
    return converted if len(converted) == len(text) else text


def reading(text: str) -> str:
    """The text the checks read: ``text`` in Simplified if it is written in Traditional, else itself."""
    converted = _converter(TO_SIMPLIFIED).convert(text)
    if len(converted) != len(text) or converted == text:
        return text
    changed = int(np.count_nonzero(_code_points(converted) != _code_points(text)))
    cjk = len(_CJK.findall(text))
    return converted if cjk and changed >= TRADITIONAL_SHARE * cjk else text


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def written_like(read: str, written: str, suggestion: str) -> str:
    """``suggestion`` for a span read as ``read`` and written as ``written``, in the written script:
    a character it keeps from the span is the one the document wrote, one it changes is converted
    to Traditional."""
    if not suggestion:
        return suggestion
    at = read.find(suggestion)
    if at >= 0:
        return written[at : at + len(suggestion)]
    back = to_traditional(suggestion)
    return (
        "".join(w if r == c else t for w, r, c, t in zip(written, read, suggestion, back, strict=False))
        + back[len(read) :]
    )


def quoted_like(read: str, written: str, message: str) -> str:
    """A message about a document written in Traditional, with its quotations (“考核”连写两次,
    “…疫情防” ⏎ “控信息…”, a suggested “抗議”) in Traditional: as the document wrote them where they
    are its words (``read`` and ``written`` are the text around the finding), else converted."""

    # a quotation may run across a line break the view joined (要求 / 健全……): look there too
    flat_read, flat_written = read.replace("\n", ""), written.replace("\n", "")

    def restore(m: re.Match[str]) -> str:
        quoted = m.group(1).strip("…")
        if not quoted:
            return m.group()
        for text, as_written in ((read, written), (flat_read, flat_written)):
            at = text.find(quoted)
            if at >= 0:
                return m.group().replace(quoted, as_written[at : at + len(quoted)])
        return m.group().replace(quoted, to_traditional(quoted))

    return _QUOTED.sub(restore, message)
