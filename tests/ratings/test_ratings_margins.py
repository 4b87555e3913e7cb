"""Each source's margins to the grade thresholds, as the methodology page states them.

The numbers are checked against the rule itself: a stated "N more inaccurate verdicts" must
be exactly the first N that makes the grade's condition fail, and the page must carry the
real corpus's figures (Hahn's B sits exactly on both of B's thresholds).
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.core.urls import SiteUrls
from annotated_reader.core.vocabulary.verdicts import VERDICTS
from annotated_reader.ratings.margins import (
    BEST,
    WORST,
    describe_fall,
    describe_margin,
    margin,
    points_until,
    standing,
    verdicts_until,
    verdicts_until_stepwise,
)
from annotated_reader.ratings.rule import RULES, Accuracy, accuracy_of, evidence_of
from annotated_reader.render.site import SiteBuilder
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("value", "floor", "ceiling"),
    [
        (0.75, 0.75, 0.9),
        (0.74, 0.5, 0.75),
        (0.2, None, 0.5),
        (0.95, 0.9, None),
    ],
)
def test_margin_names_the_threshold_cleared_and_the_next(
    value: float, floor: float | None, ceiling: float | None
) -> None:
    m = margin(value, (0.5, 0.75, 0.9))
    assert (m.floor, m.ceiling) == (floor, ceiling)


def test_margin_words() -> None:
    assert describe_margin(margin(0.75, (0.5, 0.75, 0.9)), 2) == (
        "0.75: exactly at the threshold 0.75; 0.15 short of 0.90"
    )
    assert describe_margin(margin(0.81, (0.5, 0.75, 0.9)), 2) == (
        "0.81: 0.06 above 0.75; 0.09 short of 0.90"
    )
    assert describe_margin(margin(1.0, (2.5, 4.0)), 1) == (
        "1.0: below every threshold; 1.5 short of 2.5"
    )


def _accuracy(verdicts: list[str]) -> Accuracy:
    return accuracy_of(verdicts)


@pytest.mark.parametrize(
    ("grade", "points", "verdicts", "score"),
    [
        ("B", 2.5, ["mostly-accurate"] * 4, WORST),  # 0.75: the first inaccurate one tips it
        ("B", 3.0, ["accurate"] * 6, WORST),  # 1.0: needs a few
        ("A", 5.0, ["accurate"] * 10, WORST),
        ("C", 1.5, ["accurate"] * 7 + ["inaccurate"] * 3, WORST),
        ("F", 2.0, ["accurate"], BEST),  # F stands while fewer than 3 are checked
        ("E", 3.0, ["inaccurate"] * 4, BEST),  # E on accuracy alone: lifted out of it
    ],
)
def test_verdicts_until_is_the_first_count_that_breaks_the_rule(
    grade: str, points: float, verdicts: list[str], score: float
) -> None:
    accuracy = _accuracy(verdicts)
    n = verdicts_until(grade, points, accuracy, score)
    assert n is not None
    rule = RULES[grade]

    def after(k: int) -> bool:
        moved = Accuracy(accuracy.counts, accuracy.checked + k, accuracy.total + score * k)
        return rule.holds(evidence_of(points, moved))

    assert all(after(k) for k in range(n)), "it broke earlier than stated"
    assert not after(n)


_SCORED = sorted(v for v, verdict in VERDICTS.items() if verdict.score is not None)


@settings(max_examples=3000, deadline=None)
@given(
    grade=st.sampled_from(sorted(RULES)),
    half_points=st.integers(0, 10),
    verdicts=st.lists(st.sampled_from(_SCORED), max_size=40),
    score=st.sampled_from([WORST, BEST]),
)
def test_verdicts_until_tries_only_where_a_condition_changes(
    grade: str, half_points: int, verdicts: list[str], score: float
) -> None:
    """The bisected count is the one found by counting up, for every grade, points,
    verdicts (none, too few to judge, many) and both directions."""
    accuracy = _accuracy(verdicts)
    points = half_points / 2
    assert verdicts_until(grade, points, accuracy, score) == verdicts_until_stepwise(
        grade, points, accuracy, score
    )


def test_a_grade_that_does_not_hold_has_no_margin() -> None:
    accuracy = _accuracy(["inaccurate"] * 5)
    assert verdicts_until("A", 5.0, accuracy, WORST) is None
    assert points_until("A", 5.0, accuracy) is None


def test_points_until_is_the_smallest_change_either_way() -> None:
    accuracy = _accuracy(["accurate"] * 10)
    assert points_until("B", 2.5, accuracy) == -0.5  # at B's floor: half a point less
    assert points_until("B", 3.5, accuracy) == -1.5
    assert points_until("C", 3.5, accuracy) is None  # accurate enough: C holds at any points
    assert points_until("E", 2.0, _accuracy(["accurate"] * 5 + ["inaccurate"] * 5)) == 0.5


def test_the_real_corpus_standings_match_the_rule() -> None:
    corpus, problems = load_corpus(Paths(ROOT))
    ratings = corpus.feature("ratings").ratings  # type: ignore[attr-defined]
    hahn = standing(ratings["hahn-belarus-option"])
    rating = ratings["hahn-belarus-option"]
    evidence = evidence_of(rating.points, rating.accuracy)
    assert hahn.grade in hahn.allowed and RULES[hahn.grade].holds(evidence)
    for s in (standing(r) for r in ratings.values()):
        assert s.grade in s.allowed, f"{s.source_id}: the grade must be recomputed and hold"
        assert describe_fall(s).startswith(s.grade)


def _methodology(root: Path) -> str:
    corpus, problems = load_corpus(Paths(root))
    html = SiteBuilder(corpus, SiteUrls()).render_page(
        "ratings/methodology.md", "ratings/methodology/"
    )
    assert html is not None
    return html


def test_methodology_page_states_each_sources_margins() -> None:
    html = _methodology(ROOT)
    corpus, _ = load_corpus(Paths(ROOT))
    ratings = corpus.feature("ratings").ratings  # type: ignore[attr-defined]
    table = html[html.index('id="standings"') :]
    rows = re.findall(r'<tr id="standing-([a-z0-9-]+)">(.*?)</tr>', table, re.S)
    assert sorted(r[0] for r in rows) == sorted(ratings)
    for source_id, row in rows:
        s = standing(ratings[source_id])
        text = unescape(re.sub(r"<[^>]+>", " ", row))
        assert describe_margin(s.points, 1) in text
        assert describe_fall(s) in text
        assert ", ".join(s.allowed) in text
        assert f'href="../#{source_id}"' in row, "each row links to the source's rationale"
    hahn = unescape(dict(rows)["hahn-belarus-option"])
    assert "0.75: exactly at the threshold 0.75" in hahn
    assert "1 more “inaccurate” verdict" in hahn
