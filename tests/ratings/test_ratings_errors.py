"""Every ratings error and the consistency warning, through the real ``annotated-reader check``.

Each case edits a temporary copy of the mini fixture in one way and expects the problem at
the exact ``path:line:col`` of the YAML node, a message that says how to fix it, exit
status 1 (0 for a warning without --strict) and no traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.project import build, check

SRC = "annotations/sources/sample.yml"

# A complete rating block, for tests (here and elsewhere) that write a source file of their own.
FACT_CHECK_REVIEWED = '      - {title: "Union State", url: "https://en.wikipedia.org/wiki/Union_State"}\n    reviewed: "2026-11-22"\n'


def position(text: str, needle: str) -> str:
    """``line:col`` of the first occurrence of ``needle`` (both counted from 1)."""
    at = text.index(needle)
    return f"{text.count(chr(10), 0, at) + 1}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


def rating_block(text: str) -> str:
    start = text.index("rating:\n")
    return text[start : text.index("annotations:\n", start)]


# case: (old, new, needle marking the reported node (None: 1:1), code, message fragments)
CASES: dict[str, tuple[str, str, str | None, str, tuple[str, ...]]] = {
    "unknown-grade": (
        "  grade: C\n",
        "  grade: G\n",
        "G\n",
        "rating.unknown-grade",
        ("unknown grade 'G'", "use one of: A, B, C, D, E, F"),
    ),
    "unknown-criterion": (
        "    named-author: {met: no",
        "    named-autor: {met: no",
        '{met: no, evidence: "No byline."}',
        "rating.unknown-criterion",
        ("unknown criterion 'named-autor'", "did you mean 'named-author'?"),
    ),
    "computed-criterion-typed-in": (
        "    clean-text: {met: no",
        '    accurate-claims: {met: yes, evidence: "All true."}\n    clean-text: {met: no',
        '{met: yes, evidence: "All true."}',
        "rating.computed-criterion",
        ("'accurate-claims' is computed from this source's fact-check verdicts", "remove it"),
    ),
    "met-not-yes-partly-no": (
        '{met: partly, evidence: "One treaty',
        '{met: maybe, evidence: "One treaty',
        "maybe",
        "rating.bad-met",
        ("met 'maybe' in criterion 'cites-sources' must be yes, partly, no or not-judged",),
    ),
    "not-judged-under-a-grade": (
        "named-author: {met: no,",
        "named-author: {met: not-judged,",
        "{met: not-judged",
        "rating.not-judged",
        ("grade C rests on criteria not yet judged (named-author)", "give grade F"),
    ),
    "met-missing": (
        '{met: yes, evidence: "Plain reporting throughout."}',
        '{evidence: "Plain reporting throughout."}',
        '{evidence: "Plain',
        "rating.missing-field",
        ("criterion 'separates-opinion' has no 'met'", "yes, partly, no or not-judged"),
    ),
    "evidence-missing": (
        '{met: yes, evidence: "Plain reporting throughout."}',
        "{met: yes}",
        "{met: yes}",
        "rating.missing-field",
        ("criterion 'separates-opinion' has no 'evidence'", "one line of evidence"),
    ),
    "evidence-empty": (
        'evidence: "No byline."',
        'evidence: ""',
        '""',
        "rating.empty",
        ("'evidence' in criterion 'named-author' is empty",),
    ),
    "criterion-left-out": (
        '    clean-text: {met: no, evidence: "A comment form was captured with the text."}\n',
        "",
        "named-author:",
        "rating.missing-criterion",
        ("the rating has no criterion 'clean-text'", "add clean-text: {met: yes | partly | no"),
    ),
    "rationale-missing": (
        "  rationale: |\n    A short fixture text; its one checked claim is [[s-inner]].\n",
        "",
        "grade: C",
        "rating.missing-field",
        ("the rating has no 'rationale'", "explain the grade"),
    ),
    "rationale-links-nowhere": (
        "[[s-inner]].",
        "[[s-nowhere]].",
        "[[s-nowhere]]",
        "xref.unknown",
        ("rationale links to unknown note 's-nowhere'",),
    ),
    "reviewed-not-a-day": (
        '  reviewed: "2026-11-22"\nannotations:',
        '  reviewed: "22 November 2026"\nannotations:',
        '"22 November 2026"',
        "rating.bad-reviewed",
        ('must be a day written "YYYY-MM-DD"',),
    ),
    "unknown-rating-field": (
        "  grade: C\n",
        "  grade: C\n  score: 7\n",
        "  score: 7",
        "rating.unknown-field",
        ("unknown field 'score' in the rating",),
    ),
    "source-without-rating": (
        "__RATING__",
        "",
        None,
        "rating.missing",
        ("source 'sample' has no rating", "add a 'rating:' block"),
    ),
    "fact-check-without-reviewed": (
        FACT_CHECK_REVIEWED,
        FACT_CHECK_REVIEWED.replace('    reviewed: "2026-11-22"\n', ""),
        "id: s-inner",
        "claimreview.missing-reviewed",
        ("fact-check 's-inner' has no 'reviewed' date", "published as the fact-check's date"),
    ),
    "fact-check-unknown-verdict": (
        "    verdict: accurate\n",
        "    verdict: acurate\n",
        "acurate",
        "annotation.unknown-verdict",
        ("unknown verdict 'acurate'", "did you mean 'accurate'?"),
    ),
    "fact-check-without-references": (
        "    references:\n" + FACT_CHECK_REVIEWED,
        '    reviewed: "2026-11-22"\n',
        "id: s-inner",
        "annotation.missing-field",
        ("has no 'references'", "at least one public reference"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_ratings_error_is_reported_at_its_node(case: str, mini: Path) -> None:
    old, new, needle, code, fragments = CASES[case]
    path = mini / SRC
    text = path.read_text(encoding="utf-8")
    if old == "__RATING__":
        old = rating_block(text)
    assert old in text, f"fixture changed: {old!r} not found"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    result = check(mini)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" not in out
    lines = [ln for ln in result.stdout.splitlines() if f"[{code}]" in ln]
    assert lines, result.stdout
    where = position(text, needle) if needle else "1:1"
    line = next((ln for ln in lines if ln.startswith(f"{SRC}:{where}: error: ")), None)
    assert line is not None, (where, lines)
    for fragment in fragments:
        assert fragment in line, (fragment, line)


def test_every_ratings_problem_is_collected_in_one_run(mini: Path) -> None:
    path = mini / SRC
    text = path.read_text(encoding="utf-8")
    for old, new in (
        ("  grade: C\n", "  grade: Z\n"),
        ('{met: partly, evidence: "One treaty', '{met: sometimes, evidence: "One treaty'),
        ("    named-author: {met: no", "    author-named: {met: no"),
    ):
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    result = check(mini)
    codes = {ln.split("[")[1].split("]")[0] for ln in result.stdout.splitlines() if "[" in ln}
    assert {
        "rating.unknown-grade",
        "rating.bad-met",
        "rating.unknown-criterion",
        "rating.missing-criterion",
    } <= codes


def test_bare_yes_and_no_read_as_answers(mini: Path) -> None:
    """YAML 1.1 turns a bare yes / no into true / false; both spellings are accepted."""
    path = mini / SRC
    text = path.read_text(encoding="utf-8").replace("{met: yes,", '{met: "yes",', 1)
    path.write_text(text.replace("{met: no,", "{met: false,", 1), encoding="utf-8")
    result = check(mini)
    assert result.returncode == 0, result.stdout


def test_not_judged_criteria_stand_under_grade_f(mini: Path) -> None:
    """A new source's skeleton answers ``not-judged``, not a guess: valid under grade F only,
    and the comparison page says so rather than scoring the unanswered criteria as unmet."""
    path = mini / SRC
    text = path.read_text(encoding="utf-8").replace("  grade: C\n", "  grade: F\n", 1)
    path.write_text(text.replace("{met: no,", "{met: not-judged,"), encoding="utf-8")
    result = check(mini, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert build(mini).returncode == 0
    page = (mini / "site" / "ratings" / "index.html").read_text(encoding="utf-8")
    assert "incomplete" in page  # no points counted from unanswered criteria
    assert page.count("ar-met-not-judged") > 2  # the computed criterion alone has 2


@pytest.mark.parametrize(("grade", "allowed"), [("A", "C, D, E, F"), ("B", "C, D, E, F")])
def test_grade_contradicting_the_criteria_warns_and_fails_strict(
    grade: str, allowed: str, mini: Path
) -> None:
    path = mini / SRC
    text = path.read_text(encoding="utf-8").replace("  grade: C\n", f"  grade: {grade}\n", 1)
    path.write_text(text, encoding="utf-8")
    where = position(text, "  grade: ").split(":")[0] + ":10"
    relaxed = check(mini)
    assert relaxed.returncode == 0, relaxed.stdout
    warning = next(ln for ln in relaxed.stdout.splitlines() if "[rating.inconsistent]" in ln)
    assert warning.startswith(f"{SRC}:{where}: warning: [rating.inconsistent] grade {grade} ")
    assert f"the criteria allow {allowed}" in warning
    assert check(mini, "--strict").returncode == 1
    built = build(mini)
    assert built.returncode != 0
    assert "[rating.inconsistent]" in built.stderr and "Traceback" not in built.stderr
