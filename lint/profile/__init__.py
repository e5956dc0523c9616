"""The document profile: what a proofreader reads first, inferred once per document.

Checks ask it rather than guessing again each time. :class:`Profile` is built lazily by
``Document.profile``; each of its answers is computed on first use and kept.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from doclint.profile.blocks import blank_separated, document_starts
from doclint.profile.register import colloquial_rate, latin_share
from doclint.profile.roles import heading_flags
from doclint.profile.spacing import Spacing, latin_spacing
from doclint.profile.units import chapter_starts, unit_starts

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

    @cached_property
    def document_starts(self) -> list[int]:
        """Paragraph indices where the file's documents begin (see :mod:`doclint.profile.blocks`)."""
        return document_starts(self._doc.logical, self._doc.markdown)

    @cached_property
    def unit_starts(self) -> list[int]:
        """View offsets where drafting units (articles, else paragraphs) begin."""
        return unit_starts(self._doc.logical)

    @cached_property
    def chapter_starts(self) -> list[int]:
        """View offsets of part and chapter headings (第X编, 第X章)."""
        return chapter_starts(self._doc.logical)

    @cached_property
    def heading_flags(self) -> list[bool]:
        """For each paragraph, whether it is a heading (see :mod:`doclint.profile.roles`)."""
        return heading_flags(self._doc.logical)

    @cached_property
    def heading_starts(self) -> list[int]:
        """View offsets of the paragraphs that are headings."""
        view = self._doc.logical
        return [p.start for p, heading in zip(view.paragraphs, self.heading_flags, strict=True) if heading]

    @cached_property
    def latin_share(self) -> float:
        """Latin letters among Latin and Han characters (technical documentation: high)."""
        return latin_share(self._doc.text)

    @cached_property
    def latin_spacing(self) -> Spacing:
        """How the document spaces Chinese against Latin and digits (see :mod:`doclint.profile.spacing`)."""
        return latin_spacing(self._doc.logical.text)

    @cached_property
    def blank_separated(self) -> bool:
        """Whether paragraphs are separated by blank lines (see :mod:`doclint.profile.blocks`)."""
        return blank_separated(self._doc.logical)
