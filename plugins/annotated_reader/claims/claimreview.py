"""One schema.org ``ClaimReview`` per claim on the claims page, each source an appearance.

The ratings publish a ClaimReview per note on each source page; here the site states its
verdict on the claim once (the verdict most of its notes give), and every source that
carries the claim is listed as where it appeared: the source as published (its original
address) when known, else the source as this site publishes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.jsonld import CONTEXT, rating, script, short
from ..core.urls import SiteUrls, absolute
from .entries import ClaimEntry

PAGE_NAME = "claims"


def appearance(entry: ClaimEntry, urls: SiteUrls, site_url: str) -> list[dict[str, str]]:
    out = []
    for group in entry.sources:
        source = group.source
        work = {"@type": "CreativeWork", "url": source.metadata.url.value or ""}
        if not work["url"]:
            work["url"] = absolute(site_url, urls.source(source.id))
        if source.metadata.title.value:
            work["name"] = source.metadata.title.value
        out.append(work)
    return out


def claim_review(
    entry: ClaimEntry, urls: SiteUrls, site_url: str, reviewer: str
) -> dict[str, Any] | None:
    if entry.verdict is None:
        return None
    author: dict[str, str] = {"@type": "Organization", "name": reviewer}
    if site_url:
        author["url"] = site_url
    review = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": absolute(site_url, f"{urls.page(PAGE_NAME)}#{entry.claim.id}"),
        "claimReviewed": short(entry.claim.claim),
        "reviewRating": rating(entry.verdict.id),
        "itemReviewed": {"@type": "Claim", "appearance": appearance(entry, urls, site_url)},
        "author": author,
    }
    # The review stands as its notes were last checked (Google recommends the date; each
    # note's own ClaimReview has its day, the claim's had none: an outside test).
    days = [n.reviewed for n in entry.claim.notes if n.reviewed]
    if days:
        review["datePublished"] = max(days)
    return review


def claims_script(
    entries: Sequence[ClaimEntry], urls: SiteUrls, site_url: str, reviewer: str
) -> str:
    """The page's JSON-LD: a ClaimReview per claim with a verdict, in the page's order."""
    reviews = [claim_review(e, urls, site_url, reviewer) for e in entries]
    return script([r for r in reviews if r is not None], "ar-claims-ld")
