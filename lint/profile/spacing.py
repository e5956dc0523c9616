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
from doclint.document.logical import PLACEHOLDER

CLASSES = ("latin", "digit")
_MIN_JUNCTIONS = 4  # fewer junctions than this tell nothing of a convention
# A Latin or numeric word: Python, v7.6.0, H5, 5G, An-225, P5/P6, 2019, 3.14, 1,000.
_WORD = r"[A-Za-z0-9](?:[A-Za-z0-9.,\-_/+#]*[A-Za-z0-9+#])?|\ufffc"  # U+FFFC: inline code (Markdown)
_CJK_THEN_WORD = re.compile(rf"(?<=[{CJK_CLASS}])([ \u3000]*)(?=({_WORD}))")
_WORD_THEN_CJK = re.compile(rf"({_WORD})([ \u3000]*)(?=[{CJK_CLASS}])")


@dataclass(frozen=True)
class Junction:
    """Where Chinese meets a Latin or numeric word: the class of the word, and the space between
    them ([start, end), empty when they are written together)."""

    name: str  # "latin" (a word that begins with a letter: Python, H5) or "digit" (2019, 3.14, 125W)
    start: int
    end: int
    code: bool = False  # the word is inline code: spaced as Latin words are, evidence only

    @property
    def spaced(self) -> bool:
        return self.end > self.start


def junctions(text: str, start: int = 0) -> list[Junction]:
    """Every junction of Chinese with a Latin or numeric word in ``text`` from ``start``, in order.
    A word is classed whole, so 比如 H5 开发 and 运输机 An-225 和 follow the document's spacing
    of Latin words, not of numbers."""
    found = []
    for m in _CJK_THEN_WORD.finditer(text, start):
        found.append(Junction(_class(m.group(2)), m.start(1), m.end(1), m.group(2) == PLACEHOLDER))
    for m in _WORD_THEN_CJK.finditer(text, start):
        found.append(Junction(_class(m.group(1)), m.start(2), m.end(2), m.group(1) == PLACEHOLDER))
    return sorted(found, key=lambda j: j.start)


def _class(word: str) -> str:
    """A word is classed by how it begins: 2019, 125W, 5G are numbers; H5, Vue3, An-225 are Latin."""
    return "digit" if word[:1].isdigit() else "latin"


@dataclass(frozen=True)
class Spacing:
    counts: dict[str, tuple[int, int]]  # class → (junctions with a space, junctions without)

    def share(self, name: str) -> float | None:
        """The share of a class's junctions that carry a space; None with too few to tell."""
        spaced, joined = self.counts[name]
        total = spaced + joined
        return spaced / total if total >= _MIN_JUNCTIONS else None


def latin_spacing(text: str) -> Spacing:
    counts = {name: [0, 0] for name in CLASSES}
    for junction in junctions(text):
        counts[junction.name][0 if junction.spaced else 1] += 1
    return Spacing({name: (spaced, joined) for name, (spaced, joined) in counts.items()})
