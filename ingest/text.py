"""Reader for plain text and Markdown (.txt, .md)."""
from __future__ import annotations

import re

from .layout import blocks_from_text
from .markup import clean_markdown
from .options import ReadOptions
from .records import Document, IngestError, content_hash

_CONTROL_OK = {"\t", "\n", "\r", "\f"}  # a form feed is a page break (every pdftotext output has them)
_CONTROL_BAD = re.compile("[" + "".join(re.escape(chr(i)) for i in range(32) if chr(i) not in _CONTROL_OK) + "\x7f]")
MAX_CONTROL_SHARE = 0.01  # more stray control characters than this: binary data, not text
MAX_FOREIGN_LETTERS = 0.25  # as Windows-1252, more non-ASCII letters than this among the letters: another encoding
_MAGIC = ((b"%PDF-", "a PDF file"), (b"PK\x03\x04", "a zip container (DOCX, XLSX, …)"), (b"\x89PNG", "a PNG image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"{\\rtf", "an RTF file"),
          (b"\xd0\xcf\x11\xe0", "an old Office file (DOC, XLS)"))
# a well-formed UTF-8 sequence of two to four bytes: a file holding them but failing UTF-8 is broken UTF-8
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_text(data: bytes, source: str) -> str:
    """Text from bytes, or an IngestError with the reason; never mojibake.

    UTF-16 with a BOM; UTF-8 (with or without BOM); then Windows-1252, but only when it reads as a Western
    European text (few non-ASCII letters). Refused: a known binary format under a text name, NUL bytes,
    broken UTF-8 (well-formed multi-byte sequences beside invalid bytes), text of another single-byte
    encoding (KOI8-R, …). Stray C0 control characters are dropped; tab, newlines and form feeds are kept.
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise IngestError(source, f"this is {what}, not text: give it its own extension")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _controls(data.decode("utf-16"), source)
        except UnicodeDecodeError:
            raise IngestError(source, "not valid UTF-16 although it starts with a UTF-16 byte-order mark") from None
    if b"\x00" in data:
        raise IngestError(source, "binary data, not text (NUL bytes)")
    try:
        return _controls(data.decode("utf-8-sig"), source)
    except UnicodeDecodeError as exc:
        if _UTF8_MULTI.search(data):
            raise IngestError(source, f"invalid UTF-8 (byte {exc.start} of {len(data)}): save it as UTF-8") from None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise IngestError(source, "not text in a supported encoding (tried UTF-8, UTF-16 with BOM, Windows-1252)") from None
    letters = [c for c in text if c.isalpha()]
    foreign = sum(not c.isascii() for c in letters)
    if letters and foreign / len(letters) > MAX_FOREIGN_LETTERS:
        raise IngestError(source, f"not UTF-8, and as Windows-1252 {foreign * 100 // len(letters)} % of its letters "
                                  "would be accented: another encoding (KOI8-R, Shift-JIS, …) — save it as UTF-8")
    return _controls(text, source)


def _controls(text: str, source: str) -> str:
    """Stray control characters dropped; many of them mean binary data."""
    bad = len(_CONTROL_BAD.findall(text))
    if bad and bad > MAX_CONTROL_SHARE * len(text):
        raise IngestError(source, f"binary data, not text ({bad} control characters)")
    return _CONTROL_BAD.sub("", text) if bad else text


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: bytes, source: str, options: ReadOptions) -> list[Document]:
    raw = normalise_newlines(decode_text(data, source))
    text, headings = clean_markdown(raw)
    if not text.strip():
        raise IngestError(source, "empty document (no text)")
    fmt = "md" if source.lower().endswith((".md", ".markdown")) else "txt"
    return [Document(id=content_hash(data), source=source, format=fmt, text=text,
                     blocks=blocks_from_text(text, headings))]
