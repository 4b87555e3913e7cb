"""Cross-references: malformed ones are errors at their line, wherever Markdown is written.

``[[Lys-Caption-Image]]``, ``[[term:]]`` and ``[[ ]]`` are no references, so they printed
literally on the page; now each is an error saying what is wrong with it. Unknown ids are
checked the same way in every kind of text: note bodies, corrections, definitions,
rationales and event descriptions, once every id is known.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from annotated_reader.core.xref import malformed
from helpers.project import build, check, replace_in
from helpers.timeline import timeline_project

SRC = "annotations/sources/sample.yml"
GLOSSARY = "annotations/glossary.yml"
EVENTS = "annotations/events.yml"


@pytest.mark.parametrize(
    ("inner", "why"),
    [
        ("Lys-Caption-Image", "ids are lowercase: [[lys-caption-image]]"),
        ("term:Putin|Mr Putin", "ids are lowercase: [[term:putin|Mr Putin]]"),
        ("term:", "it names no id after 'term:'"),
        (" ", "it names nothing"),
        ("", "it names nothing"),
        (
            "glossary:putin",
            "'glossary:' is no kind of reference; use source:, term:, event:, or none for a note",
        ),
        ("term: putin", "the id has spaces around it"),
        ("s-inner|", "the label after '|' is empty"),
        ("s_inner", "an id may hold only lowercase letters, digits and '-'"),
    ],
)
def test_what_is_wrong_with_a_malformed_reference(inner: str, why: str) -> None:
    assert malformed(inner) == why


@pytest.mark.parametrize("inner", ["s-inner", "term:putin", "source:x|the text", "event:e-1"])
def test_well_formed_references_are_not_malformed(inner: str) -> None:
    assert malformed(inner) is None


def test_malformed_references_are_errors_at_their_line_in_every_text(mini: Path) -> None:
    timeline_project(mini)
    replace_in(mini, SRC, "[[source:sample]]", "[[Lys-Caption-Image]]")  # a note body, line 25
    replace_in(
        mini, SRC, 'correction: "grew **slowly**."', 'correction: "grew [[term:]]."'
    )  # line 43
    replace_in(mini, SRC, "A short fixture text;", "A short [[ ]] text;")  # the rationale, line 19
    replace_in(mini, EVENTS, "Talks on a union began", "Talks [[event:Talks-1995]] began")
    (mini / GLOSSARY).write_text(
        "terms:\n  - id: minsk\n    term: Minsk\n    category: place\n"
        "    definition: |\n      Capital.\n      See [[source:]].\n    aliases: [Minsk]\n",
        encoding="utf-8",
    )
    checked = check(mini)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    expected = [
        f"{SRC}:25:1: error: [xref.malformed] annotation 's-outer' has '[[Lys-Caption-Image]]', "
        "which is not a cross-reference (ids are lowercase: [[lys-caption-image]]); write "
        "[[note-id]], [[source:id]], [[term:id]] or [[event:id]], with |label for other text",
        f"{SRC}:43:1: error: [xref.malformed] the correction of annotation 's-cross' has "
        "'[[term:]]', which is not a cross-reference (it names no id after 'term:')",
        f"{SRC}:19:1: error: [xref.malformed] the rating's rationale has '[[ ]]', which is not "
        "a cross-reference (it names nothing)",
        f"{EVENTS}:6:1: error: [xref.malformed] event 'talks-1995' has '[[event:Talks-1995]]', "
        "which is not a cross-reference (ids are lowercase: [[event:talks-1995]])",
        f"{GLOSSARY}:7:1: error: [xref.malformed] the definition of term 'minsk' has "
        "'[[source:]]', which is not a cross-reference (it names no id after 'source:')",
    ]
    lines = checked.stdout.splitlines()
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, checked.stdout)
    assert checked.stdout.count("[xref.") == len(expected), checked.stdout
    built = build(mini)
    assert built.returncode != 0 and "Traceback" not in built.stderr
    assert all(start in built.stderr for start in expected), built.stderr


def test_unknown_ids_are_checked_in_corrections_and_definitions_too(mini: Path) -> None:
    replace_in(
        mini, SRC, 'correction: "grew **slowly**."', 'correction: "grew as [[s-innre]] says."'
    )
    (mini / GLOSSARY).write_text(
        "terms:\n  - id: minsk\n    term: Minsk\n    category: place\n"
        "    definition: Capital; see [[s-outre]].\n    aliases: [Minsk]\n",
        encoding="utf-8",
    )
    out = check(mini).stdout
    assert (
        f"{SRC}:41:1: error: [xref.unknown] the correction of annotation 's-cross' links to "
        "unknown note 's-innre' (did you mean 's-inner'?)"
    ) in out, out
    assert (
        f"{GLOSSARY}:5:1: error: [xref.unknown] the definition of term 'minsk' links to "
        "unknown note 's-outre' (did you mean 's-outer'?)"
    ) in out, out
