"""How far an editor's grade may go: the computed accuracy and the consistency rule.

Accuracy is the mean ``score`` (verdicts.py) of a source's fact-checks whose verdict judges
accuracy; ``unverifiable`` and ``opinion`` do not count. Below ``MIN_CHECKED`` such checks
accuracy is not judged. The five editor-judged criteria give points (yes 1, partly ½, no 0).

Each grade has a condition on those two numbers; the grade an editor gives must satisfy its
own condition, or the build warns. The conditions are data with their own wording, so the
methodology page prints exactly what the check tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..core.vocabulary.verdicts import VERDICTS
from .admiralty import GRADES, MAX_POINTS, MET, NOT_JUDGED, Met

MIN_CHECKED = 3
ACCURACY_TOP = 0.9  # A: checked claims essentially all accurate
ACCURACY_HIGH = 0.75  # B, and "met": on average at least "mostly accurate"
ACCURACY_LOW = 0.5  # below: most checked claims fail; "not met"
POINTS_TOP = 4.0
POINTS_HALF = 2.5


@dataclass(frozen=True)
class Accuracy:
    """A source's fact-check verdicts, counted, and the accuracy they give."""

    counts: dict[str, int]  # verdict id → number, every verdict of the scale in order
    checked: int  # fact-checks whose verdict judges accuracy
    total: float  # sum of their scores

    @property
    def value(self) -> float | None:
        """Mean score, or None while fewer than ``MIN_CHECKED`` claims are checked."""
        if self.checked < MIN_CHECKED:
            return None
        return round(self.total / self.checked, 4)

    def met(self) -> Met:
        value = self.value
        if value is None:
            return NOT_JUDGED
        if value >= ACCURACY_HIGH:
            return MET["yes"]
        return MET["partly"] if value >= ACCURACY_LOW else MET["no"]

    def evidence(self) -> str:
        """The computed criterion's one line of evidence."""

        def listing(scored: bool) -> list[str]:
            return [
                f"{n} {VERDICTS[v].label.lower()}"
                for v, n in self.counts.items()
                if n and (VERDICTS[v].score is not None) == scored
            ]

        listed = f" ({', '.join(listing(True))})" if self.checked else ""
        uncounted = listing(False)
        skipped = f"; not counted: {', '.join(uncounted)}" if uncounted else ""
        value = self.value
        if value is None:
            return (
                f"{self.checked} claim(s) checked for accuracy{listed}; at least {MIN_CHECKED} "
                f"are needed to judge{skipped}."
            )
        return f"Accuracy {value:.2f} over {self.checked} checked claims{listed}{skipped}."


def accuracy_of(verdicts: Iterable[str]) -> Accuracy:
    """The accuracy criterion from a source's fact-check verdicts (unscored verdicts are
    counted, not scored)."""
    counts = dict.fromkeys(VERDICTS, 0)
    for verdict in verdicts:
        if verdict in counts:
            counts[verdict] += 1
    scored = [(VERDICTS[v].score, n) for v, n in counts.items() if VERDICTS[v].score is not None]
    return Accuracy(
        counts,
        checked=sum(n for _, n in scored),
        total=sum((s or 0.0) * n for s, n in scored),
    )


@dataclass(frozen=True)
class Evidence:
    """What the consistency rule looks at."""

    points: float  # of MAX_POINTS, from the five editor-judged criteria
    checked: int
    accuracy: float | None

    def describe(self) -> str:
        acc = (
            f"accuracy {self.accuracy:.2f} over {self.checked} checked claims"
            if self.accuracy is not None
            else f"only {self.checked} claim(s) checked for accuracy"
        )
        return f"{self.points:g} of {MAX_POINTS:g} criterion points and {acc}"


def evidence_of(points: float, accuracy: Accuracy) -> Evidence:
    """What the grade rules test: the criterion points and the accuracy."""
    return Evidence(points, accuracy.checked, accuracy.value)


@dataclass(frozen=True)
class Condition:
    text: str
    test: Callable[[Evidence], bool]


def checked_at_least(n: int) -> Condition:
    return Condition(f"at least {n} claims carry an accuracy verdict", lambda e: e.checked >= n)


def checked_below(n: int) -> Condition:
    return Condition(f"fewer than {n} claims carry an accuracy verdict", lambda e: e.checked < n)


def accuracy_at_least(x: float) -> Condition:
    return Condition(
        f"accuracy is at least {x:.2f}", lambda e: e.accuracy is not None and e.accuracy >= x
    )


def accuracy_below(x: float) -> Condition:
    return Condition(
        f"accuracy is below {x:.2f}", lambda e: e.accuracy is not None and e.accuracy < x
    )


def points_at_least(p: float) -> Condition:
    return Condition(
        f"the five criteria score at least {p:g} of {MAX_POINTS:g} points",
        lambda e: e.points >= p,
    )


def points_below(p: float) -> Condition:
    return Condition(
        f"the five criteria score below {p:g} of {MAX_POINTS:g} points", lambda e: e.points < p
    )


@dataclass(frozen=True)
class GradeRule:
    grade: str
    every: bool  # True: all conditions must hold; False: any one is enough
    conditions: tuple[Condition, ...]

    def holds(self, evidence: Evidence) -> bool:
        results = (c.test(evidence) for c in self.conditions)
        return all(results) if self.every else any(results)

    def text(self) -> str:
        parts = [c.text for c in self.conditions]
        if len(parts) == 1:
            return parts[0]
        return ("all of: " if self.every else "one of: ") + "; ".join(parts)

    def failed(self, evidence: Evidence) -> list[str]:
        return [c.text for c in self.conditions if not c.test(evidence)]


RULES: dict[str, GradeRule] = {
    r.grade: r
    for r in (
        GradeRule(
            "A",
            True,
            (
                checked_at_least(MIN_CHECKED),
                accuracy_at_least(ACCURACY_TOP),
                points_at_least(POINTS_TOP),
            ),
        ),
        GradeRule(
            "B",
            True,
            (
                checked_at_least(MIN_CHECKED),
                accuracy_at_least(ACCURACY_HIGH),
                points_at_least(POINTS_HALF),
            ),
        ),
        GradeRule("C", False, (checked_below(MIN_CHECKED), accuracy_at_least(ACCURACY_LOW))),
        GradeRule(
            "D",
            False,
            (
                checked_below(MIN_CHECKED),
                accuracy_below(ACCURACY_HIGH),
                points_below(POINTS_TOP),
            ),
        ),
        GradeRule("E", False, (accuracy_below(ACCURACY_LOW), points_below(POINTS_HALF))),
        GradeRule("F", True, (checked_below(MIN_CHECKED),)),
    )
}
assert list(RULES) == list(GRADES)


def allowed_grades(evidence: Evidence) -> list[str]:
    """Every grade whose condition holds (never empty: C or E, or F, always fits)."""
    return [g for g, rule in RULES.items() if rule.holds(evidence)]


def inconsistency(grade: str, evidence: Evidence) -> str | None:
    """The editor's message when ``grade`` contradicts the evidence, else None."""
    rule = RULES[grade]
    if rule.holds(evidence):
        return None
    allowed = ", ".join(allowed_grades(evidence))
    why = f" (not so: {'; '.join(rule.failed(evidence))})" if rule.every else ""
    return (
        f"grade {grade} ({GRADES[grade].label.lower()}) contradicts the criteria: {grade} needs "
        f"{rule.text()}{why}, but this source has {evidence.describe()}; the criteria allow "
        f"{allowed}. Change the grade, or correct the criteria if they are wrong "
        "(see ratings/methodology)"
    )
