"""How large the generated pages grow: the largest HTML pages of large synthetic corpora.

A phone downloads and lays out a page whole, so a generated page should stay under
400 kB (issue 21): the glossary and the timeline are cut in parts when they would not.
This builds N = 1,000 sources (1,000 events) and a 5,000-term glossary (N = 200), and lists
each build's largest pages, marking those over the limit. Sizes, not times: it can run on
a busy machine.

    .venv/bin/python -m benchmarks.page_sizes [--work DIR] [--output benchmarks/page_sizes.md]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from . import synth
from .measure import BIN, ENV

LIMIT = 400_000  # bytes of a page's HTML, theme included
SHOWN = 12  # largest pages listed per build
CORPORA = {
    "N = 1,000 sources, 50 notes each, 1,000 events, 50 terms": synth.Spec(1000, 50, 50, 1000),
    "N = 200 sources, 50 notes each, 50 events, 5,000 terms": synth.Spec(200, 50, 5000, 50),
}


def _kind(path: str) -> str:
    """The part of the reader a page belongs to, by its address."""
    if "/" not in path:
        return "home and others"
    top = path.split("/", 1)[0]
    return {"sources": "sources", "glossary": "glossary", "timeline": "timeline"}.get(top, top)


def largest(site: Path) -> list[tuple[str, int]]:
    """Every HTML page of a built site, largest first (ties by path)."""
    pages = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in site.rglob("*.html")]
    return sorted(pages, key=lambda item: (-item[1], item[0]))


def _build(project: Path, site: Path) -> None:
    cmd = [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)]
    result = subprocess.run(cmd, cwd=project, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{result.stderr[-4000:]}")


def report(results: dict[str, list[tuple[str, int]]]) -> str:
    out = [
        "# Page sizes",
        "",
        "Written by `python -m benchmarks.page_sizes`; do not edit by hand. The largest HTML",
        f"pages (theme included) of each build; the limit is {LIMIT // 1000} kB a page.",
        "",
    ]
    for corpus, pages in results.items():
        over = [p for p in pages if p[1] > LIMIT]
        by_kind: dict[str, tuple[str, int]] = {}
        for path, size in pages:
            by_kind.setdefault(_kind(path), (path, size))
        out += [
            f"## {corpus}",
            "",
            f"{len(pages)} pages; {len(over)} over the limit"
            + (": " + ", ".join(f"`{p}`" for p, _ in over) if over else "")
            + ".",
            "",
            "| Page | kB | Within the limit |",
            "| --- | ---: | --- |",
        ]
        for path, size in pages[:SHOWN]:
            out.append(f"| `{path}` | {size / 1000:.0f} | {'yes' if size <= LIMIT else '**no**'} |")
        out += ["", "The largest page of each part of the reader:", ""]
        out += ["| Part | Page | kB |", "| --- | --- | ---: |"]
        for kind, (path, size) in sorted(by_kind.items()):
            out.append(f"| {kind} | `{path}` | {size / 1000:.0f} |")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: temp)")
    parser.add_argument("--output", type=Path, default=Path("benchmarks/page_sizes.md"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="page-sizes-") as scratch:
        work = args.work or Path(scratch)
        results = {}
        for i, (corpus, spec) in enumerate(CORPORA.items()):
            made = synth.generate(work / f"corpus-{i}", spec)
            _build(made.root, work / f"site-{i}")
            results[corpus] = largest(work / f"site-{i}")
            print(f"{corpus}: largest {results[corpus][0][0]} ({results[corpus][0][1]} bytes)")
    args.output.write_text(report(results), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
