"""Invalid documents are rejected by both the JSON Schema and the loader, through ``check``.

Each case breaks one file of the mini project in one way. The schema (what an editor's
YAML extension shows while typing) must reject it, and ``annotated-reader check`` must
report the loader's error code at the expected line, exit 1, and show no traceback. This
also covers the error classes not tested elsewhere. The valid variants at the end must
pass both, so the schema is not stricter than the loader either.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from annotated_reader.core.problems import Problems
from annotated_reader.core.yamlsrc import load_yaml
from helpers.project import check

ROOT = Path(__file__).resolve().parents[2]
SRC = "annotations/sources/sample.yml"
GLOSSARY = "annotations/glossary.yml"
EVENTS = "annotations/events.yml"
SCHEMA_OF = {SRC: "source", GLOSSARY: "glossary", EVENTS: "events"}
TERM = """terms:
  - id: minsk
    term: Minsk
    category: place
    definition: Capital of Belarus.
    aliases: [Minsk, {text: MINSK, case_sensitive: true, occurs: false}]
"""
EVENT = """events:
  - id: community-1996
    title: Community of Belarus and Russia founded
    date: "1996-04-02"
    category: institution
    description: The Union State's forerunner.
    references:
      - {title: "Union State", url: "https://en.wikipedia.org/wiki/Union_State"}
"""
INNER = '    quote: {exact: "founded in 1996", suffix: " by"}\n'

# case: (file, text to replace, replacement, loader code, text on the reported line)
CASES: dict[str, tuple[str, str, str, str, str]] = {
    "unknown-top-field": (
        SRC,
        "annotations:\n",
        "notes: []\nannotations:\n",
        "source.unknown-field",
        "notes: []",
    ),
    "missing-seed": (SRC, "seed: sample.txt\n", "", "source.missing-field", "metadata:"),
    "metadata-not-a-mapping": (
        SRC,
        'title: {value: "A sample source", basis: "Fixture."}',
        'title: "A sample source"',
        "metadata.type",
        'title: "A sample',
    ),
    "metadata-missing-basis": (
        SRC,
        'title: {value: "A sample source", basis: "Fixture."}',
        'title: {value: "A sample source"}',
        "metadata.missing-field",
        "title: {value",
    ),
    "short-title-too-long": (
        SRC,
        'title: {value: "A sample source", basis: "Fixture."}',
        'title: {value: "A sample source", basis: "Fixture."}\n  short_title: "' + "s" * 49 + '"',
        "metadata.short-title-too-long",
        "short_title:",
    ),
    "metadata-bad-url": (
        SRC,
        'url: {value: "https://example.org/sample"',
        'url: {value: "ftp://example.org/sample"',
        "metadata.bad-url",
        "url: {value",
    ),
    "metadata-bad-date-form": (
        SRC,
        'published: {value: "2022-10"',
        'published: {value: "October 2022"',
        "metadata.bad-date",
        "published:",
    ),
    "metadata-empty-basis": (
        SRC,
        'outlet: {value: "Fixture Weekly", basis: "Fixture."}',
        'outlet: {value: "Fixture Weekly", basis: " "}',
        "metadata.empty",
        "outlet:",
    ),
    "annotation-not-a-mapping": (
        SRC,
        "annotations:\n",
        "annotations:\n  - just text\n",
        "annotation.type",
        "- just text",
    ),
    "annotation-bad-id": (SRC, "id: s-outer", "id: S_Outer", "annotation.bad-id", "id: S_Outer"),
    "annotation-empty-body": (
        SRC,
        'body: "Comment-form heading captured by the scraper."',
        'body: "  "',
        "annotation.empty",
        'body: "  "',
    ),
    "verdict-on-other-kind": (
        SRC,
        "    kind: framing\n",
        "    kind: framing\n    verdict: misleading\n",
        "annotation.verdict-on-other-kind",
        "verdict: misleading",
    ),
    "fact-check-empty-references": (
        SRC,
        '      - {title: "Union State", url: "https://en.wikipedia.org/wiki/Union_State"}\n',
        "",
        "reference.missing",
        "id: s-inner",
    ),
    "fact-check-no-reviewed": (
        SRC,
        '    reviewed: "2026-11-22"\n  - id: s-overlap',
        "  - id: s-overlap",
        "claimreview.missing-reviewed",
        "id: s-inner",
    ),
    "reference-missing-title": (
        SRC,
        '{title: "Union State", url:',
        "{url:",
        "reference.missing-field",
        "{url:",
    ),
    "bad-reviewed": (
        SRC,
        '    reviewed: "2026-11-22"\n  - id: s-overlap',
        '    reviewed: "22/11/2026"\n  - id: s-overlap',
        "annotation.bad-reviewed",
        '"22/11/2026"',
    ),
    "correction-without-correction": (
        SRC,
        '    correction: "grew **slowly**."\n',
        "",
        "annotation.missing-field",
        "id: s-cross",
    ),
    "quote-without-exact": (
        SRC,
        INNER,
        '    quote: {suffix: " by"}\n',
        "quote.missing-field",
        "quote: {suffix",
    ),
    "quote-context-fits-nothing": (
        SRC,
        INNER,
        '    quote: {exact: "founded in 1996", suffix: " in"}\n',
        "anchor.context",
        "id: s-inner",
    ),
    "date-without-event": (
        SRC,
        INNER,
        INNER + '    date: "1996"\n',
        "annotation.event-date",
        "id: s-inner",
    ),
    "layout-unknown-role": (
        SRC,
        "annotations:\n",
        'layout:\n  - {role: footer, quote: {exact: "Leave a Reply"}}\nannotations:\n',
        "layout.unknown-role",
        "role: footer",
    ),
    "layout-quote-missing": (
        SRC,
        "annotations:\n",
        'layout:\n  - {role: caption, quote: {exact: "Not in the text"}}\nannotations:\n',
        "layout.missing",
        "role: caption",
    ),
    "rating-unknown-grade": (
        SRC,
        "  grade: C\n",
        "  grade: G\n",
        "rating.unknown-grade",
        "grade: G",
    ),
    "rating-computed-criterion": (
        SRC,
        "  criteria:\n",
        '  criteria:\n    accurate-claims: {met: yes, evidence: "x"}\n',
        "rating.computed-criterion",
        "accurate-claims",
    ),
    "rating-bad-met": (
        SRC,
        "clean-text: {met: no",
        "clean-text: {met: maybe",
        "rating.bad-met",
        "clean-text:",
    ),
    "rating-missing-criterion": (
        SRC,
        '    clean-text: {met: no, evidence: "A comment form was captured with the text."}\n',
        "",
        "rating.missing-criterion",
        "named-author:",
    ),
    "rating-unknown-criterion": (
        SRC,
        "  criteria:\n",
        '  criteria:\n    is-nice: {met: yes, evidence: "x"}\n',
        "rating.unknown-criterion",
        "is-nice",
    ),
    "rating-bad-reviewed": (
        SRC,
        '  reviewed: "2026-11-22"\nannotations',
        '  reviewed: "Nov 2026"\nannotations',
        "rating.bad-reviewed",
        '"Nov 2026"',
    ),
    "rating-unknown-field": (
        SRC,
        "  grade: C\n",
        "  grade: C\n  stars: 5\n",
        "rating.unknown-field",
        "stars: 5",
    ),
    "rating-missing": (SRC, "rating:\n", "rating_:\n", "rating.missing", "seed: sample.txt"),
    "glossary-unknown-field": (
        GLOSSARY,
        "    term: Minsk\n",
        "    term: Minsk\n    plural: Minsks\n",
        "glossary.unknown-field",
        "plural:",
    ),
    "glossary-missing-definition": (
        GLOSSARY,
        "    definition: Capital of Belarus.\n",
        "",
        "glossary.missing-field",
        "id: minsk",
    ),
    "glossary-bad-alias": (
        GLOSSARY,
        "aliases: [Minsk, ",
        'aliases: [" ", ',
        "glossary.bad-alias",
        "aliases:",
    ),
    "glossary-flag-not-boolean": (
        GLOSSARY,
        "occurs: false",
        "occurs: never",
        "glossary.type",
        "aliases:",
    ),
    "glossary-terms-not-a-list": (
        GLOSSARY,
        TERM,
        "terms: Minsk\n",
        "glossary.type",
        "terms: Minsk",
    ),
    "event-missing-references": (
        EVENTS,
        '    references:\n      - {title: "Union State", url: "https://en.wikipedia.org/wiki/Union_State"}\n',
        "",
        "event.missing-field",
        "id: community-1996",
    ),
    "event-bad-date-form": (
        EVENTS,
        'date: "1996-04-02"',
        'date: "April 1996"',
        "event.bad-date",
        "April 1996",
    ),
    "event-unknown-category": (
        EVENTS,
        "category: institution",
        "category: institutions",
        "event.unknown-category",
        "institutions",
    ),
    "place-without-event": (
        SRC,
        INNER,
        INNER + "    place: minsk\n",
        "annotation.where-without-event",
        "place: minsk",
    ),
    "event-place-a-name": (
        EVENTS,
        "category: institution",
        'category: institution\n    place: "Minsk"',
        "where.bad-id",
        'place: "Minsk"',
    ),
    "event-actors-not-a-list": (
        EVENTS,
        "category: institution",
        "category: institution\n    actors: minsk",
        "where.type",
        "actors: minsk",
    ),
    "event-actor-twice": (
        EVENTS,
        "category: institution",
        "category: institution\n    actors: [minsk, minsk]",
        "where.duplicate-actor",
        "actors: [minsk, minsk]",
    ),
}


def project(mini: Path, rel: str, old: str, new: str) -> str:
    (mini / GLOSSARY).write_text(TERM, encoding="utf-8")
    path = mini / rel
    text = path.read_text(encoding="utf-8") if path.exists() else EVENT
    assert old in text, f"{old!r} is not in {rel}; update this case"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def schema_errors(rel: str, text: str) -> list[str]:
    schema = json.loads((ROOT / "schemas" / f"{SCHEMA_OF[rel]}.schema.json").read_text("utf-8"))
    problems = Problems()
    node = load_yaml(rel, text, problems)
    assert node is not None
    return [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(node.plain())]


@pytest.mark.parametrize("case", sorted(CASES))
def test_invalid_document_is_rejected_by_schema_and_loader(case: str, mini: Path) -> None:
    rel, old, new, code, needle = CASES[case]
    text = project(mini, rel, old, new)
    shape_only = code in ("anchor.context", "layout.missing")  # anchoring is beyond a schema
    assert shape_only or schema_errors(rel, text), f"the schema accepts case {case}"
    result = check(mini, "--format", "json")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    found = [p for p in json.loads(result.stdout) if p["code"] == code]
    assert found, [p["code"] for p in json.loads(result.stdout)]
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if needle in ln)
    assert any(p["path"] == rel and p["line"] == line for p in found), (line, found)
    assert all(p["severity"] == "error" for p in found)


VALID = {
    "quote-as-plain-text": (
        SRC,
        '    quote: {exact: "Leave a Reply"}\n',
        '    quote: "Leave a Reply"\n',
    ),
    "unquoted-year": (SRC, 'published: {value: "2022-10"', "published: {value: 2022"),
    "unknown-author": (
        SRC,
        'author: {value: null, basis: "No byline."}',
        'author: {value: null, basis: "No byline."}',
    ),
    "met-as-yaml-boolean": (SRC, "separates-opinion: {met: yes", "separates-opinion: {met: true"),
    "empty-layout-list": (SRC, "annotations:\n", "layout:\nannotations:\n"),
    "short-title-at-the-limit": (
        SRC,
        'title: {value: "A sample source", basis: "Fixture."}',
        'title: {value: "A sample source", basis: "Fixture."}\n  short_title: "' + "s" * 48 + '"',
    ),
    "event-interval": (EVENTS, 'date: "1996-04-02"', 'date: "1996-04/1996-05~"'),
    "event-place-and-actors": (
        EVENTS,
        "category: institution",
        "category: institution\n    place: minsk\n    actors: [minsk]",
    ),
}


@pytest.mark.parametrize("case", sorted(VALID))
def test_valid_variants_pass_both(case: str, mini: Path) -> None:
    rel, old, new = VALID[case]
    text = project(mini, rel, old, new)
    assert not schema_errors(rel, text)
    if rel == EVENTS:
        return  # an event no note dates is only a warning; the shape is what counts here
    result = check(mini, "--format", "json")
    errors = [p for p in json.loads(result.stdout) if p["severity"] == "error"]
    assert not errors, errors


def _latin1_seed(mini: Path) -> None:
    (mini / "seeds" / "sample.txt").write_bytes("Caf\xe9 in Minsk.\n".encode("latin-1"))


def _no_seeds(mini: Path) -> None:
    for path in (mini / "seeds").iterdir():
        path.unlink()
    (mini / "seeds").rmdir()


def _bad_file_name(mini: Path) -> None:
    (mini / "annotations" / "sources" / "Second_Source.yml").write_text("seed: x\n", "utf-8")


def _no_sources(mini: Path) -> None:
    (mini / SRC).unlink()


def _seed_reused(mini: Path) -> None:
    text = (mini / SRC).read_text(encoding="utf-8").replace("id: s-", "id: t-")
    (mini / "annotations" / "sources" / "twin.yml").write_text(text, encoding="utf-8")


def _complex_key(mini: Path) -> None:
    text = (mini / SRC).read_text(encoding="utf-8")
    (mini / SRC).write_text("? [a, b]\n: x\n" + text, encoding="utf-8")


# Errors about the project rather than one field: (break it, code, path, line)
PROJECT_CASES = {
    "seed-not-utf8": (_latin1_seed, "seed.encoding", "seeds/sample.txt", 1),
    "no-seeds-folder": (_no_seeds, "seed.missing-folder", "seeds", 0),
    "file-name-not-an-id": (
        _bad_file_name,
        "source.bad-id",
        "annotations/sources/Second_Source.yml",
        1,
    ),
    "no-source-files": (_no_sources, "source.none", "annotations/sources", 0),
    "seed-annotated-twice": (_seed_reused, "source.seed-reused", "annotations/sources/twin.yml", 1),
    "key-not-text": (_complex_key, "yaml.key", SRC, 1),
}


@pytest.mark.parametrize("case", sorted(PROJECT_CASES))
def test_project_level_errors_through_check(case: str, mini: Path) -> None:
    breaker, code, path, line = PROJECT_CASES[case]
    breaker(mini)
    result = check(mini, "--format", "json")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    found = [p for p in json.loads(result.stdout) if p["code"] == code]
    assert any(p["path"] == path and p["line"] == line for p in found), found or result.stdout
    where = rf"{re.escape(path)}:{line}:\d+" if line else re.escape(path)
    assert re.search(rf"^{where}: error: \[{re.escape(code)}\] \S", check(mini).stdout, re.M)
