"""Every page the build writes is valid HTML5: html5lib (the WHATWG parsing algorithm) reports
no parse error, elements nest strictly, ids are unique and in-page links find their target."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import html5lib
import pytest
from helpers.htmlcheck import wellformed


def parse(html: bytes | str) -> tuple[Any, list[str]]:
    """The document tree and html5lib's parse errors as ``line:col code``."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    tree = parser.parse(html)
    errors = [
        f"{line}:{col} {code} {data or ''}".rstrip() for (line, col), code, data in parser.errors
    ]
    return tree, errors


def problems(html: str) -> list[str]:
    tree, errors = parse(html)
    out = [f"parse error {e}" for e in errors]
    out += [f"nesting: {e}" for e in wellformed(html)]
    ids = Counter(e.get("id") for e in tree.iter() if e.get("id"))
    out += [f"id {i!r} used {n} times" for i, n in sorted(ids.items()) if n > 1]
    for e in tree.iter("a"):
        href = e.get("href") or ""
        if href.startswith("#") and len(href) > 1 and href[1:] not in ids:
            out.append(f"link to #{href[1:]} finds nothing on the page")
    return out


def test_the_checks_catch_what_they_are_for() -> None:
    page = "<!doctype html><html lang=en><head><title>t</title></head><body>{}</body></html>"
    assert problems(page.format('<p id="a">one</p><a href="#a">to one</a>')) == []
    assert any("parse error" in p for p in problems(page.format("<p><b><i>x</b></i></p>")))
    assert any("parse error" in p for p in problems(page.format("<ul><li>x</ul></div>")))
    assert any("parse error" in p for p in problems(page.format("<section><p>x</p>")))
    assert any("parse error" in p for p in problems(page.format("<p>a<div>b</div></p>")))
    assert problems(page.format('<p id="a"></p><p id="a"></p>')) == ["id 'a' used 2 times"]
    assert problems(page.format('<a href="#gone">x</a>')) == [
        "link to #gone finds nothing on the page"
    ]


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_of_the_real_site_is_valid(real_site: Path) -> None:
    pages = _pages(real_site)
    assert len(pages) > 10
    found = {str(p.relative_to(real_site)): problems(p.read_text(encoding="utf-8")) for p in pages}
    bad = {page: errs[:10] for page, errs in found.items() if errs}
    assert not bad, bad


@pytest.mark.parametrize("name", ["index.html", "sources/index.html", "sources/sample/index.html"])
def test_overlapping_and_nested_notes_stay_valid(mini_site: Path, name: str) -> None:
    """The fixture's notes overlap, nest and cross blocks: the hardest markup to keep valid."""
    assert problems((mini_site / name).read_text(encoding="utf-8")) == []
