"""Markdown for untrusted note text (``core/text/markup.py``), straight from the library:
the references found in a text, which links may be written, how a reference and an external
link are rendered, and raw HTML escaped whichever path a text takes."""

from __future__ import annotations

import pytest
from annotated_reader.core.text.markup import CrossRef, Markup, find_refs, is_safe_link


@pytest.fixture
def markup() -> Markup:
    """A new renderer for each test: one made at import would be made before make mutate
    switches a mutant on, so the constructor's mutants (raw HTML on, the reference rule or
    the link renderer not registered) would never be run."""
    return Markup()


def resolver(namespace: str, ident: str) -> tuple[str, str] | None:
    if ident == "zz":
        return None
    return f"../{namespace}/#{ident}", f"{namespace.title()} & co"


def test_references_are_found_in_order_with_their_namespace_label_and_place() -> None:
    text = "See [[a]], [[term:b|the term]] and [[source:c]]; not [[Bad]] nor [[event:]]."
    assert find_refs(text) == [
        CrossRef("note", "a", None, 4, "[[a]]"),
        CrossRef("term", "b", "the term", 11, "[[term:b|the term]]"),
        CrossRef("source", "c", None, 35, "[[source:c]]"),
    ]
    assert find_refs("[[note:x-1|L]]") == [CrossRef("note", "x-1", "L", 0, "[[note:x-1|L]]")]


@pytest.mark.parametrize(
    "url",
    ["http://e.org", "HTTPS://e.org/x", " mailto:a@b.org", "../x/", "#n", "x.html", "/abs", ""],
)
def test_web_mail_and_relative_links_are_safe(url: str) -> None:
    assert is_safe_link(url)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JavaScript:x", "data:text/html,x", "file:///etc", "ftp://e"]
)
def test_other_schemes_are_not(url: str) -> None:
    assert not is_safe_link(url)


def test_links_external_safe_and_unsafe(markup: Markup) -> None:
    text = "[e](http://e.org) [s](HTTPS://e.org) [m](mailto:a@b.org) [r](../x/) [j](javascript:x)"
    assert markup.render(text, resolver) == (
        '<p><a href="http://e.org" rel="noopener noreferrer" class="ar-external">e</a> '
        '<a href="HTTPS://e.org" rel="noopener noreferrer" class="ar-external">s</a> '
        '<a href="mailto:a@b.org">m</a> <a href="../x/">r</a> [j](javascript:x)</p>\n'
    )
    assert markup.render_inline("[e](https://e.org/?a=1&b=2)", resolver) == (
        '<a href="https://e.org/?a=1&amp;b=2" rel="noopener noreferrer" class="ar-external">e</a>'
    )
    # No scheme, but another site all the same (an outside test found it passed as relative)
    assert markup.render_inline("[d](//elsewhere.example/x)", resolver) == (
        '<a href="//elsewhere.example/x" rel="noopener noreferrer" class="ar-external">d</a>'
    )


def test_references_render_as_links_or_as_broken(markup: Markup) -> None:
    text = "[[a]] [[source:c|S]] [[event:d]] [[term:b]] [[zz|gone]] [[term:zz]]"
    expected = (
        '<a class="ar-xref ar-xref-note" href="../note/#a">Note &amp; co</a> '
        '<a class="ar-xref ar-xref-source" href="../source/#c">S</a> '
        '<a class="ar-xref ar-xref-event" href="../event/#d">Event &amp; co</a> '
        '<a class="ar-xref ar-xref-term" href="../term/#b" data-ar-term="b">Term &amp; co</a> '
        '<span class="ar-broken-ref">gone</span> <span class="ar-broken-ref">zz</span>'
    )
    # The shortcut and markdown-it (the '*' sends the second one the long way).
    assert markup.render(text, resolver) == f"<p>{expected}</p>\n"
    assert markup.render(f"*{text}*", resolver) == f"<p><em>{expected}</em></p>\n"
    assert markup.render_inline(f"`c` {text}", resolver) == f"<code>c</code> {expected}"


def test_emphasis_and_links_span_a_reference(markup: Markup) -> None:
    assert markup.render("*see [[a]] here* and **[[zz]]**", resolver) == (
        '<p><em>see <a class="ar-xref ar-xref-note" href="../note/#a">Note &amp; co</a> '
        'here</em> and <strong><span class="ar-broken-ref">zz</span></strong></p>\n'
    )


def test_raw_html_is_escaped_and_images_are_off(markup: Markup) -> None:
    assert markup.render("<b>x</b> <script>alert(1)</script>\n\n![i](x.png)", resolver) == (
        '<p>&lt;b&gt;x&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>!<a href="x.png">i</a></p>\n'
    )
    assert markup.render_inline("<i>a</i>", resolver) == "&lt;i&gt;a&lt;/i&gt;"
    assert markup.render("<div>\nblock\n</div>", resolver) == (
        "<p>&lt;div&gt;\nblock\n&lt;/div&gt;</p>\n"
    )


def test_no_typography_and_no_bare_links(markup: Markup) -> None:
    assert markup.render('"q" -- (c) www.e.org http://e.org', resolver) == (
        "<p>&quot;q&quot; -- (c) www.e.org http://e.org</p>\n"
    )
    assert markup.render('"q" -- *(c)* www.e.org', resolver) == (
        "<p>&quot;q&quot; -- <em>(c)</em> www.e.org</p>\n"
    )


def test_plain_text_never_reaches_markdown_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shortcut is taken for plain text, paragraphs and inline (its cost is the point)."""
    markup = Markup()

    def refuse(*_args: object) -> str:
        raise AssertionError("markdown-it called for plain text")

    monkeypatch.setattr(markup.md, "render", refuse)
    monkeypatch.setattr(markup.md, "renderInline", refuse)
    assert markup.render("A, “B”\n\nsee [[a]]\n", resolver) == (
        '<p>A, “B”</p>\n<p>see <a class="ar-xref ar-xref-note" href="../note/#a">'
        "Note &amp; co</a></p>\n"
    )
    assert markup.render_inline('A "B" [[zz]]', resolver) == (
        'A &quot;B&quot; <span class="ar-broken-ref">zz</span>'
    )


def test_a_link_whose_text_is_in_brackets_renders_as_that_link(markup: Markup) -> None:
    assert markup.render_inline("[[1]](https://e.org/1)", resolver) == (
        '<a href="https://e.org/1" rel="noopener noreferrer" class="ar-external">[1]</a>'
    )
