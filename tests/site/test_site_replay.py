"""The last build's site kept whole in the cache folder (``render.replay``): a build whose
inputs did not change gives it back without loading the corpus or importing the renderer,
and writes what a build from scratch writes. Any change to an input misses it: an editorial
file, a template, an option, the plugin's code. A damaged or foreign kept site is not used,
and a build with problems is never given back whole, so it says them again. Builds are real
``mkdocs build`` runs of a copy of the real corpus."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.project import BIN, ROOT, copy_project, replace_in, run, write_file
from helpers.rebuild import CACHE, assert_same, edits, files, from_scratch

KEPT = CACHE / "site" / "site.bin"
REUSED = "its generated pages are reused from the cache"
# mkdocs, with the corpus loader made unimportable: a build that loads the corpus fails.
NO_LOADER = (
    "import sys; sys.modules['annotated_reader.assembly'] = None; "
    "sys.modules['annotated_reader.render.generated'] = None; "
    "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()"
)


def _build(
    project: Path, *extra: str, env: dict[str, str] | None = None, loader: bool = True
) -> str:
    cmd = [str(BIN / "mkdocs")] if loader else [sys.executable, "-c", NO_LOADER]
    done = run(
        [*cmd, "build", "--site-dir", "site", *extra],
        project,
        env={"SOURCE_DATE_EPOCH": "0", **(env or {})},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(ROOT, tmp_path / "corpus")


def test_an_unchanged_build_gives_back_the_last_site_without_loading_the_corpus(
    project: Path, tmp_path: Path
) -> None:
    first = _build(project)
    assert REUSED not in first and (project / KEPT).is_file()
    scratch = from_scratch(project, tmp_path)
    assert_same(files(project / "site"), scratch)
    shutil.rmtree(project / "site")
    again = _build(project, loader=False)  # would fail if it imported the loader
    assert REUSED in again
    assert_same(files(project / "site"), scratch)
    for kind in ("markup", "terms", "yaml"):  # a replay uses none: it deletes none
        assert list((project / CACHE / kind).glob("*.json")), kind


def test_without_the_loader_a_changed_corpus_cannot_be_replayed(project: Path) -> None:
    """The check above can fail: with the loader unimportable, a build that must load the
    corpus fails."""
    _build(project)
    replace_in(project, "seeds/000_4dd6afc7a955fa9c.txt", "Pavel", "Pavlo")
    cmd = [sys.executable, "-c", NO_LOADER, "build", "--site-dir", "site"]
    done = run(cmd, project, env={"SOURCE_DATE_EPOCH": "0"})
    assert done.returncode != 0 and "annotated_reader.assembly" in done.stderr


def _option(project: Path, line: str) -> Callable[[], None]:
    def edit() -> None:
        text = (project / "mkdocs.yml").read_text("utf-8")
        plugin = "  - annotated-reader:\n" if "  - annotated-reader:\n" in text else None
        old = plugin or "  - annotated-reader\n"
        replace_in(project, "mkdocs.yml", old, f"  - annotated-reader:\n      {line}\n")

    return edit


def _more_edits(project: Path) -> list[tuple[str, object]]:
    return [
        (
            # Notes in flash-reunification link to notes of this source, and their link
            # labels name its title: that file is unchanged, but its export is not.
            "a source's title, named by links in another source's notes",
            lambda: replace_in(
                project,
                "annotations/sources/wiki2web-union-state.yml",
                'value: "The Union State"',
                'value: "The Union State (edited)"',
            ),
        ),
        (
            "a new file in the annotations folder",
            lambda: write_file(project, "annotations/NOTES.md", "Editors' notes.\n"),
        ),
        ("an option of the plugin", _option(project, "link_terms: all")),
        (
            "an option of MkDocs",
            lambda: replace_in(
                project, "mkdocs.yml", "site_name: Union State Reader", "site_name: Union Reader"
            ),
        ),
        (
            "the address of the pages",
            lambda: replace_in(
                project, "mkdocs.yml", "site_name:", "use_directory_urls: false\nsite_name:"
            ),
        ),
    ]


def test_a_change_to_any_input_misses_the_kept_site(project: Path, tmp_path: Path) -> None:
    """After each kind of edit, the first build is not a replay and writes what a build
    from scratch writes; the build after it, with nothing changed, is one (unless the edit
    brought a warning: then it builds again, and says it again)."""
    _build(project)
    seed, *others = edits(project)  # the seed's edit brings a warning that stays: last
    kept = 0
    for what, edit in [*others, *_more_edits(project), seed]:
        edit()  # type: ignore[operator]
        log = _build(project)
        assert REUSED not in log, f"{what}: replayed"
        assert_same(files(project / "site"), from_scratch(project, tmp_path))
        again = _build(project)
        if "WARNING" in log:  # (the seed's edit breaks a glossary alias): said again
            assert REUSED not in again and "WARNING" in again, f"{what}: kept with warnings"
        else:
            assert REUSED in again, f"{what}: not kept"
            kept += 1
        assert_same(files(project / "site"), from_scratch(project, tmp_path))
    assert kept == len(others) + len(_more_edits(project))


def test_another_version_of_the_plugin_code_misses_the_kept_site(
    project: Path, tmp_path: Path
) -> None:
    """A copy of the package with one packaged template changed (no Python file: the
    per-file results' key does not see it) builds its own site."""
    _build(project)
    copy = tmp_path / "code" / "annotated_reader"
    shutil.copytree(
        ROOT / "plugins" / "annotated_reader", copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    note = copy / "render" / "templates" / "note.html"
    note.write_text("<!-- another version -->" + note.read_text("utf-8"), "utf-8")
    log = _build(project, env={"PYTHONPATH": str(copy.parent)})
    assert REUSED not in log
    page = project / "site/sources/hahn-belarus-option/index.html"
    assert "another version" in page.read_text("utf-8")
    assert REUSED not in _build(project), "the original code reused the copy's site"
    assert "another version" not in page.read_text("utf-8")


@pytest.mark.parametrize("how", ["flipped", "truncated", "emptied"])
def test_a_damaged_kept_site_is_not_used_and_says_so(
    project: Path, tmp_path: Path, how: str
) -> None:
    _build(project)
    kept = project / KEPT
    data = bytearray(kept.read_bytes())
    if how == "flipped":  # a byte of a page, the key line spared
        data[len(data) // 3] ^= 0x01
    elif how == "truncated":
        data = data[: len(data) // 2]
    else:
        data = data[:65]
    kept.write_bytes(bytes(data))
    log = _build(project)
    assert "INFO    -  annotated_reader: ignored a damaged cache file site/site.bin" in log
    assert REUSED not in log
    assert_same(files(project / "site"), from_scratch(project, tmp_path))
    assert REUSED in _build(project), "written anew"


def test_a_site_kept_by_another_user_is_not_used(project: Path, tmp_path: Path) -> None:
    _build(project, env={"XDG_CACHE_HOME": str(tmp_path / "other-user")})
    log = _build(project, env={"XDG_CACHE_HOME": str(tmp_path / "this-user")})
    assert REUSED not in log
    assert_same(files(project / "site"), from_scratch(project, tmp_path))


def test_a_build_with_problems_is_never_given_back_whole_but_lends_its_pages(
    project: Path, tmp_path: Path
) -> None:
    """A build that reported a problem keeps its site marked so: the next build with the
    same inputs loads the corpus and says the problem again; after an edit elsewhere, the
    pages the edit did not change are still taken from it (with a warning left in a
    newsroom's corpus, every edited build rendered every page)."""
    replace_in(
        project,
        "annotations/sources/hahn-belarus-option.yml",
        "    body: |\n",
        "    body: |\n      See [[term:no-such-term]].\n",
    )
    for _ in range(2):
        log = _build(project)
        assert "[xref.unknown]" in log and "no-such-term" in log
        assert REUSED not in log
    assert (project / KEPT).exists()
    replace_in(
        project,
        "annotations/sources/flash-reunification.yml",
        "    body: |\n",
        "    body: |\n      An edited note.\n",
    )
    log = _build(project)
    assert "[xref.unknown]" in log and REUSED not in log
    assert "4 of 5 source pages and 6 of 6 corpus-wide pages taken" in log
    assert_same(files(project / "site"), from_scratch(project, tmp_path))


def test_a_dirty_build_keeps_no_site(project: Path) -> None:
    """``--dirty`` leaves the search entries to Material (it merges its last index): a site
    kept from it would have none to give back, and every replay would have search read every
    page. The next build keeps one, and the one after gives it back."""
    _build(project, "--dirty")
    assert not (project / KEPT).exists()
    assert REUSED not in _build(project)
    assert (project / KEPT).exists()
    assert REUSED in _build(project)


def test_a_link_in_an_editorial_folder_keeps_no_site(project: Path) -> None:
    (project / "annotations" / "extra").symlink_to(project / "docs", target_is_directory=True)
    for _ in range(2):
        assert REUSED not in _build(project)
    assert not (project / KEPT).exists()


def test_a_replayed_build_still_checks_hand_written_pages(project: Path, tmp_path: Path) -> None:
    """Hand-written pages are not part of the key: an edited one shows, and its link to a
    note that is not there is still a warning."""
    _build(project)
    write_file(
        project,
        "docs/extra.md",
        "# Extra\n\nSee [a note](sources/hahn-belarus-option.md#no-such-note).\n",
    )
    log = _build(project)
    assert REUSED in log
    assert "no-such-note" in log and "WARNING" in log
    assert (project / "site/extra/index.html").is_file()
    assert_same(files(project / "site"), from_scratch(project, tmp_path))


def test_a_replayed_build_refuses_a_hand_written_page_in_a_generated_page_s_place(
    project: Path,
) -> None:
    _build(project)
    write_file(project, "docs/glossary.md", "# Mine\n")
    cmd = [str(BIN / "mkdocs"), "build", "--site-dir", "site"]
    done = run(cmd, project, env={"SOURCE_DATE_EPOCH": "0"})
    assert done.returncode != 0
    assert REUSED in done.stderr and "glossary.md" in done.stderr


RACING = """
import sys
from pathlib import Path
from annotated_reader.render import replay

real, calls = replay.site_key, []

def racing(folders, options):
    key = real(folders, options)
    if not calls:  # a save landing just after the key was made, before the files are read
        note = Path("annotations/sources/hahn-belarus-option.yml")
        text = note.read_text("utf-8")
        note.write_text(text.replace("    body: |\\n", "    body: |\\n      Saved mid-build.\\n", 1), "utf-8")
    calls.append(key)
    return key

replay.site_key = racing
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--site-dir", "site"]
cli()
"""


def test_a_file_saved_during_the_build_keeps_nothing(project: Path, tmp_path: Path) -> None:
    """The build read the file in its new state under the old state's key: nothing is
    kept, or the next build of the old state would be given the new one."""
    done = run([sys.executable, "-c", RACING], project, env={"SOURCE_DATE_EPOCH": "0"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert "an editorial file changed during the build; this site is not kept" in done.stderr
    assert not (project / KEPT).exists()
    assert REUSED not in _build(project)
    assert_same(files(project / "site"), from_scratch(project, tmp_path))
    assert REUSED in _build(project)
