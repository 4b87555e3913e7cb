"""The located YAML of each source is read by the features while they load, then dropped:
it was over half of the memory a loaded corpus kept for a whole build. While the corpus loads
only what the features say they read of it is kept (at 1,000 sources the whole trees, all
alive until the last file was read, were the build's peak)."""

from __future__ import annotations

from pathlib import Path

from annotated_reader.assembly import default_features, load_corpus
from annotated_reader.core.corpus import Corpus, Feature, Options, Paths
from annotated_reader.core.problems import Location, Problems
from annotated_reader.core.yamlsrc import Node
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


class _Reader(Feature):
    """Says it reads ``rating`` whole and the given keys of each note; records what it is
    given."""

    def __init__(self, name: str, note_keys: frozenset[str]) -> None:
        self.name = name
        self.note_keys = note_keys
        self.seen: dict[str, object] = {}

    def source_keys(self) -> dict[str, frozenset[str] | None]:
        return {"rating": None, "annotations": self.note_keys}

    def load(self, corpus: Corpus, problems: Problems, options: Options) -> None:
        for source in corpus.sources:
            assert source.node is not None
            notes = source.node.value["annotations"].value
            self.seen[source.id] = (
                sorted(source.node.value),
                sorted({k for n in notes for k in n.value}),
                source.node.value["rating"].plain(),
            )


def test_only_what_the_features_read_of_a_source_file_is_kept_while_loading() -> None:
    reader, other = _Reader("reader", frozenset({"kind"})), _Reader("other", frozenset({"id"}))
    corpus, problems = load_corpus(Paths(ROOT), None, [*default_features(), reader, other])
    assert not problems.errors, [str(p) for p in problems.items]
    ratings = corpus.feature("ratings")
    assert isinstance(ratings, Ratings)
    assert set(reader.seen) == {s.id for s in corpus.sources} and other.seen == reader.seen
    for source_id, (keys, note_keys, rating) in reader.seen.items():  # type: ignore[misc]
        # the loader's 'seed', coverage's lists, ratings' 'rating' (also ours, whole)
        assert set(keys) <= {"seed", "rating", "annotations", "no_note", "no_event"}
        assert "metadata" not in keys and "layout" not in keys
        assert note_keys == ["id", "kind"]  # ours and the other's, merged
        assert isinstance(rating, dict) and rating["grade"]
        assert ratings.ratings[source_id].grade


def test_a_kept_tree_keeps_whole_values_and_the_named_keys_of_list_items() -> None:
    def node(value: object) -> Node:
        return Node(value, Location("f.yml", 1, 1))

    tree = node(
        {
            "whole": node({"a": node("1"), "b": node([node("x")])}),
            "items": node([node({"id": node("n1"), "body": node("long")}), node("bare")]),
            "gone": node("dropped"),
        }
    )
    kept = tree.only({"whole": None, "items": frozenset({"id"}), "absent": None})
    assert kept.plain() == {"whole": {"a": "1", "b": ["x"]}, "items": [{"id": "n1"}, "bare"]}
    assert kept.value["whole"] is tree.value["whole"]  # a whole value is not copied
    assert kept.value["items"].location == tree.value["items"].location
    assert tree.plain()["gone"] == "dropped"  # the original is left as it was
    assert node("scalar").only({}).plain() == "scalar"


def test_a_source_s_notes_share_their_empty_where_and_their_few_words() -> None:
    """Most notes give no place and no actors, and every note one of a few kinds (and
    verdicts, and review days): one object for each, in the loaded corpus and in a kept
    read unpickled (a tenth of what 1,000 kept reads held)."""
    import pickle

    corpus, _ = load_corpus(Paths(ROOT))
    source = max(corpus.sources, key=lambda s: len(s.annotations))
    for notes in (source.annotations, pickle.loads(pickle.dumps(source)).annotations):
        nowhere = [n.where for n in notes if not n.where.stated and n.where.place_at is None]
        assert len(nowhere) > 10 and len({id(w) for w in nowhere}) == 1
        for field in ("kind", "verdict", "reviewed"):
            words = [getattr(n, field) for n in notes if getattr(n, field) is not None]
            assert len({id(w) for w in words}) == len(set(words)) < len(words), field
