"""Where and who on the timeline: an event's place and actors, each source's, and a source
that gives another place or other people flagged like a date conflict, with its passage.

The project is the timeline fixture (``helpers.timeline``) with a small glossary: the
1999 treaty happened in Moscow, between Yeltsin and Lukashenko; the second source's passage
on it is edited case by case.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers.htmlcheck import text_of
from helpers.project import build, check, replace_in, write_file
from helpers.timeline import SAMPLE, timeline_project
from test_timeline_check import position

EVENTS = "annotations/events.yml"
SECOND = "annotations/sources/second.yml"

GLOSSARY = """terms:
""" + "".join(
    f"""  - id: {ident}
    term: {name}
    category: {category}
    definition: "{name}."
    aliases:
      - "{name}"
    references:
      - {{title: "{name}", url: "https://example.org/{ident}"}}
"""
    for ident, name, category in (
        ("moscow", "Moscow", "place"),
        ("minsk", "Minsk", "place"),
        ("yeltsin", "Boris Yeltsin", "person"),
        ("lukashenko", "Alexander Lukashenko", "person"),
        ("putin", "Vladimir Putin", "person"),
    )
)
TREATY_TIE = '    event: union-state-1999\n    date: "1999-12"\n'


def where_project(project: Path, given: str) -> Path:
    """The timeline project whose 1999 treaty records Moscow, Yeltsin and Lukashenko, and
    whose second source's passage on it gives ``given`` (YAML lines) besides its date."""
    timeline_project(project)
    seed = project / "seeds" / "second.txt"
    names = "Boris Yeltsin, Alexander Lukashenko and Vladimir Putin are named here.\n"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n" + names, encoding="utf-8")
    write_file(project, "annotations/glossary.yml", GLOSSARY)
    replace_in(
        project,
        EVENTS,
        '    date: "1999-12-08"\n',
        '    date: "1999-12-08"\n    place: moscow\n    actors: [yeltsin, lukashenko]\n',
    )
    replace_in(project, SECOND, TREATY_TIE, TREATY_TIE + given)
    # the sample source's wrong date would mark the event disputed whatever its place
    replace_in(project, SAMPLE, '    event: union-state-1999\n    date: "1996"\n', "")
    return project


def treaty_entry(project: Path) -> str:
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<li class="ar-tl-event[^"]*" id="union-state-1999".*?\n</li>\n', html, re.S)
    assert match, html
    return match.group(0)


def export(project: Path) -> dict[str, str]:
    data = json.loads((project / "site" / "timeline" / "timeline.json").read_text("utf-8"))
    return {e["unique_id"]: e["text"]["text"] for e in data["events"]}


def test_a_source_giving_another_place_is_flagged_with_its_passage(mini: Path) -> None:
    project = where_project(mini, "    place: minsk\n")
    entry = treaty_entry(project)
    text = text_of(entry, set())
    assert "Place: Moscow · Who: Boris Yeltsin, Alexander Lukashenko" in text
    assert 'href="../glossary/#moscow"' in entry  # a place is its glossary term
    assert "Place disputed" in text and "Actors disputed" not in text
    assert "“A second source” places it in Minsk; the reference place is Moscow." in text
    assert "data-disputed" in entry
    passage = re.search(r'<figure class="ar-tl-passage ar-tl-off">.*?</figure>', entry, re.S)
    assert passage, entry  # the differing passage is marked, and links to its note
    assert "It places it in Minsk differs from the reference place" in text_of(
        passage.group(0), set()
    )
    assert 'href="../sources/second/#t-treaty"' in passage.group(0)
    assert (
        "Place or actors disputed: “A second source” places it in Minsk"
        in export(project)["union-state-1999"]
    )
    assert (
        "Reference: in Moscow, by Boris Yeltsin and Alexander Lukashenko."
        in export(project)["union-state-1999"]
    )
    chart = (project / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert (
        "dates Union State &lt;i&gt;treaty&lt;/i&gt; signed December 1999; it says in Minsk "
        "(the reference place is Moscow)</title>"
    ) in chart


def test_the_same_place_and_actors_in_any_order_agree(mini: Path) -> None:
    given = "    place: moscow\n    actors: [lukashenko, yeltsin]\n"
    entry = treaty_entry(where_project(mini, given))
    assert "disputed" not in text_of(entry, set()) and "data-disputed" not in entry
    assert "It places it in Moscow the reference place" in text_of(entry, set())
    names = "It names Alexander Lukashenko, Boris Yeltsin as the reference does"
    assert names in text_of(entry, set())


def test_naming_someone_else_is_an_actors_conflict(mini: Path) -> None:
    project = where_project(mini, "    actors: [lukashenko, putin]\n")
    entry = treaty_entry(project)
    text = text_of(entry, set())
    assert "Actors disputed" in text and "Place disputed" not in text
    assert (
        "“A second source” names Vladimir Putin among those who did it; the reference names "
        "Boris Yeltsin and Alexander Lukashenko."
    ) in text
    assert "not among those the reference names" in text
    assert "names Vladimir Putin among those" in export(project)["union-state-1999"]


def test_naming_only_one_of_two_actors_is_partial_not_a_conflict(mini: Path) -> None:
    entry = treaty_entry(where_project(mini, "    actors: [lukashenko]\n"))
    text = text_of(entry, set())
    assert "Actors disputed" not in text and "data-disputed" not in entry
    assert "It names Alexander Lukashenko some of those the reference names (partial)" in text


# case: (file edited, old, new, needle in the reported file, code, fragment of the message)
WHERE_ERRORS: dict[str, tuple[str, str, str, str, str, str]] = {
    "unknown-place": (
        SECOND,
        TREATY_TIE,
        TREATY_TIE + "    place: moskow\n",
        "moskow",
        "where.unknown-term",
        "names 'moskow', which is not a term in glossary.yml (did you mean 'moscow'?)",
    ),
    "unknown-event-actor": (
        EVENTS,
        "actors: [yeltsin, lukashenko]",
        "actors: [yeltsin, lukashenka]",
        "lukashenka",
        "where.unknown-term",
        "actors of event 'union-state-1999' names",
    ),
    "empty-place": (
        SECOND,
        TREATY_TIE,
        TREATY_TIE + '    place: ""\n',
        '""',
        "where.empty",
        "'place' in annotation 't-treaty' is empty",
    ),
    "name-not-id": (
        SECOND,
        TREATY_TIE,
        TREATY_TIE + '    place: "Moscow"\n',
        '"Moscow"',
        "where.bad-id",
        "is 'Moscow', not a term id",
    ),
    "actors-not-a-list": (
        SECOND,
        TREATY_TIE,
        TREATY_TIE + "    actors: yeltsin\n",
        "yeltsin",
        "where.type",
        "'actors' in annotation 't-treaty' must be a non-empty list of term ids",
    ),
    "actor-not-text": (
        SECOND,
        TREATY_TIE,
        TREATY_TIE + "    actors: [{id: yeltsin}]\n",
        "{id",
        "where.type",
        "'actors' in annotation 't-treaty' must be text (a term id)",
    ),
    "actor-twice": (
        SECOND,
        TREATY_TIE,
        TREATY_TIE + "    actors: [yeltsin, yeltsin]\n",
        "yeltsin]",
        "where.duplicate-actor",
        "'yeltsin' is listed twice",
    ),
    "place-without-event": (
        SECOND,
        '    event: talks-1995\n    date: "1995"\n',
        "    place: moscow\n",
        "moscow",
        "annotation.where-without-event",
        "gives a place or actors but no event",
    ),
    "event-records-no-place": (
        SECOND,
        "    event: talks-1995\n",
        "    event: talks-1995\n    place: minsk\n",
        "minsk",
        "where.no-reference",
        "gives the place of event 'talks-1995', which records none",
    ),
}


@pytest.mark.parametrize("case", sorted(WHERE_ERRORS))
def test_each_bad_place_or_actor_is_an_error_at_its_line(case: str, mini: Path) -> None:
    edited, old, new, needle, code, fragment = WHERE_ERRORS[case]
    where_project(mini, "")
    replace_in(mini, edited, old, new)
    result = check(mini)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    lines = [ln for ln in result.stdout.splitlines() if f"[{code}]" in ln]
    at = position((mini / edited).read_text(encoding="utf-8"), needle)
    assert any(ln.startswith(f"{edited}:{at}: error: ") and fragment in ln for ln in lines), (
        at,
        result.stdout,
    )
    build_result = build(mini)
    assert build_result.returncode == 1 and f"[{code}]" in build_result.stderr


def test_a_clean_where_project_checks_strict(mini: Path) -> None:
    where_project(mini, "    place: minsk\n    actors: [lukashenko]\n")
    result = check(mini, "--strict")
    assert result.returncode == 0, result.stdout


UNDATED = """  - id: s-moscow
    kind: context
    quote: {exact: "Second item about Moscow"}
    body: "Tells the treaty without dating it."
    event: union-state-1999
    place: moscow
"""


def test_a_passage_may_tell_its_event_without_a_date(mini: Path) -> None:
    project = where_project(mini, "")
    sample = project / SAMPLE
    sample.write_text(sample.read_text(encoding="utf-8") + UNDATED, encoding="utf-8")
    assert check(project, "--strict").returncode == 0
    entry = treaty_entry(project)
    text = text_of(entry, set())
    assert "2 sources" in text and "Dates agree" in text and "disputed" not in text
    assert "This source tells it without a date It places it in Moscow the reference place" in (
        text
    )
    assert 'data-sources="sample second"' in entry
    assert "A sample source — undated (in Moscow)" in export(project)["union-state-1999"]
