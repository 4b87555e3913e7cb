"""The claims page in real Chromium, in the reader built by each engine: the filters by verdict
and by source (what they show is read from the editorial data), the full list without
scripts, and the way a reader goes from a note to its claim and from the claim to another
source's passage."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.browser import serve
from helpers.claims import NOTES, SHOWN

VERDICT = "[data-ar-cl-filter='verdict']"
SOURCE = "[data-ar-cl-filter='source']"


@pytest.fixture(scope="module")
def site(real_site_built: Path) -> Iterator[str]:
    with serve(real_site_built) as url:
        yield url


def visible(page: Any) -> list[str]:
    return list(
        page.evaluate(
            "Array.from(document.querySelectorAll('.ar-cl-claim'))"
            ".filter(e => e.offsetParent !== null).map(e => e.id)"
        )
    )


def expected(verdict: str = "", source: str = "") -> list[str]:
    return [
        c
        for c in SHOWN
        if (not verdict or any(n["verdict"] == verdict for _, n in NOTES[c]))
        and (not source or any(s == source for s, _ in NOTES[c]))
    ]


def test_filters_by_verdict_and_by_source(site: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "claims/")
    page.locator("form[data-ar-cl-filters]").wait_for(state="visible")
    assert visible(page) == SHOWN
    count = page.locator(".ar-cl-count")
    assert count.inner_text() == f"Showing all {len(SHOWN)} claims."
    for verdict in ("inaccurate", "mostly-accurate", "misleading"):
        page.select_option(VERDICT, verdict)
        assert visible(page) == expected(verdict) != SHOWN, verdict
        assert count.inner_text() == f"Showing {len(expected(verdict))} of {len(SHOWN)} claims."
    page.select_option(VERDICT, "")
    for source in ("hahn-belarus-option", "mondo-new-soviet-union"):
        page.select_option(SOURCE, source)
        assert visible(page) == expected(source=source) != SHOWN, source
    page.select_option(VERDICT, "inaccurate")
    assert visible(page) == expected("inaccurate", "mondo-new-soviet-union")
    page.select_option(SOURCE, "wiki2web-union-state")
    assert visible(page) == [] == expected("inaccurate", "wiki2web-union-state")
    assert page.locator(".ar-cl-empty").is_visible()
    page.click(".ar-cl-empty [data-ar-cl-reset]")
    assert visible(page) == SHOWN
    assert page.input_value(VERDICT) == "" and page.input_value(SOURCE) == ""
    page.close()


def test_without_scripts_every_claim_shows_and_no_filter(site: str, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "claims/")
    assert visible(page) == SHOWN
    assert not page.locator("form[data-ar-cl-filters]").is_visible()
    context.close()


def test_from_a_note_to_its_claim_and_on_to_another_source_s_passage(
    site: str, browser: Any
) -> None:
    """At 1440 px the note is a card in the margin; its claim link leads to the entry,
    whose passage link leads to the other source's passage."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(site + "sources/lysyansky-ussr-2/#lys-treaty-1999")
    link = page.locator(".ar-card a.ar-claim-link[href$='#union-state-treaty-1999']")
    link.wait_for(state="visible")
    assert link.inner_text() == "also in 2 other sources"
    link.click()
    page.wait_for_url("**/claims/#union-state-treaty-1999")
    entry = page.locator("#union-state-treaty-1999")
    entry.wait_for(state="visible", timeout=5000)
    assert page.evaluate("document.querySelector(':target').id") == "union-state-treaty-1999"
    passage = entry.locator("a.ar-cl-passage-link[href$='#mondo-treaty-1999']")
    passage.click()
    page.wait_for_url("**/sources/mondo-new-soviet-union/#mondo-treaty-1999")
    mark = page.locator("mark#mondo-treaty-1999")
    mark.wait_for(state="visible")
    assert "In 1999, the parties signed" in mark.inner_text()
    # Scrolled to it (the engine may scroll after the page shows: wait for the state).
    page.wait_for_function(
        "() => { const r = document.getElementById('mondo-treaty-1999')"
        ".getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"
    )
    page.close()
