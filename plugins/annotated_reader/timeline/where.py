"""Where and who on the timeline: the rule that compares a passage's place and actors with
its event's, and the check that each names a glossary term.

The rule. A passage is compared only on what it states, with what its event records:

- **place**: one term; a passage naming another term than the event's differs (a source
  that names only the country of a city is given no place: the rule compares like with like);
- **actors**: a set of terms, order and spelling aside; naming only some of the event's
  actors is *partial* (shown, not a conflict: "Lukashenko signed" is true of a treaty two
  men signed), naming anyone the event does not record differs.

A passage that gives a place or actors for an event that records none is an error: there is
nothing to compare it with, so the event needs them first.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.fields import suggest
from ..core.files import ANY
from ..core.model import Where
from ..core.problems import Location, Problems
from ..core.where import HINT

# A term id's name as shown (the glossary's term; the id itself when there is none).
Name = Callable[[str], str]


def place_differs(reference: Where, given: Where) -> bool:
    return (
        reference.place is not None and given.place is not None and given.place != reference.place
    )


def extra_actors(reference: Where, given: Where) -> tuple[str, ...]:
    """The actors a passage names that its event does not (a conflict)."""
    if not reference.actors:
        return ()
    return tuple(a for a in given.actors if a not in reference.actors)


def partial_actors(reference: Where, given: Where) -> bool:
    """A passage naming some of the event's actors and no one else: partial, not a conflict."""
    return (
        bool(given.actors)
        and not extra_actors(reference, given)
        and set(given.actors) < set(reference.actors)
    )


def check_terms(what: str, where: Where, terms: set[str], problems: Problems) -> None:
    """Report each place or actor that is not a glossary term's id, at its line."""
    named: list[tuple[str, str, Location]] = [
        *([("place", where.place, where.place_at)] if where.place and where.place_at else []),
        *(("actors", a, at) for a, at in zip(where.actors, where.actors_at, strict=True)),
    ]
    for key, ident, at in named:
        if ident not in terms and ANY not in terms:
            problems.error(
                at,
                "where.unknown-term",
                f"{key} of {what} names '{ident}', which is not a term in glossary.yml"
                f"{suggest(ident, terms)}; {HINT}, or add the term",
            )


def check_comparable(
    what: str, event_id: str, reference: Where, given: Where, problems: Problems
) -> None:
    """A passage's place or actors need the event's own to be compared with."""
    for key, at, records in (
        ("place", given.place_at if given.place else None, reference.place is not None),
        ("actors", given.actors_at[0] if given.actors else None, bool(reference.actors)),
    ):
        if at is not None and not records:
            problems.error(
                at,
                "where.no-reference",
                f"{what} gives the {key} of event '{event_id}', which records none in "
                f"events.yml; add the event's {key} (from its references) so the two can be "
                f"compared, or remove the note's {key}",
            )


def names(ids: tuple[str, ...] | list[str], name: Name) -> str:
    """“A”, “A and B”, “A, B and C”."""
    shown = [name(i) for i in ids]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def describe(where: Where, name: Name) -> str:
    """“in Moscow; Boris Yeltsin and Alexander Lukashenko”, or "" when nothing is stated."""
    parts = []
    if where.place:
        parts.append(f"in {name(where.place)}")
    if where.actors:
        parts.append(f"by {names(where.actors, name)}")
    return ", ".join(parts)
