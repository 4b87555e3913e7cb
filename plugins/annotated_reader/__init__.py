"""Annotated reader: verbatim sources with anchored notes, built into a static site.

The library (load → validate → anchor → render) is plain functions over dataclasses and
imports nothing from MkDocs, so the plugin and the command line share it and it can
follow the site generator's successor.
"""
