"""Reading where and who: ``place:`` and ``actors:`` of an event or of a passage dating one.

Both name glossary terms by id (``place: moscow``, ``actors: [yeltsin, lukashenko]``), not
by name: the sources spell a name many ways (Lukashenko, Lukashenka), and ids compare
exactly while the term gives the name shown and a link. Here only their shape is checked
(text, not empty, an id, no actor twice); whether each id is a term is the timeline's check,
once the glossary has loaded.
"""

from __future__ import annotations

from .fields import ID_PATTERN, Fields
from .model import Where
from .problems import Location, Problems

NOWHERE = Where()  # no place, no actors

HINT = "name a glossary term by its id (e.g. moscow), as listed in glossary.yml"


def _term_id(
    value: object, location: Location, key: str, what: str, problems: Problems
) -> str | None:
    """One term id, or None after saying what is wrong with it."""
    if not isinstance(value, str):
        problems.error(
            location, "where.type", f"'{key}' in {what} must be text (a term id); {HINT}"
        )
        return None
    if not value.strip():
        problems.error(location, "where.empty", f"'{key}' in {what} is empty; {HINT}")
        return None
    if not ID_PATTERN.fullmatch(value):
        problems.error(
            location,
            "where.bad-id",
            f"'{key}' in {what} is '{value}', not a term id (lowercase letters, digits and "
            f"'-'); {HINT}",
        )
        return None
    return value


def read_where(fields: Fields, problems: Problems) -> Where:
    """``place`` (one term id) and ``actors`` (a list of term ids), both optional."""
    place, place_at = None, None
    node = fields.get("place")
    if node is not None:
        value = node.value if node.is_scalar else None
        place = _term_id(value, node.location, "place", fields.what, problems)
        place_at = node.location
    actors: list[str] = []
    locations: list[Location] = []
    node = fields.get("actors")
    if node is not None:
        if not node.is_sequence or not node.value:
            problems.error(
                node.location,
                "where.type",
                f"'actors' in {fields.what} must be a non-empty list of term ids, e.g. "
                "[yeltsin, lukashenko]; leave it out when the text names no one",
            )
        for item in node.value if node.is_sequence else []:
            value = item.value if item.is_scalar else None
            actor = _term_id(value, item.location, "actors", fields.what, problems)
            if actor is None:
                continue
            if actor in actors:
                problems.error(
                    item.location,
                    "where.duplicate-actor",
                    f"'{actor}' is listed twice in the actors of {fields.what}; list it once",
                )
                continue
            actors.append(actor)
            locations.append(item.location)
    if place_at is None and not locations:
        return NOWHERE  # most notes: one for them all (a kept read pickles it once)
    return Where(place, tuple(actors), place_at, tuple(locations))
