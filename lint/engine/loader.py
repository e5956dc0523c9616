"""Load rule files: YAML → validated Rule objects, or a one-line error with file and line.

A rule file holds one rule (a mapping with ``id``) or a small family
(a mapping with ``rules:``, a list of rules). Every rule is checked against
the common schema and then against its kind's own parameter schema; the
kind then compiles its parameters, which catches regexes that do not compile
or cannot match Chinese text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from yaml import Node

import doclint.checks  # noqa: F401  (registers the built-in kinds)
from doclint.checks.base import KINDS, Check
from doclint.engine.rule import Example, Rule
from doclint.engine.yamlfile import child, line_of, read_yaml, validate
from doclint.errors import ConfigError, DoclintError, RuleError
from doclint.finding import SEVERITIES

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
    return sorted(p.name for p in builtin_rules_dir().iterdir() if p.is_dir())


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """YAML files under the given files and folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")))
        elif path.exists():
            found.append(path)
        else:
            raise RuleError(path.as_posix(), "no such rule file or folder")
    return found


def load_rules(files: Sequence[Path]) -> list[Rule]:
    """Load and validate every rule in ``files``; rule ids must be unique."""
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
    source = f"{file}:{node.start_mark.line + 1}" if node is not None else file
    validate(data, RULE_SCHEMA, node, file, RuleError)
    kind = KINDS.get(data["kind"])
    if kind is None:
        where = line_of(node, ["kind"], file)
        raise RuleError(where, f"unknown kind {data['kind']!r} (known: {', '.join(sorted(KINDS))})")
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
    params = dict(rule.params)
    for key, value in extra.items():
        old = params.get(key)
        params[key] = old + value if isinstance(old, list) and isinstance(value, list) else value
    check = _make_check(KINDS[rule.kind], params, None, where, ConfigError, f"extend.{rule.id}", f"extend.{rule.id}")
    return replace(rule, check=check, params=params)


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
    validate(params, kind.schema, node, file, error, prefix=prefix)
    try:
        return kind(params)
    except ValueError as exc:
        raise error(line_of(node, [], file), f"{label}: {exc}") from None
