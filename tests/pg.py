"""A throwaway PostgreSQL server for the tests: ``initdb`` and ``pg_ctl`` (Debian's ``postgresql`` package) in a
temp folder, on a free localhost port, trust authentication, stopped at the end. As root (CI), the server runs
as the ``postgres`` user the package creates."""
from __future__ import annotations

import glob
import hashlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return versions[-1] if versions else None


def unavailable() -> str | None:
    """Why no server can be started here, or None."""
    if not (_bin("initdb") and _bin("pg_ctl")):
        return "PostgreSQL's initdb/pg_ctl not found (Debian package postgresql; `make test` installs it)"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root without runuser: initdb refuses root"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg (the PostgreSQL driver) is not installed"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.data = self.root / "data"
        self.port = _free_port()
        self._as = []
        if os.geteuid() == 0:
            self._as = ["runuser", "-u", "postgres", "--"]
            self.root.mkdir(parents=True, exist_ok=True)
            shutil.chown(self.root, "postgres", "postgres")
            os.chmod(self.root, 0o755)
            for parent in list(self.root.parents)[:3]:  # the user must reach the folder
                os.chmod(parent, os.stat(parent).st_mode | 0o011)

    def _run(self, *cmd: str) -> None:
        subprocess.run([*self._as, *cmd], check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> "Server":
        self._run(_bin("initdb"), "-D", str(self.data), "-U", "askmap", "--auth=trust", "-E", "UTF8", "--no-sync",
                  "--locale=C")
        opts = f"-h 127.0.0.1 -p {self.port} -k {self.root} -F -c max_connections=200 -c fsync=off"
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"), "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        try:
            self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except subprocess.CalledProcessError:
            pass

    @property
    def admin_url(self) -> str:
        return f"postgresql://askmap@127.0.0.1:{self.port}/postgres"

    def database(self, key: str) -> str:
        """A new, empty database named after ``key``; its URL."""
        import psycopg

        name = "t_" + hashlib.sha1(key.encode()).hexdigest()[:20]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=askmap dbname=postgres", autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            c.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://askmap@127.0.0.1:{self.port}/{name}"


def wait_ready(server: Server, seconds: float = 30) -> None:
    import psycopg

    end = time.monotonic() + seconds
    while True:
        try:
            psycopg.connect(f"host=127.0.0.1 port={server.port} user=askmap dbname=postgres").close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > end:
                raise
            time.sleep(0.2)
