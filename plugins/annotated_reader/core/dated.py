"""Dates the editorial data states for events outside events.yml (a glossary term's, a
claim's), read where they are written and held to the events' own by :mod:`.consistency`."""

from __future__ import annotations

from dataclasses import dataclass

from .fields import Fields
from .problems import Location, Problems
from .vocabulary.dates import parse_date

DATE_HINT = 'EDTF, e.g. "1996-04-02", "1999-12", "2008", "2024~"'


@dataclass(frozen=True)
class DatedFact:
    """A date the data states for an event: the event's own (``reference``), or another
    file's (a glossary term, a claim) that must agree with it."""

    event: str
    date: str
    owner: str  # for messages: "event 'x'", "glossary term 'y'", "claim 'z'"
    location: Location  # of the date as written
    reference: bool = False


@dataclass(frozen=True)
class Dated:
    """An entry's own ``date:`` and the ``event:`` it dates, as read."""

    date: str | None
    event: str | None
    location: Location | None  # of ``date:``


def read_dated(fields: Fields, problems: Problems) -> Dated:
    """The optional ``date:`` (EDTF) and ``event:`` of a term or claim; a date without an
    event, or one that is not a date, is an error at the date."""
    date = fields.text("date", required=False, hint=DATE_HINT)
    event = fields.text("event", required=False, hint="the id of an event in events.yml")
    node = fields.get("date")
    where = node.location if node is not None else None
    if date is not None and where is not None:
        parsed = parse_date(date)
        if isinstance(parsed, str):
            problems.error(
                where, f"{fields.code}.bad-date", f"date of {fields.what}: {parsed}; {DATE_HINT}"
            )
            return Dated(None, event, where)
        if event is None:
            problems.error(
                where,
                f"{fields.code}.date-without-event",
                f"{fields.what} has a date but no event; name the event it dates "
                "(event: <id in events.yml>), so the date can be held to the event's",
            )
    return Dated(date, event, where)
