"""``annotated-reader review``: a Markdown report of what changed between two revisions.

Each revision's ``annotations/`` and ``seeds/`` are copied out of git into a temporary
folder (the head defaults to the work tree, as it is on disk) and loaded with the same
loader as ``check`` and the site, which never raises: a revision whose data is broken is
reported with its errors at ``path:line``, and everything that did load is compared.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ..core.corpus import Paths
from .git import GitError, Revision, materialise, repository, resolve
from .report import render
from .snapshot import Snapshot, load_snapshot

WORK_TREE = "work tree"


def snapshot(paths: Paths, rev: Revision | None, scratch: Path) -> Snapshot:
    """Load ``rev`` (None: the work tree at ``paths.root``)."""
    if rev is None:
        return load_snapshot(paths, WORK_TREE)
    dest = scratch / rev.commit
    if not dest.is_dir():
        materialise(paths.root, rev, [paths.annotations, paths.seeds], dest)
    return load_snapshot(Paths(dest, paths.annotations, paths.seeds), rev.label)


def review(paths: Paths, base: str, head: str | None = None) -> str:
    """The report comparing ``base`` with ``head`` (None: the work tree); raises GitError."""
    repository(paths.root)
    base_rev = resolve(paths.root, base)
    head_rev = resolve(paths.root, head) if head is not None else None
    with tempfile.TemporaryDirectory(prefix="annotated-reader-review-") as tmp:
        scratch = Path(tmp)
        old = snapshot(paths, base_rev, scratch)
        new = snapshot(paths, head_rev, scratch)
    return render(old, new)


def cmd_review(args: argparse.Namespace) -> int:
    paths = Paths(Path(args.root).resolve(), args.annotations, args.seeds)
    try:
        report = review(paths, args.base, args.head)
    except GitError as exc:
        print(f"annotated-reader review: {exc}", file=sys.stderr)
        return 2
    if args.output and args.output != "-":
        Path(args.output).write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    return 0
