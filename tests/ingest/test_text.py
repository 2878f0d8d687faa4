"""The .txt/.md reader: encodings, Markdown clean-up, blocks with exact spans."""
import pytest

from ingest import IngestError, read
from ingest.records import FOOTNOTE, HEADING, LIST_ITEM, PARAGRAPH

LETTER = """Riverside Tenants' Association
12 Mill Lane
Northtown NT1 2AB

3 April 2023

Dear Councillor Patel,

# Damp and mould in council homes

We are writing about the condition of homes on the Riverside estate.¹ Residents report damp in most flats.

We ask the council to:

1. survey every flat on the estate by September;
2. publish the results, block by block; and
3. fund repairs from the housing revenue account.

**The council should also appoint a named officer.**

Yours sincerely,

Jane Okafor
Chair, Riverside Tenants' Association

---

<sup>2</sup> Survey of residents, [Riverside TA](https://example.org/survey), 2022.
"""


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def spans_exact(doc):
    for b in doc.blocks:
        t = doc.text[b.start:b.end]
        assert t == t.strip() and t, (b, t)


def test_markdown_is_cleaned_and_blocks_found(tmp_path):
    doc = read(write(tmp_path, "letter.md", LETTER.encode()))[0]
    assert doc.format == "md"
    assert "**" not in doc.text and "<sup>" not in doc.text and "](" not in doc.text
    assert "The council should also appoint a named officer." in doc.text
    assert "² Survey of residents, Riverside TA, 2022." in doc.text
    spans_exact(doc)
    kinds = [b.kind for b in doc.blocks]
    heading = next(b for b in doc.blocks if b.kind == HEADING)
    assert doc.block_text(heading) == "Damp and mould in council homes"
    items = [b for b in doc.blocks if b.kind == LIST_ITEM]
    assert [b.number for b in items] == ["1", "2", "3"]
    assert doc.block_text(items[0]) == "survey every flat on the estate by September;"
    lead = doc.blocks[items[0].lead_in]
    assert doc.block_text(lead) == "We ask the council to:"
    assert all(b.lead_in == items[0].lead_in for b in items)
    foot = [b for b in doc.blocks if b.kind == FOOTNOTE]
    assert len(foot) == 1 and doc.block_text(foot[0]).startswith("² Survey")
    assert "salutation" in kinds and "closing" in kinds and "signature" in kinds
    assert PARAGRAPH in kinds


@pytest.mark.parametrize("encoding,prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("utf-16", b"")])
def test_encodings_are_decoded_not_mangled(tmp_path, encoding, prefix):
    text = "Café owners’ response — we urge the council to cut fees by 10%.\n"
    doc = read(write(tmp_path, "r.txt", prefix + text.encode(encoding)))[0]
    assert doc.text.strip() == text.strip()


def test_undecodable_bytes_are_an_error(tmp_path):
    # 0x81 and 0x8d are undefined in cp1252 and invalid UTF-8
    with pytest.raises(IngestError, match="encoding"):
        read(write(tmp_path, "bad.txt", b"Hello \x81\x8d\x8f world " * 5))


def test_binary_content_is_an_error(tmp_path):
    with pytest.raises(IngestError):
        read(write(tmp_path, "blob.txt", bytes(range(256)) * 4))


@pytest.mark.parametrize("data", [b"", b"   \n\n \t\n"])
def test_empty_file_is_an_error(tmp_path, data):
    with pytest.raises(IngestError, match="empty"):
        read(write(tmp_path, "empty.txt", data))


def test_crlf_newlines_are_normalised(tmp_path):
    doc = read(write(tmp_path, "w.txt", b"First paragraph here.\r\n\r\nSecond paragraph here.\r\n"))[0]
    assert "\r" not in doc.text
    assert [doc.block_text(b) for b in doc.blocks] == ["First paragraph here.", "Second paragraph here."]


def test_same_bytes_same_id_different_bytes_different_id(tmp_path):
    a = read(write(tmp_path, "a.txt", b"We recommend more buses."))[0]
    b = read(write(tmp_path, "b.txt", b"We recommend more buses."))[0]
    c = read(write(tmp_path, "c.txt", b"We recommend more trams."))[0]
    assert a.id == b.id != c.id
    assert a.source == "a.txt"


def test_unsupported_extension_and_size_limit(tmp_path):
    from ingest import ReadOptions

    with pytest.raises(IngestError, match="unsupported file type '.odt'"):
        read(write(tmp_path, "x.odt", b"some text"))
    big = write(tmp_path, "big.txt", b"word " * 3000)
    with pytest.raises(IngestError, match="too large"):
        read(big, ReadOptions(max_bytes=10_000))
    assert read(big, ReadOptions(max_bytes=20_000))
