"""Exports: one ask a row with provenance; spreadsheet formulas neutralised in CSV and XLSX."""
import csv
import json

from openpyxl import load_workbook

from askmap.cli import main
from askmap.export import export_asks, neutralise

ROWS = [
    {"doc": "a.txt", "doc_id": "d1", "start": 10, "end": 60, "text": "=HYPERLINK(\"http://evil\",\"click\")",
     "type": "recommendation", "holder": "+Group", "holder_kind": "author", "speaker": None, "addressee": "@council",
     "themes": ["Buses", "Roads"], "number": "1", "lead_in_id": None, "id": "x1", "confidence": 0.9, "rule": "modal_should"},
    {"doc": "b.txt", "doc_id": "d2", "start": 0, "end": 20, "text": "-1 fare cut\tnow", "type": "request",
     "holder": "Riders", "holder_kind": "author", "speaker": None, "addressee": "\rCouncil", "themes": [],
     "number": None, "lead_in_id": None, "id": "x2", "confidence": 0.8, "rule": "please"},
]


def test_neutralise():
    assert neutralise("=1+1") == "'=1+1"
    for start in "+-@\t\r":
        assert neutralise(start + "x").startswith("'")
    assert neutralise("A normal ask.") == "A normal ask."


def test_csv_cells_cannot_run_as_formulas(tmp_path):
    path = export_asks(ROWS, tmp_path / "asks.csv", "csv")
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
    assert rows[0]["text"].startswith("'=HYPERLINK") and rows[0]["holder"] == "'+Group" and rows[0]["addressee"] == "'@council"
    assert rows[1]["text"] == "'-1 fare cut\tnow" and rows[1]["addressee"] == "'\rCouncil"
    assert rows[0]["themes"] == "Buses; Roads" and rows[0]["start"] == "10"


def test_xlsx_cells_are_strings_not_formulas(tmp_path):
    path = export_asks(ROWS, tmp_path / "asks.xlsx", "xlsx")
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    text = ws.cell(row=2, column=header.index("text") + 1)
    assert text.value == '=HYPERLINK("http://evil","click")' and text.data_type == "s"
    assert ws.cell(row=2, column=header.index("start") + 1).value == 10


def test_jsonl_round_trip(tmp_path):
    path = export_asks(ROWS, tmp_path / "asks.jsonl", "jsonl")
    back = [json.loads(l) for l in open(path, encoding="utf-8")]
    assert back[0]["text"] == ROWS[0]["text"] and back[1]["themes"] == []


def test_cli_export_writes_the_filtered_asks(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "l.txt").write_text("Dear Minister,\n\nWe urge you to fund rural buses.\n\nWill you meet us in May?\n")
    db = str(tmp_path / "e.db")
    main(["--db", db, "ingest", "--no-themes", str(tmp_path / "in")])
    assert main(["--db", db, "export", "--format", "csv", "-o", str(tmp_path / "r.csv"), "--type", "request"]) == 0
    rows = list(csv.DictReader(open(tmp_path / "r.csv", newline="", encoding="utf-8")))
    assert [r["text"] for r in rows] == ["Will you meet us in May?"] and rows[0]["doc"] == "l.txt"
