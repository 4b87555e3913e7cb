"""HTML of the glossary page, and the script of term previews that reader.js loads."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from jinja2 import Environment
from markupsafe import Markup as Safe

from ..core.text.markup import Resolver
from ..core.toc import TocEntry
from ..core.urls import SiteUrls, relative_url
from ..render.script_json import script_json
from ..render.search_view import section, top
from ..render.templates import environment
from .model import CATEGORIES

if TYPE_CHECKING:
    from ..core.paging import Cut, Part
    from .model import Alias, Term
    from .model import TermIndex as Glossary


@dataclass(frozen=True)
class Occurs:
    """Where one source uses a term: how often, and the links to its linked occurrences."""

    source_id: str
    title: str
    href: str
    count: int
    links: list[str]


@dataclass(frozen=True)
class TermEntry:
    """One term as ``glossary.html`` shows it (and the search view indexes it)."""

    term: Term
    definition: Safe
    aliases: list[Alias]
    misspellings: list[Alias]
    related: list[tuple[str, str]]  # (href, name)
    occurs: list[Occurs]


@dataclass(frozen=True)
class TermGroup:
    """A category of the glossary page, with its terms in alphabetical order."""

    id: str
    label: str
    entries: list[TermEntry]


def _resolver(glossary: Glossary, urls: SiteUrls, page_url: str | None = None) -> Resolver:
    """Glossary cross-references seen from ``page_url``; without one, from the site root."""

    def resolve(namespace: str, ident: str) -> tuple[str, str] | None:
        target = glossary.link_target(namespace, ident, urls)
        if target is None or page_url is None:
            return target
        return relative_url(target[0], page_url), target[1]

    return resolve


def environment_of(glossary: Glossary) -> Environment:
    if glossary.env is None:  # a glossary used without a corpus (tests, tools)
        glossary.env = environment()
    return glossary.env


# Beside reader.js, which loads it (site-relative path, as MkDocs files are named).
TERMS_SCRIPT = "assets/annotated-reader/glossary-terms.js"


def terms_script(glossary: Glossary, urls: SiteUrls) -> str:
    """Every term's preview as a script that sets ``window.annotatedReaderTerms``.

    One file for the site instead of hidden definitions on every page: pages stay small for
    readers and for the search index, which no longer finds a definition's words on every
    page that links the term. A script rather than JSON, because ``fetch`` cannot read
    files when the offline bundle is opened from disk. Links are relative to the site root;
    reader.js resolves them from its own address, so the file is the same for every page.
    """

    resolve = _resolver(glossary, urls)
    template = environment_of(glossary).get_template("term_preview.html")
    previews = {
        term.id: template.render(
            term=term,
            definition=Safe(glossary.markup.render(term.definition, resolve)),
            href=glossary.term_url(term.id, urls),
        )
        for term in sorted(glossary.terms, key=lambda t: t.id)
    }
    # One term a line, for readable diffs, through separators rather than ``indent``, which
    # would send a 5,000-term glossary through json's pure-Python encoder.
    data = script_json(previews, separators=(",\n", ":"))
    return f"{_TERMS_GLOBAL}{data};\n"


_TERMS_GLOBAL = "window.annotatedReaderTerms = "


def read_terms_script(text: str) -> dict[str, str]:
    """Term id → preview HTML, read back from :func:`terms_script`'s output."""
    if not text.startswith(_TERMS_GLOBAL) or not text.endswith(";\n"):
        raise ValueError("not a terms script written by terms_script()")
    data: dict[str, str] = json.loads(text[len(_TERMS_GLOBAL) : -2])
    return data


def term_entry(glossary: Glossary, term: Term, page_url: str, urls: SiteUrls) -> TermEntry:
    """One term's entry as seen from ``page_url``."""
    resolve = _resolver(glossary, urls, page_url)
    by_source: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for occ in glossary.occurrences.get(term.id, []):
        counts[occ.source_id] = counts.get(occ.source_id, 0) + 1
        if occ.anchor:
            href = relative_url(f"{urls.source(occ.source_id)}#{occ.anchor}", page_url)
            by_source.setdefault(occ.source_id, []).append(href)
    return TermEntry(
        term=term,
        definition=Safe(glossary.markup.render(term.definition, resolve)),
        aliases=[a for a in term.aliases if not a.misspelling],
        misspellings=[a for a in term.aliases if a.misspelling],
        related=[
            (relative_url(glossary.term_url(r, urls), page_url), glossary.by_id[r].term)
            for r in term.related
            if r in glossary.by_id
        ],
        occurs=[
            Occurs(
                source_id=sid,
                title=glossary.source_titles.get(sid, sid),
                href=relative_url(urls.source(sid), page_url),
                count=counts[sid],
                links=by_source.get(sid, []),
            )
            for sid in sorted(counts, key=lambda s: glossary.source_titles.get(s, s))
        ],
    )


def _groups(
    glossary: Glossary, terms: list[Term], page_url: str, urls: SiteUrls
) -> list[TermGroup]:
    """The terms by category, in the categories' order, each alphabetical."""
    groups = []
    for category, label in CATEGORIES.items():
        chosen = sorted(
            (t for t in terms if t.category == category), key=lambda t: t.term.casefold()
        )
        if chosen:
            entries = [term_entry(glossary, t, page_url, urls) for t in chosen]
            groups.append(TermGroup(category, label, entries))
    return groups


def render_glossary(
    glossary: Glossary,
    page_url: str,
    urls: SiteUrls,
    cut: Cut[Term] | None = None,
    part: Part | None = None,
) -> tuple[str, str, tuple[TocEntry, ...]]:
    """The glossary page (or, when it is cut, one part of it), its search_view document
    (one result per term) and its table of contents: the categories (a hundred terms would
    bury them; a term is found by search or from the text it occurs in)."""
    terms = glossary.terms if cut is None or part is None else cut.items[part.slug]
    groups = _groups(glossary, terms, page_url, urls)
    html = (
        environment_of(glossary)
        .get_template("glossary.html")
        .render(
            groups=groups,
            total=len(glossary.terms),
            part=part.label if part else None,
            count=len(terms),
            letters=cut.links(part, page_url, urls) if cut and part else [],
            index_href=relative_url(urls.page("glossary"), page_url),
        )
    )
    toc = tuple(TocEntry(2, f"cat-{g.id}", g.label) for g in groups)
    title = f"Glossary: {part.label}" if part else "Glossary"
    return html, glossary_document(groups, title), toc


def render_index(
    glossary: Glossary, cut: Cut[Term], page_url: str, urls: SiteUrls
) -> tuple[str, str, tuple[TocEntry, ...]]:
    """The index of a cut glossary: its letters, and on which letter's part each term lives,
    which reader.js reads to take an old link (``glossary/#term``) on to the term."""
    # Each term's part as its place in the letters' navigation, whose links the engine has
    # made right for the page (Zensical rewrites links of a page as links of its file).
    homes = {"ids": cut.positions()}
    categories = [
        (label, n)
        for category, label in CATEGORIES.items()
        if (n := sum(1 for t in glossary.terms if t.category == category))
    ]
    html = (
        environment_of(glossary)
        .get_template("glossary_index.html")
        .render(
            total=len(glossary.terms),
            letters=cut.links(None, page_url, urls),
            categories=categories,
            homes=script_json(homes, separators=(",", ":")),
        )
    )
    summary = ", ".join(f"{label} ({n})" for label, n in categories)
    letters = ", ".join(f"{p.label} ({len(cut.items[p.slug])})" for p in cut.parts)
    search = top(
        "Glossary", [escape(f"{len(glossary.terms)} terms: {summary}. By letter: {letters}.")]
    )
    return html, search, (TocEntry(2, "categories", "Terms by category"),)


def glossary_document(groups: list[TermGroup], title: str = "Glossary") -> str:
    """Each term a result: its name as title; definition, spellings, related terms and
    references as text."""
    entries = [e for g in groups for e in g.entries]
    counts = ", ".join(f"{g.label} ({len(g.entries)})" for g in groups)
    out = [top(title, [escape(f"{len(entries)} terms: {counts}")])]
    for entry in entries:
        term = entry.term
        parts = [str(entry.definition)]
        for label, items in (
            ("Spellings in the sources", [a.text for a in entry.aliases]),
            ("Misspellings in the sources", [a.text for a in entry.misspellings]),
            ("Related", [name for _href, name in entry.related]),
            ("References", [ref.title for ref in term.references]),
        ):
            if items:
                parts.append(escape(f"{label}: {'; '.join(items)}."))
        out.append(section(term.id, term.term, parts))
    return "\n".join(out)
