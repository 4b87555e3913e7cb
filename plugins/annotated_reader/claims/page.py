"""The claims page: each fact checked in more than one place, with what every source says.

One entry per claim that more than one note checks (in several sources, or repeated in
one): the claim in a neutral wording, each source's own words linking to the passage, each
note's verdict, and what is known with its references. Entries are sorted by how many
sources carry the claim, ties by claim id. All editorial and source text is escaped by the
template; the fact is Markdown rendered with raw HTML off, passed in as safe HTML.
"""

from __future__ import annotations

from html import escape

from jinja2 import Environment
from markupsafe import Markup as Safe

from ..core.corpus import Corpus, PageHtml
from ..core.toc import TocEntry
from ..core.urls import SiteUrls
from ..core.vocabulary.verdicts import VERDICTS
from ..render.search_view import section, top
from .claimreview import claims_script
from .entries import ClaimEntry, Describe, entry, shown
from .load import Claim

PAGE = "claims.md"
TITLE = "Claims across sources"


def render_claims(
    env: Environment,
    claims: list[Claim],
    corpus: Corpus,
    page_url: str,
    urls: SiteUrls,
    describe: Describe,
    site: tuple[str, str],
) -> PageHtml:
    """The claims page seen from ``page_url`` (``site``: its address and name, for the
    ClaimReview data), and its search document."""
    entries = [entry(c, corpus, page_url, urls, describe) for c in shown(claims)]
    sources = {g.source.id: g.source.title for e in entries for g in e.sources}
    verdicts = {p.verdict.id for e in entries for g in e.sources for p in g.passages if p.verdict}
    html = env.get_template("claims.html").render(
        entries=entries,
        source_options=sorted(sources.items(), key=lambda kv: (kv[1], kv[0])),
        verdict_options=[v for v in VERDICTS.values() if v.id in verdicts],
        structured=Safe(claims_script(entries, urls, *site)),
    )
    # "On this page": each claim, in the page's order (the filters hide entries, not these).
    toc = tuple(TocEntry(2, e.claim.id, e.claim.claim) for e in entries)
    return PageHtml(html, claims_document(entries), toc)


def claims_document(entries: list[ClaimEntry]) -> str:
    """Each claim a search result: its wording; what each source says, with its verdict;
    what is known."""
    out = [top(TITLE, [escape(f"{len(entries)} claims checked in more than one place.")])]
    for e in entries:
        parts = []
        for g in e.sources:
            for p in g.passages:
                label = p.verdict.label if p.verdict else "no verdict"
                parts.append(escape(f"“{g.source.title}” ({label}): “{p.quote}”"))
        parts.append(str(e.fact))
        out.append(section(e.claim.id, e.claim.claim, parts))
    return "\n".join(out)
