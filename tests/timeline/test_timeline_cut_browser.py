"""A timeline cut by year, in real Chromium under each engine: an address made before the cut
(``timeline/#event``) reaches the event on its year's page, and a year's filters work."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from helpers.browser import serve
from helpers.engines import build_with
from helpers.project import FIXTURES, copy_project, with_page_budget
from helpers.timeline import timeline_project


@pytest.fixture(scope="module")
def site(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = timeline_project(copy_project(FIXTURES / "mini", tmp_path_factory.mktemp(engine)))
    with_page_budget(project, 4000)
    with serve(build_with(engine, project)) as url:
        yield url


def test_an_old_address_of_an_event_opens_it_on_its_year(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "timeline/#union-state-1999")
    page.wait_for_url("**/timeline/1999/#union-state-1999")
    event = page.locator("#union-state-1999")
    event.wait_for(state="visible")
    assert "Union State <i>treaty</i> signed" in event.inner_text()
    box = event.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    page.close()


def test_a_years_filters_work_on_its_own_events(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "timeline/1999/")
    page.locator(".ar-tl-filters").wait_for(state="visible")
    assert page.locator("#union-state-1999").is_visible()
    # The filters offer what this year holds, and narrow this year's events.
    assert page.locator('[data-ar-tl-filter="category"] option').all_inner_texts() == [
        "All categories",
        "Treaty",
    ]
    page.check('[data-ar-tl-filter="disputed"]')
    assert page.locator("#union-state-1999").is_visible()  # its dates are disputed
    page.goto(site + "timeline/2021/")
    page.locator(".ar-tl-filters").wait_for(state="visible")
    page.check('[data-ar-tl-filter="disputed"]')  # Zapad-2021: its sources agree
    assert page.locator("#zapad-2021").is_hidden()
    assert page.locator(".ar-tl-empty").is_visible()
    page.close()
