"""Markdown pieces for the review report, safe for untrusted text.

Everything quoted from a pull request — passages, note bodies, titles — is inert in the
comment: the characters that open Markdown or HTML (emphasis, links, images, tags, entities,
table cells, math, mentions) are backslash-escaped, a line cannot start a heading, list or
quote, and code spans and fences are longer than any backtick run inside them.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from ..core.problems import shown
from ..core.text.segment import Block
from ..coverage.feature import sentences

_INLINE = re.compile(r"([\\`*_\[\]<>!#|~&$@:])")
_LINE_START = re.compile(r"^([-+=>])|^(\d+)([.)])")
CONTEXT = 160  # at most this many characters of sentence on each side of a passage


def esc(text: str) -> str:
    """One line of literal text: whitespace collapsed, Markdown and HTML escaped, and what
    must not print raw (control and direction characters) written as escapes."""
    out = _INLINE.sub(r"\\\1", shown(" ".join(str(text).split())))
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", out)


def code(text: str) -> str:
    """An inline code span holding ``text`` verbatim (on one line)."""
    text = shown(" ".join(str(text).split()))
    run = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (run + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def fenced(text: str, lang: str = "") -> str:
    """A fenced code block; the fence outgrows every backtick run in ``text``."""
    run = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, run + 1)
    return f"{fence}{lang}\n{text.rstrip()}\n{fence}"


def value(item: Any) -> str:
    """A field value, short and literal: — for absent, code spans for text."""
    if item is None:
        return "—"
    if isinstance(item, bool):
        return code("true" if item else "false")
    if isinstance(item, dict) and set(item) <= {"title", "url"}:
        return f"{esc(str(item.get('title', '')))} ({code(str(item.get('url', '')))})"
    if isinstance(item, list):
        return "[" + ", ".join(value(i) for i in item) + "]" if item else "[]"
    if isinstance(item, dict):
        return "{" + ", ".join(f"{esc(str(k))}: {value(v)}" for k, v in item.items()) + "}"
    return code(str(item))


def is_long(item: Any) -> bool:
    return isinstance(item, str) and (len(item) > 80 or "\n" in item.strip())


def text_diff(before: str | None, after: str | None) -> str:
    """A ``diff`` block of two texts, one line per sentence-ish line of each."""
    old = (before or "").strip().splitlines()
    new = (after or "").strip().splitlines()
    lines = [
        ln
        for ln in difflib.ndiff(old, new)
        if not ln.startswith("? ")  # ndiff's intraline hints do not help here
    ]
    return fenced(
        "\n".join(ln[0] + ln[2:] if ln[0] in "+-" else " " + ln[2:] for ln in lines), "diff"
    )


def _around(text: str, blocks: list[Block], at: int) -> tuple[int, int]:
    """The sentence (inside its block) holding offset ``at``."""
    for block in blocks:
        if block.start <= at < block.end:
            for a, b in sentences(text, block.start, block.end):
                if a <= at < b:
                    return a, b
            return block.start, block.end
    return at, at


def _spaced(chars: str) -> bool:
    return any(c.isspace() for c in chars)


def passage(text: str, blocks: list[Block], start: int, end: int) -> str:
    """A blockquote: the passage in bold within its surrounding sentence(s)."""
    lo = min(_around(text, blocks, start)[0], start)
    hi = max(_around(text, blocks, max(start, end - 1))[1], end)
    before, quoted, after = text[lo:start], text[start:end], text[end:hi]
    before = " ".join(before.split())
    after = " ".join(after.split())
    if len(before) > CONTEXT:
        before = "…" + before[-CONTEXT:].split(" ", 1)[-1]
    if len(after) > CONTEXT:
        after = after[:CONTEXT].rsplit(" ", 1)[0] + "…"
    # a space at either side of the bold, in the text or at the passage's own end, is kept
    # (esc drops a passage's outer spaces), and none is added where no context is shown
    gap_before = " " if before and _spaced(text[lo:start][-1:] + quoted[:1]) else ""
    gap_after = " " if after and _spaced(quoted[-1:] + text[end:hi][:1]) else ""
    return f"> {esc(before)}{gap_before}<b>{esc(quoted)}</b>{gap_after}{esc(after)}"
