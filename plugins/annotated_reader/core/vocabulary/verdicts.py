"""The published scale of fact-check verdicts.

Each verdict has a short label and a glyph so it reads without colour; ``score`` feeds
a source's accuracy criterion (None: not a judgement of accuracy). ``rating`` is the
verdict's number on the published ClaimReview scale (``WORST_RATING`` … ``BEST_RATING``);
verdicts that judge no accuracy have none and are published by their label alone.
The methodology page renders this table, so the page and the data cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    id: str
    label: str
    glyph: str
    score: float | None
    definition: str
    rating: int | None = None


WORST_RATING = 1
BEST_RATING = 4


VERDICTS: dict[str, Verdict] = {
    v.id: v
    for v in (
        Verdict(
            "accurate",
            "Accurate",
            "✔",
            1.0,
            "The claim is correct and nothing significant is missing.",
            rating=4,
        ),
        Verdict(
            "mostly-accurate",
            "Mostly accurate",
            "◕",
            0.75,
            "The claim is correct in substance but needs a clarification or a detail fixed.",
            rating=3,
        ),
        Verdict(
            "misleading",
            "Misleading",
            "◑",
            0.25,
            "Partly correct, but presented so that it leaves a false impression.",
            rating=2,
        ),
        Verdict(
            "inaccurate",
            "Inaccurate",
            "✘",
            0.0,
            "The claim is false according to the best available evidence.",
            rating=1,
        ),
        Verdict(
            "unverifiable",
            "Unverifiable",
            "?",
            None,
            "No public evidence settles the claim either way; what was tried is stated.",
        ),
        Verdict(
            "opinion",
            "Opinion",
            "❝",
            None,
            "A judgement or prediction presented as fact; it cannot be true or false as stated.",
        ),
    )
}
