"""Text of unknown encoding is refused unless it decodes cleanly; a form feed is a page break; stray control
characters are dropped (issue 15: KOI8-R, invalid UTF-8, a base64-garbage e-mail body and a PDF named .txt
were stored as mojibake, while UTF-8 with a form feed was refused)."""
import base64
import random
from email.message import EmailMessage

import pytest

from ingest import IngestError, read_bytes
from ingest.text import decode_text

NOISE = random.Random(7).randbytes  # seeded: the same bytes every run
ASK = "We ask the harbour board to repair the slipway before the winter storms."


@pytest.mark.parametrize("name,data,reason", [
    ("koi8.txt", "Мы просим совет отремонтировать мост до зимы, это важно для всех жителей.".encode("koi8_r"),
     "another encoding"),
    ("broken.txt", (ASK + " Café ").encode() + b"\xff\xfe more words here", "invalid UTF-8"),
    ("renamed.txt", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "this is a PDF file"),
    ("zip.txt", b"PK\x03\x04" + NOISE(200), "zip container"),
    ("noise.txt", NOISE(2000).replace(b"\x00", b"\x01") + b"\x00", "binary data"),
    ("controls.txt", ("a\x01b\x02c\x03 " * 200).encode(), "control characters"),
])
def test_refused_with_its_reason(name, data, reason):
    with pytest.raises(IngestError) as exc:
        read_bytes(data, name)
    assert reason in exc.value.reason


def test_form_feed_is_a_page_break_not_an_error():
    docs = read_bytes(f"Page one.\f{ASK}\n".encode(), "pdftotext.txt")
    assert ASK in docs[0].text


def test_windows_1252_western_text_is_read():
    text = decode_text(f"{ASK} The café’s “Résumé” – 5 €.".encode("cp1252"), "w.txt")
    assert "café’s “Résumé” – 5 €" in text


def test_utf8_of_any_script_is_read():
    assert decode_text("Мы просим совет. 市議会にお願いします。".encode(), "u.txt").startswith("Мы просим")


def test_a_stray_control_character_is_dropped():
    text = decode_text((ASK.replace("repair", "re\x07pair") + " " + "More text. " * 20).encode(), "s.txt")
    assert "repair" in text and "\x07" not in text


def _eml(body: bytes, charset: str | None = "utf-8") -> bytes:
    head = ("From: Harbour Users <h@example.org>\r\nTo: board@example.gov\r\nSubject: Slipway\r\n"
            "MIME-Version: 1.0\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Type: text/plain{'; charset=' + charset if charset else ''}\r\n\r\n")
    return head.encode() + base64.encodebytes(body)


def test_an_email_body_of_base64_garbage_is_refused():
    with pytest.raises(IngestError, match="body"):
        read_bytes(_eml(NOISE(600).replace(b"\x00", b"\x01") + b"\xc3\xa9"), "garbage.eml")


def test_an_email_body_in_its_declared_charset_is_read():
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "Harbour Users <h@example.org>", "board@example.gov", "Slipway"
    msg.set_content(ASK + " Merci, café.", charset="iso-8859-1")
    assert "Merci, café." in read_bytes(bytes(msg), "latin.eml")[0].text
