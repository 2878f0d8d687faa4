"""Readers for consultation exports (.csv, .xlsx): one document per respondent (row).

The header row is the first non-empty row. Column roles (response id, organisation, respondent
type, person name, date) are recognised from common header wordings; the question columns are
those with "Q1"/"Question 3: …" headers, long headers ending with "?", or mostly free-text
values. :class:`~ingest.options.ColumnRoles` overrides any of it.

A row's document has one section per answered question: the question as a heading block,
then the answer, one block per line (lines with a list marker are list items), every block's
``section`` being the question. Rows with no answer at all are skipped and counted in the
first document's ``metadata["skipped_rows"]``. Without an id column (or with an empty id) the
response id is ``row-N``, N being the row's number in the sheet (the header is row 1 when it is
the first row); a repeated id gets ``-row-N`` appended so that sources stay unique.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from collections.abc import Iterator
from itertools import chain, islice

from .layout import link_lead_ins, list_marker
from .options import ColumnRoles, ReadOptions
from .archive import check_zip
from .records import CONSULTATION_RESPONSE, HEADING, LIST_ITEM, PARAGRAPH, Block, Document, IngestError, content_hash
from .text import decode_text, normalise_newlines

_DELIMITERS = (",", ";", "\t")

# header wordings, compared after _norm(); the roles in order of precedence
_EXACT: dict[str, set[str]] = {
    "id": {"response id", "respondent id", "id", "submission id", "reference", "ref", "response number",
           "reference number", "ref no", "response ref", "response reference", "respondent number",
           "submission number", "unique id", "responseid", "respondentid"},
    "respondent_type": {"respondent type", "responding as", "are you responding as", "type of respondent", "capacity",
                        "sector", "individual or organisation", "individual or organization", "respondent category",
                        "type"},
    "organisation": {"organisation", "organization", "organisation name", "organization name", "company",
                     "company name", "on behalf of", "name of organisation", "name of organization", "body"},
    "name": {"name", "your name", "full name", "respondent name", "contact name"},
    "date": {"date", "submitted", "submission date", "timestamp", "completed", "date submitted", "submitted at",
             "submitted on", "completed at", "date of submission", "completion date", "end date"},
}
# phrases inside longer headers ("Are you responding as an individual or …?"); only for short values
_CONTAINS: dict[str, tuple[str, ...]] = {
    "id": ("response id", "respondent id", "submission id"),
    "respondent_type": ("responding as", "respondent type", "type of respondent", "individual or", "in what capacity"),
    "organisation": ("name of organisation", "name of organization", "organisation name", "organization name",
                     "which organisation", "which organization", "on behalf of"),
    "name": ("your name", "full name", "respondent name"),
    "date": ("submission date", "date submitted", "timestamp"),
}
# contact details and survey bookkeeping: never a question, unless named explicitly
_NOT_QUESTIONS = {"email", "e mail", "email address", "e mail address", "phone", "telephone", "phone number",
                  "telephone number", "postcode", "post code", "zip", "zip code", "address", "postal address",
                  "website", "url", "ip address", "user agent", "consent", "status", "language", "collector id"}
_QUESTION_HEADER = re.compile(r"^(?:q|question)\s*\d+[a-z]?\b")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass
class _Roles:
    id: int | None = None
    organisation: int | None = None
    respondent_type: int | None = None
    name: int | None = None
    date: int | None = None
    questions: list[int] = field(default_factory=list)


# --- readers ----------------------------------------------------------------------------------------

def read_csv(data: bytes, source: str, options: ReadOptions) -> list[Document]:
    return _documents(list(_csv_rows(data, source)), source, "csv", options)


def iter_csv(data: bytes, source: str, options: ReadOptions) -> Iterator[Document]:
    """The documents of a CSV export one at a time (a long export is never held whole)."""
    return iter_documents(_csv_rows(data, source), source, "csv", options)


def _csv_rows(data: bytes, source: str) -> Iterator[list[str]]:
    text = decode_text(data, source)
    first, _, rest = text.partition("\n")
    m = re.fullmatch(r"sep=(.)\r?", first)  # Excel's "sep=;" first line
    if m:
        text = rest
    delimiter = m.group(1) if m else _sniff(text)
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))  # a long answer is one big field
    # the text's lines as they are needed (a StringIO would copy the whole export, four bytes a character)
    lines = (m.group(0) for m in _LINE.finditer(text))
    return csv.reader(lines, delimiter=delimiter)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # lines as a file read with newline="" gives them


def _sniff(text: str) -> str:
    """The delimiter that splits the first rows into the most consistent, widest table."""
    sample = text[:65536]
    truncated = len(text) > len(sample)
    best, best_score = ",", (0.0, 0)
    for d in _DELIMITERS:
        try:
            rows = list(islice(csv.reader(io.StringIO(sample, newline=""), delimiter=d), 50))
        except csv.Error:
            continue
        if truncated and len(rows) > 1:
            rows = rows[:-1]  # may be cut in the middle of a quoted cell
        rows = [r for r in rows if any(c.strip() for c in r)]
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        score = (sum(len(r) == width for r in rows) / len(rows), width)
        if score > best_score:
            best, best_score = d, score
    return best


def read_xlsx(data: bytes, source: str, options: ReadOptions) -> list[Document]:
    filled: list[int] = [0]
    docs = _documents(list(_xlsx_rows(data, source, options, filled)), source, "xlsx", options)
    _note_formulas(docs[0], filled[0])
    return docs


def iter_xlsx(data: bytes, source: str, options: ReadOptions) -> Iterator[Document]:
    """The documents of an XLSX export one at a time (the sheet is read as a stream, never held whole)."""
    filled: list[int] = [0]
    first = True
    for doc in iter_documents(_xlsx_rows(data, source, options, filled), source, "xlsx", options):
        if first:  # formula cells met before the first answer are noted on it
            _note_formulas(doc, filled[0])
            first = False
        yield doc


def _note_formulas(doc: Document, filled: int) -> None:
    if filled:
        doc.metadata["formula_cells"] = f"{filled} formula cells had no saved value: their formula text is kept"


def _xlsx_rows(data: bytes, source: str, options: ReadOptions, filled: list[int]) -> Iterator[list[str]]:
    """The rows of the first sheet with data, as text, one at a time; a formula saved without its value gives
    its formula text rather than nothing (``filled[0]`` counts them)."""
    import openpyxl

    if not data.startswith(b"PK"):
        raise IngestError(source, "not a valid XLSX file (not a zip archive: an old .xls, or a renamed file?)")
    check_zip(data, source, "XLSX", "xl/workbook.xml", options.max_unzipped_bytes)
    try:  # data_only: formulas' cached values; the second workbook holds the formulas themselves
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        fb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False) if _has_formulas(data) else None
    except Exception as exc:
        raise IngestError(source, f"not a valid XLSX file ({type(exc).__name__}: {exc})") from exc
    try:
        for index, ws in enumerate(wb.worksheets):  # the first sheet with data
            ws.reset_dimensions()  # the stored size is often wrong, and would cut rows short
            values = ws.iter_rows(values_only=True)
            if fb is not None:
                fs = fb.worksheets[index]
                fs.reset_dimensions()
                formulas = fs.iter_rows(values_only=True)
            else:
                formulas = None
            rows = (_row_text(v, next(formulas, ()) if formulas is not None else (), filled) for v in values)
            head = []
            for row in rows:
                head.append(row)
                if any(c.strip() for c in row):
                    break
            if head and any(c.strip() for c in head[-1]):
                yield from chain(head, rows)
                return
    finally:
        wb.close()
        if fb is not None:
            fb.close()


def _row_text(values: tuple, formulas: tuple, filled: list[int]) -> list[str]:
    out = [_cell_text(v) for v in values]
    for c, f in enumerate(formulas):
        if c < len(out) and not out[c].strip() and isinstance(f, str) and f.startswith("="):
            out[c] = f
            filled[0] += 1
    return out


def _has_formulas(data: bytes) -> bool:
    """Whether any worksheet of the workbook holds a formula (read in pieces)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                tail = b""
                with zf.open(name) as f:
                    while piece := f.read(1 << 20):
                        if b"<f>" in tail + piece or b"<f " in tail + piece:
                            return True
                        tail = piece[-3:]
    return False


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # ids typed as numbers: 102, not 102.0
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ", "seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value).replace("_x000D_", "")


# --- rows → documents ---------------------------------------------------------------------------------

ROLE_SAMPLE = 2000  # data rows the column roles are judged on (a long export is read as a stream)


def _documents(rows: list[list[str]], source: str, fmt: str, options: ReadOptions) -> list[Document]:
    stats: dict[str, int] = {}
    docs = list(iter_documents(iter(rows), source, fmt, options, stats))
    if stats["skipped"]:
        docs[0].metadata["skipped_rows"] = str(stats["skipped"])
    return docs


def iter_documents(rows: Iterator[list[str]], source: str, fmt: str, options: ReadOptions,
                   stats: dict[str, int] | None = None) -> Iterator[Document]:
    """One document a respondent, as the rows come: the header and the column roles are judged on the first
    ROLE_SAMPLE rows, so an export of a million rows never has to be held whole. ``stats`` receives the count
    of rows and of rows skipped (no answer)."""
    stats = stats if stats is not None else {}
    line = 0
    first = None
    for r in rows:
        line += 1
        if any(c.strip() for c in r):
            first = r
            break
    if first is None:
        raise IngestError(source, "empty document (no text)")
    sample = [first] + list(islice(rows, ROLE_SAMPLE))
    if _headerless(sample):  # the first row is an answer like the others: named columns, no row lost
        width = max(len(r) for r in sample[:50])
        headers = [f"Column {i + 1}" for i in range(width)]
        body, start = chain(sample, rows), line
    else:
        headers = [_clean(h) or f"Column {i + 1}" for i, h in enumerate(first)]
        body, start = chain(sample[1:], rows), line + 1
    width = len(headers)
    numbered = ((n, _cells(row, width)) for n, row in enumerate(body, start))
    data = ((n, cells) for n, cells in numbered if any(cells))
    head = list(islice(data, ROLE_SAMPLE))
    if not head:
        raise IngestError(source, "no responses found (only a header row)")
    roles = _roles(headers, [cells for _, cells in head], options.columns, source)
    seen: set[str] = set()
    made = total = 0
    for n, cells in chain(head, data):
        total += 1
        doc = _row_document(source, fmt, n, cells, headers, roles, seen)
        if doc is not None:
            made += 1
            yield doc
    stats.update(rows=total, skipped=total - made)
    if not made:
        questions = ", ".join(headers[q] for q in roles.questions)
        raise IngestError(source, f"no answers found in {total} rows (question columns: {questions})")


def _shape(cell: str) -> str:
    """A cell's shape: digits → 9, letters → a, runs collapsed ("R-301" → "a-9")."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"\d", "9", re.sub(r"[^\W\d_]", "a", cell.strip())))


def _headerless(rows: list[list[str]]) -> bool:
    """True when the first row is data, not headers: in some column, its cell has the shape (with digits: an
    id, a number, a date) that at least 80 % of the next rows' cells there have."""
    first, rest = rows[0], [r for r in rows[1:51] if any(c.strip() for c in r)]
    if len(rest) < 2:
        return False
    for i, cell in enumerate(first):
        shape = _shape(cell)
        if "9" not in shape:
            continue
        same = sum(1 for r in rest if i < len(r) and _shape(r[i]) == shape)
        if same >= 0.8 * len(rest):
            return True
    return False


def _clean(s: str) -> str:
    return " ".join(s.split())


def _cells(row: list[str], width: int) -> list[str]:
    """The row's cells, one per header (cells beyond the headers are dropped), newlines normalised, stripped."""
    cells = [normalise_newlines(c).strip() for c in row[:width]]
    return cells + [""] * (width - len(cells))


def _norm(header: str) -> str:
    """'Organisation name (if applicable):' → 'organisation name'."""
    header = re.sub(r"\([^)]*\)", " ", header.lower())
    return " ".join(re.sub(r"[^\w]+|_", " ", header).split())


def _roles(headers: list[str], rows: list[list[str]], explicit: ColumnRoles, source: str) -> _Roles:
    roles = _Roles()

    def find(name: str) -> int:
        for match in (lambda h: h == name, lambda h: _norm(h) == _norm(name)):
            for i, h in enumerate(headers):
                if match(h):
                    return i
        raise IngestError(source, f"column '{name}' not found (columns: {', '.join(headers)})")

    for role in ("id", "organisation", "respondent_type", "name"):
        if (name := getattr(explicit, role)) is not None:
            setattr(roles, role, find(name))
    if explicit.questions:
        roles.questions = [find(q) for q in explicit.questions]
    taken = {getattr(roles, r) for r in _EXACT} | set(roles.questions)
    columns = [[row[i] for row in rows] for i in range(len(headers))]
    # header wordings: exact ones first, then phrases in longer headers (only for short values)
    for exact in (True, False):
        for i, header in enumerate(headers):
            if i in taken:
                continue
            norm = _norm(header)
            for role in _EXACT:
                if getattr(roles, role) is not None:
                    continue
                if exact and norm in _EXACT[role] or (
                        not exact and any(p in norm for p in _CONTAINS[role]) and _short_values(columns[i])):
                    setattr(roles, role, i)
                    taken.add(i)
                    break
    if not explicit.questions:
        roles.questions = [i for i, h in enumerate(headers)
                           if i not in taken and _norm(h) not in _NOT_QUESTIONS and _is_question(h, columns[i])]
        if not roles.questions:
            raise IngestError(source, f"no free-text column found (columns: {', '.join(headers)}); "
                                      "name the question columns explicitly")
    return roles


def _short_values(values: list[str]) -> bool:
    """Short, and not a yes/no answer ("Are you responding on behalf of an organisation?")."""
    filled = [v for v in values if v]
    yes_no = sum(v.lower().rstrip(".") in ("yes", "no", "y", "n") for v in filled)
    return not filled or (sum(map(len, filled)) / len(filled) <= 60 and yes_no < len(filled) / 2)


def _is_question(header: str, values: list[str]) -> bool:
    if _QUESTION_HEADER.match(_norm(header)) or (header.endswith("?") and len(header) >= 20):
        return True
    filled = [v for v in values if v]
    if not filled:
        return False
    words = [len(_WORD.findall(v)) for v in filled]
    prose = sum(w >= 3 for w in words) / len(filled)
    wordy = sum(w >= 2 for w in words) / len(filled)
    return prose >= 0.5 or (sum(map(len, filled)) / len(filled) >= 25 and wordy >= 0.5)


def _iso_date(value: str) -> str | None:
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    # day first: these are mostly UK exports ("03/04/2024" is 3 April); a day > 12 settles it either way
    if len(re.findall(r"\d+", value)) < 2 and not re.search(r"[A-Za-z]{3}", value):
        return None
    from dateutil import parser

    try:
        return parser.parse(value, dayfirst=True).date().isoformat()
    except (ValueError, OverflowError):
        return None


def _row_document(source: str, fmt: str, n: int, cells: list[str], headers: list[str], roles: _Roles,
                  seen: set[str]) -> Document | None:
    def cell(i: int | None) -> str:
        return cells[i] if i is not None else ""

    chunks: list[str] = []
    blocks: list[Block] = []
    sections: list[str] = []
    pos = 0

    def add(kind: str, chunk: str, section: str, offset: int = 0, number: str | None = None, level: int = 0,
            style: str | None = None) -> None:
        nonlocal pos
        if chunks:
            chunks.append("\n\n")
            pos += 2
        chunks.append(chunk)
        blocks.append(Block(kind, pos + offset, pos + len(chunk), number=number, level=level, section=style or section))
        sections.append(section)
        pos += len(chunk)

    for q in roles.questions:
        if not cells[q]:
            continue
        question = headers[q]
        add(HEADING, question, question)
        for line in cells[q].split("\n"):
            chunk = line.strip()
            if not chunk:
                continue
            marker = list_marker(chunk)
            if marker:
                number, offset, style = marker
                indent = len(line) - len(line.lstrip(" \t"))
                add(LIST_ITEM, chunk, question, offset, number, indent // 2, f"{q}:{style}")
            else:
                add(PARAGRAPH, chunk, question)
    if not blocks:
        return None
    text = "".join(chunks)
    link_lead_ins(text, blocks)  # uses (then clears) the list items' marker style in Block.section
    for b, section in zip(blocks, sections):
        b.section = section

    rid = _clean(cell(roles.id)) or f"row-{n}"
    if rid in seen:
        rid = f"{rid}-row-{n}"
    seen.add(rid)
    org = _clean(cell(roles.organisation)) or None
    meta = {"response_id": rid, "row": str(n)}
    if respondent_type := _clean(cell(roles.respondent_type)):
        meta["respondent_type"] = respondent_type
    if submitted := _clean(cell(roles.date)):
        meta["submitted"] = submitted
    return Document(
        id=content_hash(f"{source}#{rid}\n{text}"), source=f"{source}#{rid}", format=fmt, text=text, blocks=blocks,
        kind=CONSULTATION_RESPONSE, title=f"Response {rid}" + (f" ({org})" if org else ""),
        date=_iso_date(submitted) if submitted else None, author=_clean(cell(roles.name)) or None, author_org=org,
        metadata=meta)
