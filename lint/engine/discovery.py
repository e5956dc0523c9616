"""Which files a run reads: named files always, folders walked with include/exclude.

Folders are walked without recursion (any depth), in a stable order (a folder's files by
name, then its subfolders), without following links to folders; only regular files are
taken (a named pipe or device in a folder would hang or flood the run), and a folder that
cannot be read is an error, since a run that silently skipped it would pass green.
Globs see paths relative to the project root, however the path was typed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from doclint.engine.config import Config, matches, project_path
from doclint.errors import DoclintError, InputError

STDIN = "-"


def display(path: str) -> str:
    """A path as reports show it: bytes that are not UTF-8 (surrogate escapes) as ``\\xNN``."""
    if path.isprintable() or not any("\udc80" <= ch <= "\udcff" for ch in path):
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def discover(paths: Sequence[str], config: Config) -> Iterator[str | DoclintError]:
    """Files to lint (named files always, folders walked with include/exclude), and an error
    for every folder that cannot be read: a run that silently skipped one would pass green."""
    for given in paths:
        if given == STDIN:
            yield given
            continue
        try:
            is_dir = Path(given).is_dir()
        except OSError:
            is_dir = False
        if not is_dir:
            yield given
            continue
        top = Path(given).as_posix()
        for shown in walk(top):
            if isinstance(shown, DoclintError):
                yield shown
                continue
            relative = _match_path(shown, top, config.root)
            if any(matches(relative, g) for g in config.include) and not any(
                matches(relative, g) for g in config.exclude
            ):
                yield shown


def _match_path(shown: str, top: str, root: Path) -> str:
    """What include/exclude globs see: the path relative to the project root, or, for a folder
    outside the root (``../shared/corpus``), relative to the folder named on the command line."""
    relative = project_path(shown, root)
    if not relative.startswith("/"):
        return relative
    return shown[len(top) :].lstrip("/") if shown.startswith(top) else relative


def walk(top: str) -> Iterator[str | DoclintError]:
    """Regular files under ``top`` in a stable depth-first order (a folder's files, then its
    subfolders), without recursion, so any depth works; links to folders are not followed,
    pipes, devices and sockets are skipped, and an unreadable folder is an error."""
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield InputError(display(folder), f"cannot read folder: {exc.strerror or exc}")
            continue
        subfolders = []
        for entry in entries:
            shown = f"{folder.rstrip('/')}/{entry.name}" if folder != "." else entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(shown)
                elif entry.is_symlink():
                    if not os.path.exists(entry.path) or stat.S_ISREG(os.stat(entry.path).st_mode):
                        yield shown  # read through the link; a dangling one is reported when read
                elif stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                    yield shown
            except OSError as exc:
                yield InputError(display(shown), f"cannot read: {exc.strerror or exc}")
        stack.extend(reversed(subfolders))
