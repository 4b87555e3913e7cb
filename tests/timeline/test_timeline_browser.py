"""The timeline in real Chromium: filters by source and category, phone layout, no-JS, file://,
in the reader built by each engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.browser import open_for_instant_navigation, serve_built
from helpers.engines import build_with
from helpers.project import ARTIFACTS
from helpers.timeline import ORDER, timeline_project

BY_SOURCE = {
    "sample": ["community-1996", "union-state-1999", "zapad-2021"],
    "second": ["talks-1995", "community-1996", "union-state-1999", "minsk-2022"],
}
SOURCE = '[data-ar-tl-filter="source"]'
CATEGORY = '[data-ar-tl-filter="category"]'
DISPUTED = '[data-ar-tl-filter="disputed"]'


@pytest.fixture(scope="module")
def built(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The timeline project built by ``engine`` (each test runs under both)."""
    from helpers.project import FIXTURES, copy_project

    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp(f"tl-{engine}"))
    return build_with(engine, timeline_project(project))


@pytest.fixture(scope="module")
def site(built: Path, engine: str) -> Iterator[str]:
    # built again, for the address it is served at
    with serve_built(built.parent, engine) as url:
        yield url


def visible(page: Any) -> list[str]:
    return list(
        page.evaluate(
            "Array.from(document.querySelectorAll('.ar-tl-event'))"
            ".filter(e => e.offsetParent !== null).map(e => e.id)"
        )
    )


def count_text(page: Any) -> str:
    return str(page.locator(".ar-tl-count").inner_text())


def use_filters(page: Any) -> None:
    """Source, then category, then both, then disputed only; each narrows what is shown."""
    assert visible(page) == ORDER
    assert count_text(page) == "Showing all 5 events."
    for source, ids in BY_SOURCE.items():
        page.select_option(SOURCE, source)
        assert visible(page) == ids
        for ident in ids:
            assert source in page.get_attribute(f"#{ident}", "data-sources").split()
    assert count_text(page) == "Showing 4 of 5 events."
    page.select_option(SOURCE, "")
    page.select_option(CATEGORY, "military")
    assert visible(page) == ["zapad-2021"]
    page.select_option(CATEGORY, "treaty")
    assert visible(page) == ["community-1996", "union-state-1999"]
    page.select_option(SOURCE, "second")
    page.select_option(CATEGORY, "military")
    assert visible(page) == []
    assert page.locator(".ar-tl-empty").is_visible()
    page.click(".ar-tl-empty [data-ar-tl-reset]")
    assert visible(page) == ORDER
    assert page.input_value(SOURCE) == "" and page.input_value(CATEGORY) == ""
    page.check(DISPUTED)
    assert visible(page) == ["union-state-1999", "minsk-2022"]
    page.click("form .ar-tl-reset")
    page.wait_for_function("document.querySelectorAll('.ar-tl-event[hidden]').length === 0")
    assert visible(page) == ORDER


def test_filters_by_source_and_category(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "timeline/")
    use_filters(page)
    page.close()


def test_filters_work_from_disk(built: Path, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((built / "timeline" / "index.html").as_uri())
    use_filters(page)
    page.close()


def test_filters_work_after_instant_navigation(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    open_for_instant_navigation(page, site)
    page.evaluate("window.arSamePage = true")  # a full page load would forget it
    page.click("article a[href$='timeline/']")
    page.wait_for_url("**/timeline/")
    page.locator(".ar-tl-filters").wait_for(state="visible")
    assert page.evaluate("window.arSamePage") is True  # the theme's instant navigation ran
    use_filters(page)
    page.close()


def test_an_event_address_shows_its_event_even_when_filtered_out(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "timeline/")
    page.select_option(SOURCE, "second")
    assert "zapad-2021" not in visible(page)
    page.evaluate("location.hash = '#zapad-2021'")
    page.wait_for_function("document.getElementById('zapad-2021').offsetParent !== null")
    assert visible(page) == ORDER and page.input_value(SOURCE) == ""
    page.close()


def test_an_event_address_reveals_its_event_from_disk(built: Path, browser: Any) -> None:
    """Where the reveal itself runs: from disk there is no instant navigation, so a hash
    change keeps the page (and its filter) and only the timeline's script can show the
    event. (Served, Material refetches the page on a hash change, which resets the filter
    on its own: the test above passes there even without the reveal.)"""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((built / "timeline" / "index.html").as_uri())
    page.select_option(SOURCE, "second")
    assert "zapad-2021" not in visible(page)
    page.evaluate("window.arSamePage = true")  # a reload would forget it
    page.evaluate("location.hash = '#zapad-2021'")
    page.wait_for_function("document.getElementById('zapad-2021').offsetParent !== null")
    assert page.evaluate("window.arSamePage") is True
    assert visible(page) == ORDER and page.input_value(SOURCE) == ""
    top = page.evaluate("document.getElementById('zapad-2021').getBoundingClientRect().top")
    assert 0 <= top < 900, top  # scrolled into view
    page.close()


def test_source_note_links_to_its_timeline_entry(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "sources/second/")
    link = page.locator("#note-t-treaty .ar-event a")
    assert (link.get_attribute("href") or "").endswith("timeline/#union-state-1999")
    page.goto(site + "timeline/#union-state-1999")
    assert page.evaluate("location.hash") == "#union-state-1999"
    assert page.locator("#union-state-1999").is_visible()
    page.close()


def test_without_javascript_every_event_shows_and_filters_stay_hidden(
    site: str, browser: Any
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "timeline/")
    assert visible(page) == ORDER
    assert not page.locator(".ar-tl-filters").is_visible()
    context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_layout_fits_the_screen_and_screenshots(
    site: str, engine: str, browser: Any, width: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, is_mobile=width < 600, has_touch=width < 600
    )
    page = context.new_page()
    page.goto(site + "timeline/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"horizontal scroll of {overflow}px at {width}px"
    for selector in (".ar-tl-filters", "#union-state-1999", ".ar-tl-summary"):
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (selector, box)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"timeline-{engine}-{width}.png"), full_page=True)
    page.select_option(SOURCE, "second")
    assert visible(page) == BY_SOURCE["second"]
    page.screenshot(path=str(ARTIFACTS / f"timeline-{engine}-{width}-filtered.png"), full_page=True)
    context.close()
