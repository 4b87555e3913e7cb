"""The reader's parts beyond source pages — glossary, ratings, timeline — as features.

A feature reads its own editorial file, validates it into the shared problem list, and
contributes pages, files and pieces of source pages through the hooks below. The corpus
loader and the site builder only talk to this interface, so each part lives in its own
module and a new part needs no change to the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .urls import SiteUrls

if TYPE_CHECKING:
    from .corpus import Corpus
    from .model import Source
    from .problems import Problems
    from .render import InlineLink


@dataclass(frozen=True)
class Options:
    """Build options the library needs (the plugin maps its config onto these)."""

    link_terms: str = "first"  # all | first (per paragraph)
    site_url: str = ""  # absolute base for machine-readable links (ClaimReview); "" when unknown
    site_name: str = "Union State Reader"  # the publisher named in machine-readable data
    templates_dir: Path | None = None  # a site's overrides of the plugin's templates
    directory_urls: bool = True  # MkDocs' use_directory_urls; False in the offline bundle
    cache_dir: Path | None = None  # compiled templates kept between builds (None: not kept)


@dataclass(frozen=True)
class PageHtml:
    html: str
    search: str | None = None  # a lean document for the site search (search_view), or None


class Feature:
    name = "feature"

    def load(self, corpus: Corpus, problems: Problems, options: Options) -> None:
        """Read and validate this feature's data; called once the sources are anchored."""

    def known_ids(self) -> dict[str, set[str]]:
        """Ids that ``[[namespace:id]]`` references may name."""
        return {}

    def resolve(self, namespace: str, ident: str, urls: SiteUrls) -> tuple[str, str] | None:
        """Site-root URL and label of a referenced id, or None when not this feature's."""
        return None

    def pages(self) -> dict[str, str]:
        """Generated pages: Markdown path (``glossary.md``) → title."""
        return {}

    def render_page(self, path: str, page_url: str, urls: SiteUrls) -> str | PageHtml | None:
        """HTML body of one of this feature's pages (with its search document, if any)."""
        return None

    def files(self, urls: SiteUrls) -> dict[str, str]:
        """Extra generated files (path → text), e.g. a JSON export."""
        return {}

    def source_links(self, source: Source) -> list[InlineLink]:
        """Links laid over a source's text (site-root hrefs, made relative by the caller)."""
        return []

    def source_header(self, source: Source, page_url: str, urls: SiteUrls) -> str:
        """HTML placed in the source page's header (e.g. a rating badge)."""
        return ""

    def source_footer(self, source: Source, page_url: str, urls: SiteUrls) -> str:
        """HTML placed after the source text (e.g. structured data)."""
        return ""
