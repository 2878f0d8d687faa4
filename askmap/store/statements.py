"""Stance statements in the store that wait for the learned stance (:mod:`analysis.statement_stance`): read them
a page at a time, and write the model's decision — a stance, or none (the row goes)."""
from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Engine, bindparam, case, delete, select, update

from analysis.statement_stance import CANDIDATE, LEARNED

from .batches import chunks
from .schema import statement_themes, statements

PAGE = 5000  # candidates read, decided and written at a time


def undecided(engine: Engine, limit: int = PAGE) -> list[tuple[str, str]]:
    """(statement id, text) of up to ``limit`` candidates not decided yet, in id order."""
    q = (select(statements.c.id, statements.c.text).where(statements.c.stance == CANDIDATE)
         .order_by(statements.c.id).limit(limit))
    with engine.connect() as conn:
        return [(r.id, r.text) for r in conn.execute(q)]


def decide(engine: Engine, decisions: Mapping[str, str | None]) -> None:
    """Each candidate's stance (rule ``learned``; a candidate of the author's own becomes a ``stance`` statement, a
    co-signer's copy stays ``signatory``), or None: the candidate is deleted. One transaction."""
    keep = [{"sid": k, "st": v} for k, v in decisions.items() if v]
    drop = [k for k, v in decisions.items() if not v]
    with engine.begin() as conn:
        for part in chunks(drop):
            conn.execute(delete(statement_themes).where(statement_themes.c.statement_id.in_(part)))
            conn.execute(delete(statements).where(statements.c.id.in_(part)))
        if keep:
            conn.execute(update(statements).where(statements.c.id == bindparam("sid"))
                         .values(stance=bindparam("st"), rule=LEARNED,
                                 source=case((statements.c.source == CANDIDATE, "stance"), else_=statements.c.source)),
                         keep)
