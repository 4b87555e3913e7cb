"""New projects: ``annotated-reader init`` writes one that builds at once, ``add-source``
adds a text to it. The project's files are package data (``template/``), so the command
works from an installed wheel, far from this repository."""
