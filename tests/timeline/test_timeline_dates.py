"""Dates at the calendar's edges, and dates that are no dates, never crash a check or build.

``0001-01~`` once widened to a month before year 1 and ``9999-12-31~`` to a day after year
9999 (``ValueError``/``OverflowError``); a passage dated ``1996-13-45`` was reported by
``check`` but crashed the strict build in the TimelineJS export (``IndexError``). An
impossible review day (``2026-02-30``) was published as a date.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from annotated_reader.core.vocabulary.dates import humanize, parse_date
from helpers.project import build, check, replace_in
from helpers.timeline import timeline_project

EVENTS = "annotations/events.yml"
SAMPLE = "annotations/sources/sample.yml"
SECOND = "annotations/sources/second.yml"


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("0001-01~", date(1, 1, 1), date(1, 2, 28)),
        ("0001-01%", date(1, 1, 1), date(1, 2, 28)),
        ("0001-01-02~", date(1, 1, 1), date(1, 1, 5)),
        ("0001~", date(1, 1, 1), date(2, 12, 31)),
        ("9999-12-31~", date(9999, 12, 28), date(9999, 12, 31)),
        ("9999-12~", date(9999, 11, 1), date(9999, 12, 31)),
        ("9999~", date(9998, 1, 1), date(9999, 12, 31)),
        ("0001-01~/9999-12-31~", date(1, 1, 1), date(9999, 12, 31)),
    ],
)
def test_approximate_dates_stop_at_the_calendars_ends(
    text: str, earliest: date, latest: date
) -> None:
    span = parse_date(text)
    assert not isinstance(span, str), span
    assert (span.earliest, span.latest) == (earliest, latest)


@pytest.mark.parametrize("text", ["1996-13-45", "1996-00", "1996-02-30", "1996-13", "x/1996-13"])
def test_a_date_that_is_no_date_is_shown_as_written(text: str) -> None:
    assert isinstance(parse_date(text), str)
    assert humanize(text) == text


def test_bad_and_edge_dates_are_reported_and_the_strict_build_does_not_crash(
    mini: Path,
) -> None:
    timeline_project(mini)
    replace_in(mini, SECOND, 'date: "1999-12"', 'date: "1996-13-45"')  # t-treaty
    replace_in(mini, SECOND, 'date: "1995"', 'date: "0001-01~"')  # t-talks
    replace_in(mini, EVENTS, 'date: "1995~"', 'date: "9999-12-31~"')  # talks-1995
    replace_in(mini, SAMPLE, 'published: {value: "2022-10"', 'published: {value: "0001-01%"')
    replace_in(
        mini,
        SAMPLE,
        'reviewed: "2026-11-22"\n  - id: s-overlap',
        'reviewed: "2026-02-30"\n  - id: s-overlap',
    )
    checked = check(mini)
    out = checked.stdout
    assert checked.returncode == 1 and "Traceback" not in out + checked.stderr, checked.stderr
    bad = f"{SECOND}:33:11: error: [annotation.bad-date] date of annotation 't-treaty': "
    assert any(
        line.startswith(bad) and "'1996-13-45' is not a real date" in line
        for line in out.splitlines()
    ), out
    day = f"{SAMPLE}:35:15: error: [annotation.bad-reviewed] reviewed: '2026-02-30' is not a real date"
    assert any(line.startswith(day) for line in out.splitlines()), out
    assert out.count(": error: ") == 2, out  # the edge dates are dates
    built = build(mini)
    assert built.returncode != 0
    assert "Traceback" not in built.stderr, built.stderr
    assert bad in built.stderr and day in built.stderr
