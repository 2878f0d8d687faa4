"""Storing and loading documents with their blocks and speaker turns."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from analysis.organisations import Registry, signatory_names
from analysis.positions import Statement
from analysis.records import Ask
from ingest.reader import without_nul
from ingest.records import Block, Document, Turn

from .asks import insert_asks
from .organisations import save_registry
from .schema import asks as asks_table
from .schema import ask_holders, ask_themes, blocks, documents, statement_themes, turns
from .schema import answer_themes
from .schema import answers as answers_table
from .schema import statements as statements_table


def has_document(engine: Engine, doc_id: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None


def _insert_document(conn: Connection, doc: Document, asks: Sequence[Ask], statements: Sequence[Statement],
                     registry: Registry | None) -> None:
    # NUL characters become spaces (offsets stay true): PostgreSQL can't store them, and both stores keep the same
    doc, asks, statements = without_nul(doc), [without_nul(a) for a in asks], [without_nul(s) for s in statements]
    conn.execute(
        insert(documents).values(
            id=doc.id, source=doc.source, path=doc.path, format=doc.format, kind=doc.kind,
            title=doc.title, date=doc.date, author=doc.author, author_org=doc.author_org,
            addressees=list(doc.addressees), signatories=list(doc.signatories),
            meta=dict(doc.metadata), text=doc.text, ingested_at=datetime.now(timezone.utc),
        )
    )
    if doc.blocks:
        conn.execute(insert(blocks), [
            {"doc_id": doc.id, "idx": i, "kind": b.kind, "start": b.start, "end": b.end, "number": b.number,
             "lead_in": b.lead_in, "level": b.level, "section": b.section}
            for i, b in enumerate(doc.blocks)
        ])
    if doc.turns:
        conn.execute(insert(turns), [
            {"doc_id": doc.id, "idx": i, "speaker": t.speaker, "role": t.role, "organisation": t.organisation,
             "start": t.start, "end": t.end, "label_start": t.label_start}
            for i, t in enumerate(doc.turns)
        ])
    insert_asks(conn, asks, signatory_names(doc, registry))
    if statements:
        conn.execute(insert(statements_table), [
            {"id": s.id, "doc_id": s.doc_id, "start": s.start, "end": s.end, "text": s.text,
             "organisation": s.organisation, "stance": s.stance, "source": s.source, "rule": s.rule,
             "speaker": s.speaker, "context": s.context} for s in statements])


def save_document(engine: Engine, doc: Document, asks: Sequence[Ask] = (), registry: Registry | None = None,
                  statements: Sequence[Statement] = ()) -> bool:
    """Store a document with its blocks, turns, asks and the organisations it taught the registry,
    all in one transaction.

    Returns False (and writes nothing) when a document with the same content hash is
    already stored. Any failure rolls the whole document back.
    """
    if has_document(engine, doc.id):
        return False
    try:
        with engine.begin() as conn:
            _insert_document(conn, doc, asks, statements, registry)
            if registry is not None:
                save_registry(conn, registry)
        if registry is not None:
            registry.dirty.clear()  # written: the next document's save writes only what it adds
    except IntegrityError:
        if has_document(engine, doc.id):  # stored concurrently by another writer
            return False
        raise
    return True


@dataclass
class Saved:
    """What happened to one document of a batch: stored, already there, or the error that stopped it."""

    stored: bool = False
    error: Exception | None = None


def save_documents(engine: Engine, items: Sequence[tuple[Document, Sequence[Ask], Sequence[Statement]]],
                   registry: Registry | None = None) -> list[Saved]:
    """Store many new documents in one transaction (a bulk ingest writes each database page once, not
    once per document). Should anything in the batch fail, it is rolled back whole and every document
    is stored again in its own transaction, so one bad document never loses the others and each is
    still all or nothing."""
    if not items:
        return []
    try:
        with engine.begin() as conn:
            for doc, asks, statements in items:
                _insert_document(conn, doc, asks, statements, registry)
            if registry is not None:
                save_registry(conn, registry)
        if registry is not None:
            registry.dirty.clear()
        return [Saved(stored=True) for _ in items]
    except Exception:  # noqa: BLE001 — retried one by one below, where the failing document reports itself
        out = []
        for doc, asks, statements in items:
            try:
                out.append(Saved(stored=save_document(engine, doc, asks, registry, statements)))
            except Exception as exc:  # noqa: BLE001
                out.append(Saved(error=exc))
        return out


def _document_from_row(row, block_rows, turn_rows) -> Document:
    return Document(
        id=row.id, source=row.source, format=row.format, text=row.text, kind=row.kind, title=row.title,
        date=row.date, author=row.author, author_org=row.author_org, addressees=list(row.addressees or []),
        signatories=list(row.signatories or []), metadata=dict(row.meta or {}), path=row.path,
        blocks=[Block(kind=b.kind, start=b.start, end=b.end, number=b.number, lead_in=b.lead_in, level=b.level,
                      section=b.section) for b in block_rows],
        turns=[Turn(speaker=t.speaker, role=t.role, organisation=t.organisation, start=t.start, end=t.end,
                    label_start=t.label_start) for t in turn_rows],
    )


def load_document(engine: Engine, doc_id: str) -> Document | None:
    with engine.connect() as conn:
        row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
        if row is None:
            return None
        block_rows = conn.execute(select(blocks).where(blocks.c.doc_id == doc_id).order_by(blocks.c.idx)).all()
        turn_rows = conn.execute(select(turns).where(turns.c.doc_id == doc_id).order_by(turns.c.idx)).all()
    return _document_from_row(row, block_rows, turn_rows)


def list_documents(engine: Engine, limit: int | None = None, contains: str | None = None,
                   newest_first: bool = False) -> list[dict]:
    """Document metadata (no text), oldest first (or newest first), with block and turn counts;
    ``contains``: only documents whose name contains it; ``limit``: at most this many."""
    # counted per listed document through the (doc_id, idx) keys: a page of ten thousand costs a page
    bcount = select(func.count()).where(blocks.c.doc_id == documents.c.id).scalar_subquery()
    tcount = select(func.count()).where(turns.c.doc_id == documents.c.id).scalar_subquery()
    q = (
        select(
            documents.c.id, documents.c.source, documents.c.format, documents.c.kind, documents.c.title,
            documents.c.date, documents.c.author, documents.c.author_org, documents.c.addressees,
            documents.c.signatories, documents.c.ingested_at, func.length(documents.c.text).label("chars"),
            bcount.label("blocks"), tcount.label("turns"),
        )
        .order_by(*((documents.c.ingested_at.desc(), documents.c.source.desc()) if newest_first
                    else (documents.c.ingested_at, documents.c.source)))
    )
    if contains:
        q = q.where(documents.c.source.ilike(f"%{contains}%"))
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
        speakers: dict[str, list[str]] = {}
        tq = select(turns.c.doc_id, turns.c.speaker).order_by(turns.c.doc_id, turns.c.idx)
        if limit or contains:
            tq = tq.where(turns.c.doc_id.in_([r["id"] for r in rows]))
        for doc_id, speaker in conn.execute(tq):
            if speaker not in speakers.setdefault(doc_id, []):
                speakers[doc_id].append(speaker)
    for r in rows:
        r["speakers"] = speakers.get(r["id"], [])
    return rows


def count_documents(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(documents)).scalar_one()


def delete_document(engine: Engine, doc_id: str) -> bool:
    """Delete a document; its blocks, turns and asks go with it (explicitly, not only by cascade)."""
    with engine.begin() as conn:
        st_ids = select(statements_table.c.id).where(statements_table.c.doc_id == doc_id)
        conn.execute(delete(statement_themes).where(statement_themes.c.statement_id.in_(st_ids)))
        conn.execute(delete(statements_table).where(statements_table.c.doc_id == doc_id))
        doc_answers = select(answers_table.c.id).where(answers_table.c.doc_id == doc_id)
        conn.execute(delete(answer_themes).where(answer_themes.c.answer_id.in_(doc_answers)))
        conn.execute(delete(answers_table).where(answers_table.c.doc_id == doc_id))
        doc_asks = select(asks_table.c.id).where(asks_table.c.doc_id == doc_id)
        conn.execute(delete(ask_themes).where(ask_themes.c.ask_id.in_(doc_asks)))
        conn.execute(delete(ask_holders).where(ask_holders.c.ask_id.in_(doc_asks)))
        conn.execute(delete(asks_table).where(asks_table.c.doc_id == doc_id))
        conn.execute(delete(blocks).where(blocks.c.doc_id == doc_id))
        conn.execute(delete(turns).where(turns.c.doc_id == doc_id))
        return conn.execute(delete(documents).where(documents.c.id == doc_id)).rowcount > 0



def unthemed_documents(engine: Engine) -> list[str]:
    """Documents stored whose asks have not been through theming yet (an ingest interrupted after storing,
    or one run with --no-themes), in the order they came."""
    with engine.connect() as conn:
        return list(conn.execute(select(documents.c.id).where(documents.c.themed_at.is_(None))
                                 .order_by(documents.c.ingested_at, documents.c.id)).scalars())


def mark_themed(engine: Engine, doc_ids: Sequence[str] | None = None) -> None:
    """The theming stage is done for these documents (None: for every document)."""
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        q = documents.update().where(documents.c.themed_at.is_(None))
        if doc_ids is not None:
            ids = list(doc_ids)
            for i in range(0, len(ids), 500):
                conn.execute(q.where(documents.c.id.in_(ids[i:i + 500])).values(themed_at=now))
            return
        conn.execute(q.values(themed_at=now))
