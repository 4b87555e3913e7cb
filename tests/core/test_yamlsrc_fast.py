"""libyaml composes, yet the located tree and the problems are always PyYAML's.

``load_yaml`` builds the tree from libyaml's nodes and checks, in the same walk, that
PyYAML would compose each node alike; where it might not (or libyaml rejects the file) the
text is composed again by PyYAML. Compared here with PyYAML alone on every editorial file
and on random mutations of their pieces.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from annotated_reader.core import yamlsrc
from annotated_reader.core.problems import Problems
from annotated_reader.core.yamlsrc import Node, load_yaml

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    p
    for folder in (ROOT / "annotations", ROOT / "tests" / "fixtures")
    for p in folder.rglob("*.yml")
)
# Pieces that change how YAML reads a line: indicators, tags, anchors, block scalar
# headers (some with a comment glued on), flow collections, tabs, odd line breaks.
INSERTS = [
    ": ", ":", "- ", "-", "? ", "?", "|", "|-", "|+2", ">", ">-", "|#c", "| #c", "#", " #x",
    "!", "!!str ", "!!int ", "!local ", "!<tag:x> ", "&a ", "*a", "{", "}", "{a: 1}", "[", "]",
    "[a, ]", "{? a}", "{a: }", "[? x]", '"', "'", '"a\\tb"', "\t", "\r", "\r\n", "\x85",
    "\u2028", "  ", "    ", "\n", "\n\n", "...", "---", "~", "null", "yes", "0x1F", "1.5e3",
    "2024-01-01", "é", "%YAML 1.1\n",
]  # fmt: skip


def _tree(node: Node | None) -> Any:
    if node is None:
        return None
    if isinstance(node.value, dict):
        value: Any = {k: _tree(v) for k, v in node.value.items()}
    elif isinstance(node.value, list):
        value = [_tree(v) for v in node.value]
    else:
        value = (type(node.value).__name__, node.value)
    return (value, str(node.location), node.tag, node.style)


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    fast_problems, slow_problems = Problems(), Problems()
    fast = _tree(load_yaml("f.yml", text, fast_problems))
    with monkeypatch.context() as m:
        m.setattr(yamlsrc, "_FAST_LOADER", None)
        slow = _tree(load_yaml("f.yml", text, slow_problems))
    return (
        (fast, [str(p) for p in fast_problems.items]),
        (slow, [str(p) for p in slow_problems.items]),
    )


@pytest.mark.skipif(yamlsrc._FAST_LOADER is None, reason="PyYAML built without libyaml")
def test_every_editorial_file_loads_as_pyyaml_loads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(FILES) >= 8
    for path in FILES:
        fast, slow = _both(path.read_text(encoding="utf-8"), monkeypatch)
        assert fast == slow, path


@pytest.mark.skipif(yamlsrc._FAST_LOADER is None, reason="PyYAML built without libyaml")
def test_mutated_pieces_load_as_pyyaml_loads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(11)
    lines = [
        line
        for path in FILES
        for line in path.read_text(encoding="utf-8").split("\n")
        if "sources" in path.parts or "fixtures" in path.parts
    ]
    fast_paths = 0
    for _ in range(1500):
        start = rng.randrange(len(lines))
        piece = lines[start : start + rng.randint(1, 14)]
        for _ in range(rng.randint(0, 3)):
            k = rng.randrange(len(piece))
            roll = rng.random()
            if roll < 0.15:
                del piece[k]
            elif roll < 0.3:
                piece.insert(k, piece[k])
            elif roll < 0.45:
                piece[k] = " " * rng.randint(0, 6) + piece[k].lstrip()
            else:
                at = rng.randint(0, len(piece[k]))
                piece[k] = piece[k][:at] + rng.choice(INSERTS) + piece[k][at:]
            if not piece:
                break
        text = "\n".join(piece) + rng.choice(["", "\n"])
        fast, slow = _both(text, monkeypatch)
        assert fast == slow, text
        if yamlsrc._ODD_BREAKS.search(text):
            continue  # the real path never hands libyaml's tree such text (other line breaks)
        try:
            root = yaml.compose(text, Loader=yamlsrc._FAST_LOADER)
            allowed = yamlsrc._fast_allowed(text)  # as load_yaml asks before the walk
            if root is not None and allowed and yamlsrc._same_in_pyyaml(root, text.split("\n")):
                fast_paths += 1
        except yaml.YAMLError:
            pass
    assert fast_paths > 300  # libyaml's tree is the one used, often


# Where libyaml's own tree (or its acceptance) is not PyYAML's: each check in the walk.
DIFFERING = [
    "a: |#c\n  x",  # a comment glued to a block scalar's header: PyYAML rejects it
    "{a: b?c}",  # '?' inside a plain scalar in a flow collection
    "{a?b: c}",  # ... in a key
    "{a: }",  # an empty value's column
    "[a, {b: }]",  # ... in a flow mapping inside a flow sequence
    "a:\n  - {x: }",  # ... in a flow mapping inside block collections
    "a: 1\na: |#c\n  x",  # in the value of a duplicate key, which is not built
    "? [a?b]\n: c",  # in a key that is not text, which is not built
    "? [a]\n: |#c\n  x",  # in the value of such a key
    "? |#c\n  k\n: v",  # in a block scalar key
]


@pytest.mark.skipif(yamlsrc._FAST_LOADER is None, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("text", DIFFERING)
def test_where_libyaml_differs_pyyaml_decides(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = _both(text, monkeypatch)
    assert fast == slow
    try:
        root = yaml.compose(text, Loader=yamlsrc._FAST_LOADER)
    except yaml.YAMLError:
        return
    problems = Problems()
    unchecked = _tree(yamlsrc._build("f.yml", root, problems, None))
    assert (unchecked, [str(p) for p in problems.items]) != slow  # the case is a real one


@pytest.mark.skipif(yamlsrc._FAST_LOADER is None, reason="PyYAML built without libyaml")
def test_an_explicit_key_is_composed_by_pyyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml puts an explicit key's empty value on the next line, PyYAML on the key's."""
    for text in ["? ", "     ? ", "? \n", "a:\n  ? b\n"]:
        fast, slow = _both(text, monkeypatch)
        assert fast == slow, text


def test_a_surrogate_pair_written_as_two_escapes_is_its_character() -> None:
    """JSON writes an emoji as two escapes, which YAML reads as two halves: one character,
    not two lone surrogates refused (an outside test found the emoji dropped)."""
    problems = Problems()
    root = load_yaml("f.yml", 'a: "x \\ud83d\\ude00 y"\n', problems)
    assert root is not None and root.value["a"].value == "x \U0001f600 y"
    assert not problems.items
