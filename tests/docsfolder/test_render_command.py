"""``annotated-reader render OUT``: the generated site as documentation files, built by any
generator: every page a Markdown file (title in front matter, the library's HTML raw), the
other files as they are, docs/ copied in; refused inputs reported, nothing half-written."""

from __future__ import annotations

from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

import yaml
from annotated_reader.docsfolder.command import load
from annotated_reader.docsfolder.markdown_toc import tokens
from helpers.engines import build_with
from helpers.project import BIN, replace_in, run

HOSTILE_TITLE = '<img src=x onerror=alert(1)> & "quoted" *not em* {: #x }'


def render(project: Path, *extra: str) -> tuple[int, str]:
    result = run([str(BIN / "annotated-reader"), "render", *extra], project)
    return result.returncode, result.stderr


def front_matter(path: Path) -> tuple[dict[str, str], str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    head, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(head), body


def test_every_generated_page_and_file_is_written(mini: Path) -> None:
    code, err = render(mini, "out", "--links", "page")
    assert code == 0, err
    _, site, _ = load(mini / "mkdocs.yml")
    titles = site.titles()
    assert {"sources/index.md", "sources/sample.md", "ratings/index.md"} <= set(titles)
    for path, title in titles.items():
        meta, body = front_matter(mini / "out" / path)
        assert meta == {"title": escape(title, quote=False)}
        page = site.page(path)
        assert page is not None
        html, _, toc = body.strip().rpartition("\n\n")  # the page's HTML, then its contents
        assert html.strip() == page.html.strip()  # as MkDocs is given it
        assert tokens(toc) is not None and [t["id"] for t in tokens(toc) or []] == [page.heading]
    for file in site.files():
        assert (mini / "out" / file.path).read_bytes() == file.data(), file.path
    assert (mini / "out" / "index.md").read_bytes() == (mini / "docs" / "index.md").read_bytes()


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.title = ""
        self._where = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._where = tag

    def handle_data(self, data: str) -> None:
        if self._where == "title":
            self.title += data


def test_a_title_is_text_under_zensical(mini: Path) -> None:
    """A front-matter title is written into the page as HTML by the theme: the render
    escapes it, so it reaches the title bar and the heading as the editor wrote it."""
    replace_in(
        mini,
        "annotations/sources/sample.yml",
        'title: {value: "A sample source"',
        f"title: {{value: {yaml.safe_dump(HOSTILE_TITLE).splitlines()[0]}",
    )
    site = build_with("zensical", mini)
    html = (site / "sources" / "sample" / "index.html").read_text(encoding="utf-8")
    head = _Head()
    head.feed(html)
    assert head.title.startswith(HOSTILE_TITLE), head.title
    assert "img" not in head.tags
    assert unescape(escape(HOSTILE_TITLE)) in unescape(html)


def test_a_folder_that_is_not_empty_is_refused(mini: Path) -> None:
    (mini / "out").mkdir()
    (mini / "out" / "keep.txt").write_text("mine", encoding="utf-8")
    code, err = render(mini, "out")
    assert code == 2 and "is not an empty folder" in err
    assert [p.name for p in (mini / "out").iterdir()] == ["keep.txt"]


def test_a_hand_written_page_at_a_generated_address_writes_nothing(mini: Path) -> None:
    (mini / "docs" / "sources").mkdir()
    (mini / "docs" / "sources" / "README.md").write_text("# Mine\n", encoding="utf-8")
    code, err = render(mini, "out")
    assert code == 1
    assert "docs/sources/README.md:1:1: error: [docs.generated-address]" in err
    assert not (mini / "out").exists()


def test_strict_fails_on_a_warning_and_writes_nothing(mini: Path) -> None:
    index = mini / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[x](sources/sample.md#nope)\n", "utf-8")
    code, err = render(mini, "out", "--strict")
    assert code == 1 and "[docs.unknown-anchor]" in err
    assert not (mini / "out").exists()
    code, err = render(mini, "out2")
    assert code == 0 and "[docs.unknown-anchor]" in err  # reported, not fatal
    assert (mini / "out2" / "sources" / "sample.md").is_file()
