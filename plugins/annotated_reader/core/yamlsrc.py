"""YAML loading that remembers where every value came from.

PyYAML's plain ``safe_load`` forgets line numbers, and an editor needs ``file:line`` for
each problem; so we compose the node tree and build values that carry their location.
Duplicate keys, which PyYAML silently collapses, are reported here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .problems import Location, Problems

# libyaml composes ~20x faster than the pure-Python parser (most of a small site's load
# time). Its nodes are the same but for a plain scalar's style ('' where PyYAML has None);
# its error messages differ, so a file it rejects is parsed again by PyYAML for the message.
# It also differs on rare input (tabs; line breaks other than \n; in a flow collection,
# '?' inside an unquoted scalar, an empty value's column, local tags; a comment glued to a
# block scalar's '|'), so such a file goes to PyYAML too: the result is always PyYAML's.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


@dataclass(slots=True)
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
        return not isinstance(self.value, (dict, list))

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


class _Differs(Exception):
    """libyaml's tree may differ from PyYAML's at this node."""


_STANDARD_TAG = "tag:yaml.org,2002:"


def _build(
    path: str, node: yaml.Node, problems: Problems, lines: list[str] | None, flow: bool = False
) -> Node:
    """The located tree of ``node``. Given ``lines`` (the text; the tree is libyaml's), each
    node is also checked to be one PyYAML composes alike (:func:`_same_in_pyyaml`) in the
    same walk, instead of a walk of its own; :class:`_Differs` when one is not."""
    mark = node.start_mark
    loc = Location(path, mark.line + 1, mark.column + 1)
    tag = node.tag
    if lines is not None and not tag.startswith(_STANDARD_TAG):
        raise _Differs
    if isinstance(node, yaml.ScalarNode):
        style = node.style
        if lines is not None:
            if style in ("|", ">"):
                if not _BLOCK_HEADER.match(lines[mark.line], mark.column):
                    raise _Differs
            elif flow and not style and ("?" in node.value or not node.value):
                raise _Differs
        return Node(_resolve_scalar(node), loc, tag, style or None)
    assert isinstance(node, yaml.CollectionNode)
    inner = flow or bool(node.flow_style)
    if isinstance(node, yaml.SequenceNode):
        return Node([_build(path, child, problems, lines, inner) for child in node.value], loc, tag)
    assert isinstance(node, yaml.MappingNode)
    items: dict[str, Node] = {}
    for key_node, value_node in node.value:
        if lines is not None and not _same_in_pyyaml(key_node, lines, inner):
            raise _Differs
        if not isinstance(key_node, yaml.ScalarNode):
            if lines is not None and not _same_in_pyyaml(value_node, lines, inner):
                raise _Differs  # not built, but checked as before
            problems.error(
                _location(path, key_node), "yaml.key", "a mapping key must be plain text"
            )
            continue
        key = str(key_node.value)
        if key in items:
            if lines is not None and not _same_in_pyyaml(value_node, lines, inner):
                raise _Differs
            first = items[key].location
            problems.error(
                _location(path, key_node),
                "yaml.duplicate-key",
                f"key '{key}' appears twice in this mapping (first at line {first.line}); keep one",
            )
            continue
        items[key] = _build(path, value_node, problems, lines, inner)
    return Node(items, loc, tag)


def _resolve_scalar(node: yaml.ScalarNode) -> Any:
    """Typed value for plain scalars (ints, bools, null); dates stay text on purpose."""
    if node.style:  # quoted or block: text as written
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


_ODD_BREAKS = re.compile("[\t\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_BLOCK_HEADER = re.compile(r"[|>](?:[+-][1-9]?|[1-9][+-]?)?(?: |$)")


def _same_in_pyyaml(node: yaml.Node, lines: list[str], flow: bool = False) -> bool:
    if not node.tag.startswith("tag:yaml.org,2002:"):
        return False
    if isinstance(node, yaml.ScalarNode):
        if node.style in ("|", ">"):
            mark = node.start_mark
            return bool(_BLOCK_HEADER.match(lines[mark.line], mark.column))
        return not (flow and not node.style and ("?" in node.value or not node.value))
    assert isinstance(node, yaml.CollectionNode)
    inner = flow or bool(node.flow_style)
    children = (
        node.value if isinstance(node, yaml.SequenceNode) else [x for kv in node.value for x in kv]
    )
    return all(_same_in_pyyaml(child, lines, inner) for child in children)


def _compose_fast(path: str, text: str, problems: Problems) -> Node | None:
    """The tree composed by libyaml, or None where PyYAML must compose it."""
    if _FAST_LOADER is None or _ODD_BREAKS.search(text):
        return None
    try:
        root = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return None  # report PyYAML's own message
    if root is None:
        return Node({}, Location(path, 1, 1))
    found = Problems()  # kept only if the whole tree is PyYAML's
    try:
        tree = _build(path, root, found, text.split("\n"))
    except _Differs:
        return None
    problems.extend(found)
    return tree


def load_yaml(path: str, text: str, problems: Problems) -> Node | None:
    """Parse ``text``; on a syntax error report it at its line and return None."""
    fast = _compose_fast(path, text, problems)
    if fast is not None:
        return fast
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
    return _build(path, root, problems, None)
