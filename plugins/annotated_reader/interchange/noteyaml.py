"""A note as YAML text, laid out as ``annotations/README.md`` shows one: what the quote
helper prints and what the Hypothesis import appends to a source file.

Strings are written double-quoted by PyYAML's own emitter (every escape right), a body as
a literal block when it reads back unchanged that way; each piece is read back before it
is used, so the text always loads to the values given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..core.model import Quote
from ..core.vocabulary.verdicts import VERDICTS


@dataclass(frozen=True)
class NoteDraft:
    """What a written note holds; ``None`` leaves a required field for the editor (written
    as ``~`` with a comment saying what goes there, so ``check`` names it until filled)."""

    id: str
    kind: str
    quote: Quote
    body: str
    verdict: str | None = None
    correction: str | None = None
    references: list[tuple[str, str]] = field(default_factory=list)
    reviewed: str | None = None
    comments: list[str] = field(default_factory=list)  # lines written above the note


def scalar(value: str) -> str:
    """``value`` as a double-quoted YAML scalar on one line."""
    text = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=2**31 - 1)
    text = text.removesuffix("\n").removesuffix("\n...")
    assert yaml.safe_load(text) == value
    return text


def _block(value: str, indent: str) -> str | None:
    """``value`` as a literal block scalar (``|``) indented by ``indent``, or None when a
    block cannot carry it unchanged (leading blank lines, lines of spaces alone…)."""
    if not value.strip() or "\r" in value:
        return None
    stripped = value.rstrip("\n")
    trailing = len(value) - len(stripped)
    chomp = "-" if trailing == 0 else "" if trailing == 1 else "+"
    lines = [indent + line if line else "" for line in stripped.split("\n")]
    lines += [""] * max(0, trailing - 1)
    text = f"|{chomp}\n" + "\n".join(lines) + ("\n" if trailing else "")
    try:
        back = yaml.safe_load("x: " + text)
    except yaml.YAMLError:
        return None
    return text.rstrip("\n") if isinstance(back, dict) and back.get("x") == value else None


def note_yaml(note: NoteDraft, indent: str = "  ") -> str:
    """The note as one item of the ``annotations:`` list, each line starting with
    ``indent`` (the column of its ``-``), ending with a newline."""
    inner = indent + "  "
    out = [f"{indent}# {line}".rstrip() for line in note.comments]
    out.append(f"{indent}- id: {note.id}")
    out.append(f"{inner}kind: {note.kind}")
    out.append(f"{inner}quote:")
    out.append(f"{inner}  exact: {scalar(note.quote.exact)}")
    if note.quote.prefix:
        out.append(f"{inner}  prefix: {scalar(note.quote.prefix)}")
    if note.quote.suffix:
        out.append(f"{inner}  suffix: {scalar(note.quote.suffix)}")
    if note.kind == "fact-check":
        if note.verdict:
            out.append(f"{inner}verdict: {note.verdict}")
        else:
            out.append(f"{inner}verdict: ~  # fill in: {' | '.join(VERDICTS)}")
    if note.kind == "correction":
        text = (
            scalar(note.correction) if note.correction else "~  # fill in: what the text should say"
        )
        out.append(f"{inner}correction: {text}")
    body = _block(note.body, inner + "  ")
    out.append(f"{inner}body: {body if body is not None else scalar(note.body)}")
    if note.references:
        out.append(f"{inner}references:")
        for title, url in note.references:
            out.append(f"{inner}  - title: {scalar(title)}")
            out.append(f"{inner}    url: {scalar(url)}")
    elif note.kind == "fact-check":
        out.append(f"{inner}references:  # a fact-check cites at least one public reference")
        out.append(f"{inner}  - title: ~  # fill in: the reference's title")
        out.append(f"{inner}    url: ~  # fill in: its address (https://…)")
    if note.reviewed:
        out.append(f"{inner}reviewed: {scalar(note.reviewed)}")
    elif note.kind == "fact-check":
        out.append(f'{inner}reviewed: ~  # fill in: the day you checked it, "YYYY-MM-DD"')
    return "\n".join(out) + "\n"
