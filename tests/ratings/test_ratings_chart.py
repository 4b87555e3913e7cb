"""Ratings at a glance (ratings/chart.py): one row per rated source above the table, in the
table's order, its grade, points and accuracy drawn to scale and said in words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.ratings.admiralty import MAX_POINTS
from annotated_reader.ratings.chart import ACCURACY_W, ACCURACY_X, POINTS_W
from helpers.project import ARTIFACTS, ROOT


def _ratings() -> dict[str, Any]:
    corpus, _ = load_corpus(Paths(ROOT))
    feature = corpus.feature("ratings")
    assert feature is not None
    return dict(feature.ratings)  # type: ignore[attr-defined]


def test_one_row_per_rated_source_drawn_to_scale(real_site: Path) -> None:
    html = (real_site / "ratings" / "index.html").read_text(encoding="utf-8")
    start = html.index('<svg class="ar-rc"')
    svg = html[start : html.index("</svg>", start)]
    table = html[html.index("<table") :]
    rows = re.findall(r'<a class="ar-rc-row"[^>]*data-source="([^"]+)" data-grade="([A-F])">', svg)
    ratings = _ratings()
    assert {s for s, _g in rows} == set(ratings) and len(rows) == len(ratings) == 5
    order = [s for s, _g in rows]
    assert order == sorted(order, key=lambda s: table.index(f'href="#{s}"'))  # the table's order
    desc = svg[svg.index("<desc") : svg.index("</desc>")]
    for source, grade in rows:
        rating = ratings[source]
        assert grade == rating.grade
        row = svg[svg.index(f'data-source="{source}"') :]
        row = row[: row.index("</a>")]
        width = float(re.search(r'class="ar-rc-points"[^>]*width="([0-9.]+)"', row).group(1))  # type: ignore[union-attr]
        assert abs(width - POINTS_W * rating.points / MAX_POINTS) < 0.1
        value = rating.accuracy.value
        dot = re.search(r'class="ar-rc-accuracy" cx="([0-9.]+)"', row)
        if value is None:
            assert dot is None and "not judged" in row
        else:
            assert dot and abs(float(dot.group(1)) - (ACCURACY_X + ACCURACY_W * value)) < 0.1
        assert f"grade {rating.grade}, {rating.points:g} of {MAX_POINTS:g} criterion points" in desc


def test_a_row_leads_to_its_rationale(real_site_url: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(real_site_url + "ratings/")
    row = page.locator(".ar-rc-row").nth(2)
    source = row.get_attribute("data-source")
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".ar-rc-figure").screenshot(path=str(ARTIFACTS / "ratings-chart.png"))
    row.click()
    page.wait_for_function(f"location.hash === '#{source}'")
    top = page.evaluate(f"document.getElementById('{source}').getBoundingClientRect().top")
    assert 0 <= top < 900
    page.close()
