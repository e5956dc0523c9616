"""Character classes and foldings for Chinese text, shared by every check."""

from __future__ import annotations

import re
import unicodedata

# CJK ideographs: URO, Extension A, compatibility ideographs, and the
# supplementary planes (Extensions B and later).
CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))

SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)》〉】"
SPACES = " \t\u3000\u00a0\u200b\ufeff"  # zero-width space and stray BOMs count as space

# Full-width ASCII variants and the ideographic space fold to plain ASCII;
# the mapping is one character to one character, so offsets survive folding.
_WIDTH_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH_FOLD[0x3000] = 0x20


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in CJK_RANGES)


def fold_width(text: str) -> str:
    """Fold full-width letters, digits, punctuation and spaces to half width (1:1)."""
    return text.translate(_WIDTH_FOLD)


# Blocks wholly wide (East Asian Width W or F): CJK symbols, ideographs, full-width forms.
_WIDE_BLOCKS = "\u3000-\u303e\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60"
_WIDE = re.compile(f"[{_WIDE_BLOCKS}]")
_ASK = re.compile(f"[^\x00-\x7e{_WIDE_BLOCKS}]")  # neither ASCII nor those blocks: ask unicodedata


def display_width(text: str) -> int:
    """Columns the text takes on a page or terminal: wide characters count two. Counted with
    regexes, not a loop per character; only characters outside ASCII and the CJK blocks
    (quotes “”, rarer scripts) are looked up one by one."""
    wide = len(_WIDE.findall(text))
    wide += sum(unicodedata.east_asian_width(ch) in "WF" for ch in _ASK.findall(text))
    return len(text) + wide
