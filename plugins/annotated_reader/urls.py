"""Where generated pages live, and links between them relative to the reading page.

Relative links keep the offline bundle working from ``file://``; this mirrors what
MkDocs does so that the library needs no MkDocs import.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


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


def relative_url(target: str, from_page: str) -> str:
    """``target`` (site-root relative, may hold ``#fragment``) as seen from ``from_page``."""
    path, _, fragment = target.partition("#")
    suffix = f"#{fragment}" if fragment else ""
    if path == from_page:
        return suffix or "./"
    base = from_page if from_page.endswith("/") or not from_page else posixpath.dirname(from_page)
    base = base.rstrip("/") or "."
    rel = posixpath.relpath(path.rstrip("/") or ".", base)
    if path.endswith("/") or not path:
        rel = rel.rstrip("/") + "/"
    if rel in (".", "./"):
        rel = "./"
    return rel + suffix
