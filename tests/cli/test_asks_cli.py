"""`askmap extract`, `askmap asks` and `askmap orgs` on real files of every supported format."""
import csv
import json
from email.message import EmailMessage
from pathlib import Path

import pytest
from openpyxl import Workbook

from askmap.cli import main
from askmap.store import load_document, open_engine
from tests.ingest.docx_fixtures import simple_docx

ASK = "We urge the county council to reopen the Millbrook library on Saturdays."
NON_ASK = "The library lent 12,000 books last year."


def _pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, NON_ASK)
    pdf.ln(4)
    pdf.multi_cell(0, 6, ASK)
    pdf.output(str(path))


def _eml(path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "Friends of Millbrook Library <friends@example.org>"
    msg["To"] = "Head of Libraries <libraries@example.gov.uk>"
    msg["Subject"] = "Saturday opening"
    msg["Date"] = "Mon, 3 Mar 2025 10:00:00 +0000"
    msg.set_content(f"Dear Head of Libraries,\n\n{NON_ASK}\n\n{ASK}\n\nKind regards,\nAnn Lee\nFriends of Millbrook Library\n")
    path.write_bytes(bytes(msg))


def _csv(path: Path) -> None:
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Response ID", "Organisation", "Q1 Your views on library opening hours"])
        w.writerow(["L-7", "Millbrook Readers", f"{NON_ASK} {ASK}"])


def _xlsx(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Response ID", "Organisation", "Q1 Your views on library opening hours"])
    ws.append(["L-8", "Millbrook Readers", f"{NON_ASK} {ASK}"])
    wb.save(path)


MAKERS = {
    "letter.txt": lambda p: p.write_text(f"{NON_ASK}\n\n{ASK}\n"),
    "note.md": lambda p: p.write_text(f"# Libraries\n\n{NON_ASK}\n\n**{ASK}**\n"),
    "evidence.pdf": _pdf,
    "reply.docx": lambda p: simple_docx(p, [NON_ASK, ASK]),
    "page.html": lambda p: p.write_text(f"<html><body><nav>Home</nav><main><p>{NON_ASK}</p><p>{ASK}</p></main></body></html>"),
    "mail.eml": _eml,
    "responses.csv": _csv,
    "responses.xlsx": _xlsx,
}


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_extract_finds_the_ask_in_every_format(tmp_path, capsys, name):
    path = tmp_path / name
    MAKERS[name](path)
    code = main(["extract", str(path)])
    out = capsys.readouterr().out
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(rows) == 1, rows
    ask = rows[0]
    assert ask["text"].startswith("We urge the county council") and ask["type"] == "recommendation"
    assert ask["doc"].startswith(name)


def test_spans_are_exact_in_the_database_for_every_format(tmp_path, capsys):
    (tmp_path / "inbox").mkdir()
    for name, make in MAKERS.items():
        make(tmp_path / "inbox" / name)
    db = str(tmp_path / "all.db")
    assert main(["--db", db, "ingest", str(tmp_path / "inbox")]) == 0
    capsys.readouterr()
    main(["--db", db, "asks", "--format", "jsonl"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(MAKERS)
    engine = open_engine(db)
    for a in rows:
        assert load_document(engine, a["doc_id"]).text[a["start"]:a["end"]] == a["text"]


def test_ask_free_and_empty_documents_give_no_asks_and_no_error(tmp_path, capsys):
    (tmp_path / "facts.txt").write_text("The library opened in 1904. It has 3 branches and 40 staff.\n")
    (tmp_path / "blank.txt").write_text("   \n")
    code = main(["extract", str(tmp_path / "facts.txt"), str(tmp_path / "blank.txt")])
    out = capsys.readouterr()
    assert code == 0 and out.out == ""
    assert "skipped" in out.err and "blank.txt" in out.err


def test_asks_filters_and_csv(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Dear Minister,\n\nWe urge you to fund rural buses.\n\nWill you meet us in May?\n")
    db = str(tmp_path / "f.db")
    main(["--db", db, "ingest", str(tmp_path)])
    capsys.readouterr()
    main(["--db", db, "asks", "--type", "request"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in rows] == ["Will you meet us in May?"]
    main(["--db", db, "asks", "--format", "csv", "--text", "buses"])
    table = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert len(table) == 1 and table[0]["type"] == "recommendation" and table[0]["start"].isdigit()


def test_user_can_extend_the_organisation_registry(tmp_path, capsys):
    db = str(tmp_path / "o.db")
    assert main(["--db", db, "orgs", "add", "Northtown Clinical Commissioning Group", "--alias", "the CCG"]) == 0
    (tmp_path / "l.txt").write_text("Dear Sir,\n\nThe CCG should publish its waiting list data every month.\n")
    main(["--db", db, "ingest", str(tmp_path / "l.txt")])
    capsys.readouterr()
    main(["--db", db, "asks"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and rows[0]["addressee"] == "Northtown Clinical Commissioning Group"
    main(["--db", db, "orgs", "--format", "jsonl", "--no-builtin"])
    names = {json.loads(l)["name"]: json.loads(l)["origin"] for l in capsys.readouterr().out.splitlines()}
    assert names["Northtown Clinical Commissioning Group"] == "user"
