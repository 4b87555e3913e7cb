"""A timeline too long for one page is cut by year (issue 21, part 7): each year its own page
with its own drawing and filters, the index with the whole timeline's summary and its years,
every link to an event reaching its year, search finding each event there."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from annotated_reader.core.vocabulary.dates import parse_date
from annotated_reader.timeline.cut import cut_timeline
from annotated_reader.timeline.model import Event
from helpers.htmlcheck import article, duplicate_ids, wellformed
from helpers.project import build, with_page_budget
from helpers.timeline import ORDER, timeline_project

YEARS = {  # each event filed under the first year its reference date can mean, as it sorts
    "talks-1995": "1994",  # "1995~": about 1995, from 1994 on
    "community-1996": "1996",
    "union-state-1999": "1999",
    "zapad-2021": "2021",
    "minsk-2022": "2022",
}


def _event(ident: str, year: int) -> Any:
    return SimpleNamespace(
        id=ident,
        span=SimpleNamespace(text=str(year), earliest=date(year, 1, 1), latest=date(year, 12, 31)),
    )


@pytest.mark.parametrize(
    ("written", "filed"),
    [
        ("1996-04-02", ("1996", "1996")),
        ("1995~", ("1994", "1994")),
        ("1999-12/2000-01", ("1999", "1999")),
        ("1999/..", ("1999", "1999")),
        ("../1995", ("until-1995", "Until 1995")),
        ("/1995-06", ("until-1995", "Until 1995")),
    ],
)
def test_an_event_is_filed_under_its_first_year_and_an_open_start_under_its_end(
    written: str, filed: tuple[str, str]
) -> None:
    """An open start ('../1995') is bounded by the year 1: it is listed as 'Until 1995'."""
    span = parse_date(written)
    assert not isinstance(span, str), span
    assert Event.filed_under(SimpleNamespace(span=span)) == filed  # type: ignore[arg-type]


def test_each_part_leaves_room_for_its_own_drawing() -> None:
    events = [_event(f"e{i}", 2000 + i // 4) for i in range(8)]  # four events a year

    def chart(chosen: list[Any]) -> str:
        return "x" * 50 * len(chosen)  # each event's marks: half its entry

    parts = cut_timeline(events, lambda e: "x" * 100, chart, budget=300)
    assert parts is not None
    # By entries alone a part could hold three; with its drawing, two.
    assert [(p.slug, p.label, p.items) for p in parts.parts] == [
        ("2000", "2000 (1 of 2)", (0, 1)),
        ("2000-2", "2000 (2 of 2)", (2, 3)),
        ("2001", "2001 (1 of 2)", (4, 5)),
        ("2001-2", "2001 (2 of 2)", (6, 7)),
    ]
    for part in parts.parts:
        chosen = parts.items[part.slug]
        assert 100 * len(chosen) + len(chart(chosen)) <= 300
    assert parts.homes["e5"].slug == "2001"


def test_a_timeline_that_fits_with_its_drawing_is_not_cut() -> None:
    events = [_event("a", 2000), _event("b", 2001)]
    assert cut_timeline(events, lambda e: "x" * 100, lambda c: "y" * 100, budget=300) is None
    # The same entries with a larger drawing no longer fit: a year a page.
    parts = cut_timeline(events, lambda e: "x" * 100, lambda c: "y" * 101 * len(c), budget=300)
    assert parts is not None and [p.slug for p in parts.parts] == ["2000", "2001"]


@pytest.fixture(scope="module")
def cut_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from helpers.project import FIXTURES, copy_project

    project = timeline_project(copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("tl")))
    sample = project / "annotations/sources/sample.yml"
    sample.write_text(
        sample.read_text(encoding="utf-8").replace("body: ", "body: See [[event:zapad-2021]]. ", 1),
        encoding="utf-8",
    )
    with_page_budget(project, 4000)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_long_timeline_is_cut_into_one_page_per_year(cut_site: Path) -> None:
    index = (cut_site / "timeline" / "index.html").read_text(encoding="utf-8")
    years = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="ar-parts-count">', index)
    assert years == [(f"{y}/", y) for y in YEARS.values()]
    assert "<strong>5</strong> events" in article(index)  # the whole timeline's summary
    assert 'class="ar-tl-event' not in index and "<svg" not in article(index)
    assert 'href="timeline.json"' in index
    for ident, year in YEARS.items():
        page = (cut_site / "timeline" / year / "index.html").read_text(encoding="utf-8")
        content = article(page)
        assert wellformed(content) == [] and not duplicate_ids(page)
        assert f"<title>Timeline: {year} - Mini reader</title>" in page
        assert re.findall(r'<li class="ar-tl-event[^"]*" id="([^"]+)"', content) == [ident]
        # Its own drawing, of its own event; its own filters.
        assert "<svg" in content
        assert set(re.findall(r'<a (?:xlink:)?href="#([^"]+)"', content)) <= {ident, "h-" + ident}
        assert "data-ar-tl-filters" in content
        assert f'<a href="./" aria-current="page">{year}</a>' in content
        assert '<a href="../">the timeline\'s index</a>' in content
        assert 'href="../timeline.json"' in content


def test_every_link_to_an_event_reaches_its_year(cut_site: Path) -> None:
    html = (cut_site / "sources" / "sample" / "index.html").read_text(encoding="utf-8")
    assert 'Timeline: <a href="../../timeline/1999/#union-state-1999">' in html
    assert 'href="../../timeline/2021/#zapad-2021"' in html  # the note's [[event:zapad-2021]]
    links = set(re.findall(r'href="\.\./\.\./(timeline/[^"]*)"', html))
    assert len(links) >= 3
    for href in links:
        path, _, anchor = href.partition("#")
        page = (cut_site / path / "index.html").read_text(encoding="utf-8")
        assert not anchor or f'id="{anchor}"' in page, href
    # A hand-written link to the timeline still reaches it: its index.
    home = (cut_site / "index.html").read_text(encoding="utf-8")
    assert '<a href="timeline/">timeline</a>' in home


def test_the_index_says_where_each_event_went(cut_site: Path) -> None:
    index = (cut_site / "timeline" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<div hidden data-ar-homes="([^"]*)"></div>', index)
    assert found
    positions = json.loads(html.unescape(found.group(1)))["ids"]
    years = re.findall(r'<li><a href="([^"]+)">', index)
    assert {e: years[i] for e, i in positions.items()} == {e: f"{y}/" for e, y in YEARS.items()}
    assert sorted(positions, key=ORDER.index) == ORDER


def test_search_finds_each_event_on_its_year(cut_site: Path) -> None:
    docs = json.loads((cut_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"] for d in docs["docs"] if d["location"].startswith("timeline/")}
    for ident, year in YEARS.items():
        assert f"timeline/{year}/#{ident}" in locations
    assert not any(loc.startswith("timeline/#") for loc in locations)


def test_the_navigation_lists_the_timeline_not_its_years(cut_site: Path) -> None:
    home = (cut_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    assert 'href="timeline/"' in nav
    assert not re.search(r'href="timeline/\d', nav)


def test_an_event_with_an_open_start_has_a_part_of_its_own_until_its_end(tmp_path: Path) -> None:
    """'../1995' is bounded by the year 1: on a cut timeline it is listed as 'Until 1995'
    (``timeline/until-1995/``, first, as it sorts), never as a page for the year 1."""
    from helpers.project import BIN, FIXTURES, copy_project, run
    from helpers.timeline import EVENTS

    events = EVENTS.replace(
        "events:\n",
        "events:\n"
        "  - id: talks-open\n"
        "    title: Integration talks before the Community\n"
        '    date: "../1995"\n'
        "    category: treaty\n"
        "    description: Talks went on for years.\n"
        '    references:\n      - {title: "Talks (reference)", url: "https://example.org/talks"}\n',
        1,
    )
    project = timeline_project(copy_project(FIXTURES / "mini", tmp_path / "p"), events)
    with_page_budget(project, 4000)
    done = run([str(BIN / "mkdocs"), "build", "--site-dir", "site"], project)
    assert done.returncode == 0, done.stderr  # not strict: no passage asserts the event
    site = project / "site" / "timeline"
    index = (site / "index.html").read_text(encoding="utf-8")
    years = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="ar-parts-count">', index)
    assert years[0] == ("until-1995/", "Until 1995")
    assert not (site / "1").exists()
    assert 'id="talks-open"' in (site / "until-1995" / "index.html").read_text(encoding="utf-8")


def test_the_whole_drawing_is_not_made_when_the_entries_alone_do_not_fit() -> None:
    events = [_event(f"e{i}", 2000 + i) for i in range(4)]
    drawn: list[int] = []

    def chart(chosen: list[Any]) -> str:
        drawn.append(len(chosen))
        return "y" * 10

    assert cut_timeline(events, lambda e: "x" * 100, chart, budget=300) is not None
    assert 4 not in drawn and drawn  # each part's, never all four's
    drawn.clear()
    assert cut_timeline(events, lambda e: "x" * 50, chart, budget=300) is None
    assert drawn == [4]


def test_each_parts_drawing_is_made_once_for_the_cut_and_its_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotated_reader.assembly import load_corpus
    from annotated_reader.core.corpus import Options, Paths
    from annotated_reader.core.urls import SiteUrls
    from annotated_reader.render.generated import GeneratedSite
    from annotated_reader.timeline import chart as charts
    from annotated_reader.timeline import feature, page
    from helpers.project import FIXTURES, copy_project

    made: list[tuple[str, ...]] = []

    def counted(events: list[Event], *args: Any) -> str:
        made.append(tuple(e.id for e in events))
        return charts.chart_svg(events, *args)

    monkeypatch.setattr(feature, "chart_svg", counted)
    monkeypatch.setattr(page, "chart_svg", counted)
    project = timeline_project(copy_project(FIXTURES / "mini", tmp_path / "tl"))
    corpus, problems = load_corpus(Paths(project), Options(page_budget=4000))
    assert not problems.errors, problems.sorted()
    site = GeneratedSite(corpus, SiteUrls())
    parts = [p for p in site.titles() if p.startswith("timeline/")]
    assert len(parts) > 2
    for path in ["timeline.md", *parts]:
        assert site.page(path) is not None
    assert len(made) == len(set(made)) and len(made) >= len(parts)  # each drawn once
