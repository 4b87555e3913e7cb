"""The consistency rule between a grade and its evidence, and the computed accuracy.

Table-driven in both directions: grades the evidence supports pass, grades it contradicts
are refused with a message naming the grades it allows. The methodology page must state
exactly the conditions the check applies.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.core.urls import SiteUrls
from annotated_reader.core.vocabulary.verdicts import VERDICTS
from annotated_reader.ratings.admiralty import GRADES, MET
from annotated_reader.ratings.rule import (
    MIN_CHECKED,
    RULES,
    Evidence,
    accuracy_of,
    allowed_grades,
    inconsistency,
)
from annotated_reader.render.site import SiteBuilder

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "mini"

# (criterion points of 5, claims checked, accuracy or None, grade, consistent?)
CASES = [
    (5.0, 10, 1.0, "A", True),
    (4.0, 10, 0.9, "A", True),
    (3.5, 10, 0.95, "A", False),  # criteria not nearly all met
    (5.0, 10, 0.85, "A", False),  # accuracy below 0.90
    (5.0, 2, None, "A", False),  # too few claims checked to know
    (2.5, 21, 0.75, "B", True),  # on average "mostly accurate", half the criteria
    (2.0, 21, 0.75, "B", False),
    (5.0, 20, 0.74, "B", False),
    (5.0, 2, None, "B", False),
    (1.5, 18, 0.69, "C", True),
    (0.0, 0, None, "C", True),  # nothing checked: C is still open to judgement
    (5.0, 10, 0.45, "C", False),  # mostly inaccurate: not above D
    (5.0, 10, 0.45, "B", False),
    (5.0, 10, 0.45, "A", False),
    (5.0, 10, 0.45, "D", True),
    (1.0, 28, 0.79, "D", True),
    (4.0, 10, 0.8, "D", False),  # accurate and nearly all criteria met: at least C
    (4.0, 10, 0.8, "C", True),
    (4.0, 10, 0.8, "E", False),  # ... and certainly not unreliable
    (0.5, 13, 0.23, "E", True),
    (3.0, 10, 0.6, "E", False),  # E needs evidence against the source
    (2.0, 10, 0.6, "E", True),
    (0.0, 0, None, "E", True),
    (3.0, 0, None, "E", False),
    (5.0, 2, None, "F", True),
    (0.0, 0, None, "F", True),
    (5.0, 3, 0.9, "F", False),  # enough checked: it can be judged
]


@pytest.mark.parametrize(("points", "checked", "accuracy", "grade", "consistent"), CASES)
def test_grade_against_evidence(
    points: float, checked: int, accuracy: float | None, grade: str, consistent: bool
) -> None:
    evidence = Evidence(points, checked, accuracy)
    message = inconsistency(grade, evidence)
    assert (message is None) is consistent, message
    assert (grade in allowed_grades(evidence)) is consistent
    if message:
        assert message.startswith(f"grade {grade} ({GRADES[grade].label.lower()}) contradicts")
        assert f"the criteria allow {', '.join(allowed_grades(evidence))}" in message
        assert evidence.describe() in message


def test_every_evidence_allows_some_grade() -> None:
    points = [p / 2 for p in range(11)]
    accuracies: list[float | None] = [None] + [a / 20 for a in range(21)]
    for p, acc in itertools.product(points, accuracies):
        checked = MIN_CHECKED - 1 if acc is None else MIN_CHECKED
        assert allowed_grades(Evidence(p, checked, acc)), (p, acc)


def test_accuracy_counts_only_verdicts_that_judge_accuracy() -> None:
    acc = accuracy_of(
        ["accurate", "mostly-accurate", "misleading", "inaccurate", "unverifiable", "opinion"]
    )
    assert acc.checked == 4
    assert acc.value == round((1.0 + 0.75 + 0.25 + 0.0) / 4, 4)
    assert acc.counts == dict.fromkeys(VERDICTS, 1)
    assert acc.met() is MET["partly"]
    assert "not counted: 1 unverifiable, 1 opinion" in acc.evidence()


@pytest.mark.parametrize(
    ("verdicts", "met", "value"),
    [
        (["accurate"] * 3, "yes", 1.0),
        (["mostly-accurate"] * 3, "yes", 0.75),
        (["accurate", "misleading", "misleading"], "partly", 0.5),
        (["accurate", "inaccurate", "misleading"], "no", 0.4167),
        (["accurate", "accurate"], "not-judged", None),
        (["accurate", "accurate", "opinion", "unverifiable"], "not-judged", None),
        ([], "not-judged", None),
    ],
)
def test_accuracy_criterion_thresholds(verdicts: list[str], met: str, value: float | None) -> None:
    acc = accuracy_of(verdicts)
    assert acc.value == value
    assert acc.met().id == met
    if value is None:
        assert f"at least {MIN_CHECKED} are needed" in acc.evidence()
    else:
        assert acc.evidence().startswith(f"Accuracy {value:.2f} over {acc.checked} checked")


def test_methodology_states_the_rule_the_check_applies() -> None:
    corpus, problems = load_corpus(Paths(FIXTURE))
    assert not problems, [str(p) for p in problems.items]
    html = SiteBuilder(corpus, SiteUrls()).render_page(
        "ratings/methodology.md", "ratings/methodology/"
    )
    assert html is not None
    for grade, rule in RULES.items():
        stated = f"<strong>{grade} ({GRADES[grade].label.lower()})</strong> needs {rule.text()}."
        assert stated in html
    for verdict in VERDICTS.values():
        assert f'id="verdict-{verdict.id}"' in html
        assert verdict.definition in html
        # Its glyph is drawn beside the label by the generated glyph style sheet.
        assert f'<span class="ar-verdict ar-v-{verdict.id}">{verdict.label}</span>' in html
    for grade in GRADES.values():
        assert grade.definition in html
    for name in ("STANAG 2511", "AJP-2.1", "FM 2-22.3", "accurate-claims"):
        assert name in html
