"""Rendering: the HTML of source pages and of the site's generated parts, their templates and
assets, page addresses relative to the reader, and the lean documents given to search.

May import the core; never a feature (features reach it through the core's interface).
"""
