"""A long consultation export is read, analysed and stored as a stream of rows (issue 15: a 1,000,000-row
export held everything and printed nothing for 11 minutes): the same documents and asks as reading it whole,
and an interrupt keeps the slices stored before it."""
import csv
import signal

import pytest

from sqlalchemy import func, select

from askmap.cli import main
from askmap.store import open_engine
from askmap.store.schema import asks, documents
from tests.reliability.helpers import run_askmap, snapshot, start_askmap

pytestmark = pytest.mark.slow  # benchmark smoke, browser and scale tests: still run by make test

ANSWERS = ["We ask the council to keep the library open on Sundays.", "I oppose the new parking charges.",
           "Please fund more buses to the villages in winter.", "We urge the board to publish the costs."]


def _export(path, n):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["ID", "Organisation", "Q1 Do you agree with the proposal? Please give reasons."])
        for i in range(n):
            w.writerow([f"R-{i}", ["", "Town Cycle Club", "Harbour Users"][i % 3], f"{ANSWERS[i % 4]} Ref {i}."])
    return path


def _xlsx(path, n):
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("answers")
    ws.append(["ID", "Organisation", "Q1 Do you agree with the proposal? Please give reasons."])
    for i in range(n):
        ws.append([f"R-{i}", ["", "Town Cycle Club", "Harbour Users"][i % 3], f"{ANSWERS[i % 4]} Ref {i}."])
    wb.save(path)
    return path


def _counts(db):
    with open_engine(db).connect() as conn:
        return (conn.execute(select(func.count()).select_from(documents)).scalar_one(),
                conn.execute(select(asks.c.holder, func.count()).group_by(asks.c.holder).order_by(asks.c.holder)).all())


@pytest.mark.parametrize("make", [_export, _xlsx], ids=["csv", "xlsx"])
def test_a_streamed_export_gives_what_reading_it_whole_gives(tmp_path, monkeypatch, capsys, make):
    import askmap.pipeline as pipeline

    export = make(tmp_path / f"export.{'csv' if make is _export else 'xlsx'}", 300)
    whole, streamed = str(tmp_path / "whole.db"), str(tmp_path / "streamed.db")
    assert main(["--db", whole, "ingest", "--no-themes", str(export)]) == 0
    monkeypatch.setattr(pipeline, "STREAM_BYTES", 1000)
    monkeypatch.setattr(pipeline, "SLICE", 64)
    calls = []
    original = pipeline.read_stream
    monkeypatch.setattr(pipeline, "read_stream", lambda *a, **k: calls.append(a) or original(*a, **k))
    assert main(["--db", streamed, "ingest", "--no-themes", str(export)]) == 0
    assert calls, "the export was not streamed"
    out = capsys.readouterr().out
    assert out.count(f"{export.name}: ok (300 new, 0 duplicate documents)") == 2
    assert _counts(whole) == _counts(streamed)


def test_an_interrupted_stream_keeps_the_slices_stored_before(tmp_path):
    export = _export(tmp_path / "export.csv", 400)
    db = str(tmp_path / "cut.db")
    prelude = ("import os, signal\nimport askmap.pipeline as p\np.STREAM_BYTES = 1000\np.SLICE = 100\n"
               "_s = p._store_slice\nn = [0]\ndef _k(*a, **k):\n    n[0] += 1\n"
               "    if n[0] == 3: os.kill(os.getpid(), signal.SIGKILL)\n    return _s(*a, **k)\np._store_slice = _k")
    proc = start_askmap(db, "ingest", "--no-themes", str(export), prelude=prelude)
    proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL
    assert len(snapshot(db)["documents"]) == 200  # two slices of 100 rows
    again = run_askmap(db, "ingest", str(export))
    assert again.returncode == 0 and "export.csv: ok (200 new, 200 duplicate documents)" in again.stdout
    assert len(snapshot(db)["documents"]) == 400 and all(snapshot(db)["documents"].values())
