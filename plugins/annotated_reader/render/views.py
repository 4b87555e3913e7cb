"""What the source page's templates and the search view are given, typed.

A template reads its variables by name; typed here, a renamed or missing field fails
``mypy --strict`` where the values are made, instead of rendering an empty string.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from markupsafe import Markup as Safe

from ..core.model import Annotation
from ..core.vocabulary.kinds import Kind
from ..core.vocabulary.verdicts import Verdict


@dataclass(frozen=True)
class EventLink:
    """A note's link to its timeline entry."""

    href: str
    label: str


@dataclass(frozen=True)
class ClaimLink:
    """A note's link to its claim's entry on the claims page: ``label`` counts the other
    sources that carry the claim, ``title`` is the claim's neutral wording."""

    href: str
    label: str
    title: str


@dataclass(frozen=True)
class NoteView:
    """The variables ``note.html`` is rendered with; the search view reads them too."""

    ann: Annotation
    number: int
    kind: Kind
    verdict: Verdict | None
    correction_html: Safe
    body_html: Safe
    event: EventLink | None
    date_human: str
    claim: ClaimLink | None = None

    def context(self) -> dict[str, object]:
        """The fields as template variables (shallow: the values themselves)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class HeaderRow:
    """One metadata row of a source page's header (and of its search document)."""

    label: str
    value: str | None  # as shown (a date spelt out, a language named)
    raw: str | None  # as recorded
    basis: str
    href: str | None  # for an address


@dataclass(frozen=True)
class LegendItem:
    """How many notes of one kind the page has."""

    kind: Kind
    count: int
