"""``annotated-reader init DIR``: a new project that builds at once with ``mkdocs build --strict``.

The files are copied from ``template/`` (package data). A few carry the project's title
or the package's version in place of a ``@NAME@`` marker; the JSON Schemas are written by
the installed package itself, so an editor validates against what this version accepts.
Names starting ``dot-`` become dotfiles: a wheel keeps them whatever its builder's globbing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..schema import build as schema

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

DEFAULT_TITLE = "Annotated reader"
_FILLED = {"mkdocs.yml", "README.md", "index.md", "requirements.txt"}
# Material for MkDocs writes the site name into its pages unescaped (the header's text, an
# aria-label): a quote would end the attribute, a tag would be markup, an entity decoded.
_MARKUP = re.compile(r'[<>"]|&[A-Za-z0-9#]')


class InitError(Exception):
    """A project that cannot be written; the message says what to do."""


@dataclass(frozen=True)
class Markers:
    """What the template's ``@NAME@`` markers become."""

    title: str
    version: str

    def fill(self, text: str) -> str:
        return (
            text.replace("@SITE_NAME@", yaml_string(self.title))
            .replace("@TITLE@", markdown_text(self.title))
            .replace("@VERSION@", self.version)
        )


def yaml_string(value: str) -> str:
    """``value`` as a YAML double-quoted scalar: JSON's escapes, plus every character a YAML
    file may not hold raw (line separators, BOM…) written as an escape."""
    out = json.dumps(value, ensure_ascii=False)
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in out)


def markdown_text(value: str) -> str:
    """``value`` as literal Markdown text: each character Python-Markdown could read as
    markup backslash-escaped (its escapable set; ``<``, ``>`` and entities are refused)."""
    plain = " ".join(value.split())
    return "".join(f"\\{c}" if c in "\\`*_{}[]()#+-.!" else c for c in plain)


def package_version() -> str:
    try:
        return metadata.version("annotated-reader")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "0.1.0"


def template() -> Traversable:
    return resources.files("annotated_reader.scaffold") / "template"


def _target_name(name: str) -> str:
    return "." + name[len("dot-") :] if name.startswith("dot-") else name


def _files(folder: Traversable, rel: Path = Path()) -> list[tuple[Path, Traversable]]:
    found: list[tuple[Path, Traversable]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        path = rel / _target_name(entry.name)
        if entry.is_dir():
            found += _files(entry, path)
        else:
            found.append((path, entry))
    return found


def write_project(target: Path, title: str, *, force: bool = False) -> list[Path]:
    """Write the new project into ``target``; returns the files written, relative to it."""
    if target.exists() and not target.is_dir():
        raise InitError(f"{target} is a file; give the folder to create the project in")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise InitError(
            f"{target} is not empty; give a new or empty folder (or --force to write the "
            "project's files over what is there, keeping every other file)"
        )
    title = " ".join(title.split())
    if not title:
        raise InitError('the title is empty; give --title "Your reader\'s name"')
    found = _MARKUP.search(title)
    if found:
        raise InitError(
            f"the title holds {found.group()[0]!r}, which Material for MkDocs writes into every "
            'page as markup; write it without <, > and " (curly quotes “ ” are fine) or an & '
            "joined to the next word"
        )
    markers = Markers(title, package_version())
    written: list[Path] = []
    for rel, entry in _files(template()):
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if rel.name in _FILLED:
            dest.write_text(markers.fill(entry.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            dest.write_bytes(entry.read_bytes())
        written.append(rel)
    written += [Path("schemas") / name for name in schema.write(target / "schemas")]
    return written


def cmd_init(args: argparse.Namespace) -> int:
    target = Path(args.dir)
    try:
        written = write_project(target, args.title, force=args.force)
    except InitError as exc:
        print(f"annotated-reader init: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {len(written)} files into {target}", file=sys.stderr)
    print(
        f"next: cd {target} && make site   (then open site/index.html; "
        "`annotated-reader add-source FILE` adds a text)",
        file=sys.stderr,
    )
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = sub.add_parser(
        "init",
        help="write a new project (a sample source with one note of each kind) that builds at once",
    )
    init.add_argument("dir", help="folder to create (new or empty)")
    init.add_argument("--title", default=DEFAULT_TITLE, help="the site's name")
    init.add_argument("--force", action="store_true", help="write into a folder that is not empty")
    init.set_defaults(func=cmd_init)
