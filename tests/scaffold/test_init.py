"""``annotated-reader init``: a new project that builds strict at once, then takes a second
text with ``add-source`` and still builds strict. Run with the installed command and MkDocs,
installing nothing."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from annotated_reader.core.vocabulary.kinds import KINDS
from annotated_reader.core.vocabulary.verdicts import VERDICTS
from annotated_reader.schema.build import schemas
from helpers.project import BIN, build, check, run
from helpers.schemas import schema_errors

SAMPLE = "annotations/sources/sample-gettysburg.yml"
SECOND = "The Bixby letter\n\nExecutive Mansion,\nWashington, Nov. 21, 1864.\n\nDear Madam,\n"


def init(where: Path, *extra: str) -> tuple[int, str]:
    result = run([str(BIN / "annotated-reader"), "init", str(where), *extra], where.parent)
    return result.returncode, result.stdout + result.stderr


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("init") / "reader"
    code, out = init(where, "--title", "Our “Reader” & *co* [1]")
    assert code == 0, out
    return where


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


def test_the_project_has_every_part_a_newsroom_needs(project: Path) -> None:
    for rel in (
        "mkdocs.yml",
        "docs/index.md",
        "seeds/sample-gettysburg.txt",
        SAMPLE,
        "annotations/glossary.yml",
        "annotations/events.yml",
        "Makefile",
        "requirements.txt",
        "README.md",
        ".gitignore",
        ".github/workflows/review.yml",
        ".github/workflows/pages.yml",
        "annotations/README.md",
        ".vscode/settings.json",
        ".vscode/extensions.json",
        "mkdocs.offline.yml",
        "tools/npm/package.json",
        "tools/npm/package-lock.json",
    ):
        assert (project / rel).is_file(), rel
    assert not list(project.rglob("dot-*")), "template names leaked"
    makefile = (project / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^site: ", makefile, re.M) and re.search(r"^test: ", makefile, re.M)
    assert "annotated-reader check --strict" in makefile
    workflow = yaml.safe_load(
        (project / ".github/workflows/review.yml").read_text(encoding="utf-8")
    )
    steps = " ".join(str(s.get("run", "")) for s in workflow["jobs"]["review"]["steps"])
    assert "annotated-reader check" in steps and "annotated-reader review --base" in steps
    assert "make test" in steps
    pages = yaml.safe_load((project / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert "make site" in [s.get("run") for s in pages["jobs"]["build"]["steps"]]


def test_make_bundle_writes_the_offline_site_named_after_the_reader(
    tmp_path: Path, project: Path
) -> None:
    """The README promises every reader an offline bundle named after its ``site_name``: the
    new project's own ``make bundle`` (npm ci of its pinned iframe-worker included) makes it."""
    make = shutil.which("make")
    assert make, "make is needed (Debian's make package)"
    work = tmp_path / "reader"
    shutil.copytree(project, work, ignore=shutil.ignore_patterns("site", ".cache"))
    venv = BIN.parent  # this environment has the package: the stamp says so to make
    result = run([make, "-o", f"{venv}/.deps", "bundle", f"VENV={venv}"], work)
    assert result.returncode == 0, result.stdout + result.stderr
    zip_path = work / "dist" / "our-reader-co-1-offline.zip"
    assert zip_path.is_file(), sorted(p.name for p in (work / "dist").iterdir())
    with zipfile.ZipFile(zip_path) as zf:
        names = set(zf.namelist())
        home = zf.read("our-reader-co-1-offline/index.html").decode("utf-8")
    folder = "our-reader-co-1-offline/"
    for rel in (
        "index.html",
        "sources/sample-gettysburg.html",
        "glossary.html",
        "assets/javascripts/iframe-worker/shim.js",
        "search/search_index.js",
    ):
        assert folder + rel in names, rel
    assert folder + "404.html" not in names
    assert 'href="sources/sample-gettysburg.html"' in home or "sample-gettysburg.html" in home
    ignored = (work / ".gitignore").read_text(encoding="utf-8").split()
    assert "/build/" in ignored and "/dist/" in ignored


def test_schemas_are_this_version_s_and_wired_for_editors(project: Path) -> None:
    for name, schema in schemas().items():
        written = json.loads((project / "schemas" / name).read_text(encoding="utf-8"))
        assert written == schema, name
    settings = json.loads((project / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    for schema_file, files in mapped.items():
        assert (project / schema_file).is_file(), schema_file
        assert list(project.glob(files)), files
    first = (project / SAMPLE).read_text(encoding="utf-8").splitlines()[0]
    ref = first.removeprefix("# yaml-language-server: $schema=")
    assert ref != first and (project / SAMPLE).parent.joinpath(ref).resolve().is_file()
    assert run([str(BIN / "annotated-reader"), "schema", "--check"], project).returncode == 0
    assert schema_errors(project / "schemas", project) == []


def test_the_sample_holds_one_note_of_each_kind(project: Path) -> None:
    data = yaml.safe_load((project / SAMPLE).read_text(encoding="utf-8"))
    kinds = [a["kind"] for a in data["annotations"]]
    assert sorted(kinds) == sorted(KINDS)
    terms = yaml.safe_load((project / "annotations/glossary.yml").read_text(encoding="utf-8"))
    assert len(terms["terms"]) == 1
    # The project's format reference names every kind and verdict this version knows.
    reference = (project / "annotations/README.md").read_text(encoding="utf-8")
    for word in (*KINDS, *VERDICTS):
        assert re.search(rf"\b{re.escape(word)}\b", reference), word


def test_it_builds_strict_and_checks_clean(project: Path, site: Path) -> None:
    result = check(project, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "sources/sample-gettysburg/index.html").read_text(encoding="utf-8")
    data = yaml.safe_load((project / SAMPLE).read_text(encoding="utf-8"))
    for note in data["annotations"]:
        assert f'id="{note["id"]}"' in page, note["id"]
    for kind in KINDS:
        assert f"ar-k-{kind}" in page, kind
    assert 'id="lincoln"' in (site / "glossary/index.html").read_text(encoding="utf-8")
    assert "gettysburg-address" in (site / "timeline/index.html").read_text(encoding="utf-8")


def test_the_title_is_text_everywhere(site: Path) -> None:
    """Markdown in the title stays text on the home page (no emphasis, no link)."""
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Our “Reader” &amp; \*co\* \[1\]<", home), home
    assert (
        "<title>Our “Reader” &amp; *co* [1]</title>" in home
        or "<title>Our “Reader” & *co* [1]" in home
    )


@pytest.mark.parametrize("title", ['Say "hi"', "A <b>bold</b> one", "Tom &amp; Jerry", "   "])
def test_a_title_material_would_write_as_markup_is_refused(tmp_path: Path, title: str) -> None:
    code, out = init(tmp_path / "reader", "--title", title)
    assert code == 2, out
    assert ("as markup" in out or "title is empty" in out) and "Traceback" not in out
    assert not (tmp_path / "reader").exists()


def test_a_second_text_added_unannotated_builds_strict(project: Path, site: Path) -> None:
    text = project.parent / "Bixby Letter.txt"
    text.write_text(SECOND, encoding="utf-8")
    result = run([str(BIN / "annotated-reader"), "add-source", str(text)], project)
    assert result.returncode == 0, result.stderr
    assert (project / "seeds/bixby-letter.txt").read_bytes() == text.read_bytes()
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site/sources/bixby-letter/index.html").read_text(encoding="utf-8")
    assert "Executive Mansion" in page and "The Bixby letter" in page
    assert "bixby-letter" in (project / "site/sources/index.html").read_text(encoding="utf-8")
    assert check(project, "--strict").returncode == 0
    assert schema_errors(project / "schemas", project) == []  # the skeleton too


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    where = tmp_path / "taken"
    where.mkdir()
    (where / "notes.txt").write_text("mine", encoding="utf-8")
    code, out = init(where)
    assert code == 2
    assert "is not empty" in out and "--force" in out and "Traceback" not in out
    assert sorted(p.name for p in where.iterdir()) == ["notes.txt"]
    code, out = init(where, "--force")
    assert code == 0, out
    assert (where / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (where / "mkdocs.yml").is_file()


def test_a_file_in_the_way_is_refused(tmp_path: Path) -> None:
    where = tmp_path / "file"
    where.write_text("", encoding="utf-8")
    code, out = init(where)
    assert code == 2 and "is a file" in out
