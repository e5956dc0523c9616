"""How likely a span of Chinese is: the best segmentation's log probability.

The score is the one jieba maximises when it segments: the sum of log P(word) over the
words of the best path through the dictionary's word graph. Comparing two versions of a
text (with and without a doubled character, with one character swapped) by this score
asks "which reads more like Chinese" without a list of cases. Unigram only, so it is a
piece of evidence, not a verdict.
"""

from __future__ import annotations

from doclint.language.lexicon import lexicon

_MAX_WORD = 8  # longest dictionary word tried at each position


def log_probability(text: str, unlisted: tuple[int, int] | None = None) -> float:
    """Best-path unigram log probability of ``text`` (dynamic programming, O(len × 8)); with
    ``unlisted`` = (start, end), the word text[start:end] is read as if the dictionary lacked it."""
    lex = lexicon()
    n = len(text)
    best = [0.0] + [float("-inf")] * n
    for i in range(n):
        if best[i] == float("-inf"):
            continue
        for j in range(i + 1, min(n, i + _MAX_WORD) + 1):
            piece = text[i:j]
            if j > i + 1 and (not lex.is_word(piece) or (i, j) == unlisted):
                continue
            score = best[i] + lex.log_probability(piece)
            if score > best[j]:
                best[j] = score
    return best[n]
