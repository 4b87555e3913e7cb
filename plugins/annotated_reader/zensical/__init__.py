"""The Zensical adapter: the reader built by Zensical from the engine-neutral render, with
a configuration generated from ``mkdocs.yml`` (Zensical runs no MkDocs plugin)."""
