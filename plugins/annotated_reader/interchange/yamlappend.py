"""Append notes to a source file by editing its text, never by dumping it again.

A source file is written by hand: comments, the order of keys, flow or block style and
blank lines are the editor's. The new notes (YAML text, :mod:`.noteyaml`) go after the
last item of the ``annotations:`` list, in its indentation; everything else stays byte
for byte. The result is parsed before it is returned: the list must read as the old notes
followed by the new ones, and every other key as before.
"""

from __future__ import annotations

import re

import yaml


class AppendError(ValueError):
    """Notes cannot be appended to this file as it is written (said how to fix it)."""


def _top(text: str) -> yaml.MappingNode:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        raise AppendError("the file is not a mapping of keys (seed, metadata, annotations…)")
    return root


def _annotations(root: yaml.MappingNode) -> yaml.Node | None:
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "annotations":
            return value if isinstance(value, yaml.Node) else None
    return None


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _after_line(text: str, index: int) -> int:
    """The start of the line after the one holding ``index`` (or the end of the text)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    end = text.find("\n", index)
    return len(text) if end == -1 else end + 1


def append_notes(text: str, notes: list[str], indent: str = "  ") -> str:
    """``text`` with ``notes`` (each made by ``note_yaml(..., indent)`` for the indent this
    returns through :func:`list_indent`) added at the end of its ``annotations:`` list."""
    if not notes:
        return text
    try:
        root = _top(text)
    except yaml.YAMLError as exc:
        raise AppendError(
            f"the file is not valid YAML ({exc}); run `annotated-reader check`"
        ) from None
    node = _annotations(root)
    body = "".join(notes)
    if node is None:
        joined = text if text.endswith("\n") or not text else text + "\n"
        out = joined + "annotations:\n" + body
    elif isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        at = _after_line(text, node.value[-1].end_mark.index)
        head = text[:at] if text[:at].endswith("\n") else text[:at] + "\n"
        out = head + body + text[at:]
    elif (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")) or (
        isinstance(node, yaml.SequenceNode) and not node.value
    ):
        # ``annotations:`` with nothing, ``~``, ``null`` or ``[]``: the list starts here.
        start, end = node.start_mark.index, node.end_mark.index
        rest = text[end:]
        comment = re.match(r"[ \t]*(#[^\n]*)?", rest)
        tail_end = end + (comment.end() if comment else 0)
        line_end = _after_line(text, tail_end)
        key_line = text[_line_start(text, start) : start].rstrip() + (
            " " + comment.group(1) if comment and comment.group(1) else ""
        )
        out = text[: _line_start(text, start)] + key_line + "\n" + body + text[line_end:]
    else:
        raise AppendError(
            "'annotations' is written as a flow list ([...]) or is not a list; write it as a "
            "block list (one '- id: …' item per note) to import into it"
        )
    _check(text, out, notes)
    return out


def list_indent(text: str) -> str:
    """The indentation of the items of the file's ``annotations:`` list (two spaces when
    it has none yet)."""
    try:
        node = _annotations(_top(text))
    except (yaml.YAMLError, AppendError):
        return "  "
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        line = text[_line_start(text, node.value[0].start_mark.index) :]
        found = re.match(r"([ ]*)- ", line)
        if found:
            return found.group(1)
    return "  "


def _check(before: str, after: str, notes: list[str]) -> None:
    old, new = yaml.safe_load(before) or {}, yaml.safe_load(after)
    added = [item for note in notes for item in yaml.safe_load(note)]
    expected = {**old, "annotations": [*(old.get("annotations") or []), *added]}
    if new != expected:
        raise AppendError(
            "the notes could not be appended without changing what the file says; add them "
            "by hand (printed above)"
        )
