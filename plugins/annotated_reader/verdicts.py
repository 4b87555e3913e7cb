"""The published scale of fact-check verdicts.

Each verdict has a short label and a glyph so it reads without colour; ``score`` feeds
a source's accuracy criterion (None: not a judgement of accuracy).
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


VERDICTS: dict[str, Verdict] = {
    v.id: v
    for v in (
        Verdict(
            "accurate",
            "Accurate",
            "✔",
            1.0,
            "The claim is correct and nothing significant is missing.",
        ),
        Verdict(
            "mostly-accurate",
            "Mostly accurate",
            "◕",
            0.75,
            "The claim is correct in substance but needs a clarification or a detail fixed.",
        ),
        Verdict(
            "misleading",
            "Misleading",
            "◑",
            0.25,
            "Partly correct, but presented so that it leaves a false impression.",
        ),
        Verdict(
            "inaccurate",
            "Inaccurate",
            "✘",
            0.0,
            "The claim is false according to the best available evidence.",
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
