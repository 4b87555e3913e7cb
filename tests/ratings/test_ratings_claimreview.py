"""Fact-checks as schema.org ClaimReview JSON-LD, read back from the page field by field.

The script element is found the way an HTML parser (and so a structured-data extractor)
finds it, and its text is parsed with ``json``; hostile quotes must neither close the
script nor change what is read back.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Options, Paths
from annotated_reader.core.urls import SiteUrls
from annotated_reader.core.verdicts import BEST_RATING, VERDICTS, WORST_RATING
from annotated_reader.render.site import SiteBuilder
from helpers.hostile import HOSTILE, add_hostile_fact_check, edit
from helpers.project import ROOT


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.inside = False
        self.blocks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.inside = dict(attrs).get("type") == "application/ld+json"
            if self.inside:
                self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.blocks[-1] += data


def json_ld(html: str) -> list[dict[str, Any]]:
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    out: list[dict[str, Any]] = []
    for block in parser.blocks:
        data = json.loads(block)
        out.extend(data if isinstance(data, list) else [data])
    return out


def render(
    project: Path, site_url: str = "https://example.org/mini/", urls: SiteUrls | None = None
) -> str:
    corpus, problems = load_corpus(
        Paths(project), Options(site_url=site_url, site_name="Mini reader")
    )
    assert not problems.errors, [str(p) for p in problems.items]
    urls = urls or SiteUrls()
    page = urls.source("sample")
    html = SiteBuilder(corpus, urls).render_page("sources/sample.md", page)
    assert html is not None
    return html


def test_built_page_publishes_each_fact_check_field_by_field(mini_site: Path) -> None:
    html = (mini_site / "sources" / "sample" / "index.html").read_text(encoding="utf-8")
    reviews = json_ld(html)
    assert len(reviews) == 1
    review = reviews[0]
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["url"] == "https://example.org/mini/sources/sample/#s-inner"
    assert review["claimReviewed"] == "founded in 1996"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Accurate",
        "ratingValue": 4,
        "bestRating": 4,
        "worstRating": 1,
    }
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Organization", "name": "Fixture Weekly"}
    assert claim["datePublished"] == "2022-10"
    assert claim["appearance"] == {
        "@type": "CreativeWork",
        "name": "A sample source",
        "url": "https://example.org/sample",
    }
    assert review["author"] == {
        "@type": "Organization",
        "name": "Mini reader",
        "url": "https://example.org/mini/",
    }
    assert review["datePublished"] == "2026-11-22"
    assert set(review) == {
        "@context",
        "@type",
        "url",
        "claimReviewed",
        "reviewRating",
        "itemReviewed",
        "author",
        "datePublished",
    }


@pytest.mark.parametrize("verdict", sorted(VERDICTS))
def test_every_verdict_maps_onto_the_published_rating_scale(verdict: str, mini: Path) -> None:
    edit(mini, "    verdict: accurate\n", f"    verdict: {verdict}\n")
    rating = json_ld(render(mini))[0]["reviewRating"]
    scale = VERDICTS[verdict]
    assert rating["alternateName"] == scale.label
    if scale.score is None:
        assert set(rating) == {"@type", "alternateName"}
    else:
        assert rating["ratingValue"] == scale.rating
        assert (rating["worstRating"], rating["bestRating"]) == (WORST_RATING, BEST_RATING)


def test_rating_values_follow_the_scores() -> None:
    scored = sorted(
        (v for v in VERDICTS.values() if v.score is not None), key=lambda v: v.score or 0
    )
    assert [v.rating for v in scored] == list(range(WORST_RATING, BEST_RATING + 1))
    assert all(v.rating is None for v in VERDICTS.values() if v.score is None)


def test_claim_author_is_the_person_else_the_outlet_else_left_out(mini: Path) -> None:
    edit(
        mini,
        'author: {value: null, basis: "No byline."}',
        'author: {value: "Jane Doe", basis: "Byline."}',
    )
    assert json_ld(render(mini))[0]["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Jane Doe",
    }
    edit(mini, '{value: "Jane Doe", basis: "Byline."}', '{value: null, basis: "No byline."}')
    edit(mini, '{value: "Fixture Weekly", basis: "Fixture."}', '{value: null, basis: "Unknown."}')
    assert "author" not in json_ld(render(mini))[0]["itemReviewed"]


def test_unknown_address_and_approximate_date(mini: Path) -> None:
    edit(
        mini,
        '{value: "https://example.org/sample", basis: "Fixture."}',
        '{value: null, basis: "Unknown."}',
    )
    edit(mini, '{value: "2022-10", basis', '{value: "2022-10~", basis')
    claim = json_ld(render(mini, urls=SiteUrls(directory_urls=False)))[0]["itemReviewed"]
    assert claim["appearance"]["url"] == "https://example.org/mini/sources/sample.html"
    assert claim["appearance"]["name"] == "A sample source"
    edit(mini, '{value: "A sample source", basis', "{value: null, basis")
    claim = json_ld(render(mini))[0]["itemReviewed"]
    assert claim["appearance"] == {
        "@type": "CreativeWork",
        "url": "https://example.org/mini/sources/sample/",
    }
    assert "datePublished" not in claim


def test_without_site_url_addresses_stay_resolvable_against_the_page(mini: Path) -> None:
    review = json_ld(render(mini, site_url=""))[0]
    assert review["url"] == "sources/sample/#s-inner"
    assert "url" not in review["author"]


def test_hostile_quote_cannot_close_the_script(mini: Path) -> None:
    add_hostile_fact_check(mini, "inaccurate")
    html = render(mini)
    script = html[html.index('<script type="application/ld+json"') :]
    script = script[: script.index("</script>") + len("</script>")]
    for raw in ("<!--", "</script><script>", "&"):
        assert (
            raw
            not in script[len('<script type="application/ld+json" class="ar-claimreview">') : -9]
        )
    reviews = json_ld(html)
    assert [r["claimReviewed"] for r in reviews] == ["founded in 1996", HOSTILE]
    assert "<script>window.pwned" not in html


def test_real_corpus_publishes_every_fact_check() -> None:
    corpus, _ = load_corpus(
        Paths(ROOT), Options(site_url="https://union-state-reader.example.org/")
    )
    builder = SiteBuilder(corpus, SiteUrls())
    for source in corpus.sources:
        html = builder.render_page(f"sources/{source.id}.md", f"sources/{source.id}/")
        assert html is not None
        checks = {a.id: a for a in source.annotations if a.kind == "fact-check"}
        reviews = json_ld(html)
        assert len(reviews) == len(checks), source.id
        for review in reviews:
            ann = checks[review["url"].rsplit("#", 1)[1]]
            assert (
                review["url"]
                == f"https://union-state-reader.example.org/sources/{source.id}/#{ann.id}"
            )
            assert review["claimReviewed"] == " ".join(ann.quote.exact.split())
            assert review["reviewRating"]["alternateName"] == VERDICTS[ann.verdict or ""].label
            assert review["datePublished"] == ann.reviewed
            assert review["author"]["name"] == "Union State Reader"
