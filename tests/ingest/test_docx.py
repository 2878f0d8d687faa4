"""DOCX reader, on documents generated with python-docx (and zip rewriting for footnotes)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from ingest.docx import read_docx
from ingest.options import ReadOptions
from ingest.reader import read, read_bytes
from ingest.records import (
    ADDRESS,
    CLOSING,
    FOOTNOTE,
    HEADING,
    LIST_ITEM,
    PAGE_BREAK,
    PARAGRAPH,
    SALUTATION,
    SIGNATURE,
    Block,
    Document,
    IngestError,
)

from .docx_fixtures import FOOTNOTE_TEXT, letter_docx, simple_docx, with_extra_member


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Document:
    (doc,) = read(letter_docx(tmp_path_factory.mktemp("docx") / "letter.docx"))
    return doc


def _block(doc: Document, text: str) -> Block:
    return next(b for b in doc.blocks if doc.block_text(b) == text)


def _items(doc: Document) -> list[tuple[str | None, int, str]]:
    return [(b.number, b.level, doc.block_text(b)) for b in doc.blocks if b.kind == LIST_ITEM]


def test_core_properties_end_to_end(letter: Document) -> None:
    assert letter.format == "docx" and letter.source == "letter.docx"
    assert letter.title == "Rural buses: our recommendations"
    assert letter.metadata["docx_author"] == "Jane Smith"
    assert letter.metadata["docx_created"].startswith("2024-03-05T09:30")


def test_block_spans_are_exact(letter: Document) -> None:
    last_end = 0
    for b in letter.blocks:
        t = letter.text[b.start : b.end]
        assert t == ("\f" if b.kind == PAGE_BREAK else t.strip()) and t, b
        assert b.start >= last_end, b
        last_end = b.end


def test_heading_styles_become_heading_blocks(letter: Document) -> None:
    headings = [letter.block_text(b) for b in letter.blocks if b.kind == HEADING]
    assert headings == ["Our recommendations", "Funding"]


def test_paragraphs_are_separated_by_blank_lines(letter: Document) -> None:
    para = _block(letter, "We recommend that the government:")
    assert para.kind == PARAGRAPH
    assert letter.text[para.start - 2 : para.start] == "\n\n"


def test_numbered_list_numbers_and_lead_in(letter: Document) -> None:
    lead = _block(letter, "We recommend that the government:")
    lead_index = letter.blocks.index(lead)
    items = letter.blocks[lead_index + 1 : lead_index + 4]
    assert [(b.kind, b.number, b.lead_in) for b in items] == [(LIST_ITEM, n, lead_index) for n in ("1", "2", "3")]
    assert letter.block_text(items[0]) == "guarantees multi-year funding for supported routes;"
    # the number is shown in the text, outside the item's span
    assert letter.text[items[0].start - 3 : items[0].start] == "1. "


def test_bullet_list_with_nested_level(letter: Document) -> None:
    lead_index = letter.blocks.index(_block(letter, "In addition, councils should:"))
    parent = _block(letter, "consult passengers on timetable changes, including:")
    nested = [_block(letter, "school leavers;"), _block(letter, "older people.")]
    last = _block(letter, "publish their bus plans.")
    assert {b.number for b in [parent, *nested, last]} == {"•"}
    assert (parent.level, parent.lead_in) == (0, lead_index)
    assert all(b.level == 1 and b.lead_in == letter.blocks.index(parent) for b in nested)
    assert (last.level, last.lead_in) == (0, lead_index)  # back in the outer list after the nested one


def test_multilevel_numbering_from_numbering_xml(letter: Document) -> None:
    items = _items(letter)
    start = items.index(("1", 0, "Capital funding for:"))
    assert items[start : start + 6] == [
        ("1", 0, "Capital funding for:"),
        ("a", 1, "new vehicles;"),
        ("b", 1, "depots, in particular:"),
        ("i", 2, "charging points."),
        ("2", 0, "Revenue funding for drivers."),
        ("1", 0, "First item of a new list."),  # a list restarting with w:startOverride
    ]
    charging = _block(letter, "charging points.")
    assert letter.block_text(letter.blocks[charging.lead_in]) == "depots, in particular:"


def test_typed_number_is_a_list_item(letter: Document) -> None:
    item = _block(letter, "A typed number, not Word numbering.")
    assert (item.kind, item.number) == (LIST_ITEM, "4")


def test_footnotes_appended_as_footnote_blocks(letter: Document) -> None:
    notes = [b for b in letter.blocks if b.kind == FOOTNOTE]
    assert [letter.block_text(b) for b in notes] == [f"¹ {FOOTNOTE_TEXT[1]}", f"² {FOOTNOTE_TEXT[2]}"]
    assert letter.blocks[-2:] == notes  # at the end, separator notes (ids -1, 0) left out
    body = _block(letter, "More than a quarter of supported routes have gone since 2015¹ and passengers tell us "
                          "the timetable matters most.²")
    assert body.kind == PARAGRAPH


def test_letter_parts(letter: Document) -> None:
    assert _block(letter, "Dear Minister,").kind == SALUTATION
    assert _block(letter, "Yours sincerely,").kind == CLOSING
    assert _block(letter, "Jane Smith").kind == SIGNATURE
    assert _block(letter, "12 High Street").kind == ADDRESS


def test_table_cells_are_paragraphs(letter: Document) -> None:
    cells = [_block(letter, t) for t in ("Route", "Journeys lost", "X12 Ludlow", "4,200")]
    assert all(b.kind == PARAGRAPH for b in cells)
    assert letter.text[cells[0].end : cells[1].start] == "\n"  # cells of one row
    assert letter.text[cells[1].end : cells[2].start] == "\n\n"  # next row


def test_page_break_becomes_page_break_block(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("First page text.")
    d.add_page_break()
    d.add_paragraph("Second page text.")
    path = tmp_path / "pages.docx"
    d.save(str(path))
    (doc,) = read_docx(path.read_bytes(), path.name, ReadOptions())
    assert [b.kind for b in doc.blocks] == [PARAGRAPH, PAGE_BREAK, PARAGRAPH]


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("This is plain text with a .docx name.")
    with pytest.raises(IngestError) as err:
        read(path)
    assert err.value.reason == "not a valid DOCX file (not a zip archive)"


def test_zip_without_word_document(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not a word file")
    with pytest.raises(IngestError) as err:
        read_bytes(buf.getvalue(), "archive.docx")
    assert err.value.reason == "not a valid DOCX file (no word/document.xml in the archive)"


def test_zip_bomb_member_compression_ratio(tmp_path: Path) -> None:
    path = with_extra_member(simple_docx(tmp_path / "bomb.docx", ["Hello."]), "word/media/zeros.bin", 11 * 1024 * 1024)
    assert path.stat().st_size < 200_000  # 11 MB of zeros compress ~1000:1
    with pytest.raises(IngestError) as err:
        read(path)
    assert err.value.reason.startswith("suspicious archive (zip bomb?): word/media/zeros.bin is 11 MiB")


def test_zip_bomb_total_uncompressed_size(tmp_path: Path) -> None:
    path = with_extra_member(simple_docx(tmp_path / "big.docx", ["Hello."]), "word/media/zeros.bin", 2 * 1024 * 1024)
    (doc,) = read(path)  # under the default limit, and too small for the ratio rule: read normally
    assert doc.text == "Hello."
    with pytest.raises(IngestError) as err:
        read(path, ReadOptions(max_unzipped_bytes=1024 * 1024))
    assert err.value.reason.startswith("suspicious archive (zip bomb?): ") and "uncompressed, the limit is" in err.value.reason


def test_empty_document(tmp_path: Path) -> None:
    path = simple_docx(tmp_path / "empty.docx", ["", "   "])
    with pytest.raises(IngestError) as err:
        read(path)
    assert err.value.reason == "empty document (no text)"


def test_adjacent_lists_keep_word_levels(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Steps:")
    d.add_paragraph("Fund the routes.", style="List Number")
    d.add_paragraph("Publish the data.", style="List Number")
    d.add_paragraph("Also welcome.", style="List Bullet")  # a sibling list at the same indent, not a sub-list
    path = tmp_path / "adjacent.docx"
    d.save(str(path))
    (doc,) = read_docx(path.read_bytes(), path.name, ReadOptions())
    assert _items(doc) == [("1", 0, "Fund the routes."), ("2", 0, "Publish the data."), ("•", 0, "Also welcome.")]


def _forge_sizes(data: bytes, claimed: int) -> bytes:
    """A zip whose headers (local and central) claim every member is ``claimed`` bytes uncompressed."""
    import struct

    out = bytearray(data)
    i = 0
    while (i := out.find(b"PK\x03\x04", i)) >= 0:  # local headers: uncompressed size at +22
        struct.pack_into("<I", out, i + 22, claimed)
        i += 4
    i = 0
    while (i := out.find(b"PK\x01\x02", i)) >= 0:  # central directory: uncompressed size at +24
        struct.pack_into("<I", out, i + 24, claimed)
        i += 4
    return bytes(out)


def test_forged_sizes_are_judged_by_what_the_archive_really_decompresses_to(tmp_path):
    """Issue 15: a docx whose headers claim tiny members peaked at 2.2 GB; now the real bytes are counted."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("word/media/zeros.bin", b"\0" * (3 * 1024 * 1024))
    forged = _forge_sizes(buf.getvalue(), 100)
    with pytest.raises(IngestError) as err:
        read_bytes(forged, "forged.docx", ReadOptions(max_unzipped_bytes=2 * 1024 * 1024))
    assert "zip bomb" in err.value.reason or "corrupt archive" in err.value.reason
