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
from helpers.project import ROOT, copy_project, replace_in, write_file
from helpers.rebuild import assert_same, build_verbose, files, from_scratch, override_template

TAKEN = re.compile(r"(\d+) of (\d+) source pages and (\d+) of (\d+) corpus-wide pages taken")
HAHN = "annotations/sources/hahn-belarus-option.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    built = copy_project(ROOT, tmp_path / "corpus")
    build_verbose(built)
    return built


def _taken(project: Path, tmp_path: Path) -> int:
    """Source pages the build after an edit took as made; its site is a scratch build's."""
    return _both_taken(project, tmp_path)[0]


def _both_taken(project: Path, tmp_path: Path) -> tuple[int, int]:
    """Source pages and corpus-wide pages (of the seed corpus's 6: sources, timeline,
    glossary, claims, ratings and methodology) the build after an edit took as made; its
    site is a scratch build's."""
    log = build_verbose(project)
    assert_same(files(project / "site"), from_scratch(project, tmp_path))
    found = TAKEN.search(log)
    assert found is None or (found[2], found[4]) == ("5", str(WIDE)), log
    return (int(found[1]), int(found[3])) if found else (0, 0)


WIDE = 6  # the seed corpus's corpus-wide pages (more when a page_budget cuts them)


def _page(project: Path, source: str) -> str:
    return (project / "site" / "sources" / source / "index.html").read_text("utf-8")


def test_a_note_edited_renders_its_own_page_alone(project: Path, tmp_path: Path) -> None:
    """Other sources' links to its notes name its title, not its text: they stay."""
    replace_in(project, HAHN, "    body: |\n", "    body: |\n      An edited first note.\n")
    assert _both_taken(project, tmp_path) == (4, WIDE)  # no corpus-wide page shows a body
    assert "An edited first note." in _page(project, "hahn-belarus-option")
    replace_in(project, HAHN, "An edited first note.", "Edited again.")
    assert _both_taken(project, tmp_path) == (4, WIDE)  # kept again, with their keys


def test_a_note_grown_by_lines_moves_no_corpus_wide_page(project: Path, tmp_path: Path) -> None:
    """The notes after it are written further down the file: only problems show lines."""
    grown = "    body: |\n" + "      A line added.\n" * 3 + "\n"
    replace_in(project, HAHN, "    body: |\n", grown)
    assert _both_taken(project, tmp_path) == (4, WIDE)


def test_a_verdict_changed_renders_the_corpus_wide_pages(project: Path, tmp_path: Path) -> None:
    """A fact-check's verdict is on the ratings (its source's accuracy) and claims pages."""
    replace_in(project, HAHN, "    verdict: accurate\n", "    verdict: inaccurate\n")
    assert _both_taken(project, tmp_path) == (4, 0)


def test_an_event_retitled_renders_the_corpus_wide_pages(project: Path, tmp_path: Path) -> None:
    old = "title: Treaty on the Formation of the Community of Belarus and Russia signed"
    replace_in(project, "annotations/events.yml", old, old + " (edited)")
    assert _both_taken(project, tmp_path)[1] == 0
    timeline = (project / "site" / "timeline" / "index.html").read_text("utf-8")
    assert "Belarus and Russia signed (edited)" in timeline


def test_cut_pages_are_taken_with_their_cut_and_cut_again_after_a_change(
    project: Path, tmp_path: Path
) -> None:
    """With a small page budget the timeline, glossary and ratings are cut in parts: after
    a note's edit every part is taken, and where each entry went is taken with them (not
    measured again); after a term's edit they are all made again."""
    budget = "  - annotated-reader:\n      page_budget: 8000\n"
    replace_in(project, "mkdocs.yml", "  - annotated-reader\n", budget)
    log = build_verbose(project)
    assert (project / "site" / "glossary" / "a" / "index.html").is_file()
    assert (project / "site" / "timeline" / "1999" / "index.html").is_file()
    replace_in(project, HAHN, "    body: |\n", "    body: |\n      An edited first note.\n")
    log = build_verbose(project)
    assert_same(files(project / "site"), from_scratch(project, tmp_path))
    found = TAKEN.search(log)
    assert found is not None and found[1] == "4" and found[3] == found[4] and int(found[4]) > 20
    replace_in(project, "annotations/glossary.yml", "President of Russia", "President of Russia, ")
    log = build_verbose(project)
    assert_same(files(project / "site"), from_scratch(project, tmp_path))
    found = TAKEN.search(log)
    assert found is not None and found[3] == "0", log


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


def test_the_corpus_wide_files_follow_a_template_and_an_option(
    project: Path, tmp_path: Path
) -> None:
    """The terms script is made with term_preview.html, and links each term's part of a
    cut glossary: a template edited, or ``link_terms`` changed (which cuts the glossary
    anew), makes it again (an outside test found it copied from the last build)."""
    preview = ROOT / "plugins/annotated_reader/render/templates/term_preview.html"
    write_file(project, "overrides/term_preview.html", preview.read_text("utf-8"))
    plugin = "  - annotated-reader:\n      templates_dir: overrides\n      page_budget: 8000\n"
    replace_in(project, "mkdocs.yml", "  - annotated-reader\n", plugin)
    build_verbose(project)
    script = project / "site" / "assets" / "annotated-reader" / "glossary-terms.js"
    write_file(project, "overrides/term_preview.html", "<!-- v2 -->" + preview.read_text("utf-8"))
    _both_taken(project, tmp_path)
    assert "!-- v2 --" in script.read_text("utf-8")
    replace_in(
        project, "mkdocs.yml", "page_budget: 8000\n", "page_budget: 8000\n      link_terms: all\n"
    )
    _both_taken(project, tmp_path)


# Between MkDocs' two loops (on_env), the kept site is overwritten where it is: the pages
# taken from it are read from it again as the theme writes them, and must be made anew.
_DAMAGE = """
from pathlib import Path

def on_env(env, config, files):
    kept = Path(config.config_file_path).parent / ".cache/plugin/annotated-reader/site/site.bin"
    if kept.is_file():  # not in the build from scratch
        with open(kept, "r+b") as f:
            size = f.seek(0, 2)
            f.seek(100)
            f.write(b"\\0" * max(0, size - 20_000))
    return env
"""


def test_pages_taken_are_read_again_as_they_are_written_and_made_anew_if_that_fails(
    project: Path, tmp_path: Path
) -> None:
    """A page taken from the kept site is not held between MkDocs' loops but read from
    that file again; when the file was overwritten meanwhile, the page is made anew."""
    replace_in(project, HAHN, "    body: |\n", "    body: |\n      An edited first note.\n")
    write_file(project, "damage.py", _DAMAGE)
    replace_in(project, "mkdocs.yml", "plugins:\n", "hooks:\n  - damage.py\nplugins:\n")
    assert _both_taken(project, tmp_path) == (4, WIDE)


def test_with_workers_the_pool_renders_only_the_pages_not_taken(
    project: Path, tmp_path: Path
) -> None:
    """Forked workers render the source pages: the ones taken are not given to them."""
    replace_in(
        project, "mkdocs.yml", "  - annotated-reader\n", "  - annotated-reader:\n      workers: 2\n"
    )
    named = sorted(f"annotations/sources/{f.name}" for f in (project / HAHN).parent.glob("*.yml"))
    edited = [HAHN, *[rel for rel in named if rel != HAHN][:2]]
    for k, rel in enumerate(edited):
        replace_in(project, rel, "    body: |\n", f"    body: |\n      Edited note {k}.\n")
    log = build_verbose(project)
    # The first page is rendered before the fork, the other two by as many workers
    assert "rendering 3 source pages in 2 worker processes" in log and TAKEN.search(log)
    assert TAKEN.search(log)[1] == "2"  # type: ignore[index]
    assert_same(files(project / "site"), from_scratch(project, tmp_path))
    replace_in(project, HAHN, "    body: |\n", "    body: |\n      Edited once more.\n")
    log = build_verbose(project)  # one page: rendered here, no worker forked for it
    assert "worker processes" not in log and TAKEN.search(log)[1] == "4"  # type: ignore[index]
    assert_same(files(project / "site"), from_scratch(project, tmp_path))
