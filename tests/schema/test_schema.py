"""The editors' JSON Schemas: generated from the loader, committed, wired, and true to the data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from annotated_reader.schema import build as schema
from helpers.project import BIN, FIXTURES, ROOT, run
from helpers.schemas import plain, targets

SCHEMAS = ROOT / "schemas"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")


def validator(name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))


def test_committed_schemas_are_what_the_loader_generates() -> None:
    assert schema.stale(SCHEMAS) == [], "run `annotated-reader schema` and commit schemas/"
    result = run([str(BIN / "annotated-reader"), "schema", "--check"], ROOT)
    assert result.returncode == 0, result.stderr


def test_schema_check_names_a_stale_file_and_write_fixes_it(tmp_path: Path) -> None:
    assert run([str(BIN / "annotated-reader"), "schema"], tmp_path).returncode == 0
    path = tmp_path / "schemas" / "events.schema.json"
    path.write_text(path.read_text(encoding="utf-8").replace("treaty", "treatise"), "utf-8")
    stale = run([str(BIN / "annotated-reader"), "schema", "--check"], tmp_path)
    assert stale.returncode == 1
    assert "schemas/events.schema.json: out of date with the loader" in stale.stderr
    fixed = run([str(BIN / "annotated-reader"), "schema"], tmp_path)
    assert "wrote schemas/events.schema.json" in fixed.stderr
    assert schema.stale(tmp_path / "schemas") == []


@pytest.mark.parametrize("name", sorted(schema.TARGETS))
def test_schemas_are_valid_draft7(name: str) -> None:
    jsonschema.Draft7Validator.check_schema(json.loads((SCHEMAS / name).read_text("utf-8")))


def test_schemas_follow_the_loaders_constants() -> None:
    from annotated_reader.core.sourcefile import ANNOTATION_FIELDS, TOP_FIELDS
    from annotated_reader.core.vocabulary.kinds import KINDS
    from annotated_reader.core.vocabulary.verdicts import VERDICTS
    from annotated_reader.timeline.model import CATEGORIES

    source = schema.source_schema()
    note = source["properties"]["annotations"]["items"]
    assert list(source["properties"]) == list(TOP_FIELDS)
    assert list(note["properties"]) == list(ANNOTATION_FIELDS)
    assert note["properties"]["kind"]["enum"] == list(KINDS)
    assert note["properties"]["verdict"]["enum"] == list(VERDICTS)
    event = schema.events_schema()["properties"]["events"]["items"]
    assert event["properties"]["category"]["enum"] == list(CATEGORIES)


REAL = targets(ROOT)


@pytest.mark.parametrize(
    ("name", "path"), REAL, ids=[p.relative_to(ROOT).as_posix() for _, p in REAL]
)
def test_every_real_file_validates(name: str, path: Path) -> None:
    errors = sorted(validator(name).iter_errors(plain(path)), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_every_annotations_file_has_a_schema() -> None:
    covered = {p for _, p in REAL}
    every = set((ROOT / "annotations").rglob("*.yml"))
    assert every and every <= covered, every - covered
    mini = targets(FIXTURES / "mini")
    assert mini
    for name, path in mini:
        assert not list(validator(name).iter_errors(plain(path))), path


def test_editors_are_wired_to_the_schemas() -> None:
    """VS Code (YAML extension) maps each glob to its schema; modelines, where present,
    point at the same schema file."""
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    wired = settings["yaml.schemas"]
    assert wired == {f"./schemas/{n}": g for n, g in schema.TARGETS.items()}
    recommended = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in recommended["recommendations"]
    for name, path in REAL:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        found = MODELINE.match(first)
        if found:
            assert (path.parent / found[1]).resolve() == (SCHEMAS / name).resolve(), path
