"""A hand-written file that would land where a generated one does is an error naming both,
by whatever path it gets there (``x.md``, ``x/index.md``, ``x/README.md``, another case)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.project import build


@pytest.mark.parametrize(
    ("rel", "dest", "ours"),
    [
        ("sources/sample.md", "sources/sample/index.html", "sources/sample.md"),
        ("sources/sample/index.md", "sources/sample/index.html", "sources/sample.md"),
        ("sources/sample/README.md", "sources/sample/index.html", "sources/sample.md"),
        ("sources.md", "sources/index.html", "sources/index.md"),
        ("sources/README.md", "sources/index.html", "sources/index.md"),
        ("ratings/methodology/index.md", "ratings/methodology/index.html", "ratings/methodology.md"),
        ("ratings/methodology/index.html", "ratings/methodology/index.html", "ratings/methodology.md"),
        ("assets/annotated-reader/glyphs.css", "assets/annotated-reader/glyphs.css", "assets/annotated-reader/glyphs.css"),
        ("assets/annotated-reader/reader.js", "assets/annotated-reader/reader.js", "assets/annotated-reader/reader.js"),
    ],
)  # fmt: skip
def test_a_docs_file_at_a_generated_address_stops_the_build(
    mini: Path, write: Callable[[Path, str, str], Path], rel: str, dest: str, ours: str
) -> None:
    write(mini, f"docs/{rel}", "# mine\n")
    result = build(mini)
    assert result.returncode != 0
    assert (
        f"docs/{rel}:1:1: error: [docs.generated-address] docs/{rel} would be written to '{dest}', "
        f"where the plugin writes its generated '{ours}'; rename or move docs/{rel}"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_an_address_differing_only_in_case_is_the_same_file_on_many_disks(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    write(mini, "docs/Sources/Sample.md", "# mine\n")
    result = build(mini)
    assert result.returncode != 0
    assert (
        "docs/Sources/Sample.md:1:1: error: [docs.generated-address] docs/Sources/Sample.md would "
        "be written to 'Sources/Sample/index.html', where the plugin writes its generated "
        "'sources/sample.md' (as 'sources/sample/index.html': they differ only in case); "
        "rename or move docs/Sources/Sample.md"
    ) in result.stderr


def test_a_page_beside_the_generated_ones_is_fine(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    write(mini, "docs/sources/sample/reading-notes.md", "# Reading notes\n")
    result = build(mini)
    assert result.returncode == 0, result.stderr
    assert (mini / "site/sources/sample/reading-notes/index.html").is_file()
    assert "ar-source-header" in (mini / "site/sources/sample/index.html").read_text("utf-8")
