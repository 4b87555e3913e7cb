"""The glossary: terms with every spelling the sources use, linked wherever they occur.

Reads ``annotations/glossary.yml``, checks it (ids, categories, aliases claimed twice,
related ids, cross-references), finds every occurrence in the sources in one pass per text,
and contributes term links, definition previews and the ``glossary/`` page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from jinja2 import Environment

from ..core.corpus import Feature, InlineLink, Options, PageHtml
from ..core.dated import DatedFact, read_dated
from ..core.fields import Fields, listed_ids, read_references, suggest
from ..core.files import declared_ids, exists, read_text
from ..core.lazy import LazyTexts
from ..core.model import Reference
from ..core.paging import Cut, Measured
from ..core.problems import Problems
from ..core.text.markup import Markup
from ..core.urls import SiteUrls
from ..core.xref import Prose
from ..core.yamlsrc import Node, load_yaml
from .cut import cut_glossary
from .model import CATEGORIES, PAGE, TERM_FIELDS, Alias, Occurrence, Term
from .page import TERMS_SCRIPT, render_glossary, render_index, terms_script
from .termmatch import Hit, Matcher, Pattern, choose
from .words import unusable

if TYPE_CHECKING:
    from ..core.corpus import Corpus
    from ..core.model import Source


def _alias(node: Node, problems: Problems, misspelling: bool) -> Alias | None:
    if node.is_scalar:
        if not isinstance(node.value, str) or not node.value.strip():
            problems.error(node.location, "glossary.bad-alias", "an alias must be non-empty text")
            return None
        return Alias(node.value, node.location, misspelling=misspelling)
    fields = Fields(node, problems, "an alias", ("text", "case_sensitive", "occurs"), "glossary")
    text = fields.text("text", hint="write the spelling as it occurs in the sources")
    flags = {}
    for key in ("case_sensitive", "occurs"):
        value = fields.get(key)
        if value is not None and not isinstance(value.value, bool):
            problems.error(value.location, "glossary.type", f"'{key}' must be true or false")
        flags[key] = value.value if value is not None and isinstance(value.value, bool) else None
    if text is None:
        return None
    return Alias(
        text,
        node.location,
        case_sensitive=bool(flags["case_sensitive"]),
        occurs=flags["occurs"] is not False,
        misspelling=misspelling,
    )


def read_terms(root: Node, problems: Problems) -> list[Term]:
    top = Fields(root, problems, "the glossary", ("terms",), "glossary")
    terms: list[Term] = []
    seen: dict[str, Term] = {}
    for item in top.sequence("terms", required=True, hint="list the terms under 'terms:'"):
        fields = Fields(item, problems, "a term", TERM_FIELDS, "glossary")
        if not fields.ok:
            continue
        term_id = fields.ident()
        fields.what = f"term '{term_id}'" if term_id else "a term"
        name = fields.text("term", hint="give the display name")
        category = fields.text("category", choices=CATEGORIES)
        definition = fields.text("definition", hint="write a short neutral definition in Markdown")
        aliases = [
            a for n in fields.sequence("aliases") if (a := _alias(n, problems, False)) is not None
        ]
        aliases += [
            a
            for n in fields.sequence("misspellings")
            if (a := _alias(n, problems, True)) is not None
        ]
        related_nodes = []
        for node in fields.sequence("related"):
            if node.is_scalar and node.value is not None:
                related_nodes.append(node)
            else:
                problems.error(
                    node.location,
                    "glossary.type",
                    "each entry of 'related' must be a term id, e.g. related: [putin, kremlin]",
                )
        related = [str(n.value) for n in related_nodes]
        references = read_references(fields, problems, required=False, hint="")
        dated = read_dated(fields, problems)
        if None in (term_id, name, category, definition):
            continue
        assert term_id and name and category and definition
        if term_id in seen:
            problems.error(
                item.location,
                "glossary.duplicate-id",
                f"term id '{term_id}' is already used at {seen[term_id].location}; give each term its own id",
            )
            continue
        def_node = fields.get("definition")
        term = Term(
            term_id,
            name,
            category,
            definition,
            item.location,
            def_node.content_line if def_node else item.location.line,
            aliases,
            related,
            references,
            [n.location for n in related_nodes],
            dated,
        )
        seen[term_id] = term
        terms.append(term)
    return terms


def _usable(term: Term, alias: Alias, problems: Problems) -> bool:
    """Whether ``alias`` can be matched: one without a letter or digit, or a common word,
    would link what is not the term (see ``words``); it is reported and not linked."""
    why = unusable(alias.text, alias.case_sensitive)
    if why is None:
        return True
    said = f"alias '{alias.text}' of term '{term.id}' {why}, so it would link every "
    said += f"'{alias.text}' in the sources, whatever it means there; it is not linked"
    if why == "has no letter or digit":
        problems.error(alias.location, "glossary.alias-without-letters", f"{said}: remove it")
    else:
        capitalised = alias.text[:1].upper() + alias.text[1:]
        problems.warning(
            alias.location,
            "glossary.common-word-alias",
            f"{said}: remove it, or write {{text: {capitalised}, case_sensitive: true}} "
            "if only that spelling means the term",
        )
    return False


def _check(terms: list[Term], problems: Problems) -> None:
    """Cross-checks of the terms: aliases usable and claimed once, related terms defined.
    Unusable aliases are dropped from their terms."""
    ids = {t.id for t in terms}
    claimed: dict[tuple[str, bool], tuple[Term, Alias]] = {}
    for term in terms:
        term.aliases = [a for a in term.aliases if _usable(term, a, problems)]
        for alias in term.aliases:
            key = (alias.text if alias.case_sensitive else alias.text.lower(), alias.case_sensitive)
            other = claimed.get(key) or claimed.get((alias.text.lower(), False))
            if other and other[0].id != term.id:
                problems.error(
                    alias.location,
                    "glossary.alias-claimed-twice",
                    f"alias '{alias.text}' of term '{term.id}' is already an alias of term "
                    f"'{other[0].id}' ({other[1].location}); an alias may belong to one term only",
                )
                continue
            claimed.setdefault(key, (term, alias))
        for related, where in zip(term.related, term.related_at, strict=True):
            if related not in ids:
                problems.error(
                    where,
                    "glossary.unknown-related",
                    f"term '{term.id}' is related to unknown term '{related}'{suggest(related, ids)}; "
                    "use the id of a term defined in this file",
                )


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
        memo = corpus.cache.memo("yaml")
        root = load_yaml(self.path, text, problems, memo) if text is not None else None
        if root is None:
            corpus.lose("term", declared_ids(corpus.paths, file))
            return
        self.source_titles = {s.id: s.title for s in corpus.sources}
        self.terms = read_terms(root, problems)
        self.by_id = {t.id: t for t in self.terms}
        corpus.lose("term", listed_ids(root, "terms") - set(self.by_id))
        _check(self.terms, problems)
        patterns = [
            Pattern(a.text, t.id, a.case_sensitive, a.misspelling)
            for t in self.terms
            for a in t.aliases
        ]
        matcher = Matcher(patterns)
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
        return [self.path, self.terms, self.source_titles, self._budget, self._urls]

    def kept_cut(self) -> list[list[object]] | None:
        cut = self.cut()
        return cut.plain(lambda t: t.id) if cut else None

    def settle_cut(self, kept: list[list[object]] | None) -> bool:
        return self._cut.settle(PAGE, kept, self.by_id)
