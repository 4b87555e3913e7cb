"""Everything the generated pages need, rendered once per build from a loaded corpus.

Kept apart from the MkDocs plugin so the command line (and a future generator) can build
the same pages: ``pages()`` maps each generated page's path to its title, ``files()`` gives
extra generated files, and ``render_page()`` gives a page's HTML body.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from html import escape

from ..core.corpus import Corpus, PageHtml
from ..core.markup import Markup, Resolver
from ..core.urls import SiteUrls, relative_url
from .search_view import source_document
from .source_page import PageRender, header_rows, render_source


@dataclass
class SiteBuilder:
    corpus: Corpus
    urls: SiteUrls
    markup: Markup = field(default_factory=Markup)
    search_view: bool = True  # also give each page's search document (search_view), if any

    def __post_init__(self) -> None:
        self.env = self.corpus.templates
        self._links = {
            s.id: [lk for f in self.corpus.features for lk in f.source_links(s)]
            for s in self.corpus.sources
        }

    def pages(self) -> dict[str, str]:
        """Generated Markdown stubs: path (``sources/<id>.md``) → page title."""
        out = {"sources/index.md": "Sources"}
        for source in self.corpus.sources:
            out[f"sources/{source.id}.md"] = source.title
        for feature in self.corpus.features:
            out.update(feature.pages())
        return out

    def files(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for feature in self.corpus.features:
            out.update(feature.files(self.urls))
        return out

    def resolver(self, page_url: str) -> Resolver:
        return self.corpus.resolver(page_url, self.urls)

    def render_page(self, path: str, page_url: str) -> str | None:
        """HTML body of a generated page, or None when ``path`` is not ours."""
        page = self.render(path, page_url)
        return page.html if page else None

    def render(self, path: str, page_url: str) -> PageHtml | None:
        """A generated page's HTML body and what search should index for it."""
        if path == "sources/index.md":
            return PageHtml(self.render_sources_index(page_url))
        if path.startswith("sources/") and path.endswith(".md"):
            source = self.corpus.source(path[len("sources/") : -3])
            if source is None:
                return None
            resolve = self.resolver(page_url)
            links = [
                replace(lk, href=relative_url(lk.href, page_url)) for lk in self._links[source.id]
            ]
            ctx = PageRender(
                resolve=resolve,
                markup=self.markup,
                env=self.env,
                links=links,
                badge_html="".join(
                    f.source_header(source, page_url, self.urls) for f in self.corpus.features
                ),
                event_link=lambda ident: resolve("event", ident),
            )
            footer = "".join(
                f.source_footer(source, page_url, self.urls) for f in self.corpus.features
            )
            blocks = self.corpus.blocks[source.id]
            rendered = render_source(source, blocks, ctx)
            if not self.search_view:
                return PageHtml(rendered.html + footer)
            search = source_document(
                source,
                header_rows(source),
                ctx.badge_html,
                [source.text[b.start : b.end] for b in blocks if not b.debris],
                rendered.notes,
            )
            return PageHtml(rendered.html + footer, search)
        for feature in self.corpus.features:
            page = feature.render_page(path, page_url, self.urls)
            if isinstance(page, PageHtml):
                return page if self.search_view else PageHtml(page.html)
            if page is not None:
                return PageHtml(page)
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


def anchor_heading(html: str, anchor: str) -> str:
    """Give a generated page's first ``<h1>`` the id its table of contents expects.

    MkDocs builds a generated page's table of contents from its stub (``# Title``), and the
    theme's "Skip to content" link points at that first entry; the rendered body replaces the
    stub, so without this id the skip link would lead nowhere.
    """
    if not anchor or f'id="{escape(anchor)}"' in html:
        return html
    return html.replace("<h1>", f'<h1 id="{escape(anchor)}">', 1)
