"""Theming a collection too large to hold at once (issue 15: a 1,000,000-row export needed ~14 GB to theme):
asks, statements and answers are read and scored a chunk of documents at a time, discovery is fitted on a bounded
sample chosen by id hash and the rest join its themes, and the results wait in a spool on disk. A collection of
one chunk is themed exactly as before; many small chunks give the same picture."""
from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select

from askmap import pipeline, theming
from askmap.spool import BoundedSample, Spool
from askmap.store import open_engine
from askmap.store import answers as answer_store
from askmap.store import themes as theme_store
from askmap.store.schema import answer_themes, answers, ask_themes, asks, documents

TOPICS = [
    ("light the canal towpath", "lamps along the towpath", "it is dark by four in winter"),
    ("fund the village library", "library opening hours", "children need somewhere to read"),
    ("repair the potholes on Mill Lane", "road surface repairs", "cyclists have been hurt"),
    ("plant trees along the ring road", "street trees and shade", "summers are hotter each year"),
    ("keep the swimming pool open", "the pool and its lessons", "every child should learn to swim"),
    ("cut the bus fares for pensioners", "cheaper bus fares", "older people are stuck at home"),
]
OPENERS = ["We urge the council to", "The council should", "Please", "I ask the board to", "We call on you to"]
QUESTION = "What should the district spend its reserve on? Please give reasons."


def _export(path, n=240, seed=7):
    rng = random.Random(seed)
    lines = [f"ID,Respondent type,{QUESTION}"]
    for i in range(n):
        ask, noun, why = TOPICS[i % len(TOPICS)]
        lines.append(f"R-{i},Individual,{rng.choice(OPENERS)} {ask} near street {i}. We care about {noun} because {why}.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _stored(tmp_path, name):
    (tmp_path / name).mkdir()
    engine = open_engine(str(tmp_path / name / "t.db"))
    pipeline.ingest_paths(engine, [_export(tmp_path / name / "export.csv")], themes=False)
    return engine


def _primary_themes(engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {r.ask_id: r.theme_id for r in conn.execute(select(ask_themes.c.ask_id, ask_themes.c.theme_id)
                                                           .where(ask_themes.c.rank == 1))}


def _answer_themes(engine) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    with engine.connect() as conn:
        for r in conn.execute(select(answer_themes.c.answer_id, answer_themes.c.theme_id)):
            out.setdefault(r.answer_id, set()).add(r.theme_id)
    return out


def _names(engine, ids):
    return {t.id: t.name for t in theme_store.load_themes(engine)}


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(theme_store, "ROWS_PER_CHUNK", 100)
    return 100


def _spy_rows(monkeypatch, module, name, sizes):
    real = getattr(module, name)

    def spy(*a, **k):
        rows = real(*a, **k)
        sizes.append(len(rows))
        return rows

    monkeypatch.setattr(module, name, spy)


def test_a_fit_reads_a_chunk_of_documents_at_a_time_and_themes_like_a_whole(tmp_path, hashing_embedder, monkeypatch,
                                                                          small_chunks):
    whole = _stored(tmp_path, "whole")
    monkeypatch.setattr(theme_store, "ROWS_PER_CHUNK", 10**9)
    theming.fit(whole)
    monkeypatch.setattr(theme_store, "ROWS_PER_CHUNK", small_chunks)

    chunked = _stored(tmp_path, "chunked")
    sizes = {"asks": [], "answers": [], "statements": []}
    _spy_rows(monkeypatch, theming, "asks_for_theming", sizes["asks"])
    _spy_rows(monkeypatch, theming, "statements_for_theming", sizes["statements"])
    _spy_rows(monkeypatch, answer_store, "answers_for_theming", sizes["answers"])
    run = theming.fit(chunked)

    # no read holds more than a chunk (a document is never split: one answer, two asks at most, each here)
    assert len(sizes["asks"]) >= 240 * 1 // small_chunks and max(sizes["asks"]) <= small_chunks + 2
    assert len(sizes["answers"]) >= 240 // small_chunks and max(sizes["answers"]) <= small_chunks + 1
    assert max(sizes["statements"] or [0]) <= small_chunks + 2
    with chunked.connect() as conn:
        n_asks = conn.execute(select(func.count()).select_from(asks)).scalar_one()
        assert conn.execute(select(func.count()).select_from(documents).where(documents.c.themed_at.is_(None))).scalar_one() == 0
    assert run.asks == n_asks and run.seeded + run.discovered + run.unthemed == n_asks
    # the same picture: (almost) every ask in the theme of the same name, every answer with the same themes
    a, b = _primary_themes(whole), _primary_themes(chunked)
    na, nb = _names(whole, a), _names(chunked, b)
    # the seed themes adapt, and their keywords' rarity is counted, on the first chunk's asks (20,000 in a real run,
    # 100 here), and answers' keywords in their chunk: the same theme for nine asks in ten; the same answers themed,
    # four in five with the same theme names (a discovered theme may be named from other phrases: "Trees", "Street trees")
    assert len(a) > 100 and sum(na.get(a.get(k)) == nb.get(b.get(k)) for k in set(a) | set(b)) >= 0.9 * len(set(a) | set(b))
    ta, tb = _answer_themes(whole), _answer_themes(chunked)
    ta = {k: {na[t] for t in v} for k, v in ta.items()}
    tb = {k: {nb[t] for t in v} for k, v in tb.items()}
    assert len(ta) > 100 and len(set(ta) ^ set(tb)) <= 0.05 * len(ta)
    assert sum(ta.get(k) == tb.get(k) for k in set(ta) | set(tb)) >= 0.8 * len(set(ta) | set(tb))


def test_discovery_is_fitted_on_a_bounded_sample_and_the_rest_join_its_themes(tmp_path, hashing_embedder,
                                                                              monkeypatch, small_chunks):
    monkeypatch.setattr(theming, "DISCOVER_SAMPLE", 60)
    fitted_on: list[int] = []
    real = theming.discover

    def spy(texts, vecs, model=None):
        fitted_on.append(len(texts))
        return real(texts, vecs, model)

    monkeypatch.setattr(theming, "discover", spy)
    engine = _stored(tmp_path, "sample")
    run = theming.fit(engine, specs=[])  # no seed themes: every ask and every answer waits for discovery
    assert fitted_on and max(fitted_on) == 60  # the asks' sample and the question's answers' sample
    assert run.seeded == 0 and run.discovered > 60  # asks beyond the sample joined the discovered themes
    themed_answers = _answer_themes(engine)
    assert len(themed_answers) > 60
    # a discovered answer theme's evidence lies inside its answer
    with engine.connect() as conn:
        spans = {r.id: (r.start, r.end) for r in conn.execute(select(answers.c.id, answers.c.start, answers.c.end))}
        for r in conn.execute(select(answer_themes.c.answer_id, answer_themes.c.start, answer_themes.c.end)):
            s, e = spans[r.answer_id]
            assert s <= r.start < r.end <= e


def test_the_sample_is_the_same_whatever_order_the_rows_come_in():
    keys = [f"ask-{i}" for i in range(500)]
    forward, backward = BoundedSample(50), BoundedSample(50)
    for k in keys:
        forward.add(k, k)
    for k in reversed(keys):
        backward.add(k, k)
    assert sorted(forward.items()) == sorted(backward.items()) and len(forward.items()) == 50
    assert forward.items() == [k for k in keys if k in set(forward.items())]  # in arrival order
    assert sorted(forward.items() + list(forward.spilled)) == sorted(keys)  # nothing lost, nothing twice
    small = BoundedSample(50)
    for k in keys[:30]:
        small.add(k, k)
    assert small.items() == keys[:30] and small.spilled.count == 0


def test_a_spool_gives_back_what_was_added_in_order_as_often_as_asked():
    spool = Spool()
    spool.add(range(5000))
    spool.add([("x", 1.5)])
    assert list(spool)[:3] == [0, 1, 2] and list(spool)[-1] == ("x", 1.5) and len(list(spool)) == 5001
    assert sum(len(b) for b in spool.batches()) == spool.count == 5001
    spool.close()
    assert list(Spool()) == []


def test_answers_a_stopped_run_left_unthemed_are_themed_by_the_next(tmp_path, hashing_embedder):
    from sqlalchemy import delete, update

    engine = _stored(tmp_path, "resume")
    pipeline.finish_theming(engine)
    before = _answer_themes(engine)
    assert len(before) > 100
    # a run stopped while theming answers: the answers of 100 documents stored, their themes not yet, the documents
    # still waiting
    with engine.begin() as conn:
        docs = list(conn.execute(select(documents.c.id).order_by(documents.c.id).limit(100)).scalars())
        ids = list(conn.execute(select(answers.c.id).where(answers.c.doc_id.in_(docs))).scalars())
        conn.execute(delete(answer_themes).where(answer_themes.c.answer_id.in_(ids)))
        conn.execute(update(documents).where(documents.c.id.in_(docs)).values(themed_at=None))
    assert len(_answer_themes(engine)) < len(before)
    assert sorted(pipeline.finish_theming(engine)) == sorted(docs)
    after = _answer_themes(engine)
    # every answer themed again (against the themes the first run left: the list and the themes it discovered),
    # the other documents' answers untouched
    assert set(before) <= set(after)
    assert all(after[k] == v for k, v in before.items() if k not in set(ids))
