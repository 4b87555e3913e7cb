"""The one place that names the reader's features and puts a corpus together.

The core knows features only through :class:`~annotated_reader.core.corpus.Feature`; this
module, at the edge, chooses which ones a site has and gives the loader the page templates.
Adapters (the MkDocs plugin, the command line) and the review load a corpus through here.
"""

from __future__ import annotations

from .claims.feature import Claims
from .core.corpus import Corpus, Feature, Options, Paths
from .core.loader import load_corpus as load
from .core.problems import Problems
from .coverage.feature import Coverage
from .glossary.feature import Glossary
from .ratings.feature import Ratings
from .render.templates import environment, project_templates
from .timeline.feature import Timeline
from .webannotation.feature import WebAnnotations


def default_features() -> list[Feature]:
    return [Glossary(), Ratings(), Timeline(), Coverage(), Claims(), WebAnnotations()]


def load_corpus(
    paths: Paths, options: Options | None = None, features: list[Feature] | None = None
) -> tuple[Corpus, Problems]:
    """Load, validate and anchor the corpus with the default features (or the given ones)."""
    options = options or Options()
    refused = Problems()
    templates, broken = project_templates(paths, options.templates_dir, refused)
    corpus, problems = load(
        paths,
        options,
        default_features() if features is None else features,
        environment(templates, options.cache_dir, broken),
    )
    problems.extend(refused)
    return corpus, problems
