"""A second corpus, built end to end: the package is proven on more than the Union State.

``tests/fixtures/second-corpus/``: two public-domain texts by Abraham Lincoln (the
Gettysburg Address, Bliss copy, 1863; the letter to Mrs. Bixby, 1864), notes of five kinds,
a glossary of three terms, three events and a rating each. Built strict with MkDocs; every
note, term occurrence and event is checked in the HTML, and nothing of the first corpus
reaches a page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from helpers.htmlcheck import text_of
from helpers.project import FIXTURES, build, check, copy_project

CORPUS = FIXTURES / "second-corpus"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(CORPUS, tmp_path_factory.mktemp("second"))
    result = check(project, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


def sources() -> dict[str, dict]:  # type: ignore[type-arg]
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((CORPUS / "annotations/sources").glob("*.yml"))
    }


def squash(text: str) -> str:
    return " ".join(text.split())


def test_each_source_is_published_verbatim_with_every_note(site: Path) -> None:
    index = (site / "sources/index.html").read_text(encoding="utf-8")
    for source_id, data in sources().items():
        assert f'href="{source_id}/"' in index, source_id
        html = (site / f"sources/{source_id}/index.html").read_text(encoding="utf-8")
        page = squash(text_of(html, {"ar-notes", "ar-ref"}))
        seed = (CORPUS / "seeds" / data["seed"]).read_text(encoding="utf-8")
        for paragraph in seed.split("\n\n"):
            assert squash(paragraph) in page, (source_id, paragraph[:60])
        for note in data["annotations"]:
            assert f'id="{note["id"]}"' in html, note["id"]
            assert f"ar-k-{note['kind']}" in html, note["id"]
    kinds = {n["kind"] for d in sources().values() for n in d["annotations"]}
    assert len(kinds) >= 5


def test_the_glossary_lists_where_each_term_occurs(site: Path) -> None:
    html = (site / "glossary/index.html").read_text(encoding="utf-8")
    terms = yaml.safe_load((CORPUS / "annotations/glossary.yml").read_text(encoding="utf-8"))
    for term in terms["terms"]:
        assert f'id="{term["id"]}"' in html, term["id"]
    # Lincoln signs both texts ("Abraham Lincoln.", "A. Lincoln."): both are listed.
    for source_id in sources():
        assert f'href="../sources/{source_id}/#t-lincoln-1"' in html, source_id
    assert 'href="../sources/gettysburg-address/#t-gettysburg-1"' in html
    assert 'href="../sources/bixby-letter/#t-war-department-1"' in html


def test_the_timeline_merges_both_sources_in_order(site: Path) -> None:
    html = (site / "timeline/index.html").read_text(encoding="utf-8")
    order = [m for m in re.findall(r'<[a-z]+ [^>]*id="([a-z-]+)"', html) if m != "timeline"]
    events = ["declaration-of-independence", "gettysburg-address", "bixby-letter"]
    assert [e for e in order if e in events] == events
    for passage in (
        "gettysburg-address/#ga-four-score",
        "gettysburg-address/#ga-date",
        "bixby-letter/#bx-dateline",
    ):
        assert f'href="../sources/{passage}"' in html, passage
    export = json.loads((site / "timeline/timeline.json").read_text(encoding="utf-8"))
    assert "1776" in json.dumps(export) and "1864" in json.dumps(export)


def test_ratings_and_fact_checks_are_this_corpus_s(site: Path) -> None:
    html = (site / "ratings/index.html").read_text(encoding="utf-8")
    assert 'id="gettysburg-address"' in html and 'id="bixby-letter"' in html
    page = (site / "sources/bixby-letter/index.html").read_text(encoding="utf-8")
    claim = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
    assert claim is not None
    assert "Lincoln Papers Reader" in claim.group(1)  # the publisher is this site


def test_nothing_of_the_first_corpus_reaches_a_page(site: Path) -> None:
    for path in site.rglob("*"):
        if path.suffix in {".html", ".json", ".xml", ".js", ".css"}:
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"union[ -]state", text, re.I), path.relative_to(site)
