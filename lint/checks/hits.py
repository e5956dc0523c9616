"""Hits of a check, and how they become findings and edits (punctuation, spacing).

A check finds *hits*: spans of the logical view with a replacement. Most
documents have none or a few, and each is reported where it is. A document
that does the same thing many times (journal abstracts with half-width marks
throughout, a page that writes every (一) with half-width brackets) is making
one decision, not many slips: it gets one finding at the first place, with
the count and the other places as ``related``, so an editor sees it once and
``doclint fix --unsafe`` still repairs every place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar

from doclint.checks.base import Edit

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding

# Beyond this many hits of one rule a document gets a single finding (``max_each``): one slip is
# reported where it is; the same thing done twice is a habit, told once with every place listed.
MAX_EACH = 1
# At most this many further places are listed with a document-wide finding.
MAX_RELATED = 50


@dataclass(frozen=True, order=True)
class Hit:
    """One place: [start, end) in logical-view offsets, the text that should stand there, and
    the message fields. ``parts`` are the edits when they touch less than the whole span
    (a bracket pair changes its two brackets, not its contents)."""

    start: int
    end: int
    suggestion: str | None = field(default=None, compare=False)
    fields: dict[str, Any] = field(default_factory=dict, compare=False)
    parts: tuple[tuple[int, int, str], ...] | None = field(default=None, compare=False)
    level: str | None = field(default=None, compare=False)

    def shifted(self, offset: int) -> Hit:
        """The hit moved by ``offset`` (paragraph offsets to view offsets)."""
        parts = tuple((a + offset, b + offset, t) for a, b, t in self.parts) if self.parts is not None else None
        return replace(self, start=self.start + offset, end=self.end + offset, parts=parts)

    def edits(self) -> Iterator[tuple[int, int, str]]:
        if self.parts is not None:
            yield from self.parts
        elif self.suggestion is not None:
            yield self.start, self.end, self.suggestion


class SubCheck:
    """One idea of the punctuation kind, chosen by ``params.check``; ``schema`` holds its own
    parameters (``check`` and ``max_each`` are common to all)."""

    name: ClassVar[str]
    schema: ClassVar[dict[str, Any]] = {}

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params

    def hits(self, doc: Document) -> list[Hit]:
        raise NotImplementedError


def findings(doc: Document, rule: Rule, hits: Iterable[Hit], max_each: int) -> Iterator[Finding]:
    """Each hit as a finding, or — past ``max_each`` — one finding for the document."""
    ordered = sorted(hits)
    if len(ordered) <= max_each:
        for hit in ordered:
            yield _finding(doc, rule, hit)
        return
    first = _finding(doc, rule, ordered[0])
    more = ordered[1 : 1 + MAX_RELATED]
    related = [doc.view_location(h.start, h.end) for h in more]
    count = len(ordered)
    message = f"{first.message}（本文共 {count} 处同类问题，见所列位置 / {count} such places in this document, listed）"
    yield replace(first, message=message, related=tuple(related))


def _finding(doc: Document, rule: Rule, hit: Hit) -> Finding:
    return rule.finding(doc.view_location(hit.start, hit.end), suggestion=hit.suggestion, level=hit.level, **hit.fields)


def edits(doc: Document, hits: Iterable[Hit]) -> Iterator[Edit]:
    """Source edits for the hits. Whitespace-only ones are safe; the others change visible
    characters and wait for ``doclint fix --unsafe``. A span whose source is not what the
    view shows (a joined line break) is left alone."""
    view = doc.logical
    for hit in hits:
        for a, b, text in hit.edits():
            start, end = view.source_span(a, b)
            if doc.text[start:end] != view.text[a:b] or doc.text[start:end] == text:
                continue
            yield Edit(start, end, text, safe=_visible(doc.text[start:end]) == _visible(text))


def _visible(text: str) -> str:
    return "".join(text.split())
