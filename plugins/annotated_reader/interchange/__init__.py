"""Notes in and out of the editorial data: the quote helper (a ready-to-paste note whose
quote matches one place), the W3C Web Annotation export, and the Hypothesis import.

Each writes or reads notes as an editor would: YAML is written as text, in the layout of
``annotations/README.md`` (an import appends to a file without re-dumping it, so its
comments and layout stay), and every quote is found by the reader's own anchoring.
"""
