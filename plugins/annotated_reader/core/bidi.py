"""Direction controls: the embeddings, overrides and isolates of Unicode's bidirectional
algorithm, which must close where they open.

One left open reverses everything after it to the end of its paragraph: on a page that is
the rest of the block, the reader's own note numbers and links included; in a tooltip or a
navigation entry, the text joined after it. Editorial text and seed text are checked line
by line (a list item or a heading is a paragraph of its own), and a text cut short (a
title, a claim) has what it leaves open closed at the cut.
"""

from __future__ import annotations

import re

DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
_EMBED_CLOSE, _ISOLATE_CLOSE = "\u202c", "\u2069"
_ISOLATES = frozenset("\u2066\u2067\u2068")
_OPENERS = frozenset("\u202a\u202b\u202d\u202e") | _ISOLATES


def _left_open(text: str) -> list[tuple[str, int]]:
    """The controls ``text`` opens and does not close, outermost first, each with its
    index. As the algorithm reads them: U+202C closes the last embedding or override, not
    past an isolate; U+2069 closes the last isolate and what it holds, and nothing when no
    isolate is open."""
    stack: list[tuple[str, int]] = []
    for found in DIRECTION.finditer(text):
        char = found.group()
        if char in _OPENERS:
            stack.append((char, found.start()))
        elif char == _EMBED_CLOSE:
            if stack and stack[-1][0] not in _ISOLATES:
                stack.pop()
        elif any(c in _ISOLATES for c, _ in stack):  # U+2069
            while stack.pop()[0] not in _ISOLATES:
                pass
    return stack


def unclosed(text: str) -> list[int]:
    """The index of every direction control that ``text`` leaves open on its line, in
    order (an empty list when each closes where it opens)."""
    out: list[int] = []
    start = 0
    for line in text.split("\n"):
        out.extend(start + at for _, at in _left_open(line))
        start += len(line) + 1
    return sorted(out)


def closers(text: str) -> str:
    """What closes what ``text`` leaves open, to put at its end: for a part of a text cut
    short, whose closing controls were in the part left out."""
    return "".join(
        _ISOLATE_CLOSE if char in _ISOLATES else _EMBED_CLOSE
        for char, _ in reversed(_left_open(text))
    )
