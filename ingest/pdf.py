"""Reader for PDF files (text layer only; no OCR).

Pages are extracted with pypdf's layout mode, which keeps the vertical gaps between
lines: a gap clearly larger than the page's usual line spacing starts a new paragraph
(a blank line in the text). Lines repeated at the top or bottom of most pages (running
headers and footers) and bare page numbers are dropped, words hyphenated across a line
break are rejoined, and pages are joined with a form feed, which
:func:`ingest.layout.blocks_from_text` turns into page-break blocks.
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass

from .layout import blocks_from_text, list_marker
from .options import ReadOptions
from .records import Document, IngestError, content_hash

ENCRYPTED = "encrypted PDF (password protected) — cannot read"
NO_TEXT = "no text layer (scanned?) — OCR is not supported"
NOT_PDF = "not a valid PDF file"

# layout mode reports a vertical gap as blank lines, one per (font height × this weight):
# a small weight turns the blank-line count into a gap measure in eighths of a line
_GAP_UNIT = 0.125
_EDGE_LINES = 3  # header/footer lines looked at, at each end of a page
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
                            "\u00a0": " ", "\u2028": "\n", "\u2029": "\n"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.)\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$"  # 3, - 3 -, Page 3, Page 3 of 7, 3/7
    r"|^(?:page\s*)?\d{1,4}\s*\|.*$|^.*\|\s*(?:page\s*)?\d{1,4}$"  # 3 | Title, Title | Page 3
    r"|^(?-i:(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))$",  # roman page numbers of front matter (i … xxxix)
    re.I,
)
_EDGE_NUMBER = re.compile(r"^(\d{1,4})\b|\b(\d{1,4})$")
_SENTENCE_END = re.compile(r"[.!?:;]['\"’”)\]]*$")
_STARTS_NEW = re.compile(r"^[\"“‘'(\[]?[A-Z0-9•▪●■–-]")
_HYPHEN_BREAK = re.compile(r"([A-Za-z]{2,})[-\u00ad]\n([a-z]+)")
_KEEP_HYPHEN_AFTER = {"self", "non", "cross", "well"}  # "well-\nbeing" stays "well-being"
_COLUMN_GAP = re.compile(r"\S {5,}\S")


@dataclass
class _Line:
    text: str  # stripped, whitespace collapsed
    indent: int  # leading spaces in layout mode (0 in plain mode)
    gap: float | None  # vertical distance from the previous line, in font heights (None: unknown)
    raw: str = ""  # the line as laid out (inner spacing kept), to spot side-by-side columns


def read_pdf(data: bytes, source: str, options: ReadOptions) -> list[Document]:
    reader = _open(source, data)
    pages = [_page_lines(page) for page in reader.pages]
    if not any(pages):
        raise IngestError(source, NO_TEXT)
    _drop_headers_footers(pages)
    text = _join_hyphenated("\n\f\n".join(_page_text(lines) for lines in pages))
    if not text.replace("\f", "").strip():
        raise IngestError(source, NO_TEXT)
    doc = Document(id=content_hash(data), source=source, format="pdf", text=text, blocks=blocks_from_text(text))
    title, author = _info(reader)
    doc.title = title
    if author:
        doc.metadata["pdf_author"] = author
    return [doc]


def _open(source: str, data: bytes):  # -> pypdf.PdfReader
    import pypdf
    from pypdf.errors import DependencyError, PdfReadError

    if b"%PDF-" not in data[:1024]:
        raise IngestError(source, f"{NOT_PDF} (no %PDF header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken-but-readable files warn a lot
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
            raise IngestError(source, ENCRYPTED)
        if len(reader.pages) == 0:
            raise IngestError(source, f"{NOT_PDF} (no pages)")
    except IngestError:
        raise
    except DependencyError as exc:  # AES without the cryptography package
        raise IngestError(source, f"{ENCRYPTED} ({exc})") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise IngestError(source, f"{NOT_PDF} ({type(exc).__name__}: {str(exc)[:120]})") from None
    return reader


def _info(reader) -> tuple[str | None, str | None]:
    try:
        info = reader.metadata
    except Exception:  # a broken /Info dictionary is not worth failing the file for
        return None, None
    if not info:
        return None, None

    def clean(value: object) -> str | None:
        value = " ".join(str(value).split()) if isinstance(value, str) else ""
        return value or None

    return clean(info.get("/Title")), clean(info.get("/Author"))


def _extract(page, mode: str) -> str:
    try:
        if mode == "layout":
            return page.extract_text(extraction_mode="layout", layout_mode_space_vertically=True,
                                     layout_mode_font_height_weight=_GAP_UNIT)
        return page.extract_text()
    except Exception:  # one unreadable page (odd font, broken stream) should not lose the rest
        return ""


def _page_lines(page) -> list[_Line]:
    """The page's non-empty lines with their vertical gaps (layout mode), or plain lines as a fallback."""
    raw = _clean_chars(_extract(page, "layout"))
    lines = _layout_lines(raw)
    texty = [l for l in lines if len(l.text) > 20]
    columns = sum(1 for l in texty if _COLUMN_GAP.search(l.raw))
    if not lines or (len(texty) >= 8 and columns > 0.3 * len(texty)):
        # nothing in layout mode, or side-by-side columns that layout mode would interleave
        plain = _clean_chars(_extract(page, "plain"))
        if plain.strip():
            return [_Line(" ".join(l.split()), 0, None) for l in plain.split("\n") if l.strip()]
    return lines


def _layout_lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    blanks = 0
    for row in raw.split("\n"):
        if not row.strip():
            blanks += 1
            continue
        gap = (blanks + 1) * _GAP_UNIT if lines else None
        lines.append(_Line(" ".join(row.split()), len(row) - len(row.lstrip()), gap, row.strip()))
        blanks = 0
    return lines


def _clean_chars(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LIGATURES)
    text = re.sub(r"\u00ad(?!\n)", "", text)  # soft hyphens, except at a line end (see _join_hyphenated)
    return _CONTROL.sub(" ", text.replace("\f", "\n"))


def _norm(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def _drop_headers_footers(pages: list[list[_Line]]) -> None:
    """Remove, in place, running headers/footers and page numbers at the top and bottom of pages.

    A running header is a line (digits aside) found among the first or last lines of most pages,
    or a line carrying the page number ("Chapter 4: Reference 15") on at least three pages; it is
    shorter than the page's full width and set off from the body by a gap.
    """
    def edges(lines: list[_Line]) -> list[_Line]:
        width = max((len(l.text) for l in lines), default=0)
        return [l for l in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:] if len(l.text) < 0.85 * width]

    def page_keyed(line: _Line, index: int) -> tuple[str, int] | None:
        m = _EDGE_NUMBER.search(line.text)  # a page number moves in step with the page index
        return (_norm(line.text), int(m.group(1) or m.group(2)) - index) if m else None

    seen: Counter[str] = Counter()
    paged: Counter[tuple[str, int]] = Counter()
    for index, lines in enumerate(pages):
        seen.update({_norm(l.text) for l in edges(lines)})
        paged.update({key for l in edges(lines) if (key := page_keyed(l, index))})
    n = len(pages)
    repeated = {k for k, c in seen.items() if c >= 2 and c >= 0.6 * n}
    running = {k for k, c in paged.items() if c >= 3}

    for index, lines in enumerate(pages):
        candidates = {id(l) for l in edges(lines)}

        def droppable(line: _Line) -> bool:
            if _PAGE_NUMBER.match(line.text):
                return True
            return id(line) in candidates and (_norm(line.text) in repeated or page_keyed(line, index) in running)

        spacing = _line_spacing(lines)
        top = 0
        while top < min(_EDGE_LINES, len(lines)) and droppable(lines[top]):
            top += 1
        if top < len(lines) and not _gap_before(lines[top], spacing):
            top = 0  # no gap between the "header" and what follows: it is body text
        bottom = 0
        while bottom < min(_EDGE_LINES, len(lines) - top) and droppable(lines[-1 - bottom]):
            bottom += 1
        if bottom and not _gap_before(lines[-bottom], spacing):
            bottom = 0
        del lines[len(lines) - bottom :]
        del lines[:top]


def _line_spacing(lines: list[_Line]) -> float:
    """The page's usual distance between lines of a paragraph, in font heights."""
    gaps = sorted(l.gap for l in lines[1:] if l.gap is not None)
    return gaps[len(gaps) // 4] if len(gaps) >= 3 else 1.2


def _gap_before(line: _Line, line_spacing: float) -> bool:
    """Whether a vertical gap clearly larger than the line spacing separates ``line`` from the one above."""
    return line.gap is None or line.gap > line_spacing * 1.15 + _GAP_UNIT


def _page_text(lines: list[_Line]) -> str:
    """One page's lines, with a blank line wherever a new paragraph starts."""
    if not lines:
        return ""
    line_spacing = _line_spacing(lines)
    width = max(len(l.text) for l in lines)
    margin = min(l.indent for l in lines)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and _starts_paragraph(lines[i - 1], line, line_spacing, width):
            out.append("")
        out.append(_render(line, margin))
    return "\n".join(out)


def _starts_paragraph(prev: _Line, line: _Line, line_spacing: float, width: int) -> bool:
    if line.gap is not None and _gap_before(line, line_spacing):
        return True
    # no gap: a short line ending a sentence, then a line starting like a new paragraph
    return bool(_SENTENCE_END.search(prev.text)) and len(prev.text) < 0.75 * width and bool(_STARTS_NEW.match(line.text))


def _render(line: _Line, margin: int) -> str:
    """The line's text; an indented list item keeps two spaces per level for the layout's nesting."""
    if line.indent - margin >= 3 and list_marker(line.text):
        level = min(1 + (line.indent - margin - 3) // 6, 3)
        return "  " * level + line.text
    return line.text


def _join_hyphenated(text: str) -> str:
    """'organi-\\nsation' → 'organisation'; keep the hyphen where the document spells the word with one."""
    lower = text.lower()

    def join(m: re.Match[str]) -> str:
        head, tail = m.group(1), m.group(2)
        keep = (f"{head}-{tail}".lower() in lower and f"{head}{tail}".lower() not in lower) or (
            head.lower() in _KEEP_HYPHEN_AFTER and len(tail) >= 4
        )
        return f"{head}-{tail}" if keep else head + tail

    return _HYPHEN_BREAK.sub(join, text)
