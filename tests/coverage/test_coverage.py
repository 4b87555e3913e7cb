"""Editorial coverage through the real command, and the loader gaps it must not hide."""

from __future__ import annotations

from pathlib import Path

from annotated_reader.coverage.feature import sentences
from helpers.project import BIN, check, run

SRC = "annotations/sources/sample.yml"


def coverage(project: Path, *extra: str) -> tuple[int, str, str]:
    result = run([str(BIN / "annotated-reader"), "coverage", *extra], project)
    return result.returncode, result.stdout, result.stderr


def test_sentence_split_keeps_quotes_and_numbers_together() -> None:
    text = "It grew in 1996. “Yes,” he said. Then 3.5 billion went."
    spans = sentences(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == [
        "It grew in 1996.",
        "“Yes,” he said.",
        "Then 3.5 billion went.",
    ]


def test_uncovered_checkable_sentence_is_listed_at_its_line(mini: Path) -> None:
    code, out, _ = coverage(mini)
    # "It was founded in 1996 again, said the text." carries no note in the fixture.
    assert "| sample | 2 | 1 | 0 | 50% |" in out
    assert "seeds/sample.txt:8:1: It was founded in 1996 again, said the text." in out
    assert code == 1
    assert coverage(mini, "--min", "50")[0] == 0


def test_no_note_explains_a_sentence(mini: Path) -> None:
    src = mini / SRC
    src.write_text(
        src.read_text(encoding="utf-8")
        + 'no_note:\n  - quote: {exact: "It was founded in 1996 again"}\n'
        + '    reason: "Repeats the claim checked in s-inner."\n',
        encoding="utf-8",
    )
    code, out, _ = coverage(mini, "--verbose")
    assert code == 0 and "| sample | 2 | 1 | 1 | 100% |" in out
    assert "Repeats the claim checked in s-inner." in out


def test_bad_no_note_entries_are_errors_in_check(mini: Path) -> None:
    src = mini / SRC
    text = src.read_text(encoding="utf-8")
    src.write_text(
        text + 'no_note:\n  - quote: {exact: "not in the text"}\n    reason: x\n', encoding="utf-8"
    )
    result = check(mini)
    assert result.returncode == 1 and "[coverage.anchor]" in result.stdout
    src.write_text(text + "no_note: just text\n", encoding="utf-8")
    result = check(mini)
    assert result.returncode == 1 and "[coverage.type] no_note must be a list" in result.stdout


def test_empty_quote_is_an_error_not_a_silent_drop(mini: Path) -> None:
    src = mini / SRC
    src.write_text(
        src.read_text(encoding="utf-8").replace('quote: {exact: "Leave a Reply"}', 'quote: ""'),
        encoding="utf-8",
    )
    result = check(mini)
    assert result.returncode == 1
    assert "[quote.empty] the quote is empty" in result.stdout
