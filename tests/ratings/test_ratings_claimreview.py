"""Fact-checks as schema.org ClaimReview JSON-LD, read back from the page field by field.

The script element is found the way an HTML parser (and so a structured-data extractor)
finds it, and its text is parsed with ``json``; hostile quotes must neither close the
script nor change what is read back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Options, Paths
from annotated_reader.core.urls import SiteUrls
from annotated_reader.core.vocabulary.verdicts import BEST_RATING, VERDICTS, WORST_RATING
from annotated_reader.ratings.claimreview import summary
from annotated_reader.render.site import SiteBuilder
from helpers.hostile import HOSTILE, add_hostile_fact_check, edit
from helpers.project import ROOT, check
from helpers.ratings import json_ld


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
        "name": "Accurate",
        "alternateName": "Accurate",
        "ratingValue": 4,
        "bestRating": 4,
        "worstRating": 1,
    }
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Organization", "name": "Fixture Weekly"}
    assert claim["datePublished"] == "2022-10"
    assert claim["firstAppearance"] == {
        "@type": "CreativeWork",
        "name": "A sample source",
        "url": "https://example.org/sample",
    }
    assert claim["appearance"] == {
        "@type": "CreativeWork",
        "name": "A sample source",
        "url": "https://example.org/mini/sources/sample/",
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
    assert rating["alternateName"] == rating["name"] == scale.label
    if scale.score is None:
        assert set(rating) == {"@type", "name", "alternateName"}
    else:
        assert rating["ratingValue"] == scale.rating
        assert (rating["worstRating"], rating["bestRating"]) == (WORST_RATING, BEST_RATING)


def test_rating_values_follow_the_scores() -> None:
    scored = sorted(
        (v for v in VERDICTS.values() if v.score is not None), key=lambda v: v.score or 0
    )
    assert [v.rating for v in scored] == list(range(WORST_RATING, BEST_RATING + 1))
    assert all(v.rating is None for v in VERDICTS.values() if v.score is None)


def test_unknown_address_and_approximate_date(mini: Path) -> None:
    edit(
        mini,
        '{value: "https://example.org/sample", basis: "Fixture."}',
        '{value: null, basis: "Unknown."}',
    )
    edit(mini, '{value: "2022-10", basis', '{value: "2022-10~", basis')
    claim = json_ld(render(mini, urls=SiteUrls(directory_urls=False)))[0]["itemReviewed"]
    # Where it first appeared is known by name only; where it appears here, by address.
    assert claim["firstAppearance"] == {"@type": "CreativeWork", "name": "A sample source"}
    assert claim["appearance"]["url"] == "https://example.org/mini/sources/sample.html"
    assert claim["appearance"]["name"] == "A sample source"
    edit(mini, '{value: "A sample source", basis', "{value: null, basis")
    claim = json_ld(render(mini))[0]["itemReviewed"]
    assert "firstAppearance" not in claim  # nothing known of it: not made up
    assert claim["appearance"] == {
        "@type": "CreativeWork",
        "url": "https://example.org/mini/sources/sample/",
    }
    assert "datePublished" not in claim


def _claim_author(mini: Path) -> Any:
    return json_ld(render(mini))[0]["itemReviewed"].get("author")


def test_claim_author_is_the_person_else_the_outlet_else_left_out(mini: Path) -> None:
    """Each identified by the address the editor gives for it (``sameAs``), if any."""
    edit(
        mini,
        '  url: {value: "https://example.org/sample", basis: "Fixture."}\n',
        '  url: {value: "https://example.org/sample", basis: "Fixture."}\n'
        '  outlet_url: {value: "https://weekly.example.org/", basis: "Its masthead."}\n',
    )
    assert _claim_author(mini) == {
        "@type": "Organization",
        "name": "Fixture Weekly",
        "sameAs": "https://weekly.example.org/",
    }
    # A person is identified by their own address, never by their outlet's.
    edit(mini, '{value: null, basis: "No byline."}', '{value: "Jane Doe", basis: "Byline."}')
    assert _claim_author(mini) == {"@type": "Person", "name": "Jane Doe"}
    edit(
        mini,
        "  outlet_url:",
        '  author_url: {value: "https://jane.example.org/", basis: "Her site."}\n  outlet_url:',
    )
    assert _claim_author(mini)["sameAs"] == "https://jane.example.org/"
    # Both are shown in the page's header, linked, with how they were established.
    html = render(mini)
    assert (
        '<dt>Author&#39;s page</dt><dd><a class="ar-external" href="https://jane.example.org/"'
        in html
    )
    assert "<td>Her site.</td>" in html
    # Neither a person nor an outlet: no author at all, rather than a made-up one.
    edit(mini, '{value: "Jane Doe", basis: "Byline."}', '{value: null, basis: "No byline."}')
    edit(mini, '{value: "Fixture Weekly", basis: "Fixture."}', '{value: null, basis: "Unknown."}')
    assert _claim_author(mini) is None


LONG = (
    "The Union State was founded in 1996 by Belarus and Russia, and its budget grew every "
    "year after that."
)


@pytest.mark.parametrize(
    ("quote", "claim", "shown"),
    [
        # A quote that fits is the claim as it stands.
        ("founded in 1996", None, "founded in 1996"),
        # A longer one is cut after the last whole word that fits, and says so.
        (LONG, None, "The Union State was founded in 1996 by Belarus and Russia, and its budget…"),
        # Punctuation left at the cut goes before the ellipsis.
        (
            LONG.replace("and its", "its"),
            None,
            "The Union State was founded in 1996 by Belarus and Russia, its budget grew…",
        ),
        # One word longer than the limit is cut where the limit falls.
        ("x" * 90, None, "x" * 74 + "…"),
        # The editor's own summary wins.
        (
            LONG,
            "The Union State's budget grew every year",
            "The Union State's budget grew every year",
        ),
    ],
)
def test_claim_reviewed_is_short(quote: str, claim: str | None, shown: str) -> None:
    from annotated_reader.core.model import Annotation, Quote
    from annotated_reader.core.problems import Location
    from annotated_reader.ratings.claimreview import summary

    ann = Annotation("a", "fact-check", Quote(quote), "", "s", Location("x", 1, 1), 1, claim=claim)
    assert summary(ann) == shown
    assert len(summary(ann)) <= 75


def test_editors_claim_is_published_and_checked(mini: Path) -> None:
    edit(mini, "    verdict: accurate\n", '    verdict: accurate\n    claim: "Founded in 1996"\n')
    assert json_ld(render(mini))[0]["claimReviewed"] == "Founded in 1996"
    edit(mini, '"Founded in 1996"', '"' + "a claim far too long " * 4 + '"')
    result = check(mini)
    assert result.returncode == 1
    line = next(ln for ln in result.stdout.splitlines() if "[annotation.long-claim]" in ln)
    assert line.startswith("annotations/sources/sample.yml:30:12: error: [annotation.long-claim]")
    assert "has 83 characters; shorten it to 75 or fewer" in line
    # Only a fact-check reviews a claim.
    edit(mini, "    claim: ", "    correction: x\n    claim: ")
    edit(mini, "    kind: fact-check\n", "    kind: correction\n")
    edit(mini, "    verdict: accurate\n", "")
    result = check(mini)
    assert "[annotation.claim-on-other-kind]" in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_page_address_that_is_not_http_is_refused(mini: Path) -> None:
    edit(
        mini,
        '  url: {value: "https://example.org/sample", basis: "Fixture."}\n',
        '  url: {value: "https://example.org/sample", basis: "Fixture."}\n'
        '  author_url: {value: "javascript:alert(1)", basis: "Hostile."}\n',
    )
    result = check(mini)
    assert result.returncode == 1
    assert (
        "annotations/sources/sample.yml:10:15: error: [metadata.bad-url] author_url must start "
        "with https:// or http://"
    ) in result.stdout, result.stdout


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
        Paths(ROOT),
        Options(site_url="https://union-state-reader.example.org/", site_name="Union State Reader"),
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
            assert review["claimReviewed"] == summary(ann)
            assert review["reviewRating"]["alternateName"] == VERDICTS[ann.verdict or ""].label
            assert review["datePublished"] == ann.reviewed
            assert review["author"]["name"] == "Union State Reader"
