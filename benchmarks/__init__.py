"""Build-performance benchmark: the real site against plain mkdocs-material, and scaling.

Run ``make bench`` (or ``.venv/bin/python -m benchmarks.bench --quick``); see README.md.
"""
