"""Placeholder: filled in by the timeline work."""

from __future__ import annotations

from .features import Feature


class Timeline(Feature):
    name = "timeline"
