"""The navigation an engine is given (Zensical): the plugin's reading order, from the library."""

from __future__ import annotations

from annotated_reader.render.navigation import navigation

NAMES = {
    "sources/index.md": "Sources",
    "sources/b.md": "beta <i>&</i>",
    "sources/a.md": "Alpha",
    "timeline.md": "Timeline",
    "glossary.md": "Glossary",
    "ratings/index.md": "Compare sources",
    "ratings/methodology.md": "Methodology",
}


def test_reading_order_sections_and_escaped_names() -> None:
    written = [
        "index.md",
        "guide.md",
        "about/team.md",
        "about/index.md",
        "ratings/notes.md",
        "x.png",
    ]
    assert navigation(written, NAMES) == [
        "index.md",
        {
            "Sources": [
                {"Sources": "sources/index.md"},
                {"Alpha": "sources/a.md"},
                {"beta &lt;i&gt;&amp;&lt;/i&gt;": "sources/b.md"},
            ]
        },
        {"Timeline": "timeline.md"},
        {"Glossary": "glossary.md"},
        {
            "Ratings": [
                "ratings/notes.md",  # hand-written: named by its heading, first
                {"Compare sources": "ratings/index.md"},
                {"Methodology": "ratings/methodology.md"},
            ]
        },
        "guide.md",  # the rest in MkDocs' order: files first, then folders
        {"About": ["about/index.md", "about/team.md"]},
    ]
