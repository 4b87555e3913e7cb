"""Checking every ``[[…]]`` cross-reference in the corpus's Markdown, in one place.

Notes, corrections, definitions, rationales and event descriptions are all checked here,
once every feature has loaded and every id is known: a reference to an id that does not
exist is an error with the closest id as a hint; one that is not written as a reference
(``[[Lys-Caption]]``, ``[[term:]]``) would print literally, so it is an error too. A
reference to an id whose file could not be loaded is left to that file's own error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .fields import ID_PATTERN, suggest
from .files import ANY
from .problems import Location, Problems
from .text.markup import REF_PATTERN, find_refs

_HOW = "write [[note-id]], [[source:id]], [[term:id]] or [[event:id]], with |label for other text"
_NAMESPACES = ("source", "term", "event", "note")
# Whatever is written as a reference, well-formed or not: [[…]] within one line, unless it
# is a link whose text is in brackets ("[[1]](https://…)").
_WRITTEN = re.compile(r"\[\[([^\[\]\n]*)\]\](?!\()")
# What looks like one but holds a bracket ("[[a]b]]", a link as its label): "[[" and the
# first "]]" after it on the line, with no "[[" between. A link whose text starts with a
# bracket ("[[RU] x](…)", "[[Reuters]](…)") is not one.
_BRACKETED = re.compile(r"\[\[(?:(?!\]\]|\[\[)[^\n])*\]\](?!\()")


@dataclass(frozen=True)
class Prose:
    """A Markdown text from editorial data: whose it is (for messages) and where it starts."""

    owner: str  # "annotation 'x'", "event 'y'", …
    text: str
    path: str
    line: int  # the line of the text's first line


def malformed(inner: str) -> str | None:
    """What is wrong with ``[[inner]]`` as a cross-reference, or None when nothing is."""
    if REF_PATTERN.fullmatch(f"[[{inner}]]"):
        return None
    target, bar, label = inner.partition("|")
    namespace, colon, ident = target.rpartition(":")
    if not target.strip():
        return "it names nothing"
    if colon and namespace not in _NAMESPACES:
        return f"'{namespace}:' is no kind of reference; use source:, term:, event:, or none for a note"
    if not ident.strip():
        return f"it names no id after '{namespace}:'"
    if ident != ident.strip():
        return "the id has spaces around it"
    if bar and not label:
        return "the label after '|' is empty"
    lower = ident.lower()
    if lower != ident and ID_PATTERN.fullmatch(lower):
        return f"ids are lowercase: [[{namespace}{colon}{lower}{bar}{label}]]"
    return "an id may hold only lowercase letters, digits and '-'"


def locate(prose: Prose, offset: int, written: str, lines: Sequence[str]) -> Location:
    """Where ``written``, found at ``offset`` of the prose, stands in its file.

    The reference is the text's ``nth`` copy of ``written``: the file's lines from the
    text's first on hold the same copies in the same order, so the nth found there is it
    (a folded or quoted scalar has fewer line breaks than its lines, so the search runs a
    few lines past the text's count). Not found (an escaped scalar): the line its line
    breaks give, column 1.
    """
    line = prose.line + prose.text.count("\n", 0, offset)
    nth = prose.text.count(written, 0, offset)
    seen = 0
    for index in range(prose.line - 1, min(len(lines), line + prose.text.count("\n") + 3)):
        col = lines[index].find(written)
        while col >= 0:
            if seen == nth:
                return Location(prose.path, index + 1, col + 1)
            seen += 1
            col = lines[index].find(written, col + 1)
    return Location(prose.path, line, 1)


def check_prose(
    prose: Prose,
    known: dict[str, set[str]],
    lost: dict[str, set[str]],
    problems: Problems,
    lines_of: Callable[[str], Sequence[str]] = lambda path: (),
) -> None:
    """Report each reference in ``prose`` that is malformed or names an unknown id (not
    one of ``lost``, the ids of what did not load), at its line and column in the file
    whose lines ``lines_of`` gives (read only to report one: at 1,000 sources, reading
    every file's lines again was a sixth of an edited build's peak memory)."""
    for m in _BRACKETED.finditer(prose.text):
        if not _WRITTEN.fullmatch(m.group(0)):
            problems.error(
                locate(prose, m.start(), m.group(0), lines_of(prose.path)),
                "xref.malformed",
                f"{prose.owner} has '{m.group(0)}', which is not a cross-reference (a "
                "reference holds no [ or ] of its own; its label is plain text); "
                f"{_HOW}, or write \\[[ for two brackets as text",
            )
    for m in _WRITTEN.finditer(prose.text):
        why = malformed(m.group(1))
        if why is not None:
            problems.error(
                locate(prose, m.start(), m.group(0), lines_of(prose.path)),
                "xref.malformed",
                f"{prose.owner} has '{m.group(0)}', which is not a cross-reference ({why}); {_HOW}",
            )
    for ref in find_refs(prose.text):
        ids = known.get(ref.namespace, set())
        gone = lost.get(ref.namespace, ())
        if ref.id in ids or ref.id in gone or ANY in gone:
            continue
        problems.error(
            locate(prose, ref.start, ref.text, lines_of(prose.path)),
            "xref.unknown",
            f"{prose.owner} links to unknown {ref.namespace} '{ref.id}'{suggest(ref.id, ids)}; "
            "use an id that exists: [[note-id]], [[source:id]], [[term:id]] or [[event:id]]",
        )
