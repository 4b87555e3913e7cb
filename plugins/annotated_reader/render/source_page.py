"""The HTML of a source page: verbatim blocks, highlights, numbered notes after each block.

Highlights may overlap and nest, so the text of a block is cut at every start and end of a
passage and each piece is wrapped in the marks active over it: the HTML stays well-formed
whatever the overlap, and a passage's first piece carries its id. Without JavaScript the
numbers link to notes listed right after the block where the passage ends.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import TypeVar

from jinja2 import Environment, Template
from markupsafe import Markup as Safe
from markupsafe import escape as autoescape

from ..core.corpus import InlineLink
from ..core.model import URL_METADATA, Annotation, Source
from ..core.text.markup import Markup, Resolver
from ..core.text.segment import Block
from ..core.toc import TocEntry
from ..core.vocabulary.dates import humanize
from ..core.vocabulary.kinds import KINDS, Kind
from ..core.vocabulary.verdicts import VERDICTS, Verdict
from .margin_mode import MODE_SCRIPT, MODES
from .notemap import note_label, note_map
from .views import ClaimLink, EventLink, HeaderRow, LegendItem, NoteView

_ROLE_TAGS = {
    "heading": ("h2", "ar-heading"),
    "paragraph": ("p", "ar-p"),
    "list-item": ("li", "ar-li"),
    "caption": ("p", "ar-caption"),
    "byline": ("p", "ar-byline"),
}
_LANGUAGES = {
    "en": "English",
    "ru": "Russian",
    "be": "Belarusian",
    "uk": "Ukrainian",
    "zh": "Chinese",
}
_PRECISION = {"year": "year only", "month": "month", "day": "day", "interval": "interval"}


@dataclass
class PageRender:
    """What one source page needs besides the source itself."""

    resolve: Resolver
    markup: Markup
    env: Environment
    links: list[InlineLink] = field(default_factory=list)
    badge_html: str = ""
    event_link: Callable[[str], tuple[str, str] | None] = lambda _id: None
    claim_link: Callable[[Annotation], ClaimLink | None] = lambda _ann: None


def numbering(annotations: list[Annotation]) -> dict[str, int]:
    ordered = sorted(annotations, key=lambda a: (a.start, -a.end, a.id))
    return {a.id: i for i, a in enumerate(ordered, 1)}


def _attrs(values: dict[str, str]) -> str:
    return "".join(f' {k}="{escape(v, quote=True)}"' for k, v in values.items())


def render_inline(
    text: str,
    start: int,
    end: int,
    annotations: list[Annotation],
    numbers: dict[str, int],
    links: list[InlineLink],
    opened: set[str],
    ends: dict[str, int],
) -> str:
    """One block's text with its marks, term links and note numbers; a note's number goes
    at ``ends[id]``, which lies in one block only (see :func:`render_source`)."""
    # Sorted once here, filtered per piece below (a stable sort, so the same order).
    inside = sorted(
        (a for a in annotations if a.start < end and start < a.end),
        key=lambda a: (a.start, -a.end, a.id),
    )
    by_number = sorted(inside, key=lambda a: numbers[a.id])
    spans = [lk for lk in links if lk.start < end and start < lk.end]
    cuts = {start, end}
    for a in inside:
        cuts.update(x for x in (a.start, a.end) if start < x < end)
    points = sorted(cuts)
    out: list[str] = []
    for x, y in zip(points, points[1:], strict=False):
        active = [a for a in inside if a.start <= x and y <= a.end]
        for a in active:
            ident = escape(a.id, quote=True)
            first = "" if a.id in opened else f' id="{ident}"'
            opened.add(a.id)
            out.append(
                f'<mark class="ar-hl ar-k-{escape(a.kind, quote=True)}" data-ar="{ident}"{first}>'
            )
        out.append(_linked_text(text, x, y, spans))
        out.append("</mark>" * len(active))
        for a in by_number:
            if ends[a.id] == y:
                out.append(_ref_marker(a, numbers[a.id]))
    return "".join(out)


def _linked_text(text: str, x: int, y: int, links: list[InlineLink]) -> str:
    """Escaped text of [x, y) with the links that fall in it (clipped at the edges)."""
    out: list[str] = []
    pos = x
    for link in links:
        a, b = max(link.start, x), min(link.end, y)
        if a >= b or a < pos:
            continue
        out.append(escape(text[pos:a], quote=False))
        attrs = {"class": link.css, "href": link.href, **link.data}
        if (a, b) != (link.start, link.end) and "id" in attrs and a != link.start:
            del attrs["id"]  # a link cut by a highlight's edge keeps its id on one piece only
        out.append(f"<a{_attrs(attrs)}>{escape(text[a:b], quote=False)}</a>")
        pos = b
    out.append(escape(text[pos:y], quote=False))
    return "".join(out)


def _ref_marker(ann: Annotation, number: int) -> str:
    label = note_label(ann, number)
    ident = escape(ann.id, quote=True)
    return (
        f'<a class="ar-ref ar-k-{escape(ann.kind, quote=True)}" '
        f'href="#note-{ident}" id="ref-{ident}" data-ar="{ident}" '
        f'aria-label="{escape(label, quote=True)}">[{number}]</a>'
    )


@lru_cache(maxsize=256)
def _note_head(kind: Kind, verdict: Verdict | None) -> str:
    """The kind and verdict labels of a note: the same few for every note."""
    e = autoescape
    head = f'<div class="ar-note-head"><span class="ar-kind ar-k-{e(kind.id)}">{e(kind.label)}</span>\n'
    if verdict:
        head += (
            f'<span class="ar-verdict ar-v-{e(verdict.id)}" title="{e(verdict.definition)}">'
            f"Verdict: {e(verdict.label)}</span>\n"
        )
    return head


def note_values(ann: Annotation, number: int, ctx: PageRender) -> NoteView:
    """The variables ``note.html`` is rendered with."""
    event = None
    if ann.event:
        target = ctx.event_link(ann.event)
        if target:
            event = EventLink(*target)
    return NoteView(
        ann=ann,
        number=number,
        kind=KINDS[ann.kind],
        verdict=VERDICTS.get(ann.verdict or ""),
        correction_html=Safe(
            ctx.markup.render_inline(ann.correction, ctx.resolve) if ann.correction else ""
        ),
        body_html=Safe(ctx.markup.render(ann.body, ctx.resolve)),
        event=event,
        date_human=humanize(ann.date) if ann.date else "",
        claim=ctx.claim_link(ann) if ann.claim_id else None,
    )


_PACKAGED_NOTE = (Path(__file__).parent / "templates" / "note.html").resolve()
# The SHA-256 of the templates/note.html that packaged_note_html mirrors: an edited copy
# goes back to Jinja (correct, slower) until the two are brought together again.
_MIRRORED_NOTE_SHA256 = "d761432258b948ff362c75de4b07afb8925fe96bcf5084a810210026dc731f07"


def note_renderer(env: Environment) -> Callable[[NoteView], str]:
    """``note.html`` as a function of :func:`note_values`: the packaged template by
    :func:`packaged_note_html`, a site's override (or an edited template) through Jinja."""
    template = env.get_template("note.html")
    if mirrored(template):
        return packaged_note_html
    return lambda view: template.render(view.context())


def mirrored(template: Template) -> bool:
    """Whether ``template`` is the packaged note.html that :func:`packaged_note_html` renders."""
    if template.filename is None or Path(template.filename).resolve() != _PACKAGED_NOTE:
        return False
    return hashlib.sha256(_PACKAGED_NOTE.read_bytes()).hexdigest() == _MIRRORED_NOTE_SHA256


def packaged_note_html(values: NoteView) -> str:
    """Exactly what the packaged ``templates/note.html`` renders, without Jinja's cost per
    call (as much as the rest of a plain note). tests/render/test_render_note.py compares the two
    on real and hostile notes: change them together."""
    e = autoescape  # Jinja's own escaping, so the output is the template's byte for byte
    ann = values.ann
    kind, verdict, event = values.kind, values.verdict, values.event
    ident, number = e(ann.id), e(values.number)
    out = [
        f'<li class="ar-note ar-k-{e(kind.id)}" id="note-{ident}" value="{number}" '
        f'data-ar="{ident}">\n',
        _note_head(kind, verdict),
        f'<a class="ar-back" href="#{ident}" aria-label="Back to the passage of note {number}">'
        "↩</a></div>\n",
    ]
    if ann.correction:
        out.append(
            '<p class="ar-correction"><span class="ar-label">Should read:</span> '
            f"{e(values.correction_html)}</p>\n"
        )
    out.append(f'<div class="ar-body">{e(values.body_html)}</div>\n')
    if event:
        out.append(f'<p class="ar-event">Timeline: <a href="{e(event.href)}">{e(event.label)}</a>')
        if ann.date:
            out.append(
                f' — this source dates it <span class="ar-date" data-edtf="{e(ann.date)}">'
                f"{e(values.date_human)}</span>"
            )
        out.append("</p>\n")
    claim = values.claim
    if claim:
        out.append(
            f'<p class="ar-claim">Claim: <a class="ar-claim-link" href="{e(claim.href)}" '
            f'title="{e(claim.title)}">{e(claim.label)}</a></p>\n'
        )
    if ann.references:
        out.append('<ul class="ar-refs">\n')
        for ref in ann.references:
            out.append(
                f'<li><a class="ar-external" href="{e(ref.url)}" rel="noopener noreferrer">'
                f"{e(ref.title)}</a></li>\n"
            )
        out.append("</ul>\n")
    if ann.reviewed:
        out.append(
            f'<time class="ar-reviewed" datetime="{e(ann.reviewed)}">'
            f"Reviewed {e(ann.reviewed)}</time>\n"
        )
    out.append("</li>")
    return "".join(out)


_LABELS = {"url": "Original address", "author_url": "Author's page", "outlet_url": "Outlet's page"}


def header_rows(source: Source) -> list[HeaderRow]:
    """The metadata rows of a source page's header (all but the title)."""
    rows = []
    for name, meta in source.metadata.fields():
        if name == "title":
            continue
        value = meta.value
        shown = value
        if name == "published" and value:
            from ..core.vocabulary.dates import parse_date

            span = parse_date(value)
            precision = _PRECISION.get(span.precision, "") if not isinstance(span, str) else ""
            shown = f"{humanize(value)} (precision: {precision})" if precision else value
        elif name == "language" and value:
            shown = _LANGUAGES.get(value.split("-")[0], value)
        rows.append(
            HeaderRow(
                label=_LABELS.get(name, name.capitalize()),
                value=shown,
                raw=value,
                basis=meta.basis,
                href=value if name in URL_METADATA else None,
            )
        )
    return rows


def _header(source: Source, ctx: PageRender) -> str:
    rows = header_rows(source)
    counts: dict[str, int] = {}
    for ann in source.annotations:
        counts[ann.kind] = counts.get(ann.kind, 0) + 1
    legend = [LegendItem(k, counts[k.id]) for k in KINDS.values() if k.id in counts]
    return ctx.env.get_template("source_header.html").render(
        source=source, rows=rows, legend=legend, badge_html=Safe(ctx.badge_html), modes=MODES
    )


_Span = TypeVar("_Span", Annotation, InlineLink)


def overlapping(blocks: list[Block], items: list[_Span]) -> list[list[_Span]] | None:
    """For each block, the items overlapping it, in their given order; one sweep over the
    text instead of a scan of every item for every block. None when the blocks are not in
    text order (the sweep relies on it)."""
    if any(a.start > b.start or a.end > b.end for a, b in zip(blocks, blocks[1:], strict=False)):
        return None
    order = sorted(range(len(items)), key=lambda k: items[k].start)
    out: list[list[_Span]] = []
    live: list[int] = []
    added = 0
    for block in blocks:
        while added < len(order) and items[order[added]].start < block.end:
            live.append(order[added])
            added += 1
        live = [k for k in live if block.start < items[k].end]
        out.append([items[k] for k in sorted(live)])
    return out


@dataclass(frozen=True)
class RenderedSource:
    html: str
    notes: list[NoteView]  # each note's :func:`note_values`, by number (for search)
    toc: tuple[TocEntry, ...] = ()  # the text's own headings (page debris left out)


def last_blocks(annotations: list[Annotation], blocks: list[Block]) -> dict[str, int]:
    """The index of the last block each passage touches: where its number goes, and its
    note is listed right after."""
    starts = [b.start for b in blocks]
    in_order = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
    out = {}
    for ann in annotations:
        if in_order:
            last = bisect_left(starts, ann.end) - 1
            last = last if last >= 0 else len(blocks) - 1
        else:
            last = max(
                (i for i, b in enumerate(blocks) if b.start < ann.end), default=len(blocks) - 1
            )
        out[ann.id] = last
    return out


class _Containers:
    """The list and the page-debris group that consecutive blocks share: opened before the
    first block that needs one, closed before the first that does not."""

    def __init__(self) -> None:
        self.in_list = self.in_debris = False

    def enter(self, block: Block) -> list[str]:
        out = []
        if self.in_list and (block.role != "list-item" or block.debris != self.in_debris):
            out.append("</ul>")
            self.in_list = False
        if block.debris != self.in_debris:
            out.append(
                '<div class="ar-debris" role="group" aria-label="Page debris, not part of the article">'
                if block.debris
                else "</div>"
            )
            self.in_debris = block.debris
        if block.role == "list-item" and not self.in_list:
            out.append('<ul class="ar-list">')
            self.in_list = True
        return out

    def close(self) -> list[str]:
        return (["</ul>"] if self.in_list else []) + (["</div>"] if self.in_debris else [])


def _notes_list(views: list[NoteView], note_html: Callable[[NoteView], str]) -> str:
    """The notes listed after a block ("" when none end in it)."""
    if not views:
        return ""
    items = "".join(note_html(v) for v in views)
    # A list, not a landmark: one "Notes" landmark per block filled the landmark menu.
    return f'<div class="ar-notes"><ol class="ar-note-list" aria-label="Notes">{items}</ol></div>'


def render_source(source: Source, blocks: list[Block], ctx: PageRender) -> RenderedSource:
    """The page body for one source: header, then every block in order."""
    numbers = numbering(source.annotations)
    last = last_blocks(source.annotations, blocks)
    notes_after: dict[int, list[Annotation]] = {}
    # A passage may end past its last block, in the line break or the spaces after it (a
    # quote copied with them): its number goes at the end of that block, not nowhere.
    ends: dict[str, int] = {}
    for ann in source.annotations:
        notes_after.setdefault(last[ann.id], []).append(ann)
        ends[ann.id] = min(ann.end, blocks[last[ann.id]].end)
    block_notes = overlapping(blocks, source.annotations)
    block_links = overlapping(blocks, ctx.links)
    opened: set[str] = set()
    rendered: list[NoteView] = []
    note_html = note_renderer(ctx.env)
    containers = _Containers()
    sections = _Sections({a.id for a in source.annotations})
    out = [
        _header(source, ctx),
        f'<div class="ar-text" lang="{escape(source.metadata.language.value or "", quote=True)}">',
    ]
    if source.annotations:
        out.append(MODE_SCRIPT)
    for i, block in enumerate(blocks):
        out.extend(containers.enter(block))
        tag, css = _ROLE_TAGS[block.role]
        inner = render_inline(
            source.text,
            block.start,
            block.end,
            source.annotations if block_notes is None else block_notes[i],
            numbers,
            ctx.links if block_links is None else block_links[i],
            opened,
            ends,
        )
        notes = sorted(notes_after.get(i, []), key=lambda a: numbers[a.id])
        views = [note_values(a, numbers[a.id], ctx) for a in notes]
        rendered.extend(views)
        notes_html = _notes_list(views, note_html)
        if tag == "li":
            out.append(f'<li class="{css}"><p class="ar-li-text">{inner}</p>{notes_html}</li>')
        else:
            ident = sections.add(source.text[block.start : block.end], block)
            at = f' id="{escape(ident, quote=True)}"' if ident else ""
            out.append(f'<{tag}{at} class="{css}">{inner}</{tag}>{notes_html}')
    out.extend(containers.close())
    strip = note_map(source.annotations, numbers, len(source.text))
    if strip:
        out.append(strip)
    out.append("</div>")
    rendered.sort(key=lambda v: v.number)
    return RenderedSource("\n".join(out), rendered, tuple(sections.toc))


class _Sections:
    """The text's headings as the page's table of contents: each gets an id (``sec-1``,
    ``sec-2``… in reading order, never a note's); headings in page debris are not the
    article's and get none."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self.toc: list[TocEntry] = []

    def add(self, text: str, block: Block) -> str:
        if block.role != "heading" or block.debris:
            return ""
        ident = f"sec-{len(self.toc) + 1}"
        while ident in self.taken:
            ident += "_"
        self.toc.append(TocEntry(2, ident, " ".join(text.split())))
        return ident
