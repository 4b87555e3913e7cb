"""Margin notes: how long laying out the cards takes, with the CPU throttled 4x, and how far
the cards are pushed below their passages, on every real source page.

    .venv/bin/python -m benchmarks.margin_layout            # writes benchmarks/margin_results.md
    .venv/bin/python -m benchmarks.margin_layout --rounds 5 --out benchmarks/scratch/margin.md

The real site is built once and served on loopback; Debian's Chromium (as the tests use it)
opens each source page with DevTools' ``Emulation.setCPUThrottlingRate`` at 4 from the start.
Measured inside the page, each time up to the next layout the browser would do anyway
(``offsetHeight`` after the writes), so the browser's own layout of the cards is counted:

- **the page's own first layout**, which the browser does whether or not there are cards
  (margin.js forces it before it starts, so that it is not counted as the cards');
- **the first screen's cards**: margin.js wiring the page's controls, building the cards
  beside the first screen and laying them out, in the task that opens the page
  (``annotatedReaderMargin.stats().firstMs``);
- **every card**: that, plus the later tasks that build and lay out the rest, four cards a
  task (``firstMs + restMs``: their work, not the idle time between them), and the **longest
  task** of them all (``longestMs``);
- **relayout, new width**: every card measured again and reflowed (a resize, a font arriving);
- **relayout on a selection**: a hover, ``]`` or a deep link moving the cards, from the
  measurements kept since the last layout.

Target: under 50 ms for the longest page. Also the worst displacement, the most any card's
top lies below its passage's first line (no card selected), at 1220, 1440 and 1920 px.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .project import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from helpers.browser import chromium, serve  # noqa: E402

HERE = Path(__file__).resolve().parent
WIDTHS = (1220, 1440, 1920)
THROTTLE = 4
TARGET_MS = 50.0

_RELAYOUT = """(fresh) => {  // once every card is laid out (stats().settled)
    const col = document.querySelector(".ar-margin");
    if (fresh) {  // as after a resize: the cards were laid out at another width
        col.style.width = (parseFloat(col.style.width) - 40) + "px";
        document.body.offsetHeight;
    }
    const t0 = performance.now();
    annotatedReaderMargin.relayout(!fresh);
    document.body.offsetHeight;
    return performance.now() - t0;
}"""


def _build(dest: Path) -> Path:
    site = dest / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    subprocess.run(cmd, cwd=ROOT, check=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    return site


def _page(browser: Any, url: str, width: int, rate: int = THROTTLE) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    page.goto(url)
    page.wait_for_function("annotatedReaderMargin.stats().settled")
    return page


def measure(site: Path, rounds: int) -> list[dict[str, Any]]:
    sources = sorted(p.name for p in (site / "sources").iterdir() if p.is_dir())
    rows = []
    with serve(site) as base, chromium() as browser:
        for source in sources:
            url = f"{base}sources/{source}/"
            first, every, longest, fresh, same, own, worst = [], [], [], [], [], [], {}
            unthrottled = []
            for _ in range(rounds):
                page = _page(browser, url, 1440)
                stats = page.evaluate("annotatedReaderMargin.stats()")
                first.append(stats["firstMs"])
                every.append(stats["firstMs"] + stats["restMs"])
                longest.append(stats["longestMs"])
                own.append(page.evaluate("annotatedReaderMargin.stats().pageMs"))
                fresh.append(page.evaluate(_RELAYOUT, True))
                same.append(page.evaluate(_RELAYOUT, False))
                cards = page.evaluate("annotatedReaderMargin.stats().cards")
                page.context.close()
                page = _page(browser, url, 1440, rate=1)
                unthrottled.append(page.evaluate("annotatedReaderMargin.stats().firstMs"))
                page.context.close()
            for width in WIDTHS:
                page = _page(browser, url, width)
                page.evaluate(_RELAYOUT, True)
                stats = page.evaluate("annotatedReaderMargin.stats()")
                worst[width] = (stats["worst"], stats["worstId"])
                page.context.close()
            rows.append(
                {
                    "source": source,
                    "cards": cards,
                    "first": statistics.median(first),
                    "every": statistics.median(every),
                    "longest": statistics.median(longest),
                    "page": statistics.median(own),
                    "unthrottled": statistics.median(unthrottled),
                    "fresh": statistics.median(fresh),
                    "same": statistics.median(same),
                    "worst": worst,
                }
            )
    return rows


def report(rows: list[dict[str, Any]], rounds: int, load: tuple[float, float]) -> str:
    out = [
        "# Margin notes: layout time and displacement",
        "",
        f"Written by `python -m benchmarks.margin_layout` (median of {rounds} page loads per "
        f"source, Chromium at 1440 px, CPU throttled {THROTTLE}x; target < {TARGET_MS:.0f} ms "
        f"for the longest page). Times depend on the machine and its load: the load average was "
        f"{load[0]:.1f} before and {load[1]:.1f} after, on {os.cpu_count()} processors.",
        "",
        "| Source | Cards | The page's own first layout (ms) | The first screen's cards (ms) | The same, not throttled (ms) | Every card (ms) | Longest task (ms) | Relayout, new width (ms) | Relayout on a selection (ms) |"
        + "".join(f" Worst displacement at {w} px |" for w in WIDTHS),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + " --- |" * len(WIDTHS),
    ]
    for r in rows:
        worst = "".join(f" {px} px (`{ident}`) |" for px, ident in r["worst"].values())
        out.append(
            f"| {r['source']} | {r['cards']} | {r['page']:.1f} | {r['first']:.1f} | {r['unthrottled']:.1f} | {r['every']:.1f} | {r['longest']:.1f} | {r['fresh']:.1f} | {r['same']:.1f} |{worst}"
        )
    longest = max(rows, key=lambda r: r["cards"])
    verdict = "meets" if longest["longest"] < TARGET_MS else "misses"
    whole = "meets" if longest["every"] < TARGET_MS else "misses"
    resize = "meets" if longest["fresh"] < TARGET_MS else "misses"
    out += [
        "",
        f"Longest page ({longest['source']}, {longest['cards']} cards): the first screen's cards "
        f"{longest['first']:.1f} ms, no task longer than {longest['longest']:.1f} ms — {verdict} "
        f"the target task by task; every card {longest['every']:.1f} ms in all — {whole} it "
        f"for the whole page at once; relayout at a new width {longest['fresh']:.1f} ms — "
        f"{resize} it.",
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--out", type=Path, default=HERE / "margin_results.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = _build(Path(tmp))
        before = os.getloadavg()[0]
        rows = measure(site, args.rounds)
    text = report(rows, args.rounds, (before, os.getloadavg()[0]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
