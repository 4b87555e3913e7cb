"""Combined timeline: ordering, agreement rules, the TimelineJS export, and the built page.

The project is the mini fixture plus a second source and an ``events.yml``, all written
into the temporary copy, so the shared fixture stays as the other tests expect it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Feature, Paths
from annotated_reader.core.model import Where
from annotated_reader.core.problems import Location
from annotated_reader.core.urls import SiteUrls
from annotated_reader.core.vocabulary.dates import Span, parse_date
from annotated_reader.render.site import SiteBuilder
from annotated_reader.timeline.export import date_parts, export_path, span_dates
from annotated_reader.timeline.feature import Timeline
from annotated_reader.timeline.model import Event, Passage, agreement, chronological
from annotated_reader.timeline.page import dispute_reasons
from helpers.htmlcheck import between, duplicate_ids, text_of, wellformed
from helpers.project import build
from helpers.timeline import (
    ORDER,
    timeline_project,
)

HERE = Location("annotations/events.yml", 1, 1)


def span(text: str) -> Span:
    parsed = parse_date(text)
    assert isinstance(parsed, Span), parsed
    return parsed


# ── Ordering ───────────────────────────────────────────────────────────────────────


def test_events_sort_chronologically_across_precisions_and_edtf() -> None:
    dates = ["2000?", "1999-12-08", "1999", "1996/1999", "1999-12-07", "1998~", "1999-12"]
    events = [Event(f"e{i}", d, d, span(d), "treaty", "", [], HERE) for i, d in enumerate(dates)]
    ordered = [e.date for e in chronological(events)]
    assert ordered == ["1996/1999", "1998~", "1999", "1999-12", "1999-12-07", "1999-12-08", "2000?"]


def test_events_on_the_same_date_sort_by_id() -> None:
    events = [
        Event(i, i, "2022-07-01", span("2022-07-01"), "statement", "", [], HERE)
        for i in ("b-event", "a-event", "c-event")
    ]
    assert [e.id for e in chronological(events)] == ["a-event", "b-event", "c-event"]


# ── Agreement ──────────────────────────────────────────────────────────────────────

AGREEMENT = [
    # reference, claimed dates, claims off the reference, number of clashing pairs
    ("1999-12-08", ["1999"], [], 0),
    ("1999-12-08", ["1999-12"], [], 0),
    ("1999-12-08", ["1999-12-08"], [], 0),
    ("1999-12-08", ["1999-11"], [0], 0),
    ("1996-04-02", ["1999"], [0], 0),
    ("1996", ["1999"], [0], 0),
    ("1999-12-08", ["1999", "1999-12", "1999-12-08"], [], 0),
    ("1999-12-08", ["1999", "1996"], [1], 1),
    ("1999", ["1999-12-08", "1999-01-01"], [], 1),  # both fit the year, not each other
    ("1996/1999", ["1996", "1999"], [], 1),
    ("1996/1999", ["1997"], [], 0),
    ("1996/1999", ["2000"], [0], 0),
    ("2023~", ["2022"], [], 0),  # approximate: one year either side
    ("2023~", ["2021"], [0], 0),
    ("2021?", ["2021-05"], [], 0),  # uncertain does not widen
    ("2021?", ["2022"], [0], 0),
    ("2022-03~", ["2022-04-15"], [], 0),  # approximate month: one month either side
    ("2022-03~", ["2022-06-20"], [0], 0),
    ("2021-09-10/2021-09-16", ["2021"], [], 0),
    ("2021-09-10/2021-09-16", ["2021-10"], [0], 0),
    ("1999-12-08", [], [], 0),
    ("1999", ["1999-12-08", "1999-12-08", "1999-01-01", "1999-01-01"], [], 1),  # dates, not claims
]


@pytest.mark.parametrize(("reference", "claims", "off", "clashes"), AGREEMENT)
def test_agreement_rules(reference: str, claims: list[str], off: list[int], clashes: int) -> None:
    result = agreement(span(reference), [(str(i), span(c)) for i, c in enumerate(claims)])
    assert list(result.off_reference) == [str(i) for i in off]
    assert len(result.clashes) == clashes
    assert result.disputed == bool(off or clashes)


def disputed(reference: str, claims: list[tuple[str, str]]) -> list[str]:
    """The reasons shown for an event whose passages are (source title, date) claims."""
    event = Event("e", "E", reference, span(reference), "treaty", "", [], HERE)
    for i, (title, date) in enumerate(claims):
        source = SimpleNamespace(id=title.lower(), title=title)
        note = SimpleNamespace(id=f"n{i}", date=date, start=i, where=Where())
        event.passages.append(Passage(note, source, parse_date(date)))  # type: ignore[arg-type]
    return dispute_reasons(event, event.agreement())


def test_each_wrong_date_is_named_once_with_its_sources() -> None:
    claims = [(f"S{i:03}", "1996") for i in range(200)] + [("Right", "1999-12-08")]
    assert disputed("1999-12-08", claims) == [
        "“S000”, “S001”, “S002” and 197 other sources date it 1996; "
        "the reference date is 8 December 1999."
    ]


def test_reasons_grow_with_the_dates_not_with_pairs_of_passages() -> None:
    # 300 passages, three dates: 1999 fits, 1996 and 2003 do not (and clash with each other).
    claims = [(f"S{i:03}", ("1996", "1999", "2003")[i % 3]) for i in range(300)]
    reasons = disputed("1999", claims)
    assert len(reasons) == 2
    assert reasons[0].endswith("date it 1996; the reference date is 1999.")
    assert reasons[1].endswith("date it 2003; the reference date is 1999.")


def test_dates_that_each_fit_a_coarse_reference_but_not_each_other() -> None:
    reasons = disputed("1999", [("A", "1999-03"), ("B", "1999-05"), ("C", "1999-05-02")])
    assert reasons == [
        "March 1999 (“A”) and May 1999 (“B”) cannot both be right.",
        "March 1999 (“A”) and 2 May 1999 (“C”) cannot both be right.",
    ]


def test_a_source_contradicting_itself_is_named() -> None:
    assert disputed("1999", [("A", "1999-03"), ("A", "1999-05")]) == [
        "“A” dates it both March 1999 and May 1999."
    ]


def test_many_clashing_dates_are_counted_past_ten() -> None:
    claims = [(f"S{d:02}", f"2000-01-{d:02}") for d in range(1, 8)]  # seven days: 21 pairs
    reasons = disputed("2000", claims)
    assert len(reasons) == 11
    assert reasons[-1] == "11 more pairs of dates cannot both be right."


# ── Export ─────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1999", {"year": 1999}, None),
        ("1999-12", {"year": 1999, "month": 12}, None),
        ("1999-12-08", {"year": 1999, "month": 12, "day": 8}, None),
        ("2023~", {"year": 2023}, None),
        ("2021-05?", {"year": 2021, "month": 5}, None),
        ("1996/1999", {"year": 1996}, {"year": 1999}),
        (
            "2021-09-10/2021-09-16",
            {"year": 2021, "month": 9, "day": 10},
            {"year": 2021, "month": 9, "day": 16},
        ),
        ("../2000", {"year": 2000}, None),
        ("2000/..", {"year": 2000}, None),
    ],
)
def test_timelinejs_dates_keep_the_precision(
    text: str, start: dict[str, int], end: dict[str, int] | None
) -> None:
    assert span_dates(text) == (start, end)


def test_date_parts_of_an_open_end() -> None:
    assert date_parts("..") is None


def test_export_sits_beside_the_page() -> None:
    assert export_path(SiteUrls(True)) == "timeline/timeline.json"
    assert export_path(SiteUrls(False)) == "timeline.json"


# ── The library, with a ratings feature that offers badges ─────────────────────────


class FakeRatings(Feature):
    name = "ratings"

    def badge(self, source_id: str, page_url: str, urls: SiteUrls) -> str:
        return f'<span class="fake-badge" data-from="{page_url}">Grade for {source_id}</span>'


def test_page_uses_the_ratings_badge_and_resolves_event_links(mini: Path) -> None:
    timeline_project(mini)
    corpus, problems = load_corpus(Paths(mini), features=[FakeRatings(), Timeline()])
    assert not problems, [str(p) for p in problems.items]
    builder = SiteBuilder(corpus, SiteUrls(True))
    html = builder.render_page("timeline.md", "timeline/")
    assert html is not None
    assert '<span class="fake-badge" data-from="timeline/">Grade for second</span>' in html
    assert builder.corpus.resolve("event", "zapad-2021", builder.urls) == (
        "timeline/#zapad-2021",
        "Zapad-2021 exercise",
    )
    assert builder.corpus.resolve("event", "nope", builder.urls) is None
    source = builder.render_page("sources/second.md", "sources/second/")
    assert source is not None
    assert 'Timeline: <a href="../../timeline/#union-state-1999">' in source


def test_without_events_file_or_event_annotations_there_is_no_timeline(mini: Path) -> None:
    corpus, problems = load_corpus(Paths(mini), features=[Timeline()])
    assert not problems
    timeline = corpus.feature("timeline")
    assert timeline is not None
    assert timeline.pages() == {} and timeline.files(SiteUrls()) == {}
    assert timeline.known_ids() == {}


# ── The built site ─────────────────────────────────────────────────────────────────


def entries(html: str) -> dict[str, str]:
    """Each event entry's HTML by its id, in page order."""
    parts = html.split('<li class="ar-tl-event')[1:]
    out = {}
    for part in parts:
        ident = re.search(r' id="([^"]+)"', part)
        assert ident
        out[ident.group(1)] = part
    return out


@pytest.fixture
def timeline_site(mini: Path) -> Path:
    timeline_project(mini)
    result = build(mini)
    assert result.returncode == 0, result.stderr
    return mini / "site"


def test_built_page_lists_every_event_in_order_with_its_sources(timeline_site: Path) -> None:
    html = (timeline_site / "timeline" / "index.html").read_text(encoding="utf-8")
    article = between(html, '<div class="ar-timeline"', '<p class="ar-tl-export">')
    assert wellformed(article + "</div>") == []
    assert duplicate_ids(html) == []
    found = entries(article)
    assert list(found) == ORDER

    summary = text_of(between(article, '<ul class="ar-tl-summary"', "</ul>") + "</ul>", set())
    assert summary == (
        "5 events 2 asserted by more than one source 3 by a single source 2 disputed (dates, "
        "place or actors)"
    )

    treaty = found["union-state-1999"]
    assert 'data-category="treaty"' in treaty and 'data-sources="sample second"' in treaty
    assert "data-disputed" in treaty
    assert "Union State &lt;i&gt;treaty&lt;/i&gt; signed" in treaty
    assert "<strong>Moscow</strong>" in treaty and "<script>" not in treaty
    assert "&lt;script&gt;" in treaty
    text = text_of(treaty, set())
    assert "Dates disputed" in text
    assert "“A sample source” dates it 1996; the reference date is 8 December 1999." in text
    # The 1996 claim is explained once, against the reference date; not again as a pair.
    assert "cannot both be right" not in text and "both 1996" not in text
    assert "Reference date: 8 December 1999 (1999-12-08, precision: day)" in text
    assert "founded in 1996 again" in text and "signed in December 1999" in text
    assert 'href="../sources/sample/#s-again"' in treaty
    assert 'href="../sources/second/#t-treaty"' in treaty
    assert 'href="../sources/second/"' in treaty
    assert 'href="https://example.org/treaty"' in treaty
    assert "differs from the reference date" in text
    assert "consistent with the reference date" in text

    community = text_of(found["community-1996"], set())
    assert "2 sources" in community and "Dates agree" in community
    assert "This source dates it April 1996" in community
    assert 'href="../sources/second/"' in found["community-1996"]  # [[source:second]]

    zapad = text_of(found["zapad-2021"], set())
    assert "Single source" in zapad and "Dates agree" in zapad
    assert "10 September 2021 – 16 September 2021" in zapad

    minsk = text_of(found["minsk-2022"], set())
    assert "Single source" in minsk and "Dates disputed" in minsk
    assert "This source dates it about March 2022" in minsk

    options = re.findall(r'<option value="([^"]*)">', article)
    assert options == ["", "sample", "second", "", "treaty", "institution", "military", "statement"]
    assert 'href="timeline.json"' in html


def test_source_passages_link_back_to_their_timeline_entry(timeline_site: Path) -> None:
    html = (timeline_site / "sources" / "sample" / "index.html").read_text(encoding="utf-8")
    assert 'Timeline: <a href="../../timeline/#union-state-1999">' in html
    assert 'Timeline: <a href="../../timeline/#zapad-2021">Zapad-2021 exercise</a>' in html


def test_export_is_timelinejs_and_matches_the_page(timeline_site: Path) -> None:
    raw = (timeline_site / "timeline" / "timeline.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert raw == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert set(data) == {"title", "events"}
    assert set(data["title"]["text"]) == {"headline", "text"}
    events = data["events"]
    assert [e["unique_id"] for e in events] == ORDER
    treaty = events[ORDER.index("union-state-1999")]
    assert treaty["start_date"] == {"year": 1999, "month": 12, "day": 8}
    assert "end_date" not in treaty
    assert treaty["group"] == "treaty"
    assert treaty["display_date"] == "8 December 1999"
    assert treaty["text"]["headline"] == "Union State &lt;i&gt;treaty&lt;/i&gt; signed"
    assert "<strong>Moscow</strong>" in treaty["text"]["text"]
    assert "<script>" not in treaty["text"]["text"]
    assert "Dates disputed" in treaty["text"]["text"]
    zapad = events[ORDER.index("zapad-2021")]
    assert zapad["start_date"] == {"year": 2021, "month": 9, "day": 10}
    assert zapad["end_date"] == {"year": 2021, "month": 9, "day": 16}
    talks = events[ORDER.index("talks-1995")]
    assert talks["start_date"] == {"year": 1995} and talks["display_date"] == "about 1995"
    for event in events:
        assert set(event) <= {
            "unique_id",
            "start_date",
            "end_date",
            "display_date",
            "group",
            "text",
        }
        assert set(event["text"]) == {"headline", "text"}


def test_export_is_byte_for_byte_deterministic(timeline_site: Path, tmp_path: Path) -> None:
    first = (timeline_site / "timeline" / "timeline.json").read_bytes()
    page = (timeline_site / "timeline" / "index.html").read_bytes()
    project = timeline_site.parent
    result = build(project, "--site-dir", str(tmp_path / "again"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "again" / "timeline" / "timeline.json").read_bytes() == first
    assert (tmp_path / "again" / "timeline" / "index.html").read_bytes() == page


def test_without_directory_urls_the_export_sits_beside_timeline_html(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    timeline_project(mini)
    config = (mini / "mkdocs.yml").read_text(encoding="utf-8")
    write(mini, "mkdocs.yml", config + "use_directory_urls: false\n")
    result = build(mini)
    assert result.returncode == 0, result.stderr
    html = (mini / "site" / "timeline.html").read_text(encoding="utf-8")
    assert json.loads((mini / "site" / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert 'href="timeline.json"' in html
    assert 'href="sources/second.html#t-treaty"' in html
    source = (mini / "site" / "sources" / "second.html").read_text(encoding="utf-8")
    assert 'Timeline: <a href="../timeline.html#union-state-1999">' in source


def test_no_timeline_page_without_events(mini_site: Path) -> None:
    assert not (mini_site / "timeline").exists()
    assert "timeline/" not in (mini_site / "index.html").read_text(encoding="utf-8")
