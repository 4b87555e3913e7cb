"""The timeline page: one entry per event, in date order, with every source that asserts it.

All text from editorial data and sources is escaped by the template; descriptions are
Markdown rendered by :class:`~annotated_reader.core.text.markup.Markup` (raw HTML off) and rating
badges come from the ratings feature, so both are passed in as already-safe HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from jinja2 import Environment
from markupsafe import Markup as Safe

from ..core.corpus import PageHtml
from ..core.model import Source
from ..core.paging import Cut, Part
from ..core.toc import TocEntry
from ..core.urls import SiteUrls, relative_url
from ..core.vocabulary.dates import Span, humanize
from ..render.script_json import script_json
from ..render.search_view import section, top
from .chart import chart_svg
from .model import CATEGORIES, Agreement, Category, Event, Passage, clashing_pairs
from .where import Name, extra_actors, names, partial_actors, place_differs

PAGE = "timeline"  # the whole timeline's page, and the index of a cut one

# Turns a Markdown description into safe HTML for a given page.
Describe = Callable[[str], str]
# A source's rating badge as HTML, or "" when no ratings feature offers one.
Badge = Callable[[str], str]
# A glossary term's address from this page and its name, or None when there is none.
Term = Callable[[str], tuple[str, str] | None]


@dataclass(frozen=True)
class TermLink:
    """A place or actor as shown: the term's name, linked to the glossary when it has one."""

    name: str
    href: str


def term_links(ids: tuple[str, ...], term: Term) -> list[TermLink]:
    return [TermLink(found[1], found[0]) if (found := term(i)) else TermLink(i, "") for i in ids]


def term_name(term: Term) -> Name:
    return lambda ident: found[1] if (found := term(ident)) else ident


@dataclass(frozen=True)
class Summary:
    events: int
    multi_source: int
    single_source: int
    unasserted: int
    disputed: int


@dataclass(frozen=True)
class PassageView:
    """One passage that dates an event, as the timeline shows it."""

    id: str
    quote: str
    date: str
    date_human: str
    dated: bool  # the source gives a date at all
    valid: bool  # its date could be read
    agrees: bool  # and falls within the event's
    href: str
    place: list[TermLink]  # the place this source gives, if it states one
    place_agrees: bool
    actors: list[TermLink]  # the actors it names
    actors_state: str  # "agree", "partial" or "differ" ("" when it names none)


@dataclass(frozen=True)
class SourceGroup:
    """The passages of one source that tell an event."""

    source: Source
    href: str
    badge: Safe
    passages: list[PassageView]


@dataclass(frozen=True)
class EventEntry:
    """One event as ``timeline.html`` shows it (and the search view indexes it)."""

    event: Event
    category: Category
    date_human: str
    precision: str
    description: Safe
    sources: list[SourceGroup]
    source_ids: str  # space-separated, for the page's filter
    disputed: bool  # dates, place or actors
    reasons: list[str]  # why: the dates' reasons, then the place's and actors'
    where_reasons: list[str]  # the place's and actors' alone
    place: list[TermLink]  # the reference place and actors (empty when not recorded)
    actors: list[TermLink]
    dates_disputed: bool
    place_disputed: bool
    actors_disputed: bool


def summarize(events: list[Event]) -> Summary:
    """How many events, told by how many sources, and how many are disputed."""
    counts = [len(e.source_ids()) for e in events]
    return Summary(
        events=len(events),
        multi_source=sum(1 for n in counts if n > 1),
        single_source=sum(1 for n in counts if n == 1),
        unasserted=sum(1 for n in counts if n == 0),
        disputed=sum(1 for e in events if e.agreement().disputed),
    )


def dispute_reasons(event: Event, agreement: Agreement) -> list[str]:
    """Plain sentences saying which dates cannot be reconciled.

    Each distinct date is named once with the sources that give it, so the list grows with
    the dates and sources of an event, never with every pair of passages.
    """
    valid = [p for p in event.passages if p.span is not None]
    sources: dict[Span, dict[str, str]] = {}  # date → source id → title, by title
    for p in sorted(valid, key=lambda p: (p.source.title, p.source.id)):
        assert p.span is not None
        sources.setdefault(p.span, {})[p.source.id] = p.source.title
    titles = {span: list(by_id.values()) for span, by_id in sources.items()}
    reasons = []
    for source, passages in event.by_source():
        spans = [p.span for p in passages if p.span is not None]
        for a, b in clashing_pairs(spans):
            reasons.append(f"“{source.title}” dates it both {a.human()} and {b.human()}.")
    off_keys = set(agreement.off_reference)
    off = {p.span for p in valid if p.span is not None and p.annotation.id in off_keys}
    for span in sorted(off, key=lambda s: s.sort_key):
        reasons.append(
            f"{_names(titles[span])} {'dates' if len(titles[span]) == 1 else 'date'} it "
            f"{span.human()}; the reference date is {humanize(event.date)}."
        )
    # Dates that each fit a coarse reference date (a year) but not each other; a source
    # contradicting itself was said above.
    within = [
        (a, b)
        for a, b in agreement.clashes
        if a not in off and b not in off and not (len(sources[a]) == 1 and sources[a] == sources[b])
    ]
    for a, b in within[:_MAX_CLASHES]:
        reasons.append(
            f"{a.human()} ({_names(titles[a])}) and {b.human()} ({_names(titles[b])}) "
            "cannot both be right."
        )
    if len(within) > _MAX_CLASHES:
        reasons.append(f"{len(within) - _MAX_CLASHES} more pairs of dates cannot both be right.")
    return reasons


def where_reasons(event: Event, agreement: Agreement, name: Name) -> list[str]:
    """Plain sentences saying which sources give another place or other actors than the
    event's, each with what the reference says."""
    off_place, off_actors = set(agreement.off_place), set(agreement.off_actors)
    reasons = []
    for source, passages in event.by_source():
        places = sorted(
            {p.where.place for p in passages if p.annotation.id in off_place if p.where.place}
        )
        if places and event.where.place:
            reasons.append(
                f"“{source.title}” places it in {names(places, name)}; the reference place is "
                f"{name(event.where.place)}."
            )
        extra = sorted(
            {
                a
                for p in passages
                if p.annotation.id in off_actors
                for a in extra_actors(event.where, p.where)
            }
        )
        if extra:
            reasons.append(
                f"“{source.title}” names {names(extra, name)} among those who did it; the "
                f"reference names {names(event.where.actors, name)}."
            )
    return reasons


_MAX_NAMES = 3
_MAX_CLASHES = 10


def _names(titles: list[str]) -> str:
    """“A”, “B” and “C”; past three, the rest counted (each source is listed below anyway)."""
    quoted = [f"“{t}”" for t in titles[:_MAX_NAMES]]
    rest = len(titles) - len(quoted)
    if rest:
        quoted.append(f"{rest} other source{'s' if rest != 1 else ''}")
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _actors_state(event: Event, p: Passage) -> str:
    if not p.where.actors or not event.where.actors:
        return ""
    if extra_actors(event.where, p.where):
        return "differ"
    return "partial" if partial_actors(event.where, p.where) else "agree"


def event_context(
    event: Event, page_url: str, urls: SiteUrls, describe: Describe, badge: Badge, term: Term
) -> EventEntry:
    """One event as the timeline shows it: its sources' passages, each marked as agreeing
    with the event's date, place and actors or not."""
    agreement = event.agreement()
    off = set(agreement.off_reference)
    where = where_reasons(event, agreement, term_name(term))
    groups = []
    for source, passages in event.by_source():
        groups.append(
            SourceGroup(
                source=source,
                href=relative_url(urls.source(source.id), page_url),
                badge=Safe(badge(source.id)),
                passages=[
                    PassageView(
                        id=p.annotation.id,
                        quote=_passage_text(source, p.annotation.start, p.annotation.end),
                        date=p.date,
                        date_human=humanize(p.date) if p.dated else "",
                        dated=p.dated,
                        valid=p.span is not None,
                        agrees=not p.dated or (p.span is not None and p.annotation.id not in off),
                        href=relative_url(urls.annotation(source.id, p.annotation.id), page_url),
                        place=term_links((p.where.place,) if p.where.place else (), term),
                        place_agrees=not place_differs(event.where, p.where),
                        actors=term_links(p.where.actors, term),
                        actors_state=_actors_state(event, p),
                    )
                    for p in passages
                ],
            )
        )
    return EventEntry(
        event=event,
        category=CATEGORIES[event.category],
        date_human=humanize(event.date),
        precision=event.span.precision,
        description=Safe(describe(event.description)),
        sources=groups,
        source_ids=" ".join(event.source_ids()),
        disputed=agreement.disputed,
        reasons=dispute_reasons(event, agreement) + where,
        where_reasons=where,
        place=term_links((event.where.place,) if event.where.place else (), term),
        actors=term_links(event.where.actors, term),
        dates_disputed=agreement.dates_disputed,
        place_disputed=bool(agreement.off_place),
        actors_disputed=bool(agreement.off_actors),
    )


def _passage_text(source: Source, start: int, end: int) -> str:
    text = source.text[start:end] if 0 <= start < end else ""
    return " ".join(text.split())


def render_timeline(
    env: Environment,
    events: list[Event],
    page_url: str,
    urls: SiteUrls,
    export_url: str,
    describe: Describe,
    badge: Badge,
    term: Term,
    cut: Cut[Event] | None = None,
    part: Part | None = None,
    chart: str | None = None,
) -> PageHtml:
    """The timeline page seen from ``page_url`` (or, when it is cut, one part of it: ``events``
    are then the part's), and its search document; ``chart``, its drawing when made already."""
    entries = [event_context(e, page_url, urls, describe, badge, term) for e in events]
    sources: dict[str, str] = {}
    for entry in entries:
        for group in entry.sources:
            sources[group.source.id] = group.source.title
    used = {e.category for e in events}
    summary = summarize(events)
    html = env.get_template("timeline.html").render(
        chart=Safe(
            chart
            if chart is not None
            else chart_svg(events, {e.id: f"#{e.id}" for e in events}, term_name(term))
        ),
        entries=entries,
        summary=summary,
        source_options=sorted(sources.items(), key=lambda kv: (kv[1], kv[0])),
        category_options=[c for c in CATEGORIES.values() if c.id in used],
        export_href=relative_url(export_url, page_url),
        part=part.label if part else None,
        parts=cut.links(part, page_url, urls) if cut and part else [],
        total=sum(len(v) for v in cut.items.values()) if cut else len(events),
        index_href=relative_url(urls.page(PAGE), page_url),
    )
    title = f"Timeline: {part.label}" if part else "Timeline"
    return PageHtml(html, timeline_document(entries, summary, title), years(events))


def render_index(
    env: Environment,
    events: list[Event],
    cut: Cut[Event],
    page_url: str,
    urls: SiteUrls,
    export_url: str,
) -> PageHtml:
    """The index of a cut timeline: the whole timeline's summary, its years, and on which
    year's part each event lives, which reader.js reads to take an old link
    (``timeline/#event``) on to the event."""
    summary = summarize(events)
    html = env.get_template("timeline_index.html").render(
        summary=summary,
        parts=cut.links(None, page_url, urls),
        export_href=relative_url(export_url, page_url),
        homes=script_json({"ids": cut.positions()}, separators=(",", ":")),
    )
    years = ", ".join(f"{p.label} ({len(cut.items[p.slug])})" for p in cut.parts)
    search = top(
        "Timeline",
        [
            escape(
                f"{summary.events} events, {summary.multi_source} asserted by more than one "
                f"source, {summary.disputed} disputed (dates, place or actors). By year: {years}."
            )
        ],
    )
    return PageHtml(html, search, (TocEntry(2, "years", "Years"),))


def years(events: list[Event]) -> tuple[TocEntry, ...]:
    """The timeline's table of contents: its years, each linking to the year's first event
    (by reference date; 31 event titles would be a second list beside the list)."""
    first: dict[str, str] = {}
    for event in events:
        first.setdefault(event.filed_under()[1], event.id)
    return tuple(TocEntry(2, ident, label) for label, ident in first.items())


def timeline_document(entries: list[EventEntry], summary: Summary, title: str = "Timeline") -> str:
    """Each event a search result: its date and title; why its dates are disputed, its
    description and what each source says, with the date that source gives."""
    out = [
        top(
            title,
            [
                f"{summary.events} events, {summary.multi_source} asserted by more than one "
                f"source, {summary.disputed} disputed (dates, place or actors)."
            ],
        )
    ]
    for entry in entries:
        event = entry.event
        parts = [escape(f"{entry.category.label}.")]
        dates = entry.reasons[: len(entry.reasons) - len(entry.where_reasons)]
        if dates:
            parts.append(escape("Dates disputed: " + " ".join(dates)))
        if entry.where_reasons:
            parts.append(escape("Place or actors disputed: " + " ".join(entry.where_reasons)))
        parts.append(str(entry.description))
        for group in entry.sources:
            for p in group.passages:
                said = f"dates it {p.date_human}" if p.dated else "tells it without a date"
                parts.append(escape(f"“{group.source.title}” {said}: “{p.quote}”"))
        out.append(section(event.id, f"{entry.date_human}: {event.title}", parts))
    return "\n".join(out)
