"""The timeline page: one entry per event, in date order, with every source that asserts it.

All text from editorial data and sources is escaped by the template; descriptions are
Markdown rendered by :class:`~annotated_reader.markup.Markup` (raw HTML off) and rating
badges come from the ratings feature, so both are passed in as already-safe HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup as Safe

from .dates import humanize
from .model import Source
from .timeline_model import CATEGORIES, Agreement, Event
from .urls import SiteUrls, relative_url

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


def summarize(events: list[Event]) -> Summary:
    counts = [len(e.source_ids()) for e in events]
    return Summary(
        events=len(events),
        multi_source=sum(1 for n in counts if n > 1),
        single_source=sum(1 for n in counts if n == 1),
        unasserted=sum(1 for n in counts if n == 0),
        disputed=sum(1 for e in events if e.agreement().disputed),
    )


def dispute_reasons(event: Event, agreement: Agreement) -> list[str]:
    """Plain sentences saying which dates cannot be reconciled."""
    passages = {p.annotation.id: p for p in event.passages}
    reasons = []
    for key in agreement.off_reference:
        p = passages[key]
        reasons.append(
            f"“{p.source.title}” dates it {humanize(p.date)}; "
            f"the reference date is {humanize(event.date)}."
        )
    for a, b in agreement.clashes:
        pa, pb = passages[a], passages[b]
        who = (
            f"“{pa.source.title}” dates it both {humanize(pa.date)} and {humanize(pb.date)}"
            if pa.source.id == pb.source.id
            else f"“{pa.source.title}” ({humanize(pa.date)}) and “{pb.source.title}” "
            f"({humanize(pb.date)}) give incompatible dates"
        )
        reasons.append(who + ".")
    return reasons


def event_context(
    event: Event, page_url: str, urls: SiteUrls, describe: Describe, badge: Badge
) -> dict[str, Any]:
    agreement = event.agreement()
    off = set(agreement.off_reference)
    groups = []
    for source, passages in event.by_source():
        groups.append(
            {
                "source": source,
                "href": relative_url(urls.source(source.id), page_url),
                "badge": Safe(badge(source.id)),
                "passages": [
                    {
                        "id": p.annotation.id,
                        "quote": _passage_text(source, p.annotation.start, p.annotation.end),
                        "date": p.date,
                        "date_human": humanize(p.date),
                        "valid": p.span is not None,
                        "agrees": p.span is not None and p.annotation.id not in off,
                        "href": relative_url(urls.annotation(source.id, p.annotation.id), page_url),
                    }
                    for p in passages
                ],
            }
        )
    return {
        "event": event,
        "category": CATEGORIES[event.category],
        "date_human": humanize(event.date),
        "precision": event.span.precision,
        "description": Safe(describe(event.description)),
        "sources": groups,
        "source_ids": " ".join(event.source_ids()),
        "disputed": agreement.disputed,
        "reasons": dispute_reasons(event, agreement),
    }


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
) -> str:
    entries = [event_context(e, page_url, urls, describe, badge) for e in events]
    sources: dict[str, str] = {}
    for entry in entries:
        for group in entry["sources"]:
            sources[group["source"].id] = group["source"].title
    used = {e.category for e in events}
    return env.get_template("timeline.html").render(
        entries=entries,
        summary=summarize(events),
        source_options=sorted(sources.items(), key=lambda kv: (kv[1], kv[0])),
        category_options=[c for c in CATEGORIES.values() if c.id in used],
        export_href=relative_url(export_url, page_url),
    )

