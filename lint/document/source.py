"""Read a document's bytes safely: regular files only, within a size limit, never blocking.

A named pipe would hang the run and ``/dev/zero`` would fill memory, so a file is checked
with ``stat`` before it is opened, opened without blocking, and checked again with ``fstat``
(it may have been swapped meanwhile) before anything is read: a device, pipe or socket is
refused with one line. A file larger than the limit is refused before it is read (and a
file that grows past it while being read is refused too), so memory stays within a small
multiple of the largest accepted file. What was read is stamped (inode, size, modification
time), so ``doclint fix`` can tell whether the file changed before it writes.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from doclint.errors import DoclintError, InputError

MIB = 1024 * 1024
DEFAULT_MAX_BYTES = 16 * MIB  # documented in the README (Guarantees); --max-file-size raises it
MAX_YAML_BYTES = 4 * MIB  # rule files, presets and the config
_CHUNK = MIB


@dataclass(frozen=True)
class Stamp:
    """Where a document was read from and what the file looked like then."""

    path: Path  # the real file (symlinks resolved): where fix writes
    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path, st: os.stat_result) -> Stamp:
        return cls(path, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def same_file(self, st: os.stat_result) -> bool:
        return (self.device, self.inode, self.size, self.mtime_ns) == (
            st.st_dev,
            st.st_ino,
            st.st_size,
            st.st_mtime_ns,
        )


def too_large(size: int, limit: int) -> str:
    return f"file too large: {size / MIB:.1f} MiB (limit {limit / MIB:g} MiB; raise it with --max-file-size MIB)"


def read_regular(
    path: Path, name: str, limit: int = DEFAULT_MAX_BYTES, error: type[DoclintError] = InputError
) -> tuple[bytes, Stamp]:
    """The bytes of the regular file ``path`` (called ``name`` in messages), or raise ``error``."""
    try:  # a device is never even opened (opening some has side effects)
        before = os.stat(path)
    except FileNotFoundError:
        raise error(name, "no such file") from None
    except OSError as exc:
        raise error(name, f"cannot read: {exc.strerror or exc}") from None
    _regular_or_raise(before.st_mode, name, error)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error(name, "no such file") from None
    except IsADirectoryError:
        raise error(name, "is a directory") from None
    except OSError as exc:
        raise error(name, f"cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        _regular_or_raise(st.st_mode, name, error)
        if st.st_size > limit:
            raise error(name, too_large(st.st_size, limit))
        data = _read_at_most(fd, limit, name, error)
    except OSError as exc:
        raise error(name, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    return data, Stamp.of(Path(os.path.realpath(path)), st)


def read_stdin(limit: int = DEFAULT_MAX_BYTES) -> bytes:
    """Standard input, within the same size limit as files."""
    stream = sys.stdin
    if stream is None or stream.closed:
        raise InputError("<stdin>", "standard input is closed")
    try:
        data = stream.buffer.read(limit + 1)
    except (OSError, ValueError) as exc:
        raise InputError("<stdin>", f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    if len(data) > limit:
        raise InputError("<stdin>", too_large(len(data), limit))
    return data


def _read_at_most(fd: int, limit: int, name: str, error: type[DoclintError]) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        except BlockingIOError:  # a regular file never blocks; be safe anyway
            raise error(name, "cannot read without blocking") from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise error(name, too_large(total, limit) + " (it grew while being read)")


def _regular_or_raise(mode: int, name: str, error: type[DoclintError]) -> None:
    if stat.S_ISDIR(mode):
        raise error(name, "is a directory")
    if not stat.S_ISREG(mode):
        raise error(name, f"not a regular file ({_kind(mode)}): only regular files are read")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
