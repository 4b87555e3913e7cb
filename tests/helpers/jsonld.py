"""Reading JSON-LD back as linked data, offline: pyld expands each object against the terms
of schema.org's context shipped with the tests (``tests/fixtures/jsonld/schema.org.jsonld``);
any other address the processor asks for fails the test."""

from __future__ import annotations

import json
from typing import Any

from pyld import jsonld  # type: ignore[import-untyped]

from helpers.project import FIXTURES

S = "http://schema.org/"
CONTEXT = json.loads((FIXTURES / "jsonld" / "schema.org.jsonld").read_text(encoding="utf-8"))


def _loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise AssertionError(f"the JSON-LD processor asked for {url}: nothing may be fetched")


def expand(data: dict[str, Any]) -> dict[str, Any]:
    [node] = jsonld.expand(data, {"documentLoader": _loader})
    return node  # type: ignore[no-any-return]


def values(node: dict[str, Any], prop: str) -> list[Any]:
    """A property's values: the literal, the address (``@id``) or the nested node."""
    out = []
    for v in node.get(S + prop, []):
        out.append(v["@value"] if "@value" in v else v["@id"] if list(v) == ["@id"] else v)
    return out


def one(node: dict[str, Any], prop: str) -> Any:
    found = values(node, prop)
    assert len(found) == 1, f"{prop}: {found}"
    return found[0]


def typed(node: dict[str, Any]) -> list[str]:
    return [t.removeprefix(S) for t in node.get("@type", [])]
