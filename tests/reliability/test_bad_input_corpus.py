"""The reliability suite's bad-input corpus (issue 15): 43 kinds of bad file in one batch with good ones —
each bad file named with its reason, every good one stored, the database sound, a second run changing
nothing. Runs on SQLite and, on the PostgreSQL pass, on PostgreSQL."""
from pathlib import Path

from sqlalchemy import text

from askmap.cli import main
from askmap.store import list_documents, open_engine
from tests.reliability.bad_inputs import GOOD, GOOD_SOURCES, KINDS, write


def _lines(out: str) -> dict[str, str]:
    return {Path(line.split(": ")[0]).name: line.split(": ", 1)[1] for line in out.splitlines() if ": " in line}


def test_every_bad_kind_is_named_and_every_good_file_stored(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ASKMAP_EMBEDDER", "hashing")
    assert len(KINDS) >= 40
    root = write(tmp_path / "inbox")
    db = str(tmp_path / "store" / "bad.db")
    (tmp_path / "store").mkdir()
    code = main(["--db", db, "ingest", "--max-mb", "2", str(root)])
    lines = _lines(capsys.readouterr().out)
    assert code == 1
    wrong = {name: lines.get(name) for name, (_, words) in KINDS.items()
             if not (lines.get(name, "").startswith("error: ") and words in lines[name])}
    assert not wrong, wrong
    assert all(lines[name].startswith("ok") for name in GOOD), {n: lines[n] for n in GOOD}
    engine = open_engine(db)
    assert {d["source"] for d in list_documents(engine)} == GOOD_SOURCES
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    code = main(["--db", db, "ingest", "--max-mb", "2", str(root)])  # again: nothing changes
    again = _lines(capsys.readouterr().out)
    assert code == 1
    assert all(again[name] == "duplicate" for name in GOOD)
    assert all(again[name] == lines[name] for name in KINDS)
    assert {d["source"] for d in list_documents(open_engine(db))} == GOOD_SOURCES
