"""The ``annotated-reader`` command: validate editorial data, review a change, write schemas,
start a project (``init``) and add a text to it (``add-source``).

Exit status: 0 clean, 1 problems found (errors; warnings too with ``--strict``; stale
schemas with ``schema --check``), 2 bad usage or a failing git command.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from .assembly import load_corpus
from .core.corpus import Options, Paths
from .core.problems import Problem, Severity, shown
from .docsfolder.command import add_parser as add_render
from .docsfolder.project import Project, ProjectError
from .interchange import export, hypothesis, quote
from .refs.command import add_parser as add_refs_parser
from .render.templates import template_failure
from .review.command import cmd_review
from .scaffold import add_source as scaffold_add_source
from .scaffold import project as scaffold_project
from .zensical.command import add_parser as add_zensical


def _github_command(problem: Problem) -> str:
    """A workflow command annotating the problem's line on the pull request: its message
    escaped as the runner unescapes data, its file as it unescapes a property (a file name
    is the editor's, and a ',' or '::' in it would end the property early)."""
    level = "error" if problem.severity is Severity.ERROR else "warning"
    loc = problem.location
    message = _command_data(f"[{problem.code}] {shown(problem.message)}")
    path = _command_data(shown(loc.path)).replace(":", "%3A").replace(",", "%2C")
    return f"::{level} file={path},line={loc.line or 1},col={loc.col or 1}::{message}"


def _command_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _settings(args: argparse.Namespace) -> tuple[Paths, Options]:
    """The folders and options the site's ``mkdocs.yml`` gives the plugin (its
    ``annotations_dir``, ``seeds_dir``, ``templates_dir``…), so that ``check`` reports what
    the build does; ``--annotations`` and ``--seeds`` win. Nothing is kept in the cache."""
    root = Path(args.root).resolve()
    config = root / "mkdocs.yml"
    if not config.is_file():
        return Paths(root, args.annotations or "annotations", args.seeds or "seeds"), Options()
    project = Project.read(config, lenient=True)
    paths = Paths(
        root,
        args.annotations or project.paths.annotations,
        args.seeds or project.paths.seeds,
    )
    return paths, replace(project.options, cache_dir=None)


def cmd_check(args: argparse.Namespace) -> int:
    try:
        paths, options = _settings(args)
    except ProjectError as exc:
        print(exc, file=sys.stderr)
        return 2
    _, problems = load_corpus(paths, options)
    items = problems.sorted()
    if args.format == "json":
        json.dump(
            [
                {
                    "path": shown(p.location.path),
                    "line": p.location.line,
                    "col": p.location.col,
                    "severity": p.severity.value,
                    "code": p.code,
                    "message": shown(p.message),
                }
                for p in items
            ],
            sys.stdout,
            indent=2,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")
    else:
        for p in items:
            print(p)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            for p in items:
                print(_github_command(p))
        errors, warnings = len(problems.errors), len(problems.warnings)
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    failing = problems.errors or (args.strict and problems.warnings)
    return 1 if failing else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="annotated-reader", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser(
        "check", help="validate all editorial data; report path:line:col problems"
    )
    check.add_argument(
        "--root", default=".", help="project folder (holding annotations/ and seeds/)"
    )
    check.add_argument(
        "--annotations", help="editorial data folder (default: mkdocs.yml's, else annotations)"
    )
    check.add_argument("--seeds", help="source texts folder (default: mkdocs.yml's, else seeds)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.set_defaults(func=cmd_check)

    review = sub.add_parser(
        "review", help="write a Markdown report of what changed between two git revisions"
    )
    review.add_argument("--base", required=True, help="revision to compare with, e.g. origin/main")
    review.add_argument("--head", help="revision to review (default: the work tree on disk)")
    review.add_argument("--output", "-o", default="-", help="report file (default: stdout)")
    review.add_argument("--root", default=".", help="project folder (holding annotations/)")
    review.add_argument("--annotations", default="annotations", help="editorial data folder")
    review.add_argument("--seeds", default="seeds", help="source texts folder")
    review.set_defaults(func=cmd_review)

    schema = sub.add_parser(
        "schema", help="write the editors' JSON Schemas (schemas/*.schema.json) from the loader"
    )
    schema.add_argument("--root", default=".", help="project folder")
    schema.add_argument("--out", default="schemas", help="folder of the schema files")
    schema.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when a file is out of date"
    )
    schema.set_defaults(func=cmd_schema)

    coverage = sub.add_parser(
        "coverage",
        help="per source, the sentences holding a date, number or quotation, how many carry a "
        "note, and the dated ones without an event",
    )
    coverage.add_argument("--root", default=".", help="project folder")
    coverage.add_argument("--annotations", default="annotations", help="editorial data folder")
    coverage.add_argument("--seeds", default="seeds", help="source texts folder")
    coverage.add_argument(
        "--min", type=float, default=90.0, help="exit 1 when a source is below this percentage"
    )
    coverage.add_argument(
        "--verbose", action="store_true", help="also list the sentences that need no note, and why"
    )
    coverage.set_defaults(func=cmd_coverage)
    scaffold_project.add_parser(sub)
    scaffold_add_source.add_parser(sub)
    quote.add_parser(sub)
    export.add_parser(sub)
    hypothesis.add_parser(sub)
    add_render(sub)
    add_zensical(sub)
    add_refs_parser(sub)
    return parser


def cmd_coverage(args: argparse.Namespace) -> int:
    from .coverage.feature import Coverage, format_report

    paths = Paths(Path(args.root).resolve(), args.annotations, args.seeds)
    corpus, problems = load_corpus(paths)
    feature = corpus.feature("coverage")
    assert isinstance(feature, Coverage)
    print(format_report(feature.report, corpus, verbose=args.verbose))
    for p in problems.sorted():
        print(p, file=sys.stderr)
    below = [c.source_id for c in feature.report if min(c.ratio, c.events_ratio) * 100 < args.min]
    if below:
        print(f"below {args.min:g}%: {', '.join(below)}", file=sys.stderr)
    return 1 if below or problems.errors else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import build as schema

    folder = Path(args.root).resolve() / args.out
    if args.check:
        stale = schema.stale(folder)
        for name in stale:
            print(
                f"{args.out}/{name}: out of date with the loader; run `annotated-reader schema` "
                "and commit the result",
                file=sys.stderr,
            )
        return 1 if stale else 0
    for name in schema.write(folder):
        print(f"wrote {args.out}/{name}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except OSError as exc:
        print(f"annotated-reader: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        config = getattr(args, "config", None)  # render and zensical name mkdocs.yml
        base = Path(config).resolve().parent if config else Path(getattr(args, "root", "."))
        failure = template_failure(exc, base.resolve())
        if failure is None:
            raise
        print(failure, file=sys.stderr)  # a site's template, which the build stops at too
        return 1


if __name__ == "__main__":
    sys.exit(main())
