"""Reader for plain text and Markdown (.txt, .md)."""
from __future__ import annotations

import re

from .layout import blocks_from_text
from .markup import clean_markdown
from .options import ReadOptions
from .records import Document, IngestError, content_hash

_CONTROL_OK = {"\t", "\n", "\r", "\f"}
_CONTROL_BAD = re.compile("[" + "".join(re.escape(chr(i)) for i in range(32) if chr(i) not in _CONTROL_OK) + "\x7f]")


def decode_text(data: bytes, source: str) -> str:
    """Decode as UTF-8 (with or without BOM), UTF-16 with a BOM, then cp1252; refuse anything else.

    A decoding that yields control characters is rejected rather than stored mangled.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8-sig", "cp1252"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _CONTROL_BAD.search(text):
            if enc == "utf-8-sig" and "\x00" in text:
                break  # binary
            continue
        return text
    raise IngestError(source, "not text in a supported encoding (tried UTF-8, UTF-16 with BOM, cp1252)")


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
