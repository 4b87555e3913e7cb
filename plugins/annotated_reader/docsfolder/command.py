"""``annotated-reader render OUT``: the generated site as documentation files.

Reads the project's settings from its ``mkdocs.yml`` (the plugin's options, the site's
address), loads and checks the corpus as the MkDocs build does, prints every problem as
``path:line:col: severity: [code] message`` and writes the folder. Exit status: 0 written,
1 problems (errors; warnings too with ``--strict``: then nothing is written), 2 bad usage.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from ..assembly import load_corpus
from ..core.problems import Problems
from ..core.urls import SiteUrls
from ..render.generated import GeneratedSite
from .project import Project, ProjectError
from .write import LINKS, write_docs


def load(config: Path) -> tuple[Project, GeneratedSite, Problems]:
    """The project of ``config`` and its generated site, with the corpus's problems."""
    project = Project.read(config)
    corpus, problems = load_corpus(project.paths, project.options)
    site = GeneratedSite(
        corpus, SiteUrls(project.options.directory_urls), search_view=project.search_view
    )
    return project, site, problems


def report(problems: Problems, strict: bool) -> bool:
    """Print every problem (stderr); True when they fail the run."""
    for problem in problems.sorted():
        print(problem, file=sys.stderr)
    return bool(problems.errors or (strict and problems.warnings))


def cmd_render(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        print(
            f"annotated-reader: '{args.out}' exists and is not an empty folder; "
            "remove it or name another",
            file=sys.stderr,
        )
        return 2
    try:
        project, site, problems = load(Path(args.config))
    except ProjectError as exc:
        print(exc, file=sys.stderr)
        return 1
    if report(problems, args.strict) and args.strict:
        return 1
    docs = None if args.no_docs else project.docs_dir
    refused = write_docs(site, out, project.paths, docs, args.links, project.pool_workers(site))
    for note in site.save_cache():
        print(f"annotated-reader: {note}", file=sys.stderr)
    if report(refused, args.strict):
        if args.strict:  # a link checked as its page was written: take back what was
            shutil.rmtree(out, ignore_errors=True)
        return 1
    return 1 if problems.errors else 0


def add_parser(sub: Any) -> None:
    render = sub.add_parser(
        "render",
        help="write the generated site (and docs/) as documentation files any generator builds",
    )
    render.add_argument("out", help="folder to write (must not exist, or be empty)")
    render.add_argument("--config", "-f", default="mkdocs.yml", help="the project's mkdocs.yml")
    render.add_argument(
        "--strict", action="store_true", help="fail (write nothing) on warnings too"
    )
    render.add_argument(
        "--no-docs", action="store_true", help="write only the generated files, not docs/"
    )
    render.add_argument(
        "--links",
        choices=LINKS,
        default="file",
        help="write a page's links relative to its Markdown file (default: for generators "
        "that rewrite them, as Zensical does) or to its published address (for those that "
        "leave raw HTML alone)",
    )
    render.set_defaults(func=cmd_render)
