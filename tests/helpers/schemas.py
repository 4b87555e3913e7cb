"""Editorial files read as their JSON Schema sees them, for the schema tests of any project."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from annotated_reader.core.problems import Problems
from annotated_reader.core.yamlsrc import load_yaml
from annotated_reader.schema import build as schema


def plain(path: Path) -> Any:
    """The file as the loader types it (dates stay text, a bare yes is true)."""
    problems = Problems()
    node = load_yaml(path.name, path.read_text(encoding="utf-8"), problems)
    assert node is not None and not problems.errors, problems.errors
    return node.plain()


def targets(root: Path) -> list[tuple[str, Path]]:
    """(schema file name, editorial file) for every file of ``root`` a schema covers."""
    return [
        (name, path) for name, glob in schema.TARGETS.items() for path in sorted(root.glob(glob))
    ]


def schema_errors(schemas: Path, root: Path) -> list[str]:
    """Every schema error in ``root``'s editorial files, against the schemas in ``schemas``."""
    found, pairs = [], targets(root)
    assert pairs, f"no editorial file in {root}"
    for name, path in pairs:
        check = jsonschema.Draft7Validator(json.loads((schemas / name).read_text("utf-8")))
        found += [
            f"{path.name}: {list(e.path)}: {e.message}" for e in check.iter_errors(plain(path))
        ]
    return found
