"""Asks: writing them with their document, and reading them back with filters."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Engine, or_, select

from analysis.records import Ask

from .schema import ask_themes, asks, documents, themes

ASK_FIELDS = ["id", "doc", "doc_id", "start", "end", "text", "type", "holder", "holder_kind", "speaker", "addressee",
              "number", "lead_in_id", "themes", "confidence", "rule"]


def insert_asks(conn: Connection, items: Sequence[Ask]) -> None:
    if not items:
        return
    conn.execute(asks.insert(), [
        {"id": a.id, "doc_id": a.doc_id, "start": a.start, "end": a.end, "text": a.text, "type": a.type,
         "holder": a.holder, "holder_kind": a.holder_kind, "speaker": a.speaker, "addressee": a.addressee,
         "number": a.number, "lead_in_id": a.lead_in_id, "rule": a.rule, "confidence": a.confidence,
         "themes": list(a.themes), "context": a.context}
        for a in items
    ])


def query_asks(engine: Engine, *, type: str | None = None, holder: str | None = None, addressee: str | None = None,
               doc: str | None = None, text: str | None = None, theme: str | None = None, date_from: str | None = None,
               date_to: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Asks as dicts in the public JSONL shape (see INTERFACES.md), in document and text order."""
    q = select(asks, documents.c.source.label("doc")).join(documents, documents.c.id == asks.c.doc_id)
    if type:
        q = q.where(asks.c.type == type)
    if holder:
        q = q.where(asks.c.holder.ilike(f"%{holder}%"))
    if addressee:
        q = q.where(asks.c.addressee.ilike(f"%{addressee}%"))
    if doc:
        q = q.where(or_(documents.c.source.ilike(f"%{doc}%"), documents.c.id == doc))
    if text:
        q = q.where(asks.c.text.ilike(f"%{text}%"))
    if theme:
        q = q.where(asks.c.id.in_(select(ask_themes.c.ask_id).join(themes, themes.c.id == ask_themes.c.theme_id)
                                  .where(or_(themes.c.name == theme, themes.c.id == theme))))
    if date_from:
        q = q.where(documents.c.date >= date_from)
    if date_to:
        q = q.where(documents.c.date <= date_to)
    q = q.order_by(documents.c.source, asks.c.start).offset(offset)
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(q).all()
    return [{k: (r._mapping[k] if k != "themes" else list(r._mapping[k] or [])) for k in ASK_FIELDS} for r in rows]
