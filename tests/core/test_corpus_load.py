"""The located YAML of each source is read by the features while they load, then dropped:
it was over half of the memory a loaded corpus kept for a whole build."""

from __future__ import annotations

from pathlib import Path

from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.coverage.feature import Coverage
from annotated_reader.ratings.feature import Ratings

ROOT = Path(__file__).resolve().parents[2]


def test_features_read_the_yaml_and_it_is_dropped_after_loading() -> None:
    corpus, problems = load_corpus(Paths(ROOT))
    assert not problems.errors, [str(p) for p in problems.items]
    assert corpus.sources and all(source.node is None for source in corpus.sources)
    ratings = corpus.feature("ratings")
    assert isinstance(ratings, Ratings)
    assert len(ratings.ratings) == len(corpus.sources)  # each file's 'rating' key was read
    coverage = corpus.feature("coverage")
    assert isinstance(coverage, Coverage)
    assert sum(c.explained for c in coverage.report) > 0  # and 'no_note'
