"""The site kept whole (``render.replay``). Its key changes with anything in the editorial
folders (a file's bytes, an added, removed or renamed file, an empty folder) and with the
options, and there is none for a folder holding a link or a special file. What is kept is
what the site gave, and nothing is kept of an incomplete build or one with problems. The
builds that use it are tested in ``tests/site/test_site_replay.py``."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core import memo
from annotated_reader.core.corpus import Options, Paths
from annotated_reader.core.urls import SiteUrls
from annotated_reader.render import replay
from annotated_reader.render.generated import GeneratedSite
from helpers.project import ROOT

OPTIONS = {"link_terms": "first", "directory_urls": True}


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    memo.local_secret.cache_clear()
    annotations, seeds = tmp_path / "annotations", tmp_path / "seeds"
    (annotations / "sources").mkdir(parents=True)
    (annotations / "glossary.yml").write_text("terms: []\n", "utf-8")
    (annotations / "sources" / "a.yml").write_text("seed: a.txt\n", "utf-8")
    seeds.mkdir()
    (seeds / "a.txt").write_text("A text.\n", "utf-8")
    yield [annotations, seeds]
    memo.local_secret.cache_clear()


def _key(folders: list[Path], options: dict[str, object] | None = None) -> str | None:
    return replay.site_key(folders, options if options is not None else OPTIONS)


def test_the_same_folders_give_the_same_key(folders: list[Path]) -> None:
    key = _key(folders)
    assert key is not None and key == _key(folders)


def _changes(folders: list[Path]) -> list[tuple[str, Callable[[], object]]]:
    annotations, seeds = folders
    return [
        ("a byte of a seed", lambda: (seeds / "a.txt").write_text("A text!\n", "utf-8")),
        ("an added file", lambda: (annotations / "sources" / "b.yml").write_text("", "utf-8")),
        ("a removed file", lambda: (annotations / "sources" / "b.yml").unlink()),
        ("a renamed file", lambda: (seeds / "a.txt").rename(seeds / "b.txt")),
        ("an empty folder", lambda: (annotations / "drafts").mkdir()),
        ("a file moved to another folder", lambda: (seeds / "b.txt").rename(annotations / "b.txt")),
    ]


def test_every_change_in_a_folder_changes_the_key(folders: list[Path]) -> None:
    """Each change gives a new key; undone (the added file removed), the key before it."""
    keys = [_key(folders)]
    for what, change in _changes(folders):
        change()
        keys.append(_key(folders))
        assert keys[-1] is not None and keys[-1] != keys[-2], what
    assert keys[3] == keys[1], "the added file removed: the folders are as before"


def test_the_options_and_the_folders_names_are_in_the_key(
    folders: list[Path], tmp_path: Path
) -> None:
    key = _key(folders)
    assert _key(folders, {**OPTIONS, "link_terms": "all"}) != key
    assert _key(folders, {**OPTIONS, "directory_urls": False}) != key
    (tmp_path / "seeds").rename(tmp_path / "texts")
    assert _key([folders[0], tmp_path / "texts"]) != key


def test_a_missing_folder_is_keyed_as_missing(folders: list[Path], tmp_path: Path) -> None:
    key = _key([*folders, tmp_path / "overrides"])
    assert key is not None and key != _key(folders)
    (tmp_path / "overrides").mkdir()
    assert _key([*folders, tmp_path / "overrides"]) not in (key, None)


def test_another_user_s_secret_gives_another_key(
    folders: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _key(folders)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-user"))
    memo.local_secret.cache_clear()
    assert _key(folders) not in (key, None)


@pytest.mark.parametrize("kind", ["file link", "folder link", "fifo", "linked folder"])
def test_no_key_for_a_folder_with_a_link_or_a_special_file(
    folders: list[Path], tmp_path: Path, kind: str
) -> None:
    annotations, seeds = folders
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.yml").write_text("x: 1\n", "utf-8")
    if kind == "file link":
        (annotations / "sources" / "x.yml").symlink_to(outside / "x.yml")
    elif kind == "folder link":
        (seeds / "more").symlink_to(outside, target_is_directory=True)
    elif kind == "fifo":
        os.mkfifo(seeds / "pipe")
    else:
        linked = tmp_path / "linked"
        linked.symlink_to(annotations, target_is_directory=True)
        folders = [linked, seeds]
    assert _key(folders) is None


def test_no_key_without_a_secret(
    folders: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    memo.local_secret.cache_clear()
    assert _key(folders) is None


def _real_site() -> GeneratedSite:
    corpus, _ = load_corpus(Paths(ROOT, "annotations", "seeds"), Options())
    return GeneratedSite(corpus, SiteUrls(True))


def test_a_kept_site_gives_back_what_the_site_gave(folders: list[Path], tmp_path: Path) -> None:
    """Every page (title, HTML, heading, anchors, search document, table of contents),
    head and file of the real corpus's site, recorded and read back, equals the site's own;
    a page asked for at another address is rendered by the fallback site."""
    site = _real_site()
    secret = memo.local_secret()
    assert secret is not None
    recording = replay.Recording(tmp_path / "cache", "k" * 64, secret)
    files = site.files()
    recording.site(site, files)
    made = {f.path: recording.made(f.path, f.make)() for f in files if f.make is not None}
    pages = {}
    for path in site.titles():
        url = site.page_url(path)
        pages[path] = (url, site.page(path, url))
        recording.page(pages[path][1], url)  # type: ignore[arg-type]
        recording.head(path, url, site.head(path, url))
    assert recording.finish(problems=False) is None
    kept, notes = replay.load(tmp_path / "cache", "k" * 64)
    assert kept is not None and not notes
    try:
        assert kept.titles() == site.titles() and kept.nav_titles() == site.nav_titles()
        assert kept.unlisted(0) == site.unlisted(0) and kept.unlisted(99) == site.unlisted(99)
        assert (kept.stylesheets(), kept.scripts()) == (site.stylesheets(), site.scripts())
        for path, (url, page) in pages.items():
            assert kept.page(path, url) == page, path
            assert kept.head(path, url) == site.head(path, url), path
        back = kept.files()
        assert [f.path for f in back] == [f.path for f in files]
        for mine, theirs in zip(back, files, strict=True):
            if theirs.make is not None:
                assert mine.data() == made[mine.path].encode("utf-8"), mine.path
            else:
                assert mine.source == theirs.source, mine.path
        kept.fallback = _real_site
        path, (url, _) = next(iter(pages.items()))
        other = kept.page(path, "elsewhere/")
        assert other == _real_site().page(path, "elsewhere/") and other != pages[path][1]
    finally:
        kept.close()


def test_a_build_with_problems_or_a_missing_page_is_not_kept(
    folders: list[Path], tmp_path: Path
) -> None:
    site = _real_site()
    secret = memo.local_secret()
    assert secret is not None
    for problems, skipped in ((True, 0), (False, 1)):
        recording = replay.Recording(tmp_path / "cache", "k" * 64, secret)
        recording.site(site, site.files())
        for f in site.files():
            if f.make is not None:
                recording.made(f.path, f.make)()
        for path in list(site.titles())[skipped:]:
            recording.page(site.page(path), site.page_url(path))  # type: ignore[arg-type]
        assert recording.finish(problems=problems) is None
        assert not list((tmp_path / "cache" / "site").iterdir()), "nothing kept, no temp left"
