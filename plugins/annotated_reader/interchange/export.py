"""``annotated-reader export --format w3c [--source ID]``: the notes as W3C Web Annotations.

With ``--source``, the same document the site publishes at ``sources/<id>/annotations.jsonld``
(byte for byte, given the same ``--site-url``); without, a JSON-LD array of every source's
collection, its relative addresses written as from the site's root.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.corpus import Options
from ..core.urls import SiteUrls
from ..webannotation.export import collection, dumps
from .project import add_project_options, load, named_source

FORMATS = ("w3c",)


def cmd_export(args: argparse.Namespace) -> int:
    corpus, problems = load(args)
    for p in problems.sorted():
        print(p, file=sys.stderr)
    urls = SiteUrls(directory_urls=not args.no_directory_urls)
    if args.source is not None:
        source = named_source(corpus, args.source, "export")
        if source is None:
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
    add_project_options(export)
    export.set_defaults(func=cmd_export)
