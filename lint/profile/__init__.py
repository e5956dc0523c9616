"""The document profile: what a proofreader reads first, inferred once per document.

Checks ask it rather than guessing again each time. :class:`Profile` is built lazily by
``Document.profile``; each of its answers is computed on first use and kept.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from doclint.profile.register import colloquial_rate

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.profile.ngrams import NgramCounts


class Profile:
    def __init__(self, doc: Document) -> None:
        self._doc = doc

    @cached_property
    def colloquial_rate(self) -> float:
        """Clause-final modal particles per 10,000 characters (see :mod:`doclint.profile.register`)."""
        return colloquial_rate(self._doc.text)

    def informal(self, rate: float, min_chars: int) -> bool:
        """Speech-like by its particles, or too short to tell (a precision-first default)."""
        return len(self._doc.text) < min_chars or self.colloquial_rate >= rate

    @cached_property
    def ngrams(self) -> NgramCounts:
        """Counts of the document's character bigrams and trigrams."""
        from doclint.profile.ngrams import NgramCounts  # numpy is imported only when asked

        return NgramCounts(self._doc.text)
