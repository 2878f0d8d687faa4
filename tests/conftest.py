"""Fixtures shared by every test folder.

- No test writes into the checkout: the default database (``ASKMAP_DB``) is a file in a session temp folder,
  and the browser tests' screenshots go to a temp folder unless ``ASKMAP_UPDATE_SCREENSHOTS=1`` asks for
  ``docs/screenshots/`` (that is how the README's pictures are refreshed).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _database_outside_the_checkout(tmp_path_factory):
    if "ASKMAP_DB" in os.environ:
        yield
        return
    os.environ["ASKMAP_DB"] = str(tmp_path_factory.mktemp("default-db") / "askmap.db")
    try:
        yield
    finally:
        os.environ.pop("ASKMAP_DB", None)


@pytest.fixture(scope="session")
def shots_dir(tmp_path_factory) -> Path:
    """Where the browser tests save their screenshots."""
    if os.environ.get("ASKMAP_UPDATE_SCREENSHOTS") == "1":
        d = ROOT / "docs" / "screenshots"
        d.mkdir(parents=True, exist_ok=True)
        return d
    return tmp_path_factory.mktemp("screenshots")


# ------------------------------------------------------------------ the PostgreSQL pass
# `make test` runs the suite twice: on SQLite, then with ASKMAP_TEST_BACKEND=postgresql, where every database a
# test opens by file path becomes a database of its own on a throwaway PostgreSQL server the tests start
# (tests/pg.py). Tests of SQLite itself carry @pytest.mark.sqlite_only and are skipped on that pass.

BACKEND = os.environ.get("ASKMAP_TEST_BACKEND", "sqlite").lower()


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: tests SQLite itself (files, PRAGMAs); skipped on the PostgreSQL pass")
    config.addinivalue_line("markers", "slow: benchmark smoke, browser and scale tests (still run by make test)")


def pytest_collection_modifyitems(config, items):
    if BACKEND == "postgresql":
        skip = pytest.mark.skip(reason="tests SQLite itself; the PostgreSQL pass runs the rest")
        for item in items:
            if "sqlite_only" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    """A running throwaway PostgreSQL server (skipped with the reason where none can be started)."""
    from tests.pg import Server, unavailable, wait_ready

    why = unavailable()
    if why:
        if BACKEND == "postgresql":
            pytest.fail(f"the PostgreSQL pass needs a server: {why}")
        pytest.skip(why)
    server = Server(tmp_path_factory.mktemp("pg")).start()
    wait_ready(server)
    yield server
    server.stop()


_PG: dict = {"databases": {}, "sqlite_only": False}


@pytest.fixture(scope="session", autouse=True)
def _postgresql_pass(request):
    """On the PostgreSQL pass, a file path given as a database is a database of its own on the server (one per
    path for the whole session, so fixtures of any scope share theirs) — except in sqlite_only tests."""
    if BACKEND != "postgresql":
        yield
        return
    server = request.getfixturevalue("pg_server")
    from askmap.store import db as dbmod

    original = dbmod.resolve_url

    def resolve(db=None):
        url = original(db)
        if _PG["sqlite_only"] or not url.startswith("sqlite:///"):
            return url
        path = url[len("sqlite:///"):]
        if path not in _PG["databases"]:
            _PG["databases"][path] = original(server.database(path))
        return _PG["databases"][path]

    mp = pytest.MonkeyPatch()
    mp.setattr(dbmod, "resolve_url", resolve)
    yield
    mp.undo()


@pytest.fixture(autouse=True)
def _sqlite_only(request):
    _PG["sqlite_only"] = "sqlite_only" in request.keywords
    yield
    _PG["sqlite_only"] = False


@pytest.fixture
def hashing_embedder(monkeypatch):
    """The hashed bag-of-words stand-in for MiniLM (no model load) for a test of storage, commands or the app
    rather than of language; folders whose tests never judge themes use it for every test (their conftest)."""
    monkeypatch.setenv("ASKMAP_EMBEDDER", "hashing")
