"""Themes in the database: theme rows, ask ↔ theme assignments, user edits, the embedding cache."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import NamedTuple

import numpy as np
from sqlalchemy import Connection, Engine, bindparam, delete, func, select, update

from analysis.themes import Assignment, Theme

from .batches import chunks, sorted_chunks
from .schema import ask_themes, asks, documents, embeddings, statement_themes, statements, theme_edits, themes


class EmbeddingStore:
    """The embedding cache, keyed by text hash and model name (see analysis.embeddings.EmbeddingCache)."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def get(self, keys: Sequence[str], model: str) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        keys = list(keys)
        with self.engine.connect() as conn:
            for i in range(0, len(keys), 500):
                rows = conn.execute(select(embeddings.c.key, embeddings.c.vector).where(
                    embeddings.c.model == model, embeddings.c.key.in_(keys[i : i + 500])))
                out.update({k: np.frombuffer(v, dtype=np.float32) for k, v in rows})
        return out

    def put(self, vectors: dict[str, np.ndarray], model: str) -> None:
        if not vectors:
            return
        keys = list(vectors)
        with self.engine.begin() as conn:
            have: set[str] = set()
            for i in range(0, len(keys), 500):
                have.update(conn.execute(select(embeddings.c.key).where(
                    embeddings.c.model == model, embeddings.c.key.in_(keys[i : i + 500]))).scalars())
            rows = [{"key": k, "model": model, "vector": np.asarray(v, dtype=np.float32).tobytes()}
                    for k, v in vectors.items() if k not in have]
            if rows:
                conn.execute(embeddings.insert(), rows)


def _vec(blob) -> np.ndarray | None:
    return np.frombuffer(blob, dtype=np.float32) if blob else None


def load_themes(engine: Engine, include_merged: bool = False) -> list[Theme]:
    with engine.connect() as conn:
        rows = conn.execute(select(themes).order_by(themes.c.position, themes.c.id)).all()
    return [Theme(r.id, r.name, r.description or "", list(r.keywords or []), r.origin, list(r.top_terms or []),
                  _vec(r.centroid), r.question) for r in rows if include_merged or not r.merged_into]


def theme_flags(engine: Engine) -> dict[str, dict]:
    """Per theme id: edited, merged_into."""
    with engine.connect() as conn:
        return {r.id: {"edited": r.edited, "merged_into": r.merged_into}
                for r in conn.execute(select(themes.c.id, themes.c.edited, themes.c.merged_into))}


def members(engine: Engine) -> dict[str, set[str]]:
    with engine.connect() as conn:
        out: dict[str, set[str]] = {}
        for ask_id, theme_id in conn.execute(select(ask_themes.c.ask_id, ask_themes.c.theme_id)):
            out.setdefault(theme_id, set()).add(ask_id)
    return out


def manual_ask_ids(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(ask_themes.c.ask_id).where(ask_themes.c.manual.is_(True))).scalars())


class ThemingRow(NamedTuple):
    id: str
    text: str
    context: str | None
    doc_id: str


def _rows_for_theming(engine: Engine, table, link_column, only_unthemed: bool,
                      doc_ids: Sequence[str] | None) -> list[ThemingRow]:
    """(id, text, context, doc_id) of asks or statements, in document order; ``only_unthemed``: those with no
    theme yet (not in ``link_column``); ``doc_ids``: only these documents'."""
    q = select(table.c.id, table.c.text, table.c.context, table.c.doc_id).order_by(table.c.doc_id, table.c.start)
    if only_unthemed:
        q = q.where(~table.c.id.in_(select(link_column)))
    queries = [q] if doc_ids is None else [q.where(table.c.doc_id.in_(part)) for part in sorted_chunks(doc_ids)]
    with engine.connect() as conn:
        return [ThemingRow(r.id, r.text, r.context, r.doc_id) for query in queries for r in conn.execute(query)]


ROWS_PER_CHUNK = 20_000  # asks, statements or answers themed at a time
DOCS_PER_PAGE = 2_000  # documents read per query while the chunks are drawn


def doc_chunks(engine: Engine, table, rows_per_chunk: int | None = None,
               doc_ids: Sequence[str] | None = None) -> Iterator[list[str]]:
    """The documents that have rows in ``table`` (asks, statements, answers) — all, or those of ``doc_ids`` —
    in id order, as consecutive lists holding about ``rows_per_chunk`` rows each (a document is never split):
    theming a million rows a chunk at a time keeps memory flat, and a collection of one chunk is themed
    exactly as a whole."""
    rows_per_chunk = rows_per_chunk or ROWS_PER_CHUNK
    part: list[str] = []
    held = 0

    def pages() -> Iterator[list[tuple[str, int]]]:
        q = select(table.c.doc_id, func.count().label("n")).group_by(table.c.doc_id).order_by(table.c.doc_id)
        if doc_ids is not None:
            for ids in sorted_chunks(doc_ids):
                with engine.connect() as conn:
                    yield [(r.doc_id, r.n) for r in conn.execute(q.where(table.c.doc_id.in_(ids)))]
            return
        last = None
        while True:  # keyset pages: no cursor held open while the chunks are themed and written
            with engine.connect() as conn:
                page = [(r.doc_id, r.n) for r in conn.execute(
                    (q if last is None else q.where(table.c.doc_id > last)).limit(DOCS_PER_PAGE))]
            if not page:
                return
            yield page
            last = page[-1][0]

    for page in pages():
        for doc_id, n in page:
            part.append(doc_id)
            held += n
            if held >= rows_per_chunk:
                yield part
                part, held = [], 0
    if part:
        yield part


OPENING_CHARS = 1500  # how much of a document's beginning its subject is read from
OPENING_SENTENCES = 1  # … in at most this many sentences of six words or more


def document_texts(engine: Engine, doc_ids: Sequence[str]) -> dict[str, list[str]]:
    """Per document, what it is about, for themes: the sentences of its opening (where a submission says what
    it responds to: "Submission to the Environment Committee on the Rivers Bill"; not for a consultation export's
    answers, which are their own subject), and the texts of its asks and stance statements."""
    from analysis.sentences import split_sentences
    from analysis.themes import is_generic
    from ingest.records import CONSULTATION_RESPONSE

    out: dict[str, list[str]] = {d: [] for d in doc_ids}
    ids = list(out)
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            q = select(documents.c.id, documents.c.kind, func.substr(documents.c.text, 1, OPENING_CHARS).label("head")).where(
                documents.c.id.in_(ids[i:i + 500])).order_by(documents.c.id)
            for r in conn.execute(q):
                if r.kind == CONSULTATION_RESPONSE or not r.head:
                    continue
                spans = split_sentences(r.head)[:-1] if len(r.head) >= OPENING_CHARS else split_sentences(r.head)
                opening = [" ".join(r.head[a:b].split()) for a, b in spans]
                out[r.id].extend([t for t in opening if len(t.split()) >= 6][:OPENING_SENTENCES])
        for table in (asks, statements):
            for i in range(0, len(ids), 500):
                q = select(table.c.doc_id, table.c.text).where(table.c.doc_id.in_(ids[i:i + 500])).order_by(
                    table.c.doc_id, table.c.start)
                for r in conn.execute(q):
                    if not is_generic(r.text):  # "We support the proposals" says nothing of what the document is about
                        out[r.doc_id].append(r.text)
    return out


def asks_for_theming(engine: Engine, only_unthemed: bool = False,
                     doc_ids: Sequence[str] | None = None) -> list[ThemingRow]:
    """(ask id, text, context, document id) in a stable order; ``only_unthemed``: asks with no theme yet;
    ``doc_ids``: only these documents' asks."""
    return _rows_for_theming(engine, asks, ask_themes.c.ask_id, only_unthemed, doc_ids)


def _upsert_theme(conn: Connection, t: Theme, position: int, keep_name: bool) -> None:
    values = {"description": t.description, "keywords": list(t.keywords), "origin": t.origin,
              "top_terms": list(t.top_terms), "position": position, "question": t.question,
              "centroid": np.asarray(t.centroid, dtype=np.float32).tobytes() if t.centroid is not None else None}
    exists = conn.execute(select(themes.c.id).where(themes.c.id == t.id)).first()
    if exists:
        if not keep_name:
            values["name"] = t.name
        conn.execute(update(themes).where(themes.c.id == t.id).values(**values))
    else:
        conn.execute(themes.insert().values(id=t.id, name=t.name, edited=False, merged_into=None, **values))


DISCOVERED_ORIGIN = "discovered"


INSERT_CHUNK = 5_000  # rows inserted by one statement


def save_fit(engine: Engine, fitted: Sequence[Theme], assignments: Iterable[Assignment]) -> None:
    """Replace the automatic assignments with a new fit, in one transaction. Manual moves, edited names
    and merges stay; themes that the fit no longer produces and nobody edited are removed."""
    flags = theme_flags(engine)
    with engine.begin() as conn:
        for i, t in enumerate(fitted):
            _upsert_theme(conn, t, i, keep_name=bool(flags.get(t.id, {}).get("edited")))
        keep = {t.id for t in fitted}
        manual_themes = set(conn.execute(select(ask_themes.c.theme_id).where(ask_themes.c.manual.is_(True))).scalars())
        answer_themes_ = set(conn.execute(select(themes.c.id).where(themes.c.question.isnot(None),
                                                                    themes.c.origin == DISCOVERED_ORIGIN)).scalars())
        stale = [tid for tid, f in flags.items() if tid not in keep and not f["edited"] and not f["merged_into"]
                 and tid not in manual_themes and tid not in answer_themes_]  # a question's discovered themes are the answers' own
        conn.execute(delete(ask_themes).where(ask_themes.c.manual.is_(False)))
        if stale:
            conn.execute(delete(themes).where(themes.c.id.in_(stale)))
        manual = set(conn.execute(select(ask_themes.c.ask_id).where(ask_themes.c.manual.is_(True))).scalars())
        for part in chunks((a for a in assignments if a.ask_id not in manual), INSERT_CHUNK):  # a spool streams in
            conn.execute(ask_themes.insert(), [{"ask_id": a.ask_id, "theme_id": a.theme_id, "rank": a.rank,
                                                "score": a.score, "manual": False} for a in part])
        sync_ask_theme_names(conn)


def add_assignments(engine: Engine, assignments: Sequence[Assignment]) -> None:
    """Incremental: new asks join existing themes (no re-fit)."""
    if not assignments:
        return
    with engine.begin() as conn:
        ids = list({a.ask_id for a in assignments})
        for part in chunks(ids):
            conn.execute(delete(ask_themes).where(ask_themes.c.ask_id.in_(part), ask_themes.c.manual.is_(False)))
        conn.execute(ask_themes.insert(), [{"ask_id": a.ask_id, "theme_id": a.theme_id, "rank": a.rank,
                                            "score": a.score, "manual": False} for a in assignments])
        sync_ask_theme_names(conn, ids)


def sync_ask_theme_names(conn: Connection, ask_ids: Iterable[str] | None = None) -> None:
    """Keep the asks' ``themes`` field (theme names, primary first) in step with the assignments (every ask, a
    page at a time, or those of ``ask_ids``)."""
    names = {r.id: r.name for r in conn.execute(select(themes.c.id, themes.c.name))}
    pages = chunks(ask_ids, INSERT_CHUNK) if ask_ids is not None else _ask_id_pages(conn)
    for page in pages:
        per_ask: dict[str, list[str]] = {}
        for part in chunks(page):
            q = select(ask_themes.c.ask_id, ask_themes.c.theme_id).where(ask_themes.c.ask_id.in_(part)).order_by(
                ask_themes.c.ask_id, ask_themes.c.manual.desc(), ask_themes.c.rank)
            for ask_id, theme_id in conn.execute(q):
                name = names.get(theme_id)
                if name and name not in per_ask.setdefault(ask_id, []):
                    per_ask[ask_id].append(name)
        # one batched statement a page, not a round trip per ask
        conn.execute(update(asks).where(asks.c.id == bindparam("ask")).values(themes=bindparam("names")),
                     [{"ask": a, "names": per_ask.get(a, [])} for a in page])


def _ask_id_pages(conn: Connection) -> Iterator[list[str]]:
    last = None
    while True:
        q = select(asks.c.id).order_by(asks.c.id).limit(INSERT_CHUNK)
        page = list(conn.execute(q if last is None else q.where(asks.c.id > last)).scalars())
        if not page:
            return
        yield page
        last = page[-1]


def _log(conn: Connection, action: str, **args) -> None:
    conn.execute(theme_edits.insert().values(action=action, args=args, at=datetime.now(timezone.utc)))


def _require_theme(conn: Connection, theme_id: str) -> None:
    row = conn.execute(select(themes.c.merged_into).where(themes.c.id == theme_id)).first()
    if row is None:
        raise KeyError(f"no theme with id {theme_id!r}")
    if row.merged_into:
        raise KeyError(f"theme {theme_id!r} was merged into {row.merged_into!r}")


def rename_theme(engine: Engine, theme_id: str, name: str, user: str | None = None) -> None:
    with engine.begin() as conn:
        _require_theme(conn, theme_id)
        conn.execute(update(themes).where(themes.c.id == theme_id).values(name=name.strip(), edited=True))
        _log(conn, "rename", theme=theme_id, name=name, by=user)
        members_ = list(conn.execute(select(ask_themes.c.ask_id).where(ask_themes.c.theme_id == theme_id)).scalars())
        sync_ask_theme_names(conn, members_)


def merge_themes(engine: Engine, into: str, other: str, user: str | None = None) -> None:
    """``other``'s asks join ``into``; ``other`` redirects to ``into`` from now on, re-fits included."""
    if into == other:
        raise ValueError("a theme cannot be merged into itself")
    with engine.begin() as conn:
        _require_theme(conn, into)
        _require_theme(conn, other)
        moved = conn.execute(select(ask_themes).where(ask_themes.c.theme_id == other)).all()
        have = set(conn.execute(select(ask_themes.c.ask_id).where(ask_themes.c.theme_id == into)).scalars())
        conn.execute(delete(ask_themes).where(ask_themes.c.theme_id == other))
        rows = [{"ask_id": r.ask_id, "theme_id": into, "rank": r.rank, "score": r.score, "manual": r.manual}
                for r in moved if r.ask_id not in have]
        if rows:
            conn.execute(ask_themes.insert(), rows)
        conn.execute(update(themes).where(themes.c.id == other).values(merged_into=into, edited=True))
        conn.execute(update(themes).where(themes.c.id == into).values(edited=True))
        _log(conn, "merge", into=into, other=other, by=user)
        sync_ask_theme_names(conn, [r.ask_id for r in moved])


def move_ask(engine: Engine, ask_id: str, theme_id: str, user: str | None = None) -> None:
    """Put an ask in one theme by hand; a re-fit leaves it there."""
    with engine.begin() as conn:
        _require_theme(conn, theme_id)
        if conn.execute(select(asks.c.id).where(asks.c.id == ask_id)).first() is None:
            raise KeyError(f"no ask with id {ask_id!r}")
        conn.execute(delete(ask_themes).where(ask_themes.c.ask_id == ask_id))
        conn.execute(ask_themes.insert().values(ask_id=ask_id, theme_id=theme_id, rank=1, score=1.0, manual=True))
        _log(conn, "move", ask=ask_id, theme=theme_id, by=user)
        sync_ask_theme_names(conn, [ask_id])


def add_theme(engine: Engine, theme: Theme, user: str | None = None) -> None:
    """A user's new seed theme: it is kept (and used) by every later fit."""
    with engine.begin() as conn:
        if conn.execute(select(themes.c.id).where(themes.c.id == theme.id)).first():
            raise ValueError(f"a theme with id {theme.id!r} exists already")
        pos = conn.execute(select(func.coalesce(func.max(themes.c.position), 0))).scalar_one() + 1
        conn.execute(themes.insert().values(id=theme.id, name=theme.name, description=theme.description,
                                            keywords=list(theme.keywords), origin=theme.origin, edited=True,
                                            merged_into=None, top_terms=[], centroid=None, position=pos))
        _log(conn, "add", theme=theme.id, name=theme.name, by=user)


def redirects(engine: Engine) -> dict[str, str]:
    """Merged theme id → the theme it now lives in (followed to the end of the chain)."""
    flags = theme_flags(engine)
    out = {}
    for tid, f in flags.items():
        target, seen = f["merged_into"], {tid}
        while target and flags.get(target, {}).get("merged_into") and target not in seen:
            seen.add(target)
            target = flags[target]["merged_into"]
        if target:
            out[tid] = target
    return out


def theme_summaries(engine: Engine, examples: int = 3) -> list[dict]:
    """Each live theme: id, name, origin, size, top terms, and a few example asks (the best-scoring)."""
    with engine.connect() as conn:
        sizes = dict(conn.execute(select(ask_themes.c.theme_id, func.count()).group_by(ask_themes.c.theme_id)).all())
        rows = conn.execute(select(themes).where(themes.c.merged_into.is_(None)).order_by(themes.c.position)).all()
        out = []
        for r in rows:
            ex = conn.execute(select(asks.c.text).join(ask_themes, ask_themes.c.ask_id == asks.c.id)
                              .where(ask_themes.c.theme_id == r.id)
                              .order_by(ask_themes.c.rank, ask_themes.c.score.desc()).limit(examples)).scalars().all()
            out.append({"id": r.id, "name": r.name, "origin": r.origin, "edited": r.edited, "size": sizes.get(r.id, 0),
                        "top_terms": list(r.top_terms or []), "keywords": list(r.keywords or []), "examples": list(ex)})
    return out


def statements_for_theming(engine: Engine, only_unthemed: bool = False,
                           doc_ids: Sequence[str] | None = None) -> list[ThemingRow]:
    """(statement id, text, context, document id) in a stable order."""
    return _rows_for_theming(engine, statements, statement_themes.c.statement_id, only_unthemed, doc_ids)


def set_statement_themes(engine: Engine, assignments: Iterable[Assignment], replace_all: bool) -> None:
    """Statements' themes (Assignment.ask_id holds the statement id), in one transaction. ``assignments`` may be a
    :class:`askmap.spool.Spool` (read twice when only these statements' themes are replaced)."""
    with engine.begin() as conn:
        if replace_all:
            conn.execute(delete(statement_themes))
        else:
            for part in chunks(dict.fromkeys(a.ask_id for a in assignments)):
                conn.execute(delete(statement_themes).where(statement_themes.c.statement_id.in_(part)))
        for part in chunks(assignments, INSERT_CHUNK):
            conn.execute(statement_themes.insert(), [{"statement_id": a.ask_id, "theme_id": a.theme_id, "rank": a.rank,
                                                      "score": a.score} for a in part])
