"""Cross-references: malformed ones are errors at their line and column, wherever Markdown is
written.

``[[Lys-Caption-Image]]``, ``[[term:]]`` and ``[[ ]]`` are no references, so they printed
literally on the page; now each is an error saying what is wrong with it. Unknown ids are
checked the same way in every kind of text: note bodies, corrections, definitions,
rationales and event descriptions, once every id is known.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from annotated_reader.core.problems import Location, Problems
from annotated_reader.core.xref import Prose, check_prose, locate, malformed
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
        ("S_Inner", "an id may hold only lowercase letters, digits and '-'"),
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
        f"{SRC}:25:54: error: [xref.malformed] annotation 's-outer' has '[[Lys-Caption-Image]]', "
        "which is not a cross-reference (ids are lowercase: [[lys-caption-image]]); write "
        "[[note-id]], [[source:id]], [[term:id]] or [[event:id]], with |label for other text",
        f"{SRC}:43:23: error: [xref.malformed] the correction of annotation 's-cross' has "
        "'[[term:]]', which is not a cross-reference (it names no id after 'term:')",
        f"{SRC}:19:13: error: [xref.malformed] the rating's rationale has '[[ ]]', which is not "
        "a cross-reference (it names nothing)",
        f"{EVENTS}:6:24: error: [xref.malformed] event 'talks-1995' has '[[event:Talks-1995]]', "
        "which is not a cross-reference (ids are lowercase: [[event:talks-1995]])",
        f"{GLOSSARY}:7:11: error: [xref.malformed] the definition of term 'minsk' has "
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
        f"{SRC}:41:26: error: [xref.unknown] the correction of annotation 's-cross' links to "
        "unknown note 's-innre' (did you mean 's-inner'?)"
    ) in out, out
    assert (
        f"{GLOSSARY}:5:30: error: [xref.unknown] the definition of term 'minsk' links to "
        "unknown note 's-outre' (did you mean 's-outer'?)"
    ) in out, out


def _where(text: str, written: str, nth: int, file: str, line: int) -> tuple[int, int]:
    prose = Prose("a note", text, "a.yml", line)
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(written, offset + 1)
    found = locate(prose, offset, written, file.split("\n"))
    return found.line, found.col


def test_a_reference_is_located_at_its_column_even_when_written_twice() -> None:
    file = 'notes:\n  - body: "See [[a-b]], then [[a-b]] again."\n'
    text = "See [[a-b]], then [[a-b]] again."
    assert _where(text, "[[a-b]]", 0, file, 2) == (2, 16)
    assert _where(text, "[[a-b]]", 1, file, 2) == (2, 30)


def test_a_reference_on_a_later_line_of_a_block_scalar() -> None:
    file = "body: |\n  First line.\n  Then [[source:x]] here.\n"
    assert _where("First line.\nThen [[source:x]] here.\n", "[[source:x]]", 0, file, 2) == (3, 8)


def test_a_folded_scalar_is_found_on_the_line_that_holds_it() -> None:
    """A folded scalar's text has fewer line breaks than its file: the reference is looked
    for on the following lines too."""
    file = "body: >\n  One\n  two [[x-y]].\n"
    assert _where("One two [[x-y]].\n", "[[x-y]]", 0, file, 2) == (3, 7)


def test_a_reference_not_found_in_the_file_keeps_its_line() -> None:
    assert _where("See [[a-b]].", "[[a-b]]", 0, "", 4) == (4, 1)
    assert _where("One\nSee [[a-b]].", "[[a-b]]", 0, "", 4) == (5, 1)
    assert _where("\nSee [[a-b]].", "[[a-b]]", 0, "", 4) == (5, 1)
    assert _where("One\nSee [[a-b]].\nTwo\n", "[[a-b]]", 0, "", 4) == (5, 1)
    prose = Prose("a note", "One\nSee [[a-b]].", "a.yml", 4)
    assert locate(prose, 8, "[[a-b]]", []) == Location("a.yml", 5, 1)


def test_the_same_reference_on_two_lines_of_a_block_scalar_is_each_at_its_place() -> None:
    file = "body: |\n  A [[x-y]]\n  B [[x-y]] and [[x-y]]\n"
    text = "A [[x-y]]\nB [[x-y]] and [[x-y]]\n"
    assert _where(text, "[[x-y]]", 0, file, 2) == (2, 5)
    assert _where(text, "[[x-y]]", 1, file, 2) == (3, 5)
    assert _where(text, "[[x-y]]", 2, file, 2) == (3, 17)


def test_a_copy_written_before_the_text_is_not_taken_for_it() -> None:
    file = 'a:\n  - body: "See [[x-y]]."\n  - body: |\n      Then\n      [[x-y]] again.\n'
    assert _where("Then\n[[x-y]] again.\n", "[[x-y]]", 0, file, 4) == (5, 7)


def test_three_copies_on_one_line_are_told_apart() -> None:
    text = "[[a-b]], [[a-b]] and [[a-b]]"
    file = f"body: {text}\n"
    assert [_where(text, "[[a-b]]", n, file, 1) for n in range(3)] == [(1, 7), (1, 16), (1, 28)]


def test_a_reference_at_the_start_of_a_line_is_at_column_one() -> None:
    file = "body: >-\n  One\n[[a-b]] two\n"
    assert _where("One [[a-b]] two", "[[a-b]]", 0, file, 2) == (3, 1)


def test_a_folded_scalar_is_followed_past_its_fewer_line_breaks() -> None:
    file = "body: >\n  a\n  b\n  c\n  d\n\n  e [[x-y]]\n"
    assert _where("a b c d\ne [[x-y]]\n", "[[x-y]]", 0, file, 2) == (7, 5)


def test_a_long_block_scalar_reference_on_its_last_line() -> None:
    file = "body: |\n  1\n  2\n  3\n  4\n  5 [[x-y]]\n"
    assert _where("1\n2\n3\n4\n5 [[x-y]]\n", "[[x-y]]", 0, file, 2) == (6, 5)


KNOWN = {"note": {"s-inner", "s-outer"}, "source": {"sample"}, "term": {"putin"}, "event": set()}


def _checked(text: str, file: str, lost: dict[str, set[str]] | None = None) -> list[str]:
    """Every problem ``check_prose`` reports for ``text``, the body at line 2 of ``file``."""
    problems = Problems()
    prose = Prose("annotation 's-x'", text, "annotations/sources/sample.yml", 2)
    check_prose(prose, KNOWN, lost or {}, problems, {prose.path: file.split("\n")}.get)
    return [str(p) for p in problems.items]


def test_the_service_reports_malformed_and_unknown_references_at_their_columns() -> None:
    text = "See [[s-inner]], [[S-Outer]], [[source:sampel]] and [[term:putin|him]]."
    file = f"notes:\n  - body: {text}\n"
    assert _checked(text, file) == [
        "annotations/sources/sample.yml:2:28: error: [xref.malformed] annotation 's-x' has "
        "'[[S-Outer]]', which is not a cross-reference (ids are lowercase: [[s-outer]]); "
        "write [[note-id]], [[source:id]], [[term:id]] or [[event:id]], with |label for other "
        "text",
        "annotations/sources/sample.yml:2:41: error: [xref.unknown] annotation 's-x' links to "
        "unknown source 'sampel' (did you mean 'sample'?); use an id that exists: [[note-id]], "
        "[[source:id]], [[term:id]] or [[event:id]]",
    ]


def test_a_reference_to_what_did_not_load_is_left_to_that_files_error() -> None:
    text = "See [[event:treaty-1999]] and [[term:lukashenko]]."
    file = f"notes:\n  - body: {text}\n"
    assert _checked(text, file, {"event": {"treaty-1999"}}) == [
        "annotations/sources/sample.yml:2:41: error: [xref.unknown] annotation 's-x' links to "
        "unknown term 'lukashenko'; use an id that exists: [[note-id]], [[source:id]], "
        "[[term:id]] or [[event:id]]",
    ]


def test_a_link_whose_text_is_in_brackets_is_no_reference() -> None:
    text = "As [[Reuters, 2 May]](https://example.org/a) reported, see [[s-outer]]."
    assert _checked(text, f"notes:\n  - body: {text}\n") == []


def test_a_kind_of_id_the_corpus_has_none_of_is_unknown_too() -> None:
    problems = Problems()
    check_prose(Prose("event 'e'", "See [[event:x]].", "e.yml", 1), {}, {}, problems)
    assert [str(p) for p in problems.items] == [
        "e.yml:1:1: error: [xref.unknown] event 'e' links to unknown event 'x'; use an id that "
        "exists: [[note-id]], [[source:id]], [[term:id]] or [[event:id]]"
    ]


def test_well_formed_references_to_known_ids_pass() -> None:
    text = "[[s-inner]] [[note:s-outer|the outer note]] [[source:sample]] [[term:putin]]"
    assert _checked(text, f"body: {text}\n") == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("See [[s-inner]b]] here.", "[[s-inner]b]]"),
        ("See [[term:putin|[y](javascript:alert(1))]].", "[[term:putin|[y](javascript:alert(1))]]"),
    ],
)
def test_what_looks_like_a_reference_but_holds_a_bracket_is_malformed(
    text: str, written: str
) -> None:
    """It was printed as written, and nothing said why (found by an outside test)."""
    file = f"notes:\n  - body: {text}\n"
    col = file.split("\n")[1].index(written) + 1
    assert _checked(text, file) == [
        f"annotations/sources/sample.yml:2:{col}: error: [xref.malformed] annotation 's-x' has "
        f"'{written}', which is not a cross-reference (a reference holds no [ or ] of its own; "
        "its label is plain text); write [[note-id]], [[source:id]], [[term:id]] or "
        "[[event:id]], with |label for other text, or write \\[[ for two brackets as text"
    ]


def test_links_whose_text_is_or_starts_in_brackets_are_no_references() -> None:
    """ "[[1]](…)" and "[[RU] x](…)" are links: not references, and nothing is reported."""
    text = (
        "See [[1]](https://example.org/1), [[RU] Kremlin](https://example.org/ru) and [[s-outer]]."
    )
    assert _checked(text, f"notes:\n  - body: {text}\n") == []
