"""HTML of the ratings pages: the badge, the comparison of all sources, the methodology.

Everything is rendered through Jinja templates with autoescaping; a rationale is Markdown
from an editor and goes through :class:`markup.Markup` like every note body.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from jinja2 import Environment
from markupsafe import Markup as Safe

from ..core.corpus import PageHtml
from ..core.model import Source
from ..core.paging import Cut, Part, cut_page
from ..core.text.markup import Markup, Resolver
from ..core.toc import TocEntry
from ..core.urls import SiteUrls, relative_url
from ..core.vocabulary.dates import humanize
from ..core.vocabulary.verdicts import BEST_RATING, VERDICTS, WORST_RATING
from ..render.script_json import script_json
from ..render.search_view import section, top
from .admiralty import (
    ACCURACY,
    ALL_CRITERIA,
    CRITERIA,
    GRADES,
    MAX_POINTS,
    MET,
    NOT_JUDGED,
    Grade,
)
from .chart import ratings_chart
from .margins import describe_fall, describe_margin, standing
from .read import Judgement, Rating
from .rule import (
    ACCURACY_HIGH,
    ACCURACY_LOW,
    MIN_CHECKED,
    RULES,
    allowed_grades,
    evidence_of,
)

INDEX = "ratings/index.md"
# Sources compared in a column each up to this many; past it, a row each: a thousand
# columns cannot be read, a thousand rows can.
SIDE_BY_SIDE = 8
METHODOLOGY = "ratings/methodology.md"
REFERENCES = (
    (
        "Admiralty code (Wikipedia), with the A–F and 1–6 tables",
        "https://en.wikipedia.org/wiki/Admiralty_code",
    ),
    (
        "US Army FM 2-22.3, Human Intelligence Collector Operations (2006), appendix B: "
        "source and information reliability matrix",
        "https://fas.org/irp/doddir/army/fm2-22-3.pdf",
    ),
    ("schema.org: ClaimReview", "https://schema.org/ClaimReview"),
)


@dataclass(frozen=True)
class RatingRow:
    """One rated source as the comparison page shows it (and the search view indexes it)."""

    id: str
    title: str
    href: str
    grade: Grade
    badge: Safe
    judgements: dict[str, Judgement]  # criterion id → judgement, accuracy included
    points: str
    accuracy: str
    checked: int
    counts: dict[str, int]  # verdict id → fact-checks with it
    allowed: list[str]  # the grades the criteria allow
    rationale: Safe
    reviewed: str | None
    reviewed_human: str | None


@dataclass(frozen=True)
class PageLink:
    """A page named by its title (a source not rated yet)."""

    title: str
    href: str


@dataclass(frozen=True)
class RuleLine:
    """What one grade needs, as the methodology states it."""

    grade: Grade
    text: str


@dataclass(frozen=True)
class StandingRow:
    """One rated source's margins, as the methodology page states them."""

    id: str
    title: str
    href: str
    grade: Grade
    allowed: list[str]
    points: str
    accuracy: str
    fall: str


def index_url(urls: SiteUrls) -> str:
    return urls.page("ratings/index")


def methodology_url(urls: SiteUrls) -> str:
    return urls.page("ratings/methodology")


def rationale_url(source_id: str, urls: SiteUrls) -> str:
    return f"{index_url(urls)}#{source_id}"


@dataclass
class RatingsView:
    """What the pages need: the ratings, the sources they rate, and how to draw them."""

    ratings: dict[str, Rating]
    sources: dict[str, Source]
    env: Environment
    markup: Markup
    resolver: Callable[[str, SiteUrls], Resolver]  # resolver of [[…]] seen from a page
    # where a source's rating lives when the comparison is cut (None: on the one page)
    where: Callable[[str, SiteUrls], str | None] = lambda _source_id, _urls: None

    def rationale(self, source_id: str, urls: SiteUrls) -> str:
        """A source's rating: its section on the comparison, or on its grade's part."""
        return self.where(source_id, urls) or rationale_url(source_id, urls)

    def badge(self, source_id: str, page_url: str, urls: SiteUrls) -> str:
        rating = self.ratings.get(source_id)
        if rating is None:
            return ""
        grade = GRADES[rating.grade]
        return self.env.get_template("ratings_badge.html").render(
            grade=grade,
            href=relative_url(self.rationale(source_id, urls), page_url),
        )

    def header(self, source: Source, page_url: str, urls: SiteUrls) -> str:
        badge = self.badge(source.id, page_url, urls)
        if not badge:
            return ""
        return self.env.get_template("ratings_header.html").render(
            badge=Safe(badge),
            why_href=relative_url(self.rationale(source.id, urls), page_url),
            method_href=relative_url(methodology_url(urls), page_url),
        )

    def judgements(self, rating: Rating) -> list[Judgement]:
        out = [rating.judgements[c] for c in CRITERIA if c in rating.judgements]
        out.append(
            Judgement(
                ACCURACY.id, rating.accuracy.met(), rating.accuracy.evidence(), rating.location
            )
        )
        return out

    def row(self, rating: Rating, page_url: str, urls: SiteUrls) -> RatingRow:
        source = self.sources[rating.source_id]
        evidence = evidence_of(rating.points, rating.accuracy)
        value = rating.accuracy.value
        return RatingRow(
            id=source.id,
            title=source.title,
            href=relative_url(urls.source(source.id), page_url),
            grade=GRADES[rating.grade],
            badge=Safe(self.badge(source.id, page_url, urls)),
            judgements={j.criterion: j for j in self.judgements(rating)},
            points=f"{rating.points:g} of {MAX_POINTS:g}" if rating.complete else "incomplete",
            accuracy=f"{value:.2f}" if value is not None else "not judged",
            checked=rating.accuracy.checked,
            counts=rating.accuracy.counts,
            allowed=allowed_grades(evidence) if rating.complete else [],
            rationale=Safe(self.markup.render(rating.rationale, self.resolver(page_url, urls))),
            reviewed=rating.reviewed,
            reviewed_human=humanize(rating.reviewed) if rating.reviewed else None,
        )

    def ordered(self) -> list[Rating]:
        """The ratings as the comparison lists them: best grade first, then by title."""
        return sorted(
            self.ratings.values(),
            key=lambda r: (r.grade, self.sources[r.source_id].title.casefold()),
        )

    def _unrated(self, page_url: str, urls: SiteUrls) -> list[PageLink]:
        return [
            PageLink(s.title, relative_url(urls.source(s.id), page_url))
            for s in sorted(self.sources.values(), key=lambda s: s.title.casefold())
            if s.id not in self.ratings
        ]

    def _chart(self, ratings: list[Rating]) -> str:
        return ratings_chart(
            ratings, self.sources, {r.source_id: f"#{r.source_id}" for r in ratings}
        )

    def render_index(
        self,
        page_url: str,
        urls: SiteUrls,
        cut: Cut[Rating] | None = None,
        part: Part | None = None,
    ) -> PageHtml:
        """The comparison of every rated source (or, when it is cut, of one grade's)."""
        ordered = cut.items[part.slug] if cut and part else self.ordered()
        rows = [self.row(r, page_url, urls) for r in ordered]
        html = self.env.get_template("ratings_index.html").render(
            chart=Safe(self._chart(ordered)),
            rows=rows,
            side_by_side=SIDE_BY_SIDE,
            criteria=list(ALL_CRITERIA.values()),
            verdicts=list(VERDICTS.values()),
            method_href=relative_url(methodology_url(urls), page_url),
            unrated=[] if part else self._unrated(page_url, urls),
            part=part.label if part else None,
            letter=rows[0].grade.letter if part and rows else "",
            parts=cut.links(part, page_url, urls) if cut and part else [],
            standings=self.standings(page_url, urls, ordered) if part else [],
            max_points=f"{MAX_POINTS:g}",
            total=len(self.ratings),
            index_href=relative_url(index_url(urls), page_url),
        )
        toc = tuple(TocEntry(2, row.id, row.title) for row in rows)  # each source's section
        title = f"Source ratings: {part.label}" if part else "Source ratings"
        return PageHtml(html, index_document(rows, title), toc)

    def render_cut_index(self, cut: Cut[Rating], page_url: str, urls: SiteUrls) -> PageHtml:
        """The index of a cut comparison: the grades with their counts, the sources not yet
        rated, and on which grade's part each source's rating lives (for old links)."""
        html = self.env.get_template("ratings_cut_index.html").render(
            total=len(self.ratings),
            parts=cut.links(None, page_url, urls),
            method_href=relative_url(methodology_url(urls), page_url),
            unrated=self._unrated(page_url, urls),
            homes=script_json({"ids": cut.positions()}, separators=(",", ":")),
        )
        grades = ", ".join(f"{p.label} ({len(cut.items[p.slug])})" for p in cut.parts)
        search = top("Source ratings", [escape(f"{len(self.ratings)} sources rated: {grades}.")])
        return PageHtml(html, search, (TocEntry(2, "grades", "Grades"),))

    def cut(self, urls: SiteUrls, budget: int) -> Cut[Rating] | None:
        """The comparison's parts, one per grade (a grade cut again by size), when its rows,
        sections and drawing weigh more than ``budget``; each weighed as rendered."""
        page_url = index_url(urls)
        parts = self.env.get_template("ratings_parts.html").module
        criteria, verdicts = list(ALL_CRITERIA.values()), list(VERDICTS.values())
        ordered = self.ordered()
        sizes = []
        for rating in ordered:
            row = self.row(rating, page_url, urls)
            table_row = str(parts.table_row(row, criteria))  # type: ignore[attr-defined]
            detail = str(parts.detail(row, criteria, verdicts))  # type: ignore[attr-defined]
            standing = self.standing_row(rating, page_url, urls) if rating.complete else None
            stands = str(parts.standing_row(standing)) if standing else ""  # type: ignore[attr-defined]
            sizes.append(len(table_row) + len(detail) + len(stands))
        return cut_page(
            "ratings",
            ordered,
            lambda r: r.source_id,
            lambda r: (f"grade-{r.grade.lower()}", f"Grade {r.grade}"),
            sizes,
            budget,
            lambda chosen: len(self._chart(chosen)),
        )

    def standings(
        self, page_url: str, urls: SiteUrls, ratings: list[Rating] | None = None
    ) -> list[StandingRow]:
        """Every completely rated source (of ``ratings``, or all) against the thresholds, by
        title."""
        return sorted(
            (
                self.standing_row(r, page_url, urls)
                for r in (self.ratings.values() if ratings is None else ratings)
                if r.complete
            ),
            key=lambda r: (r.title.casefold(), r.id),
        )

    def standing_row(self, rating: Rating, page_url: str, urls: SiteUrls) -> StandingRow:
        source = self.sources[rating.source_id]
        s = standing(rating)
        return StandingRow(
            id=source.id,
            title=source.title,
            href=relative_url(self.rationale(source.id, urls), page_url),
            grade=GRADES[s.grade],
            allowed=s.allowed,
            points=describe_margin(s.points, 1),
            accuracy=(
                f"{describe_margin(s.accuracy, 2)} (over {s.checked} checked claims)"
                if s.accuracy
                else f"not judged: {s.checked} of {MIN_CHECKED} checked claims"
            ),
            fall=describe_fall(s),
        )

    def render_methodology(
        self, page_url: str, urls: SiteUrls, cut: Cut[Rating] | None = None
    ) -> str:
        """The methodology; each source's standing is on it, or, when the comparison is cut,
        on its grade's comparison (a thousand rows would be most of the page)."""
        return self.env.get_template("ratings_methodology.html").render(
            standings=[] if cut else self.standings(page_url, urls),
            parts=cut.links(None, page_url, urls) if cut else [],
            grades=list(GRADES.values()),
            criteria=list(CRITERIA.values()),
            accuracy=ACCURACY,
            met=list(MET.values()),
            not_judged=NOT_JUDGED,
            rules=[RuleLine(GRADES[g], r.text()) for g, r in RULES.items()],
            verdicts=list(VERDICTS.values()),
            min_checked=MIN_CHECKED,
            accuracy_high=f"{ACCURACY_HIGH:.2f}",
            accuracy_low=f"{ACCURACY_LOW:.2f}",
            max_points=f"{MAX_POINTS:g}",
            best=BEST_RATING,
            worst=WORST_RATING,
            references=REFERENCES,
            index_href=relative_url(index_url(urls), page_url),
        )


def index_document(rows: list[RatingRow], title: str = "Source ratings") -> str:
    """Each rated source a search result: its title and grade; the rationale and each
    criterion's result and evidence as text."""
    out = [top(title, [escape(f"{len(rows)} sources rated and compared.")])]
    for row in rows:
        grade = row.grade
        parts = [str(row.rationale)]
        for criterion in ALL_CRITERIA.values():
            judgement = row.judgements.get(criterion.id)
            if judgement:
                parts.append(
                    escape(f"{criterion.label}: {judgement.met.label}. {judgement.evidence}")
                )
        out.append(section(row.id, f"{row.title}: {grade.letter}, {grade.label}", parts))
    return "\n".join(out)
