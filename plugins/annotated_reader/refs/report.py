"""The references survey: per source and overall, what the notes cite and what is thin.

A fact-check needs a primary or original source (the record, or who reported it first);
one that rests on a single reference, or on an encyclopaedia alone, is listed so the desk
can add one. References without a publisher or date are counted, because a reader weighs
a source by who published it and when.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..core.model import Annotation, Reference, Source
from .kinds import KINDS, PRIMARY_KINDS, WEAK_KINDS, domain, kind


@dataclass
class Survey:
    """The references of one source's notes (or of all sources, with ``source_id`` None)."""

    source_id: str | None
    fact_checks: int = 0
    references: int = 0
    addresses: set[str] = field(default_factory=set)
    by_kind: Counter[str] = field(default_factory=Counter)
    by_domain: Counter[str] = field(default_factory=Counter)
    one_reference: list[str] = field(default_factory=list)
    encyclopaedia_only: list[str] = field(default_factory=list)
    no_primary: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)  # no cited original with publisher and date
    weak: list[tuple[str, str]] = field(default_factory=list)  # (note id, address)
    missing_publisher: int = 0
    missing_date: int = 0

    def add(self, ann: Annotation) -> None:
        """Count one note's references; a fact-check is also judged on what it rests on."""
        kinds = [kind(domain(r.url)) for r in ann.references]
        for ref, k in zip(ann.references, kinds, strict=True):
            self._count(ann.id, ref, k)
        if ann.kind != "fact-check":
            return
        self.fact_checks += 1
        if len(ann.references) == 1:
            self.one_reference.append(ann.id)
        if kinds and all(k == "encyclopaedia" for k in kinds):
            self.encyclopaedia_only.append(ann.id)
        if not any(k in PRIMARY_KINDS for k in kinds):
            self.no_primary.append(ann.id)
        if not any(
            r.publisher and r.date and k not in ("encyclopaedia", *WEAK_KINDS)
            for r, k in zip(ann.references, kinds, strict=True)
        ):
            self.undated.append(ann.id)

    def _count(self, note_id: str, ref: Reference, k: str) -> None:
        self.references += 1
        self.addresses.add(ref.url)
        self.by_kind[k] += 1
        self.by_domain[domain(ref.url)] += 1
        if k in WEAK_KINDS:
            self.weak.append((note_id, ref.url))
        self.missing_publisher += ref.publisher is None
        self.missing_date += ref.date is None

    @property
    def encyclopaedia_addresses(self) -> int:
        return sum(kind(domain(url)) == "encyclopaedia" for url in self.addresses)


def survey(sources: Iterable[Source]) -> tuple[list[Survey], Survey]:
    """One survey per source, in order, and one over all of them."""
    overall = Survey(None)
    per_source = []
    for source in sources:
        one = Survey(source.id)
        for ann in source.annotations:
            one.add(ann)
            overall.add(ann)
        per_source.append(one)
    return per_source, overall


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.0f}%)" if whole else f"{part} of 0"


def format_survey(s: Survey, *, top: int = 10) -> str:
    title = f"== {s.source_id}" if s.source_id else "== all sources"
    kinds = ", ".join(f"{k} {s.by_kind[k]}" for k in KINDS if s.by_kind[k])
    domains = ", ".join(
        f"{d} {n}" for d, n in sorted(s.by_domain.items(), key=lambda x: (-x[1], x[0]))[:top]
    )
    lines = [
        title,
        f"fact-checks: {s.fact_checks}; references: {s.references}; distinct addresses: "
        f"{len(s.addresses)}, of them encyclopaedia: {_share(s.encyclopaedia_addresses, len(s.addresses))}",
        f"by kind: {kinds or '-'}",
        f"by domain (top {top} of {len(s.by_domain)}): {domains or '-'}",
        f"fact-checks on one reference: {_share(len(s.one_reference), s.fact_checks)}"
        + (f": {', '.join(s.one_reference)}" if s.one_reference else ""),
        f"fact-checks on an encyclopaedia alone: {_share(len(s.encyclopaedia_only), s.fact_checks)}"
        + (f": {', '.join(s.encyclopaedia_only)}" if s.encyclopaedia_only else ""),
        f"fact-checks with no official, legal-text or agency reference: "
        f"{_share(len(s.no_primary), s.fact_checks)}",
        f"fact-checks without a non-encyclopaedia reference giving publisher and date: "
        f"{_share(len(s.undated), s.fact_checks)}"
        + (f": {', '.join(s.undated)}" if s.undated else ""),
        f"references to aggregators or pirate sites: {len(s.weak)}"
        + "".join(f"\n  {note}: {url}" for note, url in s.weak),
        f"references missing a publisher: {_share(s.missing_publisher, s.references)}; "
        f"missing a date: {_share(s.missing_date, s.references)}",
    ]
    return "\n".join(lines)


def format_report(per_source: list[Survey], overall: Survey) -> str:
    return "\n\n".join(format_survey(s) for s in [*per_source, overall]) + "\n"
