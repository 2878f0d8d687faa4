"""Running askmap as separate processes against one database, and reading back what it stored."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from askmap.store import open_engine
from askmap.store.schema import ask_themes, asks, documents

ROOT = Path(__file__).resolve().parents[2]


def askmap_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ASKMAP_EMBEDDER": "hashing", "PYTHONPATH": str(ROOT), **extra}
    env.pop("ASKMAP_DB", None)
    return env


def _same_db(db: str) -> str:
    """The URL this process would open for ``db`` (on the PostgreSQL pass a path is a PostgreSQL database):
    the child opens the same one."""
    from askmap.store import db as dbmod

    return db if "://" in db else dbmod.resolve_url(db)


def run_askmap(db: str, *args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    db = _same_db(db)
    return subprocess.run([sys.executable, "-m", "askmap", "--db", db, *args], capture_output=True, text=True,
                          cwd=ROOT, env=env or askmap_env(), timeout=timeout)


def start_askmap(db: str, *args: str, env: dict | None = None, prelude: str = "") -> subprocess.Popen:
    """askmap in a child process, with ``prelude`` (Python) run first: a way to stop it at a chosen moment."""
    db = _same_db(db)
    code = f"{prelude}\nimport sys\nfrom askmap.cli import main\nsys.exit(main({['--db', db, *args]!r}))"
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT, env=env or askmap_env())


def snapshot(db: str) -> dict:
    """What a database holds, comparable between two runs: documents (and whether themed), asks with their
    themes."""
    engine = open_engine(db)
    try:
        with engine.connect() as conn:
            docs = {r.source: r.themed_at is not None for r in conn.execute(select(documents.c.source, documents.c.themed_at))}
            rows = conn.execute(select(asks.c.doc_id, asks.c.start, asks.c.text, asks.c.holder, ask_themes.c.theme_id)
                                .outerjoin(ask_themes, ask_themes.c.ask_id == asks.c.id)).all()
            n_asks = conn.execute(select(func.count()).select_from(asks)).scalar_one()
    finally:
        engine.dispose()
    themed: dict[tuple, set] = {}
    for doc_id, start, text, holder, theme in rows:
        themed.setdefault((doc_id, start, text, holder), set())
        if theme:
            themed[(doc_id, start, text, holder)].add(theme)
    return {"documents": docs, "asks": n_asks, "themes": {k: sorted(v) for k, v in themed.items()}}
