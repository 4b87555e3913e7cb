"""The glossary: terms and their spellings, matching them in the texts, the glossary page and
the term previews.

May import the core and rendering; never another feature.
"""
