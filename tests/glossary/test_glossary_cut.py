"""A glossary too long for one page is cut by initial letter (issue 21, part 7): parts with
stable addresses, every link and preview reaching its term's part, search finding each term
on its part, and the whole glossary left as one page while it fits."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from annotated_reader.core.paging import Cut, Measured, Part, cut, initial
from annotated_reader.core.urls import SiteUrls
from annotated_reader.glossary.page import read_terms_script
from helpers.glossary import GLOSSARY, with_glossary
from helpers.htmlcheck import article, duplicate_ids, wellformed
from helpers.project import build, with_page_budget
from helpers.timeline import EVENTS, timeline_project

SCRIPT = "assets/annotated-reader/glossary-terms.js"
PARTS = {"b": "belarus", "m": "minsk", "s": "union-state-secretary", "u": "union-state"}


@pytest.mark.parametrize(
    ("name", "filed"),
    [
        ("Minsk", ("m", "M")),
        ("éclair", ("e", "E")),  # accents dropped
        ("Łukashenka", ("l", "L")),  # a letter with a stroke, which does not decompose
        ("Ørsted", ("o", "O")),
        ("ßauer", ("s", "S")),  # 'SS' in capitals: under S, not a part of its own
        ("ẞ", ("s", "S")),
        ("Þingvellir", ("t", "T")),  # thorn and eth: Latin letters, not other scripts
        ("ðe", ("d", "D")),
        ("ŋoni", ("n", "N")),
        ("ſtate", ("s", "S")),
        ("«Zapad» exercise", ("z", "Z")),  # leading punctuation skipped
        ("1999 treaty", ("0-9", "0–9")),
        ("Союзное государство", ("other", "Other scripts")),
        ("…", ("other", "Other scripts")),
    ],
)
def test_a_name_is_filed_under_its_first_latin_letter(name: str, filed: tuple[str, str]) -> None:
    assert initial(name) == filed


def test_one_part_per_letter_and_a_letter_cut_again_by_size() -> None:
    keys = [("a", "A")] * 2 + [("s", "S")] * 5 + [("z", "Z")]
    sizes = [10, 10, 40, 40, 40, 30, 100, 5]
    assert cut(keys, sizes, budget=90) == [
        Part("a", "A", (0, 1)),
        Part("s", "S (1 of 3)", (2, 3)),  # 80; a third would make 120
        Part("s-2", "S (2 of 3)", (4, 5)),
        Part("s-3", "S (3 of 3)", (6,)),  # larger than the budget: a part of its own
        Part("z", "Z", (7,)),
    ]


def test_an_item_never_joins_a_part_it_would_overfill() -> None:
    parts = cut([("a", "A")] * 4, [60, 50, 40, 90], budget=100)
    assert [p.items for p in parts] == [(0,), (1, 2), (3,)]
    assert [p.slug for p in parts] == ["a", "a-2", "a-3"]


def _cut_mini(mini: Path, write: Callable[[Path, str, str], Path], extra: str = "") -> Path:
    with_page_budget(with_glossary(mini, write), 1500, extra)
    result = build(mini)
    assert result.returncode == 0, result.stderr
    return mini / "site"


def test_a_long_glossary_is_cut_into_one_page_per_letter(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    site = _cut_mini(mini, write)
    index = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    letters = re.findall(
        r'<li><a href="([^"]+)">([^<]+)</a> <span class="ar-parts-count">\((\d+)\)', index
    )
    assert letters == [(f"{s}/", s.upper(), "1") for s in PARTS]
    assert "<h1" in index and "4 terms" in index
    for slug, term in PARTS.items():
        page = (site / "glossary" / slug / "index.html").read_text(encoding="utf-8")
        assert wellformed(article(page)) == [] and not duplicate_ids(page)
        assert f"<title>Glossary: {slug.upper()} - Mini reader</title>" in page
        # Its own term, and no other: every term lives on exactly one part.
        ids = set(re.findall(r'<section class="ar-term-entry" id="([^"]+)"', page))
        assert ids == {term}
        # The letters link every part, the shown one marked as the current page.
        assert f'<a href="./" aria-current="page">{slug.upper()}</a>' in page
        assert page.count('aria-current="page"') == 1
        assert '<a href="../">The glossary\'s index</a>' in page
    assert 'class="ar-term-entry"' not in index  # the index holds no entries


def test_every_link_to_a_term_reaches_its_part(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    write(
        mini,
        "annotations/sources/sample.yml",
        (mini / "annotations/sources/sample.yml")
        .read_text(encoding="utf-8")
        .replace("body: ", "body: See [[term:minsk]]. ", 1),
    )
    site = _cut_mini(mini, write)
    source = (site / "sources" / "sample" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="\.\./\.\./(glossary/[^"]*)"', source)
    assert "glossary/m/#minsk" in links  # the note's [[term:minsk]]
    term_links = re.findall(r'href="\.\./\.\./(glossary/[^"]*)" data-ar-term="([^"]+)"', source)
    assert {t for _, t in term_links} == set(PARTS.values())  # every term occurs in the text
    for href, term in term_links:
        assert href == f"glossary/{next(s for s, t in PARTS.items() if t == term)}/#{term}"
    for href in links:
        path, _, anchor = href.partition("#")
        page = (site / path / "index.html").read_text(encoding="utf-8")
        assert not anchor or f'id="{anchor}"' in page, href
    # Previews link the part; a related term links its own part, from the part's folder.
    previews = read_terms_script((site / SCRIPT).read_text(encoding="utf-8"))
    assert '<a href="glossary/m/#minsk">Glossary entry →</a>' in previews["minsk"]
    union = (site / "glossary" / "u" / "index.html").read_text(encoding="utf-8")
    assert '<dt>Related</dt><dd><a href="../b/#belarus">Belarus</a></dd>' in union
    assert 'href="../../sources/sample/#t-union-state-1"' in union


def test_the_index_says_where_each_term_went_for_old_links(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    site = _cut_mini(mini, write)
    index = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<div hidden data-ar-homes="([^"]*)"></div>', index)
    assert found
    homes = json.loads(html.unescape(found.group(1)))
    letters = re.findall(r'<li><a href="([^"]+)">', index)  # the letters' links, in order
    for slug, term in PARTS.items():
        assert letters[homes["ids"][term]] == f"{slug}/"


def test_the_navigation_lists_the_glossary_not_its_parts(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    site = _cut_mini(mini, write)
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>\n</div>") if "</nav>\n</div>" in nav else len(nav)]
    assert 'href="glossary/"' in nav
    assert not re.search(r'href="glossary/[a-z]', nav)


def test_search_finds_each_term_on_its_part(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    site = _cut_mini(mini, write)
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {d["location"]: d["title"] for d in docs if d["location"].startswith("glossary/")}
    for slug, term in PARTS.items():
        assert f"glossary/{slug}/#{term}" in locations
        assert locations[f"glossary/{slug}/"] == f"Glossary: {slug.upper()}"
    assert "Minsk" in locations.values()
    assert not any(loc.startswith("glossary/#") for loc in locations)


def test_with_file_addresses_the_parts_are_files_beside_the_index(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    site = _cut_mini(mini, write, "use_directory_urls: false\n")
    index = (site / "glossary.html").read_text(encoding="utf-8")
    assert '<a href="glossary/m.html">M</a>' in index
    part = (site / "glossary" / "m.html").read_text(encoding="utf-8")
    assert '<a href="../glossary.html">The glossary\'s index</a>' in part
    assert 'id="minsk"' in part


def test_a_glossary_that_fits_stays_one_page(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    with_glossary(mini, write)
    assert build(mini).returncode == 0
    site = mini / "site"
    page = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'<section class="ar-term-entry" id="([^"]+)"', page)) == set(
        PARTS.values()
    )
    assert "data-ar-homes" not in page and "ar-parts" not in page
    assert not [p for p in (site / "glossary").iterdir() if p.is_dir()]


def _measured_pair(outer_cut: bool) -> tuple[Measured[str, str], Measured[str, str]]:
    """Two pages measured one inside the other, as the glossary's links to events measure
    the timeline while the glossary is measured; each keeps its whole rendering."""
    urls = SiteUrls()
    outer: Measured[str, str] = Measured()
    inner: Measured[str, str] = Measured()

    def measure_inner() -> None:
        inner.keep("inner/", urls, "inner, linking outer as one page")
        return None

    def measure_outer() -> Cut[str] | None:
        inner.get(measure_inner)
        if outer_cut:
            return Cut("outer", (Part("a", "A", (0,)),), {"a": ["x"]}, {})
        outer.keep("outer/", urls, "outer whole")
        return None

    outer.get(measure_outer)
    return outer, inner


def test_a_page_kept_while_another_was_measured_is_dropped_when_that_one_is_cut() -> None:
    outer, inner = _measured_pair(outer_cut=True)
    assert inner.kept("inner/", SiteUrls()) is None  # rendered again, with the cut's links
    assert outer.kept("outer/", SiteUrls()) is None
    outer, inner = _measured_pair(outer_cut=False)
    assert inner.kept("inner/", SiteUrls()) == "inner, linking outer as one page"
    assert outer.kept("outer/", SiteUrls()) == "outer whole"
    assert outer.kept("outer/", SiteUrls()) is None  # given once
    _, inner = _measured_pair(outer_cut=False)
    assert inner.kept("inner", SiteUrls()) is None  # asked for another address


def test_the_glossary_links_a_cut_timeline_by_year(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    """The glossary fits and is rendered whole while it is measured; its link to an event
    is written after the timeline's own cut is known (the timeline is measured first from
    inside it), so it goes to the event's year."""
    timeline_project(mini)
    glossary = GLOSSARY.replace(
        'definition: "Capital of Belarus."',
        'definition: "Capital of Belarus; see [[event:minsk-2022]]."',
    )
    with_page_budget(with_glossary(mini, write, glossary), 4000)
    result = build(mini)
    assert result.returncode == 0, result.stderr
    page = (mini / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="minsk"' in page  # one page
    assert 'href="../timeline/2022/#minsk-2022"' in page
    assert (mini / "site" / "timeline" / "2022" / "index.html").is_file()


def test_a_timeline_rendered_while_the_glossary_was_measured_links_its_letters(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    """The other way round: the glossary is measured first, and its link to an event has
    the timeline measured (and rendered whole, as it fits) while the glossary still counts
    as one page; once the glossary is cut, that rendering is dropped, and the timeline's
    link to a term goes to the term's letter."""
    timeline_project(
        mini,
        EVENTS.replace(
            "description: A meeting of the prime ministers.",
            "description: A meeting of the prime ministers in [[term:minsk]].",
        ),
    )
    long = " ".join(["A long definition."] * 1500)  # 27,000 characters: the glossary is cut
    glossary = GLOSSARY.replace(
        'definition: "Capital of Belarus."',
        'definition: "Capital of Belarus; see [[event:minsk-2022]]."',
    ).replace('definition: "A country in Eastern Europe.', f'definition: "{long}')
    with_page_budget(with_glossary(mini, write, glossary), 25_000)
    result = build(mini)
    assert result.returncode == 0, result.stderr
    site = mini / "site"
    assert (site / "glossary" / "m" / "index.html").is_file()
    assert not (site / "timeline" / "2022").exists()  # the timeline fits
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert 'href="../glossary/m/#minsk"' in timeline


@pytest.mark.parametrize("budget", ["10", "-5", "many", "true"])
def test_a_page_budget_too_small_or_not_a_number_is_refused_by_each_engine(
    mini: Path, budget: str
) -> None:
    """Every entry a page of its own is no reader's wish: a clear error from MkDocs' own
    option check, and the same from the engine-neutral render, never a traceback."""
    from helpers.project import BIN, replace_in, run

    replace_in(
        mini,
        "mkdocs.yml",
        "  - annotated-reader\n",
        f"  - annotated-reader:\n      page_budget: {budget}\n",
    )
    result = build(mini)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "option 'page_budget'" in result.stderr
    rendered = run([str(BIN / "annotated-reader"), "render", "out"], mini)
    assert rendered.returncode != 0 and "Traceback" not in rendered.stderr
    assert (
        "mkdocs.yml:1:1: error: [config.type] 'page_budget' must be a whole number of at least 1000"
        in rendered.stdout + rendered.stderr
    )
