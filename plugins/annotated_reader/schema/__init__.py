"""The editors' JSON Schemas (``schemas/*.schema.json``), generated from the tables the
loader and the features validate against, so the editor and the build agree.

May import the core and the features' field tables.
"""
