"""Placeholder: filled in by the glossary work."""

from __future__ import annotations

from .features import Feature


class Glossary(Feature):
    name = "glossary"
