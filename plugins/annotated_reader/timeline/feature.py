"""The combined timeline: canonical events (``events.yml``) and every passage that dates them.

Loading reads and validates ``events.yml``, checks each annotation's ``event:`` and
``date:``, and attaches the passages to their events. The feature then contributes the
``timeline/`` page, its TimelineJS export and the ``[[event:id]]`` / note back-links.
Without ``events.yml`` there is no timeline, which is an error only when some annotation
names an event.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from ..core.corpus import Corpus, Feature, Options, PageHtml, known_ids
from ..core.dated import DatedFact
from ..core.files import ANY, declared_ids, exists, read_text
from ..core.lazy import LazyTexts
from ..core.model import Reference
from ..core.paging import Cut, Measured, Part
from ..core.problems import Problems
from ..core.text.markup import Markup, Resolver
from ..core.urls import SiteUrls
from ..core.xref import Prose
from .chart import chart_svg
from .cut import cut_timeline
from .export import export_path, timeline_json
from .load import (
    EventsFile,
    FieldLocator,
    attach_passages,
    check_asserted,
    check_verdicts,
    check_where,
    dated_annotations,
    read_events,
)
from .model import CATEGORIES, Event, chronological
from .page import PAGE, Term, event_context, render_index, render_timeline, term_name

EVENTS_FILE = "events.yml"


class Timeline(Feature):
    name = "timeline"

    def __init__(self) -> None:
        self.corpus: Corpus | None = None
        self.present = False
        self.events: list[Event] = []
        self.by_id: dict[str, Event] = {}
        self.known: set[str] = set()
        self._markup: Markup | None = None
        self._urls = SiteUrls()
        self._budget = Options().page_budget
        self._cut: Measured[Event, PageHtml] = Measured()
        self._charts: dict[tuple[str, ...], str] = {}  # a part's events → its drawing

    # Loading ----------------------------------------------------------------------------

    def load(self, corpus: Corpus, problems: Problems, options: Options) -> None:
        self.corpus = corpus
        self._urls = SiteUrls(options.directory_urls)
        self._budget = options.page_budget
        locate = FieldLocator(corpus.paths.root)
        dated = dated_annotations(corpus, problems, locate)
        path = corpus.paths.root / corpus.paths.annotations / EVENTS_FILE
        rel = corpus.paths.rel(path)
        if not exists(path):
            users = [a for a in corpus.annotations() if a.event]
            if users:
                problems.error(
                    locate(users[0], "event"),
                    "events.missing-file",
                    f"{len(users)} annotation(s) name a timeline event (the first, "
                    f"'{users[0].id}', at {users[0].location}) but there is no {rel}; "
                    "create it with the canonical events (see annotations/README.md)",
                )
            return
        self.present = True
        text = read_text(corpus.paths, path, problems, "events")
        loaded: EventsFile = read_events(rel, text, problems, corpus.cache.memo("yaml"))
        if not loaded.readable:
            corpus.lose("event", declared_ids(corpus.paths, path))
        elif loaded.untold:
            corpus.lose("event", {ANY})
        meant = attach_passages(loaded, dated, problems, locate)
        check_verdicts(loaded.events, problems, locate)
        terms = known_ids(corpus).get("term", set()) | corpus.lost.get("term", set())
        check_where(loaded.events, terms, problems)
        # Else an event may be dated in the file or the note that did not load, whose own
        # error is the one to fix (removing the event would be the wrong advice).
        if corpus.complete and not corpus.lost.get("note"):
            check_asserted(loaded, corpus, problems, meant)
        self.events = chronological(loaded.events)
        self.by_id = {e.id: e for e in self.events}
        self.known = loaded.known

    # Cross-references -------------------------------------------------------------------

    def known_ids(self) -> dict[str, set[str]]:
        return {"event": set(self.known)} if self.present else {}

    def prose(self) -> list[Prose]:
        return [
            Prose(f"event '{e.id}'", e.description, e.location.path, e.description_line)
            for e in self.events
        ]

    def dated_facts(self) -> list[DatedFact]:
        """Each event's reference date, which the glossary's and the claims' dates must
        agree with."""
        return [
            DatedFact(e.id, e.date, f"event '{e.id}'", e.date_at or e.location, reference=True)
            for e in self.events
        ]

    def references(self) -> list[Reference]:
        return [r for e in self.events for r in e.references]

    def resolve(self, namespace: str, ident: str, urls: SiteUrls) -> tuple[str, str] | None:
        if namespace != "event":
            return None
        event = self.by_id.get(ident)
        return (self.event_url(ident, urls), event.title) if event else None

    def event_url(self, ident: str, urls: SiteUrls) -> str:
        """An event's entry: on the timeline page, or on its year's page when it is cut."""
        cut = self.cut()
        return (cut.address(ident, urls) if cut else None) or urls.event(ident)

    def cut(self) -> Cut[Event] | None:
        """The timeline's parts, when it is too long for one page."""
        return self._cut.get(lambda: self._measure())

    def _measure(self) -> Cut[Event] | None:
        if not self.present or self.corpus is None:
            return None
        urls, page_url = self._urls, self._urls.page(PAGE)
        # An entry is at least its description, its markup and its passages' (a fraction
        # of what it takes): a timeline that cannot fit is not rendered whole to find out.
        least = sum(600 + len(e.description) + 300 * len(e.passages) for e in self.events)
        if least <= self._budget:
            whole = self._render(self.events, page_url, urls)
            if len(whole.html) <= self._budget:
                self._cut.keep(page_url, urls, whole)
                return None
        parts = self.corpus.templates.get_template("timeline_parts.html").module
        describe = self._describe(page_url, urls)
        badge, term = self._badge(page_url, urls), self._term(page_url, urls)

        def entry(event: Event) -> str:
            context = event_context(event, page_url, urls, describe, badge, term)
            return str(parts.event_entry(context))  # type: ignore[attr-defined]

        return cut_timeline(
            self.events, entry, lambda events: self._chart(events, term), self._budget
        )

    def _chart(self, events: list[Event], term: Term) -> str:
        """A part's drawing, made once: the cut measures it and the part's page shows it.
        It names terms, never links them, so it is the same from every page."""
        key = tuple(e.id for e in events)
        if key not in self._charts:
            self._charts[key] = chart_svg(
                events, {e.id: f"#{e.id}" for e in events}, term_name(term)
            )
        return self._charts[key]

    def _resolver(self, page_url: str, urls: SiteUrls) -> Resolver:
        if self.corpus is None:
            return lambda _namespace, _ident: None
        return self.corpus.resolver(page_url, urls)

    # Output ------------------------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        if not self.present:
            return {}
        cut = self.cut()
        parts = {cut.path(p): f"Timeline: {p.label}" for p in cut.parts} if cut else {}
        return {f"{PAGE}.md": "Timeline", **parts}

    def unlisted(self) -> set[str]:
        cut = self.cut()
        return {cut.path(p) for p in cut.parts} if cut else set()

    def _describe(self, page_url: str, urls: SiteUrls) -> Callable[[str], str]:
        if self._markup is None:
            self._markup = self.corpus.markup if self.corpus else Markup()
        markup, resolve = self._markup, self._resolver(page_url, urls)
        return lambda text: markup.render(text, resolve)

    def _badge(self, page_url: str, urls: SiteUrls) -> Callable[[str], str]:
        ratings = self.corpus.feature("ratings") if self.corpus else None
        if ratings is None:
            return lambda _source_id: ""
        # A source's badge is the same for each of its passages on the page: drawn once.
        drawn: dict[str, str] = {}

        def badge(source_id: str) -> str:
            if source_id not in drawn:
                drawn[source_id] = ratings.badge(source_id, page_url, urls)
            return drawn[source_id]

        return badge

    def _term(self, page_url: str, urls: SiteUrls) -> Term:
        resolve = self._resolver(page_url, urls)
        return lambda ident: resolve("term", ident)

    def glyphs(self) -> list[tuple[str, str]]:
        return [(f".ar-tl-cat.ar-tl-c-{c.id}::before", c.glyph + " ") for c in CATEGORIES.values()]

    def render_page(self, path: str, page_url: str, urls: SiteUrls) -> PageHtml | None:
        if not self.present:
            return None
        assert self.corpus is not None  # present only once loaded
        cut = self.cut()
        part = cut.part_of(path) if cut else None
        if path != f"{PAGE}.md" and part is None:
            return None
        if cut is not None and part is None:
            return render_index(
                self.corpus.templates, self.events, cut, page_url, urls, export_path(urls)
            )
        if cut is None:
            return self._cut.kept(page_url, urls) or self._render(self.events, page_url, urls)
        assert part is not None
        return self._render(cut.items[part.slug], page_url, urls, cut, part)

    def _render(
        self,
        events: list[Event],
        page_url: str,
        urls: SiteUrls,
        cut: Cut[Event] | None = None,
        part: Part | None = None,
    ) -> PageHtml:
        """The whole timeline, or one part of it, seen from ``page_url``."""
        assert self.corpus is not None  # rendered only once loaded
        term = self._term(page_url, urls)
        return render_timeline(
            self.corpus.templates,
            events,
            page_url,
            urls,
            export_path(urls),
            self._describe(page_url, urls),
            self._badge(page_url, urls),
            term,
            cut,
            part,
            chart=self._chart(events, term),
        )

    def files(self, urls: SiteUrls) -> Mapping[str, str]:
        if not self.present:
            return {}
        page_url, path = urls.page(PAGE), export_path(urls)

        def export() -> str:
            name = term_name(self._term(page_url, urls))
            return timeline_json(self.events, self._describe(page_url, urls), name)

        return LazyTexts({path: export}, wide=[path])

    def made_of(self) -> object:
        """The events, with the notes that date them (a passage is its note's source, date
        and place, which are the corpus's)."""
        events = [
            [replace(e, passages=[]), [p.annotation.id for p in e.passages]] for e in self.events
        ]
        return [self.present, events, sorted(self.known), self._budget, self._urls]

    def kept_cut(self) -> list[list[object]] | None:
        cut = self.cut()
        return cut.plain(lambda e: e.id) if cut else None

    def settle_cut(self, kept: list[list[object]] | None) -> bool:
        return self._cut.settle(PAGE, kept, self.by_id)
