"""A note quoting only a seed's byte-order mark (never shown) is refused at its line, not
rendered without a marker or crashing the page (found by `make fuzz`)."""

from __future__ import annotations

from pathlib import Path

from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.core.urls import SiteUrls
from annotated_reader.render.site import SiteBuilder
from helpers.project import FIXTURES, copy_project


def test_a_quote_of_the_byte_order_mark_alone_is_an_error(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "mini")
    seed = project / "seeds" / "sample.txt"
    seed.write_text("\ufeff\n", encoding="utf-8")
    source = project / "annotations" / "sources" / "sample.yml"
    head = source.read_text(encoding="utf-8").split("annotations:")[0]
    source.write_text(
        head + 'annotations:\n  - id: bom\n    kind: context\n    quote: {exact: "\\ufeff"}\n'
        "    body: Nothing to see.\n",
        encoding="utf-8",
    )
    corpus, problems = load_corpus(Paths(project))
    line = source.read_text(encoding="utf-8").splitlines().index("  - id: bom") + 1
    codes = [(p.code, p.location.path, p.location.line) for p in problems.sorted()]
    assert ("anchor.byte-order-mark", "annotations/sources/sample.yml", line) in codes
    assert corpus.annotations() == []
    page = SiteBuilder(corpus, SiteUrls()).render("sources/sample.md", "sources/sample/")
    assert page is not None
