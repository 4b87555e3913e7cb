"""HTML of the glossary page and of the hidden definitions that feed term previews."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import Environment
from markupsafe import Markup as Safe

from .templates import environment
from .urls import SiteUrls, relative_url

if TYPE_CHECKING:
    from .glossary import Glossary, Term


def _resolver(glossary: Glossary, page_url: str, urls: SiteUrls):  # type: ignore[no-untyped-def]
    def resolve(namespace: str, ident: str) -> tuple[str, str] | None:
        term = glossary.by_id.get(ident) if namespace == "term" else None
        if term is None:
            return None
        return relative_url(urls.term(ident), page_url), term.term

    return resolve


def _environment(glossary: Glossary) -> Environment:
    if glossary.env is None:
        glossary.env = environment(glossary.templates_dir)
    return glossary.env


def render_definitions(
    glossary: Glossary, term_ids: list[str], page_url: str, urls: SiteUrls
) -> str:
    if not term_ids:
        return ""
    resolve = _resolver(glossary, page_url, urls)
    # A definition links only to terms, so its HTML depends on the page only through the
    # relative link to the glossary page (or on being that page).
    page = urls.page("glossary")
    base = (relative_url(page, page_url), page == page_url)
    items = []
    for ident in term_ids:
        term = glossary.by_id[ident]
        key = (ident, *base)
        html = glossary.definition_html.get(key)
        if html is None:
            html = glossary.definition_html[key] = glossary.markup.render(term.definition, resolve)
        items.append(
            {
                "term": term,
                "definition": Safe(html),
                "href": relative_url(urls.term(ident), page_url),
            }
        )
    return _environment(glossary).get_template("term_definitions.html").render(items=items)


def render_glossary(glossary: Glossary, page_url: str, urls: SiteUrls) -> str:
    from .glossary import CATEGORIES

    resolve = _resolver(glossary, page_url, urls)
    groups = []
    for category, label in CATEGORIES.items():
        terms: list[Term] = sorted(
            (t for t in glossary.terms if t.category == category), key=lambda t: t.term.casefold()
        )
        if not terms:
            continue
        entries = []
        for term in terms:
            by_source: dict[str, list[tuple[str, str | None]]] = {}
            counts: dict[str, int] = {}
            for occ in glossary.occurrences.get(term.id, []):
                counts[occ.source_id] = counts.get(occ.source_id, 0) + 1
                if occ.anchor:
                    href = relative_url(f"{urls.source(occ.source_id)}#{occ.anchor}", page_url)
                    by_source.setdefault(occ.source_id, []).append((href, occ.anchor))
            entries.append(
                {
                    "term": term,
                    "definition": Safe(glossary.markup.render(term.definition, resolve)),
                    "aliases": [a for a in term.aliases if not a.misspelling],
                    "misspellings": [a for a in term.aliases if a.misspelling],
                    "related": [
                        (relative_url(urls.term(r), page_url), glossary.by_id[r].term)
                        for r in term.related
                        if r in glossary.by_id
                    ],
                    "occurs": [
                        {
                            "source_id": sid,
                            "title": glossary.source_titles.get(sid, sid),
                            "href": relative_url(urls.source(sid), page_url),
                            "count": counts[sid],
                            "links": by_source.get(sid, []),
                        }
                        for sid in sorted(counts, key=lambda s: glossary.source_titles.get(s, s))
                    ],
                }
            )
        groups.append({"id": category, "label": label, "entries": entries})
    return (
        _environment(glossary)
        .get_template("glossary.html")
        .render(groups=groups, total=len(glossary.terms))
    )
