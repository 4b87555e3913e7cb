"""The drawn timeline: an SVG made at build time, one lane per source, a mark per dated passage.

A date is drawn at the precision its source gives: a day as a point, a month or a year as a
bar of that length, an approximate or uncertain date with a dashed outline and a lighter
fill. The marks of one event are joined across lanes (the reference date on the top lane
included), so sources that disagree show as a slanted line — something a list of date
strings hides. Years in which nothing happens are folded into a break of the axis, so
1990–2024 fits without crowding the busy years; the drawing scrolls sideways in its box.

No script is needed to see it (it works from ``file://``); the list below stays the
accessible view. Marks are links to their event's entry, each named by its ``<title>``.
Shapes carry the meaning as well as colour: a circle agrees with the event's reference
date, a diamond does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from ..core.model import Where
from ..core.vocabulary.dates import Span, humanize
from ..core.vocabulary.titles import shorten
from .model import Event
from .where import Name, describe, extra_actors, names, place_differs

YEAR_WIDTH = 64  # pixels per year with something in it
BREAK_WIDTH = 28  # a run of empty years folded into one break
FOLD_AFTER = 3  # empty years in a row before they fold
GUTTER = 168  # the lane labels' column
LANE_HEIGHT = 34
AXIS_HEIGHT = 30
PAD = 12
MIN_BAR = 6
MIN_APART = 8  # a date that differs is drawn at least this far from the reference's mark
REFERENCE_LANE = "reference"
LABEL_CHARS = 24


@dataclass(frozen=True)
class _Column:
    """A stretch of the axis: one year, or a break standing for several empty years."""

    first: int  # first year it stands for
    last: int
    x: float
    width: float

    @property
    def folded(self) -> bool:
        return self.last > self.first


class Axis:
    """Where a date goes along x: years that hold a mark get a full width; runs of empty
    years fold into a break."""

    def __init__(self, years: set[int]) -> None:
        lo, hi = min(years), max(years)
        self.columns: list[_Column] = []
        x = float(GUTTER + PAD)
        year = lo
        while year <= hi:
            if year in years:
                self.columns.append(_Column(year, year, x, YEAR_WIDTH))
                x += YEAR_WIDTH
                year += 1
                continue
            end = year
            while end + 1 <= hi and end + 1 not in years:
                end += 1
            if end - year + 1 >= FOLD_AFTER:
                self.columns.append(_Column(year, end, x, BREAK_WIDTH))
                x += BREAK_WIDTH
            else:
                for y in range(year, end + 1):
                    self.columns.append(_Column(y, y, x, YEAR_WIDTH))
                    x += YEAR_WIDTH
            year = end + 1
        self.lo, self.hi = lo, hi
        self.width = x + PAD

    def x(self, day: date) -> float:
        """The x of the start of ``day`` (clamped to the axis)."""
        if day.year < self.lo:
            return self.columns[0].x
        if day.year > self.hi:
            return self.columns[-1].x + self.columns[-1].width
        for col in self.columns:
            if col.first <= day.year <= col.last:
                start = date(col.first, 1, 1).toordinal()
                days = date(col.last, 12, 31).toordinal() - start + 1
                return col.x + col.width * (day.toordinal() - start) / days
        raise AssertionError("every year in range has a column")

    def end_x(self, day: date) -> float:
        """The x of the end of ``day``."""
        if day >= date(9999, 12, 31):
            return self.x(day)
        return self.x(date.fromordinal(day.toordinal() + 1))


def _years(spans: list[Span]) -> set[int]:
    """Years the marks fall in: the bounded part of each span (an open end adds nothing)."""
    years: set[int] = set()
    firsts = [s.earliest.year for s in spans if s.earliest.year > 1]
    lasts = [s.latest.year for s in spans if s.latest.year < 9999]
    if not firsts and not lasts:
        return years
    lo, hi = min(firsts + lasts), max(firsts + lasts)
    for s in spans:
        first = max(s.earliest.year, lo)
        last = min(s.latest.year, hi)
        if last - first <= 3:  # a long interval lights its ends, not every year between
            years.update(range(first, last + 1))
        else:
            years.update({first, last})
    return years


@dataclass(frozen=True)
class Mark:
    """One date drawn in one lane."""

    lane: str
    event: Event
    span: Span
    label: str  # the mark's accessible name and tooltip
    agrees: bool
    annotation: str = ""  # the passage's note id; "" on the reference lane


def _where_label(event: Event, given: Where, name: Name) -> str:
    """The place and actors a passage gives, for its mark's tooltip, and how they differ
    from the event's."""
    stated = describe(given, name)
    if not stated:
        return ""
    notes = []
    if place_differs(event.where, given) and event.where.place:
        notes.append(f"the reference place is {name(event.where.place)}")
    if extra_actors(event.where, given):
        notes.append(f"the reference names {names(event.where.actors, name)}")
    return f"; it says {stated}" + (f" ({'; '.join(notes)})" if notes else "")


def _marks(events: list[Event], name: Name) -> list[Mark]:
    out = []
    for event in events:
        off = set(event.agreement().off_reference)
        where = describe(event.where, name)
        out.append(
            Mark(
                REFERENCE_LANE,
                event,
                event.span,
                f"{event.title}: reference date {humanize(event.date)}"
                + (f", {where}" if where else ""),
                True,
            )
        )
        for source, passages in event.by_source():
            for p in passages:
                if p.span is None:
                    continue
                quote = " ".join(source.text[p.annotation.start : p.annotation.end].split())
                agrees = p.annotation.id not in off
                out.append(
                    Mark(
                        source.id,
                        event,
                        p.span,
                        f"{source.nav_title}: “{quote}” — dates {event.title} "
                        f"{humanize(p.date)}"
                        + ("" if agrees else ", which differs from the reference date")
                        + _where_label(event, p.where, name),
                        agrees,
                        p.annotation.id,
                    )
                )
    return out


def _lanes(events: list[Event]) -> list[tuple[str, str, str]]:
    """(id, label, full title) of every lane: the reference dates, then each source that
    dates anything, by title."""
    sources = {}
    for event in events:
        for source, passages in event.by_source():
            if any(p.span is not None for p in passages):
                sources[source.id] = source
    lanes = [(REFERENCE_LANE, "Reference date", "The event's established date")]
    for source in sorted(sources.values(), key=lambda s: (s.nav_title.casefold(), s.id)):
        lanes.append((source.id, shorten(source.nav_title, LABEL_CHARS), source.title))
    return lanes


def _centre(span: Span, axis: Axis) -> float:
    return (axis.x(span.earliest) + max(axis.end_x(span.latest), axis.x(span.earliest) + 1)) / 2


def _extent(span: Span, axis: Axis) -> tuple[float, float]:
    x0 = axis.x(span.earliest)
    return x0, max(axis.end_x(span.latest), x0 + 1)


def _join_xs(marks: list[Mark], axis: Axis) -> dict[str, float]:
    """Per event, the x where its agreeing marks meet: the reference date's middle, moved
    into what every agreeing date covers (a day the reference gives inside a source's
    year). Joined at each bar's own middle, dates that agree were slanted, which the legend
    says means they differ (found by an outside test)."""
    spans: dict[str, list[tuple[float, float]]] = {}
    for mark in marks:
        if mark.agrees:
            spans.setdefault(mark.event.id, []).append(_extent(mark.span, axis))
    out = {}
    for mark in marks:
        if mark.lane != REFERENCE_LANE:
            continue
        lo = max(x0 for x0, _ in spans[mark.event.id])
        hi = min(x1 for _, x1 in spans[mark.event.id])
        centre = _centre(mark.event.span, axis)
        out[mark.event.id] = min(max(centre, lo), hi) if lo <= hi else centre
    return out


def _shape(
    mark: Mark, axis: Axis, y: float, reference_x: float, join_x: float
) -> tuple[str, float]:
    """The SVG of one mark, and the x its join line passes through: for a date that agrees,
    the event's ``join_x`` where it falls inside the mark. A date that differs from the
    reference by less than a few pixels (a day, at this scale) has its glyph moved
    ``MIN_APART`` away, on its true side, so the disagreement still shows as a slant."""
    span = mark.span
    approx = span.approximate or span.uncertain
    x0, x1 = _extent(span, axis)
    parts = []
    point = span.precision == "day" and not approx
    cx = (x0 + x1) / 2
    if mark.agrees and x0 <= join_x <= x1:
        cx = join_x
    if not mark.agrees and abs(cx - reference_x) < MIN_APART:
        cx = reference_x + (MIN_APART if span.sort_key >= mark.event.span.sort_key else -MIN_APART)
    if not point:
        width = max(x1 - x0, MIN_BAR)
        left = (x0 + x1) / 2 - width / 2
        parts.append(
            f'<rect class="ar-tlc-bar" x="{left:.1f}" y="{y - 6:.1f}" width="{width:.1f}" '
            f'height="12" rx="3"/>'
        )
    if mark.agrees:
        parts.append(f'<circle class="ar-tlc-dot" cx="{cx:.1f}" cy="{y:.1f}" r="5"/>')
    else:
        parts.append(f'<path class="ar-tlc-dot" d="M{cx:.1f} {y - 7:.1f}l7 7-7 7-7-7z"/>')
    return "".join(parts), cx


def chart_svg(
    events: list[Event], event_href: dict[str, str], name: Name = lambda ident: ident
) -> str:
    """The drawing of ``events`` (chronological); ``event_href`` gives each event's link on
    the page, ``name`` each place's and actor's name. "" when no date can be drawn."""
    marks = _marks(events, name)
    years = _years([m.span for m in marks])
    if not years:
        return ""
    axis = Axis(years)
    lanes = _lanes(events)
    lane_y = {
        lane: AXIS_HEIGHT + PAD + LANE_HEIGHT * i + LANE_HEIGHT / 2
        for i, (lane, _l, _t) in enumerate(lanes)
    }
    height = AXIS_HEIGHT + PAD * 2 + LANE_HEIGHT * len(lanes)
    e = escape
    disputed = sum(1 for ev in events if ev.agreement().dates_disputed)
    out = [
        f'<svg class="ar-tlc" xmlns="http://www.w3.org/2000/svg" '
        f'xmlns:xlink="http://www.w3.org/1999/xlink" width="{axis.width:.0f}" '
        f'height="{height}" viewBox="0 0 {axis.width:.0f} {height}" '
        # its own size, stated again as a style: the theme sizes SVGs to their column
        f'style="width:{axis.width:.0f}px;height:{height}px" role="group" '
        'aria-labelledby="ar-tlc-title ar-tlc-desc">',
        '<title id="ar-tlc-title">The timeline drawn: each source’s dates against the '
        "reference dates</title>",
        f'<desc id="ar-tlc-desc">{len(events)} events from {axis.lo} to {axis.hi}, one lane '
        f"per source ({len(lanes) - 1}) below the lane of reference dates. Each mark is a "
        "date as its source gives it: a point for a day, a bar for a month, a year or an "
        "interval; a dashed outline for an approximate or uncertain date. The marks of one "
        "event are joined by a line; a slanted line means the sources date it differently. "
        f"A circle agrees with the reference date, a diamond does not. {disputed} events "
        "have disputed dates. The list below gives the same in words.</desc>",
        '<g class="ar-tlc-axis" aria-hidden="true">',
    ]
    for col in axis.columns:
        if col.folded:
            mid = col.x + col.width / 2
            out.append(
                f'<path class="ar-tlc-break" d="M{mid - 4:.1f} {AXIS_HEIGHT - 8}l4-8m0 8l4-8"/>'
                f'<line class="ar-tlc-grid ar-tlc-gap" x1="{mid:.1f}" y1="{AXIS_HEIGHT}" '
                f'x2="{mid:.1f}" y2="{height - PAD}"/>'
            )
            continue
        out.append(
            f'<line class="ar-tlc-grid" x1="{col.x:.1f}" y1="{AXIS_HEIGHT - 6}" '
            f'x2="{col.x:.1f}" y2="{height - PAD}"/>'
            f'<text class="ar-tlc-year" x="{col.x + 3:.1f}" y="{AXIS_HEIGHT - 10}">'
            f"{col.first}</text>"
        )
    out.append("</g>")
    out.append('<g class="ar-tlc-labels" aria-hidden="true">')
    for lane, label, title in lanes:
        y = lane_y[lane]
        out.append(
            f'<line class="ar-tlc-lane" x1="{GUTTER:.0f}" y1="{y:.1f}" '
            f'x2="{axis.width - PAD:.1f}" y2="{y:.1f}"/>'
            f'<text class="ar-tlc-lane-label{" ar-tlc-ref-label" if lane == REFERENCE_LANE else ""}" '
            f'x="{PAD}" y="{y + 4:.1f}"><title>{e(title)}</title>{e(label)}</text>'
        )
    out.append("</g>")
    drawn: dict[str, list[tuple[float, float, str]]] = {}
    shapes = []
    join_xs = _join_xs(marks, axis)
    for mark in marks:
        y = lane_y[mark.lane]
        reference_x = _centre(mark.event.span, axis)
        svg, cx = _shape(mark, axis, y, reference_x, join_xs.get(mark.event.id, reference_x))
        drawn.setdefault(mark.event.id, []).append((cx, y, mark.lane))
        css = ["ar-tlc-mark"]
        if mark.lane == REFERENCE_LANE:
            css.append("ar-tlc-ref")
        css.append("ar-tlc-agrees" if mark.agrees else "ar-tlc-differs")
        if mark.span.approximate or mark.span.uncertain:
            css.append("ar-tlc-approx")
        shapes.append(
            # xlink:href, not href: Material's instant navigation rewrites the href of
            # every [href] of a new page, and an SVG link's href cannot be set (it threw,
            # and the page never finished loading).
            f'<a class="{" ".join(css)}" xlink:href="{e(event_href.get(mark.event.id, ""), quote=True)}" '
            f'data-event="{e(mark.event.id, quote=True)}" data-lane="{e(mark.lane, quote=True)}"'
            + (f' data-note="{e(mark.annotation, quote=True)}"' if mark.annotation else "")
            + f' data-date="{e(mark.span.text, quote=True)}">'
            f"<title>{e(mark.label)}</title>{svg}</a>"
        )
    joins = []
    for event in events:
        points = sorted(drawn.get(event.id, []), key=lambda p: p[1])
        if len(points) < 2:
            continue
        kind = (
            "ar-tlc-join ar-tlc-join-disputed"
            if event.agreement().dates_disputed
            else "ar-tlc-join"
        )
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _lane in points)
        joins.append(
            f'<polyline class="{kind}" data-join="{e(event.id, quote=True)}" points="{path}"/>'
        )
    out.append('<g class="ar-tlc-joins" aria-hidden="true">' + "".join(joins) + "</g>")
    # A date that differs is drawn last, so an agreeing mark at the same place never hides it.
    shapes.sort(key=lambda svg: "ar-tlc-differs" in svg[: svg.index(">")])
    out.append('<g class="ar-tlc-marks">' + "".join(shapes) + "</g>")
    out.append("</svg>")
    return "".join(out)
