"""Check ``quote-style``: one style of quotation marks per document (GB/T 15834 §4.6).

Horizontal Simplified Chinese takes “” with ‘’ inside; vertical text and Traditional
Chinese take 「」 with 『』 inside. Either is right; a document that mixes them is not.
``style: curly`` or ``style: corner`` pins one and reports every mark of the other;
``style: auto`` (the default) takes the style most of the document's marks use and reports
the minority. A document with as many of each is left alone: there is no majority to follow.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from doclint.checks.hits import Hit, SubCheck

if TYPE_CHECKING:
    from doclint.document import Document

_STYLES = {"curly": "“”‘’", "corner": "「」『』"}
_TO = {
    "curly": dict(zip("「」『』", "“”‘’", strict=True)),
    "corner": dict(zip("“”‘’", "「」『』", strict=True)),
}
# A pair of one style (inner pairs of the same style are found on their own), or a lone mark.
_MARKS = {
    "curly": re.compile(r"“[^“”\n]*”|‘[^‘’\n]*’|(?<![A-Za-z])[“”‘’]"),
    "corner": re.compile(r"「[^「」\n]*」|『[^『』\n]*』|[「」『』]"),
}


class QuoteStyle(SubCheck):
    name = "quote-style"
    schema = {"style": {"enum": ["auto", "curly", "corner"]}}

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.style = params.get("style", "auto")

    def hits(self, doc: Document) -> list[Hit]:
        text = doc.logical.text
        found = {name: list(pattern.finditer(text)) for name, pattern in _MARKS.items()}
        style = self.style
        if style == "auto":
            curly, corner = len(found["curly"]), len(found["corner"])
            if curly == corner:
                return []
            style = "curly" if curly > corner else "corner"
        other = "corner" if style == "curly" else "curly"
        used = _STYLES[style][:2]
        return [_hit(m, _TO[style], used) for m in found[other]]


def _hit(m: re.Match[str], to: dict[str, str], used: str) -> Hit:
    """A pair (or a lone mark) of the other style: its two marks change, not what they enclose."""
    a, b, text = m.start(), m.end(), m.group()
    parts = ((a, a + 1, to[text[0]]),) + (((b - 1, b, to[text[-1]]),) if b - a > 1 else ())
    right = to[text[0]] + text[1:-1] + (to[text[-1]] if b - a > 1 else "")
    return Hit(a, b, right, {"match": text, "right": right, "style": used}, parts)
