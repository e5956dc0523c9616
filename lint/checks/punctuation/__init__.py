"""Kind ``punctuation``: GB/T 15834-2011 (punctuation) and GB/T 15835-2011 (numbers).

One kind, one idea per module, chosen by ``params.check``:

* ``width`` — half-width marks in Chinese text, full-width marks in Latin text, bracket and
  straight-quote conventions (width.py)
* ``alphanumeric`` — full-width digits and letters (alphanumeric.py)
* ``spacing`` / ``repeated-space`` — spaces next to full-width marks, runs of spaces (spacing.py)
* ``pairs`` — unpaired, crossed or misordered paired marks (pairs.py)
* ``doubled`` — doubled and mixed marks: ，，  ，。  ,， (doubled.py)
* ``ellipsis`` / ``ellipsis-deng`` / ``dash`` / ``interpunct`` — the forms of …… —— · (forms.py)
* ``quote-style`` — one quotation style per document (quotes.py)
* ``approximate`` / ``mixed-numerals`` — numbers (numbers.py)

Conventions that style guides disagree on are parameters; where a rule does not pin one, the
document's own dominant practice is the convention and only the minority is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from doclint.checks.base import Check, Edit
from doclint.checks.hits import MAX_EACH, SubCheck, edits, findings
from doclint.checks.punctuation import alphanumeric, doubled, forms, numbers, pairs, quotes, spacing, width

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding

SUBCHECKS: dict[str, type[SubCheck]] = {
    cls.name: cls
    for cls in (
        width.Width,
        alphanumeric.Alphanumeric,
        spacing.Spacing,
        spacing.RepeatedSpace,
        pairs.Pairs,
        doubled.Doubled,
        forms.EllipsisForm,
        forms.EllipsisDeng,
        forms.DashForm,
        forms.Interpunct,
        quotes.QuoteStyle,
        numbers.Approximate,
        numbers.MixedNumerals,
    )
}
_COMMON = {"check": {"enum": sorted(SUBCHECKS)}, "max_each": {"type": "integer", "minimum": 0}}


class Punctuation(Check):
    name = "punctuation"
    schema = {
        "type": "object",
        "required": ["check"],
        "additionalProperties": False,
        "properties": {**_COMMON, **{k: v for cls in SUBCHECKS.values() for k, v in cls.schema.items()}},
    }

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        sub = SUBCHECKS[params["check"]]
        stray = sorted(set(params) - set(_COMMON) - set(sub.schema))
        if stray:
            raise ValueError(f"parameter {', '.join(stray)} does not apply to check {sub.name!r}")
        self.sub = sub(params)
        self.max_each = params.get("max_each", MAX_EACH)

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        return findings(doc, rule, self.sub.hits(doc), self.max_each)

    def edits(self, doc: Document, rule: Rule) -> Iterator[Edit]:
        return edits(doc, self.sub.hits(doc))
