"""A generated corpus of bad input: each kind of bad file, how to make it, and the words its error must hold.
Shared by the reliability tests (and runnable: ``python -m tests.reliability.bad_inputs DIR`` writes it)."""
from __future__ import annotations

import base64
import csv
import io
import os
import random
import struct
import sys
import zipfile
from pathlib import Path

from tests.ingest.docx_fixtures import simple_docx, with_extra_member
from tests.ingest.pdf_fixtures import no_text_pdf, two_paragraph_pdf

NOISE = random.Random(15).randbytes  # seeded: the same bytes every run
LETTER = "Dear Minister,\n\nWe urge you to fund school buses.\n\nYours sincerely,\nAnn Lee\n"


def _zip(path: Path, members: dict[str, bytes]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    path.write_bytes(buf.getvalue())


def _forged(path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("word/media/zeros.bin", b"\0" * (3 * 1024 * 1024))
    out = bytearray(buf.getvalue())
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = 0
        while (i := out.find(sig, i)) >= 0:
            struct.pack_into("<I", out, i + off, 100)
            i += 4
    path.write_bytes(bytes(out))


def _eml(path: Path, body: bytes, ctype: str = "text/plain", cte: str = "base64") -> None:
    head = (f"From: Harbour Users <h@example.org>\r\nTo: board@example.gov\r\nSubject: Slipway\r\nMIME-Version: 1.0\r\n"
            f"Content-Transfer-Encoding: {cte}\r\nContent-Type: {ctype}; charset=utf-8\r\n\r\n").encode()
    path.write_bytes(head + (base64.encodebytes(body) if cte == "base64" else body))


def _csv(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


def _xlsx_bomb(path: Path) -> None:
    _zip(path, {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
                "xl/worksheets/sheet1.xml": b" " * (12 * 1024 * 1024)})


DEEP = "<html><body>" + "<div>" * 5000 + "<p>We ask the council to act.</p>" + "</div>" * 5000 + "</body></html>"

# name → (maker, words the error must hold); every maker writes one file (or link) at the path
KINDS = {
    "empty.txt": (lambda p: p.write_bytes(b""), "empty"),
    "blank.txt": (lambda p: p.write_text(" \n\t\n   \n"), "empty"),
    "only_markup.md": (lambda p: p.write_text("#\n\n---\n\n***\n"), "empty"),
    "binary.pdf": (lambda p: p.write_bytes(bytes(range(256)) * 20), "not a valid PDF"),
    "truncated.pdf": (lambda p: (two_paragraph_pdf(p), p.write_bytes(p.read_bytes()[:300])), "PDF"),
    "locked.pdf": (lambda p: two_paragraph_pdf(p, encryption=("owner-secret", "user-secret")), "encrypted"),
    "scan.pdf": (no_text_pdf, "no text layer"),
    "fake.docx": (lambda p: p.write_bytes(b"This is plain text pretending to be a Word file." * 3), "not a valid DOCX"),
    "noise.docx": (lambda p: p.write_bytes(b"PK\x03\x04" + NOISE(3000)), "not a valid DOCX"),
    "no_body.docx": (lambda p: _zip(p, {"[Content_Types].xml": b"<Types/>"}), "no word/document.xml"),
    "bomb.docx": (lambda p: with_extra_member(simple_docx(p, ["Hello."]), "word/media/zeros.bin", 11 * 1024 * 1024),
                  "zip bomb"),
    "forged_sizes.docx": (_forged, "not a valid DOCX file (corrupt archive"),
    "fake.xlsx": (lambda p: p.write_bytes(b"ID,Answer\n1,hello\n"), "not a valid XLSX"),
    "no_workbook.xlsx": (lambda p: _zip(p, {"[Content_Types].xml": b"<Types/>"}), "not a valid XLSX"),
    "bomb.xlsx": (_xlsx_bomb, "zip bomb"),
    "garbled.txt": (lambda p: p.write_bytes(b"Caf\x81 \x8d\x8f\x90 \x9d" * 10), "encoding"),
    "koi8.txt": (lambda p: p.write_bytes("Мы просим совет отремонтировать мост до зимы, это важно.".encode("koi8_r")),
                 "another encoding"),
    "broken_utf8.txt": (lambda p: p.write_bytes("We ask the council — now. ".encode() + b"\xff\xfe\xfa more"),
                        "invalid UTF-8"),
    "renamed_pdf.txt": (lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n"), "this is a PDF file"),
    "zip.txt": (lambda p: p.write_bytes(b"PK\x03\x04" + NOISE(200)), "zip container"),
    "picture.md": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + NOISE(300)), "PNG image"),
    "nul.txt": (lambda p: p.write_bytes(b"We ask\x00 the council\x00 to act."), "NUL bytes"),
    "controls.txt": (lambda p: p.write_bytes(b"a\x01b\x02c\x03 " * 300), "control characters"),
    "utf16_odd.txt": (lambda p: p.write_bytes(b"\xff\xfeW\x00e\x00 \x00X"), "UTF-16"),
    "huge.txt": (lambda p: p.write_text("The river flooded again this winter. " * 60000), "too large"),
    "notes.odt": (lambda p: p.write_bytes(b"PK\x03\x04 not supported"), "unsupported file type"),
    "old.xls": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + NOISE(500)), "unsupported file type"),
    "photo.jpg": (lambda p: p.write_bytes(b"\xff\xd8\xff" + NOISE(500)), "unsupported file type"),
    "README": (lambda p: p.write_text(LETTER), "unsupported file type '(none)'"),
    "numbers.csv": (lambda p: _csv(p, [["ID", "Score", "Postcode"], ["1", "4", "AB1 2CD"], ["2", "5", "EF3 4GH"]]),
                    "no free-text column"),
    "header_only.csv": (lambda p: _csv(p, [["ID", "Organisation", "Q1 What should the council do?"]]),
                        "only a header row"),
    "empty.csv": (lambda p: p.write_bytes(b""), "empty"),
    "noise.csv": (lambda p: p.write_bytes(NOISE(4000).replace(b"\x00", b"\x01") + b"\x00"), "NUL bytes"),
    "deep.html": (lambda p: p.write_text(DEEP), "nested more than 300 elements deep"),
    "empty.html": (lambda p: p.write_text("<html><head><title></title></head><body></body></html>"), "empty"),
    "script_only.html": (lambda p: p.write_text("<html><body><script>alert(1)</script><style>p{}</style></body></html>"),
                         "empty"),
    "no_headers.eml": (lambda p: p.write_text("just some words, not an e-mail\n"), "not an e-mail file"),
    "garbage_body.eml": (lambda p: _eml(p, NOISE(600).replace(b"\x00", b"\x01") + b"\xc3\xa9"), "the e-mail's body"),
    "deep_body.eml": (lambda p: _eml(p, DEEP.encode(), "text/html"), "nested more than 300 elements deep"),
    "fifo.txt": (lambda p: os.mkfifo(p), "not a regular file: a FIFO"),
    "link_out.txt": (lambda p: p.symlink_to("/etc/passwd"), "symbolic link out of the folder"),
    "loop": (lambda p: p.symlink_to(p.parent), "symbolic link to a folder"),
    "dangling.txt": (lambda p: p.symlink_to(p.parent / "no-such-file.txt"), "cannot open"),
}

GOOD = {
    "letter.txt": lambda p: p.write_text(LETTER),
    "evidence.pdf": two_paragraph_pdf,
    "reply.docx": lambda p: simple_docx(p, ["The council will publish its parking review in May."]),
    "page.html": lambda p: p.write_text("<html><body><main><p>The trust should reopen the ward.</p></main></body></html>"),
    "cp1252.txt": lambda p: p.write_bytes("Dear Council,\n\nWe ask the café’s owners – and you – to act.\n".encode("cp1252")),
    "pages.txt": lambda p: p.write_text("Page one.\fWe urge the council to light the towpath.\n"),
    "responses.csv": lambda p: _csv(p, [["Response ID", "Organisation", "Q1 What should the council prioritise?"],
                                        ["R-1", "Cyclists' Forum", "Safe cycle routes to every secondary school."]]),
}
GOOD_SOURCES = {"letter.txt", "evidence.pdf", "reply.docx", "page.html", "cp1252.txt", "pages.txt", "responses.csv#R-1"}


def write(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, (make, _) in KINDS.items():
        make(root / name)
    for name, make in GOOD.items():
        make(root / name)
    return root


if __name__ == "__main__":
    print(write(Path(sys.argv[1])))
