"""Quoted speech and quotations in a paragraph.

Dialogue follows other rules than narration: emphatic repetition (很多很多), calls and
vocatives (妈妈妈妈), stutters and answers (是是是) are right in speech. A span opens at
“ 「 『 or ‘ and closes at its partner; a quotation left open runs to the paragraph's end,
as GB/T 15834 prints a quotation over several paragraphs (each opens, only the last closes).
"""

from __future__ import annotations

import re
from functools import lru_cache

_QUOTE = re.compile(r"“[^“”]*(?:”|$)|「[^「」]*(?:」|$)|『[^『』]*(?:』|$)|‘[^‘’]*(?:’|$)|\"[^\"\n]*(?:\"|$)")


@lru_cache(maxsize=256)
def speech_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans [start, end) of the quotations in a paragraph, quotation marks included."""
    return tuple(m.span() for m in _QUOTE.finditer(text))
