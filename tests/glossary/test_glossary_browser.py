"""Term previews in real Chromium: by mouse, keyboard focus and tap, and following a term, in
the reader built by each engine."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from helpers.browser import serve, tab_to
from helpers.engines import build_with
from helpers.glossary import with_glossary
from helpers.project import ARTIFACTS, FIXTURES, copy_project, write_file


@pytest.fixture(scope="module")
def site(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The mini project with a glossary, built by ``engine`` (each test runs under both)."""
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp(engine))
    with_glossary(project, write_file)
    with serve(build_with(engine, project)) as url:
        yield url


def test_preview_by_mouse(site: str, engine: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "sources/sample/")
    page.hover("#t-minsk-1")
    popover = page.locator("#ar-popover")
    popover.wait_for(state="visible")
    assert "Capital of Belarus." in popover.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"mini-term-preview-{engine}.png"))


def test_preview_by_keyboard_then_follow_the_term(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "sources/sample/")
    tab_to(page, "t-belarus-1")
    popover = page.locator("#ar-popover")
    popover.wait_for(state="visible")
    assert "A country in Eastern Europe." in popover.inner_text()
    assert "<img" in popover.inner_text()  # hostile markup shown as text, not run
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/#belarus")
    assert page.locator("#belarus h3").inner_text() == "Belarus"


def test_preview_by_tap_then_second_tap_follows(site: str, browser: Any) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(site + "sources/sample/")
    page.tap("#t-minsk-1")
    popover = page.locator("#ar-popover")
    popover.wait_for(state="visible")
    assert "Capital of Belarus." in popover.inner_text()
    assert page.url.endswith("/sources/sample/")
    page.tap("#t-minsk-1")
    page.wait_for_url("**/glossary/#minsk")
    context.close()
