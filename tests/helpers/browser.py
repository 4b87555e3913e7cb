"""Real Chromium for reader-level tests: Debian's browser driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a built site on loopback; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_built(project: Path, engine: str = "mkdocs") -> Iterator[str]:
    """Build ``project`` with ``engine`` for the address it is served at, and serve it.

    Material's instant navigation (and Zensical's) takes over only links to pages of its
    sitemap, whose addresses come from ``site_url``; a site built for another address gets a
    full page load on every click, and a test of instant navigation would test nothing.
    """
    from helpers.engines import SITE_DIR, build_with

    (project / SITE_DIR[engine]).mkdir(exist_ok=True)
    with serve(project / SITE_DIR[engine]) as url:
        cfg = project / "mkdocs.yml"
        text = cfg.read_text(encoding="utf-8")
        text, found = re.subn(r"(?m)^site_url:.*$", f"site_url: {url}", text)
        cfg.write_text(text if found else f"{text}\nsite_url: {url}\n", encoding="utf-8")
        build_with(engine, project)
        yield url


def open_for_instant_navigation(page: Any, url: str) -> None:
    """Open ``url`` and wait until Material's instant navigation can take over a click.

    It takes over a link only once it has read the site's sitemap, which it requests as the
    page starts; a click before that is an ordinary page load. On a busy machine the click
    came first, so this waits for the sitemap to have arrived and for the tasks queued
    behind it (where the theme reads it) to have run.
    """
    page.goto(url)
    page.wait_for_function(
        """() => performance.getEntriesByType("resource")
            .some(e => e.name.endsWith("/sitemap.xml") && e.responseEnd > 0)"""
    )
    page.evaluate("() => new Promise(done => setTimeout(() => setTimeout(done)))")


def tab_to(page: Any, element_id: str, limit: int = 120) -> None:
    """Press Tab, as a keyboard user would, until ``element_id`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id} in {limit} presses")


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():  # Playwright's own browser downloads are not used
        raise RuntimeError(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def settled(page: Any, selector: str, attribute: str | None = "href") -> list[str]:
    """What each element matching ``selector`` holds (``attribute``, or its text) once the
    list stops changing: search results are drawn again for each letter typed, so reading
    them one by one could meet a list drawn for fewer letters (a CI run waited 30 s for a
    71st result that had gone; another, to hover a second result that had gone)."""
    script = "(els, name) => els.map(e => name ? e.getAttribute(name) : e.textContent)"
    last: list[str] = []
    for _ in range(50):
        values = page.eval_on_selector_all(selector, script, attribute)
        if values and values == last:
            return [str(v) for v in values]
        last = values
        page.wait_for_timeout(250)
    raise AssertionError(f"the results kept changing: {last}")
