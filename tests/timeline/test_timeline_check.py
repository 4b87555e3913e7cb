"""Every timeline error and warning through the real ``annotated-reader check`` command.

Each case breaks the timeline project (the mini fixture plus ``events.yml``) in one way and
expects the problem at the exact ``path:line:col`` of the YAML node, a message saying what
is wrong and how to fix it, the right exit status, and no traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.project import build, check
from helpers.timeline import timeline_project

EVENTS = "annotations/events.yml"
SAMPLE = "annotations/sources/sample.yml"
SECOND = "annotations/sources/second.yml"

UNASSERTED = """  - id: orphan-2000
    title: An event no source dates
    date: "2000"
    category: economy
    description: Nobody mentions it.
    references:
      - {title: "Orphan (reference)", url: "https://example.org/orphan"}
"""
DUPLICATE = UNASSERTED.replace("orphan-2000", "minsk-2022")


def position(text: str, needle: str, nth: int = 1) -> str:
    """``line:col`` of the ``nth`` occurrence of ``needle`` (both counted from 1)."""
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{line}:{col}"


# case: (file edited, old, new, file reported, needle, nth, code, fragments of the message)
CASES: dict[str, tuple[str, str, str, str, str, int, str, tuple[str, ...]]] = {
    "event-impossible-date": (
        EVENTS,
        '"2022-06-20"',
        '"2022-02-30"',
        EVENTS,
        '"2022-02-30"',
        1,
        "event.bad-date",
        ("event 'minsk-2022'", "'2022-02-30' is not a real date", "YYYY-MM-DD"),
    ),
    "event-unparseable-date": (
        EVENTS,
        '"1995~"',
        '"around 1995"',
        EVENTS,
        '"around 1995"',
        1,
        "event.bad-date",
        ("'around 1995' is not a date", "2023~ approximate"),
    ),
    "event-interval-backwards": (
        EVENTS,
        '"2021-09-10/2021-09-16"',
        '"2021-09-16/2021-09-10"',
        EVENTS,
        '"2021-09-16/2021-09-10"',
        1,
        "event.bad-date",
        ("ends before it starts",),
    ),
    "annotation-impossible-date": (
        SAMPLE,
        'date: "2021"',
        'date: "2021-02-29"',
        SAMPLE,
        '"2021-02-29"',
        1,
        "annotation.bad-date",
        ("annotation 's-minsk'", "'2021-02-29' is not a real date", "as the source states it"),
    ),
    "annotation-unparseable-date": (
        SECOND,
        '"1999-12"',
        '"Dec 1999"',
        SECOND,
        '"Dec 1999"',
        1,
        "annotation.bad-date",
        ("annotation 't-treaty'", "'Dec 1999' is not a date"),
    ),
    "unknown-event": (
        SAMPLE,
        "event: zapad-2021",
        "event: zapad-2012",
        SAMPLE,
        "zapad-2012",
        1,
        "annotation.unknown-event",
        ("annotation 's-minsk' names event 'zapad-2012'", "did you mean 'zapad-2021'?"),
    ),
    "duplicate-event-id": (
        EVENTS,
        "  - id: zapad-2021\n",
        DUPLICATE + "  - id: zapad-2021\n",
        EVENTS,
        "minsk-2022",
        2,
        "event.duplicate-id",
        ("event id 'minsk-2022' is already used at line", "give each event its own id"),
    ),
    "missing-title": (
        EVENTS,
        "    title: Zapad-2021 exercise\n",
        "",
        EVENTS,
        "id: zapad-2021",
        1,
        "event.missing-field",
        ("event 'zapad-2021' has no 'title'",),
    ),
    "missing-references": (
        EVENTS,
        '    references:\n      - {title: "Talks (reference)", url: "https://example.org/talks"}\n',
        "",
        EVENTS,
        "id: talks-1995",
        1,
        "event.missing-field",
        ("event 'talks-1995' has no 'references'", "cite where the reference date"),
    ),
    "unknown-category": (
        EVENTS,
        "category: military",
        "category: militray",
        EVENTS,
        "militray",
        1,
        "event.unknown-category",
        ("unknown category 'militray'", "did you mean 'military'?", "use one of: treaty"),
    ),
    "unknown-field": (
        EVENTS,
        "    category: military\n",
        "    category: military\n    venue: Minsk\n",
        EVENTS,
        "    venue: Minsk",
        1,
        "event.unknown-field",
        ("unknown field 'venue' in an event", "known fields: id, title, date"),
    ),
    "bad-event-id": (
        EVENTS,
        "id: talks-1995",
        "id: Talks 1995",
        EVENTS,
        "Talks 1995",
        1,
        "event.bad-id",
        ("lowercase letters",),
    ),
    "description-links-unknown-id": (
        EVENTS,
        "[[source:second]]",
        "[[source:secnod]]",
        EVENTS,
        "[[source:secnod]]",
        1,
        "xref.unknown",
        ("event 'community-1996' links to unknown source 'secnod'", "did you mean 'second'?"),
    ),
    "yaml-syntax": (
        EVENTS,
        "    category: military\n",
        "    category: [military\n",
        EVENTS,
        "  - id: minsk-2022",
        1,
        "yaml.syntax",
        ("YAML syntax error",),
    ),
    "not-a-list": (
        EVENTS,
        "events:\n",
        "events: {}\nold:\n",
        EVENTS,
        "{}",
        1,
        "events.type",
        ("'events' in the events file must be a list",),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_timeline_error_is_reported_at_its_node(case: str, mini: Path) -> None:
    edited, old, new, reported, needle, nth, code, fragments = CASES[case]
    timeline_project(mini)
    path = mini / edited
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check(mini)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = [ln for ln in result.stdout.splitlines() if f"[{code}]" in ln]
    assert lines, result.stdout
    where = position((mini / reported).read_text(encoding="utf-8"), needle, nth)
    if code == "yaml.syntax":  # the parser reports where it noticed, the line after the break
        assert lines[0].startswith(f"{reported}:"), lines
    else:
        assert any(ln.startswith(f"{reported}:{where}: error: ") for ln in lines), (where, lines)
    for fragment in fragments:
        assert any(fragment in ln for ln in lines), (fragment, lines)
    if code in ("yaml.syntax", "events.type"):  # no knock-on errors on every passage
        assert "[annotation.unknown-event]" not in result.stdout, result.stdout


def test_clean_timeline_project_has_no_problems(mini: Path) -> None:
    timeline_project(mini)
    result = check(mini, "--strict")
    assert result.returncode == 0, result.stdout
    assert "0 error(s), 0 warning(s)" in result.stderr


def test_event_no_source_asserts_is_a_warning(mini: Path) -> None:
    timeline_project(mini)
    path = mini / EVENTS
    path.write_text(path.read_text(encoding="utf-8") + UNASSERTED, encoding="utf-8")
    result = check(mini)
    assert result.returncode == 0, result.stdout
    where = position(path.read_text(encoding="utf-8"), "id: orphan-2000")
    expected = f"{EVENTS}:{where}: warning: [event.unasserted] no source passage asserts event 'orphan-2000'"
    assert any(ln.startswith(expected) for ln in result.stdout.splitlines()), result.stdout
    strict = check(mini, "--strict")
    assert strict.returncode == 1
    built = build(mini)
    assert built.returncode != 0 and "[event.unasserted]" in built.stderr
    assert "Traceback" not in built.stderr


def test_missing_events_file_is_an_error_when_annotations_name_events(mini: Path) -> None:
    timeline_project(mini)
    (mini / EVENTS).unlink()
    result = check(mini)
    assert result.returncode == 1
    lines = [ln for ln in result.stdout.splitlines() if "[events.missing-file]" in ln]
    assert len(lines) == 1, result.stdout
    # At the first passage naming an event: the file that is missing has no line to point at.
    where = position((mini / SAMPLE).read_text(encoding="utf-8"), "community-1996")
    assert lines[0].startswith(f"{SAMPLE}:{where}: error: "), lines[0]
    assert "there is no annotations/events.yml; create it" in lines[0]
    assert "[annotation.unknown-event]" not in result.stdout  # one problem, said once
    built = build(mini)
    assert built.returncode != 0 and "Traceback" not in built.stderr


def test_missing_events_file_is_fine_without_event_annotations(mini: Path) -> None:
    result = check(mini, "--strict")
    assert result.returncode == 0, result.stdout
    assert "events" not in result.stdout


def test_every_timeline_problem_is_collected_in_one_run(mini: Path) -> None:
    timeline_project(mini)
    events = mini / EVENTS
    text = events.read_text(encoding="utf-8")
    text = text.replace('"2022-06-20"', '"2022-02-30"').replace("category: military", "category: x")
    events.write_text(text + UNASSERTED, encoding="utf-8")
    sample = mini / SAMPLE
    sample.write_text(
        sample.read_text(encoding="utf-8").replace("event: union-state-1999", "event: nope"),
        encoding="utf-8",
    )
    result = check(mini, "--format", "json")
    codes = {p["code"] for p in json.loads(result.stdout)}
    assert {
        "event.bad-date",
        "event.unknown-category",
        "event.unasserted",
        "annotation.unknown-event",
    } <= codes


def test_events_file_that_is_not_utf8_is_an_error(mini: Path) -> None:
    timeline_project(mini)
    (mini / EVENTS).write_bytes(b"events:\n  - id: caf\xe9\n")
    result = check(mini)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert f"{EVENTS}:2:12: error: [events.encoding]" in result.stdout, result.stdout  # the é
    assert "re-save it as UTF-8" in result.stdout


# The one passage dating minsk-2022 broken four ways: (old, new, the error that says so).
BROKEN_PASSAGE = {
    "quote-matches-nothing": (
        '"met in Minsk around March 2022"',
        '"met in Pinsk around March 2022"',
        "[anchor.missing]",
    ),
    "duplicate-id": ("id: t-minsk", "id: t-talks", "[annotation.duplicate-id]"),
    "misspelt-event": ("event: minsk-2022", "event: minsk-2202", "[annotation.unknown-event]"),
    "unknown-kind": ("id: t-minsk\n    kind: context", "id: t-minsk\n    kind: contxt", "kind"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_PASSAGE))
def test_an_event_whose_passage_did_not_load_is_not_called_unasserted(
    mini: Path, case: str
) -> None:
    """The note's own error is the one to fix; "remove the event" would be the wrong advice."""
    timeline_project(mini)
    old, new, code = BROKEN_PASSAGE[case]
    second = mini / SECOND
    text = second.read_text(encoding="utf-8")
    assert old in text, old
    second.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check(mini)
    assert result.returncode == 1, result.stdout
    assert code in result.stdout, result.stdout
    assert "[event.unasserted]" not in result.stdout, result.stdout


def test_a_fact_check_calling_a_disputed_date_accurate_is_a_warning(mini: Path) -> None:
    """The verdict must agree with what the data says (an outside test changed a verdict to
    accurate while the timeline flagged the passage's date, and nothing said so)."""
    timeline_project(mini)
    second = mini / SECOND
    text = second.read_text(encoding="utf-8")
    old = "  - id: t-minsk\n    kind: context\n"
    assert old in text
    second.write_text(
        text.replace(
            old,
            "  - id: t-minsk\n    kind: fact-check\n    verdict: accurate\n"
            '    references: [{title: "Minsk (reference)", url: "https://example.org/minsk"}]\n'
            '    reviewed: "2026-11-22"\n',
        ),
        encoding="utf-8",
    )
    result = check(mini)
    where = position(second.read_text(encoding="utf-8"), "accurate")
    assert result.stdout.splitlines()[0] == (
        f"{SECOND}:{where}: warning: [annotation.verdict-contradicts-date] annotation 't-minsk' "
        "calls its passage accurate, but the passage dates event 'minsk-2022' about March 2022 "
        "and the event's reference date is 20 June 2022, so the timeline shows the date "
        "disputed; correct the verdict, the passage's date (as the source gives it) or the "
        "event's"
    ), result.stdout
    assert check(mini, "--strict").returncode == 1
