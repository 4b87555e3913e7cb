"""What the interchange commands share: the project's folders as options, loading its
corpus, and finding the source a command names."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..assembly import load_corpus
from ..core.corpus import Corpus, Paths
from ..core.fields import suggest
from ..core.model import Source
from ..core.problems import Problems


def add_project_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root", default=".", help="project folder (holding annotations/ and seeds/)"
    )
    parser.add_argument("--annotations", default="annotations", help="editorial data folder")
    parser.add_argument("--seeds", default="seeds", help="source texts folder")


def load(args: argparse.Namespace) -> tuple[Corpus, Problems]:
    return load_corpus(Paths(Path(args.root).resolve(), args.annotations, args.seeds))


def named_source(corpus: Corpus, ident: str, command: str) -> Source | None:
    """The source ``ident``; None, said on stderr with the known ids, when there is none."""
    source = corpus.source(ident)
    if source is None:
        ids = [s.id for s in corpus.sources]
        print(
            f"annotated-reader {command}: no source '{ident}'{suggest(ident, ids)}; the sources "
            f"are: {', '.join(ids) or 'none'} (run `annotated-reader check` if a source file "
            "does not load)",
            file=sys.stderr,
        )
    return source
