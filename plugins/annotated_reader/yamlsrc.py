"""YAML loading that remembers where every value came from.

PyYAML's plain ``safe_load`` forgets line numbers, and an editor needs ``file:line`` for
each problem; so we compose the node tree and build values that carry their location.
Duplicate keys, which PyYAML silently collapses, are reported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .problems import Location, Problems


@dataclass
class Node:
    """A YAML value with its location: ``value`` holds plain Python for scalars,
    ``dict[str, Node]`` for mappings and ``list[Node]`` for sequences."""

    value: Any
    location: Location
    tag: str = ""
    style: str | None = None

    def get(self, key: str) -> Node | None:
        if isinstance(self.value, dict):
            found = self.value.get(key)
            return found if isinstance(found, Node) else None
        return None

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_sequence(self) -> bool:
        return isinstance(self.value, list)

    @property
    def is_scalar(self) -> bool:
        return not (self.is_mapping or self.is_sequence)

    @property
    def content_line(self) -> int:
        """First line of a block scalar's text (``|`` puts it one line below the key)."""
        return self.location.line + (1 if self.style in ("|", ">") else 0)

    def plain(self) -> Any:
        """Drop locations, e.g. to compare data between two revisions."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


def _location(path: str, node: yaml.Node) -> Location:
    mark = node.start_mark
    return Location(path, mark.line + 1, mark.column + 1)


def _build(path: str, node: yaml.Node, problems: Problems) -> Node:
    loc = _location(path, node)
    if isinstance(node, yaml.MappingNode):
        items: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key_loc = _location(path, key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                problems.error(key_loc, "yaml.key", "a mapping key must be plain text")
                continue
            key = str(key_node.value)
            if key in items:
                first = items[key].location
                problems.error(
                    key_loc,
                    "yaml.duplicate-key",
                    f"key '{key}' appears twice in this mapping (first at line {first.line}); "
                    "keep one",
                )
                continue
            items[key] = _build(path, value_node, problems)
        return Node(items, loc, node.tag)
    if isinstance(node, yaml.SequenceNode):
        return Node([_build(path, child, problems) for child in node.value], loc, node.tag)
    assert isinstance(node, yaml.ScalarNode)
    return Node(_resolve_scalar(node), loc, node.tag, node.style)


def _resolve_scalar(node: yaml.ScalarNode) -> Any:
    """Typed value for plain scalars (ints, bools, null); dates stay text on purpose."""
    if node.style is not None:
        return node.value
    tag = node.tag
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return node.value.lower() in ("true", "yes", "on")
    if tag == "tag:yaml.org,2002:int":
        try:
            return int(node.value)
        except ValueError:
            return node.value
    if tag == "tag:yaml.org,2002:float":
        try:
            return float(node.value)
        except ValueError:
            return node.value
    return node.value


def load_yaml(path: str, text: str, problems: Problems) -> Node | None:
    """Parse ``text``; on a syntax error report it at its line and return None."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else 1
        what = exc.problem or str(exc)
        problems.error(
            Location(path, line, col),
            "yaml.syntax",
            f"YAML syntax error: {what}"
            + (f" ({exc.context})" if exc.context else "")
            + (
                f"; it started at line {exc.context_mark.line + 1}"
                if exc.context_mark and mark and exc.context_mark.line != mark.line
                else ""
            )
            + "; check indentation and quoting around this line",
        )
        return None
    except yaml.YAMLError as exc:
        problems.error(Location(path, 1, 1), "yaml.syntax", f"YAML error: {exc}")
        return None
    if root is None:
        return Node({}, Location(path, 1, 1))
    return _build(path, root, problems)
