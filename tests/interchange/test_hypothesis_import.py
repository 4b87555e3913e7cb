"""Importing Hypothesis rows: the round trip through W3C, the rows refused at their line,
and the source files edited as text (comments and layout kept)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Corpus, Paths
from annotated_reader.core.urls import SiteUrls
from annotated_reader.interchange.jsonrows import RowsError, read_rows
from annotated_reader.interchange.yamlappend import AppendError, append_notes, list_indent
from annotated_reader.webannotation.export import collection
from helpers.project import BIN, ROOT, copy_project, run

SITE = "https://reader.example.org/"


def import_rows(project: Path, rows: Any, *extra: str) -> tuple[int, str]:
    (project / "rows.json").write_text(
        json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    cmd = [str(BIN / "annotated-reader"), "import", "hypothesis", "rows.json", *extra]
    result = run(cmd, project)
    return result.returncode, result.stderr


def as_hypothesis_row(annotation: dict[str, Any]) -> dict[str, Any]:
    """A W3C annotation shaped as a row of Hypothesis's search API."""
    target = annotation["target"][0]
    [choice] = [b for b in annotation["body"] if b["type"] == "Choice"]
    [markdown] = [i["value"] for i in choice["items"] if i["format"] == "text/markdown"]
    return {
        "id": annotation["id"].rsplit("#", 1)[1],
        "created": annotation.get("modified", "2026-01-01T00:00:00Z"),
        "updated": annotation.get("modified", ""),
        "user": "acct:editor@hypothes.is",
        "uri": target["source"],
        "text": markdown,
        "tags": [b["value"] for b in annotation["body"] if b.get("purpose") == "tagging"],
        "target": [{"source": target["source"], "selector": target["selector"]}],
        "document": {},
        "links": {},
    }


def without_notes(path: Path) -> None:
    """Cut the ``annotations:`` list out of a source file (it ends each real file)."""
    text = path.read_text(encoding="utf-8")
    root = yaml.compose(text)
    [(key, value)] = [(k, v) for k, v in root.value if k.value == "annotations"]
    start = key.start_mark.index
    assert text[start:].startswith("annotations:")
    path.write_text(text[:start] + "annotations:\n" + text[value.end_mark.index :], "utf-8")


def notes_of(corpus: Corpus) -> dict[str, tuple[str, str, str, str, str, str | None, str | None]]:
    return {
        a.id: (
            a.source_id,
            a.kind,
            a.quote.exact,
            a.quote.prefix + "|" + a.quote.suffix,
            a.body,
            a.verdict,
            a.reviewed,
        )
        for a in corpus.annotations()
    }


def test_round_trip_through_w3c_and_hypothesis_gives_back_every_note(tmp_path: Path) -> None:
    corpus, _ = load_corpus(Paths(ROOT))
    rows = [
        as_hypothesis_row(item)
        for source in corpus.sources
        for item in collection(corpus, source, SiteUrls(), SITE, "Editors")["first"]["items"]
    ]
    # A row's uri is the text's original address, or the page's where that is unknown.
    assert {r["uri"] for r in rows} == {
        s.metadata.url.value or f"{SITE}sources/{s.id}/" for s in corpus.sources if s.annotations
    }
    project = copy_project(ROOT, tmp_path / "copy")
    for source in corpus.sources:
        without_notes(project / source.path)
    assert load_corpus(Paths(project))[0].annotations() == []
    code, err = import_rows(project, {"total": len(rows), "rows": rows}, "--site-url", SITE)
    assert f"{len(rows)} note(s) imported, 0 row(s) not imported, 0 already" in err, err
    assert code == 0
    back, _ = load_corpus(Paths(project))
    assert notes_of(back) == notes_of(corpus)
    again, err = import_rows(project, rows, "--site-url", SITE)
    assert again == 0 and err.count(": warning: [import.again]") == len(rows)
    assert notes_of(load_corpus(Paths(project))[0]) == notes_of(corpus)


def test_the_file_keeps_its_comments_and_layout(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "copy")
    path = project / "annotations" / "sources" / "flash-reunification.yml"
    before = path.read_text(encoding="utf-8")
    row = {
        "id": "Xy7_abcDEF",
        "uri": "https://theatlasnews.co/conflict/2022/07/01/russian-and-belarusian-reunification/",
        "text": "A note made in the browser.\n\nWith a second paragraph.",
        "tags": ["Opinion"],
        "user": "acct:editor@hypothes.is",
        "created": "2026-11-30T10:11:12.000000+00:00",
        "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "Reunification"}]}],
    }
    code, err = import_rows(project, [row])
    assert code == 0, err
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # the notes end the file: everything before is kept
    added = after[len(before) :]
    assert added.startswith("  # imported from Hypothesis Xy7_abcDEF by acct:editor@hypothes.is")
    [note] = yaml.safe_load(added)
    assert note == {
        "id": "flash-reunification",
        "kind": "opinion",
        "quote": {"exact": "Reunification"},
        "body": "A note made in the browser.\n\nWith a second paragraph.",
        "reviewed": "2026-11-30",
    }
    corpus, problems = load_corpus(Paths(project))
    assert not problems.errors, problems.sorted()
    ann = corpus.annotation_index()["flash-reunification"]
    assert corpus.source(ann.source_id).text[ann.start : ann.end] == "Reunification"  # type: ignore[union-attr]


def test_rows_that_cannot_be_placed_are_reported_at_their_line(mini: Path) -> None:
    path = mini / "annotations" / "sources" / "sample.yml"
    before = path.read_text(encoding="utf-8")
    target = "https://example.org/sample"

    def row(exact: str, **more: Any) -> dict[str, Any]:
        selector = [{"type": "TextQuoteSelector", "exact": exact}]
        return {"uri": target, "text": "A note.", "target": [{"selector": selector}], **more}

    rows = [
        row("founded in 1996"),  # two places, no position to choose
        row("Second item about Moskow"),  # not in the seed
        {**row("Leave a Reply"), "uri": "https://elsewhere.example/"},  # no such source
        {**row("Leave a Reply"), "text": ""},  # a highlight alone
        {"uri": target, "text": "Page note.", "target": [{"source": target}]},
        {**row("Leave a Reply"), "tags": ["framing", "opinion"]},
    ]
    code, err = import_rows(mini, {"rows": rows})
    assert code == 1
    # json.dumps(indent=2) opens each row of "rows" on a line of its own, at column 5.
    written = (mini / "rows.json").read_text(encoding="utf-8").splitlines()
    starts = [n for n, line in enumerate(written, 1) if line == "    {"]
    assert len(starts) == len(rows)
    lines = [line for line in err.splitlines() if ": error: " in line]
    assert [line.split(": error: ")[0] for line in lines] == [f"rows.json:{n}:5" for n in starts]
    assert "[import.ambiguous] the quote “founded in 1996” fits 2 places" in lines[0]
    assert "[import.orphan] quote “Second item about Moskow” matches nothing" in lines[1]
    assert "similarity 95%" in lines[1]
    assert "[import.orphan] no source has the address https://elsewhere.example/" in lines[2]
    assert "[import.empty]" in lines[3]
    assert "[import.orphan] the row has no TextQuoteSelector" in lines[4]
    assert "[import.ambiguous] the tags name more than one kind" in lines[5]
    assert path.read_text(encoding="utf-8") == before  # nothing written


def test_a_recorded_position_picks_the_nearest_place(mini: Path) -> None:
    text = (mini / "seeds" / "sample.txt").read_text(encoding="utf-8")
    second = text.rindex("founded in 1996")
    row = {
        "id": "x",
        "uri": "https://example.org/sample",
        "text": "The second one.",
        "tags": ["fact-check", "verdict:inaccurate"],
        "target": [
            {
                "selector": [
                    {"type": "TextPositionSelector", "start": second + 7, "end": second + 22},
                    {"type": "TextQuoteSelector", "exact": "founded in 1996", "prefix": "xx"},
                ]
            }
        ],
    }
    code, err = import_rows(mini, [row], "--source", "sample")
    assert code == 0, err
    corpus, _ = load_corpus(Paths(mini))
    [note] = [a for a in corpus.annotations() if a.body == "The second one.\n" or a.id == "x"]
    assert note.id == "x" and note.kind == "fact-check" and note.verdict == "inaccurate"
    assert (note.start, note.quote) == (second, note.quote)
    assert note.quote.suffix == " again,"  # the helper's context, not the row's broken one


def test_an_unreadable_file_is_reported_where_it_breaks(mini: Path) -> None:
    (mini / "rows.json").write_text('{"total": 1,\n "rows": [{"id": 1}\n  {"id": 2}]}', "utf-8")
    result = run([str(BIN / "annotated-reader"), "import", "hypothesis", "rows.json"], mini)
    assert result.returncode == 1
    assert "rows.json:3:3: error: [import.json] expected ',' or ']' after a row" in result.stderr


def test_rows_are_read_with_their_positions() -> None:
    rows = read_rows('[\n  {"a": 1},\n  {"b": [1, 2]}\n]')
    assert [(r.data, r.line, r.col) for r in rows] == [({"a": 1}, 2, 3), ({"b": [1, 2]}, 3, 3)]
    rows = read_rows('{"total": 2, "rows": [{"a": 1}], "replies": []}')
    assert [(r.line, r.col) for r in rows] == [(1, 23)]
    with pytest.raises(RowsError, match="no 'rows'"):
        read_rows('{"total": 0}')
    with pytest.raises(RowsError, match="text after"):
        read_rows("[] []")


NOTE = '  - id: n2\n    kind: context\n    quote:\n      exact: "x"\n    body: "B."\n'


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (  # after the last item, its trailing comment kept above the new one
            "seed: s.txt  # the text\nannotations:\n  - id: n1  # first\n    body: |\n      A.\n\n# end\n",
            "seed: s.txt  # the text\nannotations:\n  - id: n1  # first\n    body: |\n      A.\n\n# end\n"
            + NOTE,
        ),
        (  # a list followed by another key
            "seed: s.txt\nannotations:\n  - {id: n1, body: A.}\nrating: {grade: C}\n",
            "seed: s.txt\nannotations:\n  - {id: n1, body: A.}\n" + NOTE + "rating: {grade: C}\n",
        ),
        (  # an empty list, its comment kept
            "seed: s.txt\nannotations: []  # none yet\nrating:\n  grade: C\n",
            "seed: s.txt\nannotations: # none yet\n" + NOTE + "rating:\n  grade: C\n",
        ),
        (
            "seed: s.txt\nannotations:\nrating:\n  grade: C\n",
            "seed: s.txt\nannotations:\n" + NOTE + "rating:\n  grade: C\n",
        ),
        ("seed: s.txt", "seed: s.txt\nannotations:\n" + NOTE),
    ],
)
def test_notes_are_appended_to_the_text(before: str, after: str) -> None:
    assert append_notes(before, [NOTE]) == after


def test_a_list_at_the_margin_gets_notes_at_the_margin() -> None:
    before = "annotations:\n- id: n1\n  body: A.\n"
    indent = list_indent(before)
    assert indent == ""
    note = NOTE.replace("\n  ", "\n").removeprefix("  ")
    after = append_notes(before, [note])
    assert after == before + note


def test_a_flow_list_is_not_rewritten() -> None:
    with pytest.raises(AppendError, match="flow list"):
        append_notes("annotations: [{id: n1}]\n", [NOTE])
