"""A claim's entry on the claims page: each source's own words and each note's verdict.

Only claims that more than one note checks have one, most sources first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup as Safe

from ..core.corpus import Corpus
from ..core.model import Annotation, Source
from ..core.urls import SiteUrls, relative_url
from ..core.vocabulary.verdicts import VERDICTS, Verdict
from .load import Claim, claim_verdict

# Turns a Markdown text into safe HTML for the page.
Describe = Callable[[str], str]


@dataclass(frozen=True)
class Passage:
    """One note on the claim: the source's own words and the note's verdict."""

    note: Annotation
    quote: str
    href: str
    verdict: Verdict | None


@dataclass(frozen=True)
class SourceWords:
    """What one source says about the claim (one passage, or more where it repeats it)."""

    source: Source
    href: str
    passages: list[Passage]


@dataclass(frozen=True)
class ClaimEntry:
    claim: Claim
    sources: list[SourceWords]
    verdict: Verdict | None  # the verdict most notes give: the site's on the claim
    fact: Safe
    source_ids: str  # space-separated, for the page's filter
    verdict_ids: str  # likewise


def shown(claims: list[Claim]) -> list[Claim]:
    """The claims with an entry: checked by more than one note, most sources first (a
    stable sort, so ties keep the claim ids' order)."""
    many = sorted((c for c in claims if len(c.notes) > 1), key=lambda c: c.id)
    return sorted(many, key=lambda c: -len(source_ids(c)))


def source_ids(claim: Claim) -> list[str]:
    """The sources that carry the claim, in the order their notes were read."""
    return list(dict.fromkeys(n.source_id for n in claim.notes))


def _words(source: Source, note: Annotation) -> str:
    return " ".join(source.text[note.start : note.end].split())


def entry(
    claim: Claim, corpus: Corpus, page_url: str, urls: SiteUrls, describe: Describe
) -> ClaimEntry:
    groups = []
    for sid in source_ids(claim):
        source = corpus.source(sid)
        if source is None:
            continue
        notes = sorted((n for n in claim.notes if n.source_id == sid), key=lambda n: n.start)
        groups.append(
            SourceWords(
                source,
                relative_url(urls.source(sid), page_url),
                [
                    Passage(
                        n,
                        _words(source, n),
                        relative_url(urls.annotation(sid, n.id), page_url),
                        VERDICTS.get(n.verdict or ""),
                    )
                    for n in notes
                ],
            )
        )
    verdicts = sorted({n.verdict for n in claim.notes if n.verdict})
    common = claim_verdict(claim.notes)
    return ClaimEntry(
        claim,
        groups,
        VERDICTS.get(common or ""),
        Safe(describe(claim.fact) if claim.fact else ""),
        " ".join(g.source.id for g in groups),
        " ".join(verdicts),
    )
