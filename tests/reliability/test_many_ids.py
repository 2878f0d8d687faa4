"""A batch of more documents than the database takes bound values in one statement (SQLite: 32,766, or 250,000 in
some builds) is themed like any other: every ``IN (…)`` over ids goes a chunk at a time (issue 15: theming a
1,000,000-row export failed with "too many SQL variables", exit 3, after everything was stored). The limit is
lowered to 999 here so that 1,200 rows show what a million did."""
import sqlite3

import pytest
from sqlalchemy import event, func, select

from askmap import pipeline
from askmap.store import open_engine
from askmap.store.schema import answers, asks, documents

pytestmark = pytest.mark.sqlite_only  # the limit is SQLite's; PostgreSQL's is 65,535 and is chunked the same way

ROWS = 1200


def _export(path):
    lines = ["ID,Respondent type,Do you agree with the proposal to light the towpath? Please give reasons."]
    for i in range(ROWS):
        lines.append(f"R-{i},Individual,We urge the council to light the towpath near lock {i}. It is dark by four in winter.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _engine_with_few_variables(db):
    engine = open_engine(db)
    engine.dispose()

    @event.listens_for(engine, "connect")
    def few(dbapi_conn, _):
        dbapi_conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)

    return engine


def test_a_batch_of_more_documents_than_bound_values_is_themed(tmp_path, hashing_embedder):
    engine = _engine_with_few_variables(str(tmp_path / "many.db"))
    export = _export(tmp_path / "export.csv")
    pipeline.ingest_paths(engine, [export], themes=False)
    done = pipeline.finish_theming(engine)  # every document waiting: 1,200 ids
    assert len(done) == ROWS
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(documents).where(documents.c.themed_at.is_(None))).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(answers)).scalar_one() == ROWS
        assert conn.execute(select(func.count()).select_from(asks)).scalar_one() >= ROWS
    # and the incremental path: themes exist, 1,200 more documents join them
    more = tmp_path / "more.csv"
    more.write_text(export.read_text().replace("R-", "S-").replace("lock", "bridge"), encoding="utf-8")
    pipeline.ingest_paths(engine, [more], themes=False)
    assert len(pipeline.finish_theming(engine)) == ROWS
