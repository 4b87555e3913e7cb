"""The real corpus, built in strict mode: nothing lost, verbatim text, offline, deterministic."""

from __future__ import annotations

import hashlib
import os
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from annotated_reader.core.text.anchor import fold
from annotated_reader.core.vocabulary.titles import SHORT_TITLE_MAX, shorten
from helpers.htmlcheck import duplicate_ids, text_of
from helpers.project import ROOT, build, copy_project

SOURCES = sorted((ROOT / "annotations" / "sources").glob("*.yml"))


def load(path: Path) -> dict:  # type: ignore[type-arg]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_seeds_are_byte_for_byte_the_shared_texts() -> None:
    listed = dict(
        reversed(line.split("  ", 1))  # type: ignore[misc]
        for line in (ROOT / "tests" / "seeds.sha256").read_text(encoding="utf-8").splitlines()
    )
    actual = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "seeds").iterdir()
    }
    assert actual == listed
    shared = ROOT.parent / "shared" / "seeds"
    if shared.is_dir():  # beside the checkout in CI and in development
        assert {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in shared.iterdir()
        } == actual


def test_every_seed_has_a_source_file_with_complete_metadata() -> None:
    seeds = {p.name for p in (ROOT / "seeds").iterdir()}
    assert {load(p)["seed"] for p in SOURCES} == seeds
    for path in SOURCES:
        meta = load(path)["metadata"]
        for name in ("title", "author", "outlet", "published", "kind", "language", "url"):
            assert "value" in meta[name] and meta[name]["basis"].strip(), (path.name, name)


class _Marks(HTMLParser):
    """Text covered by each annotation's highlight pieces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.stack.append(dict(attrs).get("data-ar"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for ident in self.stack:
            if ident:
                self.text.setdefault(ident, []).append(data)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_every_annotation_appears_once_at_its_passage(path: Path, real_site: Path) -> None:
    html = (real_site / "sources" / path.stem / "index.html").read_text(encoding="utf-8")
    marks = _Marks()
    marks.feed(html)
    annotations = load(path)["annotations"]
    assert len(annotations) >= 3
    for ann in annotations:
        ident = ann["id"]
        assert html.count(f'id="{ident}"') == 1, ident
        assert html.count(f'id="note-{ident}"') == 1, ident
        # Pieces in different blocks lose the line break between them: compare without spaces.
        covered = "".join("".join(marks.text[ident]).split())
        assert fold(covered) == fold("".join(ann["quote"]["exact"].split())), ident
    assert duplicate_ids(html) == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_rendered_text_is_the_seed_verbatim(path: Path, real_site: Path) -> None:
    html = (real_site / "sources" / path.stem / "index.html").read_text(encoding="utf-8")
    body = html[html.index('<div class="ar-text"') : html.index("</article>")]
    seed = (ROOT / "seeds" / load(path)["seed"]).read_text(encoding="utf-8")
    rendered = text_of(body, {"ar-notes", "ar-ref"})
    assert rendered == " ".join(seed.split())


def test_navigation_lists_sources_by_short_title(real_site_built: Path) -> None:
    html = (real_site_built / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"') :]
    labels = re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', nav, re.S)
    section = labels[labels.index("Sources") + 2 :][: len(SOURCES)]  # section title, its index
    titles = []
    for path in SOURCES:
        meta = load(path)["metadata"]
        title = meta["title"]["value"] or f"Untitled text by {meta['author']['value']}"
        titles.append(meta.get("short_title") or shorten(title))
    assert sorted(section, key=str.casefold) == section
    assert {unescape(t) for t in section} == set(titles)
    assert all(len(t) <= SHORT_TITLE_MAX for t in titles)


class _TopLevel(HTMLParser):
    """The label of each top-level entry of Material's primary navigation."""

    def __init__(self) -> None:
        super().__init__()
        self.lists = 0  # <ul> depth inside the primary navigation (0: not in it yet)
        self.labels: list[str] = []
        self.want = False
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        css = dict(attrs).get("class") or ""
        if self.done:
            return
        if tag == "ul" and (self.lists or "md-nav__list" in css):
            self.lists += 1
        elif tag == "li" and self.lists == 1:
            self.want = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "ul" and self.lists and not self.done:
            self.lists -= 1
            self.done = self.lists == 0  # the first list is the primary navigation's

    def handle_data(self, data: str) -> None:
        if self.want and self.lists == 1 and data.strip():
            self.labels.append(data.strip())
            self.want = False


def test_top_level_navigation_is_in_reading_order(real_site_built: Path) -> None:
    """Home, the texts, what is built across them, then the hand-written guides — not the
    alphabetical order MkDocs would give the generated pages (nor Zensical: the navigation
    it is given is generated in the same order)."""
    html = (real_site_built / "index.html").read_text(encoding="utf-8")
    parser = _TopLevel()
    parser.feed(html[html.index('class="md-nav md-nav--primary"') :])
    assert parser.labels == [
        "Union State Reader",
        "Sources",
        "Timeline",
        "Claims across sources",
        "Glossary",
        "Ratings",
        "Editorial policy",  # hand-written pages keep MkDocs' order, by file name
        "How to read the notes",
    ], parser.labels


def test_pages_are_offline_clean(real_site: Path) -> None:
    for page in real_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            assert (
                not re.search(r'(?:src|href)="(?:https?:)?//', tag) or 'rel="canonical"' in tag
            ), (
                page,
                tag,
            )
        assert "fonts.googleapis" not in html and "javascript:" not in html


def test_build_is_deterministic(tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    outputs = []
    for name in ("a", "b"):
        project = copy_project(ROOT, tmp_path / name)
        old = dict(os.environ)
        os.environ.update(env)
        try:
            assert build(project).returncode == 0
        finally:
            os.environ.clear()
            os.environ.update(old)
        outputs.append(
            {
                p.relative_to(project / "site"): p.read_bytes()
                for p in (project / "site").rglob("*")
                if p.is_file()
            }
        )
    assert outputs[0].keys() == outputs[1].keys()
    different = [str(k) for k in outputs[0] if outputs[0][k] != outputs[1][k]]
    assert different == []
