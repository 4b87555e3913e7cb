"""The same reader from both engines: the real corpus built by MkDocs (with the plugin) and by
Zensical (from ``annotated-reader render``'s files), page for page; errors the same in both."""

from __future__ import annotations

import posixpath
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import yaml
from annotated_reader.assembly import load_corpus
from annotated_reader.bundle.check import outside_loads
from annotated_reader.core.corpus import Paths
from annotated_reader.docsfolder.command import load
from annotated_reader.docsfolder.write import published_at
from helpers.engines import build_zensical
from helpers.project import ROOT, build, check, copy_project, replace_in

BASE = "http://reader.test/"  # any address: links are compared where they lead


class _Article(HTMLParser):
    """The ids and link targets inside a page's ``<article>`` (the page's own content,
    not the theme's frame), and the page's title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.title: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self._in_title = tag == "title"
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if values.get("id") and values["id"] != "__skip":  # Zensical's skip-link target
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)


def _read(site: Path, rel: str) -> _Article:
    parser = _Article()
    parser.feed((site / rel).read_text(encoding="utf-8"))
    return parser


def _targets(page: str, links: list[str]) -> list[str]:
    """Where each link leads, as an absolute address (the same target may be written
    ``../x/`` by one engine and ``../../x/`` by the other, from the same place)."""
    base = urljoin(BASE, posixpath.dirname(page) + "/")
    return [urljoin(base, href) for href in links]


def _generated() -> dict[str, str]:
    """Each generated page's published file → its title."""
    _, site, _ = load(ROOT / "mkdocs.yml")
    return {published_at(p, True): t for p, t in site.titles().items()}


def test_every_annotation_is_on_its_source_page(real_site_built: Path) -> None:
    corpus, _ = load_corpus(Paths(ROOT))
    assert sum(len(s.annotations) for s in corpus.sources) > 100  # the real corpus, not none
    for source in corpus.sources:
        page = _read(real_site_built, f"sources/{source.id}/index.html")
        for ann in source.annotations:
            assert ann.id in page.ids, f"{source.id}: #{ann.id} is missing"
            assert f"note-{ann.id}" in page.ids, f"{source.id}: #note-{ann.id} is missing"


def test_generated_pages_are_the_same_under_both_engines(
    real_site: Path, real_site_zensical: Path
) -> None:
    """Every generated page holds the same ids, its links lead to the same places, and it
    has the same title: the library's HTML went through Zensical untouched."""
    pages = _generated()
    assert len(pages) >= 10
    for rel, title in pages.items():
        mk, zen = _read(real_site, rel), _read(real_site_zensical, rel)
        assert mk.ids, rel
        assert zen.ids == mk.ids, (rel, sorted(mk.ids ^ zen.ids)[:10])
        assert _targets(rel, zen.links) == _targets(rel, mk.links), rel
        for built in (mk, zen):
            assert unescape("".join(built.title)).startswith(title), (rel, built.title)


def test_generated_files_are_the_same_under_both_engines(
    real_site: Path, real_site_zensical: Path
) -> None:
    """The exports (timeline.json), term previews, style sheets and scripts, byte for byte."""
    _, site, _ = load(ROOT / "mkdocs.yml")
    files = site.files()
    assert "timeline/timeline.json" in {f.path for f in files}
    for file in files:
        built = (real_site / file.path).read_bytes()
        assert built == file.data() == (real_site_zensical / file.path).read_bytes(), file.path


def test_zensical_site_loads_nothing_from_another_machine(real_site_zensical: Path) -> None:
    assert outside_loads(real_site_zensical) == []
    for page in real_site_zensical.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page


def test_zensical_build_is_deterministic(real_site_zensical: Path, tmp_path: Path) -> None:
    """The same input builds the same bytes, from another folder too."""
    again = copy_project(ROOT, tmp_path / "again")
    result = build_zensical(again)
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(real_site_zensical): p for p in real_site_zensical.rglob("*")}
    second = {
        p.relative_to(again / "site-zensical"): p for p in (again / "site-zensical").rglob("*")
    }
    assert sorted(first) == sorted(second)
    differ = [
        r for r, p in first.items() if p.is_file() and p.read_bytes() != second[r].read_bytes()
    ]
    assert differ == []


def test_zensical_configuration_is_generated_from_mkdocs_yml(real_site_zensical: Path) -> None:
    ours = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    generated = yaml.safe_load(
        (real_site_zensical.parent / "build" / "zensical" / "zensical.yml").read_text("utf-8")
    )
    theme = dict(ours["theme"])
    del theme["custom_dir"]  # Material's templates, copied: not Zensical's
    assert generated["theme"] == theme
    # Carried over, and the extension giving generated pages their table of contents added.
    assert generated["markdown_extensions"] == [
        *ours["markdown_extensions"],
        "annotated_reader_toc",
    ]
    assert generated["site_name"] == ours["site_name"]
    assert "annotated-reader" not in generated["plugins"] and "search" in generated["plugins"]
    assert "assets/annotated-reader/reader.js" in generated["extra_javascript"]
    assert "assets/annotated-reader/glyphs.css" in generated["extra_css"]


def test_a_bad_annotation_stops_both_engines_with_the_same_message(mini: Path) -> None:
    """The corpus is checked before Zensical runs: the same path:line:col line as
    ``check`` and ``mkdocs build --strict`` print, and nothing built."""
    replace_in(
        mini,
        "annotations/sources/sample.yml",
        'exact: "founded in 1996", suffix: " by"',
        'exact: "founded in 1997", suffix: " by"',
    )
    checked = check(mini)
    assert checked.returncode == 1
    problem = next(line for line in checked.stdout.splitlines() if ": error: [" in line)
    assert re.match(r"annotations/sources/sample\.yml:\d+:\d+: error: \[", problem), problem
    mkdocs, zensical = build(mini), build_zensical(mini)
    assert mkdocs.returncode != 0 and problem in mkdocs.stderr
    assert zensical.returncode == 1 and problem in zensical.stderr.splitlines()
    assert "Traceback" not in zensical.stderr
    assert not (mini / "build").exists()  # nothing rendered: Zensical never ran
    assert not (mini / "site-zensical").exists()


def test_a_link_to_a_missing_note_stops_both_engines_with_the_same_message(mini: Path) -> None:
    """A hand-written page linking a note that is not there: the same path:line:col warning
    from both (the strict builds fail on it), before Zensical runs."""
    index = mini / "docs" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + "\n[gone](sources/sample.md#s-gone)\n", "utf-8"
    )
    mkdocs = build(mini)
    assert mkdocs.returncode != 0
    found = re.search(
        r"docs/index\.md:\d+:\d+: warning: \[docs\.unknown-anchor\] .*", mkdocs.stderr
    )
    assert found, mkdocs.stderr
    zensical = build_zensical(mini)
    assert zensical.returncode == 1
    assert found.group(0) in zensical.stderr.splitlines()
    assert "Traceback" not in zensical.stderr
    assert not (mini / "build" / "zensical" / "zensical.yml").exists()  # Zensical never ran
    assert not (mini / "site-zensical").exists()
