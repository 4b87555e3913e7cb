"""``make mutate``: mutation testing of the core modules, written to ``benchmarks/mutation.md``.

mutmut (pinned in tools/mutmut/requirements.txt) changes one operator, constant or call at a
time and runs the tests that reach the changed function; a mutant no test notices is a
regression a real change could make unnoticed. It runs in a scratch copy of the project,
``build/mutate/``, where the package sits at ``src/annotated_reader``: mutmut names a mutant
after the file's path (minus a leading ``src/``) and matches it against the module's import
name, so ``plugins/annotated_reader`` would never match. Only in-process tests count: a test
that runs ``annotated-reader`` or ``mkdocs`` in a subprocess runs the unmutated package.

    python -m benchmarks.mutation [--only GROUP ...] [--report-only] [--out FILE]

Every survivor is listed with its diff and the reason recorded for it in
``benchmarks/mutation_survivors.yml`` (why it is equivalent or harmless), or marked as having
none: that is a missing test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "mutate"
PACKAGE = Path("plugins/annotated_reader")
REASONS = ROOT / "benchmarks" / "mutation_survivors.yml"
MUTMUT = Path(sys.executable).parent / "mutmut"


# The modules the suite must guard best, by idea (issue 22), each with the fast in-process
# tests that exercise it (no browser, no whole build): mutmut runs all of them once, then,
# for each mutant, those that reached its function, so one slow test that reaches a
# function costs its time for every mutant of it.
@dataclass(frozen=True)
class Group:
    files: tuple[str, ...]
    tests: tuple[str, ...]


ANCHOR_TESTS = (
    "tests/core/test_anchor.py",
    "tests/core/test_anchor_stages.py",
    "tests/core/test_anchoring.py",
    "tests/core/test_bom_quote.py",
)
GROUPS: dict[str, Group] = {
    "dates": Group(
        ("core/vocabulary/dates.py",),
        (
            "tests/core/test_dates.py",
            "tests/timeline/test_timeline_dates.py::test_approximate_dates_stop_at_the_calendars_ends",
            "tests/timeline/test_timeline_dates.py::test_a_date_that_is_no_date_is_shown_as_written",
        ),
    ),
    "cross-references": Group(("core/xref.py",), ("tests/core/test_xref.py",)),
    "selector": Group(
        ("core/text/selector.py",),
        (
            "tests/core/test_selector.py",
            "tests/interchange/test_quote.py::test_the_context_is_the_shortest_that_picks_the_place",
            "tests/interchange/test_quote.py::test_a_passage_repeated_with_its_surroundings_gets_no_selector",
        ),
    ),
    "anchoring": Group(("core/text/anchoring.py",), ANCHOR_TESTS),
    "anchor": Group(("core/text/anchor.py",), ANCHOR_TESTS),
    "segmentation": Group(
        ("core/text/segment.py",),
        ("tests/core/test_segment.py",),
    ),
    "markup": Group(
        ("core/text/markup.py",),
        (
            "tests/core/test_markup.py",
            "tests/core/test_markup_fastpath.py",
            "tests/render/test_render_note.py",
        ),
    ),
    "search-view": Group(("render/search_view.py",), ("tests/render/test_search_document.py",)),
    "source-pages-and-notes": Group(
        ("render/views.py", "render/source_page.py"),
        (
            "tests/render/test_source_page_parts.py",
            "tests/render/test_render.py",
            "tests/render/test_render_note.py",
            "tests/render/test_search_document.py",
        ),
    ),
    "review-report": Group(
        ("review/report.py", "review/note.py", "review/md.py"),
        # Not tests/review/test_review.py: each of its tests builds a git repository (about
        # a second each), and mutmut runs a mutant's tests in no set order, so a mutant that
        # only the fast render tests kill waited for all of them (three hours for the group).
        # The render tests check on snapshots on disk what it checks through git.
        (
            "tests/review/test_review_render.py",
            "tests/review/test_review_md.py",
            "tests/review/test_review_snapshot.py",
        ),
    ),
}
# Copied beside the package and the tests: what the tests read from the project's root.
PROJECT_FILES = (
    "annotations",
    "seeds",
    "docs",
    "schemas",
    "tools",
    ".github",
    "mkdocs.yml",
    "mkdocs.offline.yml",
    "README.md",
    "CONTRIBUTING.md",
    "Makefile",
)
STATUS = {
    1: "killed",
    3: "killed",
    0: "survived",
    5: "no tests",
    33: "no tests",
    34: "skipped",
    36: "timeout",
    24: "timeout",
    -24: "timeout",
    152: "timeout",
    255: "timeout",
    37: "caught by type check",
}


@dataclass(frozen=True)
class Mutant:
    name: str
    file: str
    status: str
    work: Path


def _work(group: str) -> Path:
    """The group's scratch project: build/mutate/<group>/."""
    return WORK / group.replace(" ", "-")


def _config(group: Group) -> str:
    """The scratch project's pyproject.toml: the tests' pytest settings and mutmut's."""

    def toml_list(items: list[str] | tuple[str, ...]) -> str:
        return "[" + ", ".join(json.dumps(i) for i in items) + "]"

    return "\n".join(
        [
            "[tool.pytest.ini_options]",
            'pythonpath = ["tests"]',
            "",
            "[tool.mutmut]",
            'source_paths = ["src/annotated_reader"]',
            f"only_mutate = {toml_list(['src/annotated_reader/' + f for f in group.files])}",
            f"also_copy = {toml_list(PROJECT_FILES)}",
            f"pytest_add_cli_args_test_selection = {toml_list(group.tests)}",
            'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]',
            "use_git_change_detection = false",
            "",
        ]
    )


def prepare(group: str) -> Path:
    """A fresh scratch project: the package under src/, the tests and the project's data."""
    work = _work(group)
    shutil.rmtree(work, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / PACKAGE, work / "src" / "annotated_reader", ignore=ignore)
    shutil.copytree(ROOT / "tests", work / "tests", ignore=ignore)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, work / name)
    (work / "pyproject.toml").write_text(_config(GROUPS[group]), encoding="utf-8")
    return work


def run(work: Path) -> None:
    """mutmut with one worker at the lowest priority: the machine is shared."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    subprocess.run(
        ["nice", "-n", "19", str(MUTMUT), "run", "--max-children", "1"],
        cwd=work,
        env=env,
        check=False,
        stdout=subprocess.DEVNULL,
    )


def mutants(work: Path) -> list[Mutant]:
    """Every mutant with its outcome, read from mutmut's record beside each mutated file."""
    found = []
    package = work / "mutants" / "src" / "annotated_reader"
    for meta in sorted(package.rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        file = meta.relative_to(package).as_posix()[: -len(".meta")]
        for name, code in sorted(data.get("exit_code_by_key", {}).items()):
            status = "not checked" if code is None else STATUS.get(code, "suspicious")
            found.append(Mutant(name, file, status, work))
    return found


def diff(m: Mutant) -> str:
    shown = subprocess.run(
        [str(MUTMUT), "show", m.name], cwd=m.work, capture_output=True, text=True, check=False
    )
    lines = shown.stdout.splitlines()
    return "\n".join(ln for ln in lines[1:] if not ln.startswith(("---", "+++"))).strip()


def _line(m: Mutant, shown: str) -> str:
    """file:line of a mutant's first changed line. mutmut diffs the function alone, so its
    hunk counts lines from the function's ``def``, found in the original file by name."""
    source = (ROOT / PACKAGE / m.file).read_text(encoding="utf-8").splitlines()
    where = f"{(PACKAGE / m.file).as_posix()}:"
    hunk = re.search(r"^@@ -(\d+)", shown, re.M)
    name = m.name.partition("__mutmut_")[0].rpartition(".")[2]
    name = name[2:] if name.startswith("x_") else name.rpartition("ǁ")[2]
    defs = [
        i for i, ln in enumerate(source) if re.match(rf"\s*(async )?def {re.escape(name)}\(", ln)
    ]
    if hunk is None or len(defs) != 1:
        return where + "?"
    line = defs[0] + int(hunk.group(1))
    for text in shown[hunk.end() :].splitlines()[1:]:
        if text.startswith("-"):
            return where + str(line)
        if not text.startswith("+"):
            line += 1
    return where + "?"


def report(out: Path) -> bool:
    """benchmarks/mutation.md from every group's last run; True when each file scores ≥ 85 %."""
    reasons: dict[str, str] = {}
    if REASONS.exists():
        reasons = yaml.safe_load(REASONS.read_text(encoding="utf-8")) or {}
    lines = [
        "# Mutation testing",
        "",
        "Written by `make mutate` (`python -m benchmarks.mutation`: mutmut 3.8.1, one worker,",
        "each group of modules with the test files named in `benchmarks/mutation.py`).",
        "A mutant is *killed* when a test fails (or times out) with it; *survived* when every",
        "test that reaches its function passes; *no tests* when no in-process test reaches it.",
        "Score = (killed + timed out) / mutants run (*Not run*: the run was stopped before them;",
        "such a module is not yet measured). Every survivor is listed with its diff and",
        "why it is equivalent or harmless (`benchmarks/mutation_survivors.yml`).",
        "",
        "| Module | Group | Mutants | Killed | Survived | No tests | Timed out | Not run | Score |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    ok = True
    survivors: list[Mutant] = []
    for group, spec in GROUPS.items():
        found = mutants(_work(group))
        for file in spec.files:
            mine = [m for m in found if m.file == file]
            if not mine:
                lines.append(f"| `{file}` | {group} | not run | | | | | | |")
                ok = False
                continue
            count = Counter(m.status for m in mine)
            caught = count["killed"] + count["timeout"] + count["caught by type check"]
            checked = len(mine) - count["not checked"]
            score = 100 * caught / checked if checked else 0.0
            ok = ok and score >= 85 and not count["not checked"]
            partial = f" of {checked} run" if count["not checked"] else ""
            lines.append(
                f"| `{file}` | {group} | {len(mine)} | {count['killed']} | {count['survived']} "
                f"| {count['no tests']} | {count['timeout']} | {count['not checked']} "
                f"| {score:.1f} %{partial} |"
            )
            survivors += [
                m
                for m in mine
                if m.status not in ("killed", "timeout", "caught by type check", "not checked")
            ]
    lines += ["", "## Surviving mutants", ""]
    if not survivors:
        lines.append("None.")
    for m in survivors:
        reason = reasons.get(m.name, "**No reason recorded: a missing test.**")
        shown = diff(m)
        lines += [
            f"### `{m.name}` ({m.status})",
            "",
            f"`{_line(m, shown)}` — {reason}",
            "",
            "```diff",
            shown,
            "```",
            "",
        ]
    out.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", choices=list(GROUPS), help="run these groups only")
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite the report from the last runs"
    )
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "mutation.md"))
    args = parser.parse_args(argv)
    if not args.report_only:
        for group in args.only or GROUPS:
            print(f"mutating {group} …", flush=True)
            run(prepare(group))
    ok = report(Path(args.out))
    print(f"wrote {args.out}; {'every module' if ok else 'NOT every module'} at 85 % or more")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
