"""The parts of a source page (``render/source_page.py``), straight from the library: term
links laid over the text and cut by highlights, where each note's number goes, the lists
and page-debris groups around blocks, and the headings' ids."""

from __future__ import annotations

import re

from annotated_reader.core.corpus import InlineLink
from annotated_reader.core.model import Annotation, Metadata, MetaField, Quote, Source
from annotated_reader.core.problems import Location
from annotated_reader.core.text.markup import Markup
from annotated_reader.core.text.segment import Block
from annotated_reader.core.toc import TocEntry
from annotated_reader.render.margin_mode import MODE_SCRIPT
from annotated_reader.render.source_page import (
    PageRender,
    _Containers,
    _Sections,
    header_rows,
    last_blocks,
    note_values,
    numbering,
    overlapping,
    render_inline,
    render_source,
)
from annotated_reader.render.templates import environment
from annotated_reader.render.views import ClaimLink, EventLink, HeaderRow

TEXT = 'A "b" & <c> term here end'
REF = (
    '<a class="ar-ref ar-k-context" href="#note-n1" id="ref-n1" data-ar="n1" '
    'aria-label="Note 1: Context">[1]</a>'
)
MARK = '<mark class="ar-hl ar-k-context" data-ar="n1" id="n1">'


def ann(ident: str, start: int, end: int) -> Annotation:
    return Annotation(
        id=ident, kind="context", quote=Quote("q"), body="", source_id="s",
        location=Location("f.yml", 1, 1), body_line=1, start=start, end=end,
    )  # fmt: skip


def links_only(links: list[InlineLink], start: int = 0, end: int = len(TEXT)) -> str:
    return render_inline(TEXT, start, end, [], {}, links, set(), {})


def test_links_are_laid_over_the_escaped_text() -> None:
    link = InlineLink(8, 18, "../g/?a=1&b=2#t", "ar-term", {"id": "t-1", "data-x": 'q"'})
    assert links_only([link]) == (
        'A "b" &amp; <a class="ar-term" href="../g/?a=1&amp;b=2#t" id="t-1" '
        'data-x="q&quot;">&lt;c&gt; term h</a>ere end'
    )
    two = [
        InlineLink(0, 1, "h0", "c0"),
        InlineLink(2, 5, "h1", "c1"),
        InlineLink(8, 12, "h2", "c2"),
    ]
    assert links_only(two) == (
        '<a class="c0" href="h0">A</a> <a class="c1" href="h1">"b"</a> &amp; '
        '<a class="c2" href="h2">&lt;c&gt; </a>term here end'
    )
    # A block's text is clipped at its edges, a link starting at the block's start kept.
    assert (
        links_only(two, 2, 10)
        == '<a class="c1" href="h1">"b"</a> &amp; <a class="c2" href="h2">&lt;c</a>'
    )
    assert links_only(two, 6, 10) == '&amp; <a class="c2" href="h2">&lt;c</a>'


def test_a_link_overlapping_an_earlier_one_is_left_out() -> None:
    links = [InlineLink(2, 8, "h1", "c1"), InlineLink(5, 12, "h2", "c2")]
    assert links_only(links) == 'A <a class="c1" href="h1">"b" &amp; </a>&lt;c&gt; term here end'


def test_a_link_cut_by_a_highlight_keeps_its_id_on_its_first_piece() -> None:
    notes = [ann("n1", 4, 12)]
    link = InlineLink(2, 12, "h", "c", {"id": "L"})
    html = render_inline(TEXT, 0, len(TEXT), notes, numbering(notes), [link], set(), {"n1": 12})
    assert html == (
        f'A <a class="c" href="h" id="L">"b</a>{MARK}<a class="c" href="h">" &amp; &lt;c&gt; </a>'
        f"</mark>{REF}term here end"
    )
    link = InlineLink(8, 18, "h", "c", {"id": "L"})
    html = render_inline(TEXT, 0, len(TEXT), notes, numbering(notes), [link], set(), {"n1": 12})
    assert html == (
        f'A "b{MARK}" &amp; <a class="c" href="h" id="L">&lt;c&gt; </a></mark>{REF}'
        '<a class="c" href="h">term h</a>ere end'
    )


def test_each_note_goes_after_the_last_block_its_passage_reaches() -> None:
    blocks = [Block("paragraph", 0, 10), Block("paragraph", 11, 20), Block("list-item", 21, 30)]
    notes = [ann("x", 0, 5), ann("y", 5, 15), ann("z", 21, 40), ann("w", 10, 11)]
    # "w" ends in the line break after block 0; "z" runs past the text's last block.
    assert last_blocks(notes, blocks) == {"x": 0, "y": 1, "z": 2, "w": 0}
    shuffled = [blocks[1], blocks[0], blocks[2]]
    assert last_blocks(notes, shuffled) == {"x": 1, "y": 1, "z": 2, "w": 1}
    assert last_blocks(notes[:2], blocks[:1]) == {"x": 0, "y": 0}
    # "w", in the gap between blocks, overlaps none.
    found = overlapping(blocks, notes)
    assert found is not None
    assert [[a.id for a in block] for block in found] == [["x", "y"], ["y"], ["z"]]
    assert overlapping(shuffled, notes) is None


def test_lists_and_debris_groups_open_and_close_around_their_blocks() -> None:
    containers = _Containers()
    debris = (
        '<div class="ar-debris" role="group" aria-label="Page debris, not part of the article">'
    )
    blocks = [
        Block("paragraph", 0, 1),
        Block("list-item", 0, 1),
        Block("list-item", 0, 1),
        Block("list-item", 0, 1, True),
        Block("paragraph", 0, 1, True),
        Block("heading", 0, 1, True),
        Block("list-item", 0, 1),
        Block("paragraph", 0, 1),
    ]
    assert [containers.enter(b) for b in blocks] == [
        [],
        ['<ul class="ar-list">'],
        [],
        ["</ul>", debris, '<ul class="ar-list">'],
        ["</ul>"],
        [],
        ["</div>", '<ul class="ar-list">'],
        ["</ul>"],
    ]
    assert containers.close() == []
    containers.enter(Block("list-item", 0, 1, True))
    assert containers.close() == ["</ul>", "</div>"]
    containers = _Containers()
    containers.enter(Block("list-item", 0, 1))
    assert containers.close() == ["</ul>"]


def test_headings_get_section_ids_that_no_note_has() -> None:
    sections = _Sections({"sec-2", "sec-2_"})
    added = [
        sections.add(" A  \n title ", Block("heading", 0, 1)),
        sections.add("p", Block("paragraph", 0, 1)),
        sections.add("D", Block("heading", 0, 1, True)),
        sections.add("B", Block("heading", 0, 1)),
        sections.add("C", Block("heading", 0, 1)),
    ]
    assert added == ["sec-1", "", "", "sec-2__", "sec-3"]
    assert sections.toc == [
        TocEntry(2, "sec-1", "A title"),
        TocEntry(2, "sec-2__", "B"),
        TocEntry(2, "sec-3", "C"),
    ]


LOC = Location("f.yml", 1, 1)


def mf(value: str | None, basis: str = "stated") -> MetaField:
    return MetaField(value, basis, LOC)


def metadata(**given: MetaField) -> Metadata:
    fields = {
        "title": mf("T"), "author": mf("Au"), "outlet": mf(None, "unknown"),
        "published": mf("2001-05"), "kind": mf("news"), "language": mf("be-Latn"),
        "url": mf("https://e.org/a?b=1"),
    }  # fmt: skip
    return Metadata(**(fields | given))


def rows(meta: Metadata) -> list[HeaderRow]:
    return header_rows(Source("s", "p", "seed", "text", meta, LOC))


def test_header_rows_spell_out_dates_and_languages_and_link_addresses() -> None:
    author = HeaderRow("Author", "Au", "Au", "stated", None)
    outlet = HeaderRow("Outlet", None, None, "unknown", None)
    kind = HeaderRow("Kind", "news", "news", "stated", None)
    url = "https://e.org/a?b=1"
    address = HeaderRow("Original address", url, url, "stated", url)
    assert rows(metadata()) == [
        author,
        outlet,
        HeaderRow("Published", "May 2001 (precision: month)", "2001-05", "stated", None),
        kind,
        HeaderRow("Language", "Belarusian", "be-Latn", "stated", None),
        address,
    ]
    given = metadata(
        published=mf("2001-05-03/2002"), language=mf("xx-YY"), author_url=mf("https://a.org")
    )
    assert rows(given) == [
        author,
        outlet,
        HeaderRow(
            "Published",
            "3 May 2001 – 2002 (precision: interval)",
            "2001-05-03/2002",
            "stated",
            None,
        ),  # fmt: skip
        kind,
        HeaderRow("Language", "xx-YY", "xx-YY", "stated", None),
        address,
        HeaderRow("Author's page", "https://a.org", "https://a.org", "stated", "https://a.org"),
    ]
    unknown = metadata(published=mf("nonsense"), language=mf(None, "unknown"))
    assert rows(unknown)[2:5] == [
        HeaderRow("Published", "nonsense", "nonsense", "stated", None),
        kind,
        HeaderRow("Language", None, None, "unknown", None),
    ]
    assert rows(metadata(published=mf("2001")))[2].value == "2001 (precision: year only)"
    assert rows(metadata(language=mf("ru")))[4].value == "Russian"


def test_a_page_with_a_heading_nested_notes_and_a_list() -> None:
    text = "Head\nOne two three.\n- item"
    notes = [
        Annotation(
            id="n-b", kind="fact-check", quote=Quote("q"), body="see [[term:t]]",
            source_id="s", location=LOC, body_line=1, start=5, end=8, verdict="misleading",
            correction="[[zz]] x", date="2001-05-03", event="e", claim_id="c",
        ),
        Annotation(
            id="n-a", kind="context", quote=Quote("q"), body="b", source_id="s",
            location=LOC, body_line=1, start=5, end=13,
        ),
    ]  # fmt: skip
    source = Source("s", "p", "seed", text, metadata(language=mf("be")), LOC, annotations=notes)
    blocks = [Block("heading", 0, 4), Block("paragraph", 5, 19), Block("list-item", 20, 26)]
    ctx = PageRender(
        resolve=lambda _n, i: ("../t/#" + i, "T!") if i == "t" else None,
        markup=Markup(),
        env=environment(),
        event_link=lambda i: ("../tl/#" + i, "Ev"),
        claim_link=lambda a: ClaimLink(f"../c/#{a.claim_id}", "also in 1 other source", "cl"),
    )
    page = render_source(source, blocks, ctx)
    legend = page.html[
        page.html.index('<div class="ar-legend') : page.html.index('<div class="ar-controls">')
    ]
    assert legend == LEGEND
    controls = page.html[
        page.html.index('<div class="ar-controls">') : page.html.index('<p class="ar-howto">')
    ]
    assert re.findall(r'id="(ar-[a-z-]+)"', controls) == [
        "ar-mode-margin",
        "ar-mode-under",
        "ar-mode-hidden",
        "ar-show-context",
        "ar-only-context",
        "ar-show-fact-check",
        "ar-only-fact-check",
        "ar-only-all",
    ]
    assert "Context (1)" in controls and "Fact-check (1)" in controls
    body = page.html[page.html.index('<div class="ar-text"') :]
    assert body == "\n".join(BODY).replace("{MODE_SCRIPT}", MODE_SCRIPT)
    assert page.toc == (TocEntry(2, "sec-1", "Head"),)
    assert [v.ann.id for v in page.notes] == ["n-a", "n-b"]
    first, second = page.notes
    assert (first.number, first.date_human, first.claim, first.event) == (1, "", None, None)
    assert str(first.correction_html) == ""
    assert (second.number, second.date_human) == (2, "3 May 2001")
    assert second.claim == ClaimLink("../c/#c", "also in 1 other source", "cl")
    assert second.event == EventLink("../tl/#e", "Ev")
    assert second.verdict is not None and second.verdict.id == "misleading"
    assert str(second.correction_html) == '<span class="ar-broken-ref">zz</span> x'


LEGEND = '<div class="ar-legend ar-replaced">\n<span class="ar-legend-title">Notes on this page:</span>\n<span class="ar-kind ar-k-context">Context (1)</span>\n<span class="ar-kind ar-k-fact-check">Fact-check (1)</span>\n</div>\n'
BODY = [
    '<div class="ar-text" lang="be">',
    "{MODE_SCRIPT}",
    '<h2 id="sec-1" class="ar-heading">Head</h2>',
    '<p class="ar-p"><mark class="ar-hl ar-k-context" data-ar="n-a" id="n-a"><mark class="ar-hl ar-k-fact-check" data-ar="n-b" id="n-b">One</mark></mark><a class="ar-ref ar-k-fact-check" href="#note-n-b" id="ref-n-b" data-ar="n-b" aria-label="Note 2: Fact-check, Misleading">[2]</a><mark class="ar-hl ar-k-context" data-ar="n-a"> two </mark><a class="ar-ref ar-k-context" href="#note-n-a" id="ref-n-a" data-ar="n-a" aria-label="Note 1: Context">[1]</a>three.</p><div class="ar-notes"><ol class="ar-note-list" aria-label="Notes"><li class="ar-note ar-k-context" id="note-n-a" value="1" data-ar="n-a">',
    '<div class="ar-note-head"><span class="ar-kind ar-k-context">Context</span>',
    '<a class="ar-back" href="#n-a" aria-label="Back to the passage of note 1">↩</a></div>',
    '<div class="ar-body"><p>b</p>',
    "</div>",
    '</li><li class="ar-note ar-k-fact-check" id="note-n-b" value="2" data-ar="n-b">',
    '<div class="ar-note-head"><span class="ar-kind ar-k-fact-check">Fact-check</span>',
    '<span class="ar-verdict ar-v-misleading" title="Partly correct, but presented so that it leaves a false impression.">Verdict: Misleading</span>',
    '<a class="ar-back" href="#n-b" aria-label="Back to the passage of note 2">↩</a></div>',
    '<p class="ar-correction"><span class="ar-label">Should read:</span> <span class="ar-broken-ref">zz</span> x</p>',
    '<div class="ar-body"><p>see <a class="ar-xref ar-xref-term" href="../t/#t" data-ar-term="t">T!</a></p>',
    "</div>",
    '<p class="ar-event">Timeline: <a href="../tl/#e">Ev</a> — this source dates it <span class="ar-date" data-edtf="2001-05-03">3 May 2001</span></p>',
    '<p class="ar-claim">Claim: <a class="ar-claim-link" href="../c/#c" title="cl">also in 1 other source</a></p>',
    "</li></ol></div>",
    '<ul class="ar-list">',
    '<li class="ar-li"><p class="ar-li-text">- item</p></li>',
    "</ul>",
    '<nav class="ar-notemap" aria-label="Note map"><ol class="ar-nm-list"><li class="ar-nm-item" style="--ar-p:0.1923"><a class="ar-nm-mark ar-k-context" href="#n-a" data-note="n-a" data-kind="context" data-pos="0.1923" aria-label="Note 1: Context" title="Note 1: Context"></a></li><li class="ar-nm-item" style="--ar-p:0.1923"><a class="ar-nm-mark ar-k-fact-check ar-v-misleading" href="#n-b" data-note="n-b" data-kind="fact-check" data-pos="0.1923" aria-label="Note 2: Fact-check, Misleading" title="Note 2: Fact-check, Misleading"></a></li></ol></nav>',
    "</div>",
]


def test_the_legend_counts_each_kind_and_an_unknown_language_is_no_language() -> None:
    notes = [
        Annotation(
            id=f"n{i}", kind="context", quote=Quote("q"), body="b", source_id="s",
            location=LOC, body_line=1, start=i, end=i + 1,
        )
        for i in range(3)
    ]  # fmt: skip
    meta = metadata(language=mf(None, "unknown"))
    source = Source("s", "p", "seed", "abcdef", meta, LOC, annotations=notes)
    ctx = PageRender(
        resolve=lambda _n, _i: None,
        markup=Markup(),
        env=environment(),
        badge_html='<span class="b">&amp;</span>',
    )
    html = render_source(source, [Block("paragraph", 0, 6)], ctx).html
    assert '<span class="ar-kind ar-k-context">Context (3)</span>' in html
    # the legend's, the filter's and each note's
    assert html.count('class="ar-kind ar-k-') == 1 + 1 + 3
    assert '<div class="ar-text" lang="">' in html
    assert '<span class="b">&amp;</span>' in html
    quoted = metadata(language=mf('en" onclick="x'))
    source = Source("s", "p", "seed", "abcdef", quoted, LOC, annotations=notes)
    html = render_source(source, [Block("paragraph", 0, 6)], ctx).html
    assert '<div class="ar-text" lang="en&quot; onclick=&quot;x">' in html


def test_a_passage_ending_before_every_block_is_listed_after_the_last() -> None:
    blocks = [Block("paragraph", 2, 10), Block("paragraph", 11, 20), Block("list-item", 21, 30)]
    early = ann("v", 0, 2)
    assert last_blocks([early], blocks) == {"v": 2}
    shuffled = [blocks[1], blocks[0], blocks[2]]
    # Out of order: the last block in the list that starts before the passage's end.
    assert last_blocks([early, ann("u", 5, 21)], shuffled) == {"v": 2, "u": 1}
    assert last_blocks([ann("u", 5, 21)], [blocks[0], blocks[2], blocks[1]]) == {"u": 2}


def test_the_sweep_takes_items_in_any_order_and_refuses_blocks_out_of_order() -> None:
    blocks = [Block("paragraph", 0, 10), Block("paragraph", 11, 20)]
    items = [ann("b", 12, 14), ann("a", 0, 5), ann("c", 9, 12)]
    found = overlapping(blocks, items)
    assert found is not None
    assert [[a.id for a in block] for block in found] == [["a", "c"], ["b", "c"]]
    # Blocks that start or end together are in order; one starting earlier is not.
    assert overlapping([Block("p", 0, 0), Block("p", 0, 5), Block("p", 5, 5)], items) is not None
    assert overlapping([Block("p", 5, 10), Block("p", 0, 12)], items) is None


def test_links_in_later_pieces_of_a_block_are_kept() -> None:
    notes = [ann("n1", 4, 12)]
    links = [InlineLink(0, 1, "h0", "c0"), InlineLink(14, 18, "h1", "c1")]
    html = render_inline(TEXT, 0, len(TEXT), notes, numbering(notes), links, set(), {"n1": 12})
    assert html == (
        f'<a class="c0" href="h0">A</a> "b{MARK}" &amp; &lt;c&gt; </mark>{REF}'
        'te<a class="c1" href="h1">rm h</a>ere end'
    )


def test_a_correction_resolves_its_references() -> None:
    note = Annotation(
        id="n", kind="correction", quote=Quote("q"), body="b", source_id="s", location=LOC,
        body_line=1, correction="read [[term:t]]",
    )  # fmt: skip
    ctx = PageRender(
        resolve=lambda _n, i: ("../t/#" + i, "T") if i == "t" else None,
        markup=Markup(),
        env=environment(),
    )
    view = note_values(note, 3, ctx)
    assert str(view.correction_html) == (
        'read <a class="ar-xref ar-xref-term" href="../t/#t" data-ar-term="t">T</a>'
    )
    assert (view.number, view.verdict, view.date_human, view.claim) == (3, None, "", None)


def test_blocks_out_of_order_are_rendered_without_the_sweep() -> None:
    note = ann("n1", 0, 3)
    source = Source("s", "p", "seed", "abc def", metadata(), LOC, annotations=[note])
    link = InlineLink(4, 7, "h", "c")
    ctx = PageRender(resolve=lambda _n, _i: None, markup=Markup(), env=environment(), links=[link])
    html = render_source(source, [Block("paragraph", 4, 7), Block("paragraph", 0, 3)], ctx).html
    assert '<p class="ar-p"><a class="c" href="h">def</a></p>' in html
    assert (
        '<p class="ar-p"><mark class="ar-hl ar-k-context" data-ar="n1" id="n1">abc</mark>' in html
    )
