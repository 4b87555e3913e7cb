"""A comparison of sources too long for one page is cut by grade (issue 21, part 7): the
real corpus with a small ``page_budget``, each grade its own comparison, every badge and
standing linking the source's rating on its grade's page, an old address taken on to it."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.browser import serve
from helpers.htmlcheck import article, duplicate_ids, wellformed
from helpers.project import ROOT, build, copy_project, with_page_budget

# The real corpus's grades (annotations/sources/*.yml): a grade a page.
GRADES = {
    "grade-b": ["hahn-belarus-option"],
    "grade-c": ["lysyansky-ussr-2"],
    "grade-d": ["flash-reunification", "wiki2web-union-state"],
    "grade-e": ["mondo-new-soviet-union"],
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = with_page_budget(copy_project(ROOT, tmp_path_factory.mktemp("real")), 20_000)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_each_grade_has_its_own_comparison(site: Path) -> None:
    index = (site / "ratings" / "index.html").read_text(encoding="utf-8")
    grades = re.findall(
        r'<li><a href="([^"]+)">([^<]+)</a> <span class="ar-parts-count">\((\d+)\)', index
    )
    assert grades == [
        (f"{slug}/", f"Grade {slug[-1].upper()}", str(len(ids))) for slug, ids in GRADES.items()
    ]
    assert 'class="ar-rating-detail"' not in index and "<svg" not in article(index)
    for slug, ids in GRADES.items():
        page = (site / "ratings" / slug / "index.html").read_text(encoding="utf-8")
        content = article(page)
        assert wellformed(content) == [] and not duplicate_ids(page)
        assert re.findall(r'<section class="ar-rating-detail" id="([^"]+)"', content) == ids
        assert "<svg" in content  # its own drawing
        assert f'<a href="./" aria-current="page">Grade {slug[-1].upper()}</a>' in content


def test_badges_and_standings_link_each_rating_on_its_grade(site: Path) -> None:
    home = {s: slug for slug, ids in GRADES.items() for s in ids}
    for source, slug in home.items():
        page = (site / "sources" / source / "index.html").read_text(encoding="utf-8")
        assert f'href="../../ratings/{slug}/#{source}"' in page
        assert "ratings/#" not in page
    # Each standing moves to its grade's comparison; the methodology links the grades.
    method = (site / "ratings" / "methodology" / "index.html").read_text(encoding="utf-8")
    assert 'id="standing-' not in method
    for slug in GRADES:
        assert f'<a href="../{slug}/">' in method
    for source, slug in home.items():
        part = (site / "ratings" / slug / "index.html").read_text(encoding="utf-8")
        assert re.search(f'<tr id="standing-{source}"><th scope="row"><a href="#{source}">', part)
    # The timeline's badges (the timeline is cut too, by year).
    year = (site / "timeline" / "1999" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"ratings/#[a-z]", year) and "../../ratings/grade-" in year


def test_the_index_says_where_each_rating_went_and_search_finds_it(site: Path) -> None:
    index = (site / "ratings" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<div hidden data-ar-homes="([^"]*)"></div>', index)
    assert found
    positions = json.loads(html.unescape(found.group(1)))["ids"]
    links = re.findall(r'<li><a href="([^"]+)">', index)
    assert {s: links[i] for s, i in positions.items()} == {
        s: f"{slug}/" for slug, ids in GRADES.items() for s in ids
    }
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {d["location"] for d in docs}
    for slug, ids in GRADES.items():
        for source in ids:
            assert f"ratings/{slug}/#{source}" in locations
    home = (site / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'href="ratings/grade-', home)  # the parts are not in the navigation


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


def test_an_old_address_of_a_rating_opens_it_on_its_grade(served: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served + "ratings/#lysyansky-ussr-2")
    page.wait_for_url("**/ratings/grade-c/#lysyansky-ussr-2")
    section = page.locator("#lysyansky-ussr-2")
    section.wait_for(state="visible")
    box = section.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    page.close()
