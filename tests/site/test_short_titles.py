"""Short navigation titles: the navigation and the sources list name each source briefly,
the page and the browser's title bar keep the whole title."""

from __future__ import annotations

import re
from pathlib import Path

from helpers.hostile import edit
from helpers.htmlcheck import link_texts
from helpers.project import build, check

LONG = (
    "There are many indications that the new Soviet Union has begun to take shape, "
    "and it is only waiti"
)
CUT = "There are many indications that the new Soviet…"
TITLE_LINE = 'title: {value: "A sample source", basis: "Fixture."}'


def _retitle(mini: Path, short_title: str | None = None) -> None:
    line = f'title: {{value: "{LONG}", basis: "Fixture."}}'
    if short_title is not None:
        line += f'\n  short_title: "{short_title}"'
    edit(mini, TITLE_LINE, line)


def _built(mini: Path) -> Path:
    result = build(mini)
    assert result.returncode == 0, result.stderr
    return mini / "site"


def _shown(site: Path) -> tuple[str, str, str, str]:
    """The source's nav label, sources-list link text, title bar and heading."""
    page = (site / "sources/sample/index.html").read_text(encoding="utf-8")
    index = (site / "sources/index.html").read_text(encoding="utf-8")
    nav = link_texts(index, "md-nav__link")["sample/"]
    listed = re.search(
        r'<table class="ar-sources">.*?<a href="sample/"[^>]*>([^<]*)</a>', index, re.S
    )
    title = re.search(r"<title>([^<]*)</title>", page)
    heading = re.search(r"<h1[^>]*>([^<]*)</h1>", page)
    assert listed and title and heading
    return nav, listed.group(1), title.group(1), heading.group(1)


def test_a_long_title_is_cut_at_a_word_in_the_navigation_only(mini: Path) -> None:
    _retitle(mini)
    nav, listed, title, heading = _shown(_built(mini))
    assert nav == listed == CUT
    assert (title, heading) == (f"{LONG} - Mini reader", LONG)
    index = (mini / "site/sources/index.html").read_text(encoding="utf-8")
    assert f'title="{LONG}">{CUT}</a>' in index  # the whole title on hover


def test_the_editors_short_title_names_the_source_in_the_navigation(mini: Path) -> None:
    _retitle(mini, "The new Soviet Union & its shape")
    nav, listed, title, heading = _shown(_built(mini))
    assert nav == "The new Soviet Union & its shape"
    assert listed == "The new Soviet Union &amp; its shape"  # raw HTML: escaped
    assert (title, heading) == (f"{LONG} - Mini reader", LONG)


def test_a_short_title_too_long_is_an_error_at_its_line(mini: Path) -> None:
    too_long = "A short title of forty-nine characters, all told."
    assert len(too_long) == 49
    _retitle(mini, too_long)
    line = next(
        n
        for n, text in enumerate(
            (mini / "annotations/sources/sample.yml").read_text(encoding="utf-8").splitlines(), 1
        )
        if "short_title" in text
    )
    message = (
        f"annotations/sources/sample.yml:{line}:16: error: [metadata.short-title-too-long] "
        "short_title is 49 characters; the navigation has room for 48: shorten it"
    )
    result = check(mini)
    assert result.returncode == 1
    assert message in result.stdout
    built = build(mini)
    assert built.returncode != 0
    assert message in built.stderr
    assert "Traceback" not in result.stderr + built.stderr
