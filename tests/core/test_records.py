"""The data model's frozen records keep their values through a pickle (the kept source
reads are pickles of them), with the state each class names its fields in."""

from __future__ import annotations

import pickle
from dataclasses import fields, is_dataclass

from annotated_reader.assembly import load_corpus
from annotated_reader.core import model, problems
from annotated_reader.core.corpus import Options, Paths
from annotated_reader.core.records import quick_state
from helpers.project import ROOT


def _frozen_records() -> list[type]:
    return [
        cls
        for module in (model, problems)
        for cls in vars(module).values()
        if isinstance(cls, type)
        and is_dataclass(cls)
        and cls.__module__ == module.__name__
        and cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    ]


def test_every_frozen_record_has_the_quick_state() -> None:
    records = _frozen_records()
    assert {c.__name__ for c in records} >= {"Location", "Quote", "Reference", "Problem"}
    for cls in records:
        assert cls.__setstate__.__module__ == quick_state.__module__, cls  # type: ignore[attr-defined]


def test_a_loaded_corpus_comes_back_from_a_pickle_equal() -> None:
    corpus, _ = load_corpus(Paths(ROOT, "annotations", "seeds"), Options())
    for source in corpus.sources:
        again = pickle.loads(pickle.dumps(source, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == source
        assert [a.location for a in again.annotations] == [a.location for a in source.annotations]
        assert [a.quote for a in again.annotations] == [a.quote for a in source.annotations]


def test_a_state_is_the_fields_values_in_order() -> None:
    where = problems.Location("annotations/sources/x.yml", 3, 7)
    state = where.__getstate__()  # type: ignore[attr-defined]
    assert list(state) == [getattr(where, f.name) for f in fields(where)]
    blank = object.__new__(problems.Location)
    blank.__setstate__(list(state))  # type: ignore[attr-defined]  # a list, as dataclasses kept
    assert blank == where
    one = model.Quote("exact words")
    assert pickle.loads(pickle.dumps(one)) == one
