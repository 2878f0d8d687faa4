"""Theming a million rows in flat memory: results written to a temporary file and read back in batches
(:class:`Spool`), and a bounded sample chosen by the hash of each item's key (:class:`BoundedSample`), the
same items whatever order they arrive in, with the others spooled."""
from __future__ import annotations

import hashlib
import heapq
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any

FLUSH = 2048  # items buffered before they go to the file


class Spool:
    """Items appended in order, kept in an anonymous temporary file (gone when the spool is), read back in
    order as often as needed."""

    def __init__(self):
        self._file = None
        self._buffer: list = []
        self.count = 0

    def add(self, items: Iterable) -> None:
        for item in items:
            self._buffer.append(item)
            self.count += 1
            if len(self._buffer) >= FLUSH:
                self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile()
        self._file.seek(0, 2)
        pickle.dump(self._buffer, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._buffer = []

    def batches(self) -> Iterator[list]:
        """The items in the order they were added, a list at a time."""
        self._flush()
        if self._file is None:
            return
        self._file.seek(0)
        while True:
            try:
                yield pickle.load(self._file)
            except EOFError:
                return

    def __iter__(self) -> Iterator:
        for batch in self.batches():
            yield from batch

    def __len__(self) -> int:
        return self.count

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._buffer = []


def release_memory() -> None:
    """Hand the heap's free pages back to the system (glibc ``malloc_trim``) between chunks, so that a run
    themed a chunk at a time does not keep every chunk's peak as resident memory; nothing elsewhere."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def key_priority(key: str) -> int:
    return int.from_bytes(hashlib.sha1(key.encode("utf-8")).digest()[:8], "big")


class BoundedSample:
    """At most ``size`` items: those whose keys hash lowest (a deterministic sample, whatever the order the items
    come in). Every other item goes, as ``rest(item)``, to :attr:`spilled`. With no more than ``size`` items
    everything is kept and nothing is spilled."""

    def __init__(self, size: int, rest: Callable[[Any], Any] = lambda item: item):
        self.size = size
        self.count = 0
        self.spilled = Spool()
        self._rest = rest
        self._heap: list[tuple[int, int, Any]] = []  # (-priority, arrival, item): the top is the first to give way

    def add(self, key: str, item: Any) -> None:
        entry = (-key_priority(key), self.count, item)
        self.count += 1
        if len(self._heap) < self.size:
            heapq.heappush(self._heap, entry)
        elif entry[0] > self._heap[0][0]:
            out = heapq.heapreplace(self._heap, entry)
            self.spilled.add([self._rest(out[2])])
        else:
            self.spilled.add([self._rest(item)])

    def items(self) -> list:
        """The kept items in the order they arrived."""
        return [e[2] for e in sorted(self._heap, key=lambda e: e[1])]

    def __len__(self) -> int:
        return self.count
