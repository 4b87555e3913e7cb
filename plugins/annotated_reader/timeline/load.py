"""Reading ``annotations/events.yml`` and the dated passages that point at its events.

Every problem is collected at the YAML node it is about. An event with an error is left off
the timeline (its error says why) but its id stays known, so passages naming it are not
reported a second time as naming an unknown event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..core.corpus import Corpus
from ..core.fields import Fields, closest, listed_ids, read_references, suggest
from ..core.files import ANY
from ..core.memo import Memo
from ..core.model import Annotation, Source
from ..core.problems import Location, Problems
from ..core.text.markup import find_refs
from ..core.vocabulary.dates import Span, humanize, parse_date
from ..core.where import read_where
from ..core.yamlsrc import Node, load_yaml
from .model import CATEGORIES, Event, Passage
from .where import check_comparable, check_terms

EVENT_FIELDS = ("id", "title", "date", "category", "description", "references", "place", "actors")
DATE_HINT = (
    "write it as YYYY, YYYY-MM or YYYY-MM-DD at the precision known, quoted "
    '(e.g. "1999-12-08"); EDTF: 2023~ approximate, 2021? uncertain, 1996/1999 interval'
)


@dataclass
class EventsFile:
    """The events that made it onto the timeline, and every id the file names.

    ``readable`` is False when the file is not valid YAML or has no list of events: its ids
    are then unknown, and passages naming them are not reported again on top of that error.
    """

    events: list[Event] = field(default_factory=list)
    known: set[str] = field(default_factory=set)
    readable: bool = True
    untold: bool = False  # an event's id cannot be told (see ``listed_ids``)


def read_events(
    rel: str, text: str | None, problems: Problems, memo: Memo | None = None
) -> EventsFile:
    """The events of ``text`` (None: the file could not be read, as reported)."""
    out = EventsFile()
    root = load_yaml(rel, text, problems, memo) if text is not None else None
    if root is None:
        out.readable = False
        return out
    top = Fields(root, problems, "the events file", ("events",), "events")
    items = top.sequence(
        "events", required=True, hint="list the canonical events under 'events:' (see README)"
    )
    listed = top.get("events")
    out.readable = listed is not None and (listed.value is None or listed.is_sequence)
    first_seen: dict[str, Location] = {}
    for item in items:
        event = _event(item, problems, first_seen, out.known)
        if event is not None:
            out.events.append(event)
    out.untold = ANY in listed_ids(root, "events")
    return out


def _event_id(
    fields: Fields, problems: Problems, first_seen: dict[str, Location], known: set[str]
) -> tuple[str | None, bool]:
    """The event's id, and whether an earlier event has it already (an error here; the
    first keeps it, so links to it still resolve)."""
    ident = fields.ident()
    if ident is None:
        return None, False
    id_node = fields.get("id")
    assert id_node is not None
    fields.what = f"event '{ident}'"
    if ident in first_seen:
        problems.error(
            id_node.location,
            "event.duplicate-id",
            f"event id '{ident}' is already used at line {first_seen[ident].line}; "
            "give each event its own id, or merge the two entries",
        )
        return ident, True
    first_seen[ident] = id_node.location
    known.add(ident)
    return ident, False


def _reference_date(fields: Fields, problems: Problems) -> tuple[str | None, Span | None]:
    """The event's date as written, and the span it means (None when it cannot be read,
    which is reported at the date)."""
    date = fields.text("date", hint="give the reference date; " + DATE_HINT)
    if date is None:
        return None, None
    parsed = parse_date(date)
    if isinstance(parsed, str):
        date_node = fields.get("date")
        assert date_node is not None
        problems.error(
            date_node.location,
            "event.bad-date",
            f"reference date of {fields.what}: {parsed}; {DATE_HINT}",
        )
        return date, None
    return date, parsed


def _event(
    node: Node, problems: Problems, first_seen: dict[str, Location], known: set[str]
) -> Event | None:
    fields = Fields(node, problems, "an event", EVENT_FIELDS, "event")
    if not fields.ok:
        return None
    ident, duplicate = _event_id(fields, problems, first_seen, known)
    title = fields.text("title", hint="give a short title of what happened")
    date, span = _reference_date(fields, problems)
    category = fields.text(
        "category", choices=CATEGORIES, hint=f"use one of: {', '.join(CATEGORIES)}"
    )
    description = fields.text("description", hint="describe the event in one or two sentences")
    references = read_references(
        fields,
        problems,
        required=True,
        hint="cite where the reference date was established",
    )
    where = read_where(fields, problems)
    if (
        duplicate
        or ident is None
        or title is None
        or date is None
        or span is None
        or category is None
        or description is None
        or not references
    ):
        return None
    desc_node, date_node = fields.get("description"), fields.get("date")
    return Event(
        ident,
        title,
        date,
        span,
        category,
        description,
        references,
        node.location,
        desc_node.content_line if desc_node else node.location.line,
        where=where,
        date_at=date_node.location if date_node else None,
    )


class FieldLocator:
    """The ``file:line`` of one field of an annotation, read again from its source file.

    Annotations keep only their own location; an error about a single field is clearer at
    that field's line, so the file is parsed again (once, and only when needed).
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: dict[str, Node | None] = {}

    def __call__(self, ann: Annotation, key: str) -> Location:
        path = ann.location.path
        if path not in self._files:
            try:
                text = (self.root / path).read_text(encoding="utf-8")
            except OSError:
                text = ""
            self._files[path] = load_yaml(path, text, Problems())
        top = self._files[path]
        items = top.get("annotations") if top is not None else None
        for item in items.value if items is not None and items.is_sequence else []:
            if item.location == ann.location:
                found = item.get(key)
                return found.location if found is not None else ann.location
        return ann.location


@dataclass(frozen=True)
class Dated:
    """An annotation that carries a date, with the span it means (None when invalid)."""

    source: Source
    annotation: Annotation
    span: Span | None


def dated_annotations(corpus: Corpus, problems: Problems, locate: FieldLocator) -> list[Dated]:
    """Every annotation with an ``event:`` or a ``date:``; a date that is not a date is
    reported at its line. A passage may tell its event without dating it (no ``date:``)."""
    out = []
    for source in corpus.sources:
        for ann in source.annotations:
            if ann.date is None:
                if ann.event is not None:
                    out.append(Dated(source, ann, None))
                continue
            parsed = parse_date(ann.date)
            if isinstance(parsed, str):
                problems.error(
                    locate(ann, "date"),
                    "annotation.bad-date",
                    f"date of annotation '{ann.id}': {parsed}; give the date as the source "
                    f"states it: {DATE_HINT}",
                )
            out.append(Dated(source, ann, None if isinstance(parsed, str) else parsed))
    return out


def attach_passages(
    events: EventsFile, dated: list[Dated], problems: Problems, locate: FieldLocator
) -> set[str]:
    """Give each event the passages asserting it; report event ids that events.yml lacks.
    Returns the events those were likely meant for (a misspelt id's closest), which
    :func:`check_asserted` must not also call unasserted."""
    index = {e.id: e for e in events.events}
    meant: set[str] = set()
    for item in dated:
        ann = item.annotation
        if ann.event is None:
            continue
        if ann.event not in events.known:
            if not events.readable or events.untold:
                continue  # it may be the event whose own error says why it is not
            if (close := closest(ann.event, events.known)) is not None:
                meant.add(close)
            problems.error(
                locate(ann, "event"),
                "annotation.unknown-event",
                f"annotation '{ann.id}' names event '{ann.event}', which is not in "
                f"events.yml{suggest(ann.event, events.known)}; use the id of an event "
                "there, or add the event to events.yml",
            )
            continue
        event = index.get(ann.event)
        if event is not None:
            event.passages.append(Passage(ann, item.source, item.span))
    return meant


def check_verdicts(events: list[Event], problems: Problems, locate: FieldLocator) -> None:
    """A fact-check that calls its passage accurate while the date the passage gives is not
    its event's reference date (the timeline flags it disputed): the verdict contradicts
    what the data says, and one of the two is wrong."""
    for event in events:
        for p in event.passages:
            ann = p.annotation
            if ann.verdict != "accurate" or p.span is None or p.span.agrees_with(event.span):
                continue
            problems.warning(
                locate(ann, "verdict"),
                "annotation.verdict-contradicts-date",
                f"annotation '{ann.id}' calls its passage accurate, but the passage dates "
                f"event '{event.id}' {humanize(p.date)} and the event's reference date is "
                f"{humanize(event.date)}, so the timeline shows the date disputed; correct "
                "the verdict, the passage's date (as the source gives it) or the event's",
            )


def check_where(events: list[Event], terms: set[str], problems: Problems) -> None:
    """Every place and actor names a glossary term, and a passage's can be compared with its
    event's (``where``)."""
    for event in events:
        check_terms(f"event '{event.id}'", event.where, terms, problems)
        for p in event.passages:
            what = f"annotation '{p.annotation.id}'"
            check_terms(what, p.where, terms, problems)
            check_comparable(what, event.id, event.where, p.where, problems)


def check_asserted(events: EventsFile, corpus: Corpus, problems: Problems, meant: set[str]) -> None:
    """Warn about events no passage asserts (a ``[[event:…]]`` link in a note is not one),
    but those a misspelt id was likely ``meant`` for: its own error says so."""
    linked = {
        ref.id
        for ann in corpus.annotations()
        for ref in find_refs(ann.body)
        if ref.namespace == "event"
    }
    for event in events.events:
        if not event.passages and event.id not in meant:
            only_linked = (
                " (notes only link to it with [[event:…]], which does not date it)"
                if event.id in linked
                else ""
            )
            problems.warning(
                event.location,
                "event.unasserted",
                f"no source passage asserts event '{event.id}'{only_linked}; attach it to the "
                f"passage that dates it (an annotation with event: {event.id} and the date as "
                "the source gives it), or remove the event",
            )
