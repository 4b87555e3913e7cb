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
from ..render.search_view import section, top
from ..render.templates import environment
from .model import CATEGORIES

if TYPE_CHECKING:
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


def _environment(glossary: Glossary) -> Environment:
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
    template = _environment(glossary).get_template("term_preview.html")
    previews = {
        term.id: template.render(
            term=term,
            definition=Safe(glossary.markup.render(term.definition, resolve)),
            href=urls.term(term.id),
        )
        for term in sorted(glossary.terms, key=lambda t: t.id)
    }
    # One term a line, for readable diffs, through separators rather than ``indent``, which
    # would send a 5,000-term glossary through json's pure-Python encoder.
    data = json.dumps(previews, ensure_ascii=False, sort_keys=True, separators=(",\n", ":"))
    # Inert inside any HTML context and valid JavaScript on every engine.
    for char, escaped in (("<", "\\u003c"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        data = data.replace(char, escaped)
    return f"{_TERMS_GLOBAL}{data};\n"


_TERMS_GLOBAL = "window.annotatedReaderTerms = "


def read_terms_script(text: str) -> dict[str, str]:
    """Term id → preview HTML, read back from :func:`terms_script`'s output."""
    if not text.startswith(_TERMS_GLOBAL) or not text.endswith(";\n"):
        raise ValueError("not a terms script written by terms_script()")
    data: dict[str, str] = json.loads(text[len(_TERMS_GLOBAL) : -2])
    return data


def render_glossary(
    glossary: Glossary, page_url: str, urls: SiteUrls
) -> tuple[str, str, tuple[TocEntry, ...]]:
    """The glossary page, its search_view document (one result per term) and its table of
    contents: the categories (a hundred terms would bury them; a term is found by search
    or from the text it occurs in)."""
    resolve = _resolver(glossary, urls, page_url)
    groups: list[TermGroup] = []
    for category, label in CATEGORIES.items():
        terms: list[Term] = sorted(
            (t for t in glossary.terms if t.category == category), key=lambda t: t.term.casefold()
        )
        if not terms:
            continue
        entries = []
        for term in terms:
            by_source: dict[str, list[str]] = {}
            counts: dict[str, int] = {}
            for occ in glossary.occurrences.get(term.id, []):
                counts[occ.source_id] = counts.get(occ.source_id, 0) + 1
                if occ.anchor:
                    href = relative_url(f"{urls.source(occ.source_id)}#{occ.anchor}", page_url)
                    by_source.setdefault(occ.source_id, []).append(href)
            entries.append(
                TermEntry(
                    term=term,
                    definition=Safe(glossary.markup.render(term.definition, resolve)),
                    aliases=[a for a in term.aliases if not a.misspelling],
                    misspellings=[a for a in term.aliases if a.misspelling],
                    related=[
                        (relative_url(urls.term(r), page_url), glossary.by_id[r].term)
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
            )
        groups.append(TermGroup(category, label, entries))
    html = (
        _environment(glossary)
        .get_template("glossary.html")
        .render(groups=groups, total=len(glossary.terms))
    )
    toc = tuple(TocEntry(2, f"cat-{g.id}", g.label) for g in groups)
    return html, glossary_document(groups), toc


def glossary_document(groups: list[TermGroup]) -> str:
    """Each term a result: its name as title; definition, spellings, related terms and
    references as text."""
    entries = [e for g in groups for e in g.entries]
    counts = ", ".join(f"{g.label} ({len(g.entries)})" for g in groups)
    out = [top("Glossary", [escape(f"{len(entries)} terms: {counts}")])]
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
