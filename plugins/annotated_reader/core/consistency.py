"""Facts the editorial data states twice, in different files, held to one answer.

Features never read each other's data, so each states what it dates (:class:`DatedFact`,
keyed by the event it is about) and what it cites (its references); the loader compares
them across the corpus once every feature has loaded:

- a glossary term's or a claim's date for an event must agree with the event's reference
  date in ``events.yml`` (a year agrees with any day inside it);
- a source's metadata may not call its outlet or date unknown while a reference anywhere
  in the corpus cites the source's own original address with a publisher or a date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dated import DatedFact
from .files import ANY
from .model import Reference, Source
from .problems import Problems
from .vocabulary.dates import Span, humanize, parse_date

if TYPE_CHECKING:
    from .corpus import Corpus


def check_dates(facts: list[DatedFact], lost: set[str], problems: Problems) -> None:
    """Each non-reference date agrees with its event's reference date; an event that is not
    in events.yml is an error (unless it is ``lost``: declared but not loaded, as reported)."""
    reference = {f.event: f for f in facts if f.reference}
    for fact in facts:
        if fact.reference:
            continue
        ref = reference.get(fact.event)
        if ref is None:
            if fact.event not in lost and ANY not in lost:
                problems.error(
                    fact.location,
                    "consistency.unknown-event",
                    f"{fact.owner} dates event '{fact.event}', which is not in events.yml; "
                    "use the id of an event there, or add the event",
                )
            continue
        mine, theirs = parse_date(fact.date), parse_date(ref.date)
        if isinstance(mine, Span) and isinstance(theirs, Span) and not mine.agrees_with(theirs):
            problems.error(
                fact.location,
                "consistency.date-differs",
                f"{fact.owner} dates event '{fact.event}' {humanize(fact.date)}, but "
                f"{ref.owner} gives {humanize(ref.date)} ({ref.location}); correct whichever "
                "is wrong against the references, or tie this date to the event it is about",
            )


def _address(url: str) -> str:
    """An address compared as a reader would: no scheme, no www., no trailing slash."""
    out = url.strip().split("#", 1)[0].lower()
    out = out.removeprefix("https://").removeprefix("http://").removeprefix("www.")
    return out.rstrip("/")


def check_unknown_metadata(
    sources: list[Source], references: list[Reference], problems: Problems
) -> None:
    """A source that calls its outlet or date unknown while a reference in the corpus cites
    its original address with a publisher or date: the data contradicts itself."""
    cited: dict[str, list[Reference]] = {}
    for ref in references:
        cited.setdefault(_address(ref.url), []).append(ref)
    for source in sources:
        meta = source.metadata
        if not meta.url.value:
            continue
        refs = cited.get(_address(meta.url.value), [])
        for name, field, attr in (
            ("outlet", meta.outlet, "publisher"),
            ("date", meta.published, "date"),
        ):
            if field.value:
                continue
            known = next((r for r in refs if getattr(r, attr)), None)
            if known is None:
                continue
            problems.error(
                field.location,
                "consistency.unknown-but-cited",
                f"source '{source.id}' gives its {name} as unknown, but the reference "
                f"'{known.title}' ({known.location}) cites its original address with "
                f"{attr} '{getattr(known, attr)}'; give the "
                f"{name} with its basis, or correct the reference",
            )


def check_corpus(corpus: Corpus, problems: Problems) -> None:
    """Both rules over a loaded corpus (every feature has loaded)."""
    facts = [f for feature in corpus.features for f in feature.dated_facts()]
    check_dates(facts, corpus.lost.get("event", set()), problems)
    references = [r for a in corpus.annotations() for r in a.references]
    references += [r for feature in corpus.features for r in feature.references()]
    check_unknown_metadata(corpus.sources, references, problems)
