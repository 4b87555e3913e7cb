"""Every class of bad editorial input, through the commands an editor runs.

Each case breaks a fresh copy of the mini project in one way (tables in ``cases_*.py``).
``annotated-reader check`` must exit non-zero and report exactly that problem, once, at
its ``path:line:col`` with a message saying what is wrong and how to fix it, and nothing
else; ``mkdocs build --strict`` must fail with the same line; no output may hold a
traceback; and a plain ``mkdocs build`` must still publish every note the break did not
touch.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .breakage import MINI_NOTES, TAIL, Case
from .cases_features import CASES as FEATURE_CASES
from .cases_files import CASES as FILE_CASES
from .cases_notes import CASES as NOTE_CASES
from .runs import files_containing, problems, published_notes, run_all

CASES = FILE_CASES + NOTE_CASES + FEATURE_CASES


def test_the_table_covers_enough_classes() -> None:
    names = [c.name for c in CASES]
    assert len(set(names)) == len(names), "case names must be unique"
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_input_is_reported_at_its_place(case: Case, fresh_mini: Path) -> None:
    case.breaks(fresh_mini)
    runs = run_all(fresh_mini, strict_check="warning" in case.severity)
    for run in runs.values():
        assert "Traceback" not in run.output, f"{run.name}:\n{run.output[-3000:]}"
    expected = re.compile(
        rf"{re.escape(case.at)}: (?:{case.severity}): \[(?:{case.code})\] (?:{case.message})"
    )

    if case.check:
        check = runs["check"]
        assert check.returncode != 0, check.output
        found = problems(check.stdout)
        hits = [ln for ln in found if expected.match(ln)]
        assert len(hits) == 1, f"expected one line like {expected.pattern!r}; got:\n" + "\n".join(
            found
        )
        others = [ln for ln in found if ln not in hits]
        others = [ln for ln in others if not any(re.match(a, ln) for a in case.also)]
        assert others == [], "other problems reported too:\n" + "\n".join(others)

    strict = runs["strict"]
    assert strict.returncode != 0, strict.output
    assert expected.search(strict.stderr), (
        f"not in the strict build's output:\n{strict.stderr[-3000:]}"
    )

    if case.publishes:
        lenient = runs["lenient"]
        assert (fresh_mini / "site" / "index.html").is_file(), lenient.output[-3000:]
        kept = set(MINI_NOTES) | ({"o-ok"} if (fresh_mini / TAIL).exists() else set())
        missing = kept - set(case.lost) - published_notes(fresh_mini / "site")
        assert not missing, f"notes lost besides the broken one: {sorted(missing)}"

    if case.secret:
        for run in runs.values():
            assert case.secret not in run.output, run.name
        for site in ("site", "site-strict"):
            folder = fresh_mini / site
            assert not folder.exists() or files_containing(folder, case.secret) == []
