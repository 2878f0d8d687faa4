"""Named locks across processes sharing one database: creating or migrating the schema, and theming, are done
by one process at a time (four ingesters opening a new database at once, or fitting its first themes at once,
each wait their turn instead of failing or overwriting each other's work).

SQLite: an advisory file lock (``flock``) on ``<database>.<name>.lock`` beside the database file (an in-memory
database: a lock in this process). PostgreSQL: a session advisory lock (``pg_advisory_lock``) keyed by the name.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import sys
import threading
import time
from collections.abc import Iterator

from sqlalchemy import Engine, text

NAMES = ("schema", "themes")  # every lock askmap takes (their files sit beside an SQLite database)
WAIT_NOTICE = 2.0  # seconds of waiting before saying so on stderr
_local: dict[str, threading.Lock] = {}
_local_guard = threading.Lock()


def _key(name: str) -> int:
    return int.from_bytes(hashlib.sha1(f"askmap:{name}".encode()).digest()[:8], "big", signed=True)


def _note(name: str, waited: float) -> None:
    print(f"waiting for another askmap process to finish ({name}, {waited:.0f} s so far)…", file=sys.stderr, flush=True)


@contextlib.contextmanager
def exclusive(engine: Engine, name: str, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock ``name`` for this database while the block runs (waiting for it, with a note on stderr
    after WAIT_NOTICE seconds; ``timeout``: give up with TimeoutError after that many seconds)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            key = _key(name)
            start, noted = time.monotonic(), False
            while not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar():
                waited = time.monotonic() - start
                if timeout is not None and waited > timeout:
                    raise TimeoutError(f"another askmap process holds the {name} lock")
                if not noted and waited > WAIT_NOTICE:
                    _note(name, waited)
                    noted = True
                time.sleep(0.2)
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()
        return
    path = engine.url.database
    if not path or path == ":memory:":
        with _local_guard:
            lock = _local.setdefault(f"{id(engine)}:{name}", threading.Lock())
        with lock:
            yield
        return
    fd = os.open(f"{path}.{name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        start, noted = time.monotonic(), False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - start
                if timeout is not None and waited > timeout:
                    raise TimeoutError(f"another askmap process holds the {name} lock") from None
                if not noted and waited > WAIT_NOTICE:
                    _note(name, waited)
                    noted = True
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
