"""Where a long timeline is cut: one page per year, a year cut again by size.

An event's weight is its entry as the page renders it; each part also draws its own
events, so the cut leaves room for the heaviest part's drawing (see ``cut_page``).
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.paging import Cut, cut_page
from .model import Event
from .page import PAGE


def cut_timeline(
    events: list[Event],
    entry: Callable[[Event], str],
    chart: Callable[[list[Event]], str],
    budget: int,
) -> Cut[Event] | None:
    """The timeline's parts when its entries and drawing weigh more than ``budget``
    characters of HTML; None when it fits on one page. ``events`` are in date order."""
    sizes = [len(entry(e)) for e in events]
    return cut_page(
        PAGE,
        events,
        lambda e: e.id,
        Event.filed_under,
        sizes,
        budget,
        lambda chosen: len(chart(chosen)),
    )
