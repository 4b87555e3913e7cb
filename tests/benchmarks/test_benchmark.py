"""The build benchmark, run end to end in its smallest configuration so that it cannot rot.

No time is asserted (the benchmark measures, it does not judge a machine): the script must
run, build every site (the synthetic ones in ``--strict``) and write its tables.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml
from helpers.project import ROOT, build, run

SIZE_HEADER = (
    "| N sources | Notes | Plugin s, median (min–max) | Plugin, a note edited first s "
    "| Plain s, median (min–max) | Ratio | Plain, one-entry nav s | Plugin ms per note (edited) "
    "| Plain ms per page | Plugin peak MB | Plain peak MB | Rounds |"
)
TERM_HEADER = (
    "| T terms | Aliases | N sources | Plugin s, median (min–max) | Change vs T = 50 "
    "| A note edited first s | Change vs T = 50 (edited) | Cache emptied first s "
    "| Change vs T = 50 (cache emptied) | Peak MB | Rounds |"
)
SPLIT_HEADER = "| Part | Plugin site s | Plain s | Difference s | Share of the difference |"


def _synth(dest: Path, *args: str) -> None:
    result = run([sys.executable, "-m", "benchmarks.synth", str(dest), *args], ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_smoke_run_writes_every_table(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    cmd = [sys.executable, "-m", "benchmarks.bench", "--smoke", "--out", str(out)]
    result = run([*cmd, "--work", str(tmp_path / "scratch")], ROOT, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert text in result.stdout  # the same tables are printed
    lines = text.splitlines()
    for heading in (
        "## Targets",
        "## Machine",
        "## The five-source site against plain mkdocs-material",
        "## Corpus size (A = 50 notes per source, T = 50 terms)",
        "## Glossary size",
        "## Where the plugin's time goes (cProfile, one build)",
    ):
        assert heading in lines, heading
    targets = lines[lines.index("## Targets") + 4 : lines.index("## Machine") - 1]
    assert len(targets) == 7 and all(t.count(" | ") == 2 for t in targets), targets
    # The seed site warm both ways: its kept site replayed, and after a note was edited
    assert "no input changed (the kept site replayed)" in targets[0]
    assert "one note edited before each build" in targets[1]
    assert any("**met**" in t or "**not met**" in t for t in targets)  # the seed-site target
    assert any(line.startswith("| CPU cores available (nproc) | ") for line in lines)
    assert any(line.startswith("| mkdocs-material | ") for line in lines)
    assert "| Round | Plugin s | Plain s | Ratio |" in lines
    assert any(line.startswith("| 1 | ") for line in lines)
    size_rows = lines[lines.index(SIZE_HEADER) + 2 :]
    assert size_rows[0].startswith("| 5 | 250 | "), size_rows[0]
    assert size_rows[0].count(" | ") == SIZE_HEADER.count(" | ")
    assert re.fullmatch(r"[\d.]+ \([\d.]+–[\d.]+\)", size_rows[0].split(" | ")[3])  # edited
    term_rows = lines[lines.index(TERM_HEADER) + 2 :]
    assert term_rows[0].startswith("| 50 | "), term_rows[0]
    assert re.fullmatch(r"[\d.]+ \([\d.]+–[\d.]+\)", term_rows[0].split(" | ")[7])  # cold
    assert "`mkdocs/plugin.py:_on_page_content_render`" in text  # where pages are rendered
    split = lines[lines.index(SPLIT_HEADER) + 2 : lines.index(SPLIT_HEADER) + 8]
    assert [row.split(" | ")[0] for row in split] == [
        "| Python, MkDocs, theme and plugin imports, reading mkdocs.yml",
        "| The plugin's own code (all its event handlers)",
        "| Material's search plugin (indexing every page)",
        "| Other plugins' event handlers",
        "| MkDocs: Markdown, theme templates, writing files",
        "| Whole process",
    ]
    own = float(split[1].split(" | ")[1])
    assert own > 0 and float(split[1].split(" | ")[2]) == 0  # the plain twin runs no plugin code
    assert split[5].endswith(" | 100% |")
    # The raw results beside the report, and the charts drawn from them, linked from it.
    assert (tmp_path / "results.json").is_file()
    for chart in ("chart-build-time.svg", "chart-peak-memory.svg"):
        assert f"]({chart})" in text, chart
        assert (tmp_path / chart).read_text(encoding="utf-8").startswith("<svg ")
    redrawn = tmp_path / "again"
    again = run(
        [
            sys.executable,
            "-m",
            "benchmarks.charts",
            str(tmp_path / "results.json"),
            "--out",
            str(redrawn),
        ],
        ROOT,
    )
    assert again.returncode == 0, again.stderr
    assert (redrawn / "chart-build-time.svg").read_bytes() == (
        tmp_path / "chart-build-time.svg"
    ).read_bytes()


def test_synthetic_corpus_is_deterministic_and_builds_strict(tmp_path: Path) -> None:
    args = ("--sources", "3", "--annotations", "12", "--terms", "20", "--events", "4")
    _synth(tmp_path / "a", *args)
    _synth(tmp_path / "b", *args)
    files = sorted(
        p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file()
    )
    assert files and all(
        (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files
    )
    notes = yaml.safe_load(
        (tmp_path / "a/annotations/sources/synth-0001.yml").read_text(encoding="utf-8")
    )
    kinds = {n["kind"] for n in notes["annotations"]}
    assert {"debris", "framing"} <= kinds and len(notes["annotations"]) == 12
    result = build(tmp_path / "a")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "a/site/sources/synth-0003/index.html").is_file()


def test_serve_results_state_both_targets_and_survive_a_saved_run(tmp_path: Path) -> None:
    """The serve loop's targets: the edit's median against 0.6 s, the plugin's share of a
    rebuild against 10%, with the plain twin beside each; kept in results.json."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.measure import Sample, Series
    from benchmarks.results import Results

    def series(*seconds: float) -> Series:
        return Series([Sample(s, 0.0) for s in seconds])

    results = Results("quick", serve=series(0.7, 0.5, 0.55), serve_plain=series(0.4, 0.45, 0.6))
    results.serve_polled = series(0.8, 0.75, 0.9)
    results.rebuilds = {
        "plugin": [{"plugin": 0.05, "search": 0.04, "rest": 0.2, "total": 0.29}] * 3,
        "plain": [{"plugin": 0.0, "search": 0.03, "rest": 0.2, "total": 0.23}] * 3,
    }
    saved = tmp_path / "results.json"
    results.save(saved)
    again = Results.load(saved)
    targets = {t: (met, said) for t, met, said in again.targets() if "serve" in t or "share" in t}
    assert targets == {
        "`mkdocs serve` shows an edited note ≤ 0.6 s after its save": (
            True,
            "median 0.55 s; the plain twin, a page edited: 0.45 s; polled as MkDocs does: 0.80 s",
        ),
        "The plugin's own share of that rebuild ≤ 10%": (
            False,
            "17%: 0.050 s of 0.290 s (the plain twin's rebuild 0.230 s)",
        ),
    }
    text = again.serve_text()
    assert "plain twin, its first page edited the same way: median 0.45 s" in text
    assert "`serve_watch: polling` (MkDocs' own watcher): median 0.80 s" in text
    assert "| plugin | 0.050 | 0.040 | 0.200 | 0.290 |" in text
    assert "| plain | 0.000 | 0.030 | 0.200 | 0.230 |" in text
