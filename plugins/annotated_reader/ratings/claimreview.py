"""Every fact-check as schema.org ``ClaimReview`` JSON-LD, for search engines and archives.

One ``<script type="application/ld+json">`` per source page holds a list of ClaimReview
objects. The text inside comes from editors and scraped sources, so ``<``, ``>`` and ``&``
are written as JSON escapes: nothing can close the script element or open a comment.
Dates are published only when they are plain ISO 8601; an approximate or uncertain source
date (EDTF ``~`` ``?`` ``%``, intervals) is left out rather than stated as exact.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..core.model import Annotation, Source
from ..core.urls import SiteUrls
from ..core.verdicts import BEST_RATING, VERDICTS, WORST_RATING

CONTEXT = "https://schema.org"
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def absolute(site_url: str, path: str) -> str:
    """A site-root path as an absolute address; page-relative when there is no site_url."""
    if not site_url:
        return path
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def rating(verdict_id: str) -> dict[str, Any]:
    verdict = VERDICTS[verdict_id]
    out: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.label}
    if verdict.rating is not None:
        out.update(ratingValue=verdict.rating, bestRating=BEST_RATING, worstRating=WORST_RATING)
    return out


def claim_author(source: Source) -> dict[str, str] | None:
    """Who made the claim: the author (a person), else the outlet (an organisation)."""
    meta = source.metadata
    if meta.author.value:
        return {"@type": "Person", "name": meta.author.value}
    if meta.outlet.value:
        return {"@type": "Organization", "name": meta.outlet.value}
    return None


def claim(source: Source, page: str) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    author = claim_author(source)
    if author:
        item["author"] = author
    published = source.metadata.published.value
    if published and _ISO.match(published):
        item["datePublished"] = published
    appearance = {"@type": "CreativeWork", "url": source.metadata.url.value or page}
    if source.metadata.title.value:  # an unknown headline is left out, not made up
        appearance["name"] = source.metadata.title.value
    item["appearance"] = appearance
    return item


def claim_review(
    source: Source, ann: Annotation, urls: SiteUrls, site_url: str, reviewer: str
) -> dict[str, Any]:
    page = absolute(site_url, urls.source(source.id))
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": absolute(site_url, urls.annotation(source.id, ann.id)),
        "claimReviewed": " ".join(ann.quote.exact.split()),
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


def script(data: list[dict[str, Any]]) -> str:
    """The JSON-LD script element; empty when there is nothing to publish."""
    if not data:
        return ""
    text = "[\n" + ",\n".join(json.dumps(d, ensure_ascii=False) for d in data) + "\n]"
    text = re.sub("[<>&]", lambda m: _ESCAPES[m.group(0)], text)
    return f'<script type="application/ld+json" class="ar-claimreview">\n{text}\n</script>'
