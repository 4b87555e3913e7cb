"""The drawn timeline (timeline/chart.py): a mark per dated passage in its source's lane, at
the precision the source gives, joined per event; in real Chromium, disputed events' marks
sit apart, a mark leads to its event, the filters reach the drawing, focus says the passage."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.core.vocabulary.dates import Span, parse_date
from annotated_reader.timeline.chart import (
    BREAK_WIDTH,
    REFERENCE_LANE,
    YEAR_WIDTH,
    Axis,
    chart_svg,
)
from annotated_reader.timeline.model import Event
from helpers.project import ARTIFACTS, ROOT
from helpers.sitetools import axe_violations


def _events() -> list[Event]:
    corpus, _ = load_corpus(Paths(ROOT))
    timeline = corpus.feature("timeline")
    assert timeline is not None
    events: list[Event] = timeline.events  # type: ignore[attr-defined]
    return events


def _span(text: str) -> Span:
    span = parse_date(text)
    assert isinstance(span, Span), span
    return span


def test_empty_years_fold_into_a_break_and_busy_years_keep_their_width() -> None:
    axis = Axis({1990, 1991, 2000})
    widths = [(c.first, c.last, c.width) for c in axis.columns]
    assert widths == [
        (1990, 1990, YEAR_WIDTH),
        (1991, 1991, YEAR_WIDTH),
        (1992, 1999, BREAK_WIDTH),
        (2000, 2000, YEAR_WIDTH),
    ]
    assert (
        axis.x(_span("2000").earliest) - axis.x(_span("1990").earliest)
        == 2 * YEAR_WIDTH + BREAK_WIDTH
    )
    short_gap = Axis({1990, 1993})  # two empty years stay: a break would hide little
    assert [c.first for c in short_gap.columns] == [1990, 1991, 1992, 1993]


def _marks(svg: str) -> list[str]:
    return re.findall(r'<a class="ar-tlc-mark[^"]*"[^>]*>.*?</a>', svg)


def test_a_day_is_a_point_a_year_a_bar_of_a_year_and_approximate_dates_are_dashed() -> None:
    events = [e for e in _events() if e.passages]
    svg = chart_svg(events, {e.id: f"#{e.id}" for e in events})
    seen = set()
    for mark in _marks(svg):
        date = re.search(r'data-date="([^"]+)"', mark)
        assert date
        span = _span(date.group(1).replace("&amp;", "&"))
        bar = re.search(r'<rect class="ar-tlc-bar" x="[^"]+" y="[^"]+" width="([^"]+)"', mark)
        approx = span.approximate or span.uncertain
        assert ("ar-tlc-approx" in mark.split(">")[0]) == approx, mark
        if span.precision == "day" and not approx:
            assert bar is None, mark
            seen.add("day")
        else:
            assert bar is not None, mark
            if span.precision == "year" and not approx:
                assert abs(float(bar.group(1)) - YEAR_WIDTH) < 1.5, mark
                seen.add("year")
            if span.precision == "month" and not approx:
                assert 4 <= float(bar.group(1)) <= YEAR_WIDTH / 12 + 6, mark
                seen.add("month")
            if approx:
                seen.add("approximate")
    assert seen == {"day", "month", "year", "approximate"}, seen


def test_every_dated_passage_has_one_mark_in_its_source_lane(real_site: Path) -> None:
    html = (real_site / "timeline" / "index.html").read_text(encoding="utf-8")
    svg = html[
        html.index('<svg class="ar-tlc"') : html.index("</svg>", html.index('<svg class="ar-tlc"'))
    ]
    assert '<title id="ar-tlc-title">' in svg and '<desc id="ar-tlc-desc">' in svg
    assert re.match(r'<svg class="ar-tlc" [^>]*width="\d+" height="\d+" viewBox="0 0 \d+ \d+"', svg)
    expected = {}
    lanes = set()
    for event in _events():
        for p in event.passages:
            if p.span is not None:
                expected[p.annotation.id] = (p.source.id, event.id)
                lanes.add(p.source.id)
    found = {}
    for mark in _marks(svg):
        note = re.search(r'data-note="([^"]+)"', mark)
        lane = re.search(r'data-lane="([^"]+)"', mark)
        event = re.search(r'data-event="([^"]+)"', mark)
        assert lane and event
        if lane.group(1) == REFERENCE_LANE:
            assert note is None
            continue
        assert note and note.group(1) not in found, mark
        found[note.group(1)] = (lane.group(1), event.group(1))
    assert found == expected
    assert set(re.findall(r'data-lane="([^"]+)"', svg)) - {REFERENCE_LANE} == lanes
    assert len(lanes) == 5


@pytest.fixture(scope="module")
def page(real_site_url: str, browser: Any) -> Any:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(real_site_url + "timeline/")
    page.locator("form[data-ar-tl-filters]").wait_for(state="visible")
    yield page
    page.close()


def _centres(page: Any, event: str) -> list[tuple[str, float]]:
    return [
        (lane, box["x"] + box["width"] / 2)
        for lane, box in page.eval_on_selector_all(
            f'.ar-tlc-mark[data-event="{event}"] .ar-tlc-dot',
            "els => els.map(e => [e.closest('a').dataset.lane, e.getBoundingClientRect().toJSON()])",
        )
    ]


def test_disputed_events_are_joined_and_their_marks_sit_apart(page: Any) -> None:
    disputed = [e for e in _events() if e.agreement().dates_disputed]
    assert disputed
    for event in disputed:
        join = page.locator(f'.ar-tlc polyline[data-join="{event.id}"]')
        assert join.count() == 1
        assert "ar-tlc-join-disputed" in (join.get_attribute("class") or "")
        xs = {round(x) for _lane, x in _centres(page, event.id)}
        assert len(xs) >= 2, (event.id, xs)
    agreed = next(
        e for e in _events() if len(e.source_ids()) > 1 and not e.agreement().dates_disputed
    )
    join = page.locator(f'.ar-tlc polyline[data-join="{agreed.id}"]')
    assert "ar-tlc-join-disputed" not in (join.get_attribute("class") or "")


def test_a_mark_leads_to_its_event_and_focus_says_its_passage(page: Any) -> None:
    mark = page.locator(".ar-tlc-mark[data-note]").nth(3)
    event = mark.get_attribute("data-event")
    title = page.evaluate("m => m.querySelector('title').textContent", mark.element_handle())
    mark.focus()
    assert page.locator(".ar-tlc-focus").inner_text() == title
    assert "“" in title
    mark.click()
    page.wait_for_function(f"location.hash === '#{event}'")
    top = page.evaluate(f"document.getElementById('{event}').getBoundingClientRect().top")
    assert 0 <= top < 900


def test_the_filters_reach_the_drawing(page: Any) -> None:
    page.select_option('[data-ar-tl-filter="category"]', "military")
    hidden = page.eval_on_selector_all(
        ".ar-tlc-mark",
        "els => els.filter(e => getComputedStyle(e).display === 'none').map(e => e.dataset.event)",
    )
    shown = page.eval_on_selector_all(
        ".ar-tlc-mark",
        "els => els.filter(e => getComputedStyle(e).display !== 'none').map(e => e.dataset.event)",
    )
    military = {e.id for e in _events() if e.category == "military"}
    assert shown and set(shown) <= military and not set(hidden) & military
    page.click("form .ar-tl-reset")
    page.wait_for_function("document.querySelectorAll('.ar-tlc .ar-tlc-off').length === 0")


def test_no_axe_violation_and_a_screenshot(page: Any) -> None:
    assert axe_violations(page) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".ar-tlc-figure").screenshot(path=str(ARTIFACTS / "timeline-chart.png"))


def test_on_a_phone_the_drawing_scrolls_in_its_box(real_site_url: str, browser: Any) -> None:
    phone = browser.new_page(viewport={"width": 375, "height": 800})
    phone.goto(real_site_url + "timeline/")
    widths = phone.evaluate(
        "[document.documentElement.scrollWidth, document.querySelector('.ar-tlc-scroll').scrollWidth,"
        " document.querySelector('.ar-tlc-scroll').clientWidth]"
    )
    assert widths[0] <= 375 and widths[1] > widths[2], widths
    phone.close()


def test_a_differing_date_is_drawn_over_agreeing_ones() -> None:
    events = [e for e in _events() if e.passages]
    svg = chart_svg(events, {e.id: f"#{e.id}" for e in events})
    classes = [m.split(">")[0] for m in _marks(svg)]
    first_differs = next(i for i, c in enumerate(classes) if "ar-tlc-differs" in c)
    assert all("ar-tlc-differs" in c for c in classes[first_differs:])


def test_dates_that_agree_are_joined_by_a_straight_line() -> None:
    """A slanted line means the sources date the event differently (the legend says so):
    year-long bars joined at their middle slanted 7–28 px for events whose every date is
    consistent with the reference (an outside test). Dates that differ still slant."""
    events = [e for e in _events() if e.passages]
    svg = chart_svg(events, {e.id: f"#{e.id}" for e in events})
    joins = dict(re.findall(r'<polyline class="[^"]*" data-join="([^"]+)" points="([^"]+)"', svg))
    agreeing = [e for e in events if not e.agreement().off_reference and e.id in joins]
    assert len(agreeing) >= 10
    for event in agreeing:
        xs = {point.split(",")[0] for point in joins[event.id].split()}
        assert len(xs) == 1, (event.id, joins[event.id])
    differing = [e for e in events if e.agreement().dates_disputed and e.id in joins]
    assert differing and all(
        len({p.split(",")[0] for p in joins[e.id].split()}) > 1 for e in differing
    )
