"""Build benchmark: the real site against plain mkdocs-material, corpus and glossary scaling.

    .venv/bin/python -m benchmarks.bench            # full run (what `make bench` runs)
    .venv/bin/python -m benchmarks.bench --quick    # fewer rounds, smaller sweep
    .venv/bin/python -m benchmarks.bench --smoke    # smallest configuration (the test's)

Every build is a separate ``mkdocs build`` process; the builds of one configuration and its
plain twin alternate round by round. Results go to stdout and to ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import synth
from .charts import write_charts
from .measure import ENV, Sample, Series, build, interleaved
from .project import ROOT, plain_project, real_project, real_texts
from .report import load
from .results import Results, ScaledRow, SizeRow, TermRow

HERE = Path(__file__).resolve().parent
NOTES_PER_SOURCE = 50
BASE_TERMS = 50
EVENTS = 50


@dataclass(frozen=True)
class Plan:
    name: str
    seed_rounds: int
    rounds: dict[int, int]  # N sources → rounds
    terms: tuple[int, ...]
    glossary_n: int  # corpus size of the glossary sweep
    glossary_rounds: int
    nav_cut_from: int  # time the one-entry-navigation plain twin from this N on
    serve_edits: int
    profile_n: int | None
    scaled_events: tuple[int, ...] = ()  # N with E = N events (about ten passages per event)


PLANS = {
    "full": Plan(
        "full", 7, {5: 9, 50: 9, 200: 5, 1000: 2}, (50, 500, 5000), 200, 5, 200, 9, 200, (1000,)
    ),
    "quick": Plan("quick", 3, {5: 3, 50: 3, 200: 2}, (50, 500), 50, 2, 200, 2, 50),
    "smoke": Plan("smoke", 1, {5: 1}, (50,), 5, 1, 10**9, 0, 5),
}


def say(text: str) -> None:
    print(text, flush=True)


def _runner(project: Path, strict: bool) -> Callable[[], Sample]:
    return lambda: build(project, strict=strict)


def _edited_runner(project: Path, strict: bool) -> Callable[[], Sample]:
    """Builds of a copy of ``project``, each after an edit of its first note's body (a new
    word each time), as an editor makes them: the site kept whole in the cache misses, the
    results kept for every other file are reused. The builds of ``project`` itself change
    nothing, and replay the kept site."""
    from .serve import edit_of

    build(project, strict=strict)  # warm: the copy starts with this build's cache, and so do
    copy = project.with_name(project.name + "-edited")  # the measured builds of ``project``
    shutil.rmtree(copy, ignore_errors=True)
    # Only the built site is left out: ``ignore_patterns("site")`` also left out the cache's
    # ``site/`` folder (the site kept whole), so each edited series began without it.
    shutil.copytree(
        project, copy, ignore=lambda folder, _names: ["site"] * (folder == str(project))
    )
    edit, count = edit_of(copy), itertools.count()

    def run() -> Sample:
        edit.path.write_text(edit.text(f"Edited{next(count)}"), encoding="utf-8")
        return build(copy, strict=strict)

    return run


def seed_site(work: Path, rounds: int) -> dict[str, Series]:
    project = real_project(work / "real")
    plain = plain_project(work / "real-plain", real_texts(), ROOT / "docs", "Plain twin")
    # Not strict: this measures time, and the editorial data may carry warnings mid-edit.
    builds = {
        "plugin": _runner(project, False),
        "plain": _runner(plain, False),
        "plugin-edited": _edited_runner(project, False),
    }
    out = interleaved(builds, rounds)
    for r, (a, b, c) in enumerate(
        zip(out["plugin"].times, out["plain"].times, out["plugin-edited"].times, strict=True), 1
    ):
        say(
            f"  seed site, round {r}: plugin {a:.2f} s, plain {b:.2f} s, ratio {a / b:.2f}; "
            f"a note edited first {c:.2f} s"
        )
    # A first build on a machine: no compiled templates kept yet (the plugin's cache option).
    out["plugin-cold"] = interleaved({"plugin": _cold_runner(project)}, max(1, rounds // 2))[
        "plugin"
    ]
    say(f"  seed site, cache emptied before each build: {out['plugin-cold'].spread()} s")
    return out


def _cold_runner(project: Path) -> Callable[[], Sample]:
    def run() -> Sample:
        shutil.rmtree(project / ".cache", ignore_errors=True)
        return build(project, strict=False)

    return run


def byte_compile() -> None:
    """Compile the plugin's modules, as pip does when it installs a package: the plain
    twin's MkDocs and Material are compiled, and an editable install is not."""
    compileall.compile_dir(str(ROOT / "plugins"), quiet=1)


def seed_split(work: Path, rounds: int) -> dict[str, dict[str, list[float]]]:
    """In-process part times of the seed site and its plain twin, one fresh process each."""
    projects = {"plugin": work / "real", "plain": work / "real-plain"}
    out: dict[str, dict[str, list[float]]] = {"plugin": {}, "plain": {}}
    for r in range(rounds):
        for name in list(projects)[r % 2 :] + list(projects)[: r % 2]:
            proc = subprocess.run(
                [sys.executable, "-m", "benchmarks.split", str(projects[name])],
                cwd=ROOT,
                env=ENV,
                capture_output=True,
                text=True,
                check=True,
            )
            for part, seconds in json.loads(proc.stdout.splitlines()[-1]).items():
                out[name].setdefault(part, []).append(seconds)
    say(
        "  seed site split: plugin's own code "
        f"{statistics.median(out['plugin']['plugin']):.2f} s, search "
        f"{statistics.median(out['plugin']['search']):.2f} s (plain "
        f"{statistics.median(out['plain']['search']):.2f} s)"
    )
    return out


def serve_loop(
    work: Path, edits: int
) -> tuple[Series, Series, Series, dict[str, list[dict[str, float]]]]:
    """``mkdocs serve`` of the seed site (hearing saves through the system's file events, and
    polling as MkDocs does) and of its plain twin, each edited ``edits`` times, and the parts
    of the same rebuilds made in one process (the plugin's share)."""
    from .serve import serve_rebuilds

    plain_texts = real_texts()
    served = serve_rebuilds(real_project(work / "serve"), edits)
    say(f"  serve: edit a note → page updated {served.spread()} s")
    polled = real_project(work / "serve-polled")
    config = polled / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "  - annotated-reader\n" not in text:
        raise SystemExit("mkdocs.yml: the plugin's line is not '  - annotated-reader'")
    config.write_text(
        text.replace(
            "  - annotated-reader\n", "  - annotated-reader:\n      serve_watch: polling\n"
        ),
        encoding="utf-8",
    )
    served_polled = serve_rebuilds(polled, edits)
    say(f"  serve, polled as MkDocs does: edit a note → page updated {served_polled.spread()} s")
    plain = plain_project(work / "serve-plain", plain_texts, ROOT / "docs", "Plain twin")
    served_plain = serve_rebuilds(plain, edits)
    say(f"  serve, plain twin: edit a page → page updated {served_plain.spread()} s")
    parts: dict[str, list[dict[str, float]]] = {}
    for name, project in (("plugin", real_project(work / "serve")), ("plain", plain)):
        proc = subprocess.run(
            [sys.executable, "-m", "benchmarks.split", str(project), "--rebuilds", str(3 * edits)],
            cwd=ROOT,
            env=ENV,
            capture_output=True,
            text=True,
            check=True,
        )
        parts[name] = json.loads(proc.stdout.splitlines()[-1])
    share = statistics.median(r["plugin"] / r["total"] for r in parts["plugin"])
    say(f"  serve rebuilds in one process: the plugin's share {share:.0%}")
    return served, served_plain, served_polled, parts


def corpus_size(work: Path, n: int, rounds: int, nav_cut: bool) -> SizeRow:
    made = synth.generate(work / f"n{n}", synth.Spec(n, NOTES_PER_SOURCE, BASE_TERMS, EVENTS))
    docs = made.root / "docs"
    builds = {
        "plugin": _runner(made.root, True),
        "edited": _edited_runner(made.root, True),
        "plain": _runner(
            plain_project(work / f"n{n}-plain", made.texts, docs, "Plain twin"), False
        ),
    }
    if nav_cut:
        cut = plain_project(
            work / f"n{n}-plain-cut", made.texts, docs, "Plain twin", one_entry_nav=True
        )
        builds["cut"] = _runner(cut, False)
    out = interleaved(builds, rounds)
    row = SizeRow(n, made.annotations, out["plugin"], out["plain"], out.get("cut"), out["edited"])
    say(
        f"  N = {n}: plugin {row.plugin.spread()} s, a note edited first {row.edited.spread()} s, "
        f"plain {row.plain.spread()} s"
        + (f", plain one-entry nav {row.plain_cut.spread()} s" if row.plain_cut else "")
    )
    return row


def glossary_size(work: Path, terms: int, n: int, rounds: int, sizes: list[SizeRow]) -> TermRow:
    spec = synth.Spec(n, NOTES_PER_SOURCE, terms, EVENTS)
    made = synth.generate(work / f"t{terms}", spec)
    reuse = next((r for r in sizes if r.n == n), None) if terms == BASE_TERMS else None
    if reuse is not None and reuse.edited is not None:
        series, edited = reuse.plugin, reuse.edited
    else:
        builds = {
            "plugin": _runner(made.root, True),
            "edited": _edited_runner(made.root, True),
        }
        out = interleaved(builds, rounds)
        series, edited = out["plugin"], out["edited"]
    # First builds, last: emptying the cache would make the warm builds above cold.
    cold = interleaved({"cold": _cold_runner(made.root)}, max(1, rounds // 2))["cold"]
    say(
        f"  T = {terms} (N = {n}): plugin {series.spread()} s, a note edited first "
        f"{edited.spread()} s, cache emptied first {cold.spread()} s"
    )
    return TermRow(terms, made.aliases, n, series, edited, cold)


def _figures(results: Results, folder: Path) -> list[tuple[str, str]]:
    """Draw the charts beside the report; (file, title) of each, for it to link."""
    return [(c.file, c.title) for c in write_charts(results, folder)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="fewer rounds, N up to 200, T up to 500")
    mode.add_argument(
        "--smoke", action="store_true", help="one round of the smallest configuration"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    parser.add_argument(
        "--work", type=Path, default=HERE / "scratch", help="scratch folder (replaced)"
    )
    parser.add_argument("--no-serve", action="store_true")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument(
        "--rewrite",
        action="store_true",
        help="only rewrite --out and the charts from the last run's results.json beside it "
        "(after editing analysis.md)",
    )
    args = parser.parse_args(argv)
    saved = args.out.with_name("results.json")  # the raw results, beside the report
    if args.rewrite:
        loaded = Results.load(saved)
        say(loaded.write(args.out, HERE / "analysis.md", _figures(loaded, args.out.parent)))
        return 0
    plan = PLANS["smoke" if args.smoke else "quick" if args.quick else "full"]
    if args.work.exists():
        shutil.rmtree(args.work)
    args.work.mkdir(parents=True)
    results = Results(plan.name, load_before=load())
    started = time.perf_counter()
    say(f"Benchmark ({plan.name}); work folder {args.work}")
    byte_compile()
    results.seed = seed_site(args.work, plan.seed_rounds)
    results.split = seed_split(args.work, plan.seed_rounds)
    for n, rounds in plan.rounds.items():
        results.sizes.append(corpus_size(args.work, n, rounds, n >= plan.nav_cut_from))
    for n in plan.scaled_events:
        made = synth.generate(
            args.work / f"n{n}-e{n}", synth.Spec(n, NOTES_PER_SOURCE, BASE_TERMS, n)
        )
        series = interleaved({"plugin": _runner(made.root, True)}, 1)["plugin"]
        results.scaled.append(ScaledRow(n, n, made.annotations, series))
        say(f"  N = {n}, E = {n}: plugin {series.spread()} s")
    for terms in plan.terms:
        results.terms.append(
            glossary_size(args.work, terms, plan.glossary_n, plan.glossary_rounds, results.sizes)
        )
    if plan.serve_edits and not args.no_serve:
        results.serve, results.serve_plain, results.serve_polled, results.rebuilds = serve_loop(
            args.work, plan.serve_edits
        )
    if plan.profile_n is not None and not args.no_profile:
        from .profile_build import profile

        project = args.work / f"n{plan.profile_n}"
        if not project.is_dir():
            synth.generate(
                project, synth.Spec(plan.profile_n, NOTES_PER_SOURCE, BASE_TERMS, EVENTS)
            )
        results.profile = (
            f"Synthetic site, N = {plan.profile_n}, A = 50, T = 50.\n\n"
            + profile(project, top=10).markdown()
        )
    results.load_after = load()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    results.save(saved)
    text = results.write(args.out, HERE / "analysis.md", _figures(results, args.out.parent))
    say("")
    say(text)
    say(f"Wrote {args.out} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
