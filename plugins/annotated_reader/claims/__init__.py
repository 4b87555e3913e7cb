"""Claims: one fact checked in several notes, defined once in ``annotations/claims.yml``.

May import the core; never another feature.
"""
