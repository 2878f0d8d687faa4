"""The shared word lists, for the analysis modules: the one lexicon of :mod:`ingest.lexicon`
(``ingest/data/lexicon.toml``), which the layout rules of ``ingest/`` read too."""
from ingest.lexicon import *  # noqa: F401,F403
from ingest.lexicon import (  # noqa: F401
    KINDS,
    alternation,
    guess_kind,
    kinds,
    lower,
    names,
    pattern,
    words,
)
