""" "On this page" on the generated pages of the real site, built by each engine: the headings the
library renders become the page's table of contents, as a hand-written page's would."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Options, Paths
from annotated_reader.core.toc import TocEntry
from annotated_reader.core.urls import SiteUrls
from annotated_reader.render.generated import GeneratedSite
from helpers.engines import build_with
from helpers.project import FIXTURES, ROOT, copy_project


class _Page(HTMLParser):
    """The entries of the theme's right-hand "On this page" (``md-sidebar--secondary``),
    as (depth, href, text), and every id of the page's article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[list[object]] = []
        self.ids: set[str] = set()
        self._sidebar = self._article = self._lists = 0
        self._entry: list[object] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self._article += 1
        if self._article and values.get("id"):
            self.ids.add(str(values["id"]))
        if "md-sidebar--secondary" in (values.get("class") or "").split():
            self._sidebar = 1
        elif self._sidebar and tag == "div":
            self._sidebar += 1
        if not self._sidebar:
            return
        if tag == "ul":
            self._lists += 1
        if tag == "a" and "md-nav__link" in (values.get("class") or ""):
            self._entry = [self._lists, values.get("href"), ""]
            self.entries.append(self._entry)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article -= 1
        if self._sidebar and tag == "div":
            self._sidebar -= 1
        if self._sidebar and tag == "ul":
            self._lists -= 1
        if tag == "a":
            self._entry = None

    def handle_data(self, data: str) -> None:
        if self._entry is not None:
            self._entry[2] = " ".join(f"{self._entry[2]} {data}".split())


def _page(site: Path, address: str) -> _Page:
    parser = _Page()
    parser.feed((site / address / "index.html").read_text(encoding="utf-8"))
    return parser


def _titles(page: _Page) -> list[str]:
    return [str(e[2]) for e in page.entries]


def test_the_glossary_lists_every_category(real_site_built: Path) -> None:
    data = yaml.safe_load((ROOT / "annotations" / "glossary.yml").read_text(encoding="utf-8"))
    used = {t["category"] for t in data["terms"]}
    page = _page(real_site_built, "glossary")
    assert len(page.entries) == len(used) >= 5
    assert [e[1] for e in page.entries] == [f"#cat-{c}" for c in _glossary_order(used)]
    assert "Places" in _titles(page) and "People" in _titles(page)
    assert {e[0] for e in page.entries} == {1}, "categories are the top level, terms not listed"


def _glossary_order(used: set[str]) -> list[str]:
    from annotated_reader.glossary.model import CATEGORIES

    return [c for c in CATEGORIES if c in used]


def test_the_timeline_lists_its_years(real_site_built: Path) -> None:
    data = yaml.safe_load((ROOT / "annotations" / "events.yml").read_text(encoding="utf-8"))
    years = sorted({int(str(e["date"])[:4]) for e in data["events"]})
    page = _page(real_site_built, "timeline")
    assert _titles(page) == [str(y) for y in years]
    # Each year leads to its first event (events are listed by reference date).
    first = {}
    for event in sorted(data["events"], key=lambda e: str(e["date"])):
        first.setdefault(int(str(event["date"])[:4]), event["id"])
    assert [e[1] for e in page.entries] == [f"#{first[y]}" for y in years]


def test_ratings_list_every_sources_section(real_site_built: Path) -> None:
    rated = sorted(p.stem for p in (ROOT / "annotations" / "sources").glob("*.yml"))
    page = _page(real_site_built, "ratings")
    assert sorted(str(e[1]).lstrip("#") for e in page.entries) == rated
    method = _page(real_site_built, "ratings/methodology")
    assert "The criteria" in _titles(method) and "How a grade is decided" in _titles(method)


def test_the_claims_page_lists_every_claim_in_its_order(real_site_built: Path) -> None:
    html = (real_site_built / "claims" / "index.html").read_text(encoding="utf-8")
    order = re.findall(r'<li class="ar-cl-claim" id="([^"]+)"', html)
    page = _page(real_site_built, "claims")
    assert len(order) >= 5
    assert [str(e[1]).lstrip("#") for e in page.entries] == order


def test_a_source_lists_its_own_headings_and_not_its_debris(real_site_built: Path) -> None:
    page = _page(real_site_built, "sources/lysyansky-ussr-2")
    assert _titles(page) == [
        "What does Vladimir Putin want?",
        "What is USSR 2.0?",
        "Putin’s new title",
    ]
    wiki = _page(real_site_built, "sources/wiki2web-union-state")
    assert "Foundational Treaties" in _titles(wiki) and len(wiki.entries) > 20
    assert "Gamer's Corner" not in _titles(wiki)  # the page's debris, set apart, not a section
    assert _titles(_page(real_site_built, "sources/hahn-belarus-option")) == [
        "Putin’s 2024 ‘Belarus Option’"
    ]


@pytest.mark.parametrize(
    "address",
    [
        "glossary",
        "timeline",
        "ratings",
        "ratings/methodology",
        "claims",
        *(f"sources/{p.stem}" for p in sorted((ROOT / "annotations" / "sources").glob("*.yml"))),
    ],
)
def test_every_entry_links_to_an_element_of_the_page(real_site_built: Path, address: str) -> None:
    page = _page(real_site_built, address)
    assert page.entries, f"{address}: no table of contents"
    missing = [e for e in page.entries if str(e[1]).lstrip("#") not in page.ids]
    assert not missing, f"{address}: entries without their element: {missing}"


def _tocs() -> dict[str, tuple[TocEntry, ...]]:
    paths = Paths(ROOT, "annotations", "seeds")
    corpus, _ = load_corpus(paths, Options())
    site = GeneratedSite(corpus, SiteUrls(True))
    return {p: page.toc for p in site.titles() if (page := site.page(p)) is not None}


def test_the_tables_of_contents_are_the_same_on_every_render() -> None:
    first, second = _tocs(), _tocs()
    assert first == second
    assert all(len(toc) == 1 and toc[0].level == 1 for toc in first.values() if toc)


HOSTILE = "A <script>window.__pwned=1</script> --> &amp; <b>heading</b> {: #x }"


def test_a_heading_of_a_seed_is_text_in_the_contents(engine: str, tmp_path: Path) -> None:
    """A seed's heading is untrusted: it reaches "On this page" as the text it is, under
    both engines (Zensical's reaches it through a comment, which it must not end)."""
    project = copy_project(FIXTURES / "mini", tmp_path / "mini")
    seed = project / "seeds" / "sample.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + f"\n{HOSTILE}\nThe end.\n", "utf-8")
    site = build_with(engine, project)
    page = _page(site, "sources/sample")
    assert _titles(page)[-1] == " ".join(HOSTILE.split())
    html = (site / "sources/sample/index.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<b>heading" not in html
    assert "annotated-reader-toc" not in html  # the comment is taken out, not published
