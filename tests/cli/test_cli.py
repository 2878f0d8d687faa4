"""The command line, run in-process on real files."""
import json
import shutil
from pathlib import Path

import pytest

from askmap.cli import main
from askmap.store import count_documents, list_documents, open_engine

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_ingest_corpus_then_reingest_reports_duplicates(tmp_path, capsys):
    db = str(tmp_path / "a.db")
    code, out, _ = run(capsys, "--db", db, "ingest", str(CORPUS))
    assert code == 0
    assert out.count(": ok") == 5
    before = list_documents(open_engine(db))
    code, out, _ = run(capsys, "--db", db, "ingest", str(CORPUS))
    assert code == 0 and out.count(": duplicate") == 5 and ": ok" not in out
    after = list_documents(open_engine(db))
    assert before == after


def test_docs_lists_metadata_as_jsonl(tmp_path, capsys):
    db = str(tmp_path / "b.db")
    run(capsys, "--db", db, "ingest", str(CORPUS))
    code, out, _ = run(capsys, "--db", db, "docs", "--format", "jsonl")
    rows = [json.loads(l) for l in out.splitlines()]
    assert code == 0 and len(rows) == 5
    assert {r["source"] for r in rows} == {p.name for p in CORPUS.iterdir()}
    assert all(r["chars"] > 1000 and r["blocks"] > 5 for r in rows)
    code, out, _ = run(capsys, "--db", db, "docs")
    assert "5 documents" in out


def test_env_var_selects_database(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ASKMAP_DB", str(tmp_path / "env.db"))
    f = tmp_path / "n.txt"
    f.write_text("We ask the county to reopen the library.")
    assert run(capsys, "ingest", str(f))[0] == 0
    assert count_documents(open_engine(str(tmp_path / "env.db"))) == 1


def test_missing_path_is_an_error_not_a_crash(tmp_path, capsys):
    code, out, _ = run(capsys, "--db", str(tmp_path / "c.db"), "ingest", str(tmp_path / "nope.txt"))
    assert code == 1 and "error: no such file" in out


def test_size_limit_option(tmp_path, capsys):
    f = tmp_path / "long.txt"
    f.write_text("The weather in the valley was mild last spring. " * 32000)  # ~1.5 MB
    code, out, _ = run(capsys, "--db", str(tmp_path / "d.db"), "ingest", "--max-mb", "1", str(f))
    assert code == 1 and "too large" in out
    code, out, _ = run(capsys, "--db", str(tmp_path / "d.db"), "ingest", "--max-mb", "2", str(f))
    assert code == 0
