"""Placeholder: filled in by the ratings work."""

from __future__ import annotations

from .features import Feature


class Ratings(Feature):
    name = "ratings"
