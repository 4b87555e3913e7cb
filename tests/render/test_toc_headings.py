"""Tables of contents read back from a template's headings (the methodology page's kind)."""

from __future__ import annotations

from annotated_reader.core.toc import TocEntry
from annotated_reader.render.toc import headings


def test_h3_nests_under_the_h2_before_it_and_headings_without_id_are_left_out() -> None:
    html = (
        '<h1 id="top">Page</h1><h3 id="early">Before any section</h3>'
        '<h2 id="a">First <em>one</em> <a class="headerlink" href="#a">¶</a></h2>'
        '<h3 id="a1">Part &amp; parcel</h3><h2>No id</h2><h2 id="b">Second</h2>'
    )
    assert headings(html) == (
        TocEntry(3, "early", "Before any section"),
        TocEntry(2, "a", "First one", (TocEntry(3, "a1", "Part & parcel"),)),
        TocEntry(2, "b", "Second"),
    )
