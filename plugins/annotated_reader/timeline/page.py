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
from ..core.urls import SiteUrls, relative_url
from ..core.vocabulary.dates import Span, humanize
from ..render.search_view import section, top
from .chart import chart_svg
from .model import CATEGORIES, Agreement, Category, Event, clashing_pairs

# Turns a Markdown description into safe HTML for a given page.
Describe = Callable[[str], str]
# A source's rating badge as HTML, or "" when no ratings feature offers one.
Badge = Callable[[str], str]


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
    valid: bool  # its date could be read
    agrees: bool  # and falls within the event's
    href: str


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
    disputed: bool
    reasons: list[str]


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


_MAX_NAMES = 3
_MAX_CLASHES = 10


def _names(titles: list[str]) -> str:
    """“A”, “B” and “C”; past three, the rest counted (each source is listed below anyway)."""
    quoted = [f"“{t}”" for t in titles[:_MAX_NAMES]]
    rest = len(titles) - len(quoted)
    if rest:
        quoted.append(f"{rest} other source{'s' if rest != 1 else ''}")
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def event_context(
    event: Event, page_url: str, urls: SiteUrls, describe: Describe, badge: Badge
) -> EventEntry:
    """One event as the timeline shows it: its sources' passages, each marked as agreeing
    with the event's date or not."""
    agreement = event.agreement()
    off = set(agreement.off_reference)
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
                        date_human=humanize(p.date),
                        valid=p.span is not None,
                        agrees=p.span is not None and p.annotation.id not in off,
                        href=relative_url(urls.annotation(source.id, p.annotation.id), page_url),
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
        reasons=dispute_reasons(event, agreement),
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
) -> PageHtml:
    """The timeline page seen from ``page_url``, and its search document."""
    entries = [event_context(e, page_url, urls, describe, badge) for e in events]
    sources: dict[str, str] = {}
    for entry in entries:
        for group in entry.sources:
            sources[group.source.id] = group.source.title
    used = {e.category for e in events}
    summary = summarize(events)
    html = env.get_template("timeline.html").render(
        chart=Safe(chart_svg(events, {e.id: f"#{e.id}" for e in events})),
        entries=entries,
        summary=summary,
        source_options=sorted(sources.items(), key=lambda kv: (kv[1], kv[0])),
        category_options=[c for c in CATEGORIES.values() if c.id in used],
        export_href=relative_url(export_url, page_url),
    )
    return PageHtml(html, timeline_document(entries, summary))


def timeline_document(entries: list[EventEntry], summary: Summary) -> str:
    """Each event a search result: its date and title; why its dates are disputed, its
    description and what each source says, with the date that source gives."""
    out = [
        top(
            "Timeline",
            [
                f"{summary.events} events, {summary.multi_source} asserted by more than one "
                f"source, {summary.disputed} with disputed dates."
            ],
        )
    ]
    for entry in entries:
        event = entry.event
        parts = [escape(f"{entry.category.label}.")]
        if entry.disputed:
            parts.append(escape("Dates disputed: " + " ".join(entry.reasons)))
        parts.append(str(entry.description))
        for group in entry.sources:
            for p in group.passages:
                parts.append(
                    escape(f"“{group.source.title}” dates it {p.date_human}: “{p.quote}”")
                )
        out.append(section(event.id, f"{entry.date_human}: {event.title}", parts))
    return "\n".join(out)
