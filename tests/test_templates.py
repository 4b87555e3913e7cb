"""A site can override the plugin's templates, for source pages and generated pages alike."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import build
from test_glossary import with_glossary


def test_templates_dir_overrides_notes_and_feature_pages(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    with_glossary(mini, write)
    write(
        mini,
        "overrides/note.html",
        '<li id="note-{{ ann.id }}" value="{{ number }}">OVERRIDDEN NOTE</li>\n',
    )
    write(mini, "overrides/glossary.html", "<h1>Our own glossary</h1>{{ total }} terms\n")
    cfg = mini / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text().replace(
            "  - annotated-reader", "  - annotated-reader:\n      templates_dir: overrides"
        )
    )
    result = build(mini)
    assert result.returncode == 0, result.stderr
    source = (mini / "site/sources/sample/index.html").read_text()
    assert source.count("OVERRIDDEN NOTE") == 5
    glossary = (mini / "site/glossary/index.html").read_text()
    assert "Our own glossary" in glossary and "4 terms" in glossary
