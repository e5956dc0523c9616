"""Read YAML with line numbers and validate it against a JSON schema.

Rule files and the configuration file share this, so every error they raise
names the file and the line a user must edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import yaml

from doclint.errors import DoclintError


def read_yaml(file: Path, error: type[DoclintError]) -> tuple[Any, yaml.Node | None]:
    """The parsed data and its node tree (for line numbers)."""
    name = file.as_posix()
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(name, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        return yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        problem = getattr(exc, "problem", None) or str(exc)
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and context_mark:
            problem += f" ({context} started at line {context_mark.line + 1})"
        raise error(where, f"invalid YAML: {problem}") from None


def validate(
    data: Any, schema: dict[str, Any], node: yaml.Node | None, file: str, error: type[DoclintError], prefix: str = ""
) -> None:
    """Raise ``error`` at the line of the first schema violation, if any."""
    found = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if found is None:
        return
    path = list(found.absolute_path)
    if found.validator == "additionalProperties" and isinstance(found.instance, dict):
        allowed = found.schema.get("properties", {})
        path += [next(k for k in found.instance if k not in allowed)]
    field = ".".join(str(p) for p in ([prefix] if prefix else []) + list(found.absolute_path)) or "top level"
    raise error(line_of(node, path, file), f"{field}: {_reason(found)}")


def _reason(found: jsonschema.ValidationError) -> str:
    if found.validator == "additionalProperties":
        return f"unknown field ({found.message.split('(')[-1].rstrip(')')})"
    if found.validator == "required":
        return found.message.replace("is a required property", "is required")
    return found.message


def child(node: yaml.Node | None, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def line_of(node: yaml.Node | None, path: list[Any], file: str) -> str:
    """``file:line`` of the deepest node along ``path`` that exists."""
    best = node
    for key in path:
        found = child(best, key)
        if found is None:
            break
        best = found
    return f"{file}:{best.start_mark.line + 1}" if best is not None else file
