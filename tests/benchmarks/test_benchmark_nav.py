"""``nav_sources_limit``: above it the navigation lists only the sources index, which lists all.

Every MkDocs page carries the whole navigation, so listing a large corpus there makes the
build quadratic; the pages are still built and reachable from the index.
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers.project import ROOT, build, run

SOURCES = ("synth-0001", "synth-0002", "synth-0003")


class _NavLinks(HTMLParser):
    """Links inside the theme's primary navigation (``nav.md-nav--primary``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open <nav> elements inside the primary one
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "nav" and (self.depth or "md-nav--primary" in (values.get("class") or "")):
            self.depth += 1
        elif tag == "a" and self.depth and values.get("href"):
            self.links.append(str(values["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1


def nav_links(html: str) -> list[str]:
    parser = _NavLinks()
    parser.feed(html)
    return parser.links


@pytest.mark.parametrize(("limit", "listed"), [(1, False), (3, True)])
def test_sources_leave_the_navigation_above_the_limit(
    tmp_path: Path, limit: int, listed: bool
) -> None:
    project = tmp_path / "site-project"
    args = ("--sources", "3", "--annotations", "6", "--terms", "8", "--events", "3")
    made = run(
        [
            sys.executable,
            "-m",
            "benchmarks.synth",
            str(project),
            *args,
            "--nav-sources-limit",
            str(limit),
        ],
        ROOT,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"

    home = nav_links((site / "index.html").read_text(encoding="utf-8"))
    assert "sources/" in home  # the index stays in the navigation
    assert all((f"sources/{s}/" in home) == listed for s in SOURCES), home
    page = nav_links((site / "sources/synth-0002/index.html").read_text(encoding="utf-8"))
    assert ("../synth-0001/" in page) == listed and "../" in page, page

    index = (site / "sources/index.html").read_text(encoding="utf-8")
    body = index[index.index('<table class="ar-sources">') :]
    for source in SOURCES:  # the index lists every source, whatever the navigation shows
        assert f'href="{source}/"' in body
        assert (site / "sources" / source / "index.html").is_file()
