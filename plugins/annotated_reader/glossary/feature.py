"""The glossary: terms with every spelling the sources use, linked wherever they occur.

Takes the terms of ``annotations/glossary.yml`` as :mod:`.read` reads and checks them,
finds every occurrence in the sources in one pass per text, and contributes term links,
definition previews and the ``glossary/`` page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from jinja2 import Environment

from ..core.corpus import Feature, InlineLink, Options, PageHtml
from ..core.dated import DatedFact
from ..core.files import declared_ids, exists, read_text
from ..core.lazy import LazyTexts
from ..core.model import Reference
from ..core.paging import Cut, Measured
from ..core.problems import Problems
from ..core.text.markup import Markup
from ..core.urls import SiteUrls
from ..core.xref import Prose
from .cut import cut_glossary
from .model import PAGE, Occurrence, Term
from .page import TERMS_SCRIPT, render_glossary, render_index, terms_script
from .read import read_glossary
from .termmatch import Hit, choose

if TYPE_CHECKING:
    from ..core.corpus import Corpus
    from ..core.model import Source


class Glossary(Feature):
    name = "glossary"

    def __init__(self) -> None:
        self.terms: list[Term] = []
        self.by_id: dict[str, Term] = {}
        self.occurrences: dict[str, list[Occurrence]] = {}
        self.links: dict[str, list[InlineLink]] = {}
        self._hrefs: dict[str, str] = {}  # term → its entry's address, once the glossary is cut
        self.path = "annotations/glossary.yml"
        self.markup = Markup()
        self.source_titles: dict[str, str] = {}
        self.env: Environment | None = None  # the corpus's templates
        self._site_resolve: Callable[[str, str, SiteUrls], tuple[str, str] | None] | None = None
        self._urls = SiteUrls()
        self._budget = Options().page_budget
        self._cut: Measured[Term, PageHtml] = Measured()
        self._read_key = ""  # the key its file's read is kept under (``read``), if kept

    def load(self, corpus: Corpus, problems: Problems, options: Options) -> None:
        self.env = corpus.templates
        self.markup = corpus.markup
        self._site_resolve = corpus.resolve
        self._urls = SiteUrls(options.directory_urls)
        self._budget = options.page_budget
        file = corpus.paths.root / corpus.paths.annotations / "glossary.yml"
        self.path = corpus.paths.rel(file)
        if not exists(file):
            return
        text = read_text(corpus.paths, file, problems, "glossary")
        if text is None:
            corpus.lose("term", declared_ids(corpus.paths, file))
            return
        read = read_glossary(self.path, text, corpus.cache.memo("glossary"))
        problems.items.extend(read.problems)
        if not read.loaded:
            corpus.lose("term", declared_ids(corpus.paths, file))
            return
        self._read_key = read.key
        self.source_titles = {s.id: s.title for s in corpus.sources}
        self.terms = read.terms
        self.by_id = {t.id: t for t in self.terms}
        corpus.lose("term", read.listed - set(self.by_id))
        matcher = read.matcher
        used_aliases: set[tuple[str, str]] = set()
        memo = corpus.cache.memo("terms")
        for source in corpus.sources:
            blocks = [b for b in corpus.blocks.get(source.id, []) if not b.debris]
            every = matcher.kept_hits(source.text, memo)
            self._link_source(source, choose(every), blocks, options)
            used_aliases.update((h.pattern.term_id, h.pattern.text) for h in every)
        if corpus.complete:  # else a term may occur only in the text that did not load
            self._warn_unused(problems, used_aliases)

    def _link_source(self, source: Source, hits: list[Hit], blocks: list, options: Options) -> None:  # type: ignore[type-arg]
        links: list[InlineLink] = []
        counters: dict[str, int] = {}
        block_i = 0
        linked_in_block: set[tuple[int, str]] = set()
        for hit in hits:
            while block_i < len(blocks) and blocks[block_i].end <= hit.start:
                block_i += 1
            in_block = (
                block_i < len(blocks)
                and blocks[block_i].start <= hit.start
                and hit.end <= blocks[block_i].end
            )
            term_id = hit.pattern.term_id
            anchor = None
            if in_block and (
                options.link_terms == "all" or (block_i, term_id) not in linked_in_block
            ):
                linked_in_block.add((block_i, term_id))
                counters[term_id] = counters.get(term_id, 0) + 1
                anchor = f"t-{term_id}-{counters[term_id]}"
                css = "ar-term ar-misspelt" if hit.pattern.misspelling else "ar-term"
                data = {"data-ar-term": term_id, "id": anchor}
                if hit.pattern.misspelling:
                    data["title"] = f"Misspelling of {self.by_id[term_id].term}"
                links.append(InlineLink(hit.start, hit.end, self._urls.term(term_id), css, data))
            if in_block:
                self.occurrences.setdefault(term_id, []).append(
                    Occurrence(source.id, hit.start, hit.end, anchor)
                )
        self.links[source.id] = links

    def _warn_unused(self, problems: Problems, used: set[tuple[str, str]]) -> None:
        for term in self.terms:
            if term.id not in self.occurrences:
                problems.warning(
                    term.location,
                    "glossary.unused-term",
                    f"term '{term.id}' occurs in no source (kept for links from notes); "
                    "add the spelling the sources use to its aliases if it should occur",
                )
            for alias in term.aliases:
                if alias.occurs and (term.id, alias.text) not in used:
                    problems.warning(
                        alias.location,
                        "glossary.alias-not-found",
                        f"alias '{alias.text}' of term '{term.id}' occurs in no source; fix its "
                        "spelling, or write it as {text: …, occurs: false} to keep it",
                    )

    # -- hooks -----------------------------------------------------------------------------
    def known_ids(self) -> dict[str, set[str]]:
        return {"term": set(self.by_id)}

    def prose(self) -> list[Prose]:
        return [
            Prose(f"the definition of term '{t.id}'", t.definition, self.path, t.definition_line)
            for t in self.terms
        ]

    def dated_facts(self) -> list[DatedFact]:
        """A term's recorded date (a treaty's signing) for the event it names."""
        return [
            DatedFact(d.event, d.date, f"glossary term '{t.id}'", d.location)
            for t in self.terms
            if (d := t.dated) and d.date and d.event and d.location
        ]

    def references(self) -> list[Reference]:
        return [r for t in self.terms for r in t.references]

    def resolve(self, namespace: str, ident: str, urls: SiteUrls) -> tuple[str, str] | None:
        term = self.by_id.get(ident) if namespace == "term" else None
        return (self.term_url(ident, urls), term.term) if term else None

    def cut(self) -> Cut[Term] | None:
        """The glossary's parts, when it is too long for one page."""
        return self._cut.get(self._measure)

    def _measure(self) -> Cut[Term] | None:
        urls, page_url = self._urls, self._urls.page(PAGE)
        # An entry is at least its definition, its markup and a link per linked occurrence
        # (a fraction of what it takes): a glossary that cannot fit is not rendered whole.
        linked = sum(1 for occs in self.occurrences.values() for o in occs if o.anchor)
        least = sum(200 + len(t.definition) for t in self.terms) + 20 * linked
        if least <= self._budget:
            whole = PageHtml(*render_glossary(self, page_url, urls))
            if len(whole.html) <= self._budget:
                self._cut.keep(page_url, urls, whole)
                return None
        return cut_glossary(self, urls, self._budget)

    def term_url(self, term_id: str, urls: SiteUrls) -> str:
        """A term's entry: on the glossary page, or on its part's page when it is cut."""
        cut = self.cut()
        return (cut.address(term_id, urls) if cut else None) or urls.term(term_id)

    def link_target(self, namespace: str, ident: str, urls: SiteUrls) -> tuple[str, str] | None:
        """What a ``[[…]]`` in a definition links to: any note, source, term or event of the
        corpus, as everywhere else (only terms when the glossary is used on its own)."""
        if self._site_resolve is not None:
            return self._site_resolve(namespace, ident, urls)
        return self.resolve(namespace, ident, urls)

    def pages(self) -> dict[str, str]:
        if not self.terms:
            return {}
        cut = self.cut()
        parts = {cut.path(p): f"Glossary: {p.label}" for p in cut.parts} if cut else {}
        return {f"{PAGE}.md": "Glossary", **parts}

    def unlisted(self) -> set[str]:
        cut = self.cut() if self.terms else None
        return {cut.path(p) for p in cut.parts} if cut else set()

    def source_links(self, source: Source) -> list[InlineLink]:
        links = self.links.get(source.id, [])
        if self.cut() is None:
            return links
        # A term's entry is one address, however many times the corpus links it.
        hrefs = self._hrefs
        for lk in links:
            term = lk.data["data-ar-term"]
            if term not in hrefs:
                hrefs[term] = self.term_url(term, self._urls)
        return [
            InlineLink(lk.start, lk.end, hrefs[lk.data["data-ar-term"]], lk.css, lk.data)
            for lk in links
        ]

    def render_page(self, path: str, page_url: str, urls: SiteUrls) -> PageHtml | None:
        if not self.terms:
            return None
        cut = self.cut()
        if path == f"{PAGE}.md":
            if cut is None:
                kept = self._cut.kept(page_url, urls)
                return kept or PageHtml(*render_glossary(self, page_url, urls))
            return PageHtml(*render_index(self, cut, page_url, urls))
        part = cut.part_of(path) if cut else None
        if cut is None or part is None:
            return None
        return PageHtml(*render_glossary(self, page_url, urls, cut, part))

    def files(self, urls: SiteUrls) -> Mapping[str, str]:
        """Every term's preview, in one script that reader.js loads when a page needs it."""
        if not self.terms:
            return {}
        return LazyTexts({TERMS_SCRIPT: lambda: terms_script(self, urls)}, wide=[TERMS_SCRIPT])

    def made_of(self) -> object:
        """The terms (their occurrences are made of them and the seeds)."""
        # The terms are those of the file read under that key, when it is kept: walking
        # 5,000 terms for the key took as long as reading them did.
        terms = self._read_key or self.terms
        return [self.path, terms, self.source_titles, self._budget, self._urls]

    def kept_cut(self) -> list[list[object]] | None:
        cut = self.cut()
        return cut.plain(lambda t: t.id) if cut else None

    def settle_cut(self, kept: list[list[object]] | None) -> bool:
        return self._cut.settle(PAGE, kept, self.by_id)
