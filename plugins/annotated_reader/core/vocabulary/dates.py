"""Dates at the precision a source gives them: ISO 8601 and a subset of EDTF.

Accepted: ``1999``, ``1999-12``, ``1999-12-08``, each optionally followed by ``?``
(uncertain), ``~`` (approximate) or ``%`` (both), and intervals ``1996/1999`` (an open end
written ``..``). A date is held as the span of days it can mean, so comparison "at the
coarser precision" is just overlap of spans: ``1999`` agrees with ``1999-12-08``.
An approximate date is widened by one unit of its precision on each side, never past the
calendar's ends (1 January 1 and 31 December 9999).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PART = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MIN, _MAX = date(1, 1, 1), date(9999, 12, 31)


@dataclass(frozen=True)
class Span:
    """The days a date can mean, inclusive, and how it was written."""

    text: str
    earliest: date
    latest: date
    precision: str  # year | month | day | interval
    approximate: bool = False
    uncertain: bool = False

    def agrees_with(self, other: Span) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest

    @property
    def sort_key(self) -> tuple[date, date, str]:
        return (self.earliest, self.latest, self.text)

    def human(self) -> str:
        """How a reader sees it: '8 December 1999', 'December 1999', '1999', 'about 2023'."""
        return humanize(self.text)


def _shift_year(d: date, years: int) -> date:
    year = min(max(d.year + years, 1), 9999)
    day = min(d.day, calendar.monthrange(year, d.month)[1])
    return date(year, d.month, day)


def _shift_days(d: date, days: int) -> date:
    ordinal = min(max(d.toordinal() + days, _MIN.toordinal()), _MAX.toordinal())
    return date.fromordinal(ordinal)


def _month_before(d: date) -> date:
    """The first day of the month before ``d``'s (``d`` itself in January of year 1)."""
    if d.year == 1 and d.month == 1:
        return _MIN
    return date(d.year - (d.month == 1), (d.month - 2) % 12 + 1, 1)


def _month_after(d: date) -> date:
    """The last day of the month after ``d``'s (``d`` itself in December 9999)."""
    if d.year == 9999 and d.month == 12:
        return _MAX
    year, month = d.year + (d.month == 12), d.month % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _part(text: str) -> Span | str:
    m = _PART.match(text)
    if not m:
        return (
            f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD "
            "(EDTF: add ~ for approximate, ? for uncertain; A/B for an interval)"
        )
    year, month, day, qualifier = int(m.group(1)), m.group(2), m.group(3), m.group(4)
    if not 1 <= year <= 9999:
        return f"year {year} in '{text}' is out of range"
    try:
        if day:
            start = end = date(year, int(month), int(day))
            precision = "day"
        elif month:
            mon = int(month)
            start = date(year, mon, 1)
            end = date(year, mon, calendar.monthrange(year, mon)[1])
            precision = "month"
        else:
            start, end = date(year, 1, 1), date(year, 12, 31)
            precision = "year"
    except ValueError as exc:
        return f"'{text}' is not a real date ({exc}); check the day and month"
    approximate = qualifier in ("~", "%")
    if approximate:
        if precision == "year":
            start, end = _shift_year(start, -1), _shift_year(end, 1)
        elif precision == "month":
            start, end = _month_before(start), _month_after(end)
        else:
            start, end = _shift_days(start, -3), _shift_days(end, 3)
    return Span(text, start, end, precision, approximate, qualifier in ("?", "%"))


def parse_date(text: str) -> Span | str:
    """The span ``text`` means, or a message saying what is wrong and how to write it."""
    text = str(text).strip()
    if "/" in text:
        left, _, right = text.partition("/")
        lo = None if left in ("", "..") else _part(left)
        hi = None if right in ("", "..") else _part(right)
        if isinstance(lo, str):
            return lo
        if isinstance(hi, str):
            return hi
        if lo is None and hi is None:
            return f"interval '{text}' has no known end"
        earliest = lo.earliest if lo else _MIN
        latest = hi.latest if hi else _MAX
        if earliest > latest:
            return f"interval '{text}' ends before it starts"
        return Span(
            text,
            earliest,
            latest,
            "interval",
            any(p.approximate for p in (lo, hi) if p),
            any(p.uncertain for p in (lo, hi) if p),
        )
    return _part(text)


def parse_day(text: str) -> date | str:
    """The day ``text`` names as ``YYYY-MM-DD`` (a review date), or what is wrong with it."""
    if not DAY.match(text):
        return f"'{text}' must be a day written \"YYYY-MM-DD\" (quoted)"
    span = _part(text)
    return span if isinstance(span, str) else span.earliest


_MONTHS = [calendar.month_name[i] for i in range(13)]


def humanize(text: str) -> str:
    """A date as a reader says it; a text that is no valid date stays as written (its error
    is reported where it was read, and the page must still build)."""
    if isinstance(parse_date(text), str):
        return text
    if "/" in text:
        left, _, right = text.partition("/")
        return f"{humanize(left) if left not in ('', '..') else '…'} – {humanize(right) if right not in ('', '..') else '…'}"
    m = _PART.match(text.strip())
    assert m is not None  # parsed above
    year, month, day, qualifier = m.groups()
    if day:
        out = f"{int(day)} {_MONTHS[int(month)]} {year}"
    elif month:
        out = f"{_MONTHS[int(month)]} {year}"
    else:
        out = year
    if qualifier in ("~", "%"):
        out = f"about {out}"
    if qualifier in ("?", "%"):
        out = f"{out} (uncertain)"
    return out
