"""Writing files: reports and baselines atomically, fixed documents atomically and faithfully.

A report or baseline goes to a temporary file beside its target and is renamed over it only
when complete, so a failed run (a full disk, a name the file system refuses) never leaves a
truncated report behind. A target that is not a regular file (``/dev/stdout``, a pipe,
``/dev/full``) cannot be renamed over and is written directly.

A fixed document is written where the file really lives (a symlink is followed, and stays a
symlink), only if it is still the file that was read (same inode, size and modification time;
otherwise someone edited it meanwhile and their edit would be lost) and only if it is
writable (a read-only file is refused, even for root). The new file keeps the old one's mode,
owner and extended attributes. A file with several hard links, or whose owner cannot be kept,
is rewritten in place instead of renamed — after the new content has been written out in full
beside it — so every link and the owner stay.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from doclint.document.source import Stamp
from doclint.errors import DoclintError, InputError


class OutputError(DoclintError):
    """A report, baseline or fixed file could not be written."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream whose content replaces ``path`` only once it is complete."""
    name = path.as_posix()
    try:
        st: os.stat_result | None = path.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(name, f"cannot write: {exc.strerror or exc}") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        try:
            with path.open("w", encoding="utf-8", errors="backslashreplace") as out:
                yield out
        except OSError as exc:
            raise OutputError(name, f"cannot write: {exc.strerror or exc}") from None
        return
    folder = path.parent
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(name, f"cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, (st.st_mode & 0o7777) if st is not None else 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(name, f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path, text: str) -> None:
    with atomic_output(path) as out:
        out.write(text)


def replace_file(stamp: Stamp, data: bytes, name: str) -> None:
    """Write a fixed document over the file it was read from (see the module docstring)."""
    target = stamp.path
    try:
        st = os.stat(target)
    except OSError as exc:
        raise InputError(name, f"cannot write: {exc.strerror or exc}") from None
    if not stamp.same_file(st):
        raise InputError(name, "changed while doclint was fixing it; not written (run fix again)")
    if not st.st_mode & 0o222:
        raise InputError(name, f"read-only file (mode {st.st_mode & 0o7777:04o}); not changed")
    if not os.access(target, os.W_OK):
        raise InputError(name, "cannot write: permission denied")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".doclint", dir=target.parent)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM):  # the folder is closed to new files: write in place
            _write_in_place(target, data, stamp, name)
            return
        raise InputError(name, f"cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        keeps_owner = _copy_metadata(target, temporary, st)
        if st.st_nlink > 1 or not keeps_owner:
            _write_in_place(target, data, stamp, name)
            Path(temporary).unlink(missing_ok=True)
            return
        if not stamp.same_file(os.stat(target)):
            raise InputError(name, "changed while doclint was fixing it; not written (run fix again)")
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(name, f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _copy_metadata(source: Path, temporary: str, st: os.stat_result) -> bool:
    """Mode, owner and extended attributes of ``source`` onto ``temporary``; whether the owner is kept."""
    os.chmod(temporary, st.st_mode & 0o7777)
    keeps_owner = True
    if hasattr(os, "chown"):
        try:
            os.chown(temporary, st.st_uid, st.st_gid)
        except OSError:
            keeps_owner = os.stat(temporary).st_uid == st.st_uid
        else:
            os.chmod(temporary, st.st_mode & 0o7777)  # chown may clear set-id bits
    if hasattr(os, "listxattr"):
        try:
            names = os.listxattr(source)
        except OSError:
            names = []
        for attribute in names:
            with contextlib.suppress(OSError):
                os.setxattr(temporary, attribute, os.getxattr(source, attribute))
    return keeps_owner


def _write_in_place(target: Path, data: bytes, stamp: Stamp, name: str) -> None:
    try:
        with open(target, "r+b") as out:
            if not stamp.same_file(os.fstat(out.fileno())):
                raise InputError(name, "changed while doclint was fixing it; not written (run fix again)")
            out.write(data)
            out.truncate()
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        raise InputError(name, f"cannot write: {exc.strerror or exc}") from None
