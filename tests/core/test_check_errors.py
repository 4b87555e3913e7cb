"""Every error class the loader knows, through the real ``annotated-reader check`` command.

Each case breaks the mini project in one way and expects the exact ``path:line:col`` and
code, a message saying how to fix it, exit status 1, and no traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.project import build, check
from helpers.ratings import RATING

SRC = "annotations/sources/sample.yml"
HEADER = """seed: sample.txt
metadata:
  title: {value: "A sample source", basis: "Fixture."}
  author: {value: null, basis: "No byline."}
  outlet: {value: "Fixture Weekly", basis: "Fixture."}
  published: {value: "2022-10", basis: "Fixture."}
  kind: {value: news, basis: "Fixture."}
  language: {value: en, basis: "Fixture."}
  url: {value: "https://example.org/sample", basis: "Fixture."}
annotations:
"""
NOTE = """  - id: {id}
    kind: context
    quote: {{exact: "{quote}"}}
    body: "A note."
"""


def note(ident: str = "n1", quote: str = "Union Headline") -> str:
    return NOTE.format(id=ident, quote=quote)


CASES = {
    "yaml-syntax": (HEADER + "  - id: n1\n    kind: [context\n", "13:1", "yaml.syntax"),
    "duplicate-key": (HEADER + note() + "    kind: framing\n", "15:5", "yaml.duplicate-key"),
    "unknown-kind": (
        HEADER + note().replace("kind: context", "kind: factcheck"),
        "12:11",
        "annotation.unknown-kind",
    ),
    "missing-body": (
        HEADER + note().replace('    body: "A note."\n', ""),
        "11:5",
        "annotation.missing-field",
    ),
    "unknown-field": (HEADER + note() + "    bodyy: x\n", "15:1", "annotation.unknown-field"),
    "duplicate-id": (
        HEADER + note("n1") + note("n1", "Second item"),
        "15:5",
        "annotation.duplicate-id",
    ),
    "bad-id": (HEADER + note("N 1"), "11:9", "annotation.bad-id"),
    "unknown-seed": (HEADER.replace("sample.txt", "nope.txt"), "1:7", "source.unknown-seed"),
    "fact-check-without-verdict-or-reference": (
        HEADER + note().replace("kind: context", "kind: fact-check"),
        "11:5",
        "annotation.missing-field",
    ),
    "bad-verdict": (
        HEADER
        + note().replace("kind: context", "kind: fact-check")
        + "    verdict: true-ish\n    references: [{title: T, url: 'https://example.org/t'}]\n",
        "15:14",
        "annotation.unknown-verdict",
    ),
    "bad-reference-url": (
        HEADER + note() + "    references: [{title: T, url: 'javascript:alert(1)'}]\n",
        "15:18",
        "reference.bad-url",
    ),
    "quote-missing": (HEADER + note(quote="Union Headlines here"), "11:5", "anchor.missing"),
    "quote-ambiguous": (HEADER + note(quote="founded in 1996"), "11:5", "anchor.ambiguous"),
    "unknown-cross-reference": (
        HEADER + note().replace('"A note."', '"See [[nope]]."'),
        "14:16",
        "xref.unknown",
    ),
    "impossible-date": (
        HEADER.replace('"2022-10"', '"2022-02-30"'),
        "6:14",
        "metadata.bad-date",
    ),
    "bad-metadata-kind": (
        HEADER.replace("kind: {value: news", "kind: {value: newz"),
        "7:17",
        "metadata.unknown-value",
    ),
    "date-without-event": (HEADER + note() + '    date: "1999"\n', "11:5", "annotation.event-date"),
    "not-a-mapping": ("- just\n- a list\n", "1:1", "source.type"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_error_is_reported_at_its_line(case: str, mini: Path) -> None:
    text, position, code = CASES[case]
    (mini / SRC).write_text(text, encoding="utf-8")
    result = check(mini)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = [ln for ln in result.stdout.splitlines() if f"[{code}]" in ln]
    assert lines, result.stdout
    assert any(ln.startswith(f"{SRC}:{position}") for ln in lines), lines
    assert all(": error: " in ln for ln in lines)
    if case == "yaml-syntax":
        assert "it started at line 12" in lines[0]


def test_every_problem_is_collected_in_one_run(mini: Path) -> None:
    text = HEADER + note("n1", "nope nope") + note("n1") + note("n3").replace("context", "bogus")
    (mini / SRC).write_text(text, encoding="utf-8")
    result = check(mini)
    codes = {ln.split("[")[1].split("]")[0] for ln in result.stdout.splitlines() if "[" in ln}
    assert {"anchor.missing", "annotation.duplicate-id", "annotation.unknown-kind"} <= codes


def test_json_format_and_github_annotations(mini: Path) -> None:
    (mini / SRC).write_text(HEADER + note(quote="founded in 1996") + RATING, encoding="utf-8")
    result = check(mini, "--format", "json")
    data = json.loads(result.stdout)
    assert (
        data[0]["path"] == SRC and data[0]["line"] == 11 and data[0]["code"] == "anchor.ambiguous"
    )
    from helpers.project import BIN, run

    gha = run([str(BIN / "annotated-reader"), "check"], mini, env={"GITHUB_ACTIONS": "true"})
    assert f"::error file={SRC},line=11,col=5::[anchor.ambiguous]" in gha.stdout


def test_clean_project_exits_zero(mini: Path) -> None:
    result = check(mini)
    assert result.returncode == 0, result.stdout
    assert "0 error(s), 0 warning(s)" in result.stderr


def test_warning_only_fails_with_strict(mini: Path) -> None:
    (mini / "seeds" / "extra.txt").write_text("Unpublished text.\n", encoding="utf-8")
    assert check(mini).returncode == 0
    strict = check(mini, "--strict")
    assert strict.returncode == 1 and "[seed.unused]" in strict.stdout


def test_strict_build_fails_on_editorial_errors_without_traceback(mini: Path) -> None:
    (mini / SRC).write_text(HEADER + note(quote="founded in 1996"), encoding="utf-8")
    result = build(mini)
    assert result.returncode != 0
    assert f"{SRC}:11:5: error: [anchor.ambiguous]" in result.stderr
    assert "Traceback" not in result.stderr
