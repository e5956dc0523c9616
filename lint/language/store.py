"""Indexes derived from the dictionaries, built once and kept in the per-user cache.

Building the idiom near-miss index or reading pypinyin's tables costs 0.2–0.6 s in every
process, for a one-sentence file as for a book; unpickling what they produce costs a tenth of
that. Each is kept under doclint's code digest (its code, data and library versions), so a new
dictionary or an edited checkout builds it afresh. Like bytecode, a stored index cannot change
a finding, so ``--no-cache`` (about findings) leaves it on; ``DOCLINT_NO_CACHE`` turns every
cache off, and without a usable cache folder the index is simply built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def stored(name: str, kind: type[T], build: Callable[[], T]) -> T:
    """The value ``build()`` returns, from the cache when it holds one of type ``kind``."""
    from doclint.engine import cache

    key = f"index_{name}-{cache.code_digest()}"
    value = cache.load_pickle(key)
    if isinstance(value, kind):
        return value
    value = build()
    cache.save_pickle(key, value, keep=2)
    return value
