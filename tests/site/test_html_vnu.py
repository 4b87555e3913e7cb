"""Every page the build writes passes the W3C Nu Html Checker (vnu, the checker behind
validator.w3.org/nu) with no error and no warning.

vnu is the npm package ``vnu-jar`` pinned in tools/npm and runs on Java; ``make test``
installs both. Neither is optional here: without them these tests fail, saying so.

Two of Material's templates are copied into docs/overrides/ to get there (see the comment at
the top of each); the last test checks each copy is still the installed Material's file with
only the changes listed in ``CHANGES``, so a Material upgrade says which file to copy again.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from helpers.project import ROOT, build, copy_project, with_page_budget
from helpers.vnu import findings, vnu

OVERRIDES = ROOT / "docs" / "overrides"
MATERIAL = Path(material.__file__).resolve().parent / "templates"
MATERIAL_HEADER = "{#-\n  This file was automatically generated - do not edit\n-#}\n"

# Each override: Material's text, what the copy has instead, and how many times.
CHANGES: dict[str, list[tuple[str, str, int]]] = {
    "base.html": [
        (' id="__drawer" autocomplete="off">', ' id="__drawer">', 1),
        (' id="__search" autocomplete="off">', ' id="__search">', 1),
    ],
    "partials/nav-item.html": [
        (
            ' tabindex="{{ tabindex }}">',
            ' tabindex="{{ tabindex or "-1" }}">',
            2,
        ),
    ],
}


def test_the_check_reports_errors_and_warnings(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html lang=en><head><title>t</title>\n"
        '<script type="text/javascript" src="a.js"></script></head><body>\n'
        '<input type="checkbox" autocomplete="off"><label for="x" tabindex="">x</label>\n'
        "</body></html>\n",
        encoding="utf-8",
    )
    found = findings(vnu([page]), tmp_path)
    assert any(f.startswith("page.html:2: warning: ") for f in found), found
    assert any(f.startswith("page.html:3: error: Attribute “autocomplete”") for f in found), found
    assert any(f.startswith("page.html:3: error: Bad value “” for attribute") for f in found)


def test_every_page_of_the_real_site_passes_the_nu_html_checker(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 10
    found = findings(vnu(pages), real_site)
    if found:
        pytest.fail(
            f"{len(found)} findings of the W3C Nu Html Checker:\n" + "\n".join(found),
            pytrace=False,
        )


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_each_theme_override_is_materials_file_with_only_its_changes(name: str) -> None:
    ours = (OVERRIDES / name).read_text(encoding="utf-8")
    theirs = (MATERIAL / name).read_text(encoding="utf-8")
    redo = (
        f"copy {MATERIAL / name} to docs/overrides/{name} again, apply the changes listed "
        "in tests/site/test_html_vnu.py, and name the version in its top comment"
    )
    assert f"Copied from mkdocs-material {material.__version__} " in ours, (
        f"docs/overrides/{name} was copied from another Material than {material.__version__}: "
        + redo
    )
    assert theirs.startswith(MATERIAL_HEADER), redo
    expected = theirs[len(MATERIAL_HEADER) :]
    for old, new, count in CHANGES[name]:
        assert expected.count(old) == count, f"Material's {name} changed: {redo}"
        expected = expected.replace(old, new)
    assert ours.startswith("{#-\n") and "\n-#}\n" in ours, "the top comment is missing"
    assert ours.split("\n-#}\n", 1)[1] == expected, f"docs/overrides/{name} differs: {redo}"


def test_every_theme_override_is_listed() -> None:
    present = sorted(p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html"))
    assert present == sorted(CHANGES)


def test_cut_pages_pass_the_nu_html_checker(tmp_path: Path) -> None:
    """The real corpus with a small ``page_budget``: the glossary cut by letter, the
    timeline by year and the ratings by grade, index pages and parts as valid as any page."""
    project = with_page_budget(copy_project(ROOT, tmp_path / "real"), 20_000)
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    pages = sorted(
        p for part in ("glossary", "timeline", "ratings") for p in (site / part).rglob("*.html")
    )
    assert (site / "glossary" / "s-2" / "index.html") in pages  # cut, a letter cut again
    assert (site / "timeline" / "1999" / "index.html") in pages
    assert (site / "ratings" / "grade-d" / "index.html") in pages
    found = findings(vnu(pages), site)
    if found:
        pytest.fail(
            f"{len(found)} findings of the W3C Nu Html Checker:\n" + "\n".join(found),
            pytrace=False,
        )
