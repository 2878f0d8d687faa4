"""Asks: writing them with their document, and reading them back with filters."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Engine, func, or_, select

from analysis.records import Ask

from .schema import ask_holders, ask_themes, asks, documents, themes

ASK_FIELDS = ["id", "doc", "doc_id", "start", "end", "text", "type", "holder", "holder_kind", "speaker", "addressee",
              "number", "lead_in_id", "themes", "confidence", "rule"]


def holders_of(ask: Ask, signatories: Sequence[str] = ()) -> list[dict]:
    """The organisations that hold an ask: its holder, and every signatory of a joint letter."""
    rows = [{"ask_id": ask.id, "organisation": ask.holder, "source": "ask"}] if ask.holder else []
    if ask.holder_kind == "signatories":
        rows += [{"ask_id": ask.id, "organisation": o, "source": "signatory"} for o in dict.fromkeys(signatories)
                 if o and o != ask.holder]
    return rows


def insert_asks(conn: Connection, items: Sequence[Ask], signatories: Sequence[str] = ()) -> None:
    if not items:
        return
    conn.execute(asks.insert(), [
        {"id": a.id, "doc_id": a.doc_id, "start": a.start, "end": a.end, "text": a.text, "type": a.type,
         "holder": a.holder, "holder_kind": a.holder_kind, "speaker": a.speaker, "addressee": a.addressee,
         "number": a.number, "lead_in_id": a.lead_in_id, "rule": a.rule, "confidence": a.confidence,
         "themes": list(a.themes), "context": a.context}
        for a in items
    ])
    holders = [h for a in items for h in holders_of(a, signatories)]
    if holders:
        conn.execute(ask_holders.insert(), holders)


def _filtered(q, *, type: str | None = None, holder: str | None = None, addressee: str | None = None,
              doc: str | None = None, text: str | None = None, theme: str | None = None, date_from: str | None = None,
              date_to: str | None = None):
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
        wanted = select(themes.c.id).where(or_(themes.c.name == theme, themes.c.id == theme))
        # the theme's ids first, so the asks come from the theme index, not a scan of every assignment
        q = q.where(asks.c.id.in_(select(ask_themes.c.ask_id).where(ask_themes.c.theme_id.in_(wanted))))
    if date_from:
        q = q.where(documents.c.date >= date_from)
    if date_to:
        q = q.where(documents.c.date <= date_to)
    return q


def query_asks(engine: Engine, *, limit: int | None = None, offset: int = 0, **filters) -> list[dict]:
    """Asks as dicts in the public JSONL shape (see INTERFACES.md), in document and text order.
    Filters: type, holder, addressee, doc, text (contains), theme (name or id), date_from, date_to."""
    q = _filtered(select(asks, documents.c.source.label("doc")).join(documents, documents.c.id == asks.c.doc_id), **filters)
    q = q.order_by(documents.c.source, asks.c.start).offset(offset)
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(q).all()
    return [{k: (r._mapping[k] if k != "themes" else list(r._mapping[k] or [])) for k in ASK_FIELDS} for r in rows]


def count_asks(engine: Engine, **filters) -> int:
    """How many asks the same filters as :func:`query_asks` select."""
    q = _filtered(select(func.count()).select_from(asks.join(documents, documents.c.id == asks.c.doc_id)), **filters)
    with engine.connect() as conn:
        return conn.execute(q).scalar_one()


def ask_breakdown(engine: Engine, field: str, limit: int | None = None, **filters) -> list[tuple[str, int]]:
    """Counts of the selected asks by ``field`` (type, holder, addressee), largest first."""
    col = asks.c[field]
    n = func.count().label("n")
    q = _filtered(select(col, n).select_from(asks.join(documents, documents.c.id == asks.c.doc_id))
                  .where(col.is_not(None)), **filters).group_by(col).order_by(n.desc(), col)
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        return [(r[0], r[1]) for r in conn.execute(q)]
