"""Ids: unique across the corpus, never one the site makes itself, reported at every use.

A note id reused in two files was reported on the later file only; a note id such as
``note-s-inner`` or ``t-minsk-1`` made a second element with an id the page already had.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.core.fields import reserved
from helpers.project import build, check, replace_in

SRC = "annotations/sources/sample.yml"
TWIN = "annotations/sources/twin.yml"


@pytest.mark.parametrize(
    "ident",
    [
        "note-s-inner",
        "ref-s-inner",
        "t-minsk-1",
        "h-minsk",
        "cat-place",
        "sec-3",
        "ar-popover",
        "top",
    ],
)
def test_an_id_the_site_makes_itself_is_refused_at_its_line(ident: str, mini: Path) -> None:
    replace_in(mini, SRC, "id: s-debris", f"id: {ident}")
    checked = check(mini)
    expected = (
        f"{SRC}:43:9: error: [annotation.reserved-id] id '{ident}' has the form of the ids the "
        "site gives its own elements (note-…, ref-…, t-…-<number>, h-…, cat-…, sec-<number>, ar-… "
        "or top); "
        "choose another"
    )
    assert checked.returncode == 1 and expected in checked.stdout.splitlines(), checked.stdout


@pytest.mark.parametrize(
    "ident", ["t-talks", "topic", "hahn-1", "notes-1", "tea-1", "sec-council", "section-1"]
)
def test_ids_that_only_look_alike_are_fine(ident: str) -> None:
    assert reserved(ident) is None


def _twin(project: Path, text: str) -> None:
    (project / TWIN).write_text(text, encoding="utf-8")
    (project / "seeds" / "twin.txt").write_text("Leave a Reply, said the twin.\n", "utf-8")


def test_a_note_id_used_in_two_files_is_reported_at_both(mini: Path) -> None:
    sample = (mini / SRC).read_text(encoding="utf-8")
    twin = sample.replace("seed: sample.txt", "seed: twin.txt")
    twin = twin[: twin.index("annotations:")] + (
        "annotations:\n  - id: s-debris\n    kind: debris\n"
        '    quote: {exact: "Leave a Reply"}\n    body: "The twin\'s."\n'
    )
    _twin(mini, twin)
    checked = check(mini)
    lines = [ln for ln in checked.stdout.splitlines() if "[annotation.duplicate-id]" in ln]
    assert lines == [
        f"{SRC}:43:5: error: [annotation.duplicate-id] annotation id 's-debris' is also used at "
        f"{TWIN}:22:5; ids are unique in the whole corpus: give each note its own id (none of "
        "them is published until then)",
        f"{TWIN}:22:5: error: [annotation.duplicate-id] annotation id 's-debris' is also used at "
        f"{SRC}:43:5; ids are unique in the whole corpus: give each note its own id (none of "
        "them is published until then)",
    ], checked.stdout
    corpus, _ = load_corpus(Paths(mini))
    assert "s-debris" not in {a.id for a in corpus.annotations()}
    built = build(mini)
    assert built.returncode != 0 and all(line in built.stderr for line in lines)


def test_a_seed_named_by_two_files_is_reported_at_both(mini: Path) -> None:
    sample = (mini / SRC).read_text(encoding="utf-8")
    _twin(mini, sample[: sample.index("annotations:")] + "annotations: []\n")
    lines = [ln for ln in check(mini).stdout.splitlines() if "[source.seed-reused]" in ln]
    assert lines == [
        f"{SRC}:1:7: error: [source.seed-reused] seed 'sample.txt' is also annotated by {TWIN}; "
        "one source file per seed: merge the files, or point each at its own seed",
        f"{TWIN}:1:7: error: [source.seed-reused] seed 'sample.txt' is also annotated by {SRC}; "
        "one source file per seed: merge the files, or point each at its own seed",
    ]


def test_every_id_the_built_site_makes_has_a_reserved_form(real_site: Path) -> None:
    """The guard on the list in ``fields.RESERVED``: on each page where editorial ids become
    element ids, every other id is one the site makes (Material's own start with '__', the
    page heading's comes from its title): a new kind of generated id must be added there."""
    corpus, _ = load_corpus(Paths(Path(__file__).resolve().parents[2]))
    editorial = {a.id for a in corpus.annotations()} | {s.id for s in corpus.sources}
    for feature in corpus.features:
        for ids in feature.known_ids().values():
            editorial |= ids
    pages = [real_site / "sources" / s.id / "index.html" for s in corpus.sources]
    pages += [real_site / p / "index.html" for p in ("glossary", "timeline", "ratings")]
    made = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        heading = re.search(r'<h1 id="([^"]+)"', html)
        for ident in re.findall(r'\bid="([^"]+)"', html):
            if (
                ident not in editorial
                and not ident.startswith("__")
                and heading
                and ident != heading.group(1)
            ):
                made.add(ident)
    unreserved = sorted(i for i in made if reserved(i) is None)
    assert not unreserved, unreserved
    assert any(i.startswith("t-") for i in made) and any(i.startswith("note-") for i in made)
