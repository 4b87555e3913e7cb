"""The hosted site as GitHub Pages serves it: under a project path, with site_url from the
environment, a sitemap and canonical links under that address, and a working 404 page."""

from __future__ import annotations

import functools
import http.server
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers.project import BIN, ROOT, copy_project, run

SITE_URL = "https://readers.example.org/union-state-reader/"
PREFIX = "/union-state-reader/"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus built as the Pages workflow builds it: strict, SITE_URL set."""
    project = copy_project(ROOT, tmp_path_factory.mktemp("hosted"))
    cmd = [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", "site"]
    result = run(cmd, project, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return project / "site"


def _pages(site: Path) -> dict[str, Path]:
    """Every page of the site by its address relative to site_url (404.html excluded)."""
    out = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        out["" if rel == "." else rel + "/"] = path
    return out


def test_sitemap_lists_every_page_under_site_url(hosted: Path) -> None:
    root = ET.parse(hosted / "sitemap.xml").getroot()
    locs = [e.text or "" for e in root.findall("s:url/s:loc", SITEMAP_NS)]
    assert len(locs) == len(set(locs))
    assert set(locs) == {SITE_URL + rel for rel in _pages(hosted)}
    sources = sorted(p.stem for p in (ROOT / "annotations" / "sources").glob("*.yml"))
    expected = ["", "guide/", "sources/", "glossary/", "timeline/", "ratings/"]
    expected += [f"sources/{s}/" for s in sources]
    for rel in expected:
        assert SITE_URL + rel in locs, rel
    assert SITE_URL + "404.html" not in locs


def test_every_page_names_its_canonical_address(hosted: Path) -> None:
    for rel, path in _pages(hosted).items():
        html = path.read_text(encoding="utf-8")
        tag = f'<link rel="canonical" href="{SITE_URL}{rel}">'
        assert html.count('rel="canonical"') == 1 and tag in html, rel


class _Pages(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages: the site under a project path, 404.html for anything missing."""

    site: Path

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(PREFIX):
            return str(self.site / "no such file")
        return super().translate_path("/" + path[len(PREFIX) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def pages_url(hosted: Path) -> Iterator[str]:
    handler = functools.partial(type("H", (_Pages,), {"site": hosted}), directory=str(hosted))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


def test_404_page_is_styled_at_any_depth_and_leads_home(pages_url: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    response = page.goto(pages_url + "sources/no-such-source/deeper/")
    assert response is not None and response.status == 404
    assert "404" in page.locator("article h1").inner_text()
    # The theme's and the plugin's stylesheets loaded from this depth.
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
    assert header in ("sticky", "fixed")
    ink = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--ar-ink')")
    assert ink.strip()
    assert failed == [pages_url + "sources/no-such-source/deeper/"]  # only the page itself
    page.click(".md-header a.md-logo")
    page.wait_for_url(pages_url)
    assert page.locator("article h1").first.inner_text().startswith("Union State Reader")
    page.close()


def test_pages_workflow_builds_strict_with_site_url_and_deploys() -> None:
    flow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "main" in triggers["push"]["branches"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    site_step = next(s for s in build["steps"] if s.get("run", "").strip() == "make site")
    assert site_step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert [s for s in build["steps"] if s.get("id") == "pages"]
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    # `make site` is the strict build.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(BIN)/mkdocs build --strict --site-dir site" in makefile
