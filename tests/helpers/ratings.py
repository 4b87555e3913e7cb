"""A valid rating, shared by the ratings and check tests."""

from __future__ import annotations

RATING = """rating:
  grade: C
  criteria:
    named-author: {met: no, evidence: "No byline."}
    cites-sources: {met: partly, evidence: "Names a treaty, links nothing."}
    separates-opinion: {met: yes, evidence: "Plain reporting throughout."}
    dated-corrected: {met: partly, evidence: "Dated by month only."}
    clean-text: {met: no, evidence: "A comment form was captured."}
  rationale: |
    A fixture text.
  reviewed: "2026-11-22"
"""
