"""Term previews while their script is still on its way (a slow network, a big glossary).

reader.js asks for glossary-terms.js once a page has a glossary link; a reader may reach a term
before it arrives. A hover, a keyboard focus or a first tap made in that time must still show
the preview when it comes (a tap must not leave the page), across instant navigation too, and a
tap whose preview cannot load follows the link.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from helpers.browser import open_for_instant_navigation, serve_built, tab_to
from helpers.glossary import with_glossary
from helpers.project import FIXTURES, copy_project, write_file

TERMS = "**/assets/annotated-reader/glossary-terms.js"
SOURCE = "sources/sample/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The mini site with a glossary, built for the address it is served at (instant
    navigation needs it)."""
    project = with_glossary(
        copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("mini")), write_file
    )
    with serve_built(project) as url:
        yield url


class Held:
    """Requests for the terms script, kept waiting until the test lets them through."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.routes: list[Any] = []
        page.route(TERMS, self._hold)

    def _hold(self, route: Any) -> None:
        self.routes.append(route)  # answered later, by release() or fail()

    def wait_for_request(self) -> None:
        for _ in range(100):
            if self.routes:
                return
            self.page.wait_for_timeout(50)
        raise AssertionError("the page never asked for the terms script")

    def release(self) -> None:
        for route in self.routes:
            route.continue_()

    def fail(self) -> None:
        for route in self.routes:
            route.abort()


def _phone(browser: Any) -> Any:
    return browser.new_context(
        viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True
    )


def _open_held(page: Any, url: str) -> Held:
    held = Held(page)
    page.goto(url, wait_until="domcontentloaded")  # the held script delays "load"
    held.wait_for_request()
    return held


def _tap_while_held(browser: Any, site: str) -> tuple[Any, Any, Held]:
    """A phone taps a term while the previews script is still on its way."""
    context = _phone(browser)
    page = context.new_page()
    held = _open_held(page, site + SOURCE)
    page.tap("#t-minsk-1")
    page.wait_for_timeout(300)
    assert page.url == site + SOURCE  # the tap did not follow the link
    return context, page, held


def test_a_tap_before_the_previews_arrive_previews_when_they_do(site: str, browser: Any) -> None:
    context, page, held = _tap_while_held(browser, site)
    popover = page.locator("#ar-popover")
    assert not popover.is_visible()
    held.release()
    popover.wait_for(state="visible")
    assert "Capital of Belarus." in popover.inner_text()
    page.tap("#t-minsk-1")  # the second tap follows it
    page.wait_for_url("**/glossary/#minsk")
    context.close()


def test_a_tap_whose_preview_cannot_load_follows_the_link(site: str, browser: Any) -> None:
    context, page, held = _tap_while_held(browser, site)
    held.fail()
    page.wait_for_url("**/glossary/#minsk")
    context.close()


def test_hover_and_focus_before_the_previews_arrive(site: str, browser: Any) -> None:
    reach = {
        "Capital of Belarus.": lambda page: page.hover("#t-minsk-1"),
        "A country in Eastern Europe.": lambda page: (
            page.mouse.move(0, 0),
            tab_to(page, "t-belarus-1"),
        ),
    }
    for definition, reach_term in reach.items():
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        held = _open_held(page, site + SOURCE)
        reach_term(page)
        page.wait_for_timeout(300)
        held.release()
        popover = page.locator("#ar-popover")
        popover.wait_for(state="visible")
        assert definition in popover.inner_text()
        page.close()


def test_a_hover_moved_away_before_the_previews_arrive_shows_nothing(
    site: str, browser: Any
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    held = _open_held(page, site + SOURCE)
    page.hover("#t-minsk-1")
    page.mouse.move(0, 0)
    held.release()
    page.wait_for_function("!!window.annotatedReaderTerms")
    page.wait_for_timeout(300)
    assert not page.locator("#ar-popover").is_visible()
    page.close()


def test_previews_after_instant_navigation_load_the_script_once(site: str, browser: Any) -> None:
    """From a page without terms, instant navigation to a source: the script comes then."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "glossary-terms" in r.url else None)
    held = Held(page)
    open_for_instant_navigation(page, site)
    assert requests == []  # no glossary link on the home page: nothing loaded
    page.evaluate("window.__samePage = true")
    page.click("article a[href$='/sources/']")  # instant navigation makes hrefs absolute
    page.wait_for_url("**/sources/")
    page.click(f"article a[href$='/{SOURCE}']")
    page.wait_for_url("**/" + SOURCE)
    held.wait_for_request()
    page.hover("#t-minsk-1")
    held.release()
    popover = page.locator("#ar-popover")
    popover.wait_for(state="visible")
    assert "Capital of Belarus." in popover.inner_text()
    assert page.evaluate("window.__samePage === true")  # no reload: instant navigation
    # Another source page and back: previews still work, from the one script.
    page.go_back()
    page.wait_for_url("**/sources/")
    page.go_forward()
    page.wait_for_url("**/" + SOURCE)
    page.mouse.move(0, 0)
    page.hover("#t-belarus-1")
    popover.wait_for(state="visible")
    assert "A country in Eastern Europe." in popover.inner_text()
    assert len(requests) == 1
    page.close()
