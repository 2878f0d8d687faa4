"""The one path a file takes into the database, shared by the CLI, the app, benchmarks and tests.

A batch is read first (every file, bad ones reported and skipped), then every new document's
organisations are registered — so that a short name in one document ("the Mayor") can resolve to
a full name another document gives —, then each new document is analysed and stored, with its asks,
in its own transaction.
"""
from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from sqlalchemy import Engine

from analysis import Registry, extract_asks, register_document
from analysis.asks import candidate_sentences
from analysis.attribution import prime
from analysis.authorship import attribute
from analysis.embeddings import Embedder
from analysis.nlp import nlp, parse_seconds
from analysis.positions import Statement, extract_statements
from analysis.records import Ask
from analysis.themes import ThemeSpec
from ingest import Document, IngestError, ReadOptions, read, read_stream, walk
from ingest.reader import STREAMED

from .stages import StageTimes
from .store import load_registry
from .store.documents import has_document, save_documents, unthemed_documents
from .store.locks import exclusive
from .theming import assign_new, default_embedder, fit, has_themes

OK = "ok"
DUPLICATE = "duplicate"
ERROR = "error"
PARALLEL_MIN = 40  # new documents in a batch before analysis is spread over worker processes
CHUNK = 16  # documents whose candidate sentences are parsed in one spaCy batch
STORE_CHUNK = 200  # new documents written in one transaction (each page written once, not once a document)
SLICE = 2000  # new documents analysed, then stored, at a time
FIRST_FIT_ROUNDS = 3  # re-fits of a new database's first themes for documents stored by others during the fit
STREAM_BYTES = 8 * 1024 * 1024  # an export (CSV, XLSX) larger than this is read, analysed and stored as a stream of rows


def default_workers() -> int:
    """Worker processes for analysing a large batch: ``ASKMAP_WORKERS``, else one per core (at most 4)."""
    env = os.environ.get("ASKMAP_WORKERS", "").strip()
    return max(1, int(env)) if env.isdigit() else max(1, min(4, os.cpu_count() or 1))


@dataclass
class Analysed:
    """One document's analysis: its asks and stance statements (or why it failed), and the time it took."""

    asks: list[Ask] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    error: str | None = None
    times: StageTimes = field(default_factory=StageTimes)


class TooSlow(BaseException):
    """A document's analysis ran past its time budget (a BaseException: no ``except Exception`` inside the
    rules swallows it)."""


class TooLarge(BaseException):
    """A file's reading or analysis grew the process past its memory budget (a BaseException, as TooSlow)."""


def _budget_env(name: str, default: float) -> float:
    try:
        return max(0.0, float(os.environ.get(name, str(default))))
    except ValueError:
        return default


def file_seconds() -> float:
    """The time budget of one document's analysis: ``ASKMAP_FILE_SECONDS`` (default 300; 0: none)."""
    return _budget_env("ASKMAP_FILE_SECONDS", 300.0)


def file_megabytes() -> float:
    """The memory budget of one file's reading and of one document's analysis, as growth of the process's
    resident memory in MiB: ``ASKMAP_FILE_MB`` (default 2048; 0: none)."""
    return _budget_env("ASKMAP_FILE_MB", 2048.0)


@contextlib.contextmanager
def time_budget(seconds: float):
    """Raise TooSlow inside the block once ``seconds`` have passed (a timer signal: only in a main thread, so
    the app's worker threads run without one)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise TooSlow()

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def resident_mib() -> float:
    """This process's resident memory in MiB (Linux: /proc/self/statm; elsewhere 0, and no budget holds)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20
    except (OSError, ValueError, IndexError):
        return 0.0


MEMORY_POLL = 0.02  # seconds between two looks at the resident memory while a budget holds

# one watching thread per process, started on first use: a budget arms it (a limit in resident MiB) and disarms it,
# so a million documents cost no million threads
_watch: dict = {"limit": None, "active": False, "pid": None}


def _watch_loop(main: int) -> None:
    while True:
        time.sleep(MEMORY_POLL)
        limit = _watch["limit"]
        if limit is not None and resident_mib() > limit:
            _watch["limit"] = None  # once per budget
            signal.pthread_kill(main, signal.SIGUSR2)


def _over_budget(signum, frame):
    if _watch["active"]:  # a signal that comes after the block has ended is ignored
        raise TooLarge()


def _start_watching() -> None:
    if _watch["pid"] == os.getpid():
        return
    _watch["pid"] = os.getpid()
    signal.signal(signal.SIGUSR2, _over_budget)  # kept: a late signal must never take SIGUSR2's default (exit)
    threading.Thread(target=_watch_loop, args=(threading.main_thread().ident,), name="askmap-memory-budget",
                     daemon=True).start()


@contextlib.contextmanager
def memory_budget(megabytes: float):
    """Raise TooLarge inside the block once the process has grown by more than ``megabytes`` MiB since it
    began: the process's watching thread samples the resident memory and signals the main thread (only there,
    as the time budget). A C routine that allocates in one call is stopped when it returns to Python."""
    base = resident_mib()
    if megabytes <= 0 or not base or threading.current_thread() is not threading.main_thread() or _watch["active"]:
        yield  # no budget, not measurable, not the main thread, or inside another budget already
        return
    _start_watching()
    _watch["active"], _watch["limit"] = True, base + megabytes
    try:
        yield
    finally:
        _watch["active"], _watch["limit"] = False, None


@contextlib.contextmanager
def file_budget(seconds: float | None = None, megabytes: float | None = None):
    """The time and the memory budget together (the configured ones unless given)."""
    with time_budget(file_seconds() if seconds is None else seconds), \
            memory_budget(file_megabytes() if megabytes is None else megabytes):
        yield


def analyse_document(doc: Document, registry: Registry) -> Analysed:
    """Asks, then stance statements; spaCy's share of the time is counted as parsing. A document whose
    analysis runs past :func:`file_seconds` is an error ("too slow"), and the batch goes on."""
    out = Analysed()
    budget, megabytes = file_seconds(), file_megabytes()
    try:
        with file_budget(budget, megabytes):
            p0, t0 = parse_seconds(), time.perf_counter()
            out.asks = extract_asks(doc, registry)
            p1, t1 = parse_seconds(), time.perf_counter()
            out.statements = extract_statements(doc, out.asks, registry)
            p2, t2 = parse_seconds(), time.perf_counter()
    except TooSlow:
        out.asks, out.statements = [], []
        out.error = (f"too slow: the analysis of {doc.source} was stopped after {budget:g} s "
                     "(ASKMAP_FILE_SECONDS sets the budget)")
        return out
    except TooLarge:
        out.asks, out.statements = [], []
        gc.collect()
        out.error = (f"too large: the analysis of {doc.source} took more than {megabytes:g} MiB of memory "
                     "(ASKMAP_FILE_MB sets the budget)")
        return out
    except Exception as exc:  # one document failing to analyse never loses the others
        out.error = f"could not analyse {doc.source}: {type(exc).__name__}: {exc}"
        return out
    out.times.add("parse", p2 - p0)
    out.times.add("extract", (t1 - t0) - (p1 - p0))
    out.times.add("positions", (t2 - t1) - (p2 - p1))
    return out


_worker_registry: Registry | None = None


PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (``kill -9`` of an ingest never leaves its
    workers, ~400 MB each, behind). Elsewhere a no-op."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


def _start_worker(registry: Registry | None) -> None:
    global _worker_registry
    die_with_parent()
    _worker_registry = registry
    nlp()  # load spaCy once per worker, before the first document


def analyse_chunk(docs: list[Document], registry: Registry) -> list[Analysed]:
    """A few documents: their candidate sentences parsed in one batch first, then each analysed."""
    nlp()  # loaded outside any time budget: a budget must never interrupt an import half-way
    t0, p0 = time.perf_counter(), parse_seconds()
    try:
        with file_budget(file_seconds() * len(docs)):
            prime([t for d in docs for t in candidate_sentences(d)])
    except (Exception, TooSlow, TooLarge):  # a document that can't be primed (or too slowly) is analysed, and timed, on its own
        pass
    out = [analyse_document(d, registry) for d in docs]
    if out:  # the batch parse counts as parsing; finding the candidates as extraction
        elapsed = time.perf_counter() - t0
        per_doc = sum(sum(a.times.seconds.values()) for a in out)
        batch_parse = parse_seconds() - p0 - sum(a.times.seconds.get("parse", 0.0) for a in out)
        out[0].times.add("parse", batch_parse)
        out[0].times.add("extract", max(0.0, elapsed - per_doc - batch_parse))
    return out


def _analyse_in_worker(docs: list[Document]) -> list[Analysed]:
    return analyse_chunk(docs, _worker_registry)


def analyse_documents(docs: list[Document], registry: Registry, workers: int = 1,
                      pool: ProcessPoolExecutor | None = None) -> list[Analysed]:
    """Every document analysed, in order; a large batch over ``workers`` processes (spaCy and the rules
    are pure Python: threads would wait on each other), or over ``pool`` when one is given."""
    chunks = [docs[i:i + CHUNK] for i in range(0, len(docs), CHUNK)]
    if pool is None and (workers <= 1 or len(docs) < PARALLEL_MIN):
        return [a for c in chunks for a in analyse_chunk(c, registry)]
    if pool is not None:
        return [a for result in pool.map(_analyse_in_worker, chunks) for a in result]
    with worker_pool(registry, workers) as own:
        return [a for result in own.map(_analyse_in_worker, chunks) for a in result]


def worker_pool(registry: Registry | None, workers: int) -> ProcessPoolExecutor:
    ctx = multiprocessing.get_context("spawn")  # no fork of a process that may hold torch's threads
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_start_worker, initargs=(registry,))


@dataclass
class FileResult:
    """What happened to one input file."""

    path: str
    status: str  # ok | duplicate | error
    reason: str | None = None
    new_ids: list[str] = field(default_factory=list)
    duplicate_ids: list[str] = field(default_factory=list)
    asks: int = 0
    finished_ids: list[str] = field(default_factory=list)  # stored by an earlier, interrupted run; themed now

    def line(self) -> str:
        if self.status == ERROR:
            return f"{self.path}: error: {self.reason}"
        detail = ""
        if len(self.new_ids) + len(self.duplicate_ids) > 1:
            detail = f" ({len(self.new_ids)} new, {len(self.duplicate_ids)} duplicate documents)"
        if self.status == OK and self.new_ids:
            detail += f" ({self.asks} ask{'' if self.asks == 1 else 's'})"
        if self.finished_ids:
            n = len(self.finished_ids)
            detail += f" ({n} document{'' if n == 1 else 's'} stored by an interrupted run, themed now)"
        return f"{self.path}: {self.status}{detail}"


def _read_file(path: Path, options: ReadOptions | None) -> tuple[FileResult, list[Document]]:
    if not path.exists():
        return FileResult(str(path), ERROR, "no such file or folder"), []
    megabytes = file_megabytes()
    try:
        with memory_budget(megabytes):
            return FileResult(str(path), OK), read(path, options)
    except IngestError as exc:
        return FileResult(str(path), ERROR, exc.reason), []
    except TooLarge:
        gc.collect()
        return FileResult(str(path), ERROR, f"too large: reading it took more than {megabytes:g} MiB of memory "
                                            "(ASKMAP_FILE_MB sets the budget)"), []


def _own_files(engine: Engine) -> list[str]:
    """The database's own files (an SQLite file and its journals): a folder holding them is ingested without them."""
    name = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if not name or name == ":memory:":
        return []
    from .store.locks import NAMES

    return [name + suffix for suffix in ("", "-wal", "-shm", "-journal", *(f".{n}.lock" for n in NAMES))]


def _fail(result: FileResult, reason: str) -> None:
    """A document of the file failed: the file is reported as an error (its first failure's reason)."""
    if result.status != ERROR:
        result.status, result.reason = ERROR, reason


def _add_wall(times: StageTimes, parts: list[StageTimes], wall: float) -> None:
    """Analysis stages as wall time: the documents' own timings (summed over worker processes, so
    CPU time) shared out in proportion over the time the analysis actually took."""
    summed = StageTimes()
    for p in parts:
        summed.merge(p)
    cpu = sum(summed.seconds.values())
    for stage, seconds in summed.seconds.items():
        times.add(stage, wall * seconds / cpu if cpu else 0.0)


def release_memory() -> None:
    """Hand freed memory back to the system (glibc keeps it otherwise): a large batch's documents and
    analyses are gone once stored, and the model and vectors come next."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


def ingest_paths(engine: Engine, paths: Iterable[str | Path], options: ReadOptions | None = None,
                 themes: bool = True, theme_specs: list[ThemeSpec] | None = None,
                 embedder: Embedder | None = None, times: StageTimes | None = None,
                 workers: int | None = None, on_progress: Callable[[int], None] | None = None) -> list[FileResult]:
    """Every file named or found under the folders named; a bad file never stops the batch.

    Files are read (and their organisations learned) first; then their new documents are analysed and
    stored a slice at a time, and ``on_progress`` hears the count of new documents stored so far after
    every slice (themes come after, for the whole batch).

    With ``themes`` the new asks then join the existing themes (no re-fit); a database with no
    themes yet gets its first fit, from ``theme_specs`` or the stored or built-in theme list.
    ``times`` collects the seconds spent per stage; ``workers``: processes for analysing a large
    batch (default: :func:`default_workers`)."""
    times = times if times is not None else StageTimes()
    found = [(f, refused, refused is None and _streamed(f)) for f, refused in walk(list(paths), exclude=_own_files(engine))]
    streams = [f for f, _, streamed in found if streamed]
    with times.stage("read"):
        batch = [_read_file(f, options) if refused is None else (FileResult(str(f), ERROR, refused), [])
                 for f, refused, streamed in found if not streamed]
        registry = load_registry(engine)
        new = {doc.id for _, docs in batch for doc in docs if not has_document(engine, doc.id)}  # asked once per document
        for result, docs in batch:
            for doc in docs:
                if doc.id in new:
                    attribute(doc)  # the author organisation from all the evidence, before it is learned
                    register_document(registry, doc)
    # each new document belongs to the first file that holds it; the others list it as a duplicate
    owner: dict[str, FileResult] = {}
    todo: list[Document] = []
    left: dict[int, int] = {}  # documents of each file still to analyse and store
    for result, docs in batch:
        for doc in docs:
            if doc.id not in new or doc.id in owner:
                result.duplicate_ids.append(doc.id)
                continue
            owner[doc.id] = result
            todo.append(doc)
            left[id(result)] = left.get(id(result), 0) + 1
    results = [r for r, _ in batch]
    del batch
    for r in results:  # files with nothing new are done already
        if id(r) not in left:
            _done(r)
    n_workers = default_workers() if workers is None else workers
    large = len(todo) >= PARALLEL_MIN
    if themes and todo:  # the new documents will be themed: the model loads while they are analysed
        embedder = embedder or default_embedder(engine)
        embedder.preload()
    pool = worker_pool(registry, n_workers) if large and n_workers > 1 else None
    stored = 0
    try:
        # a slice at a time: analysed, stored, its files reported, its analyses let go — an interrupted batch
        # keeps every slice before the one in hand, and memory holds one slice's analyses
        for i in range(0, len(todo), SLICE):
            part = todo[i:i + SLICE]
            t0 = time.perf_counter()
            analysed = analyse_documents(part, registry, n_workers, pool)
            _add_wall(times, [a.times for a in analysed], time.perf_counter() - t0)
            with times.stage("store"):
                _store_slice(engine, registry, part, analysed, owner)
            stored += len(part)
            if on_progress is not None:
                on_progress(stored)
            for doc in part:
                r = owner[doc.id]
                left[id(r)] -= 1
                if not left[id(r)]:
                    _done(r)
            del analysed
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    del todo, owner
    for f in streams:  # the long exports: a slice of rows at a time, from reading to the store
        results.append(_ingest_stream(engine, f, options, registry, n_workers, times,
                                      (lambda n, base=stored: on_progress(base + n)) if on_progress else None))
        stored += len(results[-1].new_ids)
        _done(results[-1])
    if large or streams:  # worth a quarter of a second only when there is much to hand back; never on one upload
        release_memory()
    try:
        if themes:
            finish_theming(engine, results, theme_specs, embedder, times)
    finally:
        if embedder is not None:
            embedder.wait_loaded()
    return results


def _streamed(path: Path) -> bool:
    try:
        return path.suffix.lower() in STREAMED and path.stat().st_size > STREAM_BYTES
    except OSError:
        return False


def _ingest_stream(engine: Engine, path: Path, options: ReadOptions | None, registry: Registry, workers: int,
                   times: StageTimes, on_progress: Callable[[int], None] | None = None) -> FileResult:
    """A long export as a stream: each slice of rows read, its organisations learned, analysed (the
    registry as it stands goes with each piece of work) and stored before the next is read. Memory holds
    one slice; an interrupt keeps every slice before it; an error in a row stops the file there (what came
    before stays stored) and names the file."""
    result = FileResult(str(path), OK)
    seen: set[str] = set()
    rows = read_stream(path, options)
    pool = worker_pool(None, workers) if workers > 1 else None
    try:
        while True:
            with times.stage("read"):
                part = list(islice(rows, SLICE))
                fresh = []
                for doc in part:
                    if doc.id in seen or has_document(engine, doc.id):
                        result.duplicate_ids.append(doc.id)
                        continue
                    seen.add(doc.id)
                    attribute(doc)
                    register_document(registry, doc)
                    fresh.append(doc)
            if not part:
                break
            t0 = time.perf_counter()
            if pool is not None and len(fresh) >= PARALLEL_MIN:
                chunks = [fresh[i:i + CHUNK] for i in range(0, len(fresh), CHUNK)]
                analysed = [a for out in pool.map(_analyse_with, [(c, registry) for c in chunks]) for a in out]
            else:
                analysed = analyse_documents(fresh, registry, 1)
            _add_wall(times, [a.times for a in analysed], time.perf_counter() - t0)
            with times.stage("store"):
                _store_slice(engine, registry, fresh, analysed, {d.id: result for d in fresh})
            if on_progress is not None:
                on_progress(len(result.new_ids))
            del part, fresh, analysed
    except IngestError as exc:
        done = len(result.new_ids)
        _fail(result, exc.reason + (f" (after {done} documents stored)" if done else ""))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return result


def _analyse_with(work: tuple[list[Document], Registry]) -> list[Analysed]:
    return analyse_chunk(*work)


def _done(result: FileResult) -> None:
    """A file whose documents are all analysed and stored: with none new, it is a duplicate."""
    if result.status == OK and not result.new_ids:
        result.status = DUPLICATE


def _store_slice(engine: Engine, registry: Registry, docs: list[Document], analysed: list[Analysed],
                 owner: dict[str, FileResult]) -> None:
    """A slice's analysed documents into the database (STORE_CHUNK to a transaction), each outcome on its file."""
    to_store = []
    for doc, found in zip(docs, analysed):
        if found.error:  # reported; the file's other documents still go in
            _fail(owner[doc.id], found.error)
        else:
            to_store.append((owner[doc.id], doc, found))
    for i in range(0, len(to_store), STORE_CHUNK):
        chunk = to_store[i:i + STORE_CHUNK]
        saved = save_documents(engine, [(doc, a.asks, a.statements) for _, doc, a in chunk], registry)
        for (result, doc, found), outcome in zip(chunk, saved):
            if outcome.error is not None:
                _fail(result, f"could not store {doc.source}: {type(outcome.error).__name__}: {outcome.error}")
            elif outcome.stored:
                result.new_ids.append(doc.id)
                result.asks += len(found.asks)
            else:
                result.duplicate_ids.append(doc.id)


def finish_theming(engine: Engine, results: list[FileResult] | None = None, specs: list[ThemeSpec] | None = None,
                   embedder: Embedder | None = None, times: StageTimes | None = None) -> list[str]:
    """Theme every document still waiting for it — this batch's, and any an interrupted run (``kill -9``, a
    lock, a crash between storing and theming) or a ``--no-themes`` ingest left — one process at a time.
    A file whose documents were stored earlier but only themed now is reported so (status ok), never as a
    finished duplicate. Returns the documents themed."""
    with exclusive(engine, "themes"):
        waiting = unthemed_documents(engine)
        if not waiting:
            return []
        from .spool import release_memory

        release_memory()  # what reading and analysing the batch freed, before theming needs its own
        embedder = embedder or default_embedder(engine)
        before, t0 = embedder.seconds, time.perf_counter()
        first = not has_themes(engine)
        theme_new_asks(engine, specs, embedder, waiting)
        # the first fit of a database takes in what other ingesters stored while it ran: four ingesters into a
        # new database end with the themes one ingester of all their files would fit, not with the late ones'
        # asks squeezed into themes fitted without them (a few rounds at most; later arrivals join incrementally)
        for _ in range(FIRST_FIT_ROUNDS if first else 0):
            late = unthemed_documents(engine)
            if not late:
                break
            fit(engine, specs, embedder)
            waiting += late
        if times is not None:
            spent = embedder.seconds - before
            times.add("embed", spent)
            times.add("theme", time.perf_counter() - t0 - spent)
    done = set(waiting)
    for r in results or []:
        r.finished_ids = [d for d in r.duplicate_ids if d in done]
        if r.finished_ids and r.status == DUPLICATE:
            r.status = OK
    return waiting


def theme_new_asks(engine: Engine, specs: list[ThemeSpec] | None = None, embedder: Embedder | None = None,
                   doc_ids: list[str] | None = None) -> None:
    """New documents' asks join the existing themes; the first asks of a database get its first fit."""
    if has_themes(engine) and specs is None:
        assign_new(engine, embedder, doc_ids)
    else:
        fit(engine, specs, embedder)


def ingest_file(engine: Engine, path: str | Path, options: ReadOptions | None = None) -> FileResult:
    return ingest_paths(engine, [path], options)[0]
