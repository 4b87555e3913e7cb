"""YAML loading that remembers where every value came from.

PyYAML's plain ``safe_load`` forgets line numbers, and an editor needs ``file:line`` for
each problem; so we compose the node tree and build values that carry their location.
Duplicate keys, which PyYAML silently collapses, are reported here.

A file is bounded before it is built (``limits``): so many values, so deep. Aliases
(``*name``) are refused: ten lines of them can stand for billions of values, and a value
written once but shown in several places would hide from a reviewer's diff. Scalars keep
the editor's text: YAML 1.1 would read ``3.10`` as the number 3.1 and ``007`` as 7.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from .bidi import DIRECTION, unclosed
from .limits import MAX_NESTING, MAX_YAML_VALUES
from .memo import Memo
from .problems import Location, Problems

# libyaml composes ~20x faster than the pure-Python parser (most of a small site's load
# time). Its nodes are the same but for a plain scalar's style ('' where PyYAML has None);
# its error messages differ, so a file it rejects is parsed again by PyYAML for the message.
# It also differs on rare input (tabs; line breaks other than \n; in a flow collection,
# '?' inside an unquoted scalar, an empty value's column, local tags; a comment glued to a
# block scalar's '|'; an explicit key's empty value), so such a file goes to PyYAML too: the result is always PyYAML's.
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

    def only(self, keys: Mapping[str, frozenset[str] | None]) -> Node:
        """This mapping with only ``keys``: each whole (None), or keeping only the given keys
        of every mapping in its list; anything but a mapping is kept as it is."""
        if not isinstance(self.value, dict):
            return self
        kept: dict[str, Node] = {}
        for key, value in self.value.items():
            if key not in keys:
                continue
            inner = keys[key]
            if inner is not None and isinstance(value.value, list):
                items = [v.only(dict.fromkeys(inner)) for v in value.value]
                value = Node(items, value.location, value.tag, value.style)
            kept[key] = value
        return Node(kept, self.location, self.tag, self.style)

    def plain(self) -> Any:
        """Drop locations, e.g. to compare data between two revisions."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


def _location(path: str, node: yaml.Node) -> Location:
    return _at(path, node.start_mark)


def _at(path: str, mark: Any) -> Location:
    return Location(path, mark.line + 1, mark.column + 1) if mark else Location(path, 1, 1)


class _Differs(Exception):
    """libyaml's tree may differ from PyYAML's at this node, or holds what PyYAML refuses
    (an alias, too deep a nesting): PyYAML composes the file and reports it."""


class _Refused(yaml.MarkedYAMLError):
    """A file past a bound of :mod:`.limits`, or with an alias: reported at ``problem_mark``."""

    def __init__(self, code: str, message: str, mark: Any) -> None:  # PyYAML's or libyaml's
        super().__init__(problem=message, problem_mark=mark)
        self.code = code


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader composing no alias, at most ``MAX_YAML_VALUES`` values, and
    lists and mappings at most ``MAX_NESTING`` deep (its composer recurses per level)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._values = 0
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        refused = _refused(event, self._values + 1, self._depth)
        if refused:
            raise refused
        self._values += 1
        nested = isinstance(event, yaml.CollectionStartEvent)
        self._depth += nested
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= nested


def _refused(event: yaml.Event, values: int, depth: int) -> _Refused | None:
    """Why composing must stop at ``event``, the file's ``values``-th value, inside ``depth``
    lists and mappings; None when it need not."""
    if isinstance(event, yaml.AliasEvent):
        return _Refused(
            "yaml.alias",
            f"alias '*{event.anchor}' refers to a value written elsewhere; aliases are not "
            "allowed in editorial files (a few lines of them can stand for billions of "
            "values, and a reviewer would not see the value here): write the value out",
            event.start_mark,
        )
    if values > MAX_YAML_VALUES:
        return _Refused(
            "yaml.too-many-values",
            f"the file holds more than {MAX_YAML_VALUES:,} values; split it into smaller files",
            event.start_mark,
        )
    if depth >= MAX_NESTING and isinstance(event, yaml.CollectionStartEvent):
        return _Refused(
            "yaml.too-deep",
            f"lists and mappings are nested more than {MAX_NESTING} levels deep here; "
            "editorial files need a few levels (see annotations/README.md)",
            event.start_mark,
        )
    return None


_STANDARD_TAG = "tag:yaml.org,2002:"


def _build(
    path: str,
    node: yaml.Node,
    problems: Problems,
    lines: list[str] | None,
    flow: bool = False,
    seen: set[int] | None = None,
    depth: int = 0,
) -> Node:
    """The located tree of ``node``. Given ``lines`` (the text; the tree is libyaml's), each
    node is also checked to be one PyYAML composes alike (:func:`_same_in_pyyaml`) in the
    same walk, instead of a walk of its own; :class:`_Differs` when one is not, or when the
    walk meets a node twice (an alias) or nests too deep (PyYAML reports where)."""
    mark = node.start_mark
    loc = Location(path, mark.line + 1, mark.column + 1)
    tag = node.tag
    if lines is not None:
        seen = _visit(node, seen, depth)
        if not tag.startswith(_STANDARD_TAG):
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
    depth += 1
    if isinstance(node, yaml.SequenceNode):
        return Node(
            [_build(path, child, problems, lines, inner, seen, depth) for child in node.value],
            loc,
            tag,
        )
    assert isinstance(node, yaml.MappingNode)
    items: dict[str, Node] = {}
    for key_node, value_node in node.value:
        if lines is not None and not _same_in_pyyaml(key_node, lines, inner, seen, depth):
            raise _Differs
        if not isinstance(key_node, yaml.ScalarNode):
            if lines is not None and not _same_in_pyyaml(value_node, lines, inner, seen, depth):
                raise _Differs  # not built, but checked as before
            problems.error(
                _location(path, key_node), "yaml.key", "a mapping key must be plain text"
            )
            continue
        key = str(key_node.value)
        if key in items:
            if lines is not None and not _same_in_pyyaml(value_node, lines, inner, seen, depth):
                raise _Differs
            first = items[key].location
            problems.error(
                _location(path, key_node),
                "yaml.duplicate-key",
                f"key '{key}' appears twice in this mapping (first at line {first.line}); keep one",
            )
            continue
        items[key] = _build(path, value_node, problems, lines, inner, seen, depth)
    return Node(items, loc, tag)


def _visit(node: yaml.Node, seen: set[int] | None, depth: int) -> set[int]:
    """Mark ``node`` as walked; :class:`_Differs` for one walked before (libyaml shares an
    aliased node) or a list or mapping nested past ``MAX_NESTING``."""
    seen = set() if seen is None else seen
    if id(node) in seen or (depth >= MAX_NESTING and isinstance(node, yaml.CollectionNode)):
        raise _Differs
    seen.add(id(node))
    return seen


def _resolve_scalar(node: yaml.ScalarNode) -> Any:
    """Null and true/false for plain scalars that YAML reads so; any other scalar is the
    text as written (a number too: ``3.10`` stays "3.10", ``007`` stays "007")."""
    if node.style:  # quoted or block: text as written
        return node.value
    tag = node.tag
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return node.value.lower() in ("true", "yes", "on")
    return node.value


_ODD_BREAKS = re.compile("[\t\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# An explicit key ('? ' opening a line): libyaml places an empty value after it on the
# next line, PyYAML on the key's line. Editorial files never write one.
_EXPLICIT_KEY = re.compile(r"(?m)^[ -]*\?(?: |$)")
_BLOCK_HEADER = re.compile(r"[|>](?:[+-][1-9]?|[1-9][+-]?)?(?: |$)")


def _same_in_pyyaml(
    node: yaml.Node,
    lines: list[str],
    flow: bool = False,
    seen: set[int] | None = None,
    depth: int = 0,
) -> bool:
    seen = _visit(node, seen, depth)
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
    return all(_same_in_pyyaml(child, lines, inner, seen, depth + 1) for child in children)


# A value starts after one of these (or at the start): a file has at most two values for
# each of them, so one with few needs no count. The real files have a third of that bound.
_VALUE_STARTS = "\n,:-[{?"


def _values_past_limit(text: str) -> _Refused | None:
    """The value past ``MAX_YAML_VALUES``, counted in libyaml's events before anything is
    composed (composing keeps every value at once); files under the bound are not counted."""
    if 2 * sum(map(text.count, _VALUE_STARTS)) + 2 <= MAX_YAML_VALUES or _FAST_LOADER is None:
        return None
    values = 0
    for event in yaml.parse(text, Loader=_FAST_LOADER):
        if isinstance(event, yaml.NodeEvent):
            values += 1
            refused = _refused(event, values, 0)
            if refused:
                return refused
    return None


def _fast_allowed(text: str) -> bool:
    """Whether libyaml may compose ``text`` at all (its tree is then checked node by node)."""
    return not (_FAST_LOADER is None or _ODD_BREAKS.search(text) or _EXPLICIT_KEY.search(text))


def _compose_fast(path: str, text: str, problems: Problems) -> Node | None:
    """The tree composed by libyaml, or None where PyYAML must compose it."""
    if _FAST_LOADER is None or not _fast_allowed(text):
        return None
    try:
        refused = _values_past_limit(text)
        if refused:
            raise refused
        root = yaml.compose(text, Loader=_FAST_LOADER)
    except _Refused:
        raise
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


def load_yaml(path: str, text: str, problems: Problems, memo: Memo | None = None) -> Node | None:
    """Parse ``text``; on a syntax error, or past a bound, report it at its line and
    return None. With a ``memo``, a text parsed before without a problem is not parsed
    again (its tree is kept, with its line marks, under a hash of its path and text)."""
    if memo is None:
        return _load_yaml(path, text, problems)
    key = memo.key(path, text)
    recalled = memo.recall(key)
    if isinstance(recalled, Node):
        return recalled
    kept = memo.get(key)
    if kept is not None:
        try:
            tree = _decode(path, kept)
        except (TypeError, ValueError):  # not a tree we wrote: parse the text again
            memo.damaged(key)
        else:
            memo.remember(key, tree)
            return tree
    found = Problems()
    root = _load_yaml(path, text, found)
    problems.extend(found)
    if root is not None and not found:
        memo.put(key, _encode(root))
        memo.remember(key, root)
    return root


def _encode(node: Node) -> list[Any]:
    """A tree as JSON: ``[value, line, column, tag, style]``, a value being a scalar (text,
    true/false, null), a mapping of encoded nodes or a list of them."""
    value = node.value
    if isinstance(value, dict):
        value = {k: _encode(v) for k, v in value.items()}
    elif isinstance(value, list):
        value = [_encode(v) for v in value]
    loc = node.location
    return [value, loc.line, loc.col, node.tag, node.style]


def _decode(path: str, data: Any, depth: int = 0) -> Node:
    """The tree :func:`_encode` wrote; ValueError for anything else (the cache folder is
    the project's, and what is there is checked as any input is)."""
    if not (isinstance(data, list) and len(data) == 5) or depth > MAX_NESTING:
        raise ValueError("not a node")
    value, line, col, tag, style = data
    if isinstance(value, dict):
        value = {str(k): _decode(path, v, depth + 1) for k, v in value.items()}
    elif isinstance(value, list):
        value = [_decode(path, v, depth + 1) for v in value]
    elif not (value is None or isinstance(value, (str, bool))):
        raise ValueError("not a scalar")
    if not (
        type(line) is int
        and type(col) is int
        and isinstance(tag, str)
        and (style is None or isinstance(style, str))
    ):
        raise ValueError("not a node")
    return Node(value, Location(path, line, col), tag, style)


def _load_yaml(path: str, text: str, problems: Problems) -> Node | None:
    root = _parse_yaml(path, text, problems)
    # Raw control characters never pass YAML's reader; escapes in double quotes make them,
    # and lone surrogates, which no page can encode. Direction controls may be written raw.
    if root is not None and ("\\" in text or DIRECTION.search(text)):
        _check_text(root, problems)
    return root


# What no editorial text may hold: control characters (but tab and line feed), which are
# invalid in HTML and rewrite a terminal's output; lone surrogates, which no UTF-8 page can
# hold. (A problem's line shows what it quotes of either as an escape: ``problems.shown``.)
_UNFIT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _check_text(node: Node, problems: Problems) -> None:
    """Report each text, mapping keys included, that holds what no page or message may show
    (see ``_UNFIT``) or a direction control left open; the text is kept without them, so
    nothing later fails."""
    value = node.value
    if isinstance(value, dict):
        keys = {
            key: _fit(key, Location(child.location.path, child.location.line, 1), problems)
            for key, child in value.items()
        }
        if any(k != v for k, v in keys.items()):
            node.value = value = {keys[k]: child for k, child in value.items()}
        for child in value.values():
            _check_text(child, problems)
    elif isinstance(value, list):
        for child in value:
            _check_text(child, problems)
    elif isinstance(value, str):
        node.value = _fit(value, node.location, problems)


def _fit(text: str, where: Location, problems: Problems) -> str:
    if _SURROGATE.search(text):  # a pair written as two escapes ("\ud83d\ude00") is one
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
    bad = _UNFIT.search(text)
    if bad is not None:
        problems.error(
            where,
            "yaml.control-character",
            f"this text holds {_unicode_name(bad.group())}, which no page can show; "
            "remove the escape that writes it (a tab, \\t, and a line break, \\n, are fine)",
        )
        text = _UNFIT.sub("", text)
    left_open = unclosed(text)
    if left_open:
        open_at = text[left_open[0]]
        problems.error(
            where,
            "yaml.direction-control",
            f"this text opens {_unicode_name(open_at)} and does not close it on its line, "
            "so it would reverse the text that follows it on the page; remove it, "
            "or close it (U+202C after an embedding or override, U+2069 after an isolate)",
        )
        text = DIRECTION.sub("", text)
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


def _unicode_name(char: str) -> str:
    code = ord(char)
    what = "half of a surrogate pair, alone" if 0xD800 <= code <= 0xDFFF else "a control character"
    return f"U+{code:04X} ({unicodedata.name(char, what)})"


# Line breaks to YAML that no editor shows as one: every line after them would be reported
# one line off (and libyaml and PyYAML count them differently).
_UNSEEN_BREAK = re.compile("[\x85\u2028\u2029]")


def _parse_yaml(path: str, text: str, problems: Problems) -> Node | None:
    odd = _UNSEEN_BREAK.search(text)
    if odd is not None:
        at = odd.start()
        line, col = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
        problems.error(
            Location(path, line, col),
            "yaml.line-separator",
            f"{_unicode_name(odd.group())} is a line break to YAML but not to an editor, so "
            "every line after it would be miscounted; remove it, or write it as the escape "
            f'"\\u{ord(odd.group()):04x}" in a double-quoted string',
        )
        return None
    try:
        fast = _compose_fast(path, text, problems)
        if fast is not None:
            return fast
        root = yaml.compose(text, Loader=_BoundedLoader)
    except _Refused as exc:
        problems.error(_at(path, exc.problem_mark), exc.code, str(exc.problem))
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or str(exc)
        problems.error(
            _at(path, mark),
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
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        problems.error(
            Location(path, line, col),
            "yaml.character",
            f"character U+{exc.character:04X} cannot appear in a YAML file (control "
            "characters are not allowed, even in quotes); remove it, or write it as an "
            'escape such as "\\u00ad" in a double-quoted string',
        )
        return None
    except yaml.YAMLError as exc:
        problems.error(Location(path, 1, 1), "yaml.syntax", f"YAML error: {exc}")
        return None
    if root is None:
        return Node({}, Location(path, 1, 1))
    return _build(path, root, problems, None)
