"""Consultation exports (.csv, .xlsx): one document per respondent, sections per question."""
import csv
import io
import zipfile
from datetime import datetime

import openpyxl
import pytest

from ingest import ColumnRoles, IngestError, ReadOptions, read
from ingest.records import CONSULTATION_RESPONSE, HEADING, LIST_ITEM, PARAGRAPH

Q1 = "Q1: Do you agree with the proposal?"
Q2 = "Question 2: What else should we consider?"


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def to_csv(rows, delimiter=",", encoding="utf-8") -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode(encoding)


def spans_exact(doc):
    assert doc.blocks
    for b in doc.blocks:
        t = doc.text[b.start:b.end]
        assert t and t == t.strip(), (b, t)


def sections(doc):
    """{question: [(kind, text, number)]} from the blocks' sections."""
    out = {}
    for b in doc.blocks:
        out.setdefault(b.section, []).append((b.kind, doc.block_text(b), b.number))
    return out


RESPONSES = [
    ["Response ID", "Are you responding as an individual or on behalf of an organisation?",
     "Organisation name (if applicable)", "Your name", "Submitted", "Email", Q1, Q2],
    ["R-101", "Organisation", "Friends of the River", "Ann Lee", "03/04/2024", "ann@fotr.org",
     "Yes. We strongly agree.\n\nWe ask that:\n1. the scheme starts in 2025;\n2. funding is ring-fenced.",
     "Nothing else."],
    ["R-102", "Individual", "", "Bob Day", "2024-04-05 10:00:00", "bob@example.org", "No",
     "Please consider rural areas,\r\nwhich are badly served by buses."],
    ["R-103", "Individual", "", "Cy Young", "", "", "", ""],  # no answers: skipped
]


def test_csv_rows_become_documents_with_detected_roles(tmp_path):
    docs = read(write(tmp_path, "responses.csv", to_csv(RESPONSES)))
    assert [d.source for d in docs] == ["responses.csv#R-101", "responses.csv#R-102"]
    first, second = docs
    assert first.format == "csv" and first.kind == CONSULTATION_RESPONSE
    assert first.author_org == "Friends of the River" and first.author == "Ann Lee"
    assert first.date == "2024-04-03"  # day first
    assert first.metadata["response_id"] == "R-101" and first.metadata["respondent_type"] == "Organisation"
    assert first.metadata["skipped_rows"] == "1"
    assert "ann@fotr.org" not in first.text  # contact details are not answers
    assert sections(first) == {
        Q1: [(HEADING, Q1, None), (PARAGRAPH, "Yes. We strongly agree.", None), (PARAGRAPH, "We ask that:", None),
             (LIST_ITEM, "the scheme starts in 2025;", "1"), (LIST_ITEM, "funding is ring-fenced.", "2")],
        Q2: [(HEADING, Q2, None), (PARAGRAPH, "Nothing else.", None)],
    }
    items = [b for b in first.blocks if b.kind == LIST_ITEM]
    assert all(first.block_text(first.blocks[b.lead_in]) == "We ask that:" for b in items)
    assert second.author_org is None and second.date == "2024-04-05"
    assert second.metadata["respondent_type"] == "Individual"
    assert sections(second)[Q2][1:] == [(PARAGRAPH, "Please consider rural areas,", None),
                                        (PARAGRAPH, "which are badly served by buses.", None)]
    for d in docs:
        spans_exact(d)


@pytest.mark.parametrize("headers", [
    ["Respondent ID", "Organization", "Type of respondent", "Full name", "Submission date", "Comments"],
    ["ref", "Name of organisation", "Capacity", "Respondent name", "Timestamp", "Q1"],
    ["Submission ID", "Company", "Sector", "Name", "Completed", "Your views"],
    ["reference", "On behalf of", "Responding as:", "your name", "Date", "Any other comments?"],
])
def test_header_spellings(tmp_path, headers):
    rows = [headers,
            ["R-7", "Acme Buses Ltd", "Business", "Dee Evans", "2024-01-31", "We want longer contracts for operators."],
            ["R-8", "Town Trust", "Charity", "Flo Green", "2024-02-01", "Protect the evening services."]]
    docs = read(write(tmp_path, "r.csv", to_csv(rows)))
    assert [d.source for d in docs] == ["r.csv#R-7", "r.csv#R-8"]
    d = docs[0]
    assert (d.author_org, d.author, d.date, d.metadata["respondent_type"]) == (
        "Acme Buses Ltd", "Dee Evans", "2024-01-31", "Business")
    assert sections(d) == {headers[5]: [(HEADING, headers[5], None),
                                        (PARAGRAPH, "We want longer contracts for operators.", None)]}


def test_explicit_roles_override_detection(tmp_path):
    rows = [["Code", "Group", "Kind", "Who", "Thoughts", "Notes"],
            ["X1", "Cycling UK", "NGO", "Gil", "More cycle lanes.", "internal note, not an answer at all"],
            ["X2", "Bus Users", "NGO", "Hal", "Cheaper fares.", "another internal note for staff"]]
    cols = ColumnRoles(id="code", organisation="Group", respondent_type="Kind", name="Who", questions=["Thoughts"])
    docs = read(write(tmp_path, "e.csv", to_csv(rows)), ReadOptions(columns=cols))
    assert [d.source for d in docs] == ["e.csv#X1", "e.csv#X2"]
    assert (docs[0].author_org, docs[0].author, docs[0].metadata["respondent_type"]) == ("Cycling UK", "Gil", "NGO")
    assert docs[0].text == "Thoughts\n\nMore cycle lanes."  # "Notes" was not named a question
    with pytest.raises(IngestError, match="column 'Response number' not found"):
        read(write(tmp_path, "e.csv", to_csv(rows)), ReadOptions(columns=ColumnRoles(id="Response number")))


def test_semicolon_delimiter_and_multiline_cells(tmp_path):
    rows = [["ID", "Organisation", "Q1 Views"],
            ["A-1", "Ramblers", "Yes, we agree; strongly.\nWe ask for:\n- more stiles\n- better signs"],
            ["A-2", "Parish Council", "No, because of cost, time, and staff."]]
    docs = read(write(tmp_path, "semi.csv", to_csv(rows, ";")))
    assert [d.source for d in docs] == ["semi.csv#A-1", "semi.csv#A-2"]
    assert docs[0].author_org == "Ramblers"
    assert [(b.kind, docs[0].block_text(b), b.number) for b in docs[0].blocks][1:] == [
        (PARAGRAPH, "Yes, we agree; strongly.", None), (PARAGRAPH, "We ask for:", None),
        (LIST_ITEM, "more stiles", "-"), (LIST_ITEM, "better signs", "-")]
    assert all(b.section == "Q1 Views" for b in docs[0].blocks)
    tab = read(write(tmp_path, "tab.tsv.csv", to_csv(rows, "\t")))
    assert [d.source for d in tab] == ["tab.tsv.csv#A-1", "tab.tsv.csv#A-2"]


def test_cp1252_csv_and_rows_without_id(tmp_path):
    rows = [["Organisation", "Response"],
            ["Café Owners’ Association", "We’d like the café zone extended – please."],
            ["", ""],  # blank line: neither a respondent nor skipped
            ["Tea Rooms", "Keep the pedestrian zone as it is."]]
    data = to_csv(rows, encoding="cp1252")
    assert b"\x92" in data  # really cp1252, not UTF-8
    docs = read(write(tmp_path, "cafes.csv", data))
    assert [d.source for d in docs] == ["cafes.csv#row-2", "cafes.csv#row-4"]
    assert docs[0].author_org == "Café Owners’ Association"
    assert "We’d like the café zone extended – please." in docs[0].text
    assert "skipped_rows" not in docs[0].metadata
    for d in docs:
        spans_exact(d)


def test_repeated_ids_stay_unique(tmp_path):
    rows = [["ID", "Comments"], ["7", "First comment about buses."], ["7", "Second comment about trams."]]
    docs = read(write(tmp_path, "d.csv", to_csv(rows)))
    assert [d.source for d in docs] == ["d.csv#7", "d.csv#7-row-3"]


def test_no_free_text_column_is_an_error(tmp_path):
    rows = [["a", "b", "c"], ["1", "yes", "x"], ["2", "no", "y"]]
    with pytest.raises(IngestError) as err:
        read(write(tmp_path, "closed.csv", to_csv(rows)))
    assert err.value.reason == "no free-text column found (columns: a, b, c); name the question columns explicitly"


def test_ids_are_stable_for_the_same_content(tmp_path):
    a = read(write(tmp_path, "responses.csv", to_csv(RESPONSES)))
    b = read(write(tmp_path, "responses.csv", to_csv(RESPONSES[:1] + RESPONSES[2:3] + RESPONSES[1:2])))
    assert {d.source: d.id for d in a} == {d.source: d.id for d in b}  # row order does not matter
    changed = [r[:] for r in RESPONSES]
    changed[1][7] = "Something else."
    c = read(write(tmp_path, "responses.csv", to_csv(changed)))
    assert c[0].id != a[0].id and c[1].id == a[1].id


def xlsx(rows_by_sheet: dict) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in rows_by_sheet.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_rows_become_documents(tmp_path):
    data = xlsx({
        "Cover": [],  # an empty first sheet: the first sheet with data is read
        "Responses": [
            [None],  # a blank row before the header
            ["Response number", "Organisation", "Date", Q1],
            [101, "Friends of the River", datetime(2024, 3, 5), "We ask for:\n(a) cleaner water;\n(b) more wardens."],
            [102, None, datetime(2024, 3, 6, 14, 30), "No comment on this, but\n\nwe support the aims."],
        ],
    })
    docs = read(write(tmp_path, "responses.xlsx", data))
    assert [d.source for d in docs] == ["responses.xlsx#101", "responses.xlsx#102"]  # 101, not 101.0
    first, second = docs
    assert first.format == "xlsx" and first.kind == CONSULTATION_RESPONSE
    assert first.author_org == "Friends of the River" and first.date == "2024-03-05" and second.date == "2024-03-06"
    assert sections(first) == {Q1: [(HEADING, Q1, None), (PARAGRAPH, "We ask for:", None),
                                    (LIST_ITEM, "cleaner water;", "a"), (LIST_ITEM, "more wardens.", "b")]}
    assert [second.block_text(b) for b in second.blocks] == [Q1, "No comment on this, but", "we support the aims."]
    for d in docs:
        spans_exact(d)


def test_corrupt_xlsx_is_an_error(tmp_path):
    with pytest.raises(IngestError, match="not a valid XLSX file"):
        read(write(tmp_path, "bad.xlsx", b"PK\x03\x04 this is not really a zip file"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not a workbook")
    with pytest.raises(IngestError, match="not a valid XLSX file"):
        read(write(tmp_path, "other.xlsx", buf.getvalue()))


def test_xlsx_zip_bomb_is_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * 5_000_000)
    assert len(buf.getvalue()) < 100_000
    with pytest.raises(IngestError, match=r"suspicious archive \(zip bomb\?\)"):
        read(write(tmp_path, "bomb.xlsx", buf.getvalue()), ReadOptions(max_unzipped_bytes=1_000_000))


def test_a_csv_without_a_header_row_loses_no_row():
    """Issue 15: the first answer was taken for headers and silently lost."""
    from ingest import read_bytes

    data = (b"R-1,An individual,We ask the council to fund the library. It matters to us.\n"
            b"R-2,An organisation,We urge the council to open the library on Sundays.\n"
            b"R-3,An individual,Please keep the branch library open.\n")
    docs = read_bytes(data, "noheader.csv")
    assert len(docs) == 3 and "fund the library" in docs[0].text
    with_header = b"ID,Type,Q1 Do you agree?\n" + data
    assert len(read_bytes(with_header, "header.csv")) == 3  # a real header row is still a header row


def test_an_xlsx_formula_without_a_saved_value_keeps_its_text():
    """Issue 15: formula cells written without a cached value (openpyxl, scripts) silently vanished."""
    import io

    from openpyxl import Workbook

    from ingest import read_bytes

    wb = Workbook()
    ws = wb.active
    ws.append(["ID", "Organisation", "Q1 Do you agree with the plan?"])
    ws.append(["R-1", "Harbour Users", '=CONCATENATE("We ask the board ", "to add a late ferry.")'])
    ws.append(["R-2", "Islanders", "We urge the board to keep the fares down."])
    buf = io.BytesIO()
    wb.save(buf)
    docs = read_bytes(buf.getvalue(), "formulas.xlsx")
    assert len(docs) == 2
    assert 'CONCATENATE("We ask the board "' in docs[0].text
    assert docs[0].metadata["formula_cells"].startswith("1 formula cells had no saved value")
