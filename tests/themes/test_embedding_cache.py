"""The embedding cache: texts are embedded once, then read back from the database's embeddings table."""
import numpy as np
import pytest
from sqlalchemy import func, select

from analysis.embeddings import DIM, Embedder, MemoryCache, text_key
from askmap.store import open_engine
from askmap.store.schema import embeddings
from askmap.store.themes import EmbeddingStore

from .helpers import FakeModel, RaisingModel

TEXTS = ["Restore the evening bus routes.", "Keep the branch library open.", "Build flood defences."]


@pytest.fixture
def engine(tmp_path):
    return open_engine(str(tmp_path / "e.db"))


def _rows(engine, model=None):
    q = select(func.count()).select_from(embeddings)
    if model:
        q = q.where(embeddings.c.model == model)
    with engine.connect() as conn:
        return conn.execute(q).scalar_one()


def test_vectors_are_unit_rows_in_order():
    v = Embedder(model=FakeModel(), name="fake").embed(TEXTS + [TEXTS[0]])
    assert v.shape == (4, DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(v[0], v[3])
    assert Embedder(model=RaisingModel(), name="fake").embed([]).shape == (0, DIM)


def test_second_embed_comes_from_the_database(engine):
    model = FakeModel()
    first = Embedder(model=model, cache=EmbeddingStore(engine), name="fake").embed(TEXTS + [TEXTS[1]])
    assert len(model.calls) == 1 and sorted(model.calls[0]) == sorted(TEXTS)  # a repeated text is embedded once
    assert _rows(engine, "fake") == 3
    with engine.connect() as conn:
        keys = set(conn.execute(select(embeddings.c.key)).scalars())
    assert keys == {text_key(t) for t in TEXTS}
    again = Embedder(model=RaisingModel(), cache=EmbeddingStore(engine), name="fake").embed(TEXTS)
    assert np.array_equal(again, first[:3])
    assert _rows(engine) == 3


def test_only_new_texts_go_to_the_model(engine):
    Embedder(model=FakeModel(), cache=EmbeddingStore(engine), name="fake").embed(TEXTS[:2])
    model = FakeModel()
    out = Embedder(model=model, cache=EmbeddingStore(engine), name="fake").embed(TEXTS)
    assert model.calls == [[TEXTS[2]]]
    assert out.shape == (3, DIM) and _rows(engine, "fake") == 3


def test_cache_is_per_model_name(engine):
    Embedder(model=FakeModel(), cache=EmbeddingStore(engine), name="fake").embed(TEXTS)
    with pytest.raises(AssertionError, match="model was called"):
        Embedder(model=RaisingModel(), cache=EmbeddingStore(engine), name="another-model").embed(TEXTS)


def test_whitespace_around_a_text_does_not_change_its_key():
    assert text_key("  Build flood defences. \n") == text_key("Build flood defences.")


def test_memory_cache():
    cache = MemoryCache()
    first = Embedder(model=FakeModel(), cache=cache, name="fake").embed(TEXTS)
    assert np.array_equal(Embedder(model=RaisingModel(), cache=cache, name="fake").embed(TEXTS), first)


def test_put_twice_stores_one_row(engine):
    store = EmbeddingStore(engine)
    v = {"k1": np.ones(DIM, dtype=np.float32)}
    store.put(v, "fake")
    store.put(v, "fake")
    assert _rows(engine) == 1
    assert np.array_equal(store.get(["k1", "missing"], "fake")["k1"], v["k1"])


def test_a_big_batch_is_encoded_and_cached_a_slice_at_a_time(engine, monkeypatch):
    """Memory stays flat on a large batch: the model sees a bounded slice at a time, each slice is in
    the cache as soon as it is encoded, and the rows still come back in the order asked for."""
    import analysis.embeddings as embeddings_module

    monkeypatch.setattr(embeddings_module, "ENCODE_SLICE", 2)
    texts = [f"Repair the footbridge at lock {i}." for i in range(5)]
    model = FakeModel()
    cached = Embedder(model=FakeModel(), cache=EmbeddingStore(engine), name="fake").embed([texts[3]])
    out = Embedder(model=model, cache=EmbeddingStore(engine), name="fake").embed(texts + texts[::-1])
    assert [len(c) for c in model.calls] == [2, 2]  # four new texts, two at a time; the cached one not again
    assert _rows(engine, "fake") == 5
    single = Embedder(model=FakeModel(), name="fake")
    assert np.allclose(out, np.vstack([single.embed([t]) for t in texts + texts[::-1]]), atol=1e-6)
    assert np.array_equal(out[3], cached[0])
