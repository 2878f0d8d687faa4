"""Work that survives (issue 15): a run killed between storing and theming is finished by the next run — never
reported as a finished duplicate — and ends identical to a clean run; four processes ingesting into one new
database at once lose nothing, duplicate nothing, and theme every document."""
import signal

import pytest

from tests.reliability.helpers import run_askmap, snapshot, start_askmap
from tests.themes.helpers import LETTERS, write_corpus

# dies with SIGKILL the moment theming starts: the documents are stored, their themes are not
KILL_AT_THEMING = """
import os, signal
import askmap.pipeline as p
def _die(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)
p.theme_new_asks = _die
"""


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "letters")


def test_a_run_killed_before_theming_is_finished_by_the_next(tmp_path, corpus, new_db):
    clean = new_db("clean")
    assert run_askmap(clean, "ingest", str(corpus)).returncode == 0
    db = new_db("killed")
    proc = start_askmap(db, "ingest", str(corpus), prelude=KILL_AT_THEMING)
    proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL
    stored = snapshot(db)
    assert len(stored["documents"]) == len(LETTERS) and not any(stored["documents"].values())  # stored, not themed
    rerun = run_askmap(db, "ingest", str(corpus))
    assert rerun.returncode == 0, rerun.stderr
    assert "duplicate" not in rerun.stdout.replace("0 duplicate", ""), rerun.stdout
    assert rerun.stdout.count("themed now") == len(LETTERS), rerun.stdout
    assert snapshot(db) == snapshot(clean)
    again = run_askmap(db, "ingest", str(corpus))  # now it is a duplicate, and says so
    assert again.stdout.count(": duplicate") == len(LETTERS)


# kill -9 at each stage of an ingest: while reading the files, while analysing, in the middle of the store's
# transaction, as theming starts (the stages' functions replaced by a SIGKILL of the process itself)
KILL_AT = {
    "read": "import askmap.pipeline as p\n_r = p._read_file\nn = [0]\n"
            "def _k(*a, **k):\n    n[0] += 1\n    if n[0] == 4: os.kill(os.getpid(), signal.SIGKILL)\n    return _r(*a, **k)\n"
            "p._read_file = _k",
    "analyse": "import askmap.pipeline as p\np.analyse_documents = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)",
    "store": "import askmap.store.documents as d\n_i = d._insert_document\nn = [0]\n"
             "def _k(*a, **k):\n    n[0] += 1\n    if n[0] == 5: os.kill(os.getpid(), signal.SIGKILL)\n    return _i(*a, **k)\n"
             "d._insert_document = _k",
    "theme": "import askmap.pipeline as p\np.theme_new_asks = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)",
}


@pytest.mark.parametrize("stage", sorted(KILL_AT))
def test_kill_9_at_each_stage_then_rerun_is_a_clean_run(tmp_path, corpus, new_db, stage):
    clean = new_db("clean")
    assert run_askmap(clean, "ingest", str(corpus)).returncode == 0
    db = new_db(f"killed-{stage}")
    proc = start_askmap(db, "ingest", str(corpus), prelude="import os, signal\n" + KILL_AT[stage])
    proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL
    rerun = run_askmap(db, "ingest", str(corpus))
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "Traceback" not in rerun.stderr
    assert snapshot(db) == snapshot(clean)


def test_a_no_themes_ingest_is_themed_by_the_next_ingest(tmp_path, corpus, new_db):
    db = new_db("later")
    assert run_askmap(db, "ingest", "--no-themes", str(corpus)).returncode == 0
    assert not any(snapshot(db)["documents"].values())
    extra = tmp_path / "extra"
    write_corpus(extra, {"late.txt": LETTERS["buses_1.txt"].replace("Ann Lee", "Bo Diaz").replace("evening", "night")})
    out = run_askmap(db, "ingest", str(extra))
    assert out.returncode == 0, out.stderr
    assert all(snapshot(db)["documents"].values())


def test_four_ingesters_into_one_new_database(tmp_path, new_db):
    names = sorted(LETTERS)
    folders = []
    for i in range(4):
        folders.append(write_corpus(tmp_path / f"part{i}", {n: LETTERS[n] for n in names[i::4]}))
    db = new_db("shared")
    procs = [start_askmap(db, "ingest", str(f)) for f in folders]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, (out, err)
        assert "Traceback" not in err
    got = snapshot(db)
    assert sorted(got["documents"]) == names  # nothing lost, nothing twice
    assert all(got["documents"].values())  # every document themed
    clean = new_db("one")
    all_in_one = write_corpus(tmp_path / "all", LETTERS)
    assert run_askmap(clean, "ingest", str(all_in_one)).returncode == 0
    assert got["asks"] == snapshot(clean)["asks"]
    assert all(themes for themes in got["themes"].values()) == all(themes for themes in snapshot(clean)["themes"].values())


def test_a_batch_stores_as_it_goes_and_an_interrupt_keeps_what_was_stored(tmp_path, new_db):
    """Issue 15: nothing was stored until everything was analysed; now a slice at a time (SLICE documents)."""
    folder = write_corpus(tmp_path / "many", {f"letter_{i:02d}.txt": LETTERS[n].replace("Dear", f"Dear ({i})")
                                              for i, n in enumerate(sorted(LETTERS) * 2)})
    db = new_db("sliced")
    prelude = ("import os, signal\nimport askmap.pipeline as p\np.SLICE = 5\n_s = p.save_documents\nn = [0]\n"
               "def _k(*a, **k):\n    n[0] += 1\n    if n[0] == 3: os.kill(os.getpid(), signal.SIGKILL)\n"
               "    return _s(*a, **k)\np.save_documents = _k")
    proc = start_askmap(db, "ingest", "--no-themes", str(folder), prelude=prelude)
    proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL
    assert len(snapshot(db)["documents"]) == 10  # two slices of five stored before the kill
    rerun = run_askmap(db, "ingest", str(folder))
    assert rerun.returncode == 0
    assert len(snapshot(db)["documents"]) == 20 and all(snapshot(db)["documents"].values())


@pytest.mark.sqlite_only
def test_a_database_held_by_another_writer_is_one_line_not_a_traceback(tmp_path, corpus):
    """Issue 15: a writer holding the lock gave a 'database is locked' traceback, exit 1."""
    import sqlite3

    from tests.reliability.helpers import askmap_env

    db = str(tmp_path / "held.db")
    assert run_askmap(db, "ingest", "--no-themes", str(corpus)).returncode == 0
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")  # another process writing
    try:
        extra = write_corpus(tmp_path / "extra", {"late.txt": LETTERS["buses_1.txt"].replace("Ann Lee", "Bo Diaz")})
        out = run_askmap(db, "ingest", str(extra), env=askmap_env(ASKMAP_LOCK_TIMEOUT="1"))
    finally:
        holder.rollback()
        holder.close()
    assert out.returncode == 3, out.stdout + out.stderr
    assert "is locked by another askmap process" in out.stderr and "Traceback" not in out.stderr
    assert run_askmap(db, "ingest", str(extra)).returncode == 0  # once it is free, the same command goes through


def test_the_app_finishes_what_an_interrupted_ingest_left(tmp_path, corpus, hashing_embedder):
    import ui

    db = str(tmp_path / "app.db")
    assert run_askmap(db, "ingest", "--no-themes", str(corpus)).returncode == 0  # stored, waiting for themes
    assert not any(snapshot(db)["documents"].values())
    ui.build_app(db)
    assert all(snapshot(db)["documents"].values())


def test_documents_stored_while_the_first_fit_runs_are_in_that_fit(tmp_path, hashing_embedder):
    # the race of four new ingesters, made certain: while the first fit of a new database runs, another process
    # stores half the letters. Before, that half was squeezed into themes fitted without it (8 of 860 real asks
    # then fitted none); now the first fit takes them in, and the end is the fit one ingester of all would make
    import askmap.pipeline as p
    from askmap.store import open_engine

    names = sorted(LETTERS)
    first = write_corpus(tmp_path / "first", {n: LETTERS[n] for n in names[::2]})
    late = write_corpus(tmp_path / "late", {n: LETTERS[n] for n in names[1::2]})
    db = str(tmp_path / "race.db")
    engine = open_engine(db)
    real_fit, calls = p.fit, []

    def fit_while_another_stores(eng, *args, **kwargs):
        run = real_fit(eng, *args, **kwargs)
        if not calls:  # "another process" stored its documents after the fit had read the asks
            p.ingest_paths(eng, [late], themes=False)
        calls.append(run)
        return run

    try:
        p.fit = fit_while_another_stores
        p.ingest_paths(engine, [first])
    finally:
        p.fit = real_fit
        engine.dispose()
    got = snapshot(db)
    assert len(calls) == 2  # the first fit, then one more taking in the late documents
    assert sorted(got["documents"]) == names and all(got["documents"].values())
    clean = str(tmp_path / "clean.db")
    assert run_askmap(clean, "ingest", str(write_corpus(tmp_path / "all", LETTERS))).returncode == 0
    want = snapshot(clean)
    assert got["asks"] == want["asks"]
    assert sorted(k for k, v in got["themes"].items() if not v) == sorted(k for k, v in want["themes"].items() if not v)
