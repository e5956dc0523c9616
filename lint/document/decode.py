"""Turn the bytes of a file into text, remembering how to write it back.

Chinese copy arrives as UTF-8 (with or without a BOM), UTF-16 from Windows tools, GB18030/GBK
from older editors and OCR software, and Big5 from Taiwan and Hong Kong. Detection never
guesses silently:

1. a BOM decides (UTF-8, UTF-16 or UTF-32, either byte order);
2. otherwise strict UTF-8; a file that is almost all valid UTF-8 but has a few bad bytes is a
   damaged UTF-8 file, and is refused rather than read as GB18030 garbage;
3. otherwise charset-normalizer weighs GB18030 against Big5 by evidence (how messy each
   decoding is, how Chinese its characters are); a guess without a clear winner is refused,
   naming the file and suggesting ``--encoding``.

Anything that looks binary (NUL bytes, control characters anywhere in the text) is refused with
a reason instead of being linted as garbage. ``--encoding`` overrides detection; ``utf-16``,
``utf-32`` and ``utf-8-sig`` then still read the BOM, so a file is written back in its own byte
order and with a BOM only if it had one.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from doclint.errors import InputError

if TYPE_CHECKING:
    from doclint.document.source import Stamp

_BOMS = (  # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_OF = {enc: mark for mark, enc in _BOMS}
# Codecs that choose their byte order (or BOM) from the data: an explicit --encoding of one of
# these is resolved to the concrete codec of the file's BOM, so writing back keeps it.
_BOM_FAMILIES = {
    "utf-8-sig": (("utf-8", codecs.BOM_UTF8),),
    "utf-16": (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)),
    "utf-32": (("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)),
}
_WITHOUT_BOM = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}

# Control characters that never occur in text files (tab, LF, CR, FF and ESC excluded; ESC is
# kept as text and escaped when reports print it).
_BINARY_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_NEWLINE = re.compile(r"\r\n|\r|\n")

# Evidence for "UTF-8 with a few damaged bytes": the share of non-ASCII bytes that form valid
# UTF-8 sequences. GB18030 and Big5 text scores about 0.35 (measured on every folder of
# ../shared/corpus encoded as GB18030); a damaged UTF-8 file scores nearly 1.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
DAMAGED_UTF8_SHARE = 0.9  # at least this share of the non-ASCII bytes is valid UTF-8 ...
DAMAGED_UTF8_MIN_BYTES = 6  # ... and at least two characters' worth of it

# The legacy encodings detection chooses between, and how sure it must be. Big5 is read as
# Big5-HKSCS, its superset (Python's plain big5 lacks characters such as 珏 that HKSCS adds).
LEGACY_ENCODINGS = ("gb18030", "big5hkscs")
MAX_CHAOS = 0.2  # charset-normalizer's mess ratio above which a decoding is garbage
MIN_MARGIN = 0.02  # how much less messy (or more coherent) the winner must be than the runner-up


@dataclass(frozen=True)
class Decoded:
    """Text with LF line ends, plus what is needed to write the file back unchanged."""

    text: str
    encoding: str
    bom: bool
    newline: str  # the file's dominant line end: "\n", "\r\n" or "\r"
    # Line ends that differ from ``newline`` in a file that mixes them: (offset of the "\n" in
    # ``text``, the original end). Writing back restores each, so nothing is normalised silently.
    line_ends: tuple[tuple[int, str], ...] = ()
    stamp: Stamp | None = None  # the file it was read from (where ``doclint fix`` writes)


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode ``data`` (from the file called ``name``) or raise InputError."""
    bom = False
    if encoding is None:
        for mark, enc in _BOMS:
            if data.startswith(mark):
                data, encoding, bom = data[len(mark) :], enc, True
                break
    else:
        data, encoding, bom = _resolve_explicit(data, encoding, name)
    if encoding is not None:
        text = _strict(data, encoding, name)
    else:
        if b"\x00" in data:
            raise InputError(name, "binary file (contains NUL bytes)")
        text, encoding = _detect(data, name)
    control = _BINARY_CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise InputError(name, f"binary file (control character U+{ord(control.group()):04X} on line {line})")
    return _split_lines(text, encoding, bom)


def encode(text: str, decoded: Decoded) -> bytes:
    """Inverse of :func:`decode`: same encoding, BOM and line ends."""
    if decoded.line_ends:
        pieces, last = [], 0
        for offset, end in decoded.line_ends:
            pieces.append(text[last:offset].replace("\n", decoded.newline))
            pieces.append(end)
            last = offset + 1
        pieces.append(text[last:].replace("\n", decoded.newline))
        text = "".join(pieces)
    elif decoded.newline != "\n":
        text = text.replace("\n", decoded.newline)
    data = text.encode(decoded.encoding)
    return _BOM_OF[decoded.encoding] + data if decoded.bom else data


def with_text(decoded: Decoded, text: str, line_ends: tuple[tuple[int, str], ...]) -> Decoded:
    """The same file format for an edited text whose mixed line ends now sit at ``line_ends``."""
    return replace(decoded, text=text, line_ends=line_ends)


def _split_lines(text: str, encoding: str, bom: bool) -> Decoded:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    counts = [(lf, "\n"), (crlf, "\r\n"), (cr, "\r")]
    best = max(counts)
    newline = best[1] if best[0] else "\n"
    line_ends: list[tuple[int, str]] = []
    if sum(1 for n, _ in counts if n) > 1:
        shift = 0  # each CRLF before a position shortens the LF text by one
        for m in _NEWLINE.finditer(text):
            if m.group() != newline:
                line_ends.append((m.start() - shift, m.group()))
            shift += len(m.group()) - 1
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding, bom, newline, tuple(line_ends))


def _resolve_explicit(data: bytes, encoding: str, name: str) -> tuple[bytes, str, bool]:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(name, f"unknown encoding {encoding!r}") from None
    for concrete, mark in _BOM_FAMILIES.get(codec, ()):
        if data.startswith(mark):
            return data[len(mark) :], concrete, True
    return data, _WITHOUT_BOM.get(codec, codec), False


def _detect(data: bytes, name: str) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    valid = sum(map(len, _UTF8_SEQUENCE.findall(data)))
    high = len(_HIGH_BYTE.findall(data))
    if valid >= DAMAGED_UTF8_MIN_BYTES and valid >= DAMAGED_UTF8_SHARE * high:
        raise InputError(
            name,
            f"damaged UTF-8: invalid byte at offset {first_bad} in otherwise UTF-8 text "
            "(repair it, or name the encoding with --encoding)",
        )
    encoding = _legacy_encoding(data, name)
    return data.decode(encoding), encoding


def _legacy_encoding(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)) if m.chaos <= MAX_CHAOS]
    if not matches:
        raise InputError(
            name,
            "cannot decode: not UTF-8, UTF-16/32 with BOM, GB18030/GBK or Big5 text (if it is text, use --encoding)",
        )
    ranked = sorted(matches, key=lambda m: (m.chaos - m.coherence, m.encoding))
    best = ranked[0]
    if len(ranked) > 1:
        runner_up = ranked[1]
        if (runner_up.chaos - best.chaos) < MIN_MARGIN and (best.coherence - runner_up.coherence) < MIN_MARGIN:
            raise InputError(
                name,
                f"cannot tell whether this is {_label(best.encoding)} or {_label(runner_up.encoding)} "
                f"(too little text to decide); name it with --encoding {_label(best.encoding).lower()}",
            )
    return codecs.lookup(best.encoding).name


def _label(encoding: str) -> str:
    return {"gb18030": "GB18030", "big5": "Big5", "big5hkscs": "Big5-HKSCS"}.get(codecs.lookup(encoding).name, encoding)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"cannot decode as {encoding} at byte {exc.start}") from None
    except LookupError:
        raise InputError(name, f"unknown encoding {encoding!r}") from None
