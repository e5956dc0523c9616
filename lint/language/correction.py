"""Is a proposed correction better Chinese than what is written? Evidence from the dictionary.

A correction replaces a span of a text. Two questions decide whether it reads better:

* ``gain``: how much the best-path unigram log probability of the surrounding context rises
  (natural log; +7 means the corrected context is about a thousand times likelier). A
  misspelt idiom falls apart into rare single characters (再接|再|励) and rises to one
  dictionary word when corrected; two ordinary words that happen to sit one character away
  from an idiom (同比|增长 vs 同步增长) lose probability when "corrected".
* ``segmented_whole``: whether the segmenter, reading the corrected context, takes the
  corrected span whole — as words of its own, or inside one longer word (强制执行 around
  执行) — rather than splitting it between words. When it does not, the "correction" is a
  piece of some other reading and is dropped.

jieba's dictionary was counted from real text, so it lists some misspellings as rare words
(再接再励, 迫不急待: a count of 3). ``gain`` can be asked to read the written span as if it
were not in the dictionary (``unlisted=True``), so such an entry does not vouch for itself.
"""

from __future__ import annotations

from doclint.language.likelihood import log_probability
from doclint.language.segment import spans

CONTEXT = 4  # characters of context on each side of a replaced span


def _context(text: str, start: int, end: int, context: int) -> tuple[int, int]:
    return max(0, start - context), min(len(text), end + context)


def gain(text: str, start: int, end: int, replacement: str, context: int = CONTEXT, unlisted: bool = False) -> float:
    """log P(context with ``replacement``) - log P(context as written), for the span [start, end).

    With ``unlisted``, the written span does not count as a dictionary word."""
    lo, hi = _context(text, start, end, context)
    before = text[lo:hi]
    after = text[lo:start] + replacement + text[end:hi]
    written = log_probability(before, (start - lo, end - lo) if unlisted else None)
    return log_probability(after) - written


def segmented_whole(text: str, start: int, end: int, replacement: str, context: int = CONTEXT) -> bool:
    """Whether no word of the corrected context takes part of the replacement and part of its surroundings."""
    lo, hi = _context(text, start, end, context)
    after = text[lo:start] + replacement + text[end:hi]
    a, b = start - lo, start - lo + len(replacement)
    for _, x, y in spans(after):
        straddles = (x < a < y) or (x < b < y)
        if straddles and not (x <= a and b <= y):
            return False
    return True
