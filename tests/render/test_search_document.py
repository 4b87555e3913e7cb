"""The search document of a source page, rendered in process from the mini project: what
search indexes, result by result (the build tests read the same from a whole site, in a
subprocess, where `make mutate` cannot see which code they reach)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.core.urls import SiteUrls
from annotated_reader.render import search_view
from annotated_reader.render.search_view import section, text_of, top
from annotated_reader.render.site import SiteBuilder
from helpers.timeline import timeline_project

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "mini"


def _results(project: Path) -> dict[str, tuple[str, str]]:
    corpus, problems = load_corpus(Paths(project))
    assert not problems, [str(p) for p in problems.items]
    page = SiteBuilder(corpus, SiteUrls()).render("sources/sample.md", "sources/sample/")
    assert page is not None and page.search is not None
    found = re.findall(r'<h([12]) id="([^"]+)">([^<]*)</h\1>((?:(?!<h[12] ).)*)', page.search, re.S)
    return {ident: (title, text_of(body)) for _, ident, title, body in found}


@pytest.fixture
def results() -> dict[str, tuple[str, str]]:
    """Each result of the sample source's document: its id → (heading, words). Rendered for
    each test, so that `make mutate` knows every test that reaches the renderer."""
    return _results(FIXTURE)


def test_a_notes_references_are_listed_by_title(mini: Path) -> None:
    sample = mini / "annotations" / "sources" / "sample.yml"
    first = '      - {title: "Union State", url: "https://en.wikipedia.org/wiki/Union_State"}\n'
    second = '      - {title: "Treaty <text>", url: "https://example.org/treaty"}\n'
    sample.write_text(sample.read_text(encoding="utf-8").replace(first, first + second), "utf-8")
    assert _results(mini)["s-inner"][1].endswith("References: Union State; Treaty &lt;text&gt;")


def test_a_note_that_dates_an_event_names_it_in_its_result(mini: Path) -> None:
    found = _results(timeline_project(mini))
    assert found["s-inner"][1] == (
        "“founded in 1996” The Community of Belarus and Russia was founded on 2 April 1996. "
        "Timeline: Community of Belarus and Russia founded. References: Union State"
    )
    assert found["s-again"][1].endswith("Timeline: Union State &lt;i&gt;treaty&lt;/i&gt; signed.")


def test_the_page_result_holds_the_title_metadata_and_the_whole_text_without_debris(
    results: dict[str, tuple[str, str]],
) -> None:
    title, words = results["top"]
    assert title == "A sample source"
    assert words.startswith("Author: unknown. No byline. Outlet: Fixture Weekly. Fixture. ")
    assert "Published: October 2022 (precision: month). Fixture." in words
    assert "Reliability: C Fairly reliable" in words
    assert words.endswith(
        "Union Headline The “Union State” was founded in 1996 by Belarus and Russia. The union "
        "– a loose one – grew. • First item about Minsk. • Second item about Moscow. It was "
        "founded in 1996 again, said the text."
    )
    assert "Leave a Reply" not in words  # debris is no part of the text searched


def test_each_note_is_one_result_in_reading_order_titled_by_number_kind_and_verdict(
    results: dict[str, tuple[str, str]],
) -> None:
    notes = [(ident, title) for ident, (title, _) in results.items() if ident != "top"]
    assert notes == [
        ("s-outer", "Note 1: Context"),
        ("s-inner", "Note 2: Fact-check — Accurate"),
        ("s-overlap", "Note 3: Framing"),
        ("s-cross", "Note 4: Correction"),
        ("s-debris", "Note 5: Scraping debris"),
    ]


def test_a_note_result_holds_its_passage_correction_body_and_references(
    results: dict[str, tuple[str, str]],
) -> None:
    assert results["s-inner"][1] == (
        "“founded in 1996” The Community of Belarus and Russia was founded on 2 April 1996. "
        "References: Union State"
    )
    assert results["s-cross"][1] == (
        "“grew. • First item” Should read: grew slowly. Crosses a paragraph boundary into a list."
    )
    assert results["s-outer"][1] == (
        "“The “Union State” was founded in 1996 by Belarus and Russia.” Outer note with a link "
        "to note in “A sample source” and A sample source."
    )
    # Untrusted text stays text: escaped, never a tag.
    assert results["s-overlap"][1] == (
        "“Belarus and Russia. The union” Overlaps both sentences "
        "&lt;script&gt;alert('x')&lt;/script&gt;."
    )


def test_words_are_parted_at_block_tags_and_kept_whole_across_inline_tags() -> None:
    html = "<p>one</p><p>two<br>three</p><li>fo<em>u</em>r</li>\n<td>five</td>  <b>si</b>x"
    assert text_of(html) == "one two three four five six"
    assert text_of('<h2 id="a">Head</h2>body<div class="x">tail</div>') == "Head body tail"
    assert text_of("a &amp; b") == "a &amp; b"


def test_a_result_heading_escapes_its_id_and_title() -> None:
    assert section('a"b', "<Title> & co", ["<p>x</p>", "<i>y</i>"]) == (
        '<h2 id="a&quot;b">&lt;Title&gt; &amp; co</h2><p>x y</p>'
    )
    assert section("a", "T", ["<p></p>"]) == '<h2 id="a">T</h2>'
    assert top("<T>", ["<p>one</p>", "two"]) == '<h1 id="top">&lt;T&gt;</h1><p>one two</p>'


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("grew <strong>slowly</strong>.", "grew <strong>slowly</strong>."),
        ("grew <strong>slowly</strong>", "grew <strong>slowly</strong>."),
        ("<em>did it?</em>", "<em>did it?</em>"),
        ("and so on…", "and so on…"),
        ("stop <em>now!</em>", "stop <em>now!</em>"),
        # A folded YAML scalar's last line break, markdown-it's hard break: space after the
        # sentence's end is no part of its text.
        ("grew slowly.\n", "grew slowly.\n"),
        ("grew <em>slowly.</em><br />\n", "grew <em>slowly.</em><br />\n"),
        ("grew slowly\n", "grew slowly."),
        ("grew <em>slowly</em> \n", "grew <em>slowly</em>."),
    ],
)
def test_a_correction_ends_its_sentence_once(html: str, expected: str) -> None:
    assert search_view._closed(html) == expected
