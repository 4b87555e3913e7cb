"""An address made before the glossary was cut (``glossary/#term``) still reaches the term,
in real Chromium: served by each engine, and from disk as the offline bundle opens it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.browser import open_for_instant_navigation, serve, serve_built
from helpers.engines import build_with
from helpers.glossary import with_glossary
from helpers.project import FIXTURES, copy_project, with_page_budget, write_file


def _cut_project(folder: Path, extra: str = "") -> Path:
    project = with_glossary(copy_project(FIXTURES / "mini", folder), write_file)
    return with_page_budget(project, 1500, extra)


@pytest.fixture(scope="module")
def site(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = _cut_project(tmp_path_factory.mktemp(engine) / "mini")
    with serve(build_with(engine, project)) as url:
        yield url


def _target(page: Any) -> str | None:
    found: str | None = page.evaluate(
        "(() => { const t = document.querySelector(':target'); return t && t.id; })()"
    )
    return found


def test_an_old_address_of_a_term_opens_it_on_its_part(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "glossary/#minsk")
    page.wait_for_url("**/glossary/m/#minsk")
    assert _target(page) == "minsk"
    entry = page.locator("#minsk")
    assert entry.is_visible() and "Capital of Belarus." in entry.inner_text()
    box = entry.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled to
    # Leaving the moved page is one step back: the index was replaced, not stacked.
    page.go_back()
    assert "glossary/#minsk" not in page.url
    page.close()


def test_the_index_alone_and_an_unknown_term_stay_on_the_index(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "glossary/#no-such-term")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.url.endswith("/glossary/#no-such-term")
    page.get_by_role("link", name="M", exact=True).click()
    page.wait_for_url("**/glossary/m/")
    # Instant navigation may change the address before it swaps the content.
    page.locator("#minsk").wait_for(state="visible")
    page.close()


def test_a_term_link_followed_from_a_source_lands_on_the_part(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "sources/sample/")
    page.locator("#t-minsk-1").evaluate("a => a.click()")  # a click, not the preview's hover
    page.wait_for_url("**/glossary/m/#minsk")
    page.close()


def test_from_disk_an_old_address_reaches_the_part(tmp_path: Path, browser: Any) -> None:
    project = _cut_project(tmp_path / "mini", "use_directory_urls: false\n")
    site = build_with("mkdocs", project)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((site / "glossary.html").as_uri() + "#minsk")
    page.wait_for_url("**/glossary/m.html#minsk")
    assert page.url == (site / "glossary" / "m.html").as_uri() + "#minsk"
    assert _target(page) == "minsk"
    page.close()


def test_after_instant_navigation_an_old_address_reaches_the_part(
    tmp_path: Path, browser: Any
) -> None:
    """Material's instant navigation loads the index into the page and re-creates its scripts
    without their type: the index's map is an attribute, so it survives (an outside tester
    found a JSON script run as code there)."""
    project = _cut_project(tmp_path / "mini")
    with serve_built(project) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        open_for_instant_navigation(page, url)
        page.evaluate("window.arSamePage = true")
        # An old link (a hand-written one would fail the build's anchor check).
        page.evaluate(
            """() => { const a = document.createElement("a"); a.id = "old";
            a.href = "glossary/#minsk"; a.textContent = "Minsk";
            document.querySelector("article").append(a); }"""
        )
        page.click("#old")
        page.wait_for_url("**/glossary/m/#minsk")
        page.locator("#minsk").wait_for(state="visible")
        assert errors == []
        page.close()


def test_the_letters_sit_on_one_line_on_a_phone(tmp_path: Path, browser: Any) -> None:
    """Not one letter a line: the theme's rule for lists must not win over the parts' own."""
    site = build_with("mkdocs", _cut_project(tmp_path / "mini"))
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto((site / "glossary" / "index.html").as_uri())
    tops = page.eval_on_selector_all(
        "nav[data-ar-parts] li", "items => items.map(i => i.getBoundingClientRect().top)"
    )
    assert len(tops) == 4 and len(set(tops)) == 1
    page.close()
