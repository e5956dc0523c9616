"""Read YAML with line numbers and validate it against a JSON schema.

Rule files, presets and the configuration file share this, so every error they raise names the
file and the line a user must edit. A repository's own YAML is untrusted input: only regular
files are read, within a size limit; the node tree is composed once and measured before any
Python object is built, so an alias bomb (a billion laughs), a recursive alias or absurd
nesting is refused in milliseconds instead of filling memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from doclint.document.source import MAX_YAML_BYTES, read_regular
from doclint.errors import DoclintError

MAX_ALIAS_NODES = 100_000  # nodes that aliases may add to a document when expanded
MAX_DEPTH = 64  # nesting of mappings and lists


def read_yaml(file: Path, error: type[DoclintError]) -> tuple[Any, yaml.Node | None]:
    """The parsed data and its node tree (for line numbers)."""
    name = file.as_posix()
    data, _ = read_regular(file, name, MAX_YAML_BYTES, error)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(name, f"cannot read: not UTF-8 (byte {exc.start})") from None
    return parse_yaml(text, name, error)


def parse_yaml(text: str, name: str, error: type[DoclintError]) -> tuple[Any, yaml.Node | None]:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_size(node, name, error)
        return loader.construct_document(node), node
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        problem = getattr(exc, "problem", None) or str(exc)
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and context_mark:
            problem += f" ({context} started at line {context_mark.line + 1})"
        raise error(where, f"invalid YAML: {problem}") from None
    except RecursionError:
        raise error(name, f"invalid YAML: nested more than {MAX_DEPTH} levels deep") from None
    finally:
        loader.dispose()


def _check_size(root: yaml.Node, name: str, error: type[DoclintError]) -> None:
    """Refuse recursive aliases, deep nesting, and aliases that expand to too many nodes.

    The composer shares one node object for every use of an anchor, so the tree is small even
    when its expansion is astronomical; expanded sizes are computed once per distinct node
    (iteratively, so deep nesting cannot overflow the stack)."""
    size: dict[int, int] = {}
    distinct = 0
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    open_nodes: set[int] = set()
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise error(f"{name}:{node.start_mark.line + 1}", "invalid YAML: an alias refers to itself")
        if depth > MAX_DEPTH:
            raise error(f"{name}:{node.start_mark.line + 1}", f"invalid YAML: nested more than {MAX_DEPTH} levels deep")
        distinct += 1
        open_nodes.add(key)
        stack.append((node, depth, True))
        for c in children:
            if id(c) in open_nodes:
                raise error(f"{name}:{c.start_mark.line + 1}", "invalid YAML: an alias refers to itself")
            if id(c) not in size:
                stack.append((c, depth + 1, False))
    if size[id(root)] > distinct + MAX_ALIAS_NODES:
        raise error(
            name,
            f"invalid YAML: aliases expand to {size[id(root)]:,} nodes (at most {MAX_ALIAS_NODES:,} more than written)",
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def validate(
    data: Any, schema: dict[str, Any], node: yaml.Node | None, file: str, error: type[DoclintError], prefix: str = ""
) -> None:
    """Raise ``error`` at the line of the first schema violation, if any."""
    import jsonschema

    try:
        found = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    except RecursionError:
        raise error(file, "nested too deeply") from None
    if found is None:
        return
    path = list(found.absolute_path)
    if found.validator == "additionalProperties" and isinstance(found.instance, dict):
        allowed = found.schema.get("properties", {})
        path += [next(k for k in found.instance if k not in allowed)]
    field = ".".join(str(p) for p in ([prefix] if prefix else []) + list(found.absolute_path)) or "top level"
    raise error(line_of(node, path, file), f"{field}: {_reason(found)}")


def _reason(found: Any) -> str:
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
