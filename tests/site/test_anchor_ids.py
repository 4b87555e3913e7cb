"""The ids a generated page gives MkDocs to check links against, kept in one string."""

from __future__ import annotations

from annotated_reader.mkdocs.anchorids import AnchorIds


def test_it_holds_exactly_the_ids_it_was_given() -> None:
    ids = AnchorIds(["note-2", "note-1", "p-3", "note-1", "é-ü"])
    assert set(ids) == {"note-1", "note-2", "p-3", "é-ü"} and len(ids) == 4
    assert "note-1" in ids and "é-ü" in ids and "p-3" in ids
    for absent in ("note", "ote-1", "note-1\x00note-2", "", "p-3 ", 3, None):
        assert absent not in ids, absent


def test_no_ids_holds_nothing() -> None:
    ids = AnchorIds([])
    assert list(ids) == [] and len(ids) == 0 and "" not in ids and "a" not in ids
