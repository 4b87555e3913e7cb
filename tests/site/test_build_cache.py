"""Work kept between builds (parsed YAML, rendered Markdown, term matches): a build that
reuses it writes what a build from scratch writes, byte for byte, after an edit of each
kind of input and under another version of the plugin's code; a damaged cache is not used,
and says so at INFO; a cache file someone else wrote matches no key. Builds are real
``mkdocs build`` runs of a copy of the real corpus."""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
from pathlib import Path

import pytest
from annotated_reader.core import memo
from helpers.project import ROOT, copy_project, replace_in
from helpers.rebuild import (
    CACHE,
    assert_same,
    build_verbose,
    edits,
    files,
    forget_site,
    from_scratch,
)
from helpers.searchspy import search_reads

KINDS = ("glossary", "markup", "sources", "terms", "yaml")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(ROOT, tmp_path / "corpus")


def test_each_kind_of_edit_builds_what_a_build_from_scratch_builds(
    project: Path, tmp_path: Path
) -> None:
    build_verbose(project)
    for kind in KINDS:
        assert _kept(project, kind), kind
    assert_same(files(project / "site"), from_scratch(project, tmp_path))  # warm = cold
    for what, edit in edits(project):
        before = files(project / "site")
        edit()  # type: ignore[operator]
        build_verbose(project)
        after = files(project / "site")
        assert after != before, f"{what}: the edit changed nothing"
        scratch = from_scratch(project, tmp_path)
        assert_same(after, scratch)


def _kept(project: Path, kind: str) -> list[Path]:
    """The results kept of one kind: JSON, or pickles (a source file read)."""
    return sorted(p for p in (project / CACHE / kind).glob("*") if p.suffix in (".json", ".pickle"))


def _write_kept(path: Path, value: object, *, sealed: bool = True) -> None:
    """A result as the plugin writes it: sealed with this user's secret (the builds run
    with this process's HOME), or not."""
    body = pickle.dumps(value) if path.suffix == ".pickle" else json.dumps(value).encode("utf-8")
    mark = memo.seal(path.stem.encode() + b"\0" + body) if sealed else b"\0" * 32
    assert mark is not None
    path.write_bytes(mark.hex().encode("ascii") + b"\n" + body)


def _poison(project: Path, *, sealed: bool = True) -> None:
    """Every kept rendering of Markdown says POISON (a tree or a match list cannot)."""
    assert _kept(project, "markup")
    for path in _kept(project, "markup"):
        _write_kept(path, "<p>POISON</p>\n", sealed=sealed)


def _poisoned(project: Path) -> bool:
    return any(b"POISON" in data for data in files(project / "site").values())


def _swept(project: Path) -> bool:
    return not any(b"POISON" in p.read_bytes() for p in _kept(project, "markup"))


def test_a_source_file_read_before_is_taken_as_it_was_kept(project: Path) -> None:
    """A source file's notes are not read again from its YAML: a kept read whose first
    note says POISON (sealed as the plugin seals it) is what the page shows."""
    build_verbose(project)
    for path in _kept(project, "sources"):
        read = pickle.loads(path.read_bytes().partition(b"\n")[2])
        read.source.annotations[0].body = "POISON"
        _write_kept(path, read)
    forget_site(project)
    build_verbose(project)
    assert _poisoned(project)


def test_what_reading_a_kept_source_file_reported_is_reported_by_every_build(
    project: Path,
) -> None:
    """A mistake in a source file is reported at its line by the build that read the file,
    and again by each build that takes the file's read from the cache."""
    replace_in(
        project,
        "annotations/sources/hahn-belarus-option.yml",
        "    kind: fact-check\n",
        "    kind: fact-check\n    colour: red\n",
    )
    error = (
        "hahn-belarus-option.yml:104:1: error: [annotation.unknown-field] unknown field 'colour'"
    )
    assert error in build_verbose(project)
    forget_site(project)
    assert error in build_verbose(project)


def test_the_glossary_read_before_is_taken_as_it_was_kept(project: Path) -> None:
    """The glossary file is not read again from its YAML: a kept read whose first term's
    definition says POISON (sealed as the plugin seals it) is what the glossary shows, and
    the spellings it matches are the kept matcher's."""
    build_verbose(project)
    (path,) = _kept(project, "glossary")
    read = pickle.loads(path.read_bytes().partition(b"\n")[2])
    read.terms[0].definition = "POISON"
    read.matcher = type(read.matcher)([])  # no spelling: no term linked in any source
    _write_kept(path, read)
    forget_site(project)
    build_verbose(project)
    assert _poisoned(project)
    page = (project / "site/sources/hahn-belarus-option/index.html").read_text("utf-8")
    assert "data-ar-term=" not in page


def test_what_reading_the_kept_glossary_reported_is_reported_by_every_build(
    project: Path,
) -> None:
    """A mistake in the glossary (an unknown field, an alias that is a common word) is
    reported at its line by the build that read the file, and again by each build that
    takes the read from the cache."""
    replace_in(
        project,
        "annotations/glossary.yml",
        "    category: person\n",
        "    category: person\n    colour: red\n",
    )
    replace_in(
        project, "annotations/glossary.yml", "      - Putin\n", "      - Putin\n      - the\n"
    )
    first = build_verbose(project)
    said = [line for line in first.splitlines() if "glossary.yml:" in line]
    assert any("colour" in line for line in said) and any("'the'" in line for line in said)
    forget_site(project)
    again = build_verbose(project)
    assert [line for line in again.splitlines() if "glossary.yml:" in line] == said
    assert _kept(project, "glossary")


def test_a_seed_edited_so_every_passage_moves_is_anchored_again(
    project: Path, tmp_path: Path
) -> None:
    """A source file's read is kept with where its quotes were in its seed: after the seed
    gains words before them, the notes mark the passages where they now are."""
    build_verbose(project)
    replace_in(
        project,
        "seeds/000_4dd6afc7a955fa9c.txt",
        "Russian traditional matryoshka",
        "Russian traditional wooden matryoshka",
    )
    log = build_verbose(project)
    assert "anchor." not in log, "every quote still anchors"
    assert_same(files(project / "site"), from_scratch(project, tmp_path))


def test_the_cache_is_used_and_another_version_of_the_code_does_not_use_it(
    project: Path, tmp_path: Path
) -> None:
    """Kept work is really reused (a poisoned rendering shows up); the plugin's code with
    one comment added (imported from a copy of the package) uses none of it, and deletes
    it at the end of its build."""
    build_verbose(project)
    _poison(project)
    forget_site(project)
    build_verbose(project)
    assert _poisoned(project)
    copy = tmp_path / "code" / "annotated_reader"
    shutil.copytree(
        ROOT / "plugins" / "annotated_reader", copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    edited = copy / "core" / "dated.py"
    edited.write_text(edited.read_text("utf-8") + "\n# another version\n", "utf-8")
    compiled = {p.name for p in (project / CACHE).glob("__jinja2_*.cache")}
    build_verbose(project, env={"PYTHONPATH": str(copy.parent)})
    assert not _poisoned(project)
    assert _swept(project)
    now = {p.name for p in (project / CACHE).glob("__jinja2_*.cache")}
    assert now and not now & compiled, "templates compiled by the other code are not reused"


def test_a_cache_someone_else_wrote_matches_no_key(project: Path, tmp_path: Path) -> None:
    """Keys are made with this user's secret, kept outside the project: a cache file from
    another machine (committed, say) is of no use, even from the same code."""
    build_verbose(project, env={"XDG_CACHE_HOME": str(tmp_path / "other-user")})
    _poison(project)
    shutil.rmtree(project / "site")
    build_verbose(project, env={"XDG_CACHE_HOME": str(tmp_path / "this-user")})
    assert not _poisoned(project)
    assert _swept(project)
    tags = {p.name.split(".")[1] for p in (project / CACHE).glob("__jinja2_*.cache")}
    assert len(tags) == 1, "the other user's compiled templates are deleted"


def test_a_result_edited_after_it_was_written_is_not_used(project: Path) -> None:
    """Each result carries a seal only this user's builds can make: one altered since (by
    hand, by a tool, on disk) is worked out again, with a note."""
    build_verbose(project)
    _poison(project, sealed=False)
    forget_site(project)
    log = build_verbose(project)
    assert not _poisoned(project)
    assert "damaged cache file(s) in markup/" in log


@pytest.mark.parametrize("how", ["truncated", "flipped", "planted"])
def test_a_damaged_or_planted_compiled_template_is_never_run(
    project: Path, tmp_path: Path, how: str
) -> None:
    """Jinja unpickles and runs a compiled template it loads: a damaged one, or one put
    there under a name seen in a listing, is not loaded (and is deleted). The theme's
    compiled templates are kept the same way."""
    build_verbose(project)
    compiled = sorted((project / CACHE).rglob("__jinja2_*.cache"))
    assert {p.parent.name for p in compiled} == {CACHE.name, "theme"}  # ours, the theme's
    for path in compiled:
        data = bytearray(path.read_bytes())
        if how == "truncated":
            data = data[:20]
        elif how == "flipped":
            data[120] ^= 0xFF
        else:  # a compiled template as Jinja writes it, with no seal
            data = data[32:]
        path.write_bytes(bytes(data))
    forget_site(project)
    build_verbose(project)
    for path in compiled:  # not loaded: compiled again and written anew, sealed
        data = path.read_bytes()
        assert memo.sealed(path.name.encode() + b"\0" + data[32:], data[:32]), path.name
    assert_same(files(project / "site"), from_scratch(project, tmp_path))


@pytest.mark.parametrize(
    "damage",
    [
        "{not json",
        '{"entries": 3}',
        "\udcff",  # not UTF-8 once written with surrogateescape
    ],
)
def test_a_damaged_cache_is_ignored_with_a_note(project: Path, tmp_path: Path, damage: str) -> None:
    build_verbose(project)
    counts = {}
    for kind in KINDS:
        counts[kind] = len(_kept(project, kind))
        for path in _kept(project, kind):
            path.write_bytes(damage.encode("utf-8", "surrogateescape"))
    forget_site(project)
    log = build_verbose(project)
    for kind in KINDS:
        note = f"ignored {counts[kind]} unreadable or damaged cache file(s)"
        assert f"INFO    -  annotated_reader: {note} in {kind}/; worked out again" in log, log
    assert_same(files(project / "site"), from_scratch(project, tmp_path))
    forget_site(project)
    again = build_verbose(project)  # written anew: no note the second time
    assert "cache file" not in again and "cache folder" not in again


@pytest.mark.parametrize("what", ["fifo", "device"])
def test_a_kept_file_that_is_not_a_plain_file_is_not_read(
    project: Path, tmp_path: Path, what: str
) -> None:
    """A FIFO in a kept file's place made the build wait for a writer forever, and a link to
    ``/dev/zero`` read until memory ran out (an outside test): neither is read, each is worked out again, with a note."""
    build_verbose(project)
    replaced = [p for kind in KINDS for p in _kept(project, kind)]
    replaced += sorted((project / CACHE).rglob("__jinja2_*.cache"))
    for path in replaced:
        path.unlink()
        if what == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to("/dev/zero")
    forget_site(project)
    log = build_verbose(project, timeout=300)
    for kind in KINDS:
        assert f"cache file(s) in {kind}/; worked out again" in log, (kind, log[-2000:])
    assert_same(files(project / "site"), from_scratch(project, tmp_path))
    assert all(p.is_file() and not p.is_symlink() for p in replaced)  # written anew


def test_results_of_the_wrong_shape_at_our_keys_are_worked_out_again(
    project: Path, tmp_path: Path
) -> None:
    """The right keys (same user, same code) holding values of the wrong shape: each is
    worked out again, never a traceback."""
    build_verbose(project)
    for kind, bad in (
        ("yaml", [1, 2]),
        ("terms", [["x", 1, 0]]),
        ("markup", 7),
        ("sources", [1, 2]),
        ("glossary", [1, 2]),
    ):
        for path in _kept(project, kind):
            _write_kept(path, bad)
    forget_site(project)
    log = build_verbose(project)
    for kind in KINDS:
        assert f"damaged cache file(s) in {kind}/" in log, kind
    assert_same(files(project / "site"), from_scratch(project, tmp_path))


@pytest.mark.parametrize("kind", ["sources", "glossary"])
def test_a_sealed_read_of_our_own_class_with_the_wrong_insides_is_worked_out_again(
    project: Path, tmp_path: Path, kind: str
) -> None:
    """A seal says this user wrote the file, not this code: a kept read of the right class
    whose every field is None (found by an outside test: every build then crashed until
    the cache was deleted) is worked out again, with a note."""
    build_verbose(project)
    for path in _kept(project, kind):
        read = pickle.loads(path.read_bytes().partition(b"\n")[2])
        for name in vars(read):
            setattr(read, name, None)
        _write_kept(path, read)
    forget_site(project)
    log = build_verbose(project)
    assert f"damaged cache file(s) in {kind}/" in log
    assert_same(files(project / "site"), from_scratch(project, tmp_path))


def test_without_a_place_for_the_secret_nothing_is_cached(project: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder", "utf-8")
    log = build_verbose(project, env={"XDG_CACHE_HOME": str(blocked)})
    assert "cannot read or make this user's cache secret" in log  # not blamed on cache_dir
    assert "cannot write to cache_dir" not in log
    assert not [k for k in KINDS if (project / CACHE / k).exists()]
    assert not (project / CACHE / "site").exists()
    assert not list((project / CACHE).glob("__jinja2_*"))
    assert_same(files(project / "site"), from_scratch(project, tmp_path))


def test_a_cache_folder_reached_through_a_link_is_not_used(project: Path, tmp_path: Path) -> None:
    """A link committed in the cache's place would have builds write, and delete, files
    elsewhere: nothing is kept through it, with a note, and the site is the same."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / ".cache/plugin").mkdir(parents=True)
    (project / CACHE).symlink_to(elsewhere, target_is_directory=True)
    log = build_verbose(project)
    assert re.search(r"the cache folder \w+/ is reached through a link", log), log[-2000:]
    assert not list(elsewhere.iterdir()), "nothing written through the link"
    assert_same(files(project / "site"), from_scratch(project, tmp_path))


def _serve_builds(project: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Builds as ``mkdocs serve`` makes them: one process, the configuration read anew for
    each, plugins started once (those with ``on_startup`` are kept between builds)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    def config():  # type: ignore[no-untyped-def]
        return load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))

    first = config()
    first.plugins.on_startup(command="serve", dirty=False)
    plugins = []

    def rebuild() -> dict[str, bytes]:
        made = config() if plugins else first
        plugins.append(made.plugins["annotated-reader"])
        build(made, serve_url="http://127.0.0.1:8000/")
        return files(project / "site")

    return rebuild, plugins


def test_serve_rebuilds_after_each_kind_of_edit_build_what_a_build_from_scratch_builds(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plugin is kept across serve's rebuilds with what it made of the cache's results
    (trees, renderings, term matches) in memory; after every kind of edit a rebuild still
    writes what a build from scratch writes."""
    rebuild, plugins = _serve_builds(project, monkeypatch)
    rebuild()
    for what, edit in edits(project):
        edit()  # type: ignore[operator]
        after = rebuild()
        assert_same(after, from_scratch(project, tmp_path))
        assert plugins[-1] is plugins[0], f"{what}: the plugin was made anew"


def test_serve_rebuilds_take_what_the_last_build_made_and_keep_only_what_is_used(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a rebuild made of a result is really reused by the next (a poisoned rendering
    held in memory shows up, though the file on disk is sound); an edited note misses it;
    what the last build did not use is let go."""
    rebuild, plugins = _serve_builds(project, monkeypatch)
    rebuild()
    recalled = plugins[0]._recalled.kinds  # type: ignore[attr-defined]
    assert set(recalled) == set(KINDS) and all(recalled[k] for k in KINDS)
    for key in recalled["markup"]:
        recalled["markup"][key] = "<p>POISON</p>\n"
    forget_site(project)  # the rebuild kept it: with nothing changed, it would be replayed
    rebuild()
    assert _poisoned(project)
    assert not any(b"POISON" in p.read_bytes() for p in _kept(project, "markup"))
    markup, reads = dict(recalled["markup"]), dict(recalled["sources"])
    replace_in(
        project,
        "annotations/sources/hahn-belarus-option.yml",
        "    body: |\n",
        "    body: |\n      *Edited*, once.\n",
    )
    rebuild()
    page = (project / "site/sources/hahn-belarus-option/index.html").read_text("utf-8")
    assert "<em>Edited</em>, once." in page
    assert recalled["markup"].keys() - markup.keys(), "the edited note's rendering is kept"
    assert len(recalled["sources"].keys() - reads.keys()) == 1, "the edited file's read is kept"
    assert len(reads.keys() - recalled["sources"].keys()) == 1, "the one it replaced is let go"


def test_a_serve_rebuild_copies_what_the_save_did_not_change_and_search_reads_only_that(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each rebuild of ``mkdocs serve`` keeps its site, as a build does: after a save, the
    next rebuild copies every page made into the same text, with the search entries made of
    it (search reads only the page the save changed), and takes the other sources' exports
    as kept. It writes what a build from scratch writes."""
    seen = search_reads(monkeypatch)
    rebuild, _plugins = _serve_builds(project, monkeypatch)
    rebuild()
    assert (project / CACHE / "site" / "site.bin").is_file()
    edited = "sources/hahn-belarus-option.md"
    replace_in(
        project,
        "annotations/sources/hahn-belarus-option.yml",
        "    body: |\n",
        "    body: |\n      Saved in serve: zyzzyva.\n",
    )
    seen.clear()
    after = rebuild()
    assert seen[edited] > 0
    others = [p for p in seen if p.startswith("sources/") and p != edited]
    assert len(others) >= 4 and all(seen[p] == 0 for p in others), seen
    assert b"zyzzyva" in after["search/search_index.json"]
    assert_same(after, from_scratch(project, tmp_path))
