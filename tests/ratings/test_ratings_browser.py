"""Ratings in real Chromium: the browser reads the ClaimReview back intact, a hostile quote
runs nothing, and the badge leads to the rationale, in the reader built by each engine."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from helpers.browser import serve
from helpers.engines import build_with
from helpers.hostile import HOSTILE, add_hostile_fact_check
from helpers.project import FIXTURES, copy_project


@pytest.fixture(scope="module")
def hostile_site(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The mini project with a hostile fact-check, built by ``engine`` (tests run under both)."""
    mini = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp(engine))
    add_hostile_fact_check(mini, "misleading", reviewed="2026-11-21")
    with serve(build_with(engine, mini)) as url:
        yield url


def test_browser_reads_the_claim_reviews_back_and_runs_nothing(
    hostile_site: str, browser: Any
) -> None:
    page = browser.new_page()
    page.goto(hostile_site + "sources/sample/")
    blocks = page.eval_on_selector_all(
        'script[type="application/ld+json"]', "els => els.map(e => JSON.parse(e.textContent))"
    )
    reviews = [r for block in blocks for r in (block if isinstance(block, list) else [block])]
    by_url = {r["url"].rsplit("#", 1)[1]: r for r in reviews}
    assert set(by_url) == {"s-inner", "s-hostile"}
    hostile = by_url["s-hostile"]
    assert hostile["claimReviewed"] == HOSTILE
    assert hostile["reviewRating"]["alternateName"] == "Misleading"
    assert hostile["datePublished"] == "2026-11-21"
    assert page.evaluate("typeof window.pwned") == "undefined"


def test_badge_leads_to_the_rationale(hostile_site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(hostile_site + "sources/sample/")
    badge = page.locator(".ar-source-header a.ar-rating-badge")
    assert badge.inner_text().split() == ["C", "Fairly", "reliable"]
    badge.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/ratings/#sample")
    section = page.locator("section#sample")
    section.wait_for(state="visible")
    assert "A short fixture text" in section.inner_text()
    met = section.locator(".ar-met-yes").first
    assert met.inner_text().strip() == "Met"
    # The glyph is drawn by the generated style sheet, hidden from assistive technology.
    before = met.evaluate("e => getComputedStyle(e, '::before').content")
    assert before == '"✓ " / ""', before
