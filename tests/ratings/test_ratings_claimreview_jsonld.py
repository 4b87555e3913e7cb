"""Every ClaimReview of the built site, read back as linked data by a JSON-LD processor.

pyld expands each object against schema.org's vocabulary as a consumer of structured data
would. The context comes from ``tests/fixtures/jsonld/schema.org.jsonld`` — the terms of
schema.org's published context that the reviews use, shipped with the tests — and any other
address the processor asks for fails the test: nothing is fetched from the network.
Each field Google recommends for a fact-check is checked against the editorial data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Options, Paths
from annotated_reader.core.model import Annotation, Source
from annotated_reader.core.sourcefile import CLAIM_MAX
from annotated_reader.core.vocabulary.verdicts import BEST_RATING, VERDICTS, WORST_RATING
from helpers.jsonld import expand, one, typed, values
from helpers.project import ROOT
from helpers.ratings import json_ld


@pytest.fixture(scope="module")
def reviews(real_site: Path) -> list[dict[str, Any]]:
    """Every ClaimReview of every page of the built site, expanded."""
    found = []
    for page in sorted(real_site.rglob("*.html")):
        for data in json_ld(page.read_text(encoding="utf-8")):
            # the claims page's reviews, one per claim, are tests/claims' to check
            if data.get("@type") == "ClaimReview" and "claims/#" not in data["url"]:
                found.append(expand(data))
    return found


@pytest.fixture(scope="module")
def checks() -> dict[str, tuple[Source, Annotation]]:
    corpus, problems = load_corpus(Paths(ROOT), Options())
    assert not problems.errors
    return {
        a.id: (s, a)
        for s in corpus.sources
        for a in s.annotations
        if a.kind == "fact-check" and a.verdict in VERDICTS
    }


def _check(node: dict[str, Any], source: Source, ann: Annotation) -> None:
    meta = source.metadata
    # The review: where it is, what it reviews, who reviewed it and when.
    assert typed(node) == ["ClaimReview"]
    assert one(node, "url").endswith(f"/sources/{source.id}/#{ann.id}")
    claim = one(node, "claimReviewed")
    assert len(claim) <= CLAIM_MAX, claim
    quote = " ".join(ann.quote.exact.split())
    if ann.claim:
        assert claim == ann.claim
    elif len(quote) <= CLAIM_MAX:
        assert claim == quote
    else:  # the quote cut after a whole word, and said to be cut
        assert claim.endswith("…") and quote.startswith(claim[:-1])
        assert quote[len(claim) - 1] in " ,;:–—-", claim
    assert one(node, "datePublished") == ann.reviewed
    author = one(node, "author")
    assert typed(author) == ["Organization"] and one(author, "name")
    assert one(author, "url").startswith("http")
    # The verdict: its label as the rating's name, on the published numeric scale.
    verdict = VERDICTS[ann.verdict or ""]
    rating = one(node, "reviewRating")
    assert typed(rating) == ["Rating"]
    assert one(rating, "name") == one(rating, "alternateName") == verdict.label
    if verdict.rating is not None:
        assert one(rating, "ratingValue") == verdict.rating
        assert (one(rating, "worstRating"), one(rating, "bestRating")) == (
            WORST_RATING,
            BEST_RATING,
        )
    # The claim: who made it, when, where it first appeared and where it appears here.
    item = one(node, "itemReviewed")
    assert typed(item) == ["Claim"]
    person, outlet = meta.author.value, meta.outlet.value
    if person or outlet:
        who = one(item, "author")
        assert typed(who) == (["Person"] if person else ["Organization"])
        assert one(who, "name") == (person or outlet)
        same_as = meta.author_url if person else meta.outlet_url
        assert values(who, "sameAs") == ([same_as.value] if same_as and same_as.value else [])
    else:
        assert values(item, "author") == []
    published = meta.published.value
    exact = published is not None and published.replace("-", "").isdigit()
    assert values(item, "datePublished") == ([published] if exact else [])
    if meta.url.value:
        first = one(item, "firstAppearance")
        assert typed(first) == ["CreativeWork"]
        assert one(first, "url") == meta.url.value
        assert values(first, "name") == ([meta.title.value] if meta.title.value else [])
    here = one(item, "appearance")
    assert one(here, "url").endswith(f"/sources/{source.id}/")


def test_every_fact_check_is_read_back_with_every_recommended_field(
    reviews: list[dict[str, Any]], checks: dict[str, tuple[Source, Annotation]]
) -> None:
    by_id = {one(r, "url").rsplit("#", 1)[1]: r for r in reviews}
    assert len(by_id) == len(reviews), "two ClaimReviews for one note"
    assert sorted(by_id) == sorted(checks)
    for ann_id, node in by_id.items():
        _check(node, *checks[ann_id])


def test_the_corpus_exercises_every_optional_field(
    reviews: list[dict[str, Any]], checks: dict[str, tuple[Source, Annotation]]
) -> None:
    """So that the field-by-field check above is not vacuous for any branch."""
    items = [one(r, "itemReviewed") for r in reviews]
    authors = [a for i in items for a in values(i, "author")]
    claims = [one(r, "claimReviewed") for r in reviews]
    assert any(values(a, "sameAs") for a in authors)
    assert any(not values(a, "sameAs") for a in authors)
    assert any(values(i, "firstAppearance") for i in items)
    # Every source now has a known address or headline, so a claim without firstAppearance
    # is exercised on a fixture instead (test_ratings_claimreview.py).
    assert any(values(i, "datePublished") for i in items)
    assert any(not values(i, "datePublished") for i in items)
    assert any(a.claim for _, a in checks.values())
    assert any(c.endswith("…") for c in claims)
