"""Where a build's time goes: one in-process ``mkdocs build`` under cProfile.

Reports the share of each plugin event handler, then the library functions with the most
time of their own and the most time including callees. cProfile slows Python code about
twofold, so read the shares, not the seconds.

    .venv/bin/python -m benchmarks.profile_build PROJECT [--top 15]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import tempfile
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "annotated_reader"
# The rest of a build, for comparison: MkDocs' per-page steps and Material's search indexing.
OTHERS = {
    (
        "mkdocs/commands/build.py",
        "_populate_page",
    ): "MkDocs: each page's Markdown, then on_page_content",
    (
        "mkdocs/commands/build.py",
        "_build_page",
    ): "MkDocs: each page's theme template, search, write",
    ("material/plugins/search/plugin.py", "on_page_context"): "Material search: index each page",
}


@dataclass(frozen=True)
class Row:
    name: str
    calls: int
    own: float
    total: float


@dataclass(frozen=True)
class Profile:
    total: float
    hooks: list[Row]
    own: list[Row]
    cumulative: list[Row]
    others: list[Row]

    def markdown(self) -> str:
        def table(rows: list[Row]) -> list[str]:
            out = [
                "| Function | Calls | Own s | With callees s | Share of build |",
                "| --- | ---: | ---: | ---: | ---: |",
            ]
            out += [
                f"| {r.name if ' ' in r.name else f'`{r.name}`'} | {r.calls} | {r.own:.3f} | {r.total:.3f} | {r.total / self.total:.0%} |"
                for r in rows
            ]
            return out

        lines = [
            f"Profiled build: {self.total:.2f} s under cProfile.",
            "",
            "Plugin event handlers:",
            "",
        ]
        lines += table(self.hooks)
        lines += ["", "MkDocs and the theme, for comparison (these steps contain one another):", ""]
        lines += table(self.others)
        lines += ["", "Library functions with the most time of their own:", ""]
        lines += table(self.own)
        lines += ["", "Library functions with the most time including callees:", ""]
        lines += table(self.cumulative)
        return "\n".join(lines)


def _name(key: tuple[str, int, str]) -> str:
    path, line, func = key
    module = path.rsplit(PACKAGE + "/", 1)[-1] if PACKAGE in path else Path(path).name
    return f"{module}:{func}"


def profile(project: Path, top: int = 12) -> Profile:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    profiler = cProfile.Profile()
    cwd = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as site:
        os.chdir(project)
        try:
            profiler.enable()
            config = load_config(str(project / "mkdocs.yml"), site_dir=site)
            config.plugins.on_startup(command="build", dirty=False)
            build(config)
            config.plugins.on_shutdown()
            profiler.disable()
        finally:
            os.chdir(cwd)
    stats = pstats.Stats(profiler)
    raw = stats.stats  # type: ignore[attr-defined]
    total = max(ct for _cc, _nc, _tt, ct, _callers in raw.values())
    rows = [
        Row(_name(key), nc, tt, ct)
        for key, (_cc, nc, tt, ct, _callers) in raw.items()
        if f"/{PACKAGE}/" in key[0]
    ]
    # An event's handlers: ``on_<event>``, or ``_on_<event>_…`` when several share one event.
    hooks = sorted(
        (r for r in rows if r.name.startswith(("mkdocs/plugin.py:on_", "mkdocs/plugin.py:_on_"))),
        key=lambda r: -r.total,
    )
    own = sorted(rows, key=lambda r: -r.own)[:top]
    cumulative = sorted(
        (r for r in rows if not r.name.startswith("mkdocs/plugin.py:")), key=lambda r: -r.total
    )[:top]
    others = [
        Row(label, nc, tt, ct)
        for key, (_cc, nc, tt, ct, _callers) in raw.items()
        for (path, func), label in OTHERS.items()
        if key[0].endswith(path) and key[2] == func
    ]
    return Profile(total, hooks, own, cumulative, sorted(others, key=lambda r: -r.total))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("project", type=Path)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    print(profile(args.project.resolve(), args.top).markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
