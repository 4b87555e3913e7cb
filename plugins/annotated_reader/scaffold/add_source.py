"""``annotated-reader add-source FILE``: a text copied into ``seeds/`` unchanged, and the
skeleton of its source file.

The skeleton states nothing that nobody established: the title is the text's first line,
said to be a guess; every other metadata field is ``null`` with a basis saying it is
unknown; the rating is F (reliability cannot be judged) with every criterion
``not-judged``. It builds strict as it stands, so a text can be published before its notes.
A file the loader would refuse (not UTF-8, a control character, too large) or an id it
would refuse is refused here, before anything is written.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..core.fields import ID_PATTERN, reserved_source, slug
from ..core.limits import MAX_FILE_BYTES
from ..core.problems import Location, Problem, Severity
from ..core.seedtext import CONTROL
from ..core.vocabulary.titles import shorten
from ..ratings.admiralty import CRITERIA
from .project import yaml_string

TITLE_MAX = 200  # characters of a guessed title: a first line may be a whole paragraph
UNKNOWN = "Unknown: not yet established (left by add-source); give the value and how you know it, or say what you searched."
_UNKNOWN_FIELDS = ("author", "outlet", "published", "kind", "language", "url")


class Refused(Exception):
    """Nothing was written: the problem says where and why."""

    def __init__(self, where: str, code: str, message: str, line: int = 1, col: int = 1):
        super().__init__(message)
        self.problem = Problem(Location(where, line, col), Severity.ERROR, code, message)


@dataclass(frozen=True)
class Added:
    source_id: str
    seed: Path
    source_file: Path
    title: str | None


def id_problem(ident: str) -> str | None:
    """Why ``ident`` cannot be a source id (the loader's own rule), or None."""
    if "/" in ident or "\\" in ident:
        return f"id '{ident}' holds a path separator; an id is one file name, without folders"
    if ".." in ident:
        return f"id '{ident}' holds '..'; an id may not name a folder above"
    if any(c.isspace() for c in ident):
        return f"id '{ident}' holds a space; join words with '-' (e.g. '{slug(ident)}')"
    if not ID_PATTERN.fullmatch(ident):
        hint = f" (e.g. '{slug(ident)}')" if slug(ident) else ""
        return (
            f"id '{ident}' is not lowercase letters, digits and '-', starting with a letter "
            f"or digit{hint}"
        )
    return reserved_source(ident)


def read_text(file: Path, shown: str) -> str:
    """The file's text, or :class:`Refused` saying what the loader would refuse in it."""
    if not file.is_file():
        raise Refused(shown, "add-source.no-file", "no such file; give the text file to add")
    data = file.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        raise Refused(
            shown,
            "add-source.too-large",
            f"the file has {len(data):,} bytes, over the {MAX_FILE_BYTES:,} a seed may have; "
            "split the text into several sources",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = (
            len(data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace"))
            + 1
        )
        raise Refused(
            shown,
            "add-source.encoding",
            f"byte 0x{data[exc.start]:02x} here is not UTF-8; save the text as UTF-8 (e.g. "
            "`iconv -f WINDOWS-1252 -t UTF-8`, with the encoding it was saved in) and add it again",
            line,
            col,
        ) from None
    found = CONTROL.search(text)
    if found:
        at = found.start()
        raise Refused(
            shown,
            "add-source.control-character",
            f"control character U+{ord(found.group()):04X} here, which no published text holds: "
            "damage from scraping or conversion; save the text again without it",
            text.count("\n", 0, at) + 1,
            at - (text.rfind("\n", 0, at) + 1) + 1,
        )
    if not text.strip():
        raise Refused(shown, "add-source.empty", "the file holds no text")
    return text


def guess_title(text: str) -> str:
    first = next(line for line in text.lstrip("\ufeff").splitlines() if line.strip())
    return shorten(" ".join(first.split()), TITLE_MAX)


def skeleton(seed_name: str, title: str, today: str, schema_ref: str | None) -> str:
    """The source file's text: every field present, every unknown marked."""
    lines = [f"# yaml-language-server: $schema={schema_ref}"] if schema_ref else []
    lines += [
        '# Written by `annotated-reader add-source`. Every field whose basis says "Unknown" is',
        "# still to be established; the rating is F with no criterion judged until you rate it.",
        f"seed: {yaml_string(seed_name)}",
        "",
        "metadata:",
        "  title:",
        f"    value: {yaml_string(title)}",
        "    basis: \"Guessed by add-source from the text's first line; check it against the "
        'original and say how you know it."',
    ]
    for name in _UNKNOWN_FIELDS:
        lines += [f"  {name}:", "    value: null", f"    basis: {yaml_string(UNKNOWN)}"]
    lines += [
        "",
        "rating:",
        "  grade: F  # reliability cannot be judged: not yet rated",
        "  criteria:",
    ]
    lines += [f'    {c}: {{met: not-judged, evidence: "Not yet assessed."}}' for c in CRITERIA]
    lines += [
        "  rationale: |",
        "    Not yet rated: the text was added without a judgement of its reliability.",
        f'  reviewed: "{today}"',
        "",
        "annotations: []",
        "",
    ]
    return "\n".join(lines)


def add_source(
    root: Path,
    file: Path,
    ident: str | None = None,
    *,
    annotations: str = "annotations",
    seeds: str = "seeds",
    today: str | None = None,
) -> Added:
    """Copy ``file`` into the project at ``root`` and write its source file's skeleton."""
    shown = str(file)
    if ident is None:
        ident = slug(file.stem)
        if not ident:
            raise Refused(
                shown,
                "add-source.no-id",
                "no id can be made from this file name; give one with --id (lowercase letters, "
                "digits and '-')",
            )
    why = id_problem(ident)
    if why:
        raise Refused(shown, "add-source.bad-id", f"{why}; give another with --id")
    sources = root / annotations / "sources"
    seed_dir = root / seeds
    if not seed_dir.is_dir() or not (root / annotations).is_dir():
        raise Refused(
            shown,
            "add-source.no-project",
            f"no {seeds}/ and {annotations}/ in {root}; run this in a project "
            "(`annotated-reader init DIR` makes one) or give --root",
        )
    source_file = sources / f"{ident}.yml"
    in_place = file.resolve().parent == seed_dir.resolve()  # already in seeds/: used as it is
    seed = seed_dir / (file.name if in_place else f"{ident}.txt")
    for taken in (source_file,) if in_place else (source_file, seed):
        if taken.exists() or taken.is_symlink():
            raise Refused(
                shown,
                "add-source.id-taken",
                f"id '{ident}' is taken: {taken.relative_to(root).as_posix()} exists; give "
                "another with --id",
            )
    text = read_text(file, shown)
    today = today or datetime.now(timezone.utc).date().isoformat()
    schema_file = root / "schemas" / "source.schema.json"
    schema_ref = (
        "../../schemas/source.schema.json"
        if schema_file.is_file() and annotations == "annotations"
        else None
    )
    sources.mkdir(parents=True, exist_ok=True)
    if not in_place:
        seed.write_bytes(file.read_bytes())
    title = guess_title(text)
    source_file.write_text(skeleton(seed.name, title, today, schema_ref), encoding="utf-8")
    return Added(ident, seed, source_file, title)


def cmd_add_source(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    try:
        added = add_source(
            root, Path(args.file), args.id, annotations=args.annotations, seeds=args.seeds
        )
    except Refused as exc:
        print(exc.problem, file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 2
    rel = [p.relative_to(root).as_posix() for p in (added.seed, added.source_file)]
    print(f"wrote {rel[0]} (the text, unchanged) and {rel[1]}", file=sys.stderr)
    print(
        f"next: in {rel[1]}, check the title guessed from the first line, establish each "
        "field marked Unknown, rate the source, add notes; then `annotated-reader check`",
        file=sys.stderr,
    )
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add = sub.add_parser(
        "add-source",
        help="copy a text into seeds/ unchanged and write its source file's skeleton",
    )
    add.add_argument("file", help="the text (UTF-8), as published")
    add.add_argument("--id", help="the source id (default: from the file name)")
    add.add_argument("--root", default=".", help="project folder (holding annotations/ and seeds/)")
    add.add_argument("--annotations", default="annotations", help="editorial data folder")
    add.add_argument("--seeds", default="seeds", help="source texts folder")
    add.set_defaults(func=cmd_add_source)
