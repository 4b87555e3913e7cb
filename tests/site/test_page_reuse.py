"""After an edit, a source page whose own file and seed did not change is taken from the
last build's kept site instead of rendered, unless something it shows from elsewhere
changed: a ``[[…]]`` label (another source's title), a claim's count of the sources that
carry it, a glossary term's links, the site's templates. Each case is a real ``mkdocs
build`` of a copy of the real corpus after one edit, compared with a build from scratch,
byte for byte, and the build says how many source pages it took."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.project import ROOT, copy_project, replace_in
from helpers.rebuild import assert_same, build_verbose, files, from_scratch, override_template

TAKEN = re.compile(r"(\d+) of (\d+) source pages taken from the last build")
HAHN = "annotations/sources/hahn-belarus-option.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    built = copy_project(ROOT, tmp_path / "corpus")
    build_verbose(built)
    return built


def _taken(project: Path, tmp_path: Path) -> int:
    """Source pages the build after an edit took as made; its site is a scratch build's."""
    log = build_verbose(project)
    assert_same(files(project / "site"), from_scratch(project, tmp_path))
    found = TAKEN.search(log)
    assert found is None or found[2] == "5", log
    return int(found[1]) if found else 0


def _page(project: Path, source: str) -> str:
    return (project / "site" / "sources" / source / "index.html").read_text("utf-8")


def test_a_note_edited_renders_its_own_page_alone(project: Path, tmp_path: Path) -> None:
    """Other sources' links to its notes name its title, not its text: they stay."""
    replace_in(project, HAHN, "    body: |\n", "    body: |\n      An edited first note.\n")
    assert _taken(project, tmp_path) == 4
    assert "An edited first note." in _page(project, "hahn-belarus-option")
    replace_in(project, HAHN, "An edited first note.", "Edited again.")
    assert _taken(project, tmp_path) == 4  # the pages taken were kept again, with their keys


def test_a_claim_one_source_stops_carrying_renders_the_other_again(
    project: Path, tmp_path: Path
) -> None:
    """The files of lysyansky-ussr-2 and wiki2web-union-state are unchanged, but their
    notes on the 1997 treaty count the other sources carrying the claim, and
    hahn-belarus-option no longer does."""
    before = _page(project, "lysyansky-ussr-2").count("also in 2 other sources")
    for _ in range(2):
        replace_in(project, HAHN, "    claim_id: union-treaty-1997\n", "")
    assert _taken(project, tmp_path) == 2  # all but those three
    assert _page(project, "lysyansky-ussr-2").count("also in 2 other sources") == before - 1


def test_a_source_title_named_in_another_source_s_links_renders_it_again(
    project: Path, tmp_path: Path
) -> None:
    """flash-reunification's notes link notes of wiki2web-union-state, by its title."""
    replace_in(
        project,
        "annotations/sources/wiki2web-union-state.yml",
        'value: "The Union State"',
        'value: "The Union State (edited)"',
    )
    assert _taken(project, tmp_path) <= 3
    assert "The Union State (edited)" in _page(project, "flash-reunification")


def test_a_glossary_alias_added_renders_the_pages_it_links(project: Path, tmp_path: Path) -> None:
    """One seed says "President Putin": its page gains a term link, no file of it changed."""
    replace_in(
        project,
        "annotations/glossary.yml",
        "      - Путин\n",
        "      - Путин\n      - President Putin\n",
    )
    assert _taken(project, tmp_path) == 4


def test_a_template_overridden_takes_no_page(project: Path, tmp_path: Path) -> None:
    override_template(project)
    assert _taken(project, tmp_path) == 0
    assert "<!-- edited -->" in _page(project, "hahn-belarus-option")


def test_with_workers_the_pool_renders_only_the_pages_not_taken(
    project: Path, tmp_path: Path
) -> None:
    """Forked workers render the source pages: the ones taken are not given to them."""
    replace_in(
        project, "mkdocs.yml", "  - annotated-reader\n", "  - annotated-reader:\n      workers: 2\n"
    )
    replace_in(project, HAHN, "    body: |\n", "    body: |\n      An edited first note.\n")
    log = build_verbose(project)
    assert "rendering 1 source pages in 2 processes" in log and TAKEN.search(log)
    assert TAKEN.search(log)[1] == "4"  # type: ignore[index]
    assert_same(files(project / "site"), from_scratch(project, tmp_path))
