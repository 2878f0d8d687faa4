"""Long lists of ids in SQL: a query with one bound value per id fails past the driver's limit (SQLite: 32,766,
or 250,000 in some builds) and grows without bound; every ``IN (…)`` over ids the caller supplies goes a chunk at
a time."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

IN_CHUNK = 500  # ids bound in one IN (...)


def chunks(values: Iterable, size: int = IN_CHUNK) -> Iterator[list]:
    """Consecutive lists of at most ``size`` values."""
    part: list = []
    for v in values:
        part.append(v)
        if len(part) == size:
            yield part
            part = []
    if part:
        yield part


def sorted_chunks(ids: Sequence[str], size: int = IN_CHUNK) -> Iterator[list[str]]:
    """The distinct ids in order, a chunk at a time: queries ordered by the same id, run chunk after chunk, come
    back in one overall order."""
    return chunks(sorted(set(ids)), size)
