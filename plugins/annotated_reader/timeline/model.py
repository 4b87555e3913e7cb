"""The combined timeline's model: canonical events, the passages that date them, agreement.

An event has a reference date (established from its references); each passage that asserts
it gives the date as its source states it, at the source's own precision. Two dates agree
when the spans of days they can mean overlap, i.e. they agree at the coarser precision:
``1999`` agrees with ``1999-12-08``, ``1996`` does not agree with ``1999``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from ..core.model import Annotation, Reference, Source, Where
from ..core.problems import Location
from ..core.vocabulary.dates import Span
from .where import extra_actors, place_differs


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    glyph: str


CATEGORIES: dict[str, Category] = {
    c.id: c
    for c in (
        Category("treaty", "Treaty", "§"),
        Category("institution", "Institution", "⌂"),
        Category("military", "Military", "⚔"),
        Category("statement", "Statement", "❝"),
        Category("election", "Election", "☑"),
        Category("sanctions", "Sanctions", "⊘"),
        Category("conflict", "Conflict", "✸"),
        Category("economy", "Economy", "¤"),
    )
}


@dataclass(frozen=True)
class Passage:
    """One annotated passage asserting an event; ``span`` is None when its date is invalid."""

    annotation: Annotation
    source: Source
    span: Span | None

    @property
    def date(self) -> str:
        return self.annotation.date or ""

    @property
    def dated(self) -> bool:
        """Whether its source dates the event at all (it may tell it without a date)."""
        return self.annotation.date is not None

    @property
    def where(self) -> Where:
        return self.annotation.where


@dataclass(frozen=True)
class Agreement:
    """How the dates claimed for one event fit together and with its reference date.

    Claims are keyed (by annotation id); ``off_reference`` lists the keys whose date cannot
    be the reference date, ``clashes`` the pairs of distinct claimed dates that cannot both
    be right. Pairs of dates, not of claims: a hundred sources repeating one wrong date are
    one clash, so the reasons shown stay proportional to the claims, not to their square.
    """

    off_reference: tuple[str, ...] = ()
    clashes: tuple[tuple[Span, Span], ...] = ()
    off_place: tuple[str, ...] = ()  # keys whose place is not the event's
    off_actors: tuple[str, ...] = ()  # keys naming actors the event does not record

    @property
    def dates_disputed(self) -> bool:
        return bool(self.off_reference or self.clashes)

    @property
    def disputed(self) -> bool:
        """Dates, place or actors that cannot all be right."""
        return self.dates_disputed or bool(self.off_place or self.off_actors)


def agreement(reference: Span, claims: Sequence[tuple[str, Span]]) -> Agreement:
    """Compare every claimed date with the reference date, and the distinct dates claimed
    with each other."""
    off = tuple(key for key, span in claims if not span.agrees_with(reference))
    return Agreement(off, clashing_pairs(span for _key, span in claims))


def clashing_pairs(spans: Iterable[Span]) -> tuple[tuple[Span, Span], ...]:
    """Pairs of distinct dates that cannot both be right, earlier date first."""
    distinct = sorted(set(spans), key=lambda s: s.sort_key)
    return tuple((a, b) for a, b in combinations(distinct, 2) if not a.agrees_with(b))


@dataclass
class Event:
    id: str
    title: str
    date: str
    span: Span
    category: str
    description: str
    references: list[Reference]
    location: Location
    description_line: int = 0
    passages: list[Passage] = field(default_factory=list)
    where: Where = field(default_factory=Where)  # the reference place and actors, if recorded
    date_at: Location | None = None  # where the reference date is written

    def filed_under(self) -> tuple[str, str]:
        """The year the event is listed under, as an address part and a label: the first year
        its reference date can mean ('about 1995' under 1994, so that a year's events stay
        together in date order). A date with an open start ('../1995', which sorts first)
        is listed as 'Until 1995', not under the year 1 that bounds it."""
        start, _, end = self.span.text.partition("/")
        if not end or start not in ("", ".."):
            year = str(self.span.earliest.year)
            return year, year
        if self.span.latest.year >= 9999:
            return "undated", "Undated"
        return f"until-{self.span.latest.year}", f"Until {self.span.latest.year}"

    def source_ids(self) -> list[str]:
        """Distinct sources asserting the event, in a stable order."""
        return sorted({p.source.id for p in self.passages})

    def by_source(self) -> list[tuple[Source, list[Passage]]]:
        """Passages grouped by source: sources by title, passages in reading order."""
        groups: dict[str, list[Passage]] = {}
        for passage in self.passages:
            groups.setdefault(passage.source.id, []).append(passage)
        ordered = sorted(groups.values(), key=lambda ps: (ps[0].source.title, ps[0].source.id))
        return [
            (ps[0].source, sorted(ps, key=lambda p: (p.annotation.start, p.annotation.id)))
            for ps in ordered
        ]

    def agreement(self) -> Agreement:
        claims = [(p.annotation.id, p.span) for p in self.passages if p.span is not None]
        dates = agreement(self.span, claims)
        return Agreement(
            dates.off_reference,
            dates.clashes,
            tuple(p.annotation.id for p in self.passages if place_differs(self.where, p.where)),
            tuple(p.annotation.id for p in self.passages if extra_actors(self.where, p.where)),
        )


def chronological(events: Sequence[Event]) -> list[Event]:
    """Events by reference date; a year-only date sorts before the days within it."""
    return sorted(events, key=lambda e: (e.span.sort_key, e.id))
