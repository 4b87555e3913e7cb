"""Write the generated site as a folder of documentation files any generator builds.

A page becomes a Markdown file: front matter with its title (YAML, so a title is text and
never Markdown), then the library's HTML as a raw HTML block, which Markdown engines pass
through untouched, and its table of contents as a comment (see :mod:`.markdown_toc`). Other files are written as they are, and the hand-written pages of
``docs/`` are copied in beside them, refused where they would leave the project or take
the address of a generated page (the checks the MkDocs plugin makes).
"""

from __future__ import annotations

import posixpath
import re
import shutil
from collections.abc import Callable, Iterator, Mapping
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from ..core.corpus import Paths
from ..core.files import refusal
from ..core.problems import Location, Problems
from ..core.toc import TocEntry
from ..render.collisions import collisions
from ..render.doclinks import unknown_anchor
from ..render.generated import GeneratedSite
from ..render.items import GeneratedPage
from ..render.pool import PagePool, source_paths
from .markdown_toc import comment

# How a page's relative links are written: from the Markdown file's folder (``file``: the
# generator rewrites them to the published address, as Zensical does in raw HTML too), or
# from the published address itself (``page``: a generator that leaves raw HTML alone).
LINKS = ("file", "page")


def page_markdown(page: GeneratedPage) -> str:
    """A generated page as a Markdown file: its title in front matter, its body raw. The
    title is escaped: generators write a page's front-matter title into the page as HTML
    (Material's templates and Zensical's alike), and a title is editorial text."""
    front = yaml.safe_dump(
        {"title": escape(page.title, quote=False)},
        allow_unicode=True,
        width=1 << 30,
        sort_keys=False,
    )
    toc = f"\n{comment([_entry(e) for e in page.toc])}\n" if page.toc else ""
    return f"---\n{front}---\n\n{page.html.strip()}\n{toc}"


def _entry(entry: TocEntry) -> dict[str, Any]:
    return {
        "level": entry.level,
        "id": entry.id,
        "title": entry.title,
        "children": [_entry(c) for c in entry.children],
    }


def published_at(path: str, directory_urls: bool) -> str:
    """The file a generator writes a documentation file to (``x.md`` → ``x/index.html``;
    ``index.md`` and ``README.md`` name their folder), as MkDocs and Zensical do."""
    p = PurePosixPath(path)
    if p.suffix != ".md":
        return path
    folder = p.parent
    if p.stem in ("index", "README"):
        return (folder / "index.html").as_posix()
    if directory_urls:
        return (folder / p.stem / "index.html").as_posix()
    return (folder / f"{p.stem}.html").as_posix()


def hand_written(docs: Path) -> Iterator[str]:
    """Every file of ``docs`` (paths relative to it, sorted); links are listed, not followed
    (a folder that is a link is refused where it is found)."""
    for path in sorted(docs.rglob("*")):
        if path.is_file() or path.is_symlink():
            yield path.relative_to(docs).as_posix()


def write_docs(
    site: GeneratedSite,
    out: Path,
    paths: Paths,
    docs: str | None,
    links: str = "file",
    workers: int = 0,
) -> Problems:
    """Write every generated page and file into ``out``, with the hand-written files of
    ``docs`` (relative to the project) copied in; nothing is written when a hand-written
    file is refused. ``links``: see :data:`LINKS`; ``workers``: processes that render the
    source pages (:mod:`..render.pool`). Returns the problems found."""
    directory_urls = site.urls.directory_urls
    written = list(hand_written(paths.root / docs)) if docs else []
    problems = Problems()
    for rel in written:
        refused = refusal(paths, paths.root / docs / rel, links=True) if docs else None
        if refused is not None:
            refused.report(Location(f"{docs}/{rel}", 1, 1), problems)
    ours = {p: published_at(p, directory_urls) for p in site.titles()}
    ours |= {f.path: f.path for f in site.files()}
    problems.extend(
        collisions(ours, {p: published_at(p, directory_urls) for p in written}, docs or ".")
    )
    if problems:
        return problems
    out.mkdir(parents=True, exist_ok=True)
    for rel in written:
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paths.root / str(docs) / rel, target)
    for file in site.files():
        _write(out / file.path, file.data())
    anchors: dict[str, frozenset[str]] = {}

    def url(path: str) -> str:
        return site.page_url(path, file_relative=links == "file")

    pool = PagePool(site, [(p, url(p)) for p in source_paths(site, workers)], workers)
    try:
        for path in site.titles():
            page = pool.take(path, url(path))
            if page is not None:
                _write(out / page.path, page_markdown(page).encode("utf-8"))
                anchors[path] = page.anchors
    finally:
        pool.close()
    for rel in written if docs else []:
        if rel.endswith(".md"):
            text = (paths.root / str(docs) / rel).read_text(encoding="utf-8", errors="replace")
            found = missing_anchors(f"{docs}/{rel}", rel, text, anchors, site.note_lost)
            problems.extend(found)
    return problems


# A Markdown link's address: inline ``](address)`` or a reference ``[label]: address``.
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)


def missing_anchors(
    doc: str,
    rel: str,
    text: str,
    anchors: Mapping[str, frozenset[str]],
    lost: Callable[[str], bool] = lambda _: False,
) -> Problems:
    """Links in the hand-written page ``rel`` (shown as ``doc``) to an anchor a generated
    page does not have (and that is no note that did not load: ``lost``), each reported
    as the MkDocs plugin reports it (a warning, so a strict build fails), for engines that
    do not say where the link is."""
    problems = Problems()
    for m in _LINK.finditer(text):
        link = m.group(1) or m.group(2)
        path, _, anchor = link.partition("#")
        if not anchor or not path.endswith(".md") or "://" in path:
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
        present = anchors.get(target)
        if present is not None and anchor not in present and not lost(anchor):
            problems.items.append(unknown_anchor(doc, text, link, target, anchor, present))
    return problems


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
