"""The benchmark's charts, drawn as SVG from the same results as the tables.

``make bench`` writes them beside ``results.md`` and links them from it; they are drawn from
the run's ``results.json`` and never by hand, so they can be drawn again without a new run::

    python -m benchmarks.charts benchmarks/results.json

Written here rather than with a plotting library: three line charts need a scale, ticks and
a few shapes, and this keeps the benchmark free of a dependency and its output byte for byte
the same for the same results (no timestamps, no random ids). Each chart has a ``title`` and
a ``desc`` listing every value; series differ by colour (each 4.5:1 or more on white, WCAG
AA), by marker shape and by line pattern, and each is named at its line's end.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .measure import Series
from .results import LINEAR_DRIFT, Results

Scale = Callable[[float], float]  # a value → its coordinate

WIDTH, HEIGHT = 720, 420
LEFT, RIGHT, TOP, BOTTOM = 78, 150, 58, 62  # margins around the plot area
INK, GRID, BAND = "#1f2937", "#d1d5db", "#e0e7ff"


@dataclass(frozen=True)
class Style:
    colour: str  # contrast on white: blue 6.7:1, amber 5.0:1
    marker: str  # circle | square
    dash: str  # the line's stroke-dasharray ("" solid)


PLUGIN = Style("#1d4ed8", "circle", "")
PLAIN = Style("#b45309", "square", "6 4")


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    low: float | None = None  # the spread drawn as a bar (min–max), if any
    high: float | None = None


@dataclass(frozen=True)
class Line:
    name: str
    key: str  # data-series
    style: Style
    points: list[Point]


@dataclass(frozen=True)
class Chart:
    file: str
    title: str
    desc: str  # what it shows; the values are added
    x_label: str
    y_label: str
    lines: list[Line]
    band: tuple[float, float, str] | None = None  # y from, y to, what it means
    y_format: str = "{:.2f}"


def nice_step(span: float, ticks: int = 5) -> float:
    """The smallest tick step of 1, 2 or 5 times a power of ten that covers ``span`` in at
    most ``ticks`` + 1 intervals."""
    if span <= 0:
        return 1.0
    raw = span / (ticks + 1)
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def axis_top(value: float) -> tuple[float, float]:
    """The axis's end (a whole number of steps at or above ``value``) and its step."""
    step = nice_step(value)
    return max(step, math.ceil(value / step - 1e-9) * step), step


def _ticks(top: float, step: float) -> list[float]:
    """The axis's tick values, 0 to ``top`` (multiples of ``step``, not sums, so no error
    accumulates)."""
    return [i * step for i in range(round(top / step) + 1)]


def _num(value: float) -> str:
    """A coordinate: two decimals, no trailing zeros (the same text for the same value)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _tick(value: float, step: float) -> str:
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    return f"{value:,.{decimals}f}"


def svg(chart: Chart) -> str:
    """The chart as a standalone SVG document."""
    points = [p for line in chart.lines for p in line.points]
    x_max, x_step = axis_top(max((p.x for p in points), default=1))
    tops = [p.high if p.high is not None else p.y for p in points]
    if chart.band:
        tops.append(chart.band[1])
    y_max, y_step = axis_top(max(tops, default=1))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(x: float) -> float:
        return LEFT + x / x_max * plot_w

    def sy(y: float) -> float:
        return TOP + plot_h - y / y_max * plot_h

    values = "; ".join(
        f"{line.name}: "
        + ", ".join(
            f"{p.x:g} → {chart.y_format.format(p.y)}"
            + (
                f" ({chart.y_format.format(p.low)}–{chart.y_format.format(p.high)})"
                if p.low is not None and p.high is not None
                else ""
            )
            for p in line.points
        )
        for line in chart.lines
    )
    ident = chart.file.removesuffix(".svg")
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{ident}-t {ident}-d" '
        'font-family="system-ui, sans-serif" font-size="13">',
        f'<title id="{ident}-t">{escape(chart.title)}</title>',
        f'<desc id="{ident}-d">{escape(chart.desc)} {escape(values)}.</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="28" font-size="16" font-weight="600" fill="{INK}">'
        f"{escape(chart.title)}</text>",
    ]
    if chart.band:
        low, high, label = chart.band
        out.append(
            f'<rect class="band" x="{LEFT}" y="{_num(sy(high))}" width="{plot_w}" '
            f'height="{_num(sy(low) - sy(high))}" fill="{BAND}"/>'
            f'<text x="{LEFT + 6}" y="{_num(sy(high) + 15)}" fill="{INK}">{escape(label)}</text>'
        )
    out += [  # a grid line across the plot at each of the y axis's ticks
        f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{_num(sy(y))}" y2="{_num(sy(y))}" '
        f'stroke="{GRID}"/><text class="y-tick" x="{LEFT - 8}" y="{_num(sy(y) + 4)}" '
        f'text-anchor="end" fill="{INK}">{_tick(y, y_step)}</text>'
        for y in _ticks(y_max, y_step)
    ]
    out += [  # a notch below the plot at each of the x axis's
        f'<line x1="{_num(sx(x))}" x2="{_num(sx(x))}" y1="{TOP + plot_h}" '
        f'y2="{TOP + plot_h + 5}" stroke="{INK}"/><text class="x-tick" x="{_num(sx(x))}" '
        f'y="{TOP + plot_h + 20}" text-anchor="middle" fill="{INK}">{_tick(x, x_step)}</text>'
        for x in _ticks(x_max, x_step)
    ]
    out.append(
        f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" '
        f'stroke="{INK}"/><line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{TOP + plot_h}" '
        f'stroke="{INK}"/>'
        f'<text class="x-label" x="{LEFT + plot_w / 2:g}" y="{HEIGHT - 16}" '
        f'text-anchor="middle" fill="{INK}">{escape(chart.x_label)}</text>'
        f'<text class="y-label" transform="translate(20 {TOP + plot_h / 2:g}) rotate(-90)" '
        f'text-anchor="middle" fill="{INK}">{escape(chart.y_label)}</text>'
    )
    for line in chart.lines:
        out.extend(_line(line, sx, sy, chart.y_format))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _line(line: Line, sx: Scale, sy: Scale, y_format: str) -> list[str]:
    s = line.style
    pts = sorted(line.points, key=lambda p: p.x)
    out = [f'<g class="series" data-series="{escape(line.key)}">']
    if len(pts) > 1:
        path = " ".join(f"{_num(sx(p.x))},{_num(sy(p.y))}" for p in pts)
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        out.append(
            f'<polyline points="{path}" fill="none" stroke="{s.colour}" stroke-width="2"{dash}/>'
        )
    for p in pts:
        cx, cy = sx(p.x), sy(p.y)
        if p.low is not None and p.high is not None:
            out.append(
                f'<line class="spread" x1="{_num(cx)}" x2="{_num(cx)}" y1="{_num(sy(p.low))}" '
                f'y2="{_num(sy(p.high))}" stroke="{s.colour}" stroke-width="1.5"/>'
            )
        data = f'class="point" data-x="{p.x:g}" data-y="{y_format.format(p.y)}"'
        if s.marker == "square":
            out.append(
                f'<rect {data} x="{_num(cx - 4.5)}" y="{_num(cy - 4.5)}" width="9" height="9" '
                f'fill="{s.colour}"/>'
            )
        else:
            out.append(f'<circle {data} cx="{_num(cx)}" cy="{_num(cy)}" r="5" fill="{s.colour}"/>')
    if pts:
        last = pts[-1]
        out.append(
            f'<text class="series-name" x="{_num(sx(last.x) + 10)}" y="{_num(sy(last.y) + 4)}" '
            f'fill="{s.colour}" font-weight="600">{escape(line.name)}</text>'
        )
    out.append("</g>")
    return out


# -- the benchmark's three charts --------------------------------------------------------------


def _spread(x: float, series: Series) -> Point:
    return Point(x, series.median, series.low, series.high)


def charts(results: Results) -> list[Chart]:
    """The charts a run's results give (none without the corpus-size sweep)."""
    if not results.sizes:
        return []
    sizes = results.sizes
    out = [
        Chart(
            "chart-build-time.svg",
            "Build time against corpus size",
            "Seconds for a whole build of N sources with 50 notes each, median of the rounds, "
            "the bar from the fastest to the slowest round; the plugin's site against the same "
            "texts as plain mkdocs-material pages.",
            "Sources (N), 50 notes each",
            "Build time, seconds",
            [
                Line("Plugin", "plugin", PLUGIN, [_spread(r.n, r.plugin) for r in sizes]),
                Line("Plain twin", "plain", PLAIN, [_spread(r.n, r.plain) for r in sizes]),
            ],
        )
    ]
    per_note = [(r.n, results.per_note(r)) for r in sizes]
    notes = [Point(n, v * 1e3) for n, v in per_note if v]
    if notes:
        ref = notes[0].y
        out.append(
            Chart(
                "chart-time-per-note.svg",
                "Time per note against corpus size",
                "Milliseconds of build time per note: the median above the five-source site's, "
                "divided by the notes added (the fixed start-up subtracted); flat means the cost "
                f"grows linearly. The band is the target: within {LINEAR_DRIFT:.0%} of the "
                f"first size's {ref:.2f} ms.",
                "Sources (N), 50 notes each",
                "Milliseconds per note",
                [Line("Plugin", "plugin", PLUGIN, notes)],
                band=(
                    ref * (1 - LINEAR_DRIFT),
                    ref * (1 + LINEAR_DRIFT),
                    f"target: ±{LINEAR_DRIFT:.0%}",
                ),
            )
        )
    out.append(
        Chart(
            "chart-peak-memory.svg",
            "Peak memory against corpus size",
            "The largest resident set of the build process, in megabytes, over its rounds.",
            "Sources (N), 50 notes each",
            "Peak memory, MB",
            [
                Line("Plugin", "plugin", PLUGIN, [Point(r.n, r.plugin.peak_mb) for r in sizes]),
                Line("Plain twin", "plain", PLAIN, [Point(r.n, r.plain.peak_mb) for r in sizes]),
            ],
            y_format="{:.0f}",
        )
    )
    return out


def write_charts(results: Results, folder: Path) -> list[Chart]:
    """Write every chart into ``folder``; the charts written."""
    drawn = charts(results)
    folder.mkdir(parents=True, exist_ok=True)
    for chart in drawn:
        (folder / chart.file).write_text(svg(chart), encoding="utf-8")
    return drawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path, help="a run's results.json")
    parser.add_argument("--out", type=Path, help="folder for the charts (default: beside it)")
    args = parser.parse_args(argv)
    if not args.results.is_file():
        print(
            f"{args.results}: no such file; `make bench` writes it beside results.md",
            file=sys.stderr,
        )
        return 2
    drawn = write_charts(Results.load(args.results), args.out or args.results.parent)
    for chart in drawn:
        print((args.out or args.results.parent) / chart.file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
