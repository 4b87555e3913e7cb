"""Coverage: the checkable sentences of each source that no note explains yet.

May import the core; never another feature.
"""
