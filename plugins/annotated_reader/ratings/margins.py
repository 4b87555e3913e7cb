"""How far each source stands from the thresholds that decide its grade.

A grade that holds by a hair reads differently from one that holds by a mile: one more
inaccurate verdict can move a source from B to C. The methodology page states, for every
rated source, its distance to each threshold of the rules (in points, in accuracy, and in
verdicts, the unit an editor changes) and what would make its grade stop holding.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.vocabulary.verdicts import VERDICTS
from .admiralty import MAX_POINTS
from .read import Rating
from .rule import (
    ACCURACY_HIGH,
    ACCURACY_LOW,
    ACCURACY_TOP,
    MIN_CHECKED,
    POINTS_HALF,
    POINTS_TOP,
    RULES,
    Accuracy,
    Evidence,
    allowed_grades,
    evidence_of,
)

ACCURACY_THRESHOLDS = (ACCURACY_LOW, ACCURACY_HIGH, ACCURACY_TOP)
POINTS_THRESHOLDS = (POINTS_HALF, POINTS_TOP)
POINT_STEP = 0.5  # the smallest change of one answer (yes ↔ partly ↔ no)
SEARCH_LIMIT = 200  # verdicts added before a change is called out of reach
BEST = max(v.score for v in VERDICTS.values() if v.score is not None)
WORST = min(v.score for v in VERDICTS.values() if v.score is not None)
BEST_LABEL = next(v.label.lower() for v in VERDICTS.values() if v.score == BEST)
WORST_LABEL = next(v.label.lower() for v in VERDICTS.values() if v.score == WORST)


@dataclass(frozen=True)
class Margin:
    """A value's place between two thresholds: the one it clears and the next it misses."""

    value: float
    floor: float | None  # the highest threshold the value reaches
    ceiling: float | None  # the lowest threshold above the value

    @property
    def above(self) -> float | None:
        return None if self.floor is None else self.value - self.floor

    @property
    def short(self) -> float | None:
        return None if self.ceiling is None else self.ceiling - self.value


@dataclass(frozen=True)
class Standing:
    """One rated source against the rules: its margins and what would change its grade."""

    source_id: str
    grade: str
    allowed: list[str]
    points: Margin
    accuracy: Margin | None  # None while too few claims are checked to judge
    checked: int
    worse_to_fall: int | None  # more worst-scored verdicts until the grade stops holding
    better_to_fall: int | None  # more best-scored verdicts until it stops holding
    points_to_fall: float | None  # points lost (−) or gained (+) until it stops holding


def margin(value: float, thresholds: tuple[float, ...]) -> Margin:
    """Where ``value`` stands between the sorted ``thresholds``."""
    floor = max((t for t in thresholds if value >= t), default=None)
    ceiling = min((t for t in thresholds if value < t), default=None)
    return Margin(value, floor, ceiling)


def _with(accuracy: Accuracy, score: float, n: int) -> Accuracy:
    return Accuracy(accuracy.counts, accuracy.checked + n, accuracy.total + score * n)


def verdicts_until(grade: str, points: float, accuracy: Accuracy, score: float) -> int | None:
    """How many more verdicts scored ``score`` make ``grade``'s rule stop holding (None:
    it does not hold now, or still holds after ``SEARCH_LIMIT`` of them).

    The rule can only change where one of its conditions does, so only those counts are
    tried. Each condition tests the number checked or the accuracy against a threshold;
    verdicts of one score raise the number and move the (rounded) accuracy steadily toward
    that score, so a condition changes at most once before the accuracy is judged (at
    ``MIN_CHECKED``) and once after, each change found by bisection: a 1,000-source site
    asked 400,000 questions of the rule counting up (:func:`verdicts_until_stepwise`, the
    reference the tests hold this to)."""
    rule = RULES[grade]
    if not rule.holds(evidence_of(points, accuracy)):
        return None

    def moved(n: int) -> Evidence:
        return evidence_of(points, _with(accuracy, score, n))

    judged = max(1, MIN_CHECKED - accuracy.checked)  # the first count with an accuracy
    tried = {1, judged}
    for condition in rule.conditions:
        for low, high in ((1, judged - 1), (judged, SEARCH_LIMIT)):
            tried.update(_change(condition.test, moved, low, high))
    return next((n for n in sorted(tried) if n <= SEARCH_LIMIT and not rule.holds(moved(n))), None)


def _change(
    test: Callable[[Evidence], bool], moved: Callable[[int], Evidence], low: int, high: int
) -> list[int]:
    """The first count in ``low..high`` where ``test`` of the evidence ``moved`` by it,
    steady over that range, differs from its value at ``low`` (none when it does not)."""
    first = test(moved(low))
    if high <= low or test(moved(high)) == first:
        return []
    while high - low > 1:
        mid = (low + high) // 2
        if test(moved(mid)) == first:
            low = mid
        else:
            high = mid
    return [high]


def verdicts_until_stepwise(
    grade: str, points: float, accuracy: Accuracy, score: float
) -> int | None:
    """:func:`verdicts_until` by counting up one verdict at a time (the reference)."""
    rule = RULES[grade]
    if not rule.holds(evidence_of(points, accuracy)):
        return None
    for n in range(1, SEARCH_LIMIT + 1):
        if not rule.holds(evidence_of(points, _with(accuracy, score, n))):
            return n
    return None


def points_until(grade: str, points: float, accuracy: Accuracy) -> float | None:
    """The smallest change of the criterion points, in half points, that makes ``grade``'s
    rule stop holding (negative: a loss), or None when no change within 0–MAX_POINTS does."""
    rule = RULES[grade]
    if not rule.holds(evidence_of(points, accuracy)):
        return None
    steps = int(MAX_POINTS / POINT_STEP)
    for k in range(1, steps + 1):
        for delta in (-k * POINT_STEP, k * POINT_STEP):
            moved = points + delta
            evidence = Evidence(moved, accuracy.checked, accuracy.value)
            if 0 <= moved <= MAX_POINTS and not rule.holds(evidence):
                return delta
    return None


def standing(rating: Rating) -> Standing:
    """A rated source's margins; the rating must be complete (every criterion answered)."""
    evidence = evidence_of(rating.points, rating.accuracy)
    value = rating.accuracy.value
    return Standing(
        source_id=rating.source_id,
        grade=rating.grade,
        allowed=allowed_grades(evidence),
        points=margin(rating.points, POINTS_THRESHOLDS),
        accuracy=None if value is None else margin(value, ACCURACY_THRESHOLDS),
        checked=rating.accuracy.checked,
        worse_to_fall=verdicts_until(rating.grade, rating.points, rating.accuracy, WORST),
        better_to_fall=verdicts_until(rating.grade, rating.points, rating.accuracy, BEST),
        points_to_fall=points_until(rating.grade, rating.points, rating.accuracy),
    )


def describe_margin(m: Margin, digits: int) -> str:
    """“0.75: at its threshold 0.75 exactly; 0.15 short of 0.90” — the page's words."""
    fmt = f"{{:.{digits}f}}"
    parts = []
    if m.floor is not None and m.above is not None:
        if round(m.above, digits) == 0:
            parts.append(f"exactly at the threshold {fmt.format(m.floor)}")
        else:
            parts.append(f"{fmt.format(m.above)} above {fmt.format(m.floor)}")
    else:
        parts.append("below every threshold")
    if m.ceiling is not None and m.short is not None:
        parts.append(f"{fmt.format(m.short)} short of {fmt.format(m.ceiling)}")
    return f"{fmt.format(m.value)}: " + "; ".join(parts)


def describe_fall(s: Standing) -> str:
    """What would make the given grade stop holding, in the units an editor changes."""
    ways = []
    if s.worse_to_fall is not None:
        ways.append(f"{s.worse_to_fall} more “{WORST_LABEL}” verdict{_s(s.worse_to_fall)}")
    if s.better_to_fall is not None:
        ways.append(f"{s.better_to_fall} more “{BEST_LABEL}” verdict{_s(s.better_to_fall)}")
    if s.points_to_fall is not None:
        change = "fewer" if s.points_to_fall < 0 else "more"
        ways.append(
            f"{abs(s.points_to_fall):g} criterion point{_s(abs(s.points_to_fall))} {change}"
        )
    if s.grade not in s.allowed:
        return f"{s.grade} does not hold: the criteria allow {', '.join(s.allowed)}"
    if not ways:
        return (
            f"{s.grade} holds under any one change: more verdicts at either end of the scale, "
            "or other criterion points"
        )
    return f"{s.grade} stops holding with " + ", or ".join(ways)


def _s(n: float) -> str:
    return "" if n == 1 else "s"
