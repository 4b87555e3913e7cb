"""Facts the editorial data states in two files, held to one answer (core/consistency.py):
a glossary term's or a claim's date for an event against the event's reference date, and a
source's "unknown" outlet or date against a reference that cites its original address with
one. Each rule is broken in a copy of the real corpus, through the real ``annotated-reader
check`` and ``mkdocs build --strict``: an error at the field's ``path:line:col`` saying
what differs from what, where, and how to fix it; never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.project import ROOT, build, check, copy_project

GLOSSARY = "annotations/glossary.yml"
CLAIMS = "annotations/claims.yml"
EVENTS = "annotations/events.yml"
LYSYANSKY = "annotations/sources/lysyansky-ussr-2.yml"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return copy_project(ROOT, tmp_path / "corpus")


def edit(project: Path, rel: str, entry: str, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in the entry ``  - id: <entry>`` of ``rel`` (a source's
    metadata when ``entry`` is ''); the changed line's number."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {entry}\n") if entry else 0
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def line_of(project: Path, rel: str, entry: str, needle: str) -> int:
    text = (project / rel).read_text(encoding="utf-8")
    at = text.index(needle, text.index(f"  - id: {entry}\n"))
    return text.count("\n", 0, at) + 1


def problems(project: Path) -> tuple[int, list[str]]:
    result = check(project)
    assert "Traceback" not in result.stdout + result.stderr
    return result.returncode, [ln for ln in result.stdout.splitlines() if ": error: " in ln]


def test_the_corpus_records_dates_for_both_rules_and_holds_them() -> None:
    """The rules are not vacuous: terms and claims give dates for events, a source's
    original address is cited with its publisher and date, and the corpus passes."""
    assert (ROOT / GLOSSARY).read_text(encoding="utf-8").count("\n    event: ") >= 5
    assert (ROOT / CLAIMS).read_text(encoding="utf-8").count("\n    event: ") >= 5
    result = check(ROOT, "--strict")
    assert result.returncode == 0, result.stdout


def test_a_glossary_date_that_differs_from_its_event_is_an_error(corpus: Path) -> None:
    line = edit(corpus, GLOSSARY, "union-state-treaty-1999", '"1999-12-08"', '"2000-01-26"')
    event = line_of(corpus, EVENTS, "union-state-treaty-1999", "    date:")
    code, found = problems(corpus)
    assert code == 1
    assert found == [
        f"{GLOSSARY}:{line}:11: error: [consistency.date-differs] glossary term "
        "'union-state-treaty-1999' dates event 'union-state-treaty-1999' 26 January 2000, but "
        f"event 'union-state-treaty-1999' gives 8 December 1999 ({EVENTS}:{event}:11); correct "
        "whichever is wrong against the references, or tie this date to the event it is about"
    ]
    # The strict build stops on the same line.
    built = build(corpus)
    assert built.returncode != 0 and found[0] in built.stderr


def test_a_coarser_date_inside_the_event_s_agrees(corpus: Path) -> None:
    edit(corpus, GLOSSARY, "union-state-treaty-1999", '"1999-12-08"', '"1999"')
    edit(corpus, CLAIMS, "observers-2008", '"2008-10-17"', '"2008-10"')
    assert problems(corpus) == (0, [])


def test_an_event_date_changed_under_a_claim_and_a_term_is_reported_at_both(
    corpus: Path,
) -> None:
    edit(corpus, EVENTS, "union-treaty-1997", '"1997-04-02"', '"1996-04-02"')
    code, found = problems(corpus)
    assert code == 1
    where = sorted(ln.split(": error: ")[0] for ln in found)
    assert where == sorted(
        [
            f"{CLAIMS}:{line_of(corpus, CLAIMS, 'union-treaty-1997', '    date:')}:11",
            f"{GLOSSARY}:{line_of(corpus, GLOSSARY, 'union-treaty-1997', '    date:')}:11",
        ]
    )
    assert all("[consistency.date-differs]" in ln and "2 April 1997" in ln for ln in found)


def test_a_claim_s_date_is_held_to_the_events_of_its_notes(corpus: Path) -> None:
    """A claim names one event, but its notes tie it to theirs: a date that fits one and not
    another is reported, naming the other."""
    line = edit(
        corpus,
        CLAIMS,
        "other-states-sought-union",
        "    references:",
        '    date: "1999-04-12"\n    event: yugoslavia-union-bid-1999\n    references:',
    )
    code, found = problems(corpus)
    assert code == 1
    assert {ln.split(": error: ")[0] for ln in found} == {f"{CLAIMS}:{line}:11"}
    named = sorted(ln.split("dates event '")[1].split("'")[0] for ln in found)
    assert named == ["kyrgyzstan-referendum-bid-2007", "moldova-union-bid-2001"]


@pytest.mark.parametrize(
    ("new", "code", "message"),
    [
        (
            '"1997-04-02"\n    event: no-such-event',
            "consistency.unknown-event",
            "glossary term 'union-treaty-1997' dates event 'no-such-event', which is not in "
            "events.yml; use the id of an event there, or add the event",
        ),
        (
            '"2 April 1997"',
            "glossary.bad-date",
            "date of term 'union-treaty-1997': ",
        ),
    ],
)
def test_a_date_that_cannot_be_held_to_an_event_is_an_error(
    corpus: Path, new: str, code: str, message: str
) -> None:
    text = (corpus / GLOSSARY).read_text(encoding="utf-8")
    if "no-such-event" in new:
        text = text.replace(
            '    date: "1997-04-02"\n    event: union-treaty-1997\n',
            '    date: "1997-04-02"\n    event: no-such-event\n',
        )
    else:
        text = text.replace('    date: "1997-04-02"\n', f"    date: {new}\n")
    (corpus / GLOSSARY).write_text(text, encoding="utf-8")
    line = line_of(corpus, GLOSSARY, "union-treaty-1997", "    date:")
    found = problems(corpus)[1]
    hits = [ln for ln in found if f"[{code}]" in ln]
    assert len(hits) == 1 and message in hits[0], found
    assert hits[0].startswith(f"{GLOSSARY}:{line}:11: error: ")


def test_a_date_without_an_event_is_an_error(corpus: Path) -> None:
    text = (corpus / GLOSSARY).read_text(encoding="utf-8")
    (corpus / GLOSSARY).write_text(
        text.replace("    event: union-treaty-1997\n", "", 1), encoding="utf-8"
    )
    line = line_of(corpus, GLOSSARY, "union-treaty-1997", "    date:")
    found = problems(corpus)[1]
    assert found == [
        f"{GLOSSARY}:{line}:11: error: [glossary.date-without-event] term 'union-treaty-1997' "
        "has a date but no event; name the event it dates (event: <id in events.yml>), so "
        "the date can be held to the event's"
    ]


@pytest.mark.parametrize(
    ("field", "value", "what"),
    [
        ("outlet", '"Worldcrunch"', "publisher 'Worldcrunch'"),
        ("published", '"2022-10~"', "date '2022-10~'"),
    ],
)
def test_an_unknown_source_field_that_a_reference_states_is_an_error(
    corpus: Path, field: str, value: str, what: str
) -> None:
    """The Lysyansky op-ed's outlet, once unknown in its metadata while three glossary
    entries cited the Worldcrunch page that carried it."""
    line = edit(
        corpus, LYSYANSKY, "", f"  {field}:\n    value: {value}", f"  {field}:\n    value: null"
    )
    text = (corpus / GLOSSARY).read_text(encoding="utf-8")
    url = "https://worldcrunch.com/world-affairs/union-state-ussr-putin"
    first = text.count("\n", 0, text.index(f'url: "{url}"')) + 1  # the first to cite it
    code, found = problems(corpus)
    assert code == 1
    name = "date" if field == "published" else "outlet"
    assert len(found) == 1, found
    assert found[0].startswith(
        f"{LYSYANSKY}:{line + 1}:5: error: [consistency.unknown-but-cited] source "
        f"'lysyansky-ussr-2' gives its {name} as unknown, but the reference '"
    )
    assert f"({GLOSSARY}:{first}:9) cites" in found[0]
    assert found[0].endswith(
        f"cites its original address with {what}; give the {name} with its basis, or "
        "correct the reference"
    )
    built = build(corpus)
    assert built.returncode != 0 and found[0] in built.stderr


def test_a_reference_to_another_address_says_nothing_of_the_source(corpus: Path) -> None:
    edit(corpus, LYSYANSKY, "", '  outlet:\n    value: "Worldcrunch"', "  outlet:\n    value: null")
    text = (corpus / GLOSSARY).read_text(encoding="utf-8")
    url = "https://worldcrunch.com/world-affairs/union-state-ussr-putin"
    (corpus / GLOSSARY).write_text(text.replace(url, url + "-other"), encoding="utf-8")
    assert problems(corpus) == (0, [])
