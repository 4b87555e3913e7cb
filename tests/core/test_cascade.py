"""A file that does not load is reported once; nothing else is reported because of it.

One unreadable source file of the real corpus used to bring 14 errors in the other files
("links to unknown note 'lys-treaty-1997' (did you mean 'hahn-treaty-1997'?)") and 90
warnings (its seed unused, the terms and events only it mentions "occur nowhere").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.project import BIN, ROOT, build, check, copy_project, run

LYS = "annotations/sources/lysyansky-ussr-2.yml"


def _syntax_error(project: Path) -> None:
    with (project / LYS).open("a", encoding="utf-8") as file:
        file.write("broken: [\n")


def _not_utf8(project: Path) -> None:
    path = project / LYS
    path.write_bytes(path.read_bytes().replace(b"Lysyansky", b"Lysyansk\xff", 1))


def _unknown_seed(project: Path) -> None:
    path = project / LYS
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("seed: 000_", "seed: 999_", 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("breaker", "code"),
    [
        (_syntax_error, "yaml.syntax"),
        (_not_utf8, "source.encoding"),
        (_unknown_seed, "source.unknown-seed"),
    ],
    ids=["yaml-syntax", "not-utf8", "unknown-seed"],
)
def test_one_source_file_that_does_not_load_is_the_only_problem(
    breaker: Callable[[Path], None], code: str, tmp_path: Path
) -> None:
    project = copy_project(ROOT, tmp_path / "real")
    breaker(project)
    result = check(project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{LYS}:") and f"[{code}]" in lines[0], lines
    assert result.stderr.strip() == "1 error(s), 0 warning(s)"


def test_references_into_a_broken_glossary_or_events_file_are_not_unknown(
    tmp_path: Path,
) -> None:
    project = copy_project(ROOT, tmp_path / "real")
    for name in ("glossary.yml", "events.yml"):
        with (project / "annotations" / name).open("a", encoding="utf-8") as file:
            file.write("broken: [\n")
    result = check(project)
    lines = result.stdout.splitlines()
    assert [line.split(": error: ")[1][:13] for line in lines] == ["[yaml.syntax]"] * 2, lines


def test_a_reference_to_a_note_that_does_not_anchor_is_not_unknown(tmp_path: Path) -> None:
    """Two other files link to lys-treaty-1997: its quote's error is the one reported."""
    project = copy_project(ROOT, tmp_path / "real")
    path = project / LYS
    text = path.read_text(encoding="utf-8")
    quote = "official signing the following year"
    assert quote in text
    path.write_text(text.replace(quote, "official signing a year later"), encoding="utf-8")
    lines = check(project).stdout.splitlines()
    assert len(lines) == 1 and "[anchor.missing] annotation 'lys-treaty-1997'" in lines[0], lines


def _drop_first_id(name: str, first_id: str) -> Callable[[Path], None]:
    """The item whose id line is ``  - id: <first_id>`` keeps its other fields, no id."""

    def breaker(project: Path) -> None:
        path = project / "annotations" / name
        text = path.read_text(encoding="utf-8")
        start = text.index(f"  - id: {first_id}\n")
        end = text.index("\n", start) + 1
        rest = text[end:]
        path.write_text(text[:start] + "  - " + rest.lstrip(" "), encoding="utf-8")

    return breaker


def _replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def breaker(project: Path) -> None:
        path = project / "annotations" / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return breaker


def _terms_not_terms(project: Path) -> None:
    path = project / "annotations" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("terms:")] + 'terms: [5, "s"]\n', encoding="utf-8")


@pytest.mark.parametrize(
    ("breaker", "file", "codes"),
    [
        (_drop_first_id("glossary.yml", "putin"), "glossary.yml", ["glossary.missing-field"]),
        (_terms_not_terms, "glossary.yml", ["glossary.type", "glossary.type"]),
        (
            _drop_first_id("events.yml", "union-treaty-1997"),
            "events.yml",
            ["event.missing-field"],
        ),
        (
            _drop_first_id("sources/lysyansky-ussr-2.yml", "lys-treaty-1997"),
            "sources/lysyansky-ussr-2.yml",
            ["annotation.missing-field"],
        ),
        # An id no reference could name: `yes` is read as true, `Peskov` is no id
        (
            _replace("glossary.yml", "  - id: peskov\n", "  - id: yes\n"),
            "glossary.yml",
            ["glossary.type"],
        ),
        (
            _replace("glossary.yml", "  - id: peskov\n", "  - id: Peskov\n"),
            "glossary.yml",
            ["glossary.bad-id"],
        ),
        (
            _replace("sources/hahn-belarus-option.yml", "  - id: hahn-conclusion\n", "  - id: yes\n"),
            "sources/hahn-belarus-option.yml",
            ["annotation.type"],
        ),
        (
            _replace("claims.yml", "  - id: union-treaty-1997\n", "  - idd: union-treaty-1997\n"),
            "claims.yml",
            ["claim.unknown-field", "claim.missing-field"],
        ),
    ],
    ids=[
        "term-without-id",
        "terms-not-terms",
        "event-without-id",
        "note-without-id",
        "term-id-yes",
        "term-id-capitalised",
        "note-id-yes",
        "claim-without-id",
    ],
)  # fmt: skip
def test_an_item_whose_id_cannot_be_told_is_the_only_problem(
    breaker: Callable[[Path], None], file: str, codes: list[str], tmp_path: Path
) -> None:
    """Its id may have been any that others name: 'putin' without its id had brought
    twelve unknown-term and unknown-related errors, the list `[5, "s"]` forty."""
    project = copy_project(ROOT, tmp_path / "real")
    breaker(project)
    lines = check(project).stdout.splitlines()
    assert [line.split("] ")[0].split("[")[-1] for line in lines] == codes, lines
    assert all(line.startswith(f"annotations/{file}:") for line in lines), lines


def test_a_source_that_does_not_load_brings_no_warning_of_the_pages_linking_it(
    tmp_path: Path,
) -> None:
    """editorial-policy.md links notes of flash-reunification: with its seed unreadable,
    the strict build said its one error and four MkDocs warnings of those links (an outside
    test). A page stands in for the source, and says why it is not there."""
    project = copy_project(ROOT, tmp_path / "real")
    seed = next((project / "seeds").glob("003_*.txt"))
    seed.write_bytes(b"bad \xff bytes\n\n" + seed.read_bytes())
    assert "sources/flash-reunification.md#" in (project / "docs/editorial-policy.md").read_text(
        encoding="utf-8"
    )
    strict = build(project)
    said = [line for line in strict.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert len(said) == 1 and "[seed.encoding]" in said[0], said
    plain = run([str(BIN / "mkdocs"), "build", "--site-dir", "site"], project)
    assert plain.returncode == 0
    page = (project / "site/sources/flash-reunification/index.html").read_text(encoding="utf-8")
    assert "This source is not published in this build" in page
    index = (project / "site/index.html").read_text(encoding="utf-8")
    assert 'href="sources/flash-reunification/"' not in index  # not in the navigation
    search = (project / "site/search/search_index.json").read_text(encoding="utf-8")
    assert '"sources/flash-reunification/' not in search  # nor in search


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Mondo.yml", "must be a source id of lowercase letters"),
        # sources/index.md is the list of sources: the source's page was lost silently
        ("index.yml", "id 'index' is the address of the list of sources"),
    ],
    ids=["not-an-id", "index"],
)
def test_a_source_file_whose_name_is_no_source_id_is_its_one_error(
    name: str, why: str, tmp_path: Path
) -> None:
    """Its notes are lost with it: links to them are not reported unknown (nine were)."""
    project = copy_project(ROOT, tmp_path / "real")
    sources = project / "annotations" / "sources"
    (sources / "mondo-new-soviet-union.yml").rename(sources / name)
    lines = check(project).stdout.splitlines()
    assert len(lines) == 1 and "[source.bad-id]" in lines[0] and why in lines[0], lines


def test_a_link_to_a_note_whose_id_cannot_be_told_brings_no_warning(tmp_path: Path) -> None:
    """editorial-policy.md links hahn-conclusion: with its id gone, the strict build also
    warned of the link (docs.unknown-anchor), which check did not."""
    project = copy_project(ROOT, tmp_path / "real")
    _drop_first_id("sources/hahn-belarus-option.yml", "hahn-conclusion")(project)
    assert "hahn-belarus-option.md#hahn-conclusion" in (
        project / "docs/editorial-policy.md"
    ).read_text(encoding="utf-8")
    said = [
        line for line in build(project).stderr.splitlines() if line.startswith(("WARNING", "ERROR"))
    ]
    assert len(said) == 1 and "[annotation.missing-field]" in said[0], said
