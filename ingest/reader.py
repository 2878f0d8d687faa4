"""The ingest entry point: ``read(path) -> list[Document]``.

Picks the reader by extension, applies the size limit, turns any library failure
into an :class:`IngestError` naming the file, and fills the format-free metadata
(kind, date, author, addressees, turns, signatories) with :func:`ingest.metadata.enrich`.
"""
from __future__ import annotations

import dataclasses
import importlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
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
        raise IngestError(source, _too_large(len(data), options.max_bytes))
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
    if not any(any(c.isalnum() for c in d.text) for d in docs):  # rules and markup only ("---", "***")
        raise IngestError(source, "empty document (no text)")
    return [_finish(d) for d in docs]


def _finish(doc: Document) -> Document:
    """A document as read → as stored: the format-free metadata filled in, no NUL characters anywhere."""
    from .metadata import enrich

    return without_nul(enrich(without_nul(doc)))


def without_nul(value):
    """NUL characters (which PostgreSQL can't store, and no reader means) become spaces — the same length, so
    every offset into the text stays true — in a document and everything it holds."""
    if isinstance(value, str):
        return value.replace("\x00", " ") if "\x00" in value else value
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            v = getattr(value, f.name)
            if isinstance(v, (str, list, dict)) or dataclasses.is_dataclass(v):
                setattr(value, f.name, without_nul(v))
    return value


STREAMED = (".csv", ".xlsx")  # consultation exports: read as a stream of documents when large (see read_stream)


def read_stream(path: str | Path, options: ReadOptions | None = None) -> Iterator[Document]:
    """The documents of one file one at a time: a CSV or XLSX export row by row (never held whole); any other
    format as :func:`read` gives them. Errors are raised when met, so documents before a bad row may have come."""
    path = Path(path)
    options = options or ReadOptions()
    if path.suffix.lower() not in STREAMED:
        yield from read(path, options)
        return
    data = _read_regular(path, options)
    if not data.strip():
        raise IngestError(path.name, "empty file")
    from .tabular import iter_csv, iter_xlsx

    fmt = path.suffix.lower()[1:]
    try:
        docs = (iter_csv if fmt == "csv" else iter_xlsx)(data, path.name, options)
        del data  # decoded: the bytes are not needed any more
        for doc in docs:
            doc = _finish(doc)
            doc.path = str(path)
            yield doc
    except IngestError:
        raise
    except MemoryError:
        raise IngestError(path.name, "file too large to read") from None
    except Exception as exc:  # as read_bytes: a library failing on a corrupt file is that file's error
        raise IngestError(path.name, f"could not read {fmt.upper()} file: {type(exc).__name__}: {exc}") from exc


def _mib(n: int) -> str:
    return f"{n / 2**20:.1f}".removesuffix(".0") + " MiB"


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({_mib(size)}; the limit is {_mib(limit)})"


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read ("a FIFO (named pipe)", …), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read(path: str | Path, options: ReadOptions | None = None) -> list[Document]:
    """Read one file into documents (several for a consultation export or an e-mail with attachments).
    Only regular files are read (a FIFO would hang, /dev/zero never ends), and never more than the size
    limit, even from a file that grows while it is read."""
    path = Path(path)
    options = options or ReadOptions()
    source = path.name
    data = _read_regular(path, options)
    docs = read_bytes(data, source, options)
    for d in docs:
        d.path = str(path)
    return docs


def _read_regular(path: Path, options: ReadOptions) -> bytes:
    """A regular file's bytes, never more than the size limit."""
    source = path.name
    try:
        st = path.stat()
    except OSError as exc:
        raise IngestError(source, f"cannot open: {exc.strerror or exc}") from None
    kind = not_regular(st.st_mode)
    if kind:
        raise IngestError(source, f"not a regular file: {kind}")
    if st.st_size > options.max_bytes:
        raise IngestError(source, _too_large(st.st_size, options.max_bytes))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a file swapped for a FIFO can't block
        with os.fdopen(fd, "rb") as f:
            if not_regular(os.fstat(f.fileno()).st_mode):
                raise IngestError(source, "not a regular file")
            data = f.read(options.max_bytes + 1)
    except OSError as exc:
        raise IngestError(source, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > options.max_bytes:
        raise IngestError(source, _too_large(len(data), options.max_bytes))
    return data


def walk(paths: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> Iterator[tuple[Path, str | None]]:
    """Files named, and every file under folders named (recursively, sorted, hidden files skipped), each
    with the reason it is refused or None. Under a folder, a symbolic link is followed only to a file inside
    that folder (never out of it, never to a folder: no loops), and FIFOs, sockets and devices are refused
    with their kind. ``exclude``: files never to read, silently (the database being written, its journals)."""
    skip = {os.path.realpath(e) for e in exclude}
    for p in paths:
        p = Path(p)
        if not p.is_dir():
            if os.path.realpath(p) not in skip:
                yield p, None  # named by the user: read() still refuses what is not a regular file
            continue
        root = os.path.realpath(p)
        for folder, dirs, files in os.walk(p, followlinks=False):
            linked = [d for d in dirs if os.path.islink(os.path.join(folder, d))]  # reported, never walked
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in linked)
            for name in sorted(files + linked):
                if name.startswith("."):
                    continue
                f = Path(folder) / name
                real = os.path.realpath(f)
                if real in skip:
                    continue
                yield f, _refusal(f, real, root)


def _refusal(f: Path, real: str, root: str) -> str | None:
    if f.is_symlink():
        if os.path.commonpath([real, root]) != root:
            return f"symbolic link out of the folder (to {real}): not followed"
        if os.path.isdir(real):
            return "symbolic link to a folder: not followed"
    try:
        st = os.stat(f)
    except OSError as exc:
        return f"cannot open: {exc.strerror or exc}"
    kind = not_regular(st.st_mode)
    return f"not a regular file: {kind}" if kind else None


def iter_files(paths: list[str | Path]) -> Iterator[Path]:
    """The files :func:`walk` would read (refused ones left out)."""
    for f, refused in walk(paths):
        if refused is None:
            yield f
