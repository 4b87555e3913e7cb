"""The last build's generated site, kept whole in the cache folder for a build with the same inputs.

The per-file results (:mod:`..core.memo`) spare a build the work on each file that did not
change, but it still loads the corpus and renders every page. Many builds change no editorial
file: a deploy after an edit of a hand-written page, CI building a commit the editor already
built, ``mkdocs build`` run twice. Such a build makes the same pages byte for byte. So each
build writes what it made into one file: every generated page with its table of contents,
anchors, search document and head links, and every generated file. The next build with the
same inputs gives those back without importing the renderer or loading the corpus.

"The same inputs" is checked, not assumed. The key hashes all of these:
- every file of the library, its templates and assets included;
- the versions of the libraries that shape its output, and Python's;
- the options;
- each editorial folder, as the names and bytes of everything in it, so an added file counts.

A folder with a link or a special file in it is not kept: what a link reaches is not in the
folder. The key is made with this user's secret, and the file is sealed whole, as the
per-file results are. A file someone else wrote, or one damaged since, is not used: the site
is built anew, with a note.

Only a build that made every page and file writes the file. One that reported a problem
marks it so: it is never given back whole (a build with warnings loads the corpus each
time, so it says them again each time), but the build after an edit still takes from it
what the edit did not change (``Recording``), as from any other. The file is
written as the pages are made, then put in place at the end, once the key worked out again
is still the one the build began with: a file saved during the build may have been read in
either state. Each rebuild of ``mkdocs serve`` writes one too: the rebuild after a save
copies from it what the save did not change (``Recording``), and a save of a hand-written
page gives it back whole.

A replayed build reads each page from the open file when MkDocs asks for it, checked
against its digest in the sealed header. A file rewritten in place meanwhile fails the check,
and the rest of the site is built anew.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import importlib.util
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core import memo
from ..core.lazy import Keyed, Lookup, MadeOf, Reusable
from ..core.toc import TocEntry
from .items import GeneratedFile, GeneratedPage

if TYPE_CHECKING:
    from .generated import GeneratedSite
    from .site import KeptCuts

FORMAT = 1
NAME = "site.bin"  # in the cache folder's site/
KIND = "site"
LIBRARIES = ("jinja2", "markupsafe", "markdown_it", "yaml")  # what shapes the pages' bytes
_LENGTH = 16  # digits of the header's length, at the end of the file
_MARK = 64  # hex digits of the seal, last


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of every file of the library (templates and assets too, which the per-file
    results never read) and of the libraries it uses, read without importing them."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{sys.platform}".encode())
    for name in LIBRARIES:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        digest.update(f"\0{name}\0{origin}".encode())
        if origin:
            digest.update(Path(origin).read_bytes())
            digest.update(str(os.stat(origin).st_mtime_ns).encode())
    digest.update(b"\0libyaml" if importlib.util.find_spec("yaml._yaml") else b"\0pure")
    for path in sorted(memo.PACKAGE.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        digest.update(b"\0" + path.relative_to(memo.PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


class _NotKept(Exception):
    """A folder holds a link or a special file, or cannot be read whole."""


def _add_tree(digest: Any, folder: Path) -> None:
    """Every entry's name under ``folder`` and every file's bytes, in a fixed order."""
    if not os.path.lexists(folder):
        digest.update(b"\0missing")
        return
    if not memo.unlinked(folder) or not folder.is_dir():
        raise _NotKept

    def stop(error: OSError) -> None:
        raise _NotKept from error

    for here, folders, files in os.walk(folder, onerror=stop):
        folders.sort()
        for name in sorted(folders + files):
            path = os.path.join(here, name)
            mode = os.lstat(path).st_mode
            rel = os.fsencode(os.path.relpath(path, folder))
            if stat.S_ISDIR(mode):
                digest.update(b"\0d\0" + rel)
            elif stat.S_ISREG(mode):
                with open(path, "rb") as data:
                    body = data.read()
                digest.update(b"\0f\0" + rel + b"\0" + str(len(body)).encode() + b"\0")
                digest.update(body)
            else:  # a link (to a file or a folder), a pipe, a device
                raise _NotKept


def site_key(folders: Iterable[Path], options: dict[str, Any]) -> str | None:
    """The key of a build of the editorial ``folders`` with ``options`` (all that shapes
    the generated pages), or None when such a build cannot be kept (no secret; a folder
    with a link in it)."""
    secret = memo.local_secret()
    if secret is None:
        return None
    digest = hashlib.sha256(f"{secret}\0{code_version()}\0".encode())
    digest.update(json.dumps(options, sort_keys=True).encode("utf-8", "surrogatepass"))
    try:
        for folder in folders:
            digest.update(b"\0tree\0" + os.fsencode(folder.name))
            _add_tree(digest, folder)
    except (_NotKept, OSError):
        return None
    return digest.hexdigest()


def _toc_json(entry: TocEntry) -> list[Any]:
    return [entry.level, entry.id, entry.title, [_toc_json(c) for c in entry.children]]


def _toc(value: list[Any]) -> TocEntry:
    level, anchor, title, children = value
    if not (isinstance(level, int) and isinstance(anchor, str) and isinstance(title, str)):
        raise ValueError("a table of contents entry")
    return TocEntry(level, anchor, title, tuple(_toc(c) for c in children))


Span = tuple[int, int, str]  # where a blob is in the kept file: start, length, digest


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class _Changed(Exception):
    """A blob of the kept file is not what the file held when its seal was checked: the file
    was rewritten in place during the build."""


@dataclass(frozen=True)
class _Page:
    """Where a kept page is: its address, and the spans of its facts (titles, heading,
    anchors, table of contents: read when the page is asked for, so that a large site's
    are never all in memory), its HTML and its search document."""

    url: str
    facts: Span
    html: Span
    search: Span | None
    made: str = ""  # a digest of what the page was made into (see ``Recording.page``)


class Replayed:
    """A site given back from the kept file: the same answers :class:`GeneratedSite` gives
    the MkDocs plugin, without a corpus. A page asked for at another address than the one
    kept (which the key should make impossible) is rendered by ``fallback``'s site."""

    def __init__(self, header: dict[str, Any], kept: Any, body: int) -> None:
        self._kept = kept
        self._titles: dict[str, str] = _strings(header["titles"])
        self._nav_titles: dict[str, str] = _strings(header["nav_titles"])
        self._hidden = [str(p) for p in header["hidden"]]
        self._sources = [str(p) for p in header["sources"]]
        self._stylesheets = [str(p) for p in header["stylesheets"]]
        self._scripts = [str(p) for p in header["scripts"]]
        self._pages = {str(path): _page(value, body) for path, value in header["pages"].items()}
        self._heads = {
            str(path): (str(url), str(links)) for path, (url, links) in header["heads"].items()
        }
        self._files = [_file(value, body) for value in header["files"]]
        made = {path: where for path, _package, where in self._files if where is not None}
        # Lookups stay JSON text until a page or file asks for them: parsed, every page's
        # were 15 MB of an edited build's memory at 1,000 sources, alive the whole build.
        self._reused = {
            str(path): (str(key), _text(lookups), made[str(path)])
            for path, (key, lookups) in header.get("reused", {}).items()
        }
        self.context = str(header.get("context", ""))
        wide = header.get("wide")
        self.cuts: KeptCuts | None = (str(wide[0]), dict(wide[1]), dict(wide[2])) if wide else None
        self._page_keys = {
            str(path): (str(key), _text(lookups))
            for path, (key, lookups) in header.get("page_keys", {}).items()
        }
        self._search_made_by = str(header.get("search_made_by", ""))
        self._entries = {
            str(path): _span(value, body) for path, value in header.get("entries", {}).items()
        }
        if set(self._pages) != set(self._titles):
            raise ValueError("pages and titles differ")
        self.fallback: Callable[[], GeneratedSite] | None = None
        self._site: GeneratedSite | None = None
        self.notes: list[str] = []  # for the log, at the end of the build
        self.packed: Packed | None = None

    def _real(self) -> GeneratedSite:
        if self._site is None:
            if self.fallback is None:
                raise RuntimeError("a page not kept, and no site to render it")
            self._site = self.fallback()
        return self._site

    def _read(self, where: Span) -> bytes:
        """A blob as kept (zlib's fastest level, as ``compressed`` gives), checked against
        the digest the sealed header gives for it."""
        start, length, digest = where
        try:
            data = os.pread(self._kept.fileno(), length, start)
        except OSError as exc:
            raise _Changed from exc
        if len(data) != length or _digest(data) != digest:
            raise _Changed
        return data

    def _text(self, where: Span) -> str:
        return _unpacked(self._read(where))

    def _changed(self) -> GeneratedSite:
        """The site built anew, for what the kept file can no longer give."""
        if not self.notes:
            self.notes.append(
                f"the cache file {KIND}/{NAME} changed during the build; "
                "the rest of the site was built anew"
            )
        return self._real()

    def _made(self, path: str, where: Span) -> str:
        try:
            return self._text(where)
        except _Changed:
            made = next(f for f in self._changed().files() if f.path == path)
            return made.data().decode("utf-8")

    def close(self) -> None:
        self._kept.close()

    def titles(self) -> dict[str, str]:
        return self._titles

    def nav_titles(self) -> dict[str, str]:
        return self._nav_titles

    def unlisted(self, sources_limit: int) -> set[str]:
        hidden = set(self._hidden)
        if len(self._sources) > sources_limit:
            hidden |= set(self._sources)
        return hidden

    def lost_source_pages(self) -> list[str]:
        return []  # a build that reported a problem is never given back whole

    def note_lost(self, anchor: str) -> bool:
        return False  # likewise

    def stylesheets(self) -> list[str]:
        return list(self._stylesheets)

    def scripts(self) -> list[str]:
        return list(self._scripts)

    def files(self) -> list[GeneratedFile]:
        out = []
        for path, package, where in self._files:
            if package is not None:
                out.append(GeneratedFile(path, source=memo.PACKAGE / package))
            else:
                assert where is not None
                out.append(GeneratedFile(path, make=partial(self._made, path, where)))
        return out

    def page(self, path: str, page_url: str | None = None) -> GeneratedPage | None:
        kept = self._pages.get(path)
        if kept is None:
            return None
        if page_url is not None and page_url != kept.url:
            return self._real().page(path, page_url)
        try:
            page, _facts, html, search = self._kept_page(path, kept)
        except _Changed:
            return self._changed().page(path, page_url)
        self.packed = Packed(page.html, html, search)
        return page

    def _kept_page(
        self, path: str, kept: _Page
    ) -> tuple[GeneratedPage, bytes, bytes, bytes | None]:
        """The page as kept, and its facts, HTML and search document as they are kept."""
        facts = self._read(kept.facts)
        title, nav_title, heading, anchors, toc = json.loads(_unpacked(facts))
        html = self._read(kept.html)
        search = self._read(kept.search) if kept.search is not None else None
        page = GeneratedPage(
            path,
            str(title),
            str(nav_title),
            _unpacked(html),
            str(heading),
            frozenset(str(a) for a in anchors),
            _unpacked(search) if search is not None else None,
            tuple(_toc(e) for e in toc),
            self.page_key(path),
        )
        return page, facts, html, search

    def page_key(self, path: str) -> MadeOf | None:
        """What the kept page at ``path`` was made of (see ``GeneratedPage.made_of``)."""
        kept = self._page_keys.get(path)
        lookups = _parsed(kept[1]) if kept is not None else None
        return (kept[0], lookups) if kept is not None and lookups is not None else None

    def reused(self, path: str) -> tuple[str, list[Lookup], Span] | None:
        """A generated file's key and lookups (see ``core.lazy.Reusable``), and where its
        text is, when the build that kept it said how to take it as made."""
        kept = self._reused.get(path)
        lookups = _parsed(kept[1]) if kept is not None else None
        return (kept[0], lookups, kept[2]) if kept is not None and lookups is not None else None

    def entries(self, path: str, made_by: str) -> bytes | None:
        """The page's search entries as the last build's search made them (compressed JSON
        text, see ``mkdocs.search_index``), when the same search would make them (``made_by``
        names it) from the kept page; otherwise None, and search reads the page again."""
        where = self._entries.get(path)
        if where is None or not made_by or made_by != self._search_made_by:
            return None
        try:
            return self._read(where)
        except _Changed:
            return None

    def entries_again(self, path: str) -> Callable[[], bytes]:
        """The page's search entries read again when called (ask :meth:`entries` first):
        held for every page until the index is written, they were 10 MB of an edited
        build's memory at 1,000 sources. Raises ValueError once the kept file changed."""
        where = self._entries[path]

        def again() -> bytes:
            try:
                return self._read(where)
            except _Changed as exc:
                raise ValueError("the site kept before changed during the build") from exc

        return again

    def head(self, path: str, page_url: str) -> str:
        url, links = self._heads.get(path, (page_url, ""))
        return links if url == page_url else self._real().head(path, page_url)


def compressed(text: str) -> bytes:
    """How pages are kept, here and while MkDocs builds: zlib's fastest level, a sixth of
    their UTF-8."""
    return zlib.compress(text.encode("utf-8"), 1)


def _unpacked(data: bytes) -> str:
    try:
        return zlib.decompress(data).decode("utf-8")
    except (ValueError, zlib.error) as exc:
        raise _Changed from exc


@dataclass(frozen=True)
class Packed:
    """The last page given or recorded, as ``compressed`` bytes: the plugin holds a page
    between MkDocs' two loops in this form, and need not compress it again."""

    html: str  # the text itself, so the plugin can tell it is still the page's
    packed_html: bytes
    packed_search: bytes | None
    # For a page copied from the site kept before: both read from it again when needed,
    # rather than held (they raise ``Changed`` if it changed since)
    html_again: Callable[[], bytes] | None = None
    search_again: Callable[[], bytes] | None = None


Changed = _Changed  # what reading the site kept before raises once it changed


def _again(last: Replayed, kept: _Page, html: str, packed: bytes, search: bytes | None) -> Packed:
    """A page copied from the site kept before, read from it again when the plugin gives
    it back: at 1,000 sources, holding every copied page's bytes between MkDocs' loops was
    a tenth of an edited build's peak memory."""
    again = partial(last._read, kept.search) if kept.search is not None else None
    return Packed(html, packed, search, partial(last._read, kept.html), again)


def _strings(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError("a map of strings")
    return {str(k): v for k, v in value.items()}


def _span(value: Any, size: int) -> Span:
    start, length, digest = value
    if not (isinstance(start, int) and isinstance(length, int) and isinstance(digest, str)):
        raise ValueError("a span")
    if not 0 <= start <= start + length <= size:
        raise ValueError("a span outside the file")
    return start, length, digest


def _page(value: list[Any], size: int) -> _Page:
    url, facts, html, search, made = value
    return _Page(
        str(url),
        _span(facts, size),
        _span(html, size),
        _span(search, size) if search is not None else None,
        str(made),
    )


def _text(lookups: Any) -> str:
    """Lookups as the header keeps them: JSON text (a list, as headers before held them,
    written as that text)."""
    return lookups if isinstance(lookups, str) else json.dumps(lookups, ensure_ascii=False)


def _parsed(text: str) -> list[Lookup] | None:
    """Kept lookups read, or None when they are not lookups (the page is made again)."""
    try:
        return _lookups(json.loads(text))
    except (ValueError, TypeError):
        return None


def _lookups(value: Any) -> list[Lookup]:
    """Kept lookups, each ``[namespace, id, [address, label] or None]``."""
    out: list[Lookup] = []
    for namespace, ident, found in value:
        if found is not None:
            address, label = found
            found = [str(address), str(label)]
        out.append([str(namespace), str(ident), found])
    return out


def _file(value: list[Any], size: int) -> tuple[str, str | None, Span | None]:
    path, package, where = value
    if package is not None:
        if ".." in Path(package).parts or Path(package).is_absolute():
            raise ValueError("a packaged file outside the package")
        return str(path), str(package), None
    return str(path), None, _span(where, size)


_CHUNK = 1 << 20
_KEY_LINE = re.compile(rb"[0-9a-f]{64}\n")


def load(folder: Path, key: str) -> tuple[Replayed | None, list[str]]:
    """The site kept under ``key`` in ``folder``, or None; and the notes for the log (a kept
    file that cannot be read, or was not sealed by this user's builds).

    The file is read once to check its seal, then each page as it is asked for, from the
    same open file (a large site's pages are never all in memory; a file put in its place
    meanwhile is another file, not read; one rewritten in place fails its blobs' digests).
    A link or a special file (a pipe would block the build) in its place is not opened."""
    return _load(folder, key)


def previous(folder: Path) -> Replayed | None:
    """The last site kept in ``folder`` whatever its key, when this user's builds sealed it:
    a build after an edit takes from it each page it makes into the very same page
    (``Recording.page``), and says nothing of a file it cannot use (``load`` did)."""
    return _load(folder, None)[0]


def _load(folder: Path, key: str | None) -> tuple[Replayed | None, list[str]]:
    path = folder / KIND / NAME
    if not memo.unlinked(path.parent):
        return None, []  # the recording says why, as it does not write there either
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        return None, []
    except OSError as exc:
        return None, [f"could not read the cache file {KIND}/{NAME} ({exc}); built anew"]
    if not stat.S_ISREG(os.fstat(handle).st_mode):
        os.close(handle)
        return None, [f"the cache file {KIND}/{NAME} is not a plain file; built anew"]
    kept = open(handle, "rb")  # noqa: SIM115 (closed by Replayed.close, or here)
    try:
        site = _opened(kept, key)
    except OSError as exc:
        site, notes = None, [f"could not read the cache file {KIND}/{NAME} ({exc}); built anew"]
    except (
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        AttributeError,
        UnicodeDecodeError,
        RecursionError,
    ):
        site, notes = None, [f"ignored a damaged cache file {KIND}/{NAME}; the site is built anew"]
    else:
        notes = []
    if site is None:
        kept.close()
    return site, notes


def _opened(kept: Any, wanted: str | None) -> Replayed | None:
    """The site in the open file ``kept``; None when it is not the ``wanted`` key's (None:
    any key); ValueError when it is damaged or was not sealed by this user's builds."""
    line = kept.read(65)
    if wanted is not None and line == wanted.encode("ascii") + b"\n":
        key = wanted
    elif not _KEY_LINE.fullmatch(line):
        raise ValueError("no key")
    elif wanted is not None:
        return None  # another state of the inputs, another user's (or damage to the key)
    else:
        key = line[:-1].decode("ascii")
    size = os.fstat(kept.fileno()).st_size
    if size < len(key) + 1 + _LENGTH + _MARK:
        raise ValueError("too short")
    secret = memo.local_secret()
    if secret is None:
        raise ValueError("no secret")
    mac = hmac.new(secret.encode(), key.encode("ascii") + b"\n", hashlib.sha256)
    left = size - _MARK - len(key) - 1
    tail = b""
    while left > 0:
        chunk = kept.read(min(_CHUNK, left))
        if not chunk:
            raise ValueError("shorter than it said")
        mac.update(chunk)
        left -= len(chunk)
        tail = (tail + chunk)[-_LENGTH:]
    mark = kept.read(_MARK)
    if not hmac.compare_digest(mac.hexdigest().encode("ascii"), mark):
        raise ValueError("not sealed by this user's builds")
    body = size - _MARK - _LENGTH  # the pages, the files and the header
    length = int(tail.decode("ascii"))
    if not 0 < length <= body:
        raise ValueError("a header larger than the file")
    header = json.loads(os.pread(kept.fileno(), length, body - length).decode("utf-8"))
    if wanted is not None and header.get("problems") is not False:
        return None  # made by a build that reported problems: they must be said again
    return Replayed(header, kept, body)


def _made(url: str, facts: str, html: str, search: str | None) -> str:
    """A digest of everything a page was made into: two pages with the same are the same
    page, whatever they were made from."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (url, facts, html, search if search is not None else "\0none"):
        data = part.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class Recording:
    """What this build makes, written as it is made into a file beside the kept one; that
    file replaces the kept one at :meth:`finish`, when every page and file was made."""

    def __init__(
        self,
        cache_dir: Path,
        key: str,
        secret: str,
        last: Replayed | None = None,
        context: str = "",
    ) -> None:
        self.folder = cache_dir / KIND
        self._last = last  # the site kept before: pages made the same are copied from it
        self._copied: set[str] = set()  # pages copied from it
        self.key = key
        self._mac = hmac.new(secret.encode(), digestmod=hashlib.sha256)
        self._temp = self.folder / f".{NAME}.{os.getpid()}.tmp"
        self._out: Any = None
        self._offset = 0
        self._failed: str | None = None
        self._header: dict[str, Any] = {}
        self._pages: dict[str, Any] = {}
        self._heads: dict[str, list[str]] = {}
        self._made: dict[str, list[Any]] = {}
        self._reused: dict[str, list[Any]] = {}  # file → [key, lookups as JSON] (``made``)
        # What shapes every page besides the editorial data (the code, the site's templates
        # and options): a page is taken from the last site only when it is the same.
        self.context = context
        self._page_keys: dict[str, list[Any]] = {}  # page → [key, lookups as JSON]
        self.taken: list[str] = []  # pages taken from the last site as made (``reused_page``)
        self.packed: Packed | None = None
        self._entries: dict[str, list[Any]] = {}
        self.search_made_by = ""  # what made the pages' search entries (see ``entries``)

    def _write(self, data: bytes) -> list[Any]:
        if self._failed is not None:
            return [0, 0, ""]
        try:
            if self._out is None:
                if not memo.unlinked(self.folder):
                    raise OSError("the folder is reached through a link")
                self.folder.mkdir(parents=True, exist_ok=True)
                self._out = open(self._temp, "wb")  # noqa: SIM115 (closed at finish)
                self._put(self.key.encode("ascii") + b"\n")
            start = self._offset
            self._put(data)
            return [start, len(data), _digest(data)]
        except OSError as exc:
            self._failed = str(exc)
            self.abandon()
            return [0, 0, ""]

    def _put(self, data: bytes) -> None:
        self._out.write(data)
        self._mac.update(data)
        self._offset += len(data)

    def _blob(self, text: str) -> list[Any]:
        return self._packed(text)[0]

    def _packed(self, text: str) -> tuple[list[Any], bytes | None]:
        try:
            data = compressed(text)
        except UnicodeEncodeError as exc:  # a lone surrogate: not kept, never a failed build
            self._failed = str(exc)
            return [0, 0, ""], None
        return self._write(data), data

    def site(self, site: GeneratedSite, files: list[GeneratedFile]) -> None:
        """What the site says before any page is made (titles, navigation, files)."""
        self._header = {
            "titles": site.titles(),
            "nav_titles": site.nav_titles(),
            "hidden": sorted(site.hidden_parts()),
            "sources": site.source_pages(),
            "stylesheets": site.stylesheets(),
            "scripts": site.scripts(),
        }
        cuts = site.cuts()
        if cuts is not None:
            self._header["wide"] = list(cuts)
        listed: list[list[Any]] = []
        for f in files:
            if f.source is None:
                listed.append([f.path, None, None])
            elif f.source.resolve().is_relative_to(memo.PACKAGE):
                listed.append([f.path, f.source.resolve().relative_to(memo.PACKAGE).as_posix(), 0])
            else:  # a file from elsewhere: its bytes are not in the key
                self._failed = f"{f.path} is not the library's"
        self._header["files"] = listed

    def page(self, page: GeneratedPage, url: str) -> None:
        """Kept as made; or, when the site kept before had this page made into the very
        same text (the digest of its address, facts, HTML and search document), copied
        from it as it is there, compressed (the search entries made of it too, see
        ``entries_of_last``)."""
        facts = json.dumps(
            [
                page.title,
                page.nav_title,
                page.heading,
                sorted(page.anchors),
                [_toc_json(e) for e in page.toc],
            ],
            ensure_ascii=False,
        )
        try:
            made = _made(url, facts, page.html, page.search)
        except UnicodeEncodeError as exc:  # a lone surrogate: not kept, never a failed build
            self._failed = str(exc)
            return
        if page.made_of is not None:
            key, lookups = page.made_of
            self._page_keys[page.path] = [key, _text(lookups)]
        if self._copy(page, url, made):
            return
        html, packed_html = self._packed(page.html)
        search, packed_search = (
            self._packed(page.search) if page.search is not None else (None, None)
        )
        self._pages[page.path] = [url, self._blob(facts), html, search, made]
        if packed_html is not None and (page.search is None or packed_search is not None):
            self.packed = Packed(page.html, packed_html, packed_search)

    def _copy(self, page: GeneratedPage, url: str, made: str) -> bool:
        last = self._last._pages.get(page.path) if self._last is not None else None
        if self._last is None or last is None or last.made != made or last.url != url:
            return False
        try:
            facts, html = self._last._read(last.facts), self._last._read(last.html)
            search = self._last._read(last.search) if last.search is not None else None
        except _Changed:
            return False
        self._pages[page.path] = [
            url,
            self._write(facts),
            self._write(html),
            self._write(search) if search is not None else None,
            made,
        ]
        self._copied.add(page.path)
        self.packed = _again(self._last, last, page.html, html, search)
        return True

    def kept_cuts(self) -> KeptCuts | None:
        """The cuts of the site kept before (see ``GeneratedSite.cuts``), when it was made
        in this build's context."""
        last = self._last
        if last is None or not self.context or last.context != self.context:
            return None
        return last.cuts

    def can_reuse(self, path: str, url: str, keyed: Keyed) -> bool:
        """Whether the site kept before has the page at ``path``, at ``url``, made of what
        ``keyed`` names, with each of its lookups giving what it gave."""
        last = self._last
        if last is None or not self.context or last.context != self.context:
            return False
        kept, made_of = last._pages.get(path), last.page_key(path)
        if kept is None or made_of is None or kept.url != url:
            return False
        key, lookups = made_of
        return key == keyed.key and keyed.same(lookups)

    def reused_page(self, path: str) -> GeneratedPage | None:
        """The page as the site kept before has it (ask :meth:`can_reuse` first), copied
        into this one as it is there (its search entries too); None when it cannot be read."""
        last = self._last
        kept = last._pages.get(path) if last is not None else None
        if last is None or kept is None:
            return None
        try:
            page, facts, html, search = last._kept_page(path, kept)
        except _Changed:
            return None
        self._pages[path] = [
            kept.url,
            self._write(facts),
            self._write(html),
            self._write(search) if search is not None else None,
            kept.made,
        ]
        if (made_of := last._page_keys.get(path)) is not None:
            self._page_keys[path] = list(made_of)  # as text: parsed, they would be held
        self._copied.add(path)
        self.packed = _again(last, kept, page.html, html, search)
        self.taken.append(path)
        return page

    def entries_of_last(self, path: str, made_by: str) -> bytes | None:
        """The search entries made of a page copied from the site kept before, when the
        same search (``made_by``) made them."""
        if self._last is None or path not in self._copied:
            return None
        return self._last.entries(path, made_by)

    def entries_of_last_again(self, path: str) -> Callable[[], bytes] | None:
        """``entries_of_last`` read again when called (see ``Replayed.entries_again``)."""
        return self._last.entries_again(path) if self._last is not None else None

    def entries(self, path: str, packed: bytes) -> None:
        """A page's search entries as search made them from its page, compressed."""
        self._entries[path] = self._write(packed)

    def head(self, path: str, url: str, links: str) -> None:
        if links:
            self._heads[path] = [url, links]

    def made(
        self, path: str, make: Callable[[], str], reuse: Reusable | None = None
    ) -> Callable[[], str]:
        """``make``, keeping what it makes the first time it is called. A file that says
        how it can be reused is taken from the site kept before, as it is there, when its
        key is the same and each of its lookups gives what it gave; otherwise made, and
        kept with its key and lookups for the next build."""

        def kept() -> str:
            if path in self._made:
                return make()
            if reuse is None:
                text = make()
            elif (copied := self._copy_file(path, reuse)) is not None:
                return copied
            else:
                lookups: list[Lookup] = []
                text = reuse.make(lookups)
                self._reused[path] = [reuse.key, _text(lookups)]
            self._made[path] = self._blob(text)
            return text

        return kept

    def _copy_file(self, path: str, reuse: Reusable) -> str | None:
        last = self._last.reused(path) if self._last is not None else None
        if self._last is None or last is None:
            return None
        key, lookups, where = last
        if key != reuse.key or not reuse.same(lookups):
            return None
        try:
            data = self._last._read(where)
        except _Changed:
            return None
        self._made[path] = self._write(data)
        self._reused[path] = [key, self._last._reused[path][1]]  # as text, as it was kept
        return _unpacked(data)

    def finish(self, *, problems: bool, key: str | None) -> str | None:
        """Put the file in place if this build made all of the site, and its inputs still
        have the key they had when it began (``key``, worked out again: a file saved during
        the build may have been read in either state), marked never to be given back whole
        if it reported ``problems``; a note for the log when it could not be written or an
        input changed."""
        if key != self.key:
            self.abandon()
            return "an editorial file changed during the build; this site is not kept"
        files = self._header.get("files", [])
        complete = (
            self._failed is None
            and self._out is not None
            and set(self._pages) == set(self._header.get("titles", ()))
            and all(f[1] is not None or f[0] in self._made for f in files)
        )
        if not complete:
            failed = self._failed
            self.abandon()
            if failed is not None and "not the library's" not in failed:
                return f"could not write to the cache folder {KIND}/ ({failed})"
            return None
        for f in files:
            if f[1] is None:
                f[2] = self._made[f[0]]
        self._header.update(
            problems=problems,
            pages=self._pages,
            heads=self._heads,
            reused=self._reused,
            context=self.context,
            page_keys=self._page_keys,
        )
        if self.search_made_by:
            self._header.update(entries=self._entries, search_made_by=self.search_made_by)
        self._let_go_of_last()
        try:
            length = self._put_header()
            self._put(str(length).rjust(_LENGTH, "0").encode("ascii"))
            self._out.write(self._mac.hexdigest().encode("ascii"))
            self._out.close()
            os.replace(self._temp, self.folder / NAME)
        except (OSError, ValueError) as exc:
            self.abandon()
            return f"could not write to the cache folder {KIND}/ ({exc})"
        return None

    def _put_header(self) -> int:
        """Write the header as ``json.dumps`` would, one page's (one file's) entry at a
        time: made whole, or a whole table at once, a large site's header was an edited
        build's peak memory (19 MB at N = 1,000); its length in bytes."""
        return self._put_json(self._header, depth=2)

    def _put_json(self, value: Any, depth: int) -> int:
        if depth == 0 or not isinstance(value, dict) or not value:
            data = json.dumps(value, ensure_ascii=False).encode("utf-8")
            self._put(data)
            return len(data)
        length = 0
        for n, (name, inner) in enumerate(value.items()):
            data = (
                ("{" if n == 0 else ", ") + json.dumps(str(name), ensure_ascii=False) + ": "
            ).encode("utf-8")
            self._put(data)
            length += len(data) + self._put_json(inner, depth - 1)
        self._put(b"}")
        return length + 1

    def abandon(self) -> None:
        self._let_go_of_last()
        if self._out is not None:
            with contextlib.suppress(OSError):
                self._out.close()
            self._out = None
        with contextlib.suppress(OSError):
            self._temp.unlink(missing_ok=True)

    def _let_go_of_last(self) -> None:
        if self._last is not None:
            self._last.close()
            self._last = None
