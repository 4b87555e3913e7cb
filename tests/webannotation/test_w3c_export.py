"""Every source's notes as W3C Web Annotations, read back as linked data.

The built site's ``sources/<id>/annotations.jsonld`` is expanded by pyld against
``tests/fixtures/jsonld/anno.jsonld`` — the W3C's published context
(http://www.w3.org/ns/anno.jsonld), shipped with the tests; any other address the processor
asks for fails the test, so nothing is fetched. Every term the model requires is checked in
its expanded form, each selector's offsets slice the seed to its ``exact``, and everything
is compared with the editorial data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Corpus, Paths
from annotated_reader.core.model import Quote
from annotated_reader.core.text.anchor import Outcome, match_quote
from annotated_reader.core.urls import SiteUrls
from annotated_reader.webannotation.export import site_files
from helpers.project import BIN, FIXTURES, ROOT, build, run
from pyld import jsonld  # type: ignore[import-untyped]

OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"
DCTERMS = "http://purl.org/dc/terms/"
DC = "http://purl.org/dc/elements/1.1/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
CONTEXT = json.loads((FIXTURES / "jsonld" / "anno.jsonld").read_text(encoding="utf-8"))
SITE = "https://union-state-reader.example.org/"  # mkdocs.yml's address when SITE_URL is unset


def _loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url == "http://www.w3.org/ns/anno.jsonld":
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise AssertionError(f"the JSON-LD processor asked for {url}: nothing may be fetched")


def expand(data: Any, base: str) -> dict[str, Any]:
    [node] = jsonld.expand(data, {"documentLoader": _loader, "base": base})
    return node  # type: ignore[no-any-return]


def one(node: dict[str, Any], prop: str) -> Any:
    found = node.get(prop, [])
    assert len(found) == 1, f"{prop}: {found}"
    return found[0]


def value(node: dict[str, Any], prop: str) -> Any:
    return one(node, prop)["@value"]


def iri(node: dict[str, Any], prop: str) -> str:
    return one(node, prop)["@id"]  # type: ignore[no-any-return]


def items(node: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    return one(node, prop)["@list"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    corpus, problems = load_corpus(Paths(ROOT))
    assert not problems.errors
    return corpus


def test_every_note_is_a_web_annotation_with_its_passage(real_site: Path, corpus: Corpus) -> None:
    seen = 0
    for source in corpus.sources:
        file = real_site / "sources" / source.id / "annotations.jsonld"
        address = f"{SITE}sources/{source.id}/annotations.jsonld"
        data = json.loads(file.read_text(encoding="utf-8"))
        assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
        node = expand(data, address)
        assert node["@id"] == address
        assert node["@type"] == [AS + "OrderedCollection"]
        assert value(node, AS + "totalItems") == len(source.annotations)
        page = one(node, AS + "first")
        assert page["@type"] == [AS + "OrderedCollectionPage"]
        assert value(page, AS + "startIndex") == 0
        notes = {a.id: a for a in source.annotations}
        listed = items(page, AS + "items")
        assert len(listed) == len(notes)
        for item in listed:
            note_id = item["@id"].removeprefix(f"{SITE}sources/{source.id}/#")
            ann = notes.pop(note_id)
            assert item["@type"] == [OA + "Annotation"]
            motivation = iri(item, OA + "motivatedBy")
            assert motivation.startswith(OA) and motivation.removeprefix(OA) in {
                "commenting",
                "assessing",
                "editing",
                "classifying",
                "describing",
            }, motivation
            if ann.kind == "fact-check":
                assert motivation == OA + "assessing"
            creator = one(item, DCTERMS + "creator")
            assert value(creator, "http://xmlns.com/foaf/0.1/name") == "Union State Reader"
            if ann.reviewed:
                modified = one(item, DCTERMS + "modified")
                assert modified == {
                    "@type": XSD + "dateTime",
                    "@value": f"{ann.reviewed}T00:00:00Z",
                }
            else:
                assert DCTERMS + "modified" not in item
            # Bodies: the note as Markdown and HTML (a choice), its kind as a tag.
            bodies = item[OA + "hasBody"]
            [choice] = [b for b in bodies if b.get("@type") == [OA + "Choice"]]
            md, html = items(choice, AS + "items")
            for body, fmt in ((md, "text/markdown"), (html, "text/html")):
                assert body["@type"] == [OA + "TextualBody"]
                assert value(body, DC + "format") == fmt
            assert value(md, RDF + "value") == ann.body
            assert "<script" not in value(html, RDF + "value")
            tags = [
                value(b, RDF + "value")
                for b in bodies
                if b.get(OA + "hasPurpose") == [{"@id": OA + "tagging"}]
            ]
            assert tags[0] == ann.kind
            assert tags[1:] == ([f"verdict:{ann.verdict}"] if ann.verdict else [])
            links = [b for b in bodies if b.get(OA + "hasPurpose") == [{"@id": OA + "linking"}]]
            assert [iri(b, OA + "hasSource") for b in links] == [r.url for r in ann.references]
            # Targets: the original address (when known) and the page, with selectors.
            targets = item[OA + "hasTarget"]
            sources = [iri(t, OA + "hasSource") for t in targets]
            page_url = f"{SITE}sources/{source.id}/"
            original = source.metadata.url.value
            assert sources == ([original, page_url] if original else [page_url])
            for n, target in enumerate(targets):
                assert target["@type"] == [OA + "SpecificResource"]
                selectors = {s["@type"][0]: s for s in target[OA + "hasSelector"]}
                quote = selectors[OA + "TextQuoteSelector"]
                exact = value(quote, OA + "exact")
                assert exact == source.text[ann.start : ann.end]
                prefix = value(quote, OA + "prefix") if OA + "prefix" in quote else ""
                suffix = value(quote, OA + "suffix") if OA + "suffix" in quote else ""
                assert (prefix, suffix) == (ann.quote.prefix, ann.quote.suffix)
                found = match_quote(source.text, Quote(exact, prefix, suffix))
                assert found.outcome is Outcome.FOUND and found.match
                assert (found.match.start, found.match.end) == (ann.start, ann.end)
                if n == 0:  # offsets: code points of the seed
                    position = selectors[OA + "TextPositionSelector"]
                    start, end = (one(position, OA + p) for p in ("start", "end"))
                    assert start["@type"] == end["@type"] == XSD + "nonNegativeInteger"
                    assert source.text[int(start["@value"]) : int(end["@value"])] == exact
                else:
                    assert OA + "TextPositionSelector" not in selectors
            seen += 1
        assert not notes
    assert seen == len(corpus.annotations()) > 100


def test_each_source_page_links_its_annotations(real_site: Path, corpus: Corpus) -> None:
    for source in corpus.sources:
        html = (real_site / "sources" / source.id / "index.html").read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        link = '<link rel="alternate describedby" type="application/ld+json" href="annotations.jsonld">'
        assert link in head
    index = (real_site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "application/ld+json" not in index.split("</head>", 1)[0]


def test_without_a_site_address_ids_resolve_against_the_file(mini: Path) -> None:
    corpus, _ = load_corpus(Paths(mini))
    files = site_files(corpus, SiteUrls(directory_urls=False), "", "Mini")
    data = json.loads(files["sources/sample/annotations.jsonld"])
    base = "file:///disk/site/sources/sample/annotations.jsonld"
    node = expand(data, base)
    assert node["@id"] == base
    first = items(one(node, AS + "first"), AS + "items")[0]
    assert first["@id"] == "file:///disk/site/sources/sample.html#s-outer"
    targets = [iri(t, OA + "hasSource") for t in first[OA + "hasTarget"]]
    assert targets == ["https://example.org/sample", "file:///disk/site/sources/sample.html"]


def test_offsets_are_code_points(mini: Path) -> None:
    seed = mini / "seeds" / "sample.txt"
    seed.write_text("🙂 " + seed.read_text(encoding="utf-8"), encoding="utf-8")
    corpus, problems = load_corpus(Paths(mini))
    assert not problems.errors
    data = json.loads(
        site_files(corpus, SiteUrls(), "", "Mini")["sources/sample/annotations.jsonld"]
    )
    outer = data["first"]["items"][0]
    [tqs, tps] = outer["target"][0]["selector"]
    text = corpus.sources[0].text
    assert tps == {"type": "TextPositionSelector", "start": 18, "end": 78}
    assert text[18:78] == tqs["exact"]


def test_the_command_writes_what_the_site_publishes(mini: Path) -> None:
    result = build(mini)
    assert result.returncode == 0, result.stderr
    published = (mini / "site" / "sources" / "sample" / "annotations.jsonld").read_text("utf-8")
    out = run(
        [
            str(BIN / "annotated-reader"),
            "export",
            "--format",
            "w3c",
            "--source",
            "sample",
            "--site-url",
            "https://example.org/mini/",
            "--site-name",
            "Mini reader",
        ],
        mini,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout == published
    every = run([str(BIN / "annotated-reader"), "export", "--format", "w3c"], mini)
    [collection] = json.loads(every.stdout)
    assert collection["id"] == "sources/sample/annotations.jsonld"
    assert collection["first"]["items"][0]["id"] == "sources/sample/#s-outer"
    wrong = run([str(BIN / "annotated-reader"), "export", "--format", "w3c", "--source", "x"], mini)
    assert wrong.returncode == 1 and "no source 'x'" in wrong.stderr
