"""Editorial coverage through the real command, and the loader gaps it must not hide."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotated_reader.coverage.feature import sentences
from helpers.project import BIN, check, replace_in, run, write_file

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


EVENTS = """events:
  - id: founding
    title: "The Community is founded"
    date: "1996-04-02"
    category: treaty
    description: "Belarus and Russia sign the treaty on the Community."
    references:
      - {title: "Treaty", url: "https://example.org/treaty"}
"""


def with_timeline(project: Path) -> Path:
    """The mini project with a timeline: its first sentence tied to an event, the second
    (“It was founded in 1996 again…”) dated but tied to none."""
    write_file(project, "annotations/events.yml", EVENTS)
    replace_in(
        project,
        SRC,
        'body: "Outer note with a link',
        'event: founding\n    date: "1996"\n    body: "Outer note with a link',
    )
    return project


def test_dated_sentence_without_an_event_is_reported_at_its_line(mini: Path) -> None:
    code, out, _ = coverage(with_timeline(mini), "--min", "50")
    assert "| sample | 2 | 1 | 0 | 50% | 2 | 1 | 50% |" in out
    assert (
        "sample: 1 dated sentence(s) without an event (tie each to its event with a note's "
        "event: and date:, or explain it in no_event):\n"
        "  seeds/sample.txt:8:1: It was founded in 1996 again, said the text."
    ) in out
    assert code == 0


def test_a_tied_or_explained_dated_sentence_is_not_reported(mini: Path) -> None:
    with_timeline(mini)
    replace_in(
        mini,
        SRC,
        "  - id: s-debris",
        "  - id: s-again\n    kind: context\n"
        '    quote: {exact: "It was founded in 1996 again"}\n'
        "    event: founding\n"
        '    date: "1996"\n'
        '    body: "Retold."\n'
        "  - id: s-debris",
    )
    code, out, _ = coverage(mini)
    assert "| sample | 2 | 2 | 0 | 100% | 2 | 2 | 100% |" in out and code == 0
    assert "without an event" not in out
    replace_in(
        mini,
        SRC,
        '    event: founding\n    date: "1996"\n    body: "Retold."',
        '    body: "Retold."',
    )
    code, out, _ = coverage(mini)  # annotated, but its date tied to no event: below --min
    assert "| sample | 2 | 2 | 0 | 100% | 2 | 1 | 50% |" in out and code == 1
    assert "seeds/sample.txt:8:1: It was founded in 1996 again" in out
    src = mini / SRC
    src.write_text(
        src.read_text(encoding="utf-8")
        + 'no_event:\n  - quote: {exact: "It was founded in 1996 again"}\n'
        + '    reason: "A forecast, not an event."\n',
        encoding="utf-8",
    )
    code, out, _ = coverage(mini)
    assert "| sample | 2 | 2 | 0 | 100% | 2 | 1 | 100% |" in out and code == 0


def test_without_a_timeline_dates_need_no_event(mini: Path) -> None:
    _, out, _ = coverage(mini)
    assert "| sample | 2 | 1 | 0 | 50% | 0 | 0 | 100% |" in out
    assert "without an event" not in out


def test_a_build_reads_the_lists_but_measures_sentences_only_when_asked(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No page shows the coverage: loading the corpus (every build) reads the ``no_note``
    lists, reporting a malformed one, but measures no sentence until the report is asked
    for, and then each source once."""
    from annotated_reader.assembly import load_corpus
    from annotated_reader.core.corpus import Paths
    from annotated_reader.coverage import feature

    replace_in(mini, SRC, "annotations:\n", "no_note: oops\nannotations:\n")
    measured: list[str] = []
    measure = feature.measure_source

    def counted(corpus: object, source_id: str, *rest: object) -> feature.SourceCoverage:
        measured.append(source_id)
        return measure(corpus, source_id, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(feature, "measure_source", counted)
    corpus, problems = load_corpus(Paths(mini))
    assert any(p.code == "coverage.type" for p in problems.errors)
    assert measured == []
    coverage = corpus.feature("coverage")
    assert isinstance(coverage, feature.Coverage)
    assert [c.source_id for c in coverage.report] == ["sample"] == measured
    assert coverage.report and measured == ["sample"]  # measured once
