"""Checks on a site built for ``file://``: nothing loads from outside, every local link resolves.

A page opened from disk cannot fall back on a server: an asset or link that points outside the
folder is a request leaving the machine (or a blank panel with no network), and a relative link
to a missing file is a page that will not open. Both are found here, by parsing each page's
HTML, each stylesheet and the term previews script, before the bundle is zipped.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..glossary.page import TERMS_SCRIPT, read_terms_script

# Attributes through which a page loads something by itself, without a click.
_LOADS = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("source", "src"),
    ("track", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
}
# <link rel=…> values that make the browser fetch (canonical, prev, next… only name a page).
_LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


@dataclass(frozen=True)
class Reference:
    """One address a page or stylesheet names, and how."""

    file: str  # site-relative path of the page or stylesheet
    what: str  # e.g. "<script src>", "<a href>", "url()"
    url: str
    loads: bool  # fetched by itself (an asset), not only followed when clicked
    base: str | None = None  # folder relative addresses start from; None: the file's own

    def __str__(self) -> str:
        return f"{self.file}: {self.what} {self.url}"


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        for name, value in values.items():
            if (tag, name) in _LOADS:
                self.found.append((f"<{tag} {name}>", value, True))
            elif name == "srcset":
                for part in value.split(","):
                    if part.strip():
                        self.found.append((f"<{tag} srcset>", part.split()[0], True))
        if tag == "link" and "href" in values:
            rels = set(values.get("rel", "").lower().split())
            self.found.append(("<link href>", values["href"], bool(rels & _LOADING_RELS)))
        if tag == "a" and "href" in values:
            self.found.append(("<a href>", values["href"], False))


def references(site: Path) -> list[Reference]:
    """Every address named by the site's pages (HTML) and stylesheets (CSS), in path order."""
    out: list[Reference] = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            parser = _Refs()
            parser.feed(path.read_text(encoding="utf-8"))
            parser.close()
            out.extend(Reference(rel, what, url, loads) for what, url, loads in parser.found)
        elif rel == TERMS_SCRIPT:
            # Term previews: HTML that reader.js places in any page, its links relative to
            # the site root.
            for html in read_terms_script(path.read_text(encoding="utf-8")).values():
                parser = _Refs()
                parser.feed(html)
                parser.close()
                out.extend(
                    Reference(rel, what, url, loads, base="") for what, url, loads in parser.found
                )
        elif path.suffix == ".css":
            for m in _CSS_URL.finditer(path.read_text(encoding="utf-8")):
                url = m.group(2) or m.group(4)
                out.append(Reference(rel, "url()" if m.group(2) else "@import", url, True))
    return out


def _outside(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "file", "data", "about", "blob")


def outside_loads(site: Path) -> list[Reference]:
    """Assets that would be fetched from another machine (links a reader clicks are allowed)."""
    return [r for r in references(site) if r.loads and _outside(r.url)]


def broken_local(site: Path) -> list[Reference]:
    """Relative addresses (assets and links) that name no file of the site.

    A folder counts as broken: from disk it opens as a directory listing, not as its
    ``index.html``; so does a root-absolute address, which names the disk's root.
    """
    out = []
    for ref in references(site):
        parts = urlsplit(ref.url.strip())
        if parts.scheme or parts.netloc or not parts.path:
            continue  # another machine, a mail address, or a fragment of the same page
        if parts.path.startswith("/"):
            out.append(ref)  # root-relative: means the disk's root under file://
            continue
        folder = posixpath.dirname(ref.file) if ref.base is None else ref.base
        target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
        path = site / target
        if target.startswith("../") or not path.is_file():
            out.append(ref)
    return out
