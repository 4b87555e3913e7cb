"""Short titles: how a source is named where space is scarce (navigation, lists).

Headlines run long (one seed's is 100 characters and cut mid-word by its scraper), and a
side navigation that wraps them over four lines is hard to scan. An editor may give
``metadata.short_title``; otherwise the title is cut at a word boundary, with an ellipsis
saying that it was cut. The full title stays on the page and in the browser's title bar.
"""

from __future__ import annotations

from ..bidi import DIRECTION, closers

SHORT_TITLE_MAX = 48  # characters, ellipsis included
ELLIPSIS = "…"
_TRAILING = " \t,;:–—-"  # left dangling before the ellipsis, a cut reads as a clause break


def shorten(title: str, limit: int = SHORT_TITLE_MAX) -> str:
    """``title`` if it fits in ``limit`` characters; else its longest run of whole words
    that fits with an ellipsis (a single word longer than that is cut inside it), and with
    the direction controls it leaves open closed (see ``bidi``)."""
    if len(title) <= limit:
        return title
    room = limit
    while True:
        kept = _cut(title, room)
        closing = closers(kept)
        if len(kept) + len(closing) + len(ELLIPSIS) <= limit or room <= len(ELLIPSIS) + 1:
            break
        room -= 1
    if not DIRECTION.sub("", kept).strip():  # controls alone filled the room: the words
        return shorten(DIRECTION.sub("", title), limit)  # shown without them, not nothing
    return kept + closing + ELLIPSIS


def _cut(title: str, limit: int) -> str:
    room = title[: limit - len(ELLIPSIS) + 1]  # one more: is the cut at a word's end?
    cut = next((i for i in range(len(room) - 1, 0, -1) if room[i].isspace()), 0)
    kept = room[:cut] if cut else room[:-1]
    return kept.rstrip(_TRAILING) or room[:-1]
