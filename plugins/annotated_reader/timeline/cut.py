"""Where a long timeline is cut: one page per year, a year cut again by size.

An event's weight is its entry as the page renders it; each part also draws its own
events, so the cut leaves room for the heaviest part's drawing.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.paging import Cut, cut
from .model import Event
from .page import PAGE


def _year(event: Event) -> tuple[str, str]:
    """The first year the event's reference date can mean, by which events sort (so a
    year's events are adjacent): 'about 1995' is filed under 1994."""
    year = str(event.span.earliest.year)
    return year, year


def cut_timeline(
    events: list[Event],
    entry: Callable[[Event], str],
    chart: Callable[[list[Event]], str],
    budget: int,
) -> Cut[Event] | None:
    """The timeline's parts when its entries and drawing weigh more than ``budget``
    characters of HTML; None when it fits on one page. ``events`` are in date order."""
    sizes = [len(entry(e)) for e in events]
    if sum(sizes) + len(chart(events)) <= budget:
        return None
    keys = [_year(e) for e in events]
    parts = cut(keys, sizes, budget)
    # How much a part's drawing adds to its entries, at worst; cut again with that room.
    growth = 1.0
    for part in parts:
        weight = sum(sizes[i] for i in part.items)
        drawing = len(chart([events[i] for i in part.items]))
        growth = max(growth, (weight + drawing) / max(weight, 1))
    if growth > 1:
        parts = cut(keys, sizes, int(budget / growth))
    chosen = {p.slug: [events[i] for i in p.items] for p in parts}
    homes = {e.id: p for p in parts for e in chosen[p.slug]}
    return Cut(PAGE, tuple(parts), chosen, homes)
