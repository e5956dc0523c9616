"""Word segmentation (jieba, dictionary only), shared by the checks that need word boundaries."""

from __future__ import annotations

import logging
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def segment(text: str) -> list[str]:
    """Words of ``text`` by jieba's dictionary (no HMM guessing, so results are stable)."""
    return list(_tokenizer().cut(text, HMM=False))


def is_dictionary_word(word: str) -> bool:
    return _tokenizer().FREQ.get(word, 0) > 0


def word_spans(text: str, index: int) -> bool:
    """Whether a word of more than one character runs across position ``index`` of ``text``."""
    offset = 0
    for word in segment(text):
        if offset < index < offset + len(word):
            return True
        offset += len(word)
    return False
