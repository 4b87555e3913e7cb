"""The site kept whole (``render.replay``). Its key changes with anything in the editorial
folders (a file's bytes, an added, removed or renamed file, an empty folder) and with the
options, and there is none for a folder holding a link or a special file. What is kept is
what the site gave, and nothing is kept of an incomplete build or one with problems. The
builds that use it are tested in ``tests/site/test_site_replay.py``."""

from __future__ import annotations

import json
import os
import signal
import zlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core import memo
from annotated_reader.core.corpus import Options, Paths
from annotated_reader.core.lazy import Keyed, Lookup, Reusable
from annotated_reader.core.urls import SiteUrls
from annotated_reader.render import replay
from annotated_reader.render.generated import GeneratedSite
from annotated_reader.render.items import GeneratedFile
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
    assert recording.finish(problems=False, key="k" * 64) is None
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


HEX_KEY = "a" * 64  # a key as the plugin writes one (hex): ``previous`` reads it


def _recorded(
    site: GeneratedSite, cache: Path, key: str, *, problems: bool = False, skipped: int = 0
) -> None:
    """``site`` recorded in ``cache`` under ``key``, but for its first ``skipped`` pages."""
    secret = memo.local_secret()
    assert secret is not None
    recording = replay.Recording(cache, key, secret)
    recording.site(site, site.files())
    for f in site.files():
        if f.make is not None:
            recording.made(f.path, f.make)()
    for path in list(site.titles())[skipped:]:
        recording.page(site.page(path), site.page_url(path))  # type: ignore[arg-type]
    assert recording.finish(problems=problems, key=key) is None


def test_a_build_with_a_missing_page_is_not_kept(folders: list[Path], tmp_path: Path) -> None:
    _recorded(_real_site(), tmp_path / "cache", HEX_KEY, skipped=1)
    assert not list((tmp_path / "cache" / "site").iterdir()), "nothing kept, no temp left"


def test_a_build_with_problems_is_kept_to_lend_pages_never_to_be_given_back_whole(
    folders: list[Path], tmp_path: Path
) -> None:
    """Its problems must be said again by a build that loads the corpus: under its own key
    it is not given back; as the site kept before, a later build takes pages from it."""
    site = _real_site()
    _recorded(site, tmp_path / "cache", HEX_KEY, problems=True)
    assert [p.name for p in (tmp_path / "cache" / "site").iterdir()] == ["site.bin"]
    assert replay.load(tmp_path / "cache", HEX_KEY) == (None, [])
    last = replay.previous(tmp_path / "cache")
    assert last is not None
    path = next(iter(site.titles()))
    assert last.page(path, site.page_url(path)) is not None
    last.close()


def _kept_site(tmp_path: Path, site: GeneratedSite) -> Path:
    """The real corpus's site recorded in ``tmp_path / "cache"`` under the key k…k."""
    _recorded(site, tmp_path / "cache", KEY)
    return tmp_path / "cache" / "site" / "site.bin"


KEY = "k" * 64


def test_an_input_changed_during_the_build_keeps_nothing(
    folders: list[Path], tmp_path: Path
) -> None:
    """The key is worked out again at the end: a file saved meanwhile may have been read in
    either state, so what was made is not kept under either key."""
    secret = memo.local_secret()
    assert secret is not None
    recording = replay.Recording(tmp_path / "cache", KEY, secret)
    site = _real_site()
    recording.site(site, [])
    for path in site.titles():
        recording.page(site.page(path), site.page_url(path))  # type: ignore[arg-type]
    note = recording.finish(problems=False, key="j" * 64)
    assert note == "an editorial file changed during the build; this site is not kept"
    assert not list((tmp_path / "cache" / "site").iterdir())


def test_a_kept_file_rewritten_in_place_during_the_build_is_built_anew(
    folders: list[Path], tmp_path: Path
) -> None:
    """The seal is checked as the file is opened; a blob changed after that (the same file,
    rewritten in place) fails its digest, and the page or file comes from the site built
    anew, with a note, never a traceback."""
    site = _real_site()
    kept_path = _kept_site(tmp_path, site)
    kept, _ = replay.load(tmp_path / "cache", KEY)
    assert kept is not None
    kept.fallback = _real_site
    try:
        data = bytearray(kept_path.read_bytes())
        for i in range(100, len(data) - 200, 997):
            data[i] ^= 0x20
        with open(kept_path, "r+b") as same:  # the same file: the open handle sees it
            same.write(bytes(data))
        path = "glossary.md"
        assert kept.page(path, site.page_url(path)) == site.page(path)
        made = [f for f in kept.files() if f.make is not None]
        assert made and all(
            f.data() == next(g for g in site.files() if g.path == f.path).data() for f in made
        )
        assert kept.notes == [
            "the cache file site/site.bin changed during the build; "
            "the rest of the site was built anew"
        ]
    finally:
        kept.close()


@pytest.mark.parametrize("what", ["pipe", "link", "folder"])
def test_a_kept_file_that_is_not_a_plain_file_is_not_opened(
    folders: list[Path], tmp_path: Path, what: str
) -> None:
    """A pipe in its place would block the build; a link would read elsewhere."""
    site = _real_site()
    good = _kept_site(tmp_path, site)
    moved = good.rename(tmp_path / "elsewhere.bin")
    if what == "pipe":
        os.mkfifo(good)
    elif what == "link":
        good.symlink_to(moved)
    else:
        good.mkdir()
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("opening the kept file blocked"))
    signal.alarm(10)
    try:
        kept, notes = replay.load(tmp_path / "cache", KEY)
    finally:
        signal.alarm(0)
    assert kept is None and len(notes) == 1
    assert "site/site.bin" in notes[0] and "built anew" in notes[0]


def test_a_damaged_key_line_says_so_and_another_key_does_not(
    folders: list[Path], tmp_path: Path
) -> None:
    kept_path = _kept_site(tmp_path, _real_site())
    data = kept_path.read_bytes()
    kept_path.write_bytes(b"j" * 64 + data[64:])  # not a key: damage
    assert replay.load(tmp_path / "cache", KEY) == (
        None,
        ["ignored a damaged cache file site/site.bin; the site is built anew"],
    )
    kept_path.write_bytes(b"0" * 64 + data[64:])  # a key, another one: other inputs
    assert replay.load(tmp_path / "cache", KEY) == (None, [])
    kept_path.write_bytes(data[:40])
    assert replay.load(tmp_path / "cache", KEY)[1]


def _record(
    site: GeneratedSite, cache: Path, key: str, context: str = ""
) -> tuple[list[GeneratedFile], dict[str, str]]:
    """The whole site kept under ``key``, as a build keeps it: its files and their texts."""
    secret = memo.local_secret()
    assert secret is not None
    recording = replay.Recording(cache, key, secret, context=context)
    files = site.files()
    recording.site(site, files)
    made = {f.path: recording.made(f.path, f.make, f.reuse)() for f in files if f.make}
    for each in site.titles():
        recording.page(site.page(each, site.page_url(each)), site.page_url(each))  # type: ignore[arg-type]
    assert recording.finish(problems=False, key=key) is None
    return files, made


def test_the_site_kept_before_is_read_whatever_its_key_but_only_when_sealed(
    folders: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build after an edit copies pages from the site kept before (another key): it is
    read only when this user's builds sealed it, and a page is copied only when made into
    the very same text."""
    site = _real_site()
    secret = memo.local_secret()
    assert secret is not None
    cache = tmp_path / "cache"
    _record(site, cache, "a" * 64)
    path = "sources/hahn-belarus-option.md"
    url = site.page_url(path)
    page = site.page(path, url)
    assert page is not None
    assert replay.load(cache, "b" * 64) == (None, [])  # another key: no site to give back
    last = replay.previous(cache)
    assert last is not None
    second = replay.Recording(cache, "b" * 64, secret, last)
    second.page(page, url)
    assert second.packed is not None and path in second._copied  # copied, as kept
    second.abandon()
    third = replay.Recording(cache, "c" * 64, secret, replay.previous(cache))
    changed = type(page)(**{**page.__dict__, "html": page.html + "<p>edited</p>"})
    third.page(changed, url)
    assert path not in third._copied and third.packed is not None
    assert zlib.decompress(third.packed.packed_html).decode("utf-8") == changed.html
    third.abandon()
    # Damaged, or sealed by another user: not read.
    kept = cache / replay.KIND / replay.NAME
    data = bytearray(kept.read_bytes())
    data[100] ^= 0xFF
    kept.write_bytes(bytes(data))
    assert replay.previous(cache) is None
    data[100] ^= 0xFF
    kept.write_bytes(bytes(data))
    assert replay.previous(cache) is not None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-user"))
    memo.local_secret.cache_clear()
    assert replay.previous(cache) is None


def _cached_site(tmp_path: Path) -> tuple[GeneratedSite, str, Path]:
    """The real corpus's site, its source files read through a cache (so each has a read
    key), this user's secret, and a cache folder for the kept sites."""
    corpus, _ = load_corpus(
        Paths(ROOT, "annotations", "seeds"), Options(cache_dir=tmp_path / "work")
    )
    secret = memo.local_secret()
    assert secret is not None
    return GeneratedSite(corpus, SiteUrls(True)), secret, tmp_path / "cache"


def test_an_export_of_a_source_read_as_before_is_copied_while_its_links_lead_where_they_did(
    folders: list[Path], tmp_path: Path
) -> None:
    """A source's Web Annotation export, its file and seed read as before, is copied from
    the site kept before, not made, when its key is the same and each ``[[…]]`` it looked
    up gives what it gave; with another key, or one lookup giving another answer, it is
    made again."""
    site, secret, cache = _cached_site(tmp_path)
    files, made = _record(site, cache, "a" * 64)
    export = "sources/flash-reunification/annotations.jsonld"
    reuse = next(f.reuse for f in files if f.path == export)
    assert reuse is not None
    last = replay.previous(cache)
    assert last is not None
    kept = last.reused(export)
    assert kept is not None and kept[0] == reuse.key
    assert ["note", "w2w-renewed-emphasis"] in [lookup[:2] for lookup in kept[1]]
    last.close()
    calls: list[int] = []

    def spy(lookups: list[Lookup]) -> str:
        calls.append(1)
        return reuse.make(lookups)

    def made_again(changed: Reusable) -> str:
        again = replay.Recording(cache, "b" * 64, secret, replay.previous(cache))
        try:
            return again.made(export, lambda: "", changed)()
        finally:
            again.abandon()

    assert made_again(replace(reuse, make=spy)) == made[export] and not calls  # copied
    elsewhere = replace(reuse, make=spy, look=lambda _namespace, _ident: ("x/", "another"))
    assert made_again(elsewhere) == made[export] and calls == [1]  # made (the spy's text)
    assert made_again(replace(reuse, make=spy, key="0" * 64)) == made[export] and calls == [1, 1]


def test_a_source_page_made_of_the_same_is_taken_from_the_site_kept_before(
    folders: list[Path], tmp_path: Path
) -> None:
    """A source page whose file and seed were read as before is taken from the site kept
    before, not rendered, while its key, its address, the build's context (code, templates,
    options) and each of its ``[[…]]`` lookups are the same; and kept again with what it
    was made of, for the build after."""
    site, secret, cache = _cached_site(tmp_path)
    _record(site, cache, "a" * 64, context="ctx")
    path = "sources/flash-reunification.md"
    url = site.page_url(path)
    keyed, page = site.page_keyed(path, url), site.page(path, url)
    assert keyed is not None and page is not None and page.made_of is not None
    assert page.made_of[0] == keyed.key
    # Its notes link to notes of another source: the lookups say where each led.
    assert ["note", "w2w-renewed-emphasis"] in [lookup[:2] for lookup in page.made_of[1]]
    assert site.page_keyed("glossary.md", site.page_url("glossary.md")) is None

    def taken(context: str, keyed: Keyed, at: str = url) -> bool:
        again = replay.Recording(cache, "b" * 64, secret, replay.previous(cache), context)
        try:
            return again.can_reuse(path, at, keyed)
        finally:
            again.abandon()

    assert taken("ctx", keyed)
    assert not taken("another context", keyed)
    assert not taken("", keyed)  # no context: nothing is taken
    assert not taken("ctx", replace(keyed, key="0" * 64))
    assert not taken("ctx", replace(keyed, look=lambda _namespace, _ident: ("x/", "another")))
    assert not taken("ctx", keyed, at="elsewhere/")

    second = replay.Recording(cache, "b" * 64, secret, replay.previous(cache), "ctx")
    files = site.files()
    second.site(site, files)
    for f in files:
        if f.make:
            second.made(f.path, f.make, f.reuse)()
    kept = second.reused_page(path)
    assert kept == page and second.taken == [page.path]
    for each in site.titles():
        if each != path:
            second.page(site.page(each, site.page_url(each)), site.page_url(each))  # type: ignore[arg-type]
    first = replay.previous(cache)
    assert first is not None
    export = "sources/flash-reunification/annotations.jsonld"
    assert first.reused(export) is not None
    assert second.finish(problems=False, key="b" * 64) is None
    again, _ = replay.load(cache, "b" * 64)  # the second build's site is the one kept
    assert again is not None
    # The export copied is kept again with its key and lookups (kept as text, not parsed)
    assert again.reused(export) == first.reused(export)
    first.close()
    again.close()
    assert taken("ctx", keyed)  # kept again with its key and lookups


def test_kept_lookups_that_do_not_read_as_lookups_take_nothing(
    folders: list[Path], tmp_path: Path
) -> None:
    """A page's or a file's lookups are kept as JSON text, read when asked for: text that
    is not lookups makes the page or file again, never a failed build."""
    site, _secret, cache = _cached_site(tmp_path)
    _record(site, cache, "a" * 64, context="ctx")
    last = replay.previous(cache)
    assert last is not None
    path, export = (
        "sources/flash-reunification.md",
        "sources/flash-reunification/annotations.jsonld",
    )
    assert last.page_key(path) is not None and last.reused(export) is not None
    for text in ("not json", '{"a": 1}', "[[1]]", "[null]"):
        last._page_keys[path] = ("k", text)
        key, _lookups, where = last._reused[export]
        last._reused[export] = (key, text, where)
        assert last.page_key(path) is None and last.reused(export) is None, text
    last.close()


def test_the_header_is_written_entry_by_entry_as_json_dumps_writes_it_whole(
    tmp_path: Path,
) -> None:
    """Written one page's entry at a time (a whole table at once was a large build's peak
    memory), byte for byte what ``json.dumps`` gives, non-ASCII names and values too."""
    written: list[bytes] = []
    recording = replay.Recording(tmp_path, KEY, "secret")
    recording._put = written.append  # type: ignore[method-assign]
    header = {
        "pages": {"sources/é.md": [[0, 1, "d"], {"ü": "\u2028x"}], "b.md": {}},
        "empty": {},
        "files": [["a", None, [1]]],
        "problems": False,
    }
    recording._header = header
    length = recording._put_header()
    data = b"".join(written)
    assert data == json.dumps(header, ensure_ascii=False).encode("utf-8")
    assert length == len(data) and max(map(len, written)) < 40
