"""Validation of a source's ``rating:`` block into a :class:`Rating`.

Every problem is reported at the YAML node it concerns, with a stable ``rating.*`` code and
a hint on how to fix it; reading goes on after a problem so one run shows them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.fields import Fields, suggest
from ..core.problems import Location, Problems
from ..core.vocabulary.dates import parse_day
from ..core.yamlsrc import Node
from .admiralty import ACCURACY, ANSWERS, CRITERIA, GRADES, NOT_JUDGED, Met
from .rule import Accuracy, accuracy_of

RATING_FIELDS = ("grade", "criteria", "rationale", "reviewed")
_FORMAT = '{met: yes | partly | no | not-judged, evidence: "one line from the text"}'


@dataclass(frozen=True)
class Judgement:
    """An editor's answer to one criterion."""

    criterion: str
    met: Met
    evidence: str
    location: Location


@dataclass
class Rating:
    source_id: str
    grade: str
    rationale: str
    rationale_line: int
    reviewed: str | None
    location: Location
    grade_location: Location
    judgements: dict[str, Judgement] = field(default_factory=dict)
    accuracy: Accuracy = field(default_factory=lambda: accuracy_of(()))

    @property
    def complete(self) -> bool:
        """Every editor-judged criterion was answered validly, none left ``not-judged``."""
        return all(
            c in self.judgements and self.judgements[c].met is not NOT_JUDGED for c in CRITERIA
        )

    @property
    def points(self) -> float:
        return sum(j.met.points or 0.0 for j in self.judgements.values())


def _met(node: Node | None, entry: Fields, name: str, problems: Problems) -> Met | None:
    if node is None:
        entry.text("met", hint="answer yes, partly, no or not-judged")
        return None
    value = node.value
    if isinstance(value, bool):  # YAML 1.1 reads a bare yes / no as true / false
        return ANSWERS["yes" if value else "no"]
    if isinstance(value, str) and value in ANSWERS:
        return ANSWERS[value]
    problems.error(
        node.location,
        "rating.bad-met",
        f"met {value!r} in criterion '{name}' must be yes, partly, no or not-judged (not yet assessed)"
        f"{suggest(str(value), ANSWERS)}",
    )
    return None


def _criteria(node: Node, rating: Rating, problems: Problems) -> None:
    if not node.is_mapping:
        problems.error(
            node.location,
            "rating.type",
            f"'criteria' must map each criterion to {_FORMAT}; criteria: {', '.join(CRITERIA)}",
        )
        return
    for name, item in node.value.items():
        if name == ACCURACY.id:
            problems.error(
                item.location,
                "rating.computed-criterion",
                f"'{ACCURACY.id}' is computed from this source's fact-check verdicts and "
                "cannot be typed in; remove it (add or correct fact-checks instead)",
            )
            continue
        if name not in CRITERIA:
            problems.error(
                item.location,
                "rating.unknown-criterion",
                f"unknown criterion '{name}' in the rating{suggest(name, CRITERIA)}; "
                f"the criteria are: {', '.join(CRITERIA)}",
            )
            continue
        entry = Fields(item, problems, f"criterion '{name}'", ("met", "evidence"), "rating")
        if not entry.ok:
            continue
        met = _met(entry.get("met"), entry, name, problems)
        evidence = entry.text("evidence", hint="give one line of evidence from the text")
        if met is not None and evidence is not None:
            rating.judgements[name] = Judgement(name, met, evidence.strip(), item.location)
    for name in CRITERIA:
        if name not in node.value:
            problems.error(
                node.location,
                "rating.missing-criterion",
                f"the rating has no criterion '{name}'; add {name}: {_FORMAT}",
            )


def read_rating(
    node: Node | None, source_id: str, where: Location, problems: Problems
) -> Rating | None:
    """The rating of one source, or None when it is missing or has no valid grade."""
    if node is None:
        problems.error(
            where,
            "rating.missing",
            f"source '{source_id}' has no rating; add a 'rating:' block with grade (A–F), "
            f"criteria ({', '.join(CRITERIA)}), rationale and reviewed — see annotations/README.md",
        )
        return None
    fields = Fields(node, problems, "the rating", RATING_FIELDS, "rating")
    if not fields.ok:
        return None
    grade = fields.text("grade", choices=GRADES, hint="a capital letter A–F on the Admiralty scale")
    rationale = fields.text("rationale", hint="explain the grade in a short Markdown paragraph")
    reviewed = fields.text("reviewed", hint='give the day of the last review as "YYYY-MM-DD"')
    day = parse_day(reviewed) if reviewed is not None else None
    if isinstance(day, str):
        problems.error(
            fields.get("reviewed").location,  # type: ignore[union-attr]
            "rating.bad-reviewed",
            f"reviewed: {day}; give the day of the last review",
        )
        reviewed = None
    grade_node = fields.get("grade")
    rationale_node = fields.get("rationale")
    rating = Rating(
        source_id=source_id,
        grade=grade or "",
        rationale=rationale or "",
        rationale_line=rationale_node.content_line if rationale_node else node.location.line,
        reviewed=reviewed,
        location=node.location,
        grade_location=grade_node.location if grade_node else node.location,
    )
    criteria = fields.get("criteria")
    if criteria is None:
        fields.text("criteria", hint=f"answer each of {', '.join(CRITERIA)} with {_FORMAT}")
    else:
        _criteria(criteria, rating, problems)
    unjudged = [j for j in rating.judgements.values() if j.met is NOT_JUDGED]
    if grade and grade != "F" and unjudged:
        problems.error(
            unjudged[0].location,
            "rating.not-judged",
            f"grade {grade} rests on criteria not yet judged "
            f"({', '.join(j.criterion for j in unjudged)}); answer each yes, partly or no, "
            "or give grade F (reliability cannot be judged) until they are",
        )
    return rating if grade else None
