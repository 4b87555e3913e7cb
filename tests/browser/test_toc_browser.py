""" "On this page" in Chromium on the real site: a click on an entry brings its heading into
view and the theme marks the entry as the reader's place; on a source page with the notes in
the margin (which takes the right-hand column), the entries sit in the navigation on the left."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.browser import serve
from helpers.project import ARTIFACTS
from helpers.sitetools import axe_violations

RIGHT = ".md-sidebar--secondary [data-md-component=toc]"
LEFT = ".md-nav--primary .md-nav__item--active > .md-nav--secondary [data-md-component=toc]"


@pytest.fixture(scope="module")
def site(real_site_url: str) -> str:
    return real_site_url


def _page(browser: Any, width: int) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": width, "height": 800}, reduced_motion="reduce")
    yield context.new_page()
    context.close()


@pytest.fixture
def wide(browser: Any) -> Iterator[Any]:
    yield from _page(browser, 1440)


@pytest.fixture
def medium(browser: Any) -> Iterator[Any]:
    yield from _page(browser, 1024)


# The entry for ``id`` is marked and its heading is near the top, below the theme's header.
REACHED = """([toc, id]) => { const a = document.querySelector(`${toc} a[href$="#${id}"]`);
              const r = document.getElementById(id).getBoundingClientRect();
              const below = document.querySelector(".md-header").getBoundingClientRect().bottom;
              return a && a.classList.contains("md-nav__link--active")
                  && r.top >= below && r.top < innerHeight / 2; }"""


def _in_view(page: Any, ident: str) -> bool:
    return bool(
        page.evaluate(
            """id => { const r = document.getElementById(id).getBoundingClientRect();
                       return r.top >= 0 && r.top < innerHeight / 2 && r.height > 0; }""",
            ident,
        )
    )


def _follow(page: Any, toc: str, title: str, ident: str) -> None:
    """Click ``title`` in the table of contents ``toc``: its heading comes into view, near
    the top but below the theme's header (not under it), and the entry is marked as the
    reader's place."""
    assert not _in_view(page, ident)
    link = page.locator(f"{toc} a.md-nav__link", has_text=title).first
    assert str(link.get_attribute("href")).endswith(f"#{ident}")  # made absolute by the theme
    link.click()
    # Both at once, once the page has settled (the theme sets the page up again on a jump),
    # and still so a second later: a late layout must not move the heading out of place.
    page.wait_for_function(REACHED, arg=[toc, ident])
    page.wait_for_timeout(1000)
    assert page.evaluate(REACHED, [toc, ident])
    assert page.locator(f"{toc} a.md-nav__link--active").count() == 1


def test_a_click_in_the_glossarys_contents_brings_its_category_into_view(
    site: str, wide: Any
) -> None:
    wide.goto(site + "glossary/")
    toc = wide.locator(RIGHT)
    assert toc.is_visible()
    assert "Places" in toc.inner_text() and "Treaties and agreements" in toc.inner_text()
    _follow(wide, RIGHT, "Places", "cat-place")
    ARTIFACTS.mkdir(exist_ok=True)
    wide.screenshot(path=str(ARTIFACTS / "toc-glossary.png"))


def test_a_click_in_the_timelines_contents_brings_its_year_into_view(site: str, wide: Any) -> None:
    wide.goto(site + "timeline/")
    _follow(wide, RIGHT, "2014", "crimea-annexation-2014")


def test_a_source_pages_contents_sit_left_while_the_notes_take_the_margin(
    site: str, wide: Any
) -> None:
    wide.goto(site + "sources/lysyansky-ussr-2/")
    wide.locator(".ar-margin-on").wait_for()
    assert not wide.locator(RIGHT).is_visible(), "the right column is the notes' margin"
    left = wide.locator(LEFT)
    assert left.is_visible()
    assert left.inner_text().split("\n") == [
        "What does Vladimir Putin want?",
        "What is USSR 2.0?",
        "Putin’s new title",
    ]
    # Material sets the page up again on the jump and margin.js lays the text out anew
    # after it; toc.js brings the heading back to where the theme counts it as REACHED.
    _follow(wide, LEFT, "What is USSR 2.0?", "sec-2")
    ARTIFACTS.mkdir(exist_ok=True)
    wide.screenshot(path=str(ARTIFACTS / "toc-source-page.png"))
    assert not axe_violations(wide, (".md-sidebar--primary",))


def test_on_a_slow_machine_the_section_still_lands_below_the_header(site: str, wide: Any) -> None:
    """At 16× CPU throttling the page settles after instant navigation has scrolled (a CI
    run lost that race once): the heading is held at the top while it settles, and keeps
    its scroll margin though instant navigation has not made it the :target yet."""
    cdp = wide.context.new_cdp_session(wide)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 16})
    wide.goto(site + "sources/lysyansky-ussr-2/")
    wide.locator(".ar-margin-on").wait_for()
    _follow(wide, LEFT, "What is USSR 2.0?", "sec-2")
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})


def test_a_late_reflow_above_the_section_does_not_move_it(site: str, wide: Any) -> None:
    """A font that arrives, or the margin laid out again, after the jump reflows the text
    above the heading: the heading is held at the top while the page settles."""
    wide.goto(site + "sources/lysyansky-ussr-2/")
    wide.locator(".ar-margin-on").wait_for()
    wide.locator(LEFT).locator("a.md-nav__link", has_text="What is USSR 2.0?").first.click()
    wide.wait_for_function(REACHED, arg=[LEFT, "sec-2"])
    top = wide.evaluate("document.getElementById('sec-2').getBoundingClientRect().top")
    wide.evaluate(
        """() => { const p = document.querySelector(".ar-text p");
                   p.style.paddingTop = "600px"; }"""
    )
    wide.wait_for_timeout(500)
    after = wide.evaluate("document.getElementById('sec-2').getBoundingClientRect().top")
    assert abs(after - top) < 2, (top, after)


def test_below_the_margin_width_a_source_pages_contents_are_on_the_right(
    site: str, medium: Any
) -> None:
    medium.goto(site + "sources/lysyansky-ussr-2/")
    medium.locator("[data-ar-mode], .ar-text").first.wait_for()
    assert not medium.locator(LEFT).is_visible()
    _follow(medium, RIGHT, "Putin’s new title", "sec-3")


def test_axe_finds_nothing_in_the_contents(site: str, wide: Any) -> None:
    for address in ("glossary/", "timeline/", "ratings/"):
        wide.goto(site + address)
        assert not axe_violations(wide, (".md-sidebar--secondary",)), address


def test_under_zensical_too_a_click_brings_the_category_into_view(
    real_site_zensical: Path, browser: Any
) -> None:
    with serve(real_site_zensical) as url:
        for page in _page(browser, 1440):
            page.goto(url + "glossary/")
            _follow(page, RIGHT, "Places", "cat-place")
