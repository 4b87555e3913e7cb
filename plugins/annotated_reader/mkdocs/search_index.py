"""Our pages' entries in Material's search index, held as compressed JSON text and written
into its index file after Material writes it.

Material's search plugin keeps every entry of every page as a Python dict until the build
ends, then encodes them all as one string and that string again as bytes. At 1,000 sources
(52,000 entries) that was half of a build's peak memory. The entries are still made by
Material, from the same documents; only where they wait, and how, is ours: the file
written is the one Material would write, byte for byte.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Material's own encoding of its index (``SearchIndex.generate_search_index``)
_JSON: dict[str, Any] = {"separators": (",", ":"), "default": str}


class HeldEntries:
    """The entries Material's search made for our pages, taken out of its index as each
    page is indexed and put back, in their places, into the file it writes."""

    def __init__(self, index: Any) -> None:
        self._index = index
        self._start = 0
        # (Material's entries before them, JSON text compressed, or what reads it again)
        self._held: list[tuple[int, bytes | Callable[[], bytes]]] = []

    @classmethod
    def of(cls, plugins: Any) -> HeldEntries | None:
        """Material's search index, when the build has one that looks as this was written
        for; otherwise None, and the entries stay where Material keeps them."""
        for plugin in plugins.values():
            index = getattr(plugin, "search_index", None)
            module = type(plugin).__module__
            if module.startswith("material.plugins.search") and _indexes(plugin, index):
                return cls(index)
        return None

    def before(self) -> None:
        """Called before Material indexes one of our pages."""
        self._start = len(self._index.entries)

    def after(self) -> bytes | None:
        """Called after: the page's entries leave Material's list for ours; they are
        returned as held (compressed JSON text), None when Material made none."""
        entries = self._index.entries
        made = entries[self._start :]
        if not made:
            return None
        del entries[self._start :]
        text = ",".join(json.dumps(entry, **_JSON) for entry in made)
        held = zlib.compress(text.encode("utf-8"), 1)
        self._held.append((self._start, held))
        return held

    def remake(self, page: Any, content: str) -> bytes:
        """The entries Material's search makes of ``page`` with ``content`` (its search
        document), as ``after`` holds them: for entries kept that cannot be read again
        (the kept file changed during the build)."""
        start = len(self._index.entries)
        saved, page.content = page.content, content
        try:
            self._index.add_entry_from_context(page)
        finally:
            page.content = saved
        made = self._index.entries[start:]
        del self._index.entries[start:]
        text = ",".join(json.dumps(entry, **_JSON) for entry in made)
        return zlib.compress(text.encode("utf-8"), 1) if made else b""

    def add(self, held: bytes | Callable[[], bytes]) -> None:
        """A page's entries as ``after`` returned them in an earlier build (or a function
        that reads them again, raising ValueError if it cannot), for a page Material was
        not given to read: they go where its own would have gone."""
        self._held.append((len(self._index.entries), held))

    def write(self, site_dir: Path) -> str | None:
        """Put the held entries into the index file Material wrote; written anew beside it
        and moved into its place, so a reader never meets half a file. What went wrong, if
        anything: the generated pages would then be missing from search."""
        held, self._held = self._held, []
        if not held:
            return None
        path = site_dir / "search" / "search_index.json"
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            theirs: list[Any] = data["docs"]
            with open(temp, "w", encoding="utf-8", newline="") as out:
                out.write('{"config":' + json.dumps(data["config"], **_JSON) + ',"docs":[')
                first, done = True, 0
                for at, text in [*held, (len(theirs), b"")]:
                    parts = [json.dumps(e, **_JSON) for e in theirs[done:at]]
                    data = text() if callable(text) else text
                    if data:
                        parts.append(zlib.decompress(data).decode("utf-8"))
                    for part in parts:
                        out.write(part if first else "," + part)
                        first = False
                    done = at
                out.write("]}")
            os.replace(temp, path)
        except (OSError, ValueError, KeyError, TypeError, zlib.error) as exc:
            with contextlib.suppress(OSError):
                temp.unlink()
            return (
                f"search/search_index.json: cannot add the generated pages to the search "
                f"index ({exc}); they cannot be found by search (build again)"
            )
        return None


def merge_rebuilt(plugins: Any) -> None:
    """``serve --dirty``: Material merges the last index with this build's entries assuming
    one page was rebuilt (it drops the last entries of the first rebuilt page only), but
    every generated page is rebuilt on each save, so each save added all their entries
    again. The last index's entries of every page indexed in this build are dropped first."""
    for plugin in plugins.values():
        if not type(plugin).__module__.startswith("material.plugins.search"):
            continue
        last = getattr(plugin, "search_index_prev", None)
        now = getattr(plugin, "search_index", None)
        kept, made = getattr(last, "entries", None), getattr(now, "entries", None)
        if last is now or not isinstance(kept, list) or not isinstance(made, list) or not made:
            continue
        rebuilt = {_page_of(entry) for entry in made}
        kept[:] = [entry for entry in kept if _page_of(entry) not in rebuilt]


def _page_of(entry: Any) -> str:
    location = entry.get("location", "") if isinstance(entry, dict) else ""
    return str(location).partition("#")[0]


def made_by(plugins: Any) -> str:
    """What a page's entries depend on besides the page itself (its document, address,
    title and sections): Material's version, whether it segments Chinese text, and every
    plugin of the build, any of which could change a page before search reads it."""
    try:
        from material import __version__  # type: ignore[import-untyped]
        from material.plugins.search import plugin as search  # type: ignore[import-untyped]
    except ImportError:
        return ""
    names = sorted(
        f"{name}={type(p).__module__}.{type(p).__qualname__}" for name, p in plugins.items()
    )
    return "\0".join([__version__, f"jieba={search.jieba is not None}", *names])


def _indexes(plugin: Any, index: Any) -> bool:
    config = getattr(plugin, "config", None)
    return (
        isinstance(getattr(index, "entries", None), list)
        and bool(getattr(config, "enabled", False))
        and not getattr(plugin, "is_dirty", True)  # ``--dirty`` merges its last index
    )
