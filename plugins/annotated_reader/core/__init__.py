"""The core: the data model, YAML with line marks, validation, anchoring, segmentation, safe
Markdown, problems, the corpus, the loader and the :class:`~.corpus.Feature` interface.

May import the standard library, PyYAML, markdown-it-py and Jinja's types; never a feature,
rendering, the review, an adapter or MkDocs.
"""
