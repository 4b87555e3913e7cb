"""The page-size report: every HTML page of a built site, largest first, those over the limit
marked (issue 21, part 7)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.page_sizes import LIMIT, largest, report


def test_page_sizes_lists_the_largest_pages_and_marks_those_over_the_limit(
    tmp_path: Path,
) -> None:
    for rel, size in (
        ("glossary/m/index.html", 1000),
        ("ratings/index.html", LIMIT + 1),
        ("sources/a/index.html", 5000),
        ("assets/x.js", 10**6),
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x" * size)
    pages = largest(tmp_path)
    assert [p for p, _ in pages] == [
        "ratings/index.html",
        "sources/a/index.html",
        "glossary/m/index.html",
    ]
    text = report({"A corpus": pages})
    assert "3 pages; 1 over the limit: `ratings/index.html`." in text
    assert f"| `ratings/index.html` | {(LIMIT + 1) / 1000:.0f} | **no** |" in text
    assert "| `sources/a/index.html` | 5 | yes |" in text
    assert "| glossary | `glossary/m/index.html` | 1 |" in text
    assert "| sources | `sources/a/index.html` | 5 |" in text
