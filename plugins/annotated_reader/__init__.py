"""Annotated reader: verbatim sources with anchored notes, built into a static site.

The library (load → validate → anchor → render) is plain functions over dataclasses and
imports nothing from MkDocs, so the plugin and the command line share it and it can
follow the site generator's successor.

One folder per part (``core``, ``render``, one per feature, ``review``, ``schema``,
``bundle``, and ``mkdocs`` for the adapter); each folder's ``__init__`` says what it owns
and what it may import, and ``pyproject.toml`` holds the same rules as import-linter
contracts.
"""
