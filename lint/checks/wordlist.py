"""Kind ``wordlist``: known wrong forms and their right forms, matched only as whole words.

``substitution`` matches literal text anywhere, so a list entry fires inside other words:
利害→厉害 in 利害关系人, 当做→当作 in 应当|做好, 按装→安装 in 按|装订. Here a match counts only
when the segmentation of its surroundings has word boundaries at both of its ends (what the
segmenter does inside the match does not matter: a wrong form is usually not a word and falls
apart), and when no longer dictionary word of the text contains it (利害关系, whichever way
the segmenter reads 利害关系人). The parameters are those of ``substitution`` (``swap``, ``exceptions``), so a user
extends the list the same way; Traditional text is matched through OpenCC and answered in its
own script.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from doclint.checks.regex import Exceptions
from doclint.checks.substitution import Substitution
from doclint.document.script import to_simplified
from doclint.language.lexicon import lexicon
from doclint.language.segment import spans

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine.rule import Rule
    from doclint.finding import Finding

_WINDOW = 8  # characters of context on each side given to the segmenter


def on_word_boundaries(text: str, start: int, end: int) -> bool:
    """Whether no word of the surroundings runs across ``start`` or ``end``."""
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    for _, a, b in spans(text[lo:hi]):
        a, b = a + lo, b + lo
        if a < start < b or a < end < b:
            return False
    return True


def inside_longer_word(text: str, start: int, end: int) -> bool:
    """Whether a dictionary word of up to ``_WINDOW`` characters covers [start, end) and more."""
    lex = lexicon()
    for a in range(max(0, end - _WINDOW), start + 1):
        for b in range(end, min(len(text), a + _WINDOW) + 1):
            if (a, b) != (start, end) and lex.is_word(text[a:b]):
                return True
    return False


class WordList(Substitution):
    name = "wordlist"

    def run(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        view = doc.logical
        simple = to_simplified(view.text)
        text = simple.text
        for m in Exceptions(self.exceptions, text).uncovered(self.regex.finditer(text)):
            start, end = m.span()
            if not on_word_boundaries(text, start, end) or inside_longer_word(text, start, end):
                continue
            right = simple.in_original_script(start, self.swap[self._key(m.group())])
            yield rule.finding(
                doc.view_location(start, end),
                suggestion=right,
                match=view.text[start:end],
                suggestion_text=right,
                right=right,
            )
