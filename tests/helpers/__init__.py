"""Helpers shared by the tests (plain modules; the fixtures live in conftest.py files)."""
