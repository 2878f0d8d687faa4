"""The .eml reader: headers, plain and HTML bodies, quoted replies, attachments."""
from email.message import EmailMessage

import pytest

from ingest import IngestError, read
from ingest.records import CLOSING, LIST_ITEM, SALUTATION, SIGNATURE

REPLY = """Dear Councillor Patel,

Thank you for your reply. We ask the council to:

1. survey every flat on the estate;
2. publish the results.

> Can you say when?
By September, please.

Kind regards,
--
Jane Okafor
Chair

On Mon, 3 Apr 2023 at 17:02, Cllr Patel <patel@council.gov.uk>
wrote:
> Dear Jane,
> - what exactly do you want?
> 1. tell me by Friday
"""


def message(body: str | None = REPLY, subject: str = "Re: Damp in council homes") -> EmailMessage:
    m = EmailMessage()
    m["From"] = "Jane Okafor <jane@rta.org>"
    m["To"] = "Cllr Patel <patel@council.gov.uk>, housing@council.gov.uk"
    m["Cc"] = "Ann Lee <ann@rta.org>"
    m["Subject"] = subject
    m["Date"] = "Tue, 04 Apr 2023 09:15:00 +0100"
    m["Message-ID"] = "<abc123@rta.org>"
    if body is not None:
        m.set_content(body)
    return m


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def spans_exact(doc):
    for b in doc.blocks:
        t = doc.text[b.start:b.end]
        assert t and t == t.strip(), (b, t)


def texts(doc, kind):
    return [doc.block_text(b) for b in doc.blocks if b.kind == kind]


def test_plain_email_headers_and_body(tmp_path):
    data = message().as_bytes()
    [doc] = read(write(tmp_path, "reply.eml", data))
    assert doc.format == "eml" and doc.source == "reply.eml"
    assert doc.title == "Re: Damp in council homes"
    assert doc.date == "2023-04-04"
    assert doc.author == "Jane Okafor"
    assert doc.addressees == ["Cllr Patel", "housing@council.gov.uk"]
    assert doc.metadata["from"] == "Jane Okafor <jane@rta.org>"
    assert doc.metadata["to"] == "Cllr Patel <patel@council.gov.uk>, housing@council.gov.uk"
    assert doc.metadata["cc"] == "Ann Lee <ann@rta.org>"
    assert doc.metadata["subject"] == "Re: Damp in council homes"
    assert doc.metadata["date"] == "Tue, 04 Apr 2023 09:15:00 +0100"
    assert doc.metadata["message_id"] == "<abc123@rta.org>"
    from ingest.records import content_hash
    assert doc.id == content_hash(data)
    assert texts(doc, SALUTATION) == ["Dear Councillor Patel,"]
    assert texts(doc, CLOSING) == ["Kind regards,"]
    assert texts(doc, SIGNATURE) == ["Jane Okafor", "Chair"]
    spans_exact(doc)


def test_quoted_reply_is_not_the_senders_text(tmp_path):
    [doc] = read(write(tmp_path, "reply.eml", message().as_bytes()))
    items = [b for b in doc.blocks if b.kind == LIST_ITEM]
    assert [(b.number, doc.block_text(b)) for b in items] == [
        ("1", "survey every flat on the estate;"), ("2", "publish the results.")]
    lead = doc.blocks[items[0].lead_in]
    assert doc.block_text(lead) == "Thank you for your reply. We ask the council to:"
    for quoted in ("what exactly do you want", "tell me by Friday", "Can you say when?", "wrote:", ">"):
        assert quoted not in doc.text
    assert "By September, please." in doc.text
    assert "tell me by Friday" in doc.metadata["quoted"] and "Can you say when?" in doc.metadata["quoted"]


def test_forward_keeps_forwarded_text_without_quote_marks(tmp_path):
    body = "FYI, see below.\n\n> We ask the council to act now.\n> - more buses\n"
    [doc] = read(write(tmp_path, "fwd.eml", message(body, "Fwd: Buses").as_bytes()))
    assert "We ask the council to act now." in doc.text and ">" not in doc.text
    assert [doc.block_text(b) for b in doc.blocks if b.kind == LIST_ITEM] == ["more buses"]
    assert [b.number for b in doc.blocks if b.kind == LIST_ITEM] == ["-"]
    spans_exact(doc)


def test_html_only_email(tmp_path):
    m = message(None)
    m.set_content("""<html><head><style>p {color: red}</style><script>SECRET()</script></head><body>
        <p>Dear Councillor,</p><p>We ask that you:</p><ul><li>fix the lifts;</li><li>clear the drains.</li></ul>
        <p>&gt; not a bullet</p>
        <div class="gmail_quote">On Monday Cllr Patel wrote:<blockquote>OLD QUOTED TEXT</blockquote></div>
        </body></html>""", subtype="html")
    [doc] = read(write(tmp_path, "html.eml", m.as_bytes()))
    assert "SECRET" not in doc.text and "color" not in doc.text and "OLD QUOTED TEXT" not in doc.text
    assert "OLD QUOTED TEXT" in doc.metadata["quoted"]
    assert texts(doc, SALUTATION) == ["Dear Councillor,"]
    assert texts(doc, LIST_ITEM) == ["fix the lifts;", "clear the drains."]
    assert "> not a bullet" in doc.text
    spans_exact(doc)


def test_plain_body_preferred_over_html(tmp_path):
    m = message("Plain body: we ask for more buses.")
    m.add_alternative("<p>HTML body: we ask for more trams.</p>", subtype="html")
    [doc] = read(write(tmp_path, "alt.eml", m.as_bytes()))
    assert doc.text == "Plain body: we ask for more buses."


def test_attachments_become_documents_and_a_broken_one_is_recorded(tmp_path):
    m = message("Please find our evidence attached.\n\nKind regards,\nJane")
    m.add_attachment(b"Evidence notes.\n\nWe recommend two more inspectors.", maintype="text", subtype="plain",
                     filename="notes.txt")
    m.add_attachment(b"<html><body><h1>Survey</h1><p>Most flats are damp.</p><script>BAD()</script></body></html>",
                     maintype="text", subtype="html", filename="summary.html")
    m.add_attachment(b"%PDF-1.4\n this is not really a PDF \x00\x01", maintype="application", subtype="pdf",
                     filename="evidence.pdf")
    m.add_attachment(b"\x89PNG\r\n", maintype="image", subtype="png", filename="logo.png")  # unsupported: ignored
    docs = read(write(tmp_path, "mail.eml", m.as_bytes()))
    assert [d.source for d in docs] == ["mail.eml", "mail.eml/notes.txt", "mail.eml/summary.html"]
    mail, notes, summary = docs
    assert mail.text.startswith("Please find our evidence attached.")
    assert notes.format == "txt" and "We recommend two more inspectors." in notes.text
    assert summary.format == "html" and "Most flats are damp." in summary.text and "BAD" not in summary.text
    assert notes.metadata["attached_to"] == "mail.eml"
    errors = mail.metadata["attachment_errors"].split("\n")
    assert len(errors) == 1 and errors[0].startswith("evidence.pdf: ")
    assert mail.metadata["attachments"] == "notes.txt, summary.html, evidence.pdf, logo.png"
    for d in docs:
        spans_exact(d)


def test_attached_emails_nest_two_deep(tmp_path):
    def wrap(inner: EmailMessage, text: str) -> EmailMessage:
        outer = message(text, "Fwd: chain")
        outer.add_attachment(inner)  # message/rfc822
        return outer

    innermost = message("Level three text.")
    m = wrap(wrap(wrap(innermost, "Level two text."), "Level one text."), "Level zero text.")
    docs = read(write(tmp_path, "chain.eml", m.as_bytes()))
    assert [d.text for d in docs] == ["Level zero text.", "Level one text.", "Level two text."]
    assert docs[1].source == "chain.eml/attached-message-2.eml"
    assert "nested too deep" in docs[2].metadata["attachment_errors"]


def test_eml_file_attachment_by_name(tmp_path):
    m = message("See the attached e-mail.")
    m.add_attachment(message("We ask for a new bridge.").as_bytes(), maintype="application", subtype="octet-stream",
                     filename="original.eml")
    docs = read(write(tmp_path, "a.eml", m.as_bytes()))
    assert [d.source for d in docs] == ["a.eml", "a.eml/original.eml"]
    assert docs[1].text == "We ask for a new bridge." and docs[1].author == "Jane Okafor"


def test_attachment_only_email_is_kept(tmp_path):
    m = message(None)
    m.add_attachment(b"Our submission text.", maintype="text", subtype="plain", filename="submission.txt")
    docs = read(write(tmp_path, "att.eml", m.as_bytes()))
    assert [d.source for d in docs] == ["att.eml", "att.eml/submission.txt"]
    assert docs[0].text == "" and docs[0].title == "Re: Damp in council homes"


def test_empty_email_is_an_error(tmp_path):
    with pytest.raises(IngestError, match=r"empty document \(no text\)"):
        read(write(tmp_path, "empty.eml", message("\n\n").as_bytes()))
    m = message(None)
    m.add_attachment(b"garbage", maintype="application", subtype="pdf", filename="broken.pdf")
    with pytest.raises(IngestError, match=r"empty document \(no text\).*broken\.pdf"):
        read(write(tmp_path, "broken.eml", m.as_bytes()))


def test_not_an_email_is_an_error(tmp_path):
    with pytest.raises(IngestError, match="not an e-mail"):
        read(write(tmp_path, "junk.eml", b"%PDF-1.4\n\x00\x01\x02 binary junk"))


def test_flowed_text_and_latin1_charset(tmp_path):
    raw = ("From: a@b.org\r\nSubject: Caf\xe9\r\nContent-Type: text/plain; charset=iso-8859-1; format=flowed\r\n"
           "\r\nWe ask the caf\xe9 owners to open \r\nlonger hours.\r\n").encode("latin-1")
    [doc] = read(write(tmp_path, "f.eml", raw))
    assert doc.text == "We ask the café owners to open longer hours."
    assert doc.author is None and doc.addressees == []


def test_outlook_html_reply_history_is_cut(tmp_path):
    m = message(None)
    m.set_content("""<html><body><div class=WordSection1>
        <p class=MsoNormal>We ask you to reopen the library.<o:p></o:p></p>
        <p class=MsoNormal>&nbsp;</p>
        <div style="border:none;border-top:solid #E1E1E1 1.0pt">
          <p class=MsoNormal><b>From:</b> Cllr Patel<br><b>Sent:</b> 3 April 2023 17:02<br><b>Subject:</b> Library</p>
        </div>
        <p class=MsoNormal>OLD MESSAGE: what do you want?</p></div></body></html>""", subtype="html")
    [doc] = read(write(tmp_path, "outlook.eml", m.as_bytes()))
    assert doc.text == "We ask you to reopen the library."
    assert "OLD MESSAGE" in doc.metadata["quoted"] and "Sent:" in doc.metadata["quoted"]
