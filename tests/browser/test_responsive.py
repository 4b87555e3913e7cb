"""Phone (375 px) and desktop (1280 px): screenshots of the main pages into test-artifacts/, no
horizontal scrolling, and notes that open fully on-screen."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.project import ARTIFACTS

SOURCE = "sources/hahn-belarus-option/"
PAGES = {
    "source": SOURCE,
    "glossary": "glossary/",
    "timeline": "timeline/",
    "claims": "claims/",
    "ratings": "ratings/",
    "home": "",
    "sources": "sources/",
    "methodology": "ratings/methodology/",
}
PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def site(real_site_url: str) -> str:
    return real_site_url


def _context(browser: Any, width: int) -> Any:
    return browser.new_context(**(PHONE if width < 600 else DESKTOP))


def _no_horizontal_scroll(page: Any) -> None:
    sizes = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert sizes[0] <= sizes[1], f"page scrolls sideways: {sizes[0]} px wide in {sizes[1]}"


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_the_screen(site: str, browser: Any, name: str, width: int) -> None:
    context = _context(browser, width)
    page = context.new_page()
    page.goto(site + PAGES[name])
    _no_horizontal_scroll(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"responsive-{name}-{width}.png"))
    context.close()


@pytest.mark.parametrize(
    "source", ["flash-reunification", "lysyansky-ussr-2", "mondo-new-soviet-union"]
)
def test_a_source_page_fits_a_phone_without_scripts(site: str, browser: Any, source: str) -> None:
    """Without scripts the theme's header kept the page title beside the site's name,
    shifted out of the header: 388 px wide in 375 (an outside test)."""
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site + f"sources/{source}/")
    _no_horizontal_scroll(page)
    context.close()


def _inside(box: dict[str, float], width: int, height: int) -> bool:
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= width + 0.5
        and box["y"] + box["height"] <= height + 0.5
    )


def _source_page(browser: Any, site: str, width: int) -> tuple[Any, Any, Any]:
    """A source page at ``width``: its browser context, the page and the popover."""
    context = _context(browser, width)
    page = context.new_page()
    page.goto(site + SOURCE)
    return context, page, page.locator("#ar-popover")


def test_notes_open_fully_on_screen_on_a_phone(site: str, browser: Any) -> None:
    context, page, popover = _source_page(browser, site, 375)
    marks = page.locator("mark.ar-hl")
    count = marks.count()
    for i in sorted({1, 2, count // 2, count - 1}):  # short and long notes, top to bottom
        mark = marks.nth(i)
        mark.scroll_into_view_if_needed()
        mark.tap()
        popover.wait_for(state="visible")
        box = popover.bounding_box()
        assert box and _inside(box, 375, 740), f"note of mark {i} is off-screen: {box}"
        # A long note scrolls inside the sheet; its close button stays reachable.
        close = page.locator(".ar-popover-close").bounding_box()
        assert close and _inside(close, 375, 740)
        _no_horizontal_scroll(page)
        if i == 2:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "responsive-source-note-375.png"))
        page.locator(".ar-popover-close").tap()
        popover.wait_for(state="hidden")
    context.close()


_GAP = 24  # the most a note may stand away from its passage, in CSS pixels


def _passage(page: Any, ref: Any) -> dict[str, float]:
    """The box of a note's whole passage and its number, as the reader script places by."""
    return dict(
        page.evaluate(
            """id => { const parts = document.querySelectorAll(
                 `mark.ar-hl[data-ar="${id}"], a.ar-ref[data-ar="${id}"]`);
               let top = Infinity, bottom = -Infinity, left = Infinity, right = -Infinity;
               parts.forEach(p => Array.from(p.getClientRects()).forEach(r => {
                 top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom);
                 left = Math.min(left, r.left); right = Math.max(right, r.right); }));
               return {top, bottom, left, right}; }""",
            ref.get_attribute("data-ar"),
        )
    )


def _beside_its_passage(page: Any, ref: Any, box: dict[str, float]) -> str:
    """The note opens just below or just above its passage, never over it, and reaches
    across to its number; returns which side it took."""
    passage = _passage(page, ref)
    number = ref.bounding_box()
    below = box["y"] - passage["bottom"]
    above = passage["top"] - (box["y"] + box["height"])
    assert below >= -1 or above >= -1, ("the note covers its passage", box, passage)
    side = "below" if below >= -1 else "above"
    assert min(abs(below), abs(above)) <= _GAP, (side, box, passage)
    assert box["x"] <= number["x"] + number["width"] and number["x"] <= box["x"] + box["width"], (
        "the note does not reach across to its number",
        box,
        number,
    )
    return side


def test_a_note_near_the_bottom_of_the_screen_opens_above_its_passage(
    site: str, browser: Any
) -> None:
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    page = context.new_page()
    page.goto(site + SOURCE)
    ref = page.locator("a.ar-ref").nth(3)
    ref.scroll_into_view_if_needed()
    page.evaluate(
        "el => window.scrollBy(0, el.getBoundingClientRect().bottom - innerHeight + 40)",
        ref.element_handle(),
    )
    ref.click()
    popover = page.locator("#ar-popover")
    popover.wait_for(state="visible")
    box = popover.bounding_box()
    assert box and _beside_its_passage(page, ref, box) == "above", box
    context.close()


def test_notes_open_beside_their_passage_on_a_laptop(site: str, browser: Any) -> None:
    """Below 1220 px notes fold behind their numbers (wider, they sit in the margin)."""
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    page = context.new_page()
    page.goto(site + SOURCE)
    popover = page.locator("#ar-popover")
    refs = page.locator("a.ar-ref")
    for i in sorted({0, 3, refs.count() - 1}):
        refs.nth(i).scroll_into_view_if_needed()
        refs.nth(i).click()
        popover.wait_for(state="visible")
        box = popover.bounding_box()  # relative to the viewport
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 1024, box
        assert box["y"] >= 0 and box["y"] + box["height"] <= 900, box
        _beside_its_passage(page, refs.nth(i), box)
        _no_horizontal_scroll(page)
        if i == 3:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "responsive-source-note-1024.png"))
        page.keyboard.press("Escape")
        popover.wait_for(state="hidden")
    context.close()
