"""A revision on which the loader raises still gives a snapshot, and a report that says so
(whatever the loader raises: today a nesting too deep for the YAML parser)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotated_reader.core.corpus import Paths
from annotated_reader.review import snapshot
from annotated_reader.review.report import render
from annotated_reader.review.snapshot import load_snapshot


def _raising(*_args: object, **_kwargs: object) -> None:
    raise ValueError("day is out of range for month")


def test_a_loader_that_raises_leaves_a_snapshot_that_says_why(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = load_snapshot(Paths(mini), "work tree")
    monkeypatch.setattr(snapshot, "load_corpus", _raising)
    base = load_snapshot(Paths(mini), "base")
    assert base.failed == "ValueError: day is out of range for month"
    assert [(str(p.location), p.code) for p in base.problems.items] == [
        ("annotations", "review.load-failed")
    ]
    assert sorted(base.notes) == sorted(head.notes)  # still read as written
    out = render(base, head)
    assert (
        "**The base's editorial data could not be loaded** (ValueError\\: day is out of range "
        "for month), so no note is shown as anchored in it"
    ) in out
    assert "| sample | 0 | 0 | 0 | 0 | 0 |" in out  # nothing claimed moved, added or new
