"""The finding a misspelling check gives: a correction in the document's own script.

``idiom`` and ``nonword`` judge their candidates differently, but report them alike: the
suggestion is written back in the script the document uses (Traditional stays Traditional),
and a form the document writes ``repeated`` times or more is the author's own — a variant,
a name, a term the dictionary lacks — not a slip, so it is only information.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.document.script import Simplified
    from doclint.engine.rule import Rule
    from doclint.finding import Finding


def correction(
    doc: Document, rule: Rule, simple: Simplified, span: tuple[int, int], right: str, level: str, repeated: int
) -> Finding:
    """The finding that ``simple.text[start:end]`` should read ``right`` (in Simplified)."""
    start, end = span
    if level != "info" and simple.text.count(simple.text[start:end]) >= repeated:
        level = "info"
    suggestion = simple.in_original_script(start, right)
    return rule.finding(
        doc.view_location(start, end),
        suggestion=suggestion,
        level=None if level == rule.level else level,
        match=doc.logical.text[start:end],
        right=suggestion,
    )
