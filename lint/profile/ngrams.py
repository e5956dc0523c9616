"""How often short character sequences occur in a document, counted once with numpy.

Checks ask "does this document write 和鸾 elsewhere?" for names and terms the dictionary
lacks. Counting with ``str.count`` per question would make a check quadratic on a text full
of candidates; instead every bigram and trigram of the document is encoded as one integer,
sorted once, and each question is a binary search.
"""

from __future__ import annotations

import numpy as np

_BITS = 21  # a code point fits in 21 bits, so three fit in one 64-bit integer


class NgramCounts:
    def __init__(self, text: str) -> None:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        self._sorted = {n: np.sort(_encode(codes, n)) for n in (2, 3)}

    def count(self, gram: str) -> int:
        """Occurrences of ``gram`` (two or three characters), overlapping ones included."""
        table = self._sorted.get(len(gram))
        if table is None:
            raise ValueError("only bigrams and trigrams are counted")
        key = _encode(np.frombuffer(gram.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64), len(gram))[0]
        return int(np.searchsorted(table, key, "right") - np.searchsorted(table, key, "left"))


def _encode(codes: np.ndarray, n: int) -> np.ndarray:
    if len(codes) < n:
        return np.zeros(0, dtype=np.uint64)
    key = np.zeros(len(codes) - n + 1, dtype=np.uint64)
    for k in range(n):
        key = (key << np.uint64(_BITS)) | codes[k : len(codes) - n + 1 + k]
    return key
