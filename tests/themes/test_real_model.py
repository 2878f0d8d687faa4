"""With the real packaged model (all-MiniLM-L6-v2, loaded once for the module): the built-in theme list
puts plain asks where a reader would, and embeddings are cached in the database."""
import json

import numpy as np
import pytest
from sqlalchemy import select

from analysis.embeddings import MODEL_NAME, Embedder, text_key
from askmap import pipeline, theming
from askmap.cli import main
from askmap.store import open_engine, query_asks
from askmap.store.schema import embeddings
from askmap.store.themes import EmbeddingStore

from .helpers import RaisingModel, letter, summaries, write_corpus

ASKS = {
    "bus": "We urge the Council to restore the cancelled bus routes to the outlying villages.",
    "damp": "We ask the Council to fix the damp and mould in council homes and rehouse the tenants affected.",
    "hospital": "We call on the Hospital Trust to cut the waiting lists for hip operations at the hospital.",
}


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """A database of three letters, themed with the default model and the built-in list (the model loads here)."""
    root = tmp_path_factory.mktemp("real")
    folder = write_corpus(root / "letters", {
        f"{k}.txt": letter("Leader of the Council", "Jo Bloggs", f"the {k.title()} Residents Group",
                           "Residents have written to us in large numbers.", [text])
        for k, text in ASKS.items()})
    db = str(root / "real.db")
    engine = open_engine(db)
    results = pipeline.ingest_paths(engine, [folder])  # default embedder: the packaged model, cached in the db
    assert all(r.status == pipeline.OK and r.asks == 1 for r in results), [r.line() for r in results]
    return engine, db, root


def _themes_of(engine):
    return {k: next(a["themes"] for a in query_asks(engine) if a["text"] == text) for k, text in ASKS.items()}


def test_builtin_themes_place_plain_asks(real):
    engine, _, _ = real
    themes = _themes_of(engine)
    assert themes["bus"][0] == "Transport and infrastructure", themes
    assert themes["damp"][0] == "Housing and homelessness", themes
    assert themes["hospital"][0] == "Health and social care", themes
    names = {s["name"] for s in summaries(engine).values()}
    assert {"Transport and infrastructure", "Housing and homelessness", "Health and social care"} <= names


def test_embeddings_are_cached_in_the_database(real):
    engine, _, _ = real
    with engine.connect() as conn:
        rows = dict(conn.execute(select(embeddings.c.key, embeddings.c.vector).where(embeddings.c.model == MODEL_NAME)).all())
    for text in ASKS.values():
        assert text_key(text) in rows
        assert len(rows[text_key(text)]) == 384 * 4  # float32
    # a second embed of the same texts is read from the table: a model that raises is never called
    texts = list(ASKS.values())
    cached = Embedder(model=RaisingModel(), cache=EmbeddingStore(engine)).embed(texts)
    fresh = Embedder().embed(texts)  # no cache: the real model again
    assert np.allclose(cached, fresh, atol=1e-5)
    assert np.allclose(np.linalg.norm(cached, axis=1), 1.0, atol=1e-4)


def test_refit_reads_every_vector_from_the_cache(real):
    engine, _, _ = real
    before = _themes_of(engine)
    run = theming.fit(engine, embedder=Embedder(model=RaisingModel(), cache=EmbeddingStore(engine)))
    assert run.asks == 3 and _themes_of(engine) == before


def test_cli_add_theme_refits_and_uses_it(real, capsys):
    engine, db, _ = real
    code = main(["--db", db, "themes", "add", "Damp and mould", "--keywords", "damp, mould, condensation",
                 "--description", "Damp, mould and condensation in homes"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("added s-damp-and-mould; re-fitted")
    assert _themes_of(engine)["damp"][0] == "Damp and mould"
    code = main(["--db", db, "themes", "run", "--refit"])
    out, err = capsys.readouterr()
    assert code == 0 and out.startswith("fitted ") and "s-damp-and-mould  Damp and mould  [seed, edited]  1 asks" in out
    assert _themes_of(engine)["bus"][0] == "Transport and infrastructure"


def test_cli_extract_with_a_theme_file(real, tmp_path, capsys):
    _, _, root = real
    themes = tmp_path / "mine.toml"
    themes.write_text('[[theme]]\nname = "Getting around"\ndescription = "Buses, trains and roads"\n'
                      'keywords = ["bus", "train"]\n\n[[theme]]\nname = "Homes"\ndescription = "Housing repairs, damp"\n'
                      'keywords = ["damp", "housing"]\n', encoding="utf-8")
    code = main(["extract", str(root / "letters"), "--themes", str(themes)])
    out, err = capsys.readouterr()
    assert code == 0, err
    rows = {r["text"]: r["themes"] for r in map(json.loads, out.splitlines())}
    assert rows[ASKS["bus"]][:1] == ["Getting around"]
    assert rows[ASKS["damp"]][:1] == ["Homes"]
    assert all(set(t) <= {"Getting around", "Homes"} for t in rows.values())


def test_bfloat16_products_keep_the_float32_vectors(monkeypatch):
    """The fast path (bfloat16 matrix products, where the CPU has them) gives unit vectors that point
    the same way as float32's; the environment variable picks either precision."""
    from analysis.embeddings import bf16_enabled, encode, sentence_model

    texts = list(ASKS.values()) + ["Please publish the minutes of every licensing hearing within a week."]
    monkeypatch.setenv("ASKMAP_EMBED_PRECISION", "fp32")
    assert not bf16_enabled()
    full = encode(sentence_model(), texts)
    monkeypatch.setenv("ASKMAP_EMBED_PRECISION", "bf16")
    assert bf16_enabled()
    fast = encode(sentence_model(), texts)
    assert fast.dtype == np.float32 and fast.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    assert (fast * full).sum(axis=1).min() > 0.999
    assert np.array_equal(fast, encode(sentence_model(), texts))  # same inputs, same vectors
