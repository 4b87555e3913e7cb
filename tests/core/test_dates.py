"""Dates as editors write them: the span of days each means, how a reader sees it, and what
is wrong with one that is no date. In process and fast: `make mutate` runs these for every
mutant of core/vocabulary/dates.py (the timeline's build tests run in a subprocess)."""

from __future__ import annotations

from datetime import date

import pytest
from annotated_reader.core.vocabulary.dates import Span, humanize, parse_date, parse_day


def span(text: str) -> Span:
    parsed = parse_date(text)
    assert isinstance(parsed, Span), parsed
    return parsed


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision", "approximate", "uncertain"),
    [
        ("1999", date(1999, 1, 1), date(1999, 12, 31), "year", False, False),
        ("1999-02", date(1999, 2, 1), date(1999, 2, 28), "month", False, False),
        ("2000-02", date(2000, 2, 1), date(2000, 2, 29), "month", False, False),
        ("1999-12-08", date(1999, 12, 8), date(1999, 12, 8), "day", False, False),
        ("1999?", date(1999, 1, 1), date(1999, 12, 31), "year", False, True),
        ("1999~", date(1998, 1, 1), date(2000, 12, 31), "year", True, False),
        ("1999%", date(1998, 1, 1), date(2000, 12, 31), "year", True, True),
        # A month widened by a month each side, across the turn of a year both ways.
        ("2000-01~", date(1999, 12, 1), date(2000, 2, 29), "month", True, False),
        ("1999-12~", date(1999, 11, 1), date(2000, 1, 31), "month", True, False),
        ("1999-06~", date(1999, 5, 1), date(1999, 7, 31), "month", True, False),
        # A day widened by three days each side.
        ("1999-12-30~", date(1999, 12, 27), date(2000, 1, 2), "day", True, False),
        ("2000-02-29~", date(2000, 2, 26), date(2000, 3, 3), "day", True, False),
        ("2000-02-29?", date(2000, 2, 29), date(2000, 2, 29), "day", False, True),
        ("  1999-12-08  ", date(1999, 12, 8), date(1999, 12, 8), "day", False, False),
    ],
)
def test_a_date_is_the_span_of_days_it_can_mean(
    text: str, earliest: date, latest: date, precision: str, approximate: bool, uncertain: bool
) -> None:
    got = span(text)
    assert (got.earliest, got.latest, got.precision) == (earliest, latest, precision)
    assert (got.approximate, got.uncertain) == (approximate, uncertain)
    assert got.text == text.strip()


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "approximate", "uncertain"),
    [
        ("1996/1999", date(1996, 1, 1), date(1999, 12, 31), False, False),
        ("1996-03/1996-04-02", date(1996, 3, 1), date(1996, 4, 2), False, False),
        ("../1999", date(1, 1, 1), date(1999, 12, 31), False, False),
        ("/1999", date(1, 1, 1), date(1999, 12, 31), False, False),
        ("1996/..", date(1996, 1, 1), date(9999, 12, 31), False, False),
        ("1996/", date(1996, 1, 1), date(9999, 12, 31), False, False),
        ("1996~/1999", date(1995, 1, 1), date(1999, 12, 31), True, False),
        ("1996/1999~", date(1996, 1, 1), date(2000, 12, 31), True, False),
        ("1996?/1999", date(1996, 1, 1), date(1999, 12, 31), False, True),
        ("1996/1999?", date(1996, 1, 1), date(1999, 12, 31), False, True),
        ("1999/1999", date(1999, 1, 1), date(1999, 12, 31), False, False),
        ("1999-12-08/1999-12-08", date(1999, 12, 8), date(1999, 12, 8), False, False),
    ],
)
def test_an_interval_runs_from_its_first_end_to_its_last(
    text: str, earliest: date, latest: date, approximate: bool, uncertain: bool
) -> None:
    got = span(text)
    assert (got.earliest, got.latest, got.precision) == (earliest, latest, "interval")
    assert (got.approximate, got.uncertain) == (approximate, uncertain)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "December 1999",
            "'December 1999' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD "
            "(EDTF: add ~ for approximate, ? for uncertain; A/B for an interval)",
        ),
        ("0000", "year 0 in '0000' is out of range"),
        ("-0001", "year -1 in '-0001' is out of range"),
        (
            "1999-02-30",
            "'1999-02-30' is not a real date (day is out of range for month); "
            "check the day and month",
        ),
        (
            "1999-13",
            "'1999-13' is not a real date (month must be in 1..12); check the day and month",
        ),
        ("../..", "interval '../..' has no known end"),
        ("/", "interval '/' has no known end"),
        ("1999/1996", "interval '1999/1996' ends before it starts"),
        (
            "x/1999",
            "'x' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD "
            "(EDTF: add ~ for approximate, ? for uncertain; A/B for an interval)",
        ),
        (
            "1996/1997/1999",
            "'1997/1999' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD "
            "(EDTF: add ~ for approximate, ? for uncertain; A/B for an interval)",
        ),
        (
            "1999/y",
            "'y' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD "
            "(EDTF: add ~ for approximate, ? for uncertain; A/B for an interval)",
        ),
    ],
)
def test_a_text_that_is_no_date_says_what_is_wrong(text: str, message: str) -> None:
    assert parse_date(text) == message


def test_the_first_wrong_end_of_an_interval_is_the_one_reported() -> None:
    assert parse_date("x/y") == parse_date("x")


def test_dates_agree_when_their_spans_overlap_at_the_coarser_precision() -> None:
    assert span("1999").agrees_with(span("1999-12-08"))
    assert span("1999-12-08").agrees_with(span("1999"))
    assert span("1999-12-08").agrees_with(span("1999-12-08"))
    assert span("1999-12-31").agrees_with(span("1999-12/2000"))  # touching at one day
    assert span("2000-01-01").agrees_with(span("1999/2000-01-01"))
    assert not span("1999-12-08").agrees_with(span("1999-12-09"))
    assert not span("1999-12-09").agrees_with(span("1999-12-08"))
    assert not span("1998").agrees_with(span("1999"))
    assert span("1998~").agrees_with(span("1999"))


def test_dates_sort_by_their_first_day_then_their_last_then_as_written() -> None:
    texts = ["1999", "1999-12-08", "1999-01", "1998~", "1999-01-01", "1999?"]
    ordered = sorted((span(t) for t in texts), key=lambda s: s.sort_key)
    assert [s.text for s in ordered] == [
        "1998~",
        "1999-01-01",
        "1999-01",
        "1999",
        "1999?",
        "1999-12-08",
    ]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("1999-12-08", "8 December 1999"),
        ("1999-01-31", "31 January 1999"),
        ("1999-12", "December 1999"),
        ("1999", "1999"),
        ("2023~", "about 2023"),
        ("2023?", "2023 (uncertain)"),
        ("2023-05%", "about May 2023 (uncertain)"),
        ("1996/1999", "1996 – 1999"),
        ("../1999-12", "… – December 1999"),
        ("/1999", "… – 1999"),
        ("1996-03-02/..", "2 March 1996 – …"),
        ("1996~/", "about 1996 – …"),
        (" 1999-12 ", "December 1999"),
        ("1996-13-45", "1996-13-45"),
    ],
)
def test_a_reader_sees_a_date_as_it_is_said(text: str, shown: str) -> None:
    assert humanize(text) == shown
    parsed = parse_date(text)
    if isinstance(parsed, Span):
        assert parsed.human() == shown


@pytest.mark.parametrize(
    ("text", "day"),
    [("2026-02-28", date(2026, 2, 28)), ("2024-02-29", date(2024, 2, 29))],
)
def test_a_review_day_is_a_day(text: str, day: date) -> None:
    assert parse_day(text) == day


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02", "'2026-02' must be a day written \"YYYY-MM-DD\" (quoted)"),
        ("2026-02-28~", "'2026-02-28~' must be a day written \"YYYY-MM-DD\" (quoted)"),
        ("x2026-02-28", "'x2026-02-28' must be a day written \"YYYY-MM-DD\" (quoted)"),
        (
            "2026-02-30",
            "'2026-02-30' is not a real date (day is out of range for month); "
            "check the day and month",
        ),
    ],
)
def test_a_review_day_that_is_no_day_says_what_is_wrong(text: str, message: str) -> None:
    assert parse_day(text) == message
