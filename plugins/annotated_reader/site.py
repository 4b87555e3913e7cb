"""Everything the generated pages need, rendered once per build from a loaded corpus.

Kept apart from the MkDocs plugin so the command line (and a future generator) can build
the same pages: ``pages()`` maps each generated page's path to its title, and
``render_page()`` gives its HTML body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Corpus
from .markup import Markup
from .render import PageRender, render_source
from .templates import environment
from .urls import SiteUrls, relative_url


@dataclass
class SiteBuilder:
    corpus: Corpus
    urls: SiteUrls
    templates_dir: Path | None = None
    markup: Markup = field(default_factory=Markup)

    def __post_init__(self) -> None:
        self.env = environment(self.templates_dir)
        self._notes = self.corpus.annotation_index()

    def pages(self) -> dict[str, str]:
        """Generated Markdown stubs: path (``sources/<id>.md``) → page title."""
        out = {"sources/index.md": "Sources"}
        for source in self.corpus.sources:
            out[f"sources/{source.id}.md"] = source.title
        return out

    def resolver(self, page_url: str):  # type: ignore[no-untyped-def]
        def resolve(namespace: str, ident: str) -> tuple[str, str] | None:
            if namespace == "note":
                ann = self._notes.get(ident)
                if ann is None:
                    return None
                src = self.corpus.source(ann.source_id)
                label = f"note in “{src.title}”" if src else ident
                return relative_url(self.urls.annotation(ann.source_id, ident), page_url), label
            if namespace == "source":
                src = self.corpus.source(ident)
                if src is None:
                    return None
                return relative_url(self.urls.source(ident), page_url), src.title
            return None

        return resolve

    def render_page(self, path: str, page_url: str) -> str | None:
        """HTML body of a generated page, or None when ``path`` is not ours."""
        if path == "sources/index.md":
            return self.render_sources_index(page_url)
        if path.startswith("sources/") and path.endswith(".md"):
            source = self.corpus.source(path[len("sources/") : -3])
            if source is None:
                return None
            ctx = PageRender(resolve=self.resolver(page_url), markup=self.markup, env=self.env)
            return render_source(source, self.corpus.blocks[source.id], ctx)
        return None

    def render_sources_index(self, page_url: str) -> str:
        rows = []
        for source in self.corpus.sources:
            meta = source.metadata
            rows.append(
                {
                    "href": relative_url(self.urls.source(source.id), page_url),
                    "title": source.title,
                    "author": meta.author.value,
                    "outlet": meta.outlet.value,
                    "published": meta.published.value,
                    "kind": meta.kind.value,
                    "notes": len(source.annotations),
                }
            )
        return self.env.get_template("sources_index.html").render(rows=rows)
