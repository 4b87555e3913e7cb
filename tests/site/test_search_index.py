"""Our pages' search entries wait outside Material's index, compressed, and are written into
the file Material writes: the file is the one Material would write, byte for byte, and
Material's list never holds more than one of our pages' entries at a time."""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

import pytest
from annotated_reader.mkdocs import search_index
from annotated_reader.mkdocs.search_index import HeldEntries
from helpers.project import ROOT, copy_project
from helpers.searchspy import search_reads
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin


class _Probe(BasePlugin):  # type: ignore[type-arg]
    """The most entries Material's search index held after any page was indexed."""

    most = 0

    def on_post_page(self, output: str, *, page: object, config: object) -> str:
        index = self.search.search_index  # type: ignore[attr-defined]
        _Probe.most = max(_Probe.most, len(index.entries))
        return output


def _build(project: Path, site: str) -> bytes:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / site))
    config.plugins.on_startup(command="build", dirty=False)  # as ``mkdocs build`` does
    probe = _Probe()
    probe.search = config.plugins["material/search"]  # type: ignore[attr-defined]
    config.plugins["probe"] = probe
    _Probe.most = 0
    build(config)
    return (project / site / "search/search_index.json").read_bytes()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(ROOT, tmp_path_factory.mktemp("search") / "corpus")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        text.replace("  - annotated-reader\n", "  - annotated-reader:\n      cache: false\n"),
        encoding="utf-8",
    )
    assert "cache: false" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    return project


def test_the_index_file_is_materials_own_and_material_holds_none_of_our_entries(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours = _build(corpus, "site-held")
    held_most = _Probe.most
    with monkeypatch.context() as m:  # Material keeps every entry itself, as it does alone
        m.setattr(HeldEntries, "of", classmethod(lambda cls, plugins: None))
        theirs = _build(corpus, "site-material")
        material_most = _Probe.most
    assert ours == theirs
    docs = json.loads(ours)["docs"]
    generated = [d for d in docs if d["location"].startswith("sources/")]
    handwritten = [d for d in docs if not d["location"].startswith(("sources/", "glossary/"))]
    assert len(generated) > 100 and handwritten  # both kinds (the order: the unit test below)
    assert material_most == len(docs)
    assert held_most <= len(docs) - len(generated)


class _Index:
    def __init__(self) -> None:
        self.entries: list[dict[str, str]] = []


def test_held_entries_go_back_in_their_places(tmp_path: Path) -> None:
    index = _Index()
    held = HeldEntries(index)
    index.entries.append({"location": "a/", "title": "A", "text": ""})
    held.before()
    index.entries += [{"location": "ours/", "title": "Ours ☃", "text": "x"}, {"location": "o2"}]
    held.after()
    assert len(index.entries) == 1
    index.entries.append({"location": "b/", "title": "B", "text": "", "boost": 1.5})  # type: ignore[dict-item]
    held.before()
    held.after()  # a page Material made no entry for
    folder = tmp_path / "search"
    folder.mkdir()
    expected = {"config": {"lang": ["en"]}, "docs": list(index.entries)}
    expected["docs"][1:1] = [
        {"location": "ours/", "title": "Ours ☃", "text": "x"},
        {"location": "o2"},
    ]
    written = {"config": {"lang": ["en"]}, "docs": index.entries}
    (folder / "search_index.json").write_text(
        json.dumps(written, **search_index._JSON), encoding="utf-8"
    )
    assert held.write(tmp_path) is None
    text = (folder / "search_index.json").read_text(encoding="utf-8")
    assert text == json.dumps(expected, **search_index._JSON)
    assert [p.name for p in folder.iterdir()] == ["search_index.json"]


def test_an_index_file_that_cannot_be_read_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    index = _Index()
    held = HeldEntries(index)
    held.before()
    index.entries.append({"location": "ours/"})
    held.after()
    problem = held.write(tmp_path)  # Material wrote no file
    assert problem and problem.startswith("search/search_index.json: cannot add")
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text("{not json", encoding="utf-8")
    held.before()
    index.entries.append({"location": "ours/"})
    held.after()
    assert "cannot be found by search" in (held.write(tmp_path) or "")
    assert [p.name for p in (tmp_path / "search").iterdir()] == ["search_index.json"]


def test_kept_entries_are_read_again_as_the_index_is_written(tmp_path: Path) -> None:
    """A taken page's entries from the site kept before are not held till the end: what
    reads them again is called as the index is written, and one that cannot read them is
    a warning (the pages would be missing from search), not a failure."""
    folder = tmp_path / "search"
    folder.mkdir()
    index_file = folder / "search_index.json"
    theirs = {"config": {"lang": ["en"]}, "docs": [{"location": "a/"}]}
    kept = zlib.compress(json.dumps({"location": "kept/"}, **search_index._JSON).encode(), 1)
    reads: list[int] = []

    def again() -> bytes:
        reads.append(1)
        return kept

    index = _Index()
    held = HeldEntries(index)
    held.add(again)
    assert not reads  # not read when added
    index_file.write_text(json.dumps(theirs, **search_index._JSON), encoding="utf-8")
    assert held.write(tmp_path) is None and reads == [1]
    docs = json.loads(index_file.read_text(encoding="utf-8"))["docs"]
    assert docs == [{"location": "kept/"}, {"location": "a/"}]

    def changed() -> bytes:
        raise ValueError("the site kept before changed during the build")

    held.add(changed)
    index_file.write_text(json.dumps(theirs, **search_index._JSON), encoding="utf-8")
    problem = held.write(tmp_path) or ""
    assert "changed during the build" in problem and "cannot be found by search" in problem


@pytest.mark.parametrize("how", ["dirty", "disabled", "other"])
def test_entries_stay_with_material_when_it_merges_or_does_not_index(how: str) -> None:
    """``serve --dirty`` merges the last build's entries with the rebuilt pages' own: ours,
    taken out, would be lost from every page not rebuilt."""
    from material.plugins.search.plugin import SearchPlugin

    plugin = SearchPlugin()
    plugin.load_config({"enabled": how != "disabled"})
    plugin.on_startup(command="serve", dirty=how == "dirty")
    plugin.search_index = _Index()  # type: ignore[attr-defined]
    plugins = {"material/search": plugin} if how != "other" else {"x": object()}
    assert HeldEntries.of(plugins) is None
    plugin.on_startup(command="serve", dirty=False)
    plugin.config.enabled = True
    assert isinstance(HeldEntries.of({"material/search": plugin}), HeldEntries)


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Each page search reads in a build, by its path: the length of what it is given."""
    return search_reads(monkeypatch)


@pytest.fixture
def added(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each page's entries put back from the site kept before: whether what was given
    reads them again when the index is written (True), or holds them till then."""
    given: list[bool] = []
    add = HeldEntries.add

    def spy(self: HeldEntries, held: object) -> None:
        given.append(callable(held))
        add(self, held)  # type: ignore[arg-type]

    monkeypatch.setattr(HeldEntries, "add", spy)
    return given


def test_a_replayed_build_gives_search_the_entries_it_made_last_time_not_the_pages(
    tmp_path: Path, read: dict[str, int], added: list[bool]
) -> None:
    """With the site kept whole, search reads none of the generated pages again: the entries
    it made of each last time are put back, and the index file is the same. A build with
    another set of plugins (any of which could change a page) has search read them."""
    project = copy_project(ROOT, tmp_path / "corpus")
    first = _build(project, "site")
    generated = [p for p in read if p.startswith("sources/")]
    assert generated and all(read[p] > 0 for p in generated)
    read.clear()
    assert _build(project, "site") == first
    assert all(read[p] == 0 for p in generated), read  # given nothing to read
    assert len(added) >= len(generated) and all(added)  # read again as the index is written
    assert any(size > 0 for p, size in read.items() if p.endswith("guide.md") or "/" not in p)
    read.clear()

    class Other(BasePlugin):  # type: ignore[type-arg]
        pass

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    config.plugins["other"] = Other()
    build(config)
    assert all(read[p] > 0 for p in generated)
    assert (project / "site/search/search_index.json").read_bytes() == first


def test_an_edited_build_copies_each_page_made_the_same_and_the_entries_made_of_it(
    tmp_path: Path, read: dict[str, int], added: list[bool]
) -> None:
    """After an edit, a page made into the very same text as the last kept site's is copied
    from it as kept, and search is given the entries it made of that page last time; the
    edited page is read by search anew. The site is the one a build from scratch makes."""
    from helpers.project import replace_in
    from helpers.rebuild import assert_same, files, from_scratch

    project = copy_project(ROOT, tmp_path / "corpus")
    _build(project, "site")
    edited = "sources/hahn-belarus-option.md"
    assert read[edited] > 0
    replace_in(
        project,
        "annotations/sources/hahn-belarus-option.yml",
        "    body: |\n",
        "    body: |\n      A new first sentence, searchable: zyzzyva.\n",
    )
    read.clear()
    index = _build(project, "site")
    assert read[edited] > 0
    others = [p for p in read if p.startswith("sources/") and p != edited]
    assert len(others) >= 4 and all(read[p] == 0 for p in others), read
    assert len(added) >= len(others) and all(added)  # read again as the index is written
    assert b"zyzzyva" in index
    scratch = from_scratch(project, tmp_path)
    assert_same(files(project / "site"), scratch)
    assert index == scratch["search/search_index.json"]


@pytest.mark.parametrize("edited", [False, True], ids=["replayed", "edited"])
def test_kept_entries_that_cannot_be_read_again_are_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, edited: bool
) -> None:
    """The kept file rewritten in place after the pages were written (an outside test did,
    mid-build): the entries of the pages taken from it are made again by search, and the
    index is the one a build from scratch writes, with no warning."""
    from helpers.project import replace_in
    from helpers.rebuild import from_scratch

    project = copy_project(ROOT, tmp_path / "corpus")
    _build(project, "site")
    if edited:
        replace_in(
            project,
            "annotations/sources/hahn-belarus-option.yml",
            "    body: |\n",
            "    body: |\n      A new first sentence.\n",
        )
    kept = project / ".cache/plugin/annotated-reader/site/site.bin"
    write = HeldEntries.write

    def damaged_first(self: HeldEntries, site_dir: Path) -> str | None:
        size = kept.stat().st_size
        with open(kept, "r+b") as f:  # in place: the build's open file sees it
            f.seek(100)
            f.write(b"\0" * (size - 300))
        return write(self, site_dir)

    monkeypatch.setattr(HeldEntries, "write", damaged_first)
    index = _build(project, "site")
    assert "cannot add" not in caplog.text
    monkeypatch.setattr(HeldEntries, "write", write)
    assert index == from_scratch(project, tmp_path)["search/search_index.json"]


def _entries(index: Path) -> list[str]:
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    return sorted(json.dumps(d, sort_keys=True) for d in docs)


def test_serve_dirty_saves_leave_each_entry_once_and_the_edit_searchable(tmp_path: Path) -> None:
    """``serve --dirty`` rebuilds every generated page on a save and Material merges the
    last index assuming one page was rebuilt: each save added every generated page's
    entries again. After two saves the index holds what a clean build of the same files
    holds, each entry once, the edit among them."""
    from helpers.project import replace_in

    project = copy_project(ROOT, tmp_path / "corpus")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site, url = tmp_path / "served", "http://127.0.0.1:8000/"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)  # as ``mkdocs serve --dirty``
    try:
        for k in range(3):
            if k:
                replace_in(
                    project,
                    "annotations/sources/hahn-belarus-option.yml",
                    "    body: |\n",
                    f"    body: |\n      Saved {k}: zyzzyva{k}.\n",
                )
                config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
            config.site_url = url
            build(config, serve_url=url, dirty=k > 0)
    finally:
        config.plugins.on_shutdown()
    served = _entries(site / "search/search_index.json")
    assert len(served) == len(set(served))
    assert any("zyzzyva2" in e for e in served) and any("zyzzyva1" in e for e in served)
    clean = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "clean"))
    clean.plugins.on_startup(command="build", dirty=False)
    clean.site_url = url
    build(clean, serve_url=url)
    assert served == _entries(tmp_path / "clean/search/search_index.json")
