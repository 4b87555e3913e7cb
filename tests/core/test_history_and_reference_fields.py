"""A note's review history and a reference's publisher and date: read, and refused when wrong.

Through the real ``annotated-reader check``: each broken field is an error at its
``path:line:col`` with the fix, and a well-formed one loads with no problem.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from core.test_check_errors import HEADER, SRC
from helpers.project import check
from helpers.ratings import RATING

CHECK = """  - id: n1
    kind: fact-check
    quote: {exact: "Union Headline"}
    verdict: accurate
    body: "A note."
    references:
      - title: "Treaty text"
        url: "https://example.org/treaty"
        publisher: "United Nations"
        date: "1999-12-13"
    reviewed: "2026-12-03"
    history:
      - {day: "2026-11-22", what: "Written."}
      - {day: "2026-12-03", what: "Verdict misleading → accurate: the rubric."}
"""

BROKEN = {
    "reference date": (
        'date: "1999-12-13"',
        'date: "13 December 1999"',
        "20:15",
        "reference.bad-date",
    ),
    "reference field": ("publisher:", "publsher:", "19:1", "reference.unknown-field"),
    "history day": ('day: "2026-11-22"', 'day: "22.11.2026"', "23:9", "history.bad-day"),
    "history after review": (
        'reviewed: "2026-12-03"',
        'reviewed: "2026-12-01"',
        "24:9",
        "history.after-reviewed",
    ),
    "history without what": (', what: "Written."', "", "23:9", "history.missing-field"),
}


def test_publisher_date_and_history_load(mini: Path) -> None:
    (mini / SRC).write_text(HEADER + CHECK + RATING, encoding="utf-8")
    result = check(mini)
    assert result.returncode == 0, result.stdout
    corpus, _ = load_corpus(Paths(mini))
    ann = next(a for s in corpus.sources for a in s.annotations if a.id == "n1")
    assert (ann.references[0].publisher, ann.references[0].date) == ("United Nations", "1999-12-13")
    assert [(c.day, c.what) for c in ann.history] == [
        ("2026-11-22", "Written."),
        ("2026-12-03", "Verdict misleading → accurate: the rubric."),
    ]


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_field_is_an_error_at_its_line(case: str, mini: Path) -> None:
    old, new, position, code = BROKEN[case]
    assert old in CHECK
    (mini / SRC).write_text(HEADER + CHECK.replace(old, new, 1) + RATING, encoding="utf-8")
    result = check(mini)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    lines = [ln for ln in result.stdout.splitlines() if f"[{code}]" in ln]
    print(lines)
    assert any(ln.startswith(f"{SRC}:{position}: error:") for ln in lines), result.stdout
