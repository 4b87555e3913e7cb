"""Every page of the payload site in real Chromium, driven as a reader drives it: not one
payload may run.

Each payload that runs sets ``window.__pwned`` or opens a dialog; the page is also watched
for console errors, page errors and requests leaving the machine, and its live DOM (with
the popovers opened, which clone notes and definitions into the page) is read for handler
attributes and script addresses.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.browser import serve, settled

from .conftest import XssSite

# The live DOM: handler attributes, script addresses, the flag a payload sets.
_DOM_CHECK = """() => {
  const bad = [];
  if (window.__pwned) bad.push("window.__pwned is set");
  const urls = ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "poster"];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const value = a.value.replace(/[\\x00-\\x20]/g, "").toLowerCase();
      if (name.startsWith("on")) bad.push(`<${el.localName} ${name}="${a.value}">`);
      if (urls.includes(name) && /^(javascript|vbscript|data):/.test(value)) {
        bad.push(`<${el.localName} ${name}="${a.value.slice(0, 80)}">`);
      }
    }
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def xss_url(xss: XssSite) -> Iterator[str]:
    assert (xss.site / "index.html").is_file(), xss.build.stderr[-3000:]
    with serve(xss.site) as url:
        yield url


def _watched(browser: Any, base: str) -> tuple[Any, list[str]]:
    """A page whose dialogs, errors and outside requests are written down."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    incidents: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith((base, "data:", "about:", "blob:")):
            r.continue_()
        else:
            incidents.append(f"request leaving the machine: {url[:120]}")
            r.abort()

    def dialog(d: Any) -> None:
        incidents.append(f"{d.type} dialog: {d.message[:80]}")
        d.dismiss()

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", dialog)
    page.on("pageerror", lambda e: incidents.append(f"page error: {e}"))
    page.on(
        "console",
        lambda m: incidents.append(f"console error: {m.text[:160]}") if m.type == "error" else None,
    )
    return page, incidents


def _drive(page: Any) -> None:
    """Hover and click every note marker (Escape closes it), hover and focus every term
    link, then keyboard through the text from its first marker: Tab, Enter on each marker
    the focus reaches, Escape. Real input events; the checks of actionability are skipped
    (``force``): the page is still, and they cost more than the action on a busy machine."""
    markers = page.locator("article a.ar-ref")
    count = markers.count()
    for i in range(count):
        markers.nth(i).hover(force=True)
        markers.nth(i).click(force=True, no_wait_after=True)
        page.keyboard.press("Escape")
    terms = page.locator("article a[data-ar-term]")
    links = terms.count()
    for i in range(links):
        terms.nth(i).hover(force=True)
        terms.nth(i).focus()
    page.mouse.move(1, 1)
    if count:
        markers.first.focus()
        for _ in range(2 * (count + links)):
            if page.evaluate("document.activeElement.matches('a.ar-ref')"):
                page.keyboard.press("Enter")
                page.keyboard.press("Escape")
            page.keyboard.press("Tab")
    # Each box off and on again: the kinds a source page's filter hides stay hidden on the
    # next page (margin.js keeps the choice), where their numbers could not be hovered.
    for box in page.locator("article input[type=checkbox]").all():
        box.click(force=True)
        box.click(force=True)


def test_no_payload_runs_on_any_page(xss: XssSite, xss_url: str, browser: Any) -> None:
    pages = sorted(p.relative_to(xss.site).as_posix() for p in xss.site.rglob("*.html"))
    assert len(pages) > len(xss.slots) // 50  # every source page, and the site's own
    page, incidents = _watched(browser, xss_url)
    found = []
    for path in pages:
        before = len(incidents)
        page.goto(xss_url + path)
        _drive(page)
        dom = page.evaluate(_DOM_CHECK)
        found += [f"{path}: {what}" for what in incidents[before:] + dom]
    page.context.close()
    assert found == [], "\n".join(found)


# Words search has as words of the payloads (it splits text at spaces and hyphens only):
# each finds results whose snippets carry the payload around it.
@pytest.mark.parametrize(
    "word", ["onerror", "src=x", "javascript:window.__pwned=1", "vbscript", "{{7*7}}", "zq25zq"]
)
def test_searching_for_a_payload_runs_nothing(
    word: str, xss: XssSite, xss_url: str, browser: Any
) -> None:
    page, incidents = _watched(browser, xss_url)
    page.goto(xss_url)
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    box.press_sequentially(word)  # as typed: a letter typed before the index loaded is not lost
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    for i in range(min(len(settled(page, ".md-search-result__item", None)), 10)):
        results.nth(i).hover()
    found = incidents + page.evaluate(_DOM_CHECK)
    results.first.locator("a").first.click()
    page.wait_for_load_state()
    found += page.evaluate(_DOM_CHECK)
    page.context.close()
    assert found == [], "\n".join(found)


def test_pages_exist(xss: XssSite) -> None:
    for page in ("index.html", "glossary/index.html", "timeline/index.html", "ratings/index.html"):
        assert Path(xss.site, page).is_file(), page
