"""A rule: one YAML definition bound to the check of its kind."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from doclint.finding import Finding, Location

if TYPE_CHECKING:
    from doclint.checks.base import Check
    from doclint.document import Document


@dataclass(frozen=True)
class Example:
    """Text the rule must flag (``flag``) or leave alone (``pass``)."""

    text: str
    expect_flag: bool
    suggestion: str | None = None  # for flag examples: the expected suggestion, if given
    old: str | None = None  # for kinds that compare two versions: the OLD text (``text`` is NEW)


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    level: str
    message: str
    check: Check
    description: str = ""
    examples: tuple[Example, ...] = ()
    source: str = ""  # "path:line" of the definition
    params: dict[str, Any] = field(default_factory=dict)

    def run(self, doc: Document) -> Iterator[Finding]:
        """Findings on one document, their quotations and suggestions in the script it is written in."""
        return (written for f in self.check.run(doc, self) if (written := doc.written(f)) is not None)

    def compare(self, old: Document, new: Document) -> Iterator[Finding]:
        """Findings between two versions (kinds that compare; others find nothing)."""
        return (written for f in self.check.compare(old, new, self) if (written := new.written(f)) is not None)

    def finding(
        self,
        location: Location,
        suggestion: str | None = None,
        related: Iterable[Location] = (),
        level: str | None = None,
        **fields: object,
    ) -> Finding:
        """Build a finding, filling the message template with ``fields``."""
        return Finding(
            rule=self.id,
            kind=self.kind,
            severity=level or self.level,
            message=format_message(self.message, fields),
            location=location,
            suggestion=suggestion,
            related=tuple(related),
        )


class _Fields(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, fields: dict[str, object]) -> str:
    """Fill ``{name}`` placeholders; unknown names stay as written, so a typo is visible, not fatal.

    Templates are checked when a rule loads (:func:`check_message`); should one slip through,
    the template is shown as written rather than crashing the run."""
    try:
        return template.format_map(_Fields(fields))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return template


def check_message(template: str) -> None:
    """Raise ValueError unless every ``{...}`` in ``template`` is a plain field name.

    ``{0}``, ``{}``, a lone ``{``, ``{match:d}``, ``{match!r}`` and ``{match.attr}`` would crash
    (or reach into objects) at the first finding; ``{{`` and ``}}`` are literal braces."""
    import string

    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(f"message {template!r}: {exc} (write {{{{ and }}}} for literal braces)") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"message {template!r}: {{{name}}} is not a field name (use names such as {{match}})")
        if spec or conversion:
            raise ValueError(f"message {template!r}: {{{name}}} may not carry a format (':' or '!')")
