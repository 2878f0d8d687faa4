"""Every CSV the command line writes neutralises formula cells, not only `export` (issue 15: `asks`, `docs`,
`positions` and `extract --format csv` wrote `=HYPERLINK(…)` raw)."""
import csv
import io

import pytest

from askmap.cli import main

EVIL = '=HYPERLINK("http://evil.example","click")'
HEADER = ["Response ID", "Respondent type", "Organisation",
          "Q1 Do you agree that the ferry timetable should add a late sailing?"]
ROWS = [
    ["=1+2", "An organisation", EVIL, "+We urge the harbour board to add a sailing at 22:00 on Fridays. "
                                      "We support a late sailing because shift workers cannot get home."],
    ["R-2", "An individual", "", "@Yes. The ferry operator should add a late sailing in summer."],
    ["R-3", "An organisation", "-Islanders' Forum", "We oppose the plan. The late sailing would cost too much."],
]
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "=cmd.csv"  # even the file name starts with "="
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEADER, *ROWS])
    (folder / "=letter.txt").write_text(
        "=SUM(A1:A9) Harbour Users\n\nDear Harbour Board,\n\nWe ask the Harbour Board to publish the ferry timetable "
        "a month ahead.\n\nYours faithfully,\nJo Bloggs\n-Harbour Users Group\n", encoding="utf-8")
    db = str(tmp_path_factory.mktemp("store") / "h.db")
    assert main(["--db", db, "ingest", str(folder)]) == 0
    return db, folder


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


@pytest.mark.parametrize("args", [
    ["asks", "--format", "csv"],
    ["docs", "--format", "csv"],
    ["positions", "--format", "csv"],
    ["responses", "--format", "csv"],
    ["summary", "--format", "csv"],
    ["summary", "--by", "stance", "--format", "csv"],
])
def test_every_csv_command_neutralises_formulas(db, capsys, args):
    main(["--db", db[0], *args])
    cells = _cells(capsys.readouterr().out)
    assert len(cells) > 5, cells
    bad = [c for c in cells if c.lstrip(" ").startswith(FORMULA)]
    assert not bad, bad
    if args[0] != "summary":  # the summary's cells are questions and theme names: nothing the respondent wrote
        assert any(c[:2] in ("'=", "'+", "'-", "'@") for c in cells), cells


def test_extract_csv_neutralises_formulas(db, capsys):
    main(["extract", "--format", "csv", str(db[1] / "=letter.txt")])
    cells = _cells(capsys.readouterr().out)
    assert "'=letter.txt" in " ".join(cells) or any(c.startswith("'=letter") for c in cells), cells
    assert not [c for c in cells if c.lstrip(" ").startswith(FORMULA)]


def test_export_csv_neutralises_formulas(db, tmp_path):
    out = tmp_path / "asks.csv"
    assert main(["--db", db[0], "export", "--format", "csv", "--out", str(out)]) == 0
    cells = _cells(out.read_text(encoding="utf-8"))
    assert not [c for c in cells if c.lstrip(" ").startswith(FORMULA)]
    assert any(c.startswith("'=") for c in cells)
