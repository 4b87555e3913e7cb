"""A hand-written file at the path of a generated page or file is an error, not a swap."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.project import build


@pytest.mark.parametrize(
    "rel",
    [
        "docs/sources/sample.md",  # a generated page
        "docs/assets/annotated-reader/glyphs.css",  # a generated file
        "docs/assets/annotated-reader/reader.js",  # a packaged asset
    ],
)
def test_a_docs_file_at_a_generated_path_stops_the_build(
    mini: Path, write: Callable[[Path, str, str], Path], rel: str
) -> None:
    write(mini, rel, "# mine\n")
    result = build(mini)
    assert result.returncode != 0
    assert (
        f"annotated-reader: {rel} has the path of a file the plugin generates; "
        "rename or remove it"
    ) in result.stderr
    assert "Traceback" not in result.stderr
