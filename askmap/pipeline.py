"""The one path a file takes into the database, shared by the CLI, the app, benchmarks and tests."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from ingest import IngestError, ReadOptions, iter_files, read

from .store import save_document

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

    def line(self) -> str:
        if self.status == ERROR:
            return f"{self.path}: error: {self.reason}"
        detail = ""
        if len(self.new_ids) + len(self.duplicate_ids) > 1:
            detail = f" ({len(self.new_ids)} new, {len(self.duplicate_ids)} duplicate documents)"
        return f"{self.path}: {self.status}{detail}"


def ingest_file(engine: Engine, path: str | Path, options: ReadOptions | None = None) -> FileResult:
    """Read one file and store each of its documents, each in its own transaction."""
    try:
        docs = read(path, options)
    except IngestError as exc:
        return FileResult(str(path), ERROR, exc.reason)
    result = FileResult(str(path), OK)
    for doc in docs:
        try:
            stored = save_document(engine, doc)
        except Exception as exc:  # the database refused one document: report it, keep the rest
            return FileResult(str(path), ERROR, f"could not store {doc.source}: {type(exc).__name__}: {exc}",
                              new_ids=result.new_ids, duplicate_ids=result.duplicate_ids)
        (result.new_ids if stored else result.duplicate_ids).append(doc.id)
    if not result.new_ids:
        result.status = DUPLICATE
    return result


def ingest_paths(engine: Engine, paths: Iterable[str | Path], options: ReadOptions | None = None) -> list[FileResult]:
    """Every file named or found under the folders named; a bad file never stops the batch."""
    results = []
    for f in iter_files(list(paths)):
        if not f.exists():
            results.append(FileResult(str(f), ERROR, "no such file or folder"))
            continue
        results.append(ingest_file(engine, f, options))
    return results
