"""The editorial vocabulary: kinds of note, fact-check verdicts, dates with their precision,
and titles. Leaves: they import nothing else of the package.
"""
