"""Search in real Chromium, in the reader built by each engine: a reader types a name and
opens a result. Where the engines differ (Zensical indexes whole pages by their headings, not
the plugin's one document per note), the test says so by name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from helpers.browser import serve, settled

# What each theme's search is opened with, and what a result is.
OPEN = {"mkdocs": "input.md-search__input", "zensical": ".md-search__button"}
RESULT = {"mkdocs": ".md-search-result__item a", "zensical": "a[role='option']"}


@pytest.fixture(scope="module")
def site(real_site_built: Path) -> Iterator[str]:
    with serve(real_site_built) as url:
        yield url


def search(browser: Any, site: str, engine: str, words: str) -> tuple[Any, list[str]]:
    """Type ``words`` into the site's search; the page and the results' addresses."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site)
    page.click(OPEN[engine])
    page.keyboard.type(words, delay=20)
    page.locator(RESULT[engine]).first.wait_for()
    return page, settled(page, RESULT[engine])


def test_search_finds_lukashenko_and_opens_his_glossary_entry(
    site: str, engine: str, browser: Any
) -> None:
    page, hrefs = search(browser, site, engine, "Lukashenko")
    assert len(hrefs) >= 5
    paths = {urlsplit(h).path for h in hrefs}
    assert "/glossary/" in paths, paths
    page.locator(RESULT[engine], has_text="Alexander Lukashenko").first.click()
    page.wait_for_url("**/glossary/**")
    fragment = urlsplit(page.url).fragment
    assert fragment, page.url
    target = page.locator(f"[id='{fragment}']")
    assert "Lukashenko" in target.inner_text() and target.is_visible()
    page.close()


def test_search_opens_the_note_under_mkdocs_and_only_the_page_under_zensical(
    site: str, engine: str, browser: Any
) -> None:
    """The plugin lends MkDocs' search one document per note (``search_view``), so a result
    opens the note at its passage; Zensical indexes the pages it builds, by their headings:
    a source page's results open at its title or at one of its own sections. A known
    difference."""
    page, hrefs = search(browser, site, engine, "Polishchuk")
    source = [h for h in hrefs if urlsplit(h).path == "/sources/lysyansky-ussr-2/"]
    fragments = {urlsplit(h).fragment for h in source}
    if engine == "mkdocs":
        assert "lys-polishchuk" in fragments, hrefs
    else:
        # The page itself, its <h1> and its sections' headings: no result opens a note.
        page.goto(site + "sources/lysyansky-ussr-2/")
        headings = page.eval_on_selector_all(
            "article :is(h1, h2, h3)[id]", "hs => hs.map(h => h.id)"
        )
        assert fragments and fragments <= {"", *headings}, hrefs
        assert not fragments & {"lys-polishchuk", "note-lys-polishchuk"}, hrefs
    page.close()
