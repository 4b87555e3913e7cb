"""Ratings at a glance: one row per rated source — its grade, its criterion points as a bar,
the accuracy of its checked claims as a dot — drawn at build time above the comparison table.

An SVG written here, not a chart library loaded from elsewhere: the site stays offline-clean
and the drawing needs no script. The table below stays the accessible view; the drawing's
``desc`` says the same figures in words, and each row links to the source's rationale.
Grades are told by their letter, never by colour alone.
"""

from __future__ import annotations

from html import escape

from ..core.model import Source
from ..core.vocabulary.titles import shorten
from .admiralty import MAX_POINTS
from .read import Rating
from .rule import ACCURACY_HIGH, ACCURACY_LOW

ROW = 30
LABEL = 200  # the source titles' column
GRADE_X = LABEL + 8
POINTS_X = GRADE_X + 44
POINTS_W = 160
ACCURACY_X = POINTS_X + POINTS_W + 50
ACCURACY_W = 160
WIDTH = ACCURACY_X + ACCURACY_W + 24
TOP = 34
LABEL_CHARS = 30


def _accuracy_x(value: float) -> float:
    return ACCURACY_X + ACCURACY_W * value


def ratings_chart(
    ratings: list[Rating], sources: dict[str, Source], rationale_href: dict[str, str]
) -> str:
    """The drawing of ``ratings`` in the given order; "" when there are none."""
    if not ratings:
        return ""
    e = escape
    height = TOP + ROW * len(ratings) + 12
    words = []
    for rating in ratings:
        title = sources[rating.source_id].title
        acc = rating.accuracy.value
        words.append(
            f"{title}: grade {rating.grade}, {rating.points:g} of {MAX_POINTS:g} criterion "
            "points, accuracy "
            + (
                f"{acc:.2f} over {rating.accuracy.checked} checked claims"
                if acc is not None
                else "not judged"
            )
        )
    out = [
        f'<svg class="ar-rc" xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'style="width:{WIDTH}px;height:{height}px" role="group" '
        'aria-labelledby="ar-rc-title ar-rc-desc">',
        '<title id="ar-rc-title">Ratings at a glance</title>',
        f'<desc id="ar-rc-desc">{e(". ".join(words))}.</desc>',
        '<g class="ar-rc-axes" aria-hidden="true">',
        f'<text class="ar-rc-head" x="{GRADE_X}" y="16">Grade</text>',
        f'<text class="ar-rc-head" x="{POINTS_X}" y="16">Criterion points (of {MAX_POINTS:g})</text>',
        f'<text class="ar-rc-head" x="{ACCURACY_X}" y="16">Accuracy of checked claims</text>',
    ]
    for value in (0.0, ACCURACY_LOW, ACCURACY_HIGH, 1.0):
        x = _accuracy_x(value)
        out.append(
            f'<line class="ar-rc-tick" x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" '
            f'y2="{height - 10}"/><text class="ar-rc-scale" x="{x:.1f}" y="{TOP - 9}" '
            f'text-anchor="middle">{value:g}</text>'
        )
    out.append("</g>")
    for i, rating in enumerate(ratings):
        source = sources[rating.source_id]
        y = TOP + ROW * i + ROW / 2
        points_w = POINTS_W * rating.points / MAX_POINTS if MAX_POINTS else 0
        acc = rating.accuracy.value
        grade = rating.grade
        row = [
            f'<a class="ar-rc-row" xlink:href="{e(rationale_href[source.id], quote=True)}" '
            f'data-source="{e(source.id, quote=True)}" data-grade="{e(grade, quote=True)}">',
            f"<title>{e(words[i])}</title>",
            f'<text class="ar-rc-label" x="8" y="{y + 4:.1f}">'
            f"{e(shorten(source.nav_title, LABEL_CHARS))}</text>",
            f'<rect class="ar-rc-grade ar-rc-g-{e(grade.lower(), quote=True)}" x="{GRADE_X}" '
            f'y="{y - 11:.1f}" width="26" height="22" rx="4"/>',
            f'<text class="ar-rc-letter" x="{GRADE_X + 13}" y="{y + 5:.1f}" '
            f'text-anchor="middle">{e(grade)}</text>',
            f'<rect class="ar-rc-track" x="{POINTS_X}" y="{y - 6:.1f}" width="{POINTS_W}" '
            'height="12" rx="3"/>',
            f'<rect class="ar-rc-points" x="{POINTS_X}" y="{y - 6:.1f}" '
            f'width="{points_w:.1f}" height="12" rx="3" data-points="{rating.points:g}"/>',
            f'<text class="ar-rc-value" x="{POINTS_X + POINTS_W + 6}" y="{y + 4:.1f}">'
            f"{rating.points:g}</text>",
            f'<line class="ar-rc-lane" x1="{ACCURACY_X}" y1="{y:.1f}" '
            f'x2="{ACCURACY_X + ACCURACY_W}" y2="{y:.1f}"/>',
        ]
        if acc is not None:
            row.append(
                f'<circle class="ar-rc-accuracy" cx="{_accuracy_x(acc):.1f}" cy="{y:.1f}" r="6" '
                f'data-accuracy="{acc:.2f}"/>'
            )
        else:
            row.append(
                f'<text class="ar-rc-value" x="{ACCURACY_X}" y="{y + 4:.1f}">not judged</text>'
            )
        row.append("</a>")
        out.append("".join(row))
    out.append("</svg>")
    return "".join(out)
