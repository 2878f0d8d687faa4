"""A large batch is analysed in worker processes: the database it gives is the same as one process's,
and the time spent per stage is reported; a document that fails analysis loses only itself."""
from pathlib import Path

from askmap import pipeline
from askmap.stages import StageTimes
from askmap.store import count_documents, open_engine, query_asks
from askmap.store.positions import query_positions

TOPICS = ["bus routes", "library hours", "street lighting", "school places", "flood defences", "GP surgeries"]


def _letters(folder, n):
    folder.mkdir()
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        (folder / f"letter_{i:02d}.txt").write_text(
            f"Dear Leader of the Council,\n\nI write on behalf of the Ward {i} Residents Association about {topic}.\n\n"
            f"We welcome the new budget for {topic}. We urge the Council to review the {topic} in ward {i} by March.\n\n"
            f"We recommend that the Council:\n1. publishes a plan for {topic} in ward {i};\n2. consults residents on it.\n\n"
            f"Yours sincerely,\nResident {i}\nWard {i} Residents Association\n", encoding="utf-8")
    return folder


def test_workers_give_the_same_database_as_one_process(tmp_path):
    folder = _letters(tmp_path / "letters", pipeline.PARALLEL_MIN + 5)
    out = {}
    for workers in (1, 2):
        engine = open_engine(str(tmp_path / f"w{workers}.db"))
        times = StageTimes()
        results = pipeline.ingest_paths(engine, [folder], themes=False, times=times, workers=workers)
        assert [r.status for r in results] == [pipeline.OK] * len(results)
        assert {"read", "parse", "extract", "positions", "store"} <= set(times.seconds)
        assert all(v >= 0 for v in times.seconds.values())
        out[workers] = (query_asks(engine), [(p["organisation"], p["stance"], p["evidence"]) for p in query_positions(engine)])
    assert out[1] == out[2]
    asks = out[1][0]
    assert len({a["doc"] for a in asks}) == pipeline.PARALLEL_MIN + 5  # every letter has its asks
    assert {a["holder"] for a in asks if a["doc"] == "letter_07.txt"} == {"Ward 7 Residents Association"}


def test_a_document_that_fails_analysis_is_reported_and_the_others_go_in(tmp_path, monkeypatch):
    folder = _letters(tmp_path / "letters", 3)
    real = pipeline.extract_asks

    def flaky(doc, registry):
        if doc.source == "letter_01.txt":
            raise RuntimeError("boom")
        return real(doc, registry)

    monkeypatch.setattr(pipeline, "extract_asks", flaky)
    engine = open_engine(str(tmp_path / "f.db"))
    results = {Path(r.path).name: r for r in pipeline.ingest_paths(engine, [folder], themes=False, workers=1)}
    assert results["letter_01.txt"].status == pipeline.ERROR
    assert results["letter_01.txt"].reason == "could not analyse letter_01.txt: RuntimeError: boom"
    assert [results[f"letter_0{i}.txt"].status for i in (0, 2)] == [pipeline.OK, pipeline.OK]
    assert sorted({a["doc"] for a in query_asks(engine)}) == ["letter_00.txt", "letter_02.txt"]
    assert count_documents(engine) == 2  # nothing of the failed document was written
