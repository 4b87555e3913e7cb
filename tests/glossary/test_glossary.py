"""Glossary: one-pass matching edge cases, checks at file:line, the built page and links."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from annotated_reader.glossary.page import read_terms_script
from annotated_reader.glossary.termmatch import Matcher, Pattern
from helpers.glossary import GLOSSARY, with_glossary
from helpers.htmlcheck import duplicate_ids, text_of, wellformed
from helpers.project import build, check


def matcher(*patterns: Pattern) -> Matcher:
    return Matcher(list(patterns))


def found(m: Matcher, text: str) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.pattern.term_id) for h in m.find(text)]


def test_longest_alias_wins_where_terms_nest() -> None:
    m = matcher(Pattern("Union State", "us"), Pattern("Union State Secretary", "uss"))
    assert found(m, "The Union State Secretary of the Union State.") == [
        ("Union State Secretary", "uss"),
        ("Union State", "us"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin’s plan", [("Putin", "p")]),  # possessive with a curly apostrophe
        ("Putin's plan", [("Putin", "p")]),
        ("(Putin)", [("Putin", "p")]),  # punctuation around
        ("Putin, Putin.", [("Putin", "p"), ("Putin", "p")]),
        ("Putinism and rasputin", []),  # whole words only
        ("Путин сказал", [("Путин", "p")]),  # Cyrillic
        ("Путинизм", []),  # Cyrillic word boundary
        ("PUTIN", [("PUTIN", "p")]),  # case-insensitive by default
    ],
)
def test_whole_word_unicode_matching(text: str, expected: list[tuple[str, str]]) -> None:
    m = matcher(Pattern("Putin", "p"), Pattern("Путин", "p"))
    assert found(m, text) == expected


def test_case_sensitive_alias_matches_only_its_case() -> None:
    m = matcher(Pattern("VDV", "vdv", case_sensitive=True))
    assert found(m, "VDV troops, not vdv") == [("VDV", "vdv")]


def test_characters_that_grow_when_lowered_keep_offsets() -> None:
    m = matcher(Pattern("Minsk", "minsk"))
    text = "İstanbul and Minsk"
    assert found(m, text) == [("Minsk", "minsk")]


def test_one_automaton_for_thousands_of_terms() -> None:
    patterns = [Pattern(f"Term{i} Name", f"t{i}") for i in range(5000)]
    m = Matcher(patterns + [Pattern("Minsk", "minsk")])
    assert found(m, "In Minsk, Term4999 Name met Term12 Name.") == [
        ("Minsk", "minsk"),
        ("Term4999 Name", "t4999"),
        ("Term12 Name", "t12"),
    ]


CHECKS = {
    "alias-claimed-twice": (
        GLOSSARY.replace("aliases: [Minsk]", "aliases: [Minsk, Belarus]"),
        "annotations/glossary.yml:24:",
        "[glossary.alias-claimed-twice]",
    ),
    "unknown-related": (
        GLOSSARY.replace("related: [belarus]", "related: [belarus, belarusia]"),
        "annotations/glossary.yml:7:24",
        "[glossary.unknown-related]",
    ),
    "related-not-an-id": (
        GLOSSARY.replace("related: [belarus]", "related: [belarus, {id: minsk}]"),
        "annotations/glossary.yml:7:",
        "[glossary.type]",
    ),
    "unknown-category": (
        GLOSSARY.replace(
            'category: place\n    definition: "Capital', 'category: city\n    definition: "Capital'
        ),
        "annotations/glossary.yml:22:15",
        "[glossary.unknown-category]",
    ),
    "duplicate-id": (
        GLOSSARY.replace("id: minsk", "id: belarus"),
        "annotations/glossary.yml:20:5",
        "[glossary.duplicate-id]",
    ),
    "unknown-term-in-definition": (
        GLOSSARY.replace("[[term:belarus]]", "[[term:belorussia]]"),
        "annotations/glossary.yml:5:43",
        "[xref.unknown]",
    ),
}


@pytest.mark.parametrize("case", sorted(CHECKS))
def test_glossary_errors_at_their_line(
    case: str, mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    text, where, code = CHECKS[case]
    result = check(with_glossary(mini, write, text))
    assert result.returncode == 1, result.stdout
    lines = [ln for ln in result.stdout.splitlines() if code in ln]
    assert any(ln.startswith(where) for ln in lines), result.stdout


def test_unknown_term_in_a_note_body_is_an_error(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    with_glossary(mini, write)
    src = mini / "annotations/sources/sample.yml"
    src.write_text(
        src.read_text(encoding="utf-8").replace("[[source:sample]]", "[[term:nowhere]]"),
        encoding="utf-8",
    )
    result = check(mini)
    assert (
        "annotations/sources/sample.yml:25:54: error: [xref.unknown] annotation 's-outer' links to unknown term 'nowhere'"
        in result.stdout
    )


def test_terms_and_aliases_found_nowhere_are_warnings(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    text = (
        GLOSSARY
        + "  - id: kyiv\n    term: Kyiv\n    category: place\n    definition: Capital of Ukraine.\n    aliases: [Kyiv, {text: Kiev, occurs: false}]\n"
    )
    result = check(with_glossary(mini, write, text))
    assert result.returncode == 0
    assert (
        "annotations/glossary.yml:26:5: warning: [glossary.unused-term] term 'kyiv' occurs in no source"
        in result.stdout
    )
    assert re.search(
        r"annotations/glossary.yml:30:\d+: warning: \[glossary.alias-not-found\] alias 'Kyiv'",
        result.stdout,
    )
    assert "Kiev" not in result.stdout  # marked occurs: false
    assert check(mini, "--strict").returncode == 1


def test_built_source_page_links_terms(mini: Path, write: Callable[[Path, str, str], Path]) -> None:
    with_glossary(mini, write)
    seed = mini / "seeds/sample.txt"
    assert build(mini).returncode == 0
    html = (mini / "site/sources/sample/index.html").read_text(encoding="utf-8")
    assert wellformed(html[html.index('<div class="ar-text"') : html.index("</article>")]) == []
    assert duplicate_ids(html) == []
    # Longest match first; the shorter alias is not linked inside it.
    assert (
        '<a class="ar-term" href="../../glossary/#union-state-secretary" data-ar-term="union-state-secretary"'
        in html
    )
    # Misspelling linked and shown as such; first occurrence per paragraph by default.
    assert re.search(
        r'<a class="ar-term ar-misspelt"[^>]*title="Misspelling of Minsk">Minks</a>', html
    )
    last_para = html[html.index("flew to") - 300 : html.index("again.")]
    assert last_para.count('data-ar-term="minsk"') == 1  # only the first form (Minks) is linked
    # Terms inside highlights are linked inside the mark, never across it.
    assert re.search(
        r'<mark class="ar-hl[^"]*"[^>]*>[^<]*<a class="ar-term"[^>]*>Belarus</a>', html
    )
    # Previews come from the site's one terms script, not from the page.
    assert "ar-def" not in html and "A country in Eastern Europe" not in html
    # Linking never changes the text.
    body = html[html.index('<div class="ar-text"') : html.index("</article>")]
    assert text_of(body, {"ar-notes", "ar-ref"}) == " ".join(
        seed.read_text(encoding="utf-8").split()
    )


def test_link_terms_all_links_every_occurrence(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    seed = mini / "seeds/sample.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8") + "\nMinsk and Minsk and Minsk.\n", encoding="utf-8"
    )
    with_glossary(mini, write)
    cfg = mini / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace(
            "  - annotated-reader", "  - annotated-reader:\n      link_terms: all"
        ),
        encoding="utf-8",
    )
    assert build(mini).returncode == 0
    html = (mini / "site/sources/sample/index.html").read_text(encoding="utf-8")
    assert html.count('data-ar-term="minsk" id="t-minsk-') == 7


def test_glossary_page_groups_sorts_and_counts(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    with_glossary(mini, write)
    assert build(mini).returncode == 0
    html = (mini / "site/glossary/index.html").read_text(encoding="utf-8")
    groups = re.findall(r'<h2 id="cat-([a-z]+)">', html)
    assert groups == ["person", "organisation", "place"]
    places = html[html.index('id="cat-place"') :]
    assert places.index('id="belarus"') < places.index('id="minsk"')
    entry = html[html.index('<section class="ar-term-entry" id="belarus"') :]
    entry = entry[: entry.index("</section>")]
    assert "A sample source</a>: 1 time (linked: " in entry
    assert '<a href="../sources/sample/#t-belarus-1">1</a>' in entry
    # Spellings as text with their qualifiers; references inline.
    union = html[html.index('id="union-state"') :]
    union = union[: union.index("</section>")]
    assert "<dd>Union State, union-state (not used in the sources)</dd>" in union
    assert 'href="https://en.wikipedia.org/wiki/Union_State"' in union
    minsk = html[html.index('id="minsk"') :]
    assert (
        "<dt>Misspellings in the sources</dt><dd>Minks</dd>" in minsk[: minsk.index("</section>")]
    )
    assert wellformed(html[html.index("<article") : html.index("</article>") + 10]) == []
    union = html[html.index('id="union-state"') :]
    assert '<a href="#belarus">Belarus</a>' in union[: union.index("</section>")]


def test_a_definition_links_notes_and_sources_like_any_note(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    """A definition may name any note or source, not only terms: the page and the preview
    link them where they are (they once rendered as text, as if unknown)."""
    with_glossary(
        mini,
        write,
        GLOSSARY.replace(
            '"Capital of Belarus."', '"Capital of Belarus; see [[source:sample]] and [[s-inner]]."'
        ),
    )
    assert check(mini).returncode == 0
    assert build(mini).returncode == 0
    html = (mini / "site/glossary/index.html").read_text(encoding="utf-8")
    minsk = html[html.index('id="minsk"') :]
    minsk = minsk[: minsk.index("</section>")]
    assert 'href="../sources/sample/">A sample source</a>' in minsk, minsk
    assert 'href="../sources/sample/#s-inner"' in minsk, minsk
    script = (mini / "site/assets/annotated-reader/glossary-terms.js").read_text(encoding="utf-8")
    preview = read_terms_script(script)["minsk"]
    assert 'href="sources/sample/">A sample source</a>' in preview, preview
    assert 'href="sources/sample/#s-inner"' in preview, preview
