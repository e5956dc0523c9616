"""The spacing convention: does the document put a space between Chinese and Latin or digits?

Chinese technical writing and most style guides for software (and the linters autocorrect,
zhlint, lint-md) write 使用 Python 脚本; newspapers and official documents (GB/T-style copy)
write 使用Python脚本. Numbers are a class of their own: the same blog that spaces Python often
writes 2019年 (measured on ../shared/corpus/web: Latin junctions 93% spaced, digit junctions
10%). Either is right when a document keeps to it, so the document's own practice is read
first: for each class, how many Chinese–Latin (or Chinese–digit) junctions carry a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from doclint.document.chars import CJK_CLASS

_CLASSES = {"latin": "A-Za-z", "digit": "0-9"}
_MIN_JUNCTIONS = 4  # fewer junctions than this tell nothing of a convention


def _patterns(chars: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    spaced = re.compile(rf"[{CJK_CLASS}][ \u3000]+[{chars}]|[{chars}][ \u3000]+[{CJK_CLASS}]")
    joined = re.compile(rf"[{CJK_CLASS}][{chars}]|[{chars}][{CJK_CLASS}]")
    return spaced, joined


_PATTERNS = {name: _patterns(chars) for name, chars in _CLASSES.items()}


@dataclass(frozen=True)
class Spacing:
    counts: dict[str, tuple[int, int]]  # class → (junctions with a space, junctions without)

    def share(self, name: str) -> float | None:
        """The share of a class's junctions that carry a space; None with too few to tell."""
        spaced, joined = self.counts[name]
        total = spaced + joined
        return spaced / total if total >= _MIN_JUNCTIONS else None


def latin_spacing(text: str) -> Spacing:
    counts = {}
    for name, (spaced, joined) in _PATTERNS.items():
        counts[name] = (len(spaced.findall(text)), len(joined.findall(text)))
    return Spacing(counts)
