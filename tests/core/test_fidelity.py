"""Every text field keeps the editor's text exactly as written.

YAML 1.1 reads a bare ``3.10`` as the number 3.1 and ``007`` as 7: a correction "3.10" was
published as "3.1". Scalars now keep their text; only null and true/false are read as such,
and a true/false where text is wanted is an error saying to quote it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.core.problems import Problems
from annotated_reader.core.urls import SiteUrls
from annotated_reader.core.yamlsrc import load_yaml
from annotated_reader.render.site import SiteBuilder
from helpers.project import check, replace_in

SRC = "annotations/sources/sample.yml"


@pytest.mark.parametrize("written", ["3.10", "007", "1e3", "0x1F", "1_000", "+1", ".5", "12:30"])
def test_a_bare_number_keeps_its_text(written: str) -> None:
    problems = Problems()
    root = load_yaml("f.yml", f"a: {written}\nb: [{written}]\n", problems)
    assert root is not None and root.plain() == {"a": written, "b": [written]}


def test_a_correction_and_a_body_written_as_numbers_are_published_as_written(
    mini: Path,
) -> None:
    replace_in(mini, SRC, 'correction: "grew **slowly**."', "correction: 3.10")
    replace_in(mini, SRC, 'body: "Comment-form heading captured by the scraper."', "body: 007")
    corpus, problems = load_corpus(Paths(mini))
    assert not problems.errors, [str(p) for p in problems.errors]
    notes = {a.id: a for a in corpus.annotations()}
    assert notes["s-cross"].correction == "3.10" and notes["s-debris"].body == "007"
    html = SiteBuilder(corpus, SiteUrls()).render_page("sources/sample.md", "x/")
    assert html is not None
    assert '<span class="ar-label">Should read:</span> 3.10</p>' in html
    assert '<div class="ar-body"><p>007</p>' in html


def test_yes_or_no_where_text_is_wanted_says_to_quote_it(mini: Path) -> None:
    replace_in(mini, SRC, "language: {value: en", "language: {value: no")
    out = check(mini).stdout
    assert (
        f"{SRC}:8:21: error: [metadata.type] 'value' in metadata 'language' must be text (YAML "
        "reads a bare yes, no, on or off as true or false: quote it)"
    ) in out, out
