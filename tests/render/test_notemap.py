"""The note map (render/notemap.py) as built: one mark per note on its source's page, at its
passage's share of the text, in the notes' order, each a link to its passage."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from pathlib import Path

import pytest
from annotated_reader.assembly import default_features, load_corpus
from annotated_reader.core.corpus import Corpus, Paths
from annotated_reader.core.urls import SiteUrls
from annotated_reader.core.vocabulary.kinds import KINDS
from annotated_reader.core.vocabulary.verdicts import VERDICTS
from annotated_reader.render.glyphs import rules
from annotated_reader.render.notemap import note_map
from annotated_reader.render.site import SiteBuilder
from annotated_reader.render.source_page import numbering
from helpers.htmlcheck import wellformed
from helpers.project import ROOT

MAP = re.compile(
    r'<nav class="ar-notemap" aria-label="Note map"><ol class="ar-nm-list">(.*?)</ol></nav>'
)
MARK = re.compile(
    r'<li class="ar-nm-item" style="--ar-p:(?P<p>[0-9.]+)">'
    r'<a class="ar-nm-mark ar-k-(?P<kind>[a-z-]+)(?: ar-v-(?P<verdict>[a-z-]+))?" '
    r'href="#(?P<href>[^"]+)" data-note="(?P<note>[^"]+)" data-kind="(?P<dkind>[^"]+)" '
    r'data-pos="(?P<pos>[0-9.]+)" aria-label="(?P<label>[^"]+)" title="(?P<title>[^"]+)"></a></li>'
)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    corpus, _ = load_corpus(Paths(ROOT))
    assert len(corpus.sources) >= 5
    return corpus


def marks_of(html: str) -> list[dict[str, str]]:
    """The marks of the page's one note map, in document order."""
    maps = MAP.findall(html)
    assert len(maps) == 1, f"{len(maps)} note maps on the page"
    found = [m.groupdict() for m in MARK.finditer(maps[0])]
    assert len(found) == maps[0].count("<li "), "a mark not in the expected form"
    return found


def test_every_note_has_one_mark_at_its_share_of_the_text(corpus: Corpus) -> None:
    builder = SiteBuilder(corpus, SiteUrls())
    for source in corpus.sources:
        html = builder.render_page(f"sources/{source.id}.md", f"sources/{source.id}/")
        assert html is not None
        marks = marks_of(html)
        notes = {a.id: a for a in source.annotations}
        assert notes, source.id
        assert [m["note"] for m in marks] == sorted(notes, key=numbering(source.annotations).get)
        for m in marks:
            ann = notes[m["note"]]
            assert m["href"] == ann.id and html.count(f'id="{ann.id}"') == 1  # its passage
            assert m["kind"] == m["dkind"] == ann.kind
            assert m["verdict"] == ann.verdict
            share = ann.start / len(source.text)
            assert float(m["pos"]) == float(m["p"]) == pytest.approx(share, abs=5e-5)
            number = numbering(source.annotations)[ann.id]
            said = f"Note {number}: {KINDS[ann.kind].label}"
            if ann.verdict:
                said += f", {VERDICTS[ann.verdict].label}"
            assert unescape(m["label"]) == unescape(m["title"]) == said
        positions = [float(m["pos"]) for m in marks]
        assert positions == sorted(positions), f"{source.id}: marks out of the text's order"
        assert 0 <= positions[0] and positions[-1] < 1


def test_the_map_is_part_of_the_text_and_holds_no_words(corpus: Corpus) -> None:
    """Inside the text (which it is laid beside), well-formed, and wordless: a mark's glyph is
    drawn by the style sheet, so the text of the page is still the seed's, word for word."""
    source = corpus.sources[0]
    html = SiteBuilder(corpus, SiteUrls()).render_page(
        f"sources/{source.id}.md", f"sources/{source.id}/"
    )
    assert html is not None
    strip = MAP.search(html)
    assert strip is not None
    assert html.index('<div class="ar-text"') < strip.start()
    assert html[strip.end() :].startswith("\n</div>")  # the text's last child
    assert wellformed(strip.group(0)) == []
    assert re.sub(r"<[^>]+>", "", strip.group(0)) == ""


def test_a_text_without_notes_has_no_map(corpus: Corpus) -> None:
    source = corpus.sources[0]
    assert note_map([], {}, len(source.text)) == ""
    unanchored = [a for a in source.annotations[:1]]
    unanchored[0] = replace(unanchored[0], start=-1, end=-1)
    assert note_map(unanchored, {unanchored[0].id: 1}, len(source.text)) == ""


def test_each_mark_draws_its_kinds_glyph_and_a_fact_checks_its_verdicts() -> None:
    drawn = dict(rules(default_features()))
    for kind in KINDS.values():
        assert drawn[f"a.ar-nm-mark.ar-k-{kind.id}::before"] == kind.glyph
    for verdict in VERDICTS.values():
        assert drawn[f"a.ar-nm-mark.ar-v-{verdict.id}::before"] == verdict.glyph
    order = list(drawn)
    # The verdict's rule comes later than the kind's, so a fact-check shows its verdict.
    assert order.index("a.ar-nm-mark.ar-v-accurate::before") > order.index(
        "a.ar-nm-mark.ar-k-fact-check::before"
    )


def test_built_pages_carry_the_map_and_only_source_pages(real_site: Path, corpus: Corpus) -> None:
    for page in sorted(real_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(real_site).as_posix()
        source = next((s for s in corpus.sources if rel == f"sources/{s.id}/index.html"), None)
        if source is None:
            assert "ar-notemap" not in html, rel
            continue
        assert {m["note"] for m in marks_of(html)} == {a.id for a in source.annotations}
