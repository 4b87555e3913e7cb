"""The key of the corpus-wide pages (``render.widekey``): it names every note's data but its
body and lines, every source's text and metadata, and each feature's own data; it fails
safe (no key, every page rendered) when a feature says nothing or something it cannot
write down; a source's digest is taken from an earlier build only for the same source."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Corpus, Feature, Options, Paths
from annotated_reader.core.problems import Location
from annotated_reader.core.urls import SiteUrls
from annotated_reader.render.generated import GeneratedSite
from annotated_reader.render.site import KeptCuts
from annotated_reader.render.widekey import wide_key
from helpers.project import ROOT

CONTEXT = "a" * 64  # the code's, the templates' and the options' key (``replay.site_key``)


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    """The real corpus, its source files read through a cache (each has a read key)."""
    loaded, _ = load_corpus(
        Paths(ROOT, "annotations", "seeds"), Options(cache_dir=tmp_path / "cache")
    )
    return loaded


def _edited(corpus: Corpus, **changes: object) -> str:
    """The key with the first note of the first source changed as ``changes`` say."""
    source = corpus.sources[0]
    first = source.annotations[0]
    source.annotations[0] = replace(first, **changes)  # type: ignore[arg-type]
    try:
        return wide_key(corpus, CONTEXT)[0]
    finally:
        source.annotations[0] = first


def test_the_context_is_in_the_key(corpus: Corpus) -> None:
    """Another version of the code, other templates or options: no page or file is taken."""
    assert wide_key(corpus, CONTEXT)[0] != wide_key(corpus, "b" * 64)[0]


def test_a_note_s_body_and_lines_are_not_in_the_key(corpus: Corpus) -> None:
    key = wide_key(corpus, CONTEXT)[0]
    first = corpus.sources[0].annotations[0]
    assert len(key) == 64
    assert _edited(corpus, body=first.body + " Edited.") == key
    moved = Location(first.location.path, first.location.line + 9, 1)
    assert _edited(corpus, location=moved, body_line=first.body_line + 9) == key


@pytest.mark.parametrize(
    "field, value",
    [
        ("verdict", "inaccurate"),
        ("kind", "context"),
        ("event", "some-event"),
        ("date", "1999-12-08"),
        ("claim_id", "another-claim"),
        ("start", 5),
    ],
)
def test_every_other_field_of_a_note_is_in_the_key(
    corpus: Corpus, field: str, value: object
) -> None:
    key = wide_key(corpus, CONTEXT)[0]
    assert getattr(corpus.sources[0].annotations[0], field) != value
    assert _edited(corpus, **{field: value}) != key


def test_a_source_s_text_and_title_and_a_feature_s_data_are_in_the_key(corpus: Corpus) -> None:
    key = wide_key(corpus, CONTEXT)[0]
    source = corpus.sources[0]
    text, source.text = source.text, source.text + " "
    assert wide_key(corpus, CONTEXT)[0] != key
    source.text = text
    glossary = corpus.feature("glossary")
    # Its file's read was kept: the terms are keyed by the key of that read
    assert glossary._read_key  # type: ignore[attr-defined]
    glossary._read_key = "another read"  # type: ignore[attr-defined]
    assert wide_key(corpus, CONTEXT)[0] != key
    glossary._read_key = ""  # type: ignore[attr-defined]  # not kept: the terms themselves
    unkept = wide_key(corpus, CONTEXT)[0]
    term = glossary.terms[0]  # type: ignore[attr-defined]
    glossary.terms[0] = replace(term, definition=term.definition + " Edited.")  # type: ignore[attr-defined]
    assert wide_key(corpus, CONTEXT)[0] not in (key, unkept)


class _Silent(Feature):
    name = "silent"


class _Opaque(Feature):
    name = "opaque"

    def made_of(self) -> object:
        return [object()]  # nothing this could write down


@pytest.mark.parametrize("feature", [_Silent(), _Opaque()])
def test_a_feature_that_does_not_say_what_it_is_made_of_gives_no_key(
    corpus: Corpus, feature: Feature
) -> None:
    corpus.features.append(feature)
    assert wide_key(corpus, CONTEXT) == ("", {})


def test_a_source_s_digest_is_taken_from_an_earlier_build_only_for_the_same_source(
    corpus: Corpus,
) -> None:
    key, digests = wide_key(corpus, CONTEXT)
    assert set(digests) == {s.id for s in corpus.sources}
    first = corpus.sources[0].id
    made, _digest = digests[first]
    assert wide_key(corpus, CONTEXT, {first: [made, "0" * 64]})[0] != key  # taken: its source's key
    assert wide_key(corpus, CONTEXT, {first: ["another file", "0" * 64]})[0] == key  # not taken
    assert wide_key(corpus, CONTEXT, {first: ["damaged"]})[0] == key


def _site(tmp_path: Path, kept: KeptCuts | None = None) -> GeneratedSite:
    """The real corpus's site with its glossary, timeline and ratings cut in parts."""
    options = Options(cache_dir=tmp_path / "cache", page_budget=8000)
    corpus, _ = load_corpus(Paths(ROOT, "annotations", "seeds"), options)
    return GeneratedSite(corpus, SiteUrls(True), context=CONTEXT, kept=kept)


def test_a_build_made_of_the_same_takes_the_cuts_kept_not_measuring_again(
    tmp_path: Path,
) -> None:
    """Shown by a kept cut no measurement would make: every term on one part."""
    measured = _site(tmp_path)
    cuts = measured.cuts()
    assert cuts is not None and cuts[1]["glossary"] is not None
    assert "glossary/b.md" in measured.titles()
    terms = [t.id for t in measured.corpus.feature("glossary").terms]  # type: ignore[attr-defined]
    one_part = [["all", "All", list(range(len(terms))), terms]]
    kept = (cuts[0], {**cuts[1], "glossary": one_part}, cuts[2])
    taken = _site(tmp_path, kept).titles()
    assert "glossary/all.md" in taken and "glossary/b.md" not in taken
    assert "timeline/1999.md" in taken  # the other features' cuts, as kept
    for other in ("0" * 64, ""):  # another corpus's, or none
        again = _site(tmp_path, (other, kept[1], kept[2])).titles()
        assert "glossary/all.md" not in again and "glossary/b.md" in again
