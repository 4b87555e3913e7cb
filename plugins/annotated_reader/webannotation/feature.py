"""The W3C Web Annotation export as a feature: each source's collection is a generated file
of the site, linked from the source page's head."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..core.corpus import Feature, Options
from ..core.problems import Problems
from ..core.urls import SiteUrls
from .export import MEDIA_TYPE, path, site_files

if TYPE_CHECKING:
    from ..core.corpus import Corpus
    from ..core.model import Source


class WebAnnotations(Feature):
    name = "webannotation"

    def __init__(self) -> None:
        self.corpus: Corpus | None = None
        self.options = Options()

    def load(self, corpus: Corpus, problems: Problems, options: Options) -> None:
        self.corpus, self.options = corpus, options

    def files(self, urls: SiteUrls) -> Mapping[str, str]:
        if self.corpus is None:
            return {}
        return site_files(self.corpus, urls, self.options.site_url, self.options.site_name)

    def made_of(self) -> object:
        return []  # its files, one per source, are keyed by their own source

    def source_alternates(self, source: Source, urls: SiteUrls) -> list[tuple[str, str]]:
        return [(MEDIA_TYPE, path(source.id))]
