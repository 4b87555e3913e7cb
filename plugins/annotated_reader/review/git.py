"""Materialise the editorial data of one git revision into a folder, read-only on the repo.

``git archive`` copies exactly the committed tree of the folders asked for; nothing in the
work tree, index or refs changes. Every git failure becomes a :class:`GitError` whose
message an editor can act on (the command line turns it into exit status 2).
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


class GitError(Exception):
    """A git command failed; the message says which and why."""


@dataclass(frozen=True)
class Revision:
    """A resolved revision: what the user typed and the commit it names."""

    name: str
    commit: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.commit[:10]})" if self.name != self.commit else self.commit[:10]


def git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, check=False, timeout=120
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed (or not on PATH)") from exc
    except subprocess.TimeoutExpired as exc:
        raise GitError(f"'git {' '.join(args)}' took too long") from exc
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"'git {' '.join(args)}' failed: {why[-1] if why else 'no message'}")
    return done.stdout


def repository(root: Path) -> None:
    """A GitError saying how to fix it when ``root`` is in no git work tree (resolving a
    revision there would only say that 'HEAD' is unknown)."""
    try:
        git(root, "rev-parse", "--show-toplevel")
    except GitError as exc:
        raise GitError(
            f"{root} is not a git repository (nor inside one), so there is no revision to "
            "compare with; run review in a clone of the project (git clone …), or give the "
            "clone's folder with --root"
        ) from exc


def resolve(root: Path, name: str) -> Revision:
    """The commit ``name`` names, or a GitError saying the revision is unknown."""
    if name.startswith("-"):
        raise GitError(f"'{name}' is not a revision")
    try:
        commit = git(
            root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}"
        )
    except GitError as exc:
        raise GitError(
            f"unknown revision '{name}' in {root}; give a commit, branch or tag that exists "
            "there (in CI, fetch the full history: actions/checkout with fetch-depth: 0)"
        ) from exc
    return Revision(name, commit.decode().strip())


def _top(root: Path) -> tuple[Path, str]:
    """The top of ``root``'s git work tree, and ``root`` relative to it ('' or 'dir/')."""
    repository(root)
    top = git(root, "rev-parse", "--show-toplevel").decode().strip()
    return Path(top), git(root, "rev-parse", "--show-prefix").decode().strip()


def materialise(root: Path, rev: Revision, folders: list[str], dest: Path) -> list[str]:
    """Extract ``folders`` (relative to ``root``) as committed in ``rev`` into ``dest``.

    Returns the folders the revision does not have (they are simply absent in ``dest``).
    """
    top, base = _top(root)
    full = [base + f.strip("/") for f in folders]
    listed = git(top, "ls-tree", "--name-only", "-z", rev.commit, "--", *full)
    present = set(listed.decode("utf-8", "replace").split("\0"))
    wanted = [f for f, path in zip(folders, full, strict=True) if path in present]
    dest.mkdir(parents=True, exist_ok=True)
    if wanted:
        paths = [base + f.strip("/") for f in wanted]
        data = git(top, "archive", "--format=tar", rev.commit, "--", *paths)
        _extract(data, dest, base)
    return [f for f in folders if f not in wanted]


def _extract(data: bytes, dest: Path, base: str) -> None:
    """Unpack folders, regular files and symbolic links, ``base`` stripped, never outside
    ``dest``. A committed link is kept as a link, never followed: the loader refuses it with
    the same error as in a work tree (a revision can hold ``seeds/x.txt -> /etc/passwd``)."""
    top = dest.resolve()
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for member in tar.getmembers():
            name = member.name
            if base and not name.startswith(base):
                continue
            path = PurePosixPath(name[len(base) :])
            if path.is_absolute() or ".." in path.parts or not path.parts:
                continue
            target = dest.joinpath(*path.parts)
            if not target.parent.resolve().is_relative_to(top) or target.is_symlink():
                continue  # through a link unpacked before: never write outside dest
            if member.isdir():
                target.mkdir(parents=True, exist_ok=True)
            elif member.isfile():
                target.parent.mkdir(parents=True, exist_ok=True)
                handle = tar.extractfile(member)
                if handle is not None:
                    target.write_bytes(handle.read())
            elif member.issym():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.symlink_to(member.linkname)
