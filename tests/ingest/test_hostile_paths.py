"""Folder walks and special files (issue 15): a symlink never takes a folder ingest outside its folder, a FIFO
never hangs it, a device is never read, and the database being written is never ingested into itself."""
import os
import threading

import pytest

from askmap.cli import main
from ingest import IngestError, ReadOptions, read, walk

LETTER = "Dear Council,\n\nWe ask the council to repair the footbridge at Mill Lane before winter.\n\nYours,\nAnn\n"


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(LETTER)
    (root / "sub" / "b.txt").write_text(LETTER.replace("footbridge", "bus shelter"))
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (root / "escape.txt").symlink_to(outside)
    (root / "inside.txt").symlink_to(root / "a.txt")
    (root / "loop").symlink_to(root)
    os.mkfifo(root / "pipe.txt")
    return root


def test_walk_refuses_links_out_special_files_and_folder_links(folder):
    got = {p.name: reason for p, reason in walk([folder])}
    assert got["a.txt"] is None and got["b.txt"] is None
    assert got["inside.txt"] is None  # a link to a file inside the folder is read
    assert "out of the folder" in got["escape.txt"]
    assert "folder" in got["loop"] and "not followed" in got["loop"]
    assert got["pipe.txt"] == "not a regular file: a FIFO (named pipe)"


def test_folder_ingest_never_stores_a_file_outside_the_folder(folder, tmp_path, capsys):
    db = str(tmp_path / "x.db")
    done = []
    t = threading.Thread(target=lambda: done.append(main(["--db", db, "ingest", "--no-themes", str(folder)])), daemon=True)
    t.start()
    t.join(120)
    assert done, "the ingest hung (a FIFO in the folder?)"
    out = capsys.readouterr().out
    assert "escape.txt: error: symbolic link out of the folder" in out
    assert "pipe.txt: error: not a regular file: a FIFO (named pipe)" in out
    assert "a.txt: ok" in out and "b.txt: ok" in out
    main(["--db", db, "docs", "--format", "jsonl"])
    assert "root:x:0:0" not in capsys.readouterr().out


def test_a_device_named_on_the_command_line_is_refused():
    with pytest.raises(IngestError, match="not a regular file: a character device"):
        read("/dev/zero")


def test_a_fifo_named_on_the_command_line_is_refused(tmp_path):
    os.mkfifo(tmp_path / "p.txt")
    with pytest.raises(IngestError, match="FIFO"):
        read(tmp_path / "p.txt")


def test_size_limit_message_in_mib(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000)  # 1.5 MB
    with pytest.raises(IngestError, match=r"file too large \(1\.4 MiB; the limit is 1 MiB\)"):
        read(big, ReadOptions(max_bytes=2**20))


def test_the_database_in_the_folder_is_not_ingested(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(LETTER)
    db = str(tmp_path / "here.db")
    assert main(["--db", db, "ingest", "--no-themes", str(tmp_path)]) == 0
    assert main(["--db", db, "ingest", "--no-themes", str(tmp_path)]) == 0  # the database (and -wal) exist now
    out = capsys.readouterr().out
    assert "here.db" not in out
