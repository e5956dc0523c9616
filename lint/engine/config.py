"""The project configuration, ``.doclint.yaml``, found upward from the working directory.

Example::

    packs: [core, repetition]         # built-in packs to use (default: all)
    rules: [house-style/]             # more rule files or folders, relative to this file
    disable: [stray-space]            # rules to switch off
    enable: []                        # if given, only these rules run
    severity: {doubled-punctuation: warning}
    fail_level: warning               # error (default) | warning | info | never
    include: ["*.txt", "*.md"]        # file names looked at inside folders
    exclude: ["drafts/**"]
    overrides:                        # per-glob changes, applied in order
      - files: ["archive/**"]
        disable: [hard-wrap]
        severity: {repeated-word: warning}
    extend:                           # add to a rule's parameters: lists grow, other values are replaced
      repeated-word: {allow: [考核]}
    versions:                         # pairs that ``doclint check`` compares too
      - {old: approved/意见.txt, new: print/意见.txt}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from doclint.engine.yamlfile import read_yaml, validate
from doclint.errors import ConfigError
from doclint.finding import SEVERITIES

CONFIG_NAMES = (".doclint.yaml", ".doclint.yml")
LEVELS = [*SEVERITIES, "never"]
_IDS = {"type": "array", "items": {"type": "string"}}
_SEVERITY = {"type": "object", "additionalProperties": {"enum": list(SEVERITIES)}}
_GLOBS = {"type": "array", "items": {"type": "string", "minLength": 1}}

SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "packs": _IDS,
        "rules": _GLOBS,
        "enable": _IDS,
        "disable": _IDS,
        "severity": _SEVERITY,
        "extend": {"type": "object", "additionalProperties": {"type": "object"}},
        "fail_level": {"enum": LEVELS},
        "include": _GLOBS,
        "exclude": _GLOBS,
        "overrides": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["files"],
                "additionalProperties": False,
                "properties": {"files": _GLOBS, "disable": _IDS, "severity": _SEVERITY},
            },
        },
        "versions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["old", "new"],
                "additionalProperties": False,
                "properties": {"old": {"type": "string"}, "new": {"type": "string"}},
            },
        },
    },
}


@dataclass
class Override:
    files: list[str]
    disable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)


@dataclass
class Config:
    root: Path = field(default_factory=Path.cwd)  # folder globs and paths are relative to
    source: str | None = None
    packs: list[str] | None = None
    rules: list[Path] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    extend: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_level: str = "error"
    include: list[str] = field(default_factory=lambda: ["*.txt", "*.md", "*.markdown"])
    exclude: list[str] = field(default_factory=lambda: ["**/.*/**", "**/node_modules/**", "**/__pycache__/**"])
    overrides: list[Override] = field(default_factory=list)
    versions: list[tuple[Path, Path]] = field(default_factory=list)

    def level_for(self, rule_id: str, level: str, path: str) -> str | None:
        """The effective severity of a rule on a file, or None where it is switched off."""
        if (self.enable and rule_id not in self.enable) or rule_id in self.disable:
            return None
        level = self.severity.get(rule_id, level)
        for override in self.overrides:
            if any(matches(path, glob) for glob in override.files):
                if rule_id in override.disable:
                    return None
                level = override.severity.get(rule_id, level)
        return level


def matches(path: str, glob: str) -> bool:
    """Glob match on a /-separated path. A glob without "/" matches the file name;
    ``**`` spans folders (``drafts/**``, ``**/old/*.txt``)."""
    if "/" not in glob:
        path = path.rsplit("/", 1)[-1]
    return _glob_regex(glob).fullmatch(path.removeprefix("./")) is not None


@lru_cache(maxsize=256)
def _glob_regex(glob: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            ch = glob[i]
            out.append("[^/]*" if ch == "*" else "[^/]" if ch == "?" else re.escape(ch))
            i += 1
    return re.compile("".join(out))


def find_config(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def load_config(explicit: Path | None = None, cwd: Path | None = None) -> Config:
    """The config named on the command line, else the nearest one upward, else defaults."""
    cwd = cwd or Path.cwd()
    file = explicit if explicit is not None else find_config(cwd)
    if file is None:
        return Config(root=cwd)
    if not file.is_file():
        raise ConfigError(file.as_posix(), "no such config file")
    data, node = read_yaml(file, ConfigError)
    data = {} if data is None else data
    validate(data, SCHEMA, node, file.as_posix(), ConfigError)
    root = file.parent
    config = Config(root=root, source=file.as_posix())
    config.packs = data.get("packs")
    config.rules = [root / p for p in data.get("rules", [])]
    for key in ("enable", "disable", "severity", "extend", "fail_level", "include", "exclude"):
        if key in data:
            setattr(config, key, data[key])
    config.overrides = [Override(**o) for o in data.get("overrides", [])]
    config.versions = [(root / v["old"], root / v["new"]) for v in data.get("versions", [])]
    return config
