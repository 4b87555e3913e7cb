"""Every fact-check as schema.org ``ClaimReview`` JSON-LD, for search engines and archives.

One ``<script type="application/ld+json">`` per source page holds a list of ClaimReview
objects. The text inside comes from editors and scraped sources, so ``<``, ``>`` and ``&``
are written as JSON escapes: nothing can close the script element or open a comment.
Dates are published only when they are plain ISO 8601; an approximate or uncertain source
date (EDTF ``~`` ``?`` ``%``, intervals) is left out rather than stated as exact.

Every field Google recommends is given where the data holds it: the claim in a few words
(the editor's ``claim``, else the quote cut at a word), the verdict's label as the rating's
name, the claim's author with the address that identifies them (``author_url`` or
``outlet_url``), the source's date, and where the claim first appeared — the source as
published — beside where it appears here.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.jsonld import CONTEXT, rating, script, short
from ..core.model import Annotation, MetaField, Source
from ..core.urls import SiteUrls, absolute
from ..core.vocabulary.verdicts import VERDICTS

__all__ = ["claim_review", "claim_reviews", "rating", "script", "summary"]

_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def summary(ann: Annotation) -> str:
    """The claim in at most ``CLAIM_MAX`` characters: the editor's, else the quote, cut at
    the last word that fits and ended with an ellipsis."""
    return ann.claim or short(" ".join(ann.quote.exact.split()))


def _named(kind: str, name: str, same_as: MetaField | None) -> dict[str, str]:
    out = {"@type": kind, "name": name}
    if same_as and same_as.value:
        out["sameAs"] = same_as.value
    return out


def claim_author(source: Source) -> dict[str, str] | None:
    """Who made the claim: the author (a person), else the outlet (an organisation), with
    the address that identifies them when the editor gives one."""
    meta = source.metadata
    if meta.author.value:
        return _named("Person", meta.author.value, meta.author_url)
    if meta.outlet.value:
        return _named("Organization", meta.outlet.value, meta.outlet_url)
    return None


def _work(url: str | None, source: Source) -> dict[str, str] | None:
    """The source as a CreativeWork at ``url``; an unknown headline is left out, not made up."""
    work = {"@type": "CreativeWork"}
    if url:
        work["url"] = url
    if source.metadata.title.value:
        work["name"] = source.metadata.title.value
    return work if len(work) > 1 else None


def claim(source: Source, page: str) -> dict[str, Any]:
    """The claim: who made it and when, first in the source as published (its original
    address, when known), and as this site publishes it (``page``)."""
    item: dict[str, Any] = {"@type": "Claim"}
    author = claim_author(source)
    if author:
        item["author"] = author
    published = source.metadata.published.value
    if published and _ISO.match(published):
        item["datePublished"] = published
    first = _work(source.metadata.url.value, source)
    if first:
        item["firstAppearance"] = first
    item["appearance"] = _work(page, source)
    return item


def claim_review(
    source: Source, ann: Annotation, urls: SiteUrls, site_url: str, reviewer: str
) -> dict[str, Any]:
    page = absolute(site_url, urls.source(source.id))
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": absolute(site_url, urls.annotation(source.id, ann.id)),
        "claimReviewed": summary(ann),
        "reviewRating": rating(ann.verdict or ""),
        "itemReviewed": claim(source, page),
        "author": {"@type": "Organization", "name": reviewer},
    }
    if site_url:
        review["author"]["url"] = site_url
    if ann.reviewed:
        review["datePublished"] = ann.reviewed
    return review


def claim_reviews(
    source: Source, urls: SiteUrls, site_url: str, reviewer: str
) -> list[dict[str, Any]]:
    """ClaimReviews of the source's published fact-checks, in text order."""
    checks = sorted(
        (a for a in source.annotations if a.kind == "fact-check" and a.verdict in VERDICTS),
        key=lambda a: (a.start, a.end, a.id),
    )
    return [claim_review(source, a, urls, site_url, reviewer) for a in checks]
