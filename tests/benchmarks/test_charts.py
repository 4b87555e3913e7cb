"""The benchmark's charts, drawn from a small hand-made run: one mark per measured value, each
where its value puts it, every axis and series named, the same bytes for the same results."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from benchmarks.charts import (
    BOTTOM,
    HEIGHT,
    LEFT,
    RIGHT,
    TOP,
    WIDTH,
    charts,
    nice_step,
    svg,
    write_charts,
)
from benchmarks.measure import Sample, Series
from benchmarks.results import Results, SizeRow

NS = {"s": "http://www.w3.org/2000/svg"}
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


def _series(*times: float, mb: float = 100.0) -> Series:
    return Series([Sample(t, mb) for t in times])


def _results() -> Results:
    return Results(
        "hand-made",
        sizes=[
            SizeRow(5, 250, _series(1.0, 1.2, 1.1, mb=80), _series(0.8, 0.9, 1.0, mb=70)),
            SizeRow(50, 2500, _series(3.0, 3.5, 4.0, mb=120), _series(2.0, 2.5, 3.0, mb=90)),
            SizeRow(200, 10000, _series(9.0, 10.0, 11.0, mb=300), _series(8.0, 9.0, 10.0, mb=200)),
        ],
    )


def _drawn(name: str) -> ET.Element:
    chart = next(c for c in charts(_results()) if c.file == name)
    return ET.fromstring(svg(chart))


def _points(root: ET.Element, series: str) -> list[ET.Element]:
    group = root.find(f".//s:g[@data-series='{series}']", NS)
    assert group is not None, series
    return [e for e in group if e.get("class") == "point"]


def _centre(e: ET.Element) -> tuple[float, float]:
    if e.tag.endswith("circle"):
        return float(e.get("cx", "")), float(e.get("cy", ""))
    return float(e.get("x", "")) + 4.5, float(e.get("y", "")) + 4.5


def test_three_charts_are_drawn_with_a_point_per_size_and_series() -> None:
    assert [c.file for c in charts(_results())] == [
        "chart-build-time.svg",
        "chart-time-per-note.svg",
        "chart-peak-memory.svg",
    ]
    build = _drawn("chart-build-time.svg")
    assert len(_points(build, "plugin")) == 3 and len(_points(build, "plain")) == 3
    assert len(build.findall(".//s:line[@class='spread']", NS)) == 6  # min–max of each
    per_note = _drawn("chart-time-per-note.svg")
    assert len(_points(per_note, "plugin")) == 2  # the five-source site is the baseline
    assert charts(Results("empty")) == []


def test_a_points_position_is_in_proportion_to_its_value() -> None:
    root = _drawn("chart-build-time.svg")
    # Axes: x 0 → 200 sources (a whole step), y 0 → 12 s (steps of 2).
    plugin = {float(p.get("data-x", "")): _centre(p) for p in _points(root, "plugin")}
    x50, y50 = plugin[50]
    x200, y200 = plugin[200]
    assert x50 == pytest.approx(LEFT + 50 / 200 * PLOT_W, abs=0.01)
    assert x200 == pytest.approx(LEFT + PLOT_W, abs=0.01)
    assert TOP + PLOT_H - y50 == pytest.approx(3.5 / 12 * PLOT_H, abs=0.01)
    assert TOP + PLOT_H - y200 == pytest.approx(10.0 / 12 * PLOT_H, abs=0.01)
    plain = {float(p.get("data-x", "")): _centre(p) for p in _points(root, "plain")}
    assert plain[200][1] > y200  # 9 s draws lower than 10 s
    memory = _drawn("chart-peak-memory.svg")
    peaks = {float(p.get("data-x", "")): p.get("data-y") for p in _points(memory, "plugin")}
    assert peaks == {5.0: "80", 50.0: "120", 200.0: "300"}


def test_axes_series_and_values_are_labelled() -> None:
    root = _drawn("chart-build-time.svg")
    text = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Sources (N), 50 notes each" in text and "Build time, seconds" in text
    assert "Plugin" in text and "Plain twin" in text
    assert {"0", "2", "4", "12"} <= set(text) and {"0", "100", "200"} <= set(text)
    title, desc = root.find("s:title", NS), root.find("s:desc", NS)
    assert title is not None and title.text == "Build time against corpus size"
    assert desc is not None and "Plugin: 5 → 1.10 (1.00–1.20)" in (desc.text or "")
    assert root.get("role") == "img" and root.get("aria-labelledby")
    band = _drawn("chart-time-per-note.svg").find(".//s:rect[@class='band']", NS)
    assert band is not None  # the ±20% target


def test_series_differ_by_more_than_colour_and_the_output_is_stable(tmp_path: Path) -> None:
    root = _drawn("chart-build-time.svg")
    assert _points(root, "plugin")[0].tag.endswith("circle")
    assert _points(root, "plain")[0].tag.endswith("rect")
    lines = root.findall(".//s:polyline", NS)
    assert [bool(line.get("stroke-dasharray")) for line in lines] == [False, True]
    write_charts(_results(), tmp_path)
    first = (tmp_path / "chart-build-time.svg").read_bytes()
    write_charts(_results(), tmp_path)
    assert (tmp_path / "chart-build-time.svg").read_bytes() == first


@pytest.mark.parametrize(("span", "step"), [(12, 2), (200, 50), (1000, 200), (0.9, 0.2)])
def test_ticks_fall_on_round_numbers(span: float, step: float) -> None:
    assert nice_step(span) == pytest.approx(step)
