"""Links from hand-written pages to an anchor of a generated page that is not there.

``[the note](sources/x.md#lys-note)`` in a guide must name a note that exists: a note that
was renamed or removed would leave a link that opens the page at its top, and the reader
would never know what it meant to show. A site generator collects such links; this says
where each is and what would fix it.
"""

from __future__ import annotations

from collections.abc import Collection

from ..core.fields import suggest
from ..core.problems import Location, Problem, Severity


def unknown_anchor(
    doc: str, text: str, link: str, target: str, anchor: str, present: Collection[str]
) -> Problem:
    """The warning for ``link`` in the page ``doc`` (whose source is ``text``): ``target``,
    a generated page holding the ids ``present``, has no ``anchor``."""
    at = text.find(link)
    line = text.count("\n", 0, at) + 1 if at >= 0 else 0
    col = at - text.rfind("\n", 0, at) if at >= 0 else 0
    return Problem(
        Location(doc, line, col),
        Severity.WARNING,
        "docs.unknown-anchor",
        f"link '{link}': {target} has no note or anchor '{anchor}'{suggest(anchor, present)}; "
        "link an id that exists there (a note's id is in its source file)",
    )
