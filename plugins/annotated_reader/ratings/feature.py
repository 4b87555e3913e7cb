"""Reliability ratings of the sources, and fact-checks published as ClaimReview.

Each source file carries a ``rating:`` block (grade A–F on the Admiralty scale, five
editor-judged criteria with evidence, a rationale, a review date). This feature validates
it, computes the sixth criterion — the accuracy of the source's own fact-checked claims —
warns when the grade contradicts the criteria, and contributes the badge in each source
page's header, the ``ratings/`` comparison page, the ``ratings/methodology/`` page and the
ClaimReview JSON-LD of each fact-check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.corpus import Feature, Options, PageHtml
from ..core.paging import Cut, Measured
from ..core.problems import Problems
from ..core.text.markup import Markup, Resolver
from ..core.urls import SiteUrls
from ..core.xref import Prose
from ..render.templates import environment
from .admiralty import MET, NOT_JUDGED
from .claimreview import claim_reviews, script
from .pages import INDEX, METHODOLOGY, RatingsView, index_url
from .read import Rating, read_rating
from .rule import accuracy_of, evidence_of, inconsistency

if TYPE_CHECKING:
    from ..core.corpus import Corpus
    from ..core.model import Source


class Ratings(Feature):
    name = "ratings"

    def __init__(self) -> None:
        self.ratings: dict[str, Rating] = {}
        self.options = Options()
        self.corpus: Corpus | None = None
        self._cached: RatingsView | None = None
        self._cut: Measured[Rating, PageHtml] = Measured()

    # -- loading -----------------------------------------------------------------------------
    def source_keys(self) -> dict[str, frozenset[str] | None]:
        return {"rating": None}

    def load(self, corpus: Corpus, problems: Problems, options: Options) -> None:
        self.corpus, self.options, self._cached = corpus, options, None
        for source in corpus.sources:
            node = source.node.get("rating") if source.node is not None else None
            rating = read_rating(node, source.id, source.location, problems)
            if rating is None:
                continue
            rating.accuracy = accuracy_of(
                a.verdict for a in source.annotations if a.kind == "fact-check" and a.verdict
            )
            if rating.complete:
                message = inconsistency(rating.grade, evidence_of(rating.points, rating.accuracy))
                if message:
                    problems.warning(rating.grade_location, "rating.inconsistent", message)
            self.ratings[source.id] = rating

    def prose(self) -> list[Prose]:
        return [
            Prose("the rating's rationale", r.rationale, r.location.path, r.rationale_line)
            for r in self.ratings.values()
        ]

    # -- public ------------------------------------------------------------------------------
    def badge(self, source_id: str, page_url: str, urls: SiteUrls) -> str:
        """The grade badge of a source, linking to its rationale (empty when unrated)."""
        return self._view().badge(source_id, page_url, urls)

    def rating(self, source_id: str) -> Rating | None:
        return self.ratings.get(source_id)

    # -- hooks -------------------------------------------------------------------------------
    def glyphs(self) -> list[tuple[str, str]]:
        return [
            (f".ar-met.ar-met-{m.id}::before", m.glyph + " ") for m in (*MET.values(), NOT_JUDGED)
        ]

    def cut(self) -> Cut[Rating] | None:
        """The comparison's parts, one per grade, when it is too long for one page."""
        return self._cut.get(self._measure)

    def _measure(self) -> Cut[Rating] | None:
        view, urls = self._view(), SiteUrls(self.options.directory_urls)
        budget, page_url = self.options.page_budget, index_url(urls)
        # A source's row and section take at least this much: a comparison that cannot fit
        # is not rendered whole to find out.
        if 1500 * len(self.ratings) <= budget:
            whole = view.render_index(page_url, urls)
            if len(whole.html) <= budget:
                self._cut.keep(page_url, urls, whole)
                return None
        return view.cut(urls, budget)

    def pages(self) -> dict[str, str]:
        cut = self.cut()
        parts = {cut.path(p): f"Compare sources: {p.label}" for p in cut.parts} if cut else {}
        return {INDEX: "Compare sources", METHODOLOGY: "Methodology", **parts}

    def unlisted(self) -> set[str]:
        cut = self.cut()
        return {cut.path(p) for p in cut.parts} if cut else set()

    def render_page(self, path: str, page_url: str, urls: SiteUrls) -> str | PageHtml | None:
        cut = self.cut()
        if path == INDEX:
            if cut is not None:
                return self._view().render_cut_index(cut, page_url, urls)
            return self._cut.kept(page_url, urls) or self._view().render_index(page_url, urls)
        if path == METHODOLOGY:
            return self._view().render_methodology(page_url, urls, cut)
        part = cut.part_of(path) if cut else None
        return self._view().render_index(page_url, urls, cut, part) if part else None

    def made_of(self) -> object:
        """The ratings (each source's own data, which the comparison shows, is the
        corpus's)."""
        o = self.options
        return [self.ratings, o.page_budget, o.site_url, o.site_name, o.directory_urls]

    def kept_cut(self) -> list[list[object]] | None:
        cut = self.cut()
        return cut.plain(lambda r: r.source_id) if cut else None

    def settle_cut(self, kept: list[list[object]] | None) -> bool:
        return self._cut.settle("ratings", kept, self.ratings)

    def source_header(self, source: Source, page_url: str, urls: SiteUrls) -> str:
        return self._view().header(source, page_url, urls)

    def source_footer(self, source: Source, page_url: str, urls: SiteUrls) -> str:
        reviews = claim_reviews(source, urls, self.options.site_url, self.options.site_name)
        return script(reviews)

    # -- internals ---------------------------------------------------------------------------
    def _view(self) -> RatingsView:
        if self._cached is None:
            sources = {s.id: s for s in self.corpus.sources} if self.corpus else {}
            self._cached = RatingsView(
                self.ratings,
                sources,
                self.corpus.templates if self.corpus else environment(),
                self.corpus.markup if self.corpus else Markup(),
                self._resolver,
                self._where,
            )
        return self._cached

    def _where(self, source_id: str, urls: SiteUrls) -> str | None:
        cut = self.cut()
        return cut.address(source_id, urls) if cut else None

    def _resolver(self, page_url: str, urls: SiteUrls) -> Resolver:
        """Site links for ``[[…]]`` in a rationale, as the source pages resolve them."""
        if self.corpus is None:
            return lambda _namespace, _ident: None
        return self.corpus.resolver(page_url, urls)
