"""Builds of a project copy compared with a build from scratch, and the edits of each kind
of input the cache tests make (``tests/site/test_build_cache.py``, ``test_site_replay.py``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers.project import BIN, ROOT, replace_in, run, write_file

CACHE = Path(".cache/plugin/annotated-reader")


def build_verbose(
    project: Path, site: str = "site", env: dict[str, str] | None = None, timeout: int | None = None
) -> str:
    done = run(
        [str(BIN / "mkdocs"), "build", "-v", "--site-dir", site],
        project,
        env={"SOURCE_DATE_EPOCH": "0", **(env or {})},
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stderr


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def from_scratch(project: Path, tmp: Path) -> dict[str, bytes]:
    """The project's site built by a copy of it with no cache at all."""
    scratch = tmp / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(project, scratch, ignore=shutil.ignore_patterns(".cache", "site"))
    build_verbose(scratch)
    return files(scratch / "site")


def assert_same(site: dict[str, bytes], scratch: dict[str, bytes]) -> None:
    assert sorted(site) == sorted(scratch)
    differ = [name for name in site if site[name] != scratch[name]]
    assert not differ, differ[:5]


def edits(project: Path) -> list[tuple[str, object]]:
    note = "annotations/sources/hahn-belarus-option.yml"
    return [
        ("a seed", lambda: replace_in(project, "seeds/000_4dd6afc7a955fa9c.txt", "Pavel", "Pavlo")),
        (
            "a source file",
            lambda: replace_in(
                project, note, "    body: |\n", "    body: |\n      *Edited*: see [[term:putin]].\n"
            ),
        ),
        (
            "the glossary",
            lambda: replace_in(
                project,
                "annotations/glossary.yml",
                "      President of Russia from 2000",
                "      **Edited.** President of Russia from 2000",
            ),
        ),
        (
            "the glossary's aliases",
            lambda: replace_in(
                project,
                "annotations/glossary.yml",
                "      - Путин\n",
                "      - Путин\n      - President Putin\n",
            ),
        ),
        (
            "the events",
            lambda: replace_in(
                project,
                "annotations/events.yml",
                "      Presidents Yeltsin and Lukashenko signed",
                "      _Edited:_ Presidents Yeltsin and Lukashenko signed",
            ),
        ),
        ("a template", lambda: override_template(project)),
    ]


def override_template(project: Path) -> None:
    packaged = ROOT / "plugins/annotated_reader/render/templates/note.html"
    write_file(project, "overrides/note.html", "<!-- edited -->" + packaged.read_text("utf-8"))
    replace_in(
        project,
        "mkdocs.yml",
        "  - annotated-reader",
        "  - annotated-reader:\n      templates_dir: overrides",
    )


def forget_site(project: Path) -> None:
    """Delete the site kept whole (``render.replay``): the next build of unchanged inputs
    then works from the per-file results, which is what the cache tests look at."""
    (project / CACHE / "site" / "site.bin").unlink(missing_ok=True)
