"""PDF reader, on PDFs generated with fpdf2."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from fpdf import FPDF

from ingest.options import ReadOptions
from ingest.pdf import read_pdf
from ingest.reader import read, read_bytes
from ingest.records import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, Document, IngestError

from .pdf_fixtures import HEADER, PARAGRAPHS, RECOMMENDATIONS, no_text_pdf, submission_pdf, two_paragraph_pdf


@pytest.fixture(scope="module")
def submission(tmp_path_factory: pytest.TempPathFactory) -> Document:
    (doc,) = read(submission_pdf(tmp_path_factory.mktemp("pdf") / "evidence.pdf"))
    return doc


def _texts(doc: Document, kind: str) -> list[str]:
    return [doc.block_text(b) for b in doc.blocks if b.kind == kind]


def assert_spans_valid(doc: Document) -> None:
    last_end = 0
    for b in doc.blocks:
        t = doc.text[b.start : b.end]
        if b.kind == PAGE_BREAK:
            assert t == "\f"
        else:
            assert t and t == t.strip(), (b, t)
        assert b.start >= last_end, f"blocks overlap or are out of order: {b}"
        last_end = b.end


def test_reads_text_layer_and_metadata_end_to_end(submission: Document) -> None:
    assert submission.format == "pdf" and submission.source == "evidence.pdf"
    assert "guarantee multi-year funding for supported bus routes" in submission.text
    assert submission.title == "Evidence on rural buses"
    assert submission.metadata["pdf_author"] == "Jane Doe"
    assert submission.path and submission.path.endswith("evidence.pdf")


def test_repeated_header_and_page_footer_removed_page_breaks_kept(submission: Document) -> None:
    assert HEADER not in submission.text
    assert "Page 1 of 3" not in submission.text and "of 3" not in submission.text
    assert sum(b.kind == PAGE_BREAK for b in submission.blocks) == 2
    assert submission.text.count("\f") == 2


def test_paragraph_wrapped_over_lines_is_one_block(submission: Document) -> None:
    paragraphs = _texts(submission, PARAGRAPH)
    first = next(p for p in paragraphs if p.startswith("We welcome the opportunity"))
    assert "\n" in first  # it was wrapped over several lines…
    assert first.endswith("school and health care.")  # …and is still one block, ending where the paragraph ends
    second = next(p for p in paragraphs if p.startswith("Since 2015"))
    assert second.endswith("beyond a single year.")


def test_heading_is_its_own_block(submission: Document) -> None:
    assert "Summary of our evidence" in _texts(submission, HEADING)


def test_hyphenated_line_break_rejoined(submission: Document) -> None:
    assert "the organisation of timetables" in submission.text
    assert "organi-" not in submission.text
    assert "demand-responsive" in submission.text  # a real hyphen inside a line is kept


def test_numbered_list_items_with_numbers_and_lead_in(submission: Document) -> None:
    items = [b for b in submission.blocks if b.kind == LIST_ITEM]
    assert [b.number for b in items] == ["1", "2", "3", "a"]
    assert [submission.block_text(b) for b in items[:3]] == RECOMMENDATIONS
    lead = submission.blocks[items[0].lead_in]
    assert submission.block_text(lead) == "We recommend that:"
    assert all(b.lead_in == items[0].lead_in for b in items[:3])
    assert items[3].level >= 1  # the indented sub-item is nested


def test_block_spans_match_text(submission: Document) -> None:
    assert_spans_valid(submission)


def test_bare_page_numbers_of_any_style_removed(tmp_path: Path) -> None:
    footers = ["- 1 -", "Page 2", "3 | Rural buses", "4"]
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    for i, footer in enumerate(footers):
        pdf.add_page()
        pdf.multi_cell(0, 5, PARAGRAPHS[i], new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.cell(0, 6, footer, align="C")
    path = tmp_path / "numbers.pdf"
    pdf.output(str(path))
    (doc,) = read_pdf(path.read_bytes(), path.name, ReadOptions())
    for footer in footers:
        assert footer not in doc.text
    assert "Rural buses" not in doc.text
    assert all(p[:40] in doc.text for p in PARAGRAPHS)
    assert_spans_valid(doc)


def test_side_by_side_columns_are_not_interleaved(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for column, x in ((PARAGRAPHS[:2], 10), (PARAGRAPHS[2:], 110)):
        pdf.set_y(20)
        pdf.set_left_margin(x)
        for text in column:
            pdf.set_x(x)
            pdf.multi_cell(90, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    path = tmp_path / "columns.pdf"
    pdf.output(str(path))
    (doc,) = read_pdf(path.read_bytes(), path.name, ReadOptions())
    flat = " ".join(doc.text.split())
    for text in PARAGRAPHS:
        assert text in flat


def test_encrypted_pdf_with_user_password_is_refused(tmp_path: Path) -> None:
    path = two_paragraph_pdf(tmp_path / "secret.pdf", encryption=("owner-pw", "user-pw"))
    with pytest.raises(IngestError) as err:
        read(path)
    assert err.value.reason == "encrypted PDF (password protected) — cannot read"
    assert err.value.source == "secret.pdf"


def test_encrypted_pdf_with_empty_user_password_is_read(tmp_path: Path) -> None:
    path = two_paragraph_pdf(tmp_path / "restricted.pdf", encryption=("owner-pw", ""))
    assert b"/Encrypt" in path.read_bytes()
    (doc,) = read(path)
    assert PARAGRAPHS[0][:60] in doc.text
    assert len(_texts(doc, PARAGRAPH)) == 2


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as err:
        read(no_text_pdf(tmp_path / "scan.pdf"))
    assert err.value.reason == "no text layer (scanned?) — OCR is not supported"


def test_random_bytes_are_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(IngestError) as err:
        read(path)
    assert err.value.reason.startswith("not a valid PDF file")


def test_garbage_after_a_pdf_header_is_not_a_valid_pdf() -> None:
    with pytest.raises(IngestError) as err:
        read_bytes(b"%PDF-1.4\n" + os.urandom(300), "broken.pdf")
    assert err.value.reason.startswith("not a valid PDF file (")


def test_chapter_running_headers_with_page_numbers_removed(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for page in range(1, 7):
        pdf.add_page()
        part = "Part 1: Buses" if page <= 3 else "Part 2: Trains"  # each on half the pages only
        pdf.cell(0, 6, f"{part} {page}", align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(8)
        pdf.multi_cell(0, 5, PARAGRAPHS[page % 4], new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "parts.pdf"
    pdf.output(str(path))
    (doc,) = read_pdf(path.read_bytes(), path.name, ReadOptions())
    assert "Part 1" not in doc.text and "Part 2" not in doc.text
    assert doc.text.count(PARAGRAPHS[1][:50]) == 2


def test_body_text_repeated_on_every_page_is_kept(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for _ in range(3):
        pdf.add_page()
        for text in PARAGRAPHS:  # identical pages: their first and last lines repeat, but they are body text
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    path = tmp_path / "same.pdf"
    pdf.output(str(path))
    (doc,) = read_pdf(path.read_bytes(), path.name, ReadOptions())
    assert doc.text.count("We welcome the opportunity") == 3
    assert doc.text.count("more than a day's wages for a trainee.") == 3
