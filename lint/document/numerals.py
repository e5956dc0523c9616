"""Chinese numerals to integers and back (一百六十九 ↔ 169), for numbering checks and messages."""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)
_NAMES = "零一二三四五六七八九"


MAX_NUMERAL_CHARS = 16  # 九千九百九十九万九千九百九十九 is 15; anything longer is not a numeral we read


def parse_chinese(text: str) -> int | None:
    """The value of a Chinese numeral (十一 = 11, 一百零三 = 103, 一千二百六十 = 1260), or None.

    Only well-formed numerals below 10^8 are read: units fall within a section (千 before 百
    before 十), and 万 comes at most once, so a run of a thousand 万 is None, not a number
    with four thousand digits."""
    if not text or len(text) > MAX_NUMERAL_CHARS or any(ch not in DIGITS and ch not in UNITS for ch in text):
        return None
    total, section, digit = 0, 0, None
    last_unit = 10000  # units inside a section must fall: 千 > 百 > 十
    seen_wan = False
    for ch in text:
        if ch in DIGITS:
            if digit is not None and DIGITS[ch] != 0:
                return None  # two digits in a row (一二) is not a number here
            digit = DIGITS[ch] if DIGITS[ch] else None
            continue
        unit = UNITS[ch]
        if unit == 10000:
            if seen_wan:
                return None
            seen_wan = True
            total = (section + (digit or 0)) * unit
            section, digit, last_unit = 0, None, 10000
        else:
            if unit >= last_unit:
                return None  # 十百, 百百: not a numeral
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    return total + section + (digit or 0)


def to_chinese(n: int) -> str:
    """Standard Chinese numeral for 0 < n < 10000 (11 → 十一, 103 → 一百零三)."""
    if n <= 0 or n >= 10000:
        return str(n)
    out = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            if zero:
                out.append("零")
            zero = False
            out.append(_NAMES[d] + name)
        elif out:
            zero = True
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text
