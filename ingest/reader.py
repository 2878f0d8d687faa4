"""The ingest entry point: ``read(path) -> list[Document]``.

Picks the reader by extension, applies the size limit, turns any library failure
into an :class:`IngestError` naming the file, and fills the format-free metadata
(kind, date, author, addressees, turns, signatories) with :func:`ingest.metadata.enrich`.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from .options import ReadOptions
from .records import Document, IngestError

Reader = Callable[[bytes, str, ReadOptions], list[Document]]


# extension → (module in this package, function); a module is imported only when its format is read,
# so that one format's failing dependency never stops the others
_READERS: dict[str, tuple[str, str]] = {
    ".txt": ("text", "read_text"),
    ".md": ("text", "read_text"),
    ".markdown": ("text", "read_text"),
    ".pdf": ("pdf", "read_pdf"),
    ".docx": ("docx", "read_docx"),
    ".html": ("html", "read_html"),
    ".htm": ("html", "read_html"),
    ".eml": ("eml", "read_eml"),
    ".csv": ("tabular", "read_csv"),
    ".xlsx": ("tabular", "read_xlsx"),
}


def _reader_for(ext: str) -> Reader | None:
    entry = _READERS.get(ext)
    if entry is None:
        return None
    module = importlib.import_module(f"{__package__}.{entry[0]}")
    return getattr(module, entry[1])


SUPPORTED_EXTENSIONS = tuple(_READERS)


def read_bytes(data: bytes, source: str, options: ReadOptions | None = None) -> list[Document]:
    """Read one file's bytes; ``source`` is its name (the extension picks the reader)."""
    options = options or ReadOptions()
    ext = os.path.splitext(source)[1].lower()
    reader = _reader_for(ext)
    if reader is None:
        raise IngestError(source, f"unsupported file type '{ext or '(none)'}' (supported: {', '.join(SUPPORTED_EXTENSIONS)})")
    if len(data) > options.max_bytes:
        raise IngestError(source, f"file too large ({len(data) / 1e6:.1f} MB; the limit is {options.max_bytes / 1e6:.0f} MB)")
    if not data.strip():
        raise IngestError(source, "empty file")
    try:
        docs = reader(data, source, options)
    except IngestError:
        raise
    except MemoryError:
        raise IngestError(source, "file too large to read") from None
    except Exception as exc:  # a library failing on a corrupt file: report it, never crash the batch
        raise IngestError(source, f"could not read {ext[1:].upper()} file: {type(exc).__name__}: {exc}") from exc
    if not docs:
        raise IngestError(source, "no documents found in file")
    from .metadata import enrich

    return [enrich(d) for d in docs]


def read(path: str | Path, options: ReadOptions | None = None) -> list[Document]:
    """Read one file into documents (several for a consultation export or an e-mail with attachments)."""
    path = Path(path)
    options = options or ReadOptions()
    source = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(source, f"cannot open: {exc.strerror or exc}") from None
    if size > options.max_bytes:
        raise IngestError(source, f"file too large ({size / 1e6:.1f} MB; the limit is {options.max_bytes / 1e6:.0f} MB)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(source, f"cannot read: {exc.strerror or exc}") from None
    docs = read_bytes(data, source, options)
    for d in docs:
        d.path = str(path)
    return docs


def iter_files(paths: list[str | Path]) -> Iterator[Path]:
    """Files named, and every file under folders named (recursively, sorted, hidden files skipped)."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts):
                    yield f
        else:
            yield p
