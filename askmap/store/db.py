"""Opening the database: URL resolution, engine, schema creation and migration."""
from __future__ import annotations

import os
import re

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.pool import StaticPool

from .schema import MIGRATIONS, SCHEMA_VERSION, metadata, schema_info

DEFAULT_DB = "askmap.db"


def resolve_url(db: str | None = None) -> str:
    """``--db`` value (or ``ASKMAP_DB``, or ``askmap.db``) → SQLAlchemy URL. A plain path means SQLite."""
    db = db or os.environ.get("ASKMAP_DB") or DEFAULT_DB
    if db == ":memory:":
        return "sqlite://"
    if "://" in db:
        if db.startswith(("postgresql://", "postgres://")):  # the driver askmap installs: psycopg 3
            return "postgresql+psycopg://" + db.split("://", 1)[1]
        return db
    return f"sqlite:///{os.path.abspath(db)}"


def lock_timeout() -> float:
    """Seconds a write waits for another process's lock before giving up: ``ASKMAP_LOCK_TIMEOUT`` (default 30)."""
    try:
        return max(0.0, float(os.environ.get("ASKMAP_LOCK_TIMEOUT", "30")))
    except ValueError:
        return 30.0


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB of pages: a bulk transaction and the views' GROUP BYs stay in memory
    cur.close()


def open_engine(db: str | None = None) -> Engine:
    """An engine with the schema created and migrated to the current version."""
    url = resolve_url(db)
    if url == "sqlite://":
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    elif url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": lock_timeout()})
    else:
        engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    migrate(engine)
    return engine


def schema_version(engine: Engine) -> int:
    with engine.connect() as conn:
        row = conn.execute(select(schema_info.c.value).where(schema_info.c.key == "version")).first()
    return int(row[0]) if row else 0


_ADD_COLUMN = re.compile(r"^\s*ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)", re.I)


def _already_applied(conn, statement: str) -> bool:
    """An added column that is there already (create_all made its table new, with every column)."""
    m = _ADD_COLUMN.match(statement)
    if not m:
        return False
    return m.group(2) in {c["name"] for c in inspect(conn).get_columns(m.group(1))}


def migrate(engine: Engine) -> None:
    """Create missing tables, then apply the migrations up to SCHEMA_VERSION, in one transaction, one process
    at a time (processes opening a new database at once wait for the first instead of racing to create it)."""
    from .locks import exclusive

    with exclusive(engine, "schema"), engine.begin() as conn:
        metadata.create_all(conn)  # only creates what is missing
        row = conn.execute(select(schema_info.c.value).where(schema_info.c.key == "version")).first()
        current = int(row[0]) if row else None
        if current is None:  # a new database already has every column
            conn.execute(schema_info.insert().values(key="version", value=str(SCHEMA_VERSION)))
            return
        if current > SCHEMA_VERSION:
            raise RuntimeError(f"database schema version {current} is newer than this askmap ({SCHEMA_VERSION}); upgrade askmap")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for step in MIGRATIONS.get(version, []):
                if callable(step):
                    step(conn)  # a Python step: written for every database, and idempotent
                elif not _already_applied(conn, step):
                    conn.exec_driver_sql(step)
        if current != SCHEMA_VERSION:
            conn.execute(schema_info.update().where(schema_info.c.key == "version").values(value=str(SCHEMA_VERSION)))
