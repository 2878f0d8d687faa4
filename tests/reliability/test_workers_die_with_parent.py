"""`kill -9` of an ingest leaves no worker process behind (issue 15: two workers of ~400 MB each and the
resource tracker stayed alive)."""
import os
import signal
import time
from pathlib import Path

from tests.reliability.helpers import askmap_env, start_askmap
import pytest

pytestmark = pytest.mark.slow  # benchmark smoke, browser and scale tests: still run by make test


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_die_when_the_ingest_is_killed(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(120):
        (folder / f"letter_{i:03d}.txt").write_text(
            f"Dear Council,\n\nWe ask the council to repair footpath number {i} before the winter of 2027, because "
            f"residents of street {i} cannot reach the shops safely.\n\nYours faithfully,\nResident {i}\nStreet {i} Group\n")
    proc = start_askmap(str(tmp_path / "k.db"), "ingest", "--no-themes", str(folder),
                        env=askmap_env(ASKMAP_WORKERS="2"))
    workers: list[int] = []
    end = time.monotonic() + 120
    while time.monotonic() < end and proc.poll() is None:
        workers = [c for c in _children(proc.pid) if b"multiprocessing" in Path(f"/proc/{c}/cmdline").read_bytes()]
        if len(workers) >= 2:
            break
        time.sleep(0.05)
    assert len(workers) >= 2, "the ingest never started its workers"
    everyone = set(workers) | {g for w in workers for g in _children(w)} | set(_children(proc.pid))
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    end = time.monotonic() + 20
    while time.monotonic() < end and any(_alive(p) for p in everyone):
        time.sleep(0.1)
    assert not [p for p in everyone if _alive(p)], "processes of the killed ingest are still running"
