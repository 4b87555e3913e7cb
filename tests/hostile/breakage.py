"""How a bad-input case breaks a fresh copy of the mini project, and what it expects.

The mini project (tests/fixtures/mini) has one source with five notes. Most cases leave it
alone and break a second source, ``tail`` (its file sorts after ``sample``, so a clash of ids
keeps the mini note first), or a glossary or events file written beside it: then every note
of the mini project must still be published, whatever the break does.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MINI_NOTES = ("s-outer", "s-inner", "s-overlap", "s-cross", "s-debris")
SAMPLE = "annotations/sources/sample.yml"
TAIL = "annotations/sources/tail.yml"
TAIL_TXT = "seeds/tail.txt"
GLOSSARY = "annotations/glossary.yml"
EVENTS = "annotations/events.yml"

TAIL_SEED = """Tail Headline

Second item about Moscow.

The tail text names Minsk and Moscow in 1999, and Moscow again.
"""

CRITERIA = """  criteria:
    named-author: {met: no, evidence: "No byline."}
    cites-sources: {met: partly, evidence: "One treaty is named, nothing is linked."}
    separates-opinion: {met: yes, evidence: "Plain reporting throughout."}
    dated-corrected: {met: partly, evidence: "Dated by month only; no corrections."}
    clean-text: {met: no, evidence: "A comment form was captured with the text."}
"""

# Line 3 is the title, 10 the rating, 21 the note every case keeps (unless it says so).
TAIL_HEAD = (
    """seed: tail.txt
metadata:
  title: {value: "A tail source", basis: "Fixture."}
  author: {value: null, basis: "No byline."}
  outlet: {value: "Fixture Daily", basis: "Fixture."}
  published: {value: "2023", basis: "Fixture."}
  kind: {value: news, basis: "Fixture."}
  language: {value: en, basis: "Fixture."}
  url: {value: "https://example.org/tail", basis: "Fixture."}
rating:
  grade: C
"""
    + CRITERIA
    + """  rationale: "A fixture text."
  reviewed: "2026-11-22"
annotations:
  - id: o-ok
    kind: context
    quote: {exact: "Second item about Moscow"}
    body: "Kept whatever else breaks."
"""
)
FIRST = TAIL_HEAD.count("\n") + 1  # the line where a case's own notes start in tail.yml

# A note dating the one event of EVENTS_HEAD, so that the event is asserted.
DATED = """  - id: o-dated
    kind: context
    quote: {exact: "in 1999"}
    body: "Dates the treaty."
    event: e-1999
    date: "1999"
"""

GLOSSARY_HEAD = """terms:
  - id: minsk
    term: Minsk
    category: place
    definition: "Capital of Belarus."
    aliases: [Minsk]
"""
GFIRST = GLOSSARY_HEAD.count("\n") + 1

EVENTS_HEAD = """events:
  - id: e-1999
    title: Union treaty signed
    date: "1999-12-08"
    category: treaty
    description: "The treaty was signed."
    references:
      - {title: "Treaty", url: "https://example.org/treaty"}
"""
EFIRST = EVENTS_HEAD.count("\n") + 1


def at(path: str, line: int, col: int) -> str:
    return f"{path}:{line}:{col}"


def t(offset: int, col: int) -> str:
    """A place in tail.yml, ``offset`` lines below the first line of the case's notes."""
    return at(TAIL, FIRST + offset, col)


def note(ident: str = "o-bad", **fields: str) -> str:
    """A note in tail.yml's YAML; ``fields`` are raw YAML values (``kind="fact-check"``),
    written in the order given after id, kind, quote and body (the first four lines)."""
    values = {
        "kind": "context",
        "quote": '{exact: "Minsk and Moscow"}',
        "body": '"A note."',
        **fields,
    }
    lines = [f"  - id: {ident}"] + [f"    {k}: {v}" for k, v in values.items() if v is not None]
    return "\n".join(lines) + "\n"


Break = Callable[[Path], None]


def write(rel: str, text: str | bytes) -> Break:
    def apply(project: Path) -> None:
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    return apply


def edit(rel: str, old: str, new: str) -> Break:
    def apply(project: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def tail(notes: str = "", head: str = TAIL_HEAD, seed: str | bytes = TAIL_SEED) -> Break:
    """Add the tail source: its seed, and its file with ``notes`` after the kept note."""
    return both(write(TAIL_TXT, seed), write(TAIL, head + notes))


def glossary(terms: str = "", notes: str = "") -> Break:
    return both(tail(notes), write(GLOSSARY, GLOSSARY_HEAD + terms))


def events(items: str = "", notes: str = "") -> Break:
    """The tail source with the dated note, then ``notes``; events.yml with ``items``."""
    return both(tail(DATED + notes), write(EVENTS, EVENTS_HEAD + items))


def symlink(rel: str, target_text: str) -> Break:
    """Replace ``rel`` by a link to a file outside the project holding ``target_text``."""

    def apply(project: Path) -> None:
        outside = project.parent / "outside" / Path(rel).name
        outside.parent.mkdir(parents=True, exist_ok=True)
        outside.write_text(target_text, encoding="utf-8")
        link = project / rel
        if link.exists():
            link.unlink()
        os.symlink(outside, link)

    return apply


def both(*steps: Break) -> Break:
    def apply(project: Path) -> None:
        for step in steps:
            step(project)

    return apply


@dataclass(frozen=True)
class Case:
    """One class of bad input.

    ``at`` is the exact ``path:line:col`` the problem must be reported at; ``message`` a
    regex the text after ``[code] `` must match (what is wrong, and how to fix it).
    ``lost`` names notes the break removes on purpose; every other note must be published.
    ``also`` lists further problems the one break rightly causes (an empty file lacks every
    field); any other problem reported is a failure (one mistake, one message).
    ``check`` is False where only the site build can see the problem (files under docs/),
    ``publishes`` False where the build rightly stops before writing any page.
    """

    name: str
    what: str
    breaks: Break
    at: str
    code: str
    message: str
    severity: str = "error"
    lost: tuple[str, ...] = ()
    check: bool = True
    publishes: bool = True
    secret: str = ""  # text from outside the project that no built file may contain
    also: tuple[str, ...] = ()  # regexes of further problem lines the break rightly causes

    def __str__(self) -> str:
        return self.name
