import pytest

from askmap import pipeline
from askmap.store import open_engine

from .helpers import SEED_SPECS, fake_embedder, write_corpus


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "letters")


@pytest.fixture
def embedder():
    return fake_embedder()


@pytest.fixture
def fitted(tmp_path, corpus, embedder):
    """A database holding the invented letters, after its first fit (three seed themes, the rest discovered)."""
    engine = open_engine(str(tmp_path / "t.db"))
    results = pipeline.ingest_paths(engine, [corpus], theme_specs=SEED_SPECS, embedder=embedder)
    assert all(r.status == pipeline.OK for r in results), [r.line() for r in results]
    return engine
