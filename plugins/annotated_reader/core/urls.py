"""Where generated pages live, and links between them relative to the reading page.

Relative links keep the offline bundle working from ``file://``; this mirrors what
MkDocs does so that the library needs no MkDocs import.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class SiteUrls:
    directory_urls: bool = True

    def page(self, name: str) -> str:
        """URL of a page from its path without extension, e.g. ``sources/x``."""
        if name in ("", "index"):
            return "" if self.directory_urls else "index.html"
        if self.directory_urls:
            return name.removesuffix("/index") + "/"
        return name + ".html"

    def source(self, source_id: str) -> str:
        return self.page(f"sources/{source_id}")

    def annotation(self, source_id: str, annotation_id: str) -> str:
        return f"{self.source(source_id)}#{annotation_id}"

    def term(self, term_id: str) -> str:
        return f"{self.page('glossary')}#{term_id}"

    def event(self, event_id: str) -> str:
        return f"{self.page('timeline')}#{event_id}"


def absolute(site_url: str, path: str) -> str:
    """A site-root path as an absolute address; left as it is when there is no site_url."""
    if not site_url:
        return path
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def _parts(path: str) -> list[str] | None:
    """Components of a relative path below the working folder, or None when the answer
    would depend on the working folder (absolute paths, or '..' above the start)."""
    if path.startswith("/"):
        return None
    parts = [p for p in posixpath.normpath(path).split("/") if p not in ("", ".")]
    return None if parts[:1] == [".."] else parts


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` without its two ``os.getcwd()`` calls (a fifth of a source
    page's rendering): both paths are relative, so the working folder cancels out."""
    to, base = _parts(path), _parts(start)
    if to is None or base is None or not path:
        return posixpath.relpath(path, start)
    common = 0
    for a, b in zip(to, base, strict=False):
        if a != b:
            break
        common += 1
    rel = [".."] * (len(base) - common) + to[common:]
    return "/".join(rel) if rel else "."


def relative_url(target: str, from_page: str) -> str:
    """``target`` (site-root relative, may hold ``#fragment``) as seen from ``from_page``."""
    path, _, fragment = target.partition("#")
    suffix = f"#{fragment}" if fragment else ""
    if path == from_page:  # a page's link to itself: its folder, or (.html addresses) its file
        return suffix or (posixpath.basename(path) if path and not path.endswith("/") else "./")
    if path == f"{from_page}/":  # a page given by its Markdown file's folder (``glossary``
        # for ``glossary/``, see ``GeneratedSite.page_url``): itself, seen from that folder
        return suffix or f"{posixpath.basename(from_page)}/"
    return _relative_path(path, from_page) + suffix


# Cached without the fragment: a page links to a few pages, but to thousands of anchors in
# them (every term occurrence, every dated passage), which would overflow a cache of whole
# addresses.
@lru_cache(maxsize=4096)
def _relative_path(path: str, from_page: str) -> str:
    base = from_page if from_page.endswith("/") or not from_page else posixpath.dirname(from_page)
    base = base.rstrip("/") or "."
    rel = _relpath(path.rstrip("/") or ".", base)
    if path.endswith("/") or not path:
        rel = rel.rstrip("/") + "/"
    if rel in (".", "./"):
        rel = "./"
    return rel
