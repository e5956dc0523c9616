"""The project configuration, ``.doclint.yaml``, found upward from the working directory.

Example::

    packs: [core, repetition]         # built-in packs to use (default: all)
    preset: gb                        # house conventions: gb (news, official documents) | tech
    rules: [house-style/]             # more rule files or folders, relative to this file
    disable: [stray-space]            # rules to switch off
    enable: []                        # if given, only these rules run
    severity: {doubled-punctuation: warning}
    fail_level: warning               # error (default) | warning | info | never
    include: ["*.txt", "*.md", "*.docx"]  # file names looked at inside folders
    exclude: ["drafts/**"]
    max_file_size: 16                 # MiB; larger files are refused
    overrides:                        # per-glob changes, applied in order
      - files: ["archive/**"]
        disable: [hard-wrap]
        severity: {repeated-word: warning}
    extend:                           # add to a rule's parameters: lists grow, other values are replaced
      repeated-word: {allow: [考核]}
    versions:                         # pairs that ``doclint check`` compares too
      - {old: approved/意见.txt, new: print/意见.txt}

Globs match paths relative to the project root (the folder of the config file, else the
working directory), however a path was typed: ``docs/a.txt``, ``./docs/a.txt`` and
``/abs/project/docs/a.txt`` are all ``docs/a.txt``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from doclint.document.source import DEFAULT_MAX_BYTES, MIB
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
        "preset": {"type": "string", "minLength": 1},
        "rules": _GLOBS,
        "enable": _IDS,
        "disable": _IDS,
        "severity": _SEVERITY,
        "extend": {"type": "object", "additionalProperties": {"type": "object"}},
        "fail_level": {"enum": LEVELS},
        "include": _GLOBS,
        "exclude": _GLOBS,
        "max_file_size": {"type": "number", "exclusiveMinimum": 0, "maximum": 4096},
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


@dataclass(frozen=True)
class RuleReference:
    """A rule id named somewhere (config, command line), for the unknown-id check."""

    where: str  # "file:line" or "--enable"
    field: str  # "disable", "overrides[0].severity", ... ("" on the command line)
    rule_id: str
    must_be_loaded: bool = False  # enable and extend name rules that must run, not just exist


@dataclass
class Config:
    root: Path = field(default_factory=Path.cwd)  # folder globs and paths are relative to
    source: str | None = None
    packs: list[str] | None = None
    preset: str | None = None
    preset_source: str | None = None  # "file:line" or "--preset", for errors
    rules: list[Path] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    extend: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_level: str = "error"
    include: list[str] = field(default_factory=lambda: ["*.txt", "*.md", "*.markdown", "*.docx"])
    # ~$稿件.docx: the lock file Word keeps beside a document it has open (not a document)
    exclude: list[str] = field(default_factory=lambda: ["**/.*/**", "**/node_modules/**", "**/__pycache__/**", "~$*"])
    max_bytes: int = DEFAULT_MAX_BYTES
    cache: bool = True  # reuse and store findings in the per-user cache; off with --no-cache
    overrides: list[Override] = field(default_factory=list)
    versions: list[tuple[Path, Path]] = field(default_factory=list)
    references: list[RuleReference] = field(default_factory=list)

    def rule_enabled(self, rule_id: str) -> bool:
        """Whether the rule runs at all (on some file): enable/disable, not per-file overrides."""
        return not ((self.enable and rule_id not in self.enable) or rule_id in self.disable)

    def level_for(self, rule_id: str, level: str, path: str) -> str | None:
        """The effective severity of a rule on a file, or None where it is switched off."""
        if not self.rule_enabled(rule_id):
            return None
        level = self.severity.get(rule_id, level)
        if self.overrides:
            relative = project_path(path, self.root)
            for override in self.overrides:
                if any(matches(relative, glob) for glob in override.files):
                    if rule_id in override.disable:
                        return None
                    level = override.severity.get(rule_id, level)
        return level

    def add_cli_rules(self, enable: tuple[str, ...] = (), disable: tuple[str, ...] = ()) -> None:
        """``--enable`` and ``--disable`` from the command line, on top of the file's lists."""
        self.enable = [*self.enable, *enable]
        self.disable = [*self.disable, *disable]
        self.references += [RuleReference("--enable", "", r, must_be_loaded=True) for r in enable]
        self.references += [RuleReference("--disable", "", r) for r in disable]


def project_path(path: str, root: Path) -> str:
    """``path`` (as typed, relative to the working directory) relative to the project root, with
    ``/`` separators; a path outside the root stays absolute. This is what globs match and
    what baseline fingerprints hold, so neither depends on how the path was typed."""
    if path.startswith("<"):  # <stdin>, <example>
        return path
    return _project_path(path, str(root), os.getcwd())


@lru_cache(maxsize=4096)
def _project_path(path: str, root: str, cwd: str) -> str:
    absolute = os.path.normpath(os.path.join(cwd, path))
    relative = os.path.relpath(absolute, os.path.normpath(os.path.join(cwd, root)))
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return Path(absolute).as_posix()
    return Path(relative).as_posix()


def matches(path: str, glob: str) -> bool:
    """Glob match on a /-separated relative path. A glob without "/" matches the file name;
    ``**`` spans folders (``drafts/**``, ``**/old/*.txt``); ``*`` never matches ``.`` or ``..``
    as a whole folder name, so ``**/.*/**`` (hidden folders) leaves ``../shared/x.txt`` alone."""
    if "/" not in glob:
        path = path.rsplit("/", 1)[-1]
    return _glob_regex(glob).fullmatch(path.removeprefix("./")) is not None


@lru_cache(maxsize=256)
def _glob_regex(glob: str) -> re.Pattern[str]:
    out = []
    i = 0
    segment = r"(?!\.\.?(?:/|$))"  # no folder or file name is "." or ".."
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append(f"(?:{segment}[^/]*/)*")
            i += 3
        elif glob.startswith("**", i):
            out.append(f"(?:{segment}[^/]*/)*{segment}[^/]*")
            i += 2
        else:
            at_segment_start = i == 0 or glob[i - 1] == "/"
            if at_segment_start:
                out.append(segment)
            ch = glob[i]
            out.append("[^/]*" if ch == "*" else "[^/]" if ch == "?" else re.escape(ch))
            i += 1
    return re.compile("".join(out))


def find_config(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            # anything there but a folder is the config: a pipe or a broken link is then refused
            # when read, rather than silently ignored
            if os.path.lexists(candidate) and not candidate.is_dir():
                return candidate
    return None


def load_config(explicit: Path | None = None, cwd: Path | None = None) -> Config:
    """The config named on the command line, else the nearest one upward, else defaults."""
    cwd = cwd or Path.cwd()
    file = explicit if explicit is not None else find_config(cwd)
    if file is None:
        return Config(root=cwd)
    if not os.path.lexists(file):
        raise ConfigError(file.as_posix(), "no such config file")
    from doclint.engine.yamlfile import line_of, read_yaml, validate

    name = file.as_posix()
    data, node = read_yaml(file, ConfigError)
    data = {} if data is None else data
    validate(data, SCHEMA, node, name, ConfigError)
    root = file.parent
    config = Config(root=root, source=name)
    config.packs = data.get("packs")
    config.preset = data.get("preset")
    config.preset_source = line_of(node, ["preset"], name) if config.preset else None
    config.rules = [root / p for p in data.get("rules", [])]
    for key in ("enable", "disable", "severity", "extend", "fail_level", "include", "exclude"):
        if key in data:
            setattr(config, key, data[key])
    if "max_file_size" in data:
        config.max_bytes = int(data["max_file_size"] * MIB)
    config.overrides = [Override(**o) for o in data.get("overrides", [])]
    config.versions = [(root / v["old"], root / v["new"]) for v in data.get("versions", [])]

    def refer(path: list[Any], field_name: str, rule_id: str, loaded: bool = False) -> None:
        config.references.append(RuleReference(line_of(node, path, name), field_name, rule_id, loaded))

    for i, rule_id in enumerate(config.enable):
        refer(["enable", i], "enable", rule_id, loaded=True)
    for i, rule_id in enumerate(config.disable):
        refer(["disable", i], "disable", rule_id)
    for rule_id in config.severity:
        refer(["severity", rule_id], "severity", rule_id)
    for rule_id in config.extend:
        refer(["extend", rule_id], "extend", rule_id, loaded=True)
    for n, override in enumerate(config.overrides):
        for i, rule_id in enumerate(override.disable):
            refer(["overrides", n, "disable", i], f"overrides[{n}].disable", rule_id)
        for rule_id in override.severity:
            refer(["overrides", n, "severity", rule_id], f"overrides[{n}].severity", rule_id)
    return config
