"""The pull-request review: two revisions loaded from git, what changed between their notes,
and the Markdown report with every problem at ``file:line``.

May import the core, rendering and the features (a corpus comes through the assembly).
"""
