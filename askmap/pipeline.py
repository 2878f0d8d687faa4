"""The one path a file takes into the database, shared by the CLI, the app, benchmarks and tests.

A batch is read first (every file, bad ones reported and skipped), then every new document's
organisations are registered — so that a short name in one document ("the Mayor") can resolve to
a full name another document gives —, then each new document is analysed and stored, with its asks,
in its own transaction.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from analysis import extract_asks, register_document
from analysis.positions import extract_statements
from ingest import Document, IngestError, ReadOptions, iter_files, read

from analysis.embeddings import Embedder
from analysis.themes import ThemeSpec

from .store import load_registry, save_document
from .theming import assign_new, fit, has_themes
from .store.documents import has_document

OK = "ok"
DUPLICATE = "duplicate"
ERROR = "error"


@dataclass
class FileResult:
    """What happened to one input file."""

    path: str
    status: str  # ok | duplicate | error
    reason: str | None = None
    new_ids: list[str] = field(default_factory=list)
    duplicate_ids: list[str] = field(default_factory=list)
    asks: int = 0

    def line(self) -> str:
        if self.status == ERROR:
            return f"{self.path}: error: {self.reason}"
        detail = ""
        if len(self.new_ids) + len(self.duplicate_ids) > 1:
            detail = f" ({len(self.new_ids)} new, {len(self.duplicate_ids)} duplicate documents)"
        if self.status == OK:
            detail += f" ({self.asks} ask{'' if self.asks == 1 else 's'})"
        return f"{self.path}: {self.status}{detail}"


def _read_file(path: Path, options: ReadOptions | None) -> tuple[FileResult, list[Document]]:
    if not path.exists():
        return FileResult(str(path), ERROR, "no such file or folder"), []
    try:
        return FileResult(str(path), OK), read(path, options)
    except IngestError as exc:
        return FileResult(str(path), ERROR, exc.reason), []


def ingest_paths(engine: Engine, paths: Iterable[str | Path], options: ReadOptions | None = None,
                 themes: bool = True, theme_specs: list[ThemeSpec] | None = None,
                 embedder: Embedder | None = None) -> list[FileResult]:
    """Every file named or found under the folders named; a bad file never stops the batch.

    With ``themes`` the new asks then join the existing themes (no re-fit); a database with no
    themes yet gets its first fit, from ``theme_specs`` or the stored or built-in theme list."""
    batch = [_read_file(f, options) for f in iter_files(list(paths))]
    registry = load_registry(engine)
    seen: set[str] = set()
    new = {doc.id for _, docs in batch for doc in docs if not has_document(engine, doc.id)}  # asked once per document
    for result, docs in batch:
        for doc in docs:
            if doc.id in new:
                register_document(registry, doc)
    for result, docs in batch:
        for doc in docs:
            if doc.id in seen:
                result.duplicate_ids.append(doc.id)
                continue
            seen.add(doc.id)
            try:
                asks, statements = [], []
                if doc.id in new:
                    asks = extract_asks(doc, registry)
                    statements = extract_statements(doc, asks, registry)
                stored = save_document(engine, doc, asks, registry, statements)
            except Exception as exc:  # one document failing to analyse or store never loses the others
                result.status, result.reason = ERROR, f"could not store {doc.source}: {type(exc).__name__}: {exc}"
                break
            if stored:
                result.new_ids.append(doc.id)
                result.asks += len(asks)
            else:
                result.duplicate_ids.append(doc.id)
        if result.status == OK and not result.new_ids:
            result.status = DUPLICATE
    results = [r for r, _ in batch]
    new_ids = [d for r in results for d in r.new_ids]
    if themes and new_ids:
        theme_new_asks(engine, theme_specs, embedder, new_ids)
    return results


def theme_new_asks(engine: Engine, specs: list[ThemeSpec] | None = None, embedder: Embedder | None = None,
                   doc_ids: list[str] | None = None) -> None:
    """New documents' asks join the existing themes; the first asks of a database get its first fit."""
    if has_themes(engine) and specs is None:
        assign_new(engine, embedder, doc_ids)
    else:
        fit(engine, specs, embedder)


def ingest_file(engine: Engine, path: str | Path, options: ReadOptions | None = None) -> FileResult:
    return ingest_paths(engine, [path], options)[0]
