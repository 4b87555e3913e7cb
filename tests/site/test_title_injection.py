"""A source's title, author and outlet are inert text wherever the site shows them.

They used to reach MkDocs as a Markdown stub (``# {title}``): entities came back decoded by
Material's ``striptags`` into the ``<title>`` (a stored XSS), and Markdown and ``attr_list``
shaped the title bar, the navigation and the heading's id. Each payload below is a source of
its own in one real strict build; every page is opened in Chromium, watching for dialogs,
console errors and the ``window.__pwned`` flag, and its title read back as the editor wrote it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from annotated_reader.core.vocabulary.titles import shorten
from helpers.browser import serve
from helpers.project import FIXTURES, build, copy_project

SITE_NAME = "Mini reader"
PWN = "window.__pwned=1;alert(1)"

# source id → (title, author, outlet); None is an unknown value
PAYLOADS: dict[str, tuple[str | None, str | None, str | None]] = {
    "t-entities": (f"&lt;/title&gt;&lt;img src=x onerror={PWN}&gt;", "A", "B"),
    "t-raw-tags": (f"</title><script>{PWN}</script><img src=x onerror={PWN}>", "A", "B"),
    "t-attr-list": ("Hijacked heading {: #hijack }", "A", "B"),
    "t-markdown": (f"*x* [a](javascript:{PWN}) `code` <b>bold</b>", "A", "B"),
    "t-jinja": ("{{ 7*7 }} {% if true %}yes{% endif %} {# c #}", "A", "B"),
    "t-line-sep": ("Before\u2028after\u2029end", "A", "B"),
    "t-plain": ("A < B & C > D \"quoted\" 'single'", "A", "B"),
    "t-author": (None, f"&lt;/title&gt;&lt;script&gt;{PWN}&lt;/script&gt; {{: #hijack }}", "B"),
    "t-outlet": (None, None, f"</title><script>{PWN}</script> *x* {{{{ 7*7 }}}}"),
}


def expected_title(title: str | None, author: str | None, outlet: str | None) -> str:
    return title or f"Untitled text by {author or outlet}"


def _value(text: str | None) -> str:
    return "null" if text is None else json.dumps(text)  # a JSON string is a YAML scalar


def _source_file(ident: str, rating: str) -> str:
    title, author, outlet = PAYLOADS[ident]
    return (
        f"seed: {ident}.txt\n"
        "metadata:\n"
        f'  title: {{value: {_value(title)}, basis: "Test."}}\n'
        f'  author: {{value: {_value(author)}, basis: "Test."}}\n'
        f'  outlet: {{value: {_value(outlet)}, basis: "Test."}}\n'
        '  published: {value: "2022-10", basis: "Test."}\n'
        '  kind: {value: news, basis: "Test."}\n'
        '  language: {value: en, basis: "Test."}\n'
        f'  url: {{value: "https://example.org/{ident}", basis: "Test."}}\n'
        f"{rating}"
        "annotations:\n"
        f"  - id: {ident}-check\n"
        "    kind: fact-check\n"
        '    quote: {exact: "founded in 1996", suffix: " by"}\n'
        "    verdict: accurate\n"
        '    body: "Checked."\n'
        '    references: [{title: "Union State", url: "https://en.wikipedia.org/wiki/Union_State"}]\n'
        '    reviewed: "2026-11-22"\n'
    )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("titles") / "mini")
    config = project / "mkdocs.yml"  # as the real site: attr_list could set a heading's id
    config.write_text(
        config.read_text(encoding="utf-8")
        + "markdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    sample = (project / "annotations/sources/sample.yml").read_text(encoding="utf-8")
    rating = sample[sample.index("rating:\n") : sample.index("annotations:\n")]
    seed = (project / "seeds/sample.txt").read_text(encoding="utf-8")
    for ident in PAYLOADS:
        (project / "seeds" / f"{ident}.txt").write_text(seed, encoding="utf-8")
        (project / "annotations/sources" / f"{ident}.yml").write_text(
            _source_file(ident, rating), encoding="utf-8"
        )
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def site_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


def _open(browser: Any, url: str) -> tuple[Any, list[str]]:
    """A page at ``url`` with every dialog, console error and script error recorded."""
    page = browser.new_page()
    seen: list[str] = []
    page.on("dialog", lambda d: (seen.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("console", lambda m: seen.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.append(f"pageerror: {e}"))
    page.goto(url)
    page.wait_for_load_state("load")
    return page, seen


def test_every_payload_builds_strictly_and_each_source_is_published(hostile_site: Path) -> None:
    for ident in PAYLOADS:
        assert (hostile_site / "sources" / ident / "index.html").is_file(), ident


@pytest.mark.parametrize("ident", list(PAYLOADS))
def test_a_hostile_title_runs_nothing_and_reads_as_written(
    browser: Any, site_url: str, ident: str
) -> None:
    want = expected_title(*PAYLOADS[ident])
    page, seen = _open(browser, f"{site_url}sources/{ident}/")
    try:
        assert page.evaluate("window.__pwned") is None
        assert seen == []
        assert page.title() == f"{want} - {SITE_NAME}"
        assert page.locator("article h1").first.text_content() == want
        # The header's topic (Material writes page.meta.title) and the active nav entry.
        topic = page.locator(".md-header__topic[data-md-component=header-topic] .md-ellipsis")
        assert (topic.text_content() or "").strip() == want
        assert page.evaluate(
            """() => ({
                hijack: document.getElementById('hijack'),
                img: document.querySelectorAll('img[src="x"]').length,
                js: document.querySelectorAll('a[href^="javascript:"]').length,
            })"""
        ) == {"hijack": None, "img": 0, "js": 0}
        # Structured data parses, and names the source and its author as written.
        claims = page.evaluate(
            """() => [...document.querySelectorAll('script[type="application/ld+json"]')]
                .flatMap(s => JSON.parse(s.textContent))"""
        )
        assert len(claims) == 1
        title, author, outlet = PAYLOADS[ident]
        item = claims[0]["itemReviewed"]
        assert item["appearance"].get("name") == title
        assert item["author"]["name"] == (author or outlet)
    finally:
        page.close()


def test_the_navigation_lists_each_title_as_written(browser: Any, site_url: str) -> None:
    page, seen = _open(browser, f"{site_url}sources/")
    try:
        labels = page.evaluate(
            """() => Object.fromEntries(
                [...document.querySelectorAll('nav.md-nav--primary a.md-nav__link')]
                .map(a => [new URL(a.href).pathname, a.textContent.trim()]))"""
        )
        for ident, payload in PAYLOADS.items():
            # the navigation names a source by its short title (cut at a word past 48)
            assert labels[f"/sources/{ident}/"] == shorten(expected_title(*payload)), ident
        assert page.evaluate("window.__pwned") is None
        assert seen == []
    finally:
        page.close()


@pytest.mark.parametrize("path", ["", "sources/", "ratings/", "ratings/methodology/"])
def test_the_pages_listing_every_source_run_nothing(browser: Any, site_url: str, path: str) -> None:
    page, seen = _open(browser, f"{site_url}{path}")
    try:
        assert page.evaluate("window.__pwned") is None
        assert seen == []
        assert page.evaluate("document.querySelectorAll('img[src=\"x\"], #hijack').length") == 0
    finally:
        page.close()


def test_search_results_carry_each_title_as_text(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    for ident, payload in PAYLOADS.items():
        # Search titles are HTML, shown as markup: the title is escaped there.
        shown = titles[f"sources/{ident}/"]
        assert "<" not in shown, shown
        assert unescape(shown) == expected_title(*payload)
