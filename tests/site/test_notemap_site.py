"""The note map on every source page under both engines: Zensical is handed the library's
HTML of a source page, so its map is the same, mark for mark, as the MkDocs build's."""

from __future__ import annotations

import re
from pathlib import Path

from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from helpers.project import ROOT

MARK = re.compile(r'<a class="ar-nm-mark[^"]*" href="#([^"]+)" data-note="([^"]+)"')


def _map(site: Path, source_id: str) -> str:
    html = (site / "sources" / source_id / "index.html").read_text(encoding="utf-8")
    for asset in ("notemap.css", "notemap.js"):  # what draws it and makes it act
        assert re.search(rf'"[^"]*assets/annotated-reader/{asset}"', html), (source_id, asset)
    found = re.findall(r'<nav class="ar-notemap".*?</nav>', html, re.S)
    assert len(found) == 1, f"{source_id}: {len(found)} note maps"
    return found[0]


def test_every_note_has_one_mark_under_either_engine(real_site_built: Path) -> None:
    corpus, _ = load_corpus(Paths(ROOT))
    for source in corpus.sources:
        marks = MARK.findall(_map(real_site_built, source.id))
        assert all(href == note for href, note in marks), source.id
        assert sorted(note for _, note in marks) == sorted(a.id for a in source.annotations)


def test_the_map_is_the_same_in_both_builds(real_site: Path, real_site_zensical: Path) -> None:
    corpus, _ = load_corpus(Paths(ROOT))
    for source in corpus.sources:
        assert _map(real_site_zensical, source.id) == _map(real_site, source.id), source.id
