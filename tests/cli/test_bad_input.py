"""A folder mixing good and bad files: every good file goes in, every bad one is named with its
reason, the exit code is 1, and the database holds exactly the good ones."""
import csv
from pathlib import Path

from askmap.cli import main
from askmap.store import list_documents, open_engine
from tests.ingest.docx_fixtures import simple_docx, with_extra_member
from tests.ingest.pdf_fixtures import no_text_pdf, two_paragraph_pdf


def make_folder(root: Path) -> tuple[set[str], dict[str, str]]:
    """Good files (names) and bad files (name → expected words in the reason)."""
    root.mkdir()
    (root / "letter.txt").write_text("Dear Minister,\n\nWe urge you to fund school buses.\n\nYours sincerely,\nAnn Lee\n")
    two_paragraph_pdf(root / "evidence.pdf")
    simple_docx(root / "reply.docx", ["The council will publish its parking review in May."])
    (root / "page.html").write_text("<html><body><main><p>The trust should reopen the ward.</p></main></body></html>")
    with open(root / "responses.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Response ID", "Organisation", "Q1 What should the council prioritise?"])
        w.writerow(["R-1", "Cyclists' Forum", "Safe cycle routes to every secondary school, and cheaper bus fares for students."])
    good = {"letter.txt", "evidence.pdf", "reply.docx", "page.html", "responses.csv#R-1"}

    bad = {}
    (root / "empty.txt").write_bytes(b"")
    bad["empty.txt"] = "empty"
    (root / "binary.pdf").write_bytes(bytes(range(256)) * 20)
    bad["binary.pdf"] = "not a valid PDF"
    two_paragraph_pdf(root / "locked.pdf", encryption=("owner-secret", "user-secret"))
    bad["locked.pdf"] = "encrypted"
    no_text_pdf(root / "scan.pdf")
    bad["scan.pdf"] = "no text layer (scanned?) — OCR is not supported"
    (root / "fake.docx").write_bytes(b"This is plain text pretending to be a Word file." * 3)
    bad["fake.docx"] = "not a valid DOCX file"
    with_extra_member(simple_docx(root / "bomb.docx", ["Hello."]), "word/media/zeros.bin", 11 * 1024 * 1024)
    bad["bomb.docx"] = "zip bomb"
    (root / "garbled.txt").write_bytes(b"Caf\x81 \x8d\x8f\x90 \x9d" * 10)
    bad["garbled.txt"] = "encoding"
    (root / "huge.txt").write_text("The river flooded again this winter. " * 60000)  # ~2.2 MB, over the 2 MB limit below
    bad["huge.txt"] = "too large"
    (root / "notes.odt").write_bytes(b"PK\x03\x04 not supported")
    bad["notes.odt"] = "unsupported file type"
    with open(root / "numbers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["ID", "Score", "Postcode"])
        w.writerow(["1", "4", "AB1 2CD"])
        w.writerow(["2", "5", "EF3 4GH"])
    bad["numbers.csv"] = "no free-text column"
    return good, bad


def test_mixed_folder(tmp_path, capsys):
    good, bad = make_folder(tmp_path / "inbox")
    db = str(tmp_path / "mixed.db")
    code = main(["--db", db, "ingest", "--max-mb", "2", str(tmp_path / "inbox")])
    out = capsys.readouterr().out
    assert code == 1
    lines = {Path(l.split(": ")[0]).name: l for l in out.splitlines()}
    for name, reason in bad.items():
        assert "error:" in lines[name] and reason in lines[name], lines[name]
    for name in {g.split("#")[0] for g in good}:
        assert lines[name].split(": ", 1)[1].startswith("ok"), lines[name]
    stored = {r["source"] for r in list_documents(open_engine(db))}
    assert stored == good

    # a second run changes nothing: the good ones are duplicates, the bad ones still errors
    code = main(["--db", db, "ingest", "--max-mb", "2", str(tmp_path / "inbox")])
    out = capsys.readouterr().out
    assert code == 1 and out.count(": duplicate") == len({g.split("#")[0] for g in good})
    assert {r["source"] for r in list_documents(open_engine(db))} == good
