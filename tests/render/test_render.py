"""Rendering of overlapping, nested and cross-block notes, straight from the library."""

from __future__ import annotations

import re
from pathlib import Path

from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.core.urls import SiteUrls, relative_url
from annotated_reader.render.site import SiteBuilder
from helpers.htmlcheck import duplicate_ids, text_of, wellformed

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "mini"


def render_mini() -> str:
    corpus, problems = load_corpus(Paths(FIXTURE))
    assert not problems, [str(p) for p in problems.items]
    html = SiteBuilder(corpus, SiteUrls()).render_page("sources/sample.md", "sources/sample/")
    assert html is not None
    return html


def test_overlapping_and_nested_highlights_stay_well_formed() -> None:
    html = render_mini()
    assert wellformed(html) == []
    assert duplicate_ids(html) == []


def test_nested_passage_is_inside_the_outer_mark() -> None:
    html = render_mini()
    assert re.search(
        r'<mark class="ar-hl ar-k-context" data-ar="s-outer">'
        r'<mark class="ar-hl ar-k-fact-check" data-ar="s-inner" id="s-inner">founded in 1996</mark>',
        html,
    )


def test_overlap_is_split_at_boundaries_and_each_passage_has_one_id_and_one_note() -> None:
    html = render_mini()
    for ann in ("s-outer", "s-inner", "s-overlap", "s-cross", "s-debris"):
        assert html.count(f'id="{ann}"') == 1
        assert html.count(f'id="note-{ann}"') == 1
        assert html.count(f'id="ref-{ann}"') == 1
    pieces = re.findall(r'<mark[^>]*data-ar="s-overlap"[^>]*>([^<]*)', html)
    assert "".join(pieces) == "Belarus and Russia. The union"
    assert len(pieces) >= 2


def test_notes_are_numbered_in_reading_order_after_the_block_where_they_end() -> None:
    html = render_mini()
    numbers = re.findall(r'<li class="ar-note[^"]*" id="note-([a-z-]+)" value="(\d+)"', html)
    assert numbers == [
        ("s-outer", "1"),
        ("s-inner", "2"),
        ("s-overlap", "3"),
        ("s-cross", "4"),
        ("s-debris", "5"),
    ]
    # The cross-paragraph note ends in the first list item: its note is listed inside it.
    first_item = html[
        html.index('<li class="ar-li">') : html.index("</li>", html.index('id="note-s-cross"'))
    ]
    assert 'id="note-s-cross"' in first_item


def test_untrusted_text_is_inert() -> None:
    html = render_mini()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html or "&lt;script&gt;" in html


def test_text_is_verbatim_once_notes_are_removed() -> None:
    html = render_mini()
    body = html[html.index('<div class="ar-text"') :]
    seed = (FIXTURE / "seeds" / "sample.txt").read_text(encoding="utf-8")
    assert text_of(body, {"ar-notes", "ar-ref"}) == " ".join(seed.split())


def test_debris_blocks_are_set_apart() -> None:
    html = render_mini()
    assert re.search(
        r'<div class="ar-debris"[^>]*>\s*<p class="ar-p"><mark[^>]*>Leave a Reply', html
    )


def test_cross_references_are_relative_links() -> None:
    html = render_mini()
    assert '<a class="ar-xref ar-xref-note" href="#s-inner">' in html
    assert '<a class="ar-xref ar-xref-source" href="./">A sample source</a>' in html


def test_correction_is_rendered_as_markdown_inline() -> None:
    html = render_mini()
    assert "Should read:</span> grew <strong>slowly</strong>." in html


def test_relative_urls_for_both_url_styles() -> None:
    assert relative_url("sources/b/#x", "sources/a/") == "../b/#x"
    assert relative_url("glossary/#t", "") == "glossary/#t"
    assert relative_url("", "sources/a/") == "../../"
    assert relative_url("sources/a/#x", "sources/a/") == "#x"
    assert relative_url("glossary.html#t", "sources/a.html") == "../glossary.html#t"
    # A page's link to itself (a note naming its own [[source:…]]) opens from disk too.
    assert relative_url("sources/a/", "sources/a/") == "./"
    assert relative_url("sources/a.html", "sources/a.html") == "a.html"
    assert relative_url("index.html", "index.html") == "index.html"
    urls = SiteUrls(directory_urls=False)
    assert urls.annotation("a", "n") == "sources/a.html#n"
