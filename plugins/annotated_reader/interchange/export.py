"""``annotated-reader export --format w3c [--source ID]``: the notes as W3C Web Annotations.

With ``--source``, the same document the site publishes at ``sources/<id>/annotations.jsonld``
(byte for byte, given the same ``--site-url``); without, a JSON-LD array of every source's
collection, its relative addresses written as from the site's root.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..assembly import load_corpus
from ..core.corpus import Options, Paths
from ..core.fields import suggest
from ..core.urls import SiteUrls
from ..webannotation.export import collection, dumps

FORMATS = ("w3c",)


def cmd_export(args: argparse.Namespace) -> int:
    paths = Paths(Path(args.root).resolve(), args.annotations, args.seeds)
    corpus, problems = load_corpus(paths)
    for p in problems.sorted():
        print(p, file=sys.stderr)
    urls = SiteUrls(directory_urls=not args.no_directory_urls)
    if args.source is not None:
        source = corpus.source(args.source)
        if source is None:
            ids = [s.id for s in corpus.sources]
            print(
                f"annotated-reader export: no source '{args.source}'{suggest(args.source, ids)}; "
                f"the sources are: {', '.join(ids) or 'none'}",
                file=sys.stderr,
            )
            return 1
        data: object = collection(corpus, source, urls, args.site_url, args.site_name)
    else:
        data = [
            collection(corpus, s, urls, args.site_url, args.site_name, at="annotations.jsonld")
            for s in corpus.sources
        ]
    text = dumps(data)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 1 if problems.errors else 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser(
        "export",
        help="write the notes as W3C Web Annotations (JSON-LD), as the site publishes them",
    )
    export.add_argument("--format", choices=FORMATS, required=True, help="w3c: Web Annotation")
    export.add_argument("--source", metavar="SOURCE-ID", help="one source (default: every one)")
    export.add_argument(
        "--site-url", default="", help="the site's address, for absolute ids (default: relative)"
    )
    export.add_argument(
        "--site-name",
        default=Options().site_name,
        help="the editors, named as the creator (MkDocs' site_name)",
    )
    export.add_argument(
        "--no-directory-urls",
        action="store_true",
        help="page addresses as sources/<id>.html (MkDocs' use_directory_urls: false)",
    )
    export.add_argument("--output", "-o", default="-", help="file to write (default: stdout)")
    export.add_argument("--root", default=".", help="project folder")
    export.add_argument("--annotations", default="annotations", help="editorial data folder")
    export.add_argument("--seeds", default="seeds", help="source texts folder")
    export.set_defaults(func=cmd_export)
