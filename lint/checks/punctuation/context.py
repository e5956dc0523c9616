"""What counts as Chinese context, and the spans where punctuation is not prose.

A half-width comma is wrong between Chinese words and right in ``1,000``,
``f(x, y)``, a URL or inline code. Every punctuation check asks the same two
questions — is this mark next to Chinese text, and is it inside something
that is not prose — so they are answered here once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from doclint.checks.regex import Exceptions
from doclint.document.chars import CJK_CLASS, is_cjk

# Full-width marks: openers, closers, and the marks that sit between clauses.
OPENERS = "“‘（《〈【「『〔［｛"
CLOSERS = "”’）》〉】」』〕］｝"
PAUSES = "，。、；：？！…—～·"
FULL_WIDTH_MARKS = OPENERS + CLOSERS + PAUSES
SPACE_CLASS = " \t\u3000\u00a0"

_NOT_IN_URL = "，。；：！？、（）《》「」『』【】“”‘’<>\"'`"  # a URL ends at Chinese punctuation or quotes
# Spans inside which punctuation belongs to something other than Chinese prose.
_PROTECTED = re.compile(
    "|".join(
        [
            rf"(?:https?|ftp|file)://[^\s{_NOT_IN_URL}]+",  # URLs
            rf"www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s{_NOT_IN_URL}]*",
            r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",  # e-mail addresses
            r"`+[^`\n]+`+",  # inline code
            r"\]\([^()\s]*\)",  # a Markdown link target
            r"\$\$[^$\n]+\$\$|\$[^$\n]+\$",  # TeX math
            r"&#?[A-Za-z0-9]+;",  # HTML entities
            r"</?[A-Za-z][^<>\n]*>",  # HTML tags
            r"\{#[^{}\n]*\}",  # heading anchors {#id}
            r"\{\{[^{}\n]*\}\}",  # template placeholders
            r"[A-Za-z_][\w.]*\([^()\n]*\)",  # a function call: clamp(最小值, 属性值)
            r"\d+(?:[.,:]\d+)+",  # 3.14, 1,000, 10:30, 2.7.1
        ]
    )
)

CJK_CHAR = re.compile(f"[{CJK_CLASS}]")


@lru_cache(maxsize=16_384)
def protected(text: str) -> Exceptions:
    """Spans of a paragraph that are code, addresses, numbers or markup, not prose (each
    punctuation check asks for every paragraph: the answer is kept)."""
    return Exceptions([_PROTECTED], text)


def is_chinese(ch: str) -> bool:
    """A Chinese character or a full-width mark: what Chinese context is made of."""
    return bool(ch) and (is_cjk(ch) or ch in FULL_WIDTH_MARKS)


def has_cjk(text: str) -> bool:
    return CJK_CHAR.search(text) is not None


def before(text: str, index: int, skip: str = "") -> str:
    """The character before ``index``, skipping any of ``skip`` ("" at the start)."""
    i = index - 1
    while i >= 0 and text[i] in skip:
        i -= 1
    return text[i] if i >= 0 else ""


def after(text: str, index: int, skip: str = "") -> str:
    """The character at or after ``index``, skipping any of ``skip`` ("" at the end)."""
    i = index
    while i < len(text) and text[i] in skip:
        i += 1
    return text[i] if i < len(text) else ""


class MarkCount:
    """How many of some marks stand before an index, answered by bisection (no rescanning)."""

    def __init__(self, text: str, marks: str) -> None:
        self._at = {mark: [m.start() for m in re.finditer(re.escape(mark), text)] for mark in marks}

    def before(self, mark: str, index: int) -> int:
        return bisect_left(self._at[mark], index)

    def open_before(self, opener: str, closer: str, index: int) -> bool:
        """Whether more ``opener`` than ``closer`` marks stand before ``index``."""
        return self.before(opener, index) > self.before(closer, index)
