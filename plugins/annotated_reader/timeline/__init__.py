"""The combined timeline: dated events from every source, where their dates disagree, the
timeline page and its JSON export.

May import the core and rendering; never another feature (a source's rating badge comes
through the core's ``Feature.badge``).
"""
