"""The source-reliability scale (the Admiralty or NATO system, letters A–F) and its criteria.

The grades' names are those of NATO STANAG 2511 and AJP-2.1; the one-line definitions
follow the wording of US Army FM 2-22.3, appendix B. Each criterion is a question an editor
answers yes, partly or no with one line of evidence, except ``accurate-claims``, which the
build computes from the source's own fact-check verdicts (see :mod:`ratings_rule`).
The methodology page is rendered from these tables, so the page and the checks agree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Grade:
    letter: str
    label: str
    definition: str  # the Admiralty definition, for an intelligence source
    reading: str  # what it means for a published text on this site


GRADES: dict[str, Grade] = {
    g.letter: g
    for g in (
        Grade(
            "A",
            "Completely reliable",
            "No doubt of authenticity, trustworthiness or competency; a history of complete "
            "reliability.",
            "Named, sourced, careful and corrected; its checked claims hold up.",
        ),
        Grade(
            "B",
            "Usually reliable",
            "Minor doubt about authenticity, trustworthiness or competency; valid information "
            "most of the time.",
            "Usable as it stands; check the points its notes flag.",
        ),
        Grade(
            "C",
            "Fairly reliable",
            "Doubt of authenticity, trustworthiness or competency, but has provided valid "
            "information in the past.",
            "Use with care; confirm any claim that matters elsewhere.",
        ),
        Grade(
            "D",
            "Not usually reliable",
            "Significant doubt about authenticity, trustworthiness or competency, but has "
            "provided valid information in the past.",
            "A pointer at best; every claim needs another source.",
        ),
        Grade(
            "E",
            "Unreliable",
            "Lacking in authenticity, trustworthiness and competency; a history of invalid "
            "information.",
            "Read as an example of what is circulating, not as information.",
        ),
        Grade(
            "F",
            "Reliability cannot be judged",
            "No basis exists for evaluating the reliability of the source.",
            "Too little has been checked to judge it either way.",
        ),
    )
}


@dataclass(frozen=True)
class Met:
    """One answer to a criterion, with a glyph so the answer reads without colour."""

    id: str
    label: str
    glyph: str
    points: float | None


MET: dict[str, Met] = {
    m.id: m
    for m in (
        Met("yes", "Met", "✓", 1.0),
        Met("partly", "Partly met", "½", 0.5),
        Met("no", "Not met", "✗", 0.0),
    )
}
NOT_JUDGED = Met("not-judged", "Not judged", "–", None)
# What an editor may answer: a new source's skeleton (``add-source``) answers ``not-judged``
# rather than a guess; only grade F ("cannot be judged") may stand on such answers.
ANSWERS: dict[str, Met] = {**MET, NOT_JUDGED.id: NOT_JUDGED}


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    question: str
    computed: bool = False


CRITERIA: dict[str, Criterion] = {
    c.id: c
    for c in (
        Criterion(
            "named-author",
            "Named author",
            "Does a named, identifiable author or responsible editor stand behind the text?",
        ),
        Criterion(
            "cites-sources",
            "Cites sources",
            "Are factual claims attributed to sources a reader can find and check?",
        ),
        Criterion(
            "separates-opinion",
            "Separates opinion",
            "Are opinion, analysis and prediction marked off from reported fact?",
        ),
        Criterion(
            "dated-corrected",
            "Dated and corrected",
            "Is the text dated, and are its errors corrected openly?",
        ),
        Criterion(
            "clean-text",
            "Clean text",
            "Is the text as published complete, and free of debris, mistranslation and "
            "encoding damage?",
        ),
    )
}
ACCURACY = Criterion(
    "accurate-claims",
    "Accurate claims",
    "Do the source's own checkable claims hold up? Computed from this site's fact-check "
    "verdicts, never typed in.",
    computed=True,
)
ALL_CRITERIA: dict[str, Criterion] = {**CRITERIA, ACCURACY.id: ACCURACY}
MAX_POINTS = float(len(CRITERIA))
