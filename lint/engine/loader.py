"""Load rule files: YAML → validated Rule objects, or a one-line error with file and line.

A rule file holds one rule (a mapping with ``id``) or a small family
(a mapping with ``rules:``, a list of rules). Every rule is checked against
the common schema and then against its kind's own parameter schema; the
kind then compiles its parameters, which catches regexes that do not compile
or cannot match Chinese text.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from doclint.engine.rule import Example, Rule, check_message
from doclint.errors import ConfigError, DoclintError, RuleError
from doclint.finding import SEVERITIES

if TYPE_CHECKING:
    from yaml import Node

    from doclint.checks.base import Check

PRESETS_DIR = "presets"  # rules/presets/<name>.yaml: parameters, not rules, so never a pack

_EXAMPLE = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "required": ["text"],
            "additionalProperties": False,
            "properties": {"text": {"type": "string", "minLength": 1}, "suggestion": {"type": "string"}},
        },
        {
            "type": "object",
            "required": ["old", "new"],
            "additionalProperties": False,
            "properties": {"old": {"type": "string"}, "new": {"type": "string"}},
        },
    ]
}

RULE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "kind", "level", "message", "examples"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
        "kind": {"type": "string"},
        "level": {"enum": list(SEVERITIES)},
        "message": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "params": {"type": "object"},
        "examples": {
            "type": "object",
            "required": ["flag", "pass"],
            "additionalProperties": False,
            "properties": {
                "flag": {"type": "array", "items": _EXAMPLE, "minItems": 1},
                "pass": {"type": "array", "items": _EXAMPLE, "minItems": 1},
            },
        },
    },
}


def builtin_rules_dir() -> Path:
    """Packaged rules (wheel install) or the repository's rules/ (editable install)."""
    packaged = Path(__file__).resolve().parent.parent / "rules"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "rules"


def builtin_packs() -> list[str]:
    return sorted(p.name for p in builtin_rules_dir().iterdir() if p.is_dir() and p.name != PRESETS_DIR)


def builtin_presets() -> list[str]:
    folder = builtin_rules_dir() / PRESETS_DIR
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """YAML files under the given files and folders, in a stable order.

    Folders are walked without recursion (any depth) and without following links to folders;
    only regular files are taken from them (a named pipe among rule files is skipped, and one
    named explicitly is refused when read)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(_yaml_files(path)))
        elif os.path.lexists(path):
            found.append(path)
        else:
            raise RuleError(path.as_posix(), "no such rule file or folder")
    return found


def _yaml_files(top: Path) -> Iterator[Path]:
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            raise RuleError(folder.as_posix(), f"cannot read rule folder: {exc.strerror or exc}") from None
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.name.endswith((".yaml", ".yml")) and stat.S_ISREG(entry.stat().st_mode):
                    yield Path(entry.path)
            except OSError:
                continue  # a dangling link or a file gone meanwhile is not a rule file


def load_rules(files: Sequence[Path], use_cache: bool = True) -> list[Rule]:
    """Load and validate every rule in ``files``; rule ids must be unique.

    The validated rules are kept in the per-user cache, keyed by the files' contents and
    doclint's code, so a start-up does not re-validate every YAML file."""
    from doclint.engine import cache

    if not use_cache:
        return _load_rules(files)
    try:
        key = "rules-" + cache.digest(cache.code_digest(), [(f.as_posix(), _file_digest(f)) for f in files])
    except DoclintError:
        key = None  # not cacheable: loading reports the problem
    cached = cache.load_pickle(key) if key else None
    if isinstance(cached, list) and all(isinstance(r, Rule) for r in cached):
        return cached
    rules = _load_rules(files)
    if key:
        cache.save_pickle(key, rules)
    return rules


def _file_digest(path: Path) -> str:
    from doclint.document.source import MAX_YAML_BYTES, read_regular
    from doclint.engine.cache import content_digest

    data, _ = read_regular(path, path.as_posix(), MAX_YAML_BYTES, RuleError)
    return content_digest(data)


def _load_rules(files: Sequence[Path]) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for file in files:
        for rule in load_file(file):
            if rule.id in seen:
                raise RuleError(rule.source, f"rule id {rule.id!r} is already defined at {seen[rule.id]}")
            seen[rule.id] = rule.source
            rules.append(rule)
    return rules


def load_file(file: Path) -> list[Rule]:
    from doclint.engine.yamlfile import child, read_yaml

    name = file.as_posix()
    data, root = read_yaml(file, RuleError)
    if isinstance(data, dict) and "rules" in data and "id" not in data:
        if set(data) != {"rules"} or not isinstance(data["rules"], list):
            raise RuleError(f"{name}:1", "a rule family is a mapping with a single key 'rules' holding a list")
        items = data["rules"]
        nodes = child(root, "rules").value  # type: ignore[union-attr]
    else:
        items, nodes = [data], [root]
    return [_build(item, node, name) for item, node in zip(items, nodes, strict=True)]


def _build(data: Any, node: Node | None, file: str) -> Rule:
    import doclint.checks  # noqa: F401  (registers the built-in kinds)
    from doclint.checks.base import KINDS
    from doclint.engine.yamlfile import child, line_of, validate

    source = f"{file}:{node.start_mark.line + 1}" if node is not None else file
    validate(data, RULE_SCHEMA, node, file, RuleError)
    kind = KINDS.get(data["kind"])
    if kind is None:
        where = line_of(node, ["kind"], file)
        raise RuleError(where, f"unknown kind {data['kind']!r} (known: {', '.join(sorted(KINDS))})")
    try:
        check_message(data["message"])
    except ValueError as exc:
        raise RuleError(line_of(node, ["message"], file), str(exc)) from None
    params = data.get("params") or {}
    check = _make_check(kind, params, child(node, "params"), file, RuleError, "params", f"rule {data['id']}")
    examples = data["examples"]
    return Rule(
        id=data["id"],
        kind=data["kind"],
        level=data["level"],
        message=data["message"].strip(),
        check=check,
        description=(data.get("description") or "").strip(),
        examples=tuple(_examples(examples["flag"], True)) + tuple(_examples(examples["pass"], False)),
        source=source,
        params=params,
    )


def _examples(items: list[Any], flag: bool) -> Iterable[Example]:
    for item in items:
        if isinstance(item, str):
            yield Example(item, flag)
        elif "old" in item:
            yield Example(item["new"], flag, old=item["old"])
        else:
            yield Example(item["text"], flag, item.get("suggestion"))


def extend_rule(rule: Rule, extra: dict[str, Any], where: str) -> Rule:
    """A copy of ``rule`` whose parameters are extended: lists are appended to, other values replaced."""
    params = merge_params(rule.params, extra)
    import doclint.checks  # noqa: F401  (registers the built-in kinds)
    from doclint.checks.base import KINDS

    check = _make_check(KINDS[rule.kind], params, None, where, ConfigError, f"extend.{rule.id}", f"extend.{rule.id}")
    return replace(rule, check=check, params=params)


def merge_params(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``extend:`` semantics on plain dicts: lists grow, other values are replaced."""
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        merged[key] = old + value if isinstance(old, list) and isinstance(value, list) else value
    return merged


def load_preset(name: str, where: str) -> tuple[dict[str, dict[str, Any]], str]:
    """A built-in preset: rule id → parameters to extend it with, and the preset file's name."""
    from doclint.engine.yamlfile import read_yaml, validate

    known = builtin_presets()
    if name not in known:
        raise ConfigError(where, f"unknown preset {name!r} (built-in: {', '.join(known) or 'none'})")
    file = builtin_rules_dir() / PRESETS_DIR / f"{name}.yaml"
    data, node = read_yaml(file, ConfigError)
    data = {} if data is None else data
    validate(data, {"type": "object", "additionalProperties": {"type": "object"}}, node, file.as_posix(), ConfigError)
    return data, file.as_posix()


def did_you_mean(word: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, sorted(set(known)), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


_ID_LINE = re.compile(r"^\s*(?:-\s+)?id:\s*['\"]?([a-z0-9][a-z0-9-]*)", re.MULTILINE)


@lru_cache(maxsize=1)
def builtin_rule_ids() -> frozenset[str]:
    """Ids of every built-in rule, loaded or not (read from the YAML text, without parsing it),
    so naming a rule of a pack the config leaves out is not mistaken for a typo."""
    ids: set[str] = set()
    for pack in builtin_packs():
        for file in rule_files([builtin_rules_dir() / pack]):
            try:
                ids.update(_ID_LINE.findall(file.read_text(encoding="utf-8-sig")))
            except (OSError, UnicodeDecodeError):
                continue
    return frozenset(ids)


def _make_check(
    kind: type[Check],
    params: dict[str, Any],
    node: Node | None,
    file: str,
    error: type[DoclintError],
    prefix: str,
    label: str,
) -> Check:
    """Validate ``params`` against the kind's schema and compile them, or raise ``error`` at their line."""
    from doclint.engine.yamlfile import line_of, validate

    validate(params, kind.schema, node, file, error, prefix=prefix)
    try:
        return kind(params)
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        raise error(line_of(node, [], file), f"{label}: {exc}") from None
