"""Turn the bytes of a file into text, remembering how to write it back.

Chinese copy arrives as UTF-8 (with or without a BOM), UTF-16 from Windows
tools, and GB18030/GBK from older editors and OCR software. We detect these
without guessing wildly: a BOM decides; otherwise strict UTF-8, then strict
GB18030 (a superset of GBK and GB2312). Anything else, or anything that looks
binary, is refused with a reason instead of being linted as garbage.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from doclint.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text files (tab, LF, CR, FF excluded).
_BINARY_CONTROLS = {chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\x1b"}


@dataclass(frozen=True)
class Decoded:
    """Text with LF line ends, plus what is needed to write the file back unchanged."""

    text: str
    encoding: str
    bom: bool
    newline: str  # the file's dominant line end: "\n", "\r\n" or "\r"


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode ``data`` (from the file called ``name``) or raise InputError."""
    bom = False
    if encoding is None:
        for mark, enc in _BOMS:
            if data.startswith(mark):
                data, encoding, bom = data[len(mark) :], enc, True
                break
    if encoding is not None:
        text = _strict(data, encoding, name)
    else:
        if b"\x00" in data:
            raise InputError(name, "binary file (contains NUL bytes)")
        text, encoding = _first_that_fits(data, name)
    if any(ch in _BINARY_CONTROLS for ch in text[:4096]):
        raise InputError(name, "binary file (contains control characters)")
    newline = _dominant_newline(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding, bom, newline)


def encode(text: str, decoded: Decoded) -> bytes:
    """Inverse of :func:`decode`: same encoding, BOM and line ends."""
    if decoded.newline != "\n":
        text = text.replace("\n", decoded.newline)
    data = text.encode(decoded.encoding)
    if decoded.bom:
        data = dict((enc, mark) for mark, enc in _BOMS)[decoded.encoding] + data
    return data


def _first_that_fits(data: bytes, name: str) -> tuple[str, str]:
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise InputError(name, "cannot decode: not UTF-8, UTF-16 with BOM, or GB18030/GBK text")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"cannot decode as {encoding} at byte {exc.start}") from None
    except LookupError:
        raise InputError(name, f"unknown encoding {encoding!r}") from None


def _dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"
