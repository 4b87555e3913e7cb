"""schema.org JSON-LD pieces shared by every feature that publishes fact-checks.

The ratings publish one ClaimReview per note on each source page, the claims page one per
claim; both rate by the same verdict scale and embed their data the same safe way.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .bidi import closers
from .sourcefile import CLAIM_MAX
from .vocabulary.verdicts import BEST_RATING, VERDICTS, WORST_RATING

CONTEXT = "https://schema.org"
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def short(text: str) -> str:
    """``text`` in at most ``CLAIM_MAX`` characters (what Google shows of a claim), cut at
    the last word that fits and ended with an ellipsis; a direction control the cut leaves
    open is closed (see ``bidi``)."""
    if len(text) <= CLAIM_MAX:
        return text
    room = CLAIM_MAX
    while True:
        cut = text[: room - 1]
        if text[room - 1] != " " and " " in cut:
            cut = cut[: cut.rindex(" ")]
        cut = cut.rstrip(" ,;:–—-")
        closing = closers(cut)
        if len(cut) + len(closing) < CLAIM_MAX or room <= 2:
            return cut + closing + "…"
        room -= 1


def rating(verdict_id: str) -> dict[str, Any]:
    """A verdict as a schema.org Rating: its label, and its number where it has one."""
    verdict = VERDICTS[verdict_id]
    out: dict[str, Any] = {"@type": "Rating", "name": verdict.label, "alternateName": verdict.label}
    if verdict.rating is not None:
        out.update(ratingValue=verdict.rating, bestRating=BEST_RATING, worstRating=WORST_RATING)
    return out


def script(data: list[dict[str, Any]], css_class: str = "ar-claimreview") -> str:
    """The JSON-LD script element; empty when there is nothing to publish. Text inside
    comes from editors and scraped sources, so ``<``, ``>`` and ``&`` are written as JSON
    escapes: nothing can close the script element or open a comment."""
    if not data:
        return ""
    text = "[\n" + ",\n".join(json.dumps(d, ensure_ascii=False) for d in data) + "\n]"
    text = re.sub("[<>&]", lambda m: _ESCAPES[m.group(0)], text)
    return f'<script type="application/ld+json" class="{css_class}">\n{text}\n</script>'
