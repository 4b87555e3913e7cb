"""The timeline as TimelineJS 3 JSON (``timeline.json`` beside the timeline page).

Same events, same order as the page. Dates keep the precision the reference date has: a
year-only date has no month or day. Output is deterministic (sorted keys, fixed order), so
a review diff of the file shows only real change. Text fields hold HTML, as TimelineJS
expects; every value from editorial data is escaped, descriptions come from the safe
Markdown renderer.
"""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any

from markupsafe import Markup as Safe
from markupsafe import escape

from ..core.urls import SiteUrls
from ..core.vocabulary.dates import humanize
from .model import Event
from .page import Describe, dispute_reasons, where_reasons
from .where import Name, describe

_DATE = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[?~%]?$")


def export_path(urls: SiteUrls) -> str:
    """Where the export lives: beside the page (``timeline/timeline.json`` or ``timeline.json``)."""
    page = urls.page("timeline")
    folder = page.rstrip("/") if page.endswith("/") else posixpath.dirname(page)
    return posixpath.join(folder, "timeline.json") if folder else "timeline.json"


def date_parts(text: str) -> dict[str, int] | None:
    """``{year, month?, day?}`` for one EDTF date; None for an open end (``..``)."""
    m = _DATE.match(text)
    if not m:
        return None
    parts = {"year": int(m.group(1))}
    if m.group(2):
        parts["month"] = int(m.group(2))
    if m.group(3):
        parts["day"] = int(m.group(3))
    return parts


def span_dates(text: str) -> tuple[dict[str, int], dict[str, int] | None]:
    """TimelineJS start and end dates of a (valid) date or interval."""
    if "/" in text:
        left, _, right = text.partition("/")
        start, end = date_parts(left), date_parts(right)
        if start is None:
            assert end is not None  # a valid interval has at least one known end
            return end, None
        return start, end
    start = date_parts(text)
    assert start is not None
    return start, None


def _said(date: str, where: str) -> str:
    return (humanize(date) if date else "undated") + (f" ({where})" if where else "")


def _text(event: Event, markdown: Describe, name: Name) -> str:
    parts = [Safe(markdown(event.description).strip())]
    where = describe(event.where, name)
    if where:
        parts.append(Safe("<p>Reference: {}.</p>").format(where))
    claims = [
        Safe("{} — {}").format(
            source.title, ", ".join(_said(p.date, describe(p.where, name)) for p in passages)
        )
        for source, passages in event.by_source()
    ]
    if claims:
        parts.append(Safe("<p>Sources: {}.</p>").format(Safe("; ").join(claims)))
    else:
        parts.append(Safe("<p>No source asserts this event.</p>"))
    agreement = event.agreement()
    reasons = dispute_reasons(event, agreement)
    if reasons:
        parts.append(Safe("<p>⚠ Dates disputed: {}</p>").format(" ".join(reasons)))
    reasons = where_reasons(event, agreement, name)
    if reasons:
        parts.append(Safe("<p>⚠ Place or actors disputed: {}</p>").format(" ".join(reasons)))
    return str(Safe("\n").join(parts))


def timeline_json(
    events: list[Event],
    markdown: Describe,
    name: Name = lambda ident: ident,
    title: str = "Timeline",
) -> str:
    items: list[dict[str, Any]] = []
    for event in events:
        start, end = span_dates(event.date)
        item: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": start,
            "display_date": humanize(event.date),
            "group": event.category,
            "text": {"headline": str(escape(event.title)), "text": _text(event, markdown, name)},
        }
        if end is not None:
            item["end_date"] = end
        items.append(item)
    data = {
        "title": {
            "text": {
                "headline": str(escape(title)),
                "text": "<p>Events that the sources date, with the reference date of each.</p>",
            }
        },
        "events": items,
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
