"""The ratings as a reader meets them: badge in each source header, comparison page,
methodology page — in a real MkDocs build of the mini project and for the real corpus."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Options, Paths
from annotated_reader.core.urls import SiteUrls
from annotated_reader.core.vocabulary.verdicts import VERDICTS
from annotated_reader.ratings.admiralty import ALL_CRITERIA, GRADES
from annotated_reader.ratings.feature import Ratings
from annotated_reader.render.site import SiteBuilder
from helpers.htmlcheck import between, duplicate_ids, text_of, wellformed
from helpers.project import ROOT, build

SECOND_SEED = "A second text.\n\nIt says the treaty was signed in 1999 and the moon is cheese.\n"
SECOND = """seed: second.txt
metadata:
  title: {value: "A second <em>source</em>", basis: "Fixture."}
  author: {value: "Jane Doe", basis: "Fixture."}
  outlet: {value: null, basis: "Fixture."}
  published: {value: "2023", basis: "Fixture."}
  kind: {value: opinion, basis: "Fixture."}
  language: {value: en, basis: "Fixture."}
  url: {value: null, basis: "Fixture."}
rating:
  grade: E
  criteria:
    named-author: {met: yes, evidence: "Signed by Jane Doe <script>alert(1)</script>."}
    cites-sources: {met: no, evidence: "Cites nothing."}
    separates-opinion: {met: no, evidence: "Opinion throughout."}
    dated-corrected: {met: partly, evidence: "Year only."}
    clean-text: {met: partly, evidence: "Clean but for one typo."}
  rationale: |
    **E — unreliable.** Its [one claim](javascript:alert(1)) about the moon is false; see
    [[second-moon]] and [[source:sample]]. <img src=x onerror=alert(1)>
  reviewed: "2026-11-20"
annotations:
  - id: second-treaty
    kind: fact-check
    quote: {exact: "the treaty was signed in 1999"}
    verdict: accurate
    body: "Signed 8 December 1999."
    references: [{title: "Treaty", url: "https://example.org/treaty"}]
    reviewed: "2026-11-20"
  - id: second-moon
    kind: fact-check
    quote: {exact: "the moon is cheese"}
    verdict: inaccurate
    body: "It is rock."
    references: [{title: "Moon", url: "https://example.org/moon"}]
    reviewed: "2026-11-20"
  - id: second-opinion
    kind: fact-check
    quote: {exact: "A second text."}
    verdict: opinion
    body: "Not checkable."
    references: [{title: "Why", url: "https://example.org/why"}]
    reviewed: "2026-11-20"
"""


@pytest.fixture
def two_sources(mini: Path, write: Callable[[Path, str, str], Path]) -> Path:
    write(mini, "seeds/second.txt", SECOND_SEED)
    write(mini, "annotations/sources/second.yml", SECOND)
    result = build(mini)
    assert result.returncode == 0, result.stderr
    return mini / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_badge_in_each_source_header_links_to_its_rationale(two_sources: Path) -> None:
    for source_id, grade in (("sample", "C"), ("second", "E")):
        html = page(two_sources, f"sources/{source_id}")
        header = between(html, '<header class="ar-source-header">', "</header>")
        badge = re.search(
            r'<a class="ar-rating-badge ar-grade-(\w)" href="([^"]+)"[^>]*>(.*?)</a>', header
        )
        assert badge, header
        assert badge.group(1) == grade.lower()
        assert badge.group(2) == f"../../ratings/#{source_id}"
        assert text_of(badge.group(3), set()) == f"{grade} {GRADES[grade].label}"
        assert 'href="../../ratings/methodology/">How sources are graded</a>' in header


def test_comparison_page_sets_sources_side_by_side(two_sources: Path) -> None:
    html = page(two_sources, "ratings")
    assert wellformed(html) == [] and duplicate_ids(html) == []
    table = between(html, '<table class="ar-ratings-table">', "</table>")
    heads = re.findall(r'<th scope="col"><a href="([^"]+)">(.*?)</a></th>', table)
    # Ordered by grade: C before E; titles are escaped text, links go to the source pages.
    assert heads == [
        ("../sources/sample/", "A sample source"),
        ("../sources/second/", "A second &lt;em&gt;source&lt;/em&gt;"),
    ]
    rows = {
        text_of(m.group(1), set()): [
            text_of(c, set()) for c in re.findall(r"<td[^>]*>(.*?)</td>", m.group(2))
        ]
        for m in re.finditer(r'<tr[^>]*><th scope="row">(.*?)</th>(.*?)</tr>', table)
    }
    assert rows["Grade"] == ["C Fairly reliable", "E Unreliable"]
    assert rows["Named author"] == ["Not met", "Met"]
    assert rows["Cites sources"] == ["Partly met", "Not met"]
    assert rows["Accurate claims (computed)"] == ["Not judged", "Not judged"]
    assert rows["Criterion points"] == ["2 of 5", "2 of 5"]
    assert rows["Grades the criteria allow"] == ["C, D, E, F", "C, D, E, F"]
    for verdict in VERDICTS.values():
        assert verdict.label in rows
    assert rows["Accurate"] == ["1", "1"]
    assert rows["Inaccurate"] == ["0", "1"]
    assert rows["Opinion"] == ["0", "1"]
    assert rows["Rationale"] == ["Why C", "Why E"]
    assert set(rows) >= {
        c.label + (" (computed)" if c.computed else "") for c in ALL_CRITERIA.values()
    }


def test_each_source_has_a_rationale_section_with_evidence(two_sources: Path) -> None:
    html = page(two_sources, "ratings")
    section = between(html, '<section class="ar-rating-detail" id="second">', "</section>")
    assert "<strong>E — unreliable.</strong>" in section
    assert '<a class="ar-xref ar-xref-note" href="../sources/second/#second-moon">' in section
    assert (
        '<a class="ar-xref ar-xref-source" href="../sources/sample/">A sample source</a>' in section
    )
    # Untrusted text stays inert: no script, no javascript: link, no raw image.
    assert "<script" not in section and 'href="javascript:' not in section and "<img" not in section
    assert "Signed by Jane Doe &lt;script&gt;alert(1)&lt;/script&gt;." in section
    assert "2 claim(s) checked for accuracy (1 accurate, 1 inaccurate)" in section
    assert "not counted: 1 opinion" in section
    assert 'Reviewed <time datetime="2026-11-20">20 November 2026</time>' in section
    assert "Grade E is consistent with the criteria, which allow C, D, E, F." in section


def test_methodology_page_is_built_and_linked(two_sources: Path) -> None:
    html = page(two_sources, "ratings/methodology")
    title = '<h1 id="methodology">How sources'  # the id is the skip link's target
    assert wellformed(between(html, title, "</article>")) == []
    assert "Admiralty" in html and "NATO STANAG 2511" in html
    index = page(two_sources, "ratings")
    assert 'href="methodology/">How sources are graded</a>' in index


# ── The real corpus, through the library (independent of other features' warnings) ──


def test_every_real_source_has_a_consistent_rating_with_badge_and_section() -> None:
    corpus, problems = load_corpus(Paths(ROOT), Options(site_url="https://example.org/"))
    ours = [p for p in problems.items if p.code.startswith(("rating.", "claimreview."))]
    assert ours == [], [str(p) for p in ours]
    ratings = corpus.feature("ratings")
    assert isinstance(ratings, Ratings)
    builder = SiteBuilder(corpus, SiteUrls())
    index = builder.render_page("ratings/index.md", "ratings/")
    assert index is not None
    assert corpus.sources
    for source in corpus.sources:
        rating = ratings.rating(source.id)
        assert rating is not None, source.id
        html = builder.render_page(f"sources/{source.id}.md", f"sources/{source.id}/")
        assert html is not None
        header = between(html, '<header class="ar-source-header">', "</header>")
        assert f'href="../../ratings/#{source.id}"' in header
        assert f'<span class="ar-grade-letter">{rating.grade}</span>' in header
        assert f'<section class="ar-rating-detail" id="{source.id}">' in index
        assert ratings.badge(source.id, "timeline/", SiteUrls()).startswith(
            f'<a class="ar-rating-badge ar-grade-{rating.grade.lower()}" href="../ratings/#{source.id}"'
        )


def test_many_sources_are_compared_a_row_each(tmp_path: Path) -> None:
    """Past SIDE_BY_SIDE sources, a column each would not be readable: a row each instead."""
    import subprocess
    import sys

    from annotated_reader.ratings.pages import SIDE_BY_SIDE

    n = SIDE_BY_SIDE + 4
    project = tmp_path / "many"
    args = ["--sources", str(n), "--annotations", "6", "--terms", "8", "--events", "3"]
    made = subprocess.run(
        [sys.executable, "-m", "benchmarks.synth", str(project), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert made.returncode == 0, made.stdout + made.stderr
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site/ratings/index.html").read_text(encoding="utf-8")
    assert wellformed(html) == [] and duplicate_ids(html) == []
    assert '<table class="ar-ratings-table">' not in html  # no column per source
    table = between(html, '<table class="ar-ratings-table ar-ratings-by-source">', "</table>")
    head = between(table, "<thead>", "</thead>")
    assert head.count('<th scope="col">') == 2 + len(ALL_CRITERIA) + 3
    body = between(table, "<tbody>", "</tbody>")
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    assert len(rows) == n
    grades = []
    for row in rows:
        source = re.search(r'<th scope="row"><a href="\.\./sources/(synth-\d+)/">', row)
        assert source, row
        assert (project / "site/sources" / source.group(1) / "index.html").is_file()
        assert row.count('class="ar-met ar-met-') == len(ALL_CRITERIA)
        letter = re.search(r'<a href="#synth-\d+">Why ([A-F])</a>', row)
        assert letter and letter.group(1) in GRADES
        grades.append(letter.group(1))
        assert f'id="{source.group(1)}"' in html  # its rationale section below
    assert grades == sorted(grades)  # best grade first, as side by side
