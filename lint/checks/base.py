"""The contract between the engine and a kind of check.

A kind is a class with a ``name``, a JSON schema for its ``params`` and a
``run`` method. Its constructor compiles the parameters once (regexes, word
lists) and raises ``ValueError`` with a readable reason when they are wrong;
the loader turns that into a one-line rule error with file and line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding

KINDS: dict[str, type[Check]] = {}


@dataclass(frozen=True, order=True)
class Edit:
    """Replace the source span [start, end) with ``text`` (what ``doclint fix`` applies).

    A safe edit changes only whitespace and line breaks and is applied by ``doclint fix``; an
    unsafe one changes visible characters (a half-width comma to a full-width one) and is
    applied only with ``doclint fix --unsafe`` (ruff's distinction)."""

    start: int
    end: int
    text: str
    safe: bool = True


class Check:
    """Base class of every kind; subclasses register themselves by ``name``."""

    name: ClassVar[str]
    schema: ClassVar[dict[str, Any]] = {"type": "object"}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if getattr(cls, "name", None):
            KINDS[cls.name] = cls

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        """Findings for one document."""
        raise NotImplementedError

    def compare(self, old: Document, new: Document, rule: Rule) -> Iterator[Finding]:
        """Findings between two versions of a document (only comparing kinds have any)."""
        return iter(())

    def edits(self, doc: Document, rule: Rule) -> Iterator[Edit]:
        """Safe mechanical repairs for ``doclint fix`` (most kinds offer none)."""
        return iter(())

    def run_corpus(self, docs: Sequence[Document], rule: Rule) -> Iterator[Finding]:
        """Findings that need every document of the run at once (most kinds have none)."""
        return iter(())

    def needs_corpus(self) -> bool:
        """Whether :meth:`run_corpus` has work to do; only then does the engine keep every
        Document of a run in memory. A kind that overrides ``run_corpus`` and has a ``scope``
        attribute needs the corpus only when ``scope == "corpus"``."""
        return type(self).run_corpus is not Check.run_corpus and getattr(self, "scope", "corpus") == "corpus"
