"""``annotated-reader refs``: the references survey, printed; exit 1 where a rule is broken."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..assembly import load_corpus
from ..core.corpus import Paths
from .report import format_report, survey


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    refs = sub.add_parser(
        "refs",
        help="per source and overall: references by domain and kind, and fact-checks resting "
        "on one reference or on an encyclopaedia alone",
    )
    refs.add_argument("--root", default=".", help="project folder")
    refs.add_argument("--annotations", default="annotations", help="editorial data folder")
    refs.add_argument("--seeds", default="seeds", help="source texts folder")
    refs.add_argument(
        "--max-encyclopaedia-only",
        type=float,
        default=None,
        metavar="PCT",
        help="exit 1 when more than PCT%% of fact-checks rest on an encyclopaedia alone, or "
        "any reference is to an aggregator or pirate site",
    )
    refs.set_defaults(func=cmd_refs)


def cmd_refs(args: argparse.Namespace) -> int:
    paths = Paths(Path(args.root).resolve(), args.annotations, args.seeds)
    corpus, problems = load_corpus(paths)
    per_source, overall = survey(corpus.sources)
    sys.stdout.write(format_report(per_source, overall))
    for p in problems.sorted():
        print(p, file=sys.stderr)
    failing = bool(problems.errors)
    limit = args.max_encyclopaedia_only
    if limit is not None:
        share = 100 * len(overall.encyclopaedia_only) / max(overall.fact_checks, 1)
        if share > limit:
            print(
                f"{share:.1f}% of fact-checks rest on an encyclopaedia alone (limit {limit:g}%)",
                file=sys.stderr,
            )
            failing = True
        if overall.weak:
            print(
                f"{len(overall.weak)} reference(s) to aggregators or pirate sites", file=sys.stderr
            )
            failing = True
    return 1 if failing else 0
