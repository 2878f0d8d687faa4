import os

import pytest


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db(request, tmp_path):
    """A function giving a new database for child processes: an SQLite file, or a database on the throwaway
    PostgreSQL server (skipped with its reason where none can be started)."""
    if request.param == "sqlite":
        if os.environ.get("ASKMAP_TEST_BACKEND", "sqlite").lower() == "postgresql":
            pytest.skip("the PostgreSQL pass: the postgresql case runs it")
        return lambda name: str(tmp_path / f"{name}.db")
    server = request.getfixturevalue("pg_server")
    return lambda name: server.database(f"{request.node.nodeid}:{name}")
