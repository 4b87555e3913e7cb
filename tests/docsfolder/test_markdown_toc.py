"""The docs folder's table-of-contents comment, and the Python-Markdown extension that reads
it (what Zensical runs), on their own."""

from __future__ import annotations

import markdown
from annotated_reader.docsfolder.markdown_toc import END, START, comment, makeExtension, tokens

ENTRIES = [
    {
        "level": 1,
        "id": "page",
        "title": "Page",
        "children": [{"level": 2, "id": "sec-1", "title": "a --> <b>x</b> & y", "children": []}],
    }
]


def test_the_comment_holds_nothing_that_could_end_it_and_reads_back() -> None:
    line = comment(ENTRIES)
    payload = line[len(START) : -len(END)]
    assert not any(c in payload for c in "<>&-"), payload
    found = tokens(line)
    assert found is not None
    child = found[0]["children"][0]
    assert (child["id"], child["level"]) == ("sec-1", 2)
    assert child["name"] == "a --&gt; &lt;b&gt;x&lt;/b&gt; &amp; y"  # the title as HTML text
    assert tokens("<!-- something else -->") is None


def test_the_extension_gives_a_raw_html_page_its_entries_and_drops_the_comment() -> None:
    source = '<div><h2 id="sec-1">Heading</h2></div>\n\n' + comment(ENTRIES) + "\n"
    plain = markdown.Markdown(extensions=["toc"])
    plain.convert(source)
    assert plain.toc_tokens == []  # the toc extension alone never sees raw HTML's headings
    md = markdown.Markdown(extensions=["toc", makeExtension()])
    html = md.convert(source)
    assert [t["id"] for t in md.toc_tokens] == ["page"]
    assert [t["id"] for t in md.toc_tokens[0]["children"]] == ["sec-1"]
    assert "annotated-reader-toc" not in html and 'id="sec-1"' in html
