"""A source's notes as one W3C ``AnnotationCollection`` (Web Annotation Data Model).

Each note is an ``Annotation``:

- ``id``: the note's address on the site (``…/sources/<id>/#<note>``), absolute when the
  site's address is configured, else relative — JSON-LD resolves a relative IRI against
  the address of the document holding it, which is the same on a host and on disk.
- ``motivation`` from the kind (:data:`MOTIVATIONS`); the kind itself is a ``tagging``
  body, since several kinds share a motivation.
- ``target``: the text at its original address when known, and the page on this site,
  each with a ``TextQuoteSelector`` (``exact``, ``prefix``, ``suffix`` as found in the
  seed); the first also with a ``TextPositionSelector`` whose ``start``/``end`` count
  Unicode code points of the seed text, as the anchoring does (not UTF-16 units).
- ``body``: a ``Choice`` of the note as ``text/markdown`` and ``text/html`` (rendered by
  the reader's own Markdown, raw HTML off), its kind (and a fact-check's verdict,
  ``verdict:<id>``) as ``tagging`` bodies, a correction as an ``editing`` body, each
  reference as a ``linking`` body.
- ``creator``: the site's editors; ``modified``: the note's ``reviewed`` day (at 00:00
  UTC: the data holds days). Nothing comes from the build's clock, so the same data gives
  the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from functools import partial
from typing import Any

from ..core.corpus import Corpus
from ..core.lazy import LazyTexts, Lookup, Reusable, looked_up
from ..core.model import Annotation, Source
from ..core.text.markup import Markup, Resolver
from ..core.urls import SiteUrls, absolute, relative_url

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FILE = "annotations.jsonld"
MEDIA_TYPE = "application/ld+json"

# The W3C motivation of each kind. ``assessing`` is written as the compact IRI
# ``oa:assessing``: the published context (anno.jsonld) lacks that term (an erratum), so a
# bare "assessing" would expand to an address relative to the document, not oa:assessing.
MOTIVATIONS = {
    "context": "commenting",
    "fact-check": "oa:assessing",
    "correction": "editing",
    "framing": "classifying",
    "opinion": "classifying",
    "terminology": "describing",
    "debris": "classifying",
}
VERDICT_TAG = "verdict:"


def path(source_id: str) -> str:
    """Where a source's collection is published, from the site's root."""
    return f"sources/{source_id}/{FILE}"


class Addresses:
    """The IRIs a document at site-root path ``at`` writes: absolute with ``site_url``,
    else relative to ``at``."""

    def __init__(
        self,
        corpus: Corpus,
        urls: SiteUrls,
        site_url: str,
        at: str,
        lookups: list[Lookup] | None = None,
    ) -> None:
        self.corpus, self.urls, self.site_url, self.at = corpus, urls, site_url, at
        self.look = looked_up(self._look, lookups)

    def _look(self, namespace: str, ident: str) -> tuple[str, str] | None:
        return self.corpus.resolve(namespace, ident, self.urls)

    def iri(self, site_path: str) -> str:
        if self.site_url:
            return absolute(self.site_url, site_path)
        if site_path == self.at:
            return self.at.rsplit("/", 1)[-1]
        return relative_url(site_path, self.at)

    def resolver(self) -> Resolver:
        def resolve(namespace: str, ident: str) -> tuple[str, str] | None:
            found = self.look(namespace, ident)
            return (self.iri(found[0]), found[1]) if found else None

        return resolve


def _datetime(day: str | None) -> str | None:
    return f"{day}T00:00:00Z" if day else None


def _selectors(source: Source, ann: Annotation, positions: bool) -> list[dict[str, Any]]:
    # The seed's own characters: a tolerant match (straight quotes typed for curly ones)
    # is published as the text reads.
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": source.text[ann.start : ann.end]}
    if ann.quote.prefix:
        quote["prefix"] = ann.quote.prefix
    if ann.quote.suffix:
        quote["suffix"] = ann.quote.suffix
    out = [quote]
    if positions:
        out.append({"type": "TextPositionSelector", "start": ann.start, "end": ann.end})
    return out


def annotation(
    source: Source, ann: Annotation, where: Addresses, markup: Markup, creator: dict[str, str]
) -> dict[str, Any]:
    resolve = where.resolver()
    bodies: list[dict[str, Any]] = [
        {
            "type": "Choice",
            "items": [
                {"type": "TextualBody", "value": ann.body, "format": "text/markdown"},
                {
                    "type": "TextualBody",
                    "value": markup.render(ann.body, resolve),
                    "format": "text/html",
                },
            ],
        },
        {"type": "TextualBody", "purpose": "tagging", "value": ann.kind},
    ]
    if ann.verdict:
        bodies.append(
            {"type": "TextualBody", "purpose": "tagging", "value": VERDICT_TAG + ann.verdict}
        )
    if ann.correction:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "editing",
                "value": ann.correction,
                "format": "text/markdown",
            }
        )
    for ref in ann.references:
        bodies.append(
            {
                "type": "SpecificResource",
                "purpose": "linking",
                "source": ref.url,
                "label": ref.title,
            }
        )
    page = where.iri(where.urls.source(source.id))
    targets = []
    original = source.metadata.url.value
    if original:
        targets.append(
            {
                "type": "SpecificResource",
                "source": original,
                "selector": _selectors(source, ann, True),
            }
        )
    targets.append(
        {
            "type": "SpecificResource",
            "source": page,
            "selector": _selectors(source, ann, not original),
        }
    )
    out: dict[str, Any] = {
        "id": where.iri(where.urls.annotation(source.id, ann.id)),
        "type": "Annotation",
        "motivation": MOTIVATIONS[ann.kind],
        "creator": creator,
        "body": bodies,
        "target": targets,
    }
    modified = _datetime(ann.reviewed)
    if modified:
        out["modified"] = modified
    return out


def collection(
    corpus: Corpus,
    source: Source,
    urls: SiteUrls,
    site_url: str,
    site_name: str,
    at: str | None = None,
    markup: Markup | None = None,
    lookups: list[Lookup] | None = None,
) -> dict[str, Any]:
    """The source's notes, in text order, as one collection with its one page inline;
    ``at`` is where the document is published (default: :func:`path`); each ``[[…]]``
    looked up is recorded in ``lookups``, when given."""
    where = Addresses(corpus, urls, site_url, at or path(source.id), lookups)
    own = where.iri(path(source.id))
    creator = {"type": "Organization", "name": site_name}
    if site_url:
        creator["homepage"] = site_url
    notes = sorted(source.annotations, key=lambda a: (a.start, a.end, a.id))
    markup = markup or Markup()
    return {
        "@context": CONTEXT,
        "id": own,
        "type": "AnnotationCollection",
        "label": f"Notes on “{source.title}”",
        "creator": creator,
        "total": len(notes),
        "first": {
            "id": f"{own}#page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [annotation(source, a, where, markup, creator) for a in notes],
        },
    }


def dumps(data: Any) -> str:
    # Compact: with ``indent`` Python's json falls back to its pure-Python encoder, which
    # took 1.5 s of a 200-source build (benchmarks/results.md's profile); machines read this.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def site_files(corpus: Corpus, urls: SiteUrls, site_url: str, site_name: str) -> LazyTexts:
    """Every source's collection, by its path from the site's root: what a site
    generator writes beside the pages. Each is made as it is read (written), not before;
    one whose source file was read as before (``corpus.read_keys``) can be taken from the
    site kept before, if its ``[[…]]`` still lead where they led."""
    markup = corpus.markup

    def made(source: Source, lookups: list[Lookup] | None = None) -> str:
        return dumps(
            collection(corpus, source, urls, site_url, site_name, markup=markup, lookups=lookups)
        )

    def look(namespace: str, ident: str) -> tuple[str, str] | None:
        return corpus.resolve(namespace, ident, urls)

    reusable = {}
    for s in corpus.sources:
        read = corpus.read_keys.get(s.id)
        if read is not None:
            # Its notes come from its file and seed, but for those whose id another file
            # uses too (left out); the rest is the site's options and the lookups.
            made_of = [
                read,
                [a.id for a in s.annotations],
                urls.directory_urls,
                site_url,
                site_name,
            ]
            key = hashlib.sha256(json.dumps(made_of).encode("utf-8")).hexdigest()
            reusable[path(s.id)] = Reusable(key, look, partial(made, s))
    return LazyTexts({path(s.id): partial(made, s) for s in corpus.sources}, reusable)
