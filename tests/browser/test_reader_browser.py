"""What a reader does, in real Chromium: open notes by mouse, keyboard and touch — in the
reader built by each engine (MkDocs with the plugin, Zensical from the neutral render).

Notes open in a popover below 1220 px, where they fold behind their numbers (1024 px here);
on a wider screen they are cards in the margin (tests/browser/test_margin_notes.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.browser import open_for_instant_navigation, serve, serve_built, tab_to
from helpers.engines import build_with
from helpers.project import ARTIFACTS, FIXTURES, copy_project


@pytest.fixture(scope="module")
def site(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The mini project built by ``engine`` (each test runs under both), served."""
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp(engine))
    with serve(build_with(engine, project)) as url:
        yield url


def test_note_opens_on_hover_and_closes_when_pointer_leaves(
    site: str, engine: str, browser: Any
) -> None:
    page = browser.new_page(viewport={"width": 1024, "height": 900})
    page.goto(site + "sources/sample/")
    popover = page.locator("#ar-popover")
    page.hover("mark#s-inner")
    popover.wait_for(state="visible")
    assert "founded on 2 April 1996" in popover.inner_text()
    assert "Verdict: Accurate" in popover.inner_text()
    page.mouse.move(5, 5)
    popover.wait_for(state="hidden")
    ARTIFACTS.mkdir(exist_ok=True)
    page.hover("mark#s-inner")
    popover.wait_for(state="visible")
    page.screenshot(path=str(ARTIFACTS / f"mini-source-note-open-{engine}.png"))


def test_note_opens_by_keyboard_and_escape_returns_focus(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1024, "height": 900})
    page.goto(site + "sources/sample/")
    tab_to(page, "ref-s-outer")
    page.keyboard.press("Enter")
    popover = page.locator("#ar-popover")
    popover.wait_for(state="visible")
    assert "Outer note with a link" in popover.inner_text()
    assert page.evaluate("document.activeElement.id") == "ar-popover"
    assert page.get_attribute("#ref-s-outer", "aria-expanded") == "true"
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.id") == "ref-s-outer"
    assert page.get_attribute("#ref-s-outer", "aria-expanded") == "false"


def test_note_opens_by_tap_on_a_phone(site: str, browser: Any) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(site + "sources/sample/")
    page.tap("mark#s-overlap")
    popover = page.locator("#ar-popover")
    popover.wait_for(state="visible")
    assert "Overlaps both sentences" in popover.inner_text()
    box = popover.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert "ar-sheet" in (popover.get_attribute("class") or "")
    context.close()


def test_notes_keep_working_after_instant_navigation(mini: Path, engine: str, browser: Any) -> None:
    with serve_built(mini, engine) as site:
        page = browser.new_page(viewport={"width": 1024, "height": 900})
        open_for_instant_navigation(page, site)
        page.evaluate("window.arSamePage = true")  # a full page load would forget it
        page.click("article a[href$='/sources/']")
        page.wait_for_url("**/sources/")
        page.click("article a[href$='/sources/sample/']")
        page.wait_for_url("**/sources/sample/")
        page.locator("mark#s-inner").wait_for()
        assert page.evaluate("window.arSamePage") is True  # the theme's instant navigation ran
        page.click("#ref-s-inner")
        popover = page.locator("#ar-popover")
        popover.wait_for(state="visible")
        assert "founded on 2 April 1996" in popover.inner_text()


def test_without_javascript_notes_are_numbered_after_their_block(site: str, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "sources/sample/")
    note = page.locator("#note-s-inner")
    assert note.is_visible()
    assert note.get_attribute("value") == "2"
    page.click("#ref-s-inner")
    assert page.url.endswith("#note-s-inner")
    context.close()


def test_opening_an_annotation_address_shows_its_note(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1024, "height": 900})
    page.goto(site + "sources/sample/#s-overlap")
    popover = page.locator("#ar-popover")
    popover.wait_for(state="visible")
    assert "Overlaps both sentences" in popover.inner_text()
