"""Positions: organisation × theme × stance, each with the quote that shows it, assembled from asks
(each holder of an ask — its holder, every signatory of a joint letter — calls for, or commits to, what
it asks) and from stance statements (welcomes, supports, concerned, opposes, views reported from
witnesses). Counting, filtering and paging happen in the database, so the views stay fast at
tens of thousands of documents."""
from __future__ import annotations

from sqlalchemy import Engine, case, func, literal, select, union_all

from .batches import chunks
from .schema import ask_holders, ask_themes, asks, documents, statement_themes, statements, themes

POSITION_FIELDS = ["organisation", "theme", "stance", "doc", "evidence", "start", "end", "speaker", "source", "doc_id"]
PRO = ("supports", "calls_for", "welcomes")  # for a theme, in the summary's "for" column
CON = ("opposes",)


SIGNATORY = "signatory"  # the source of a co-signer's share of a joint letter's asks and stances


def _positions(theme: str | None = None, organisation: str | None = None, co_signers: bool = False):
    """Every position as one selectable (ask holders and stance statements, UNION ALL). A joint letter counts once,
    under its own name or its lead signatory; ``co_signers``: every other signatory holds its positions too."""
    stance = case((asks.c.type == "commitment", literal("commits")), else_=literal("calls_for"))
    a = (select(ask_holders.c.organisation, themes.c.name.label("theme"), stance.label("stance"),
                documents.c.source.label("doc"), asks.c.text.label("evidence"), asks.c.start, asks.c.end,
                asks.c.speaker, ask_holders.c.source, asks.c.doc_id)
         .select_from(ask_holders.join(asks, asks.c.id == ask_holders.c.ask_id)
                      .join(ask_themes, ask_themes.c.ask_id == asks.c.id).join(themes, themes.c.id == ask_themes.c.theme_id)
                      .join(documents, documents.c.id == asks.c.doc_id)))
    s = (select(statements.c.organisation, themes.c.name.label("theme"), statements.c.stance,
                documents.c.source.label("doc"), statements.c.text.label("evidence"), statements.c.start, statements.c.end,
                statements.c.speaker, statements.c.source, statements.c.doc_id)
         .select_from(statements.join(statement_themes, statement_themes.c.statement_id == statements.c.id)
                      .join(themes, themes.c.id == statement_themes.c.theme_id)
                      .join(documents, documents.c.id == statements.c.doc_id)))
    if not co_signers:
        a = a.where(ask_holders.c.source != SIGNATORY)
        s = s.where(statements.c.source != SIGNATORY)
    if theme:
        a = a.where((themes.c.name == theme) | (themes.c.id == theme))
        s = s.where((themes.c.name == theme) | (themes.c.id == theme))
    if organisation:
        a = a.where(ask_holders.c.organisation == organisation)
        s = s.where(statements.c.organisation == organisation)
    return union_all(a, s).subquery("positions")


def query_positions(engine: Engine, theme: str | None = None, organisation: str | None = None,
                    limit: int | None = None, offset: int = 0, co_signers: bool = False) -> list[dict]:
    """Positions, ordered by theme, organisation, document and place; filters match names exactly
    (theme: name or id); ``limit``/``offset`` page through them."""
    p = _positions(theme, organisation, co_signers)
    q = select(*[p.c[f] for f in POSITION_FIELDS]).order_by(p.c.theme, p.c.organisation, p.c.doc, p.c.start, p.c.stance)
    if limit:
        q = q.limit(limit)
    if offset:
        q = q.offset(offset)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def count_positions(engine: Engine, theme: str | None = None, organisation: str | None = None,
                    co_signers: bool = False) -> int:
    p = _positions(theme, organisation, co_signers)
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(p)).scalar_one()


def position_counts(engine: Engine, organisations: list[str] | None = None,
                    co_signers: bool = False) -> list[tuple[str, str, str, int]]:
    """(organisation, theme, stance, positions), counted in the database; ``organisations``: only these."""
    p = _positions(co_signers=co_signers)
    q = select(p.c.organisation, p.c.theme, p.c.stance, func.count()).group_by(p.c.organisation, p.c.theme, p.c.stance)
    if organisations is not None:
        q = q.where(p.c.organisation.in_(organisations))
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(q.order_by(p.c.organisation, p.c.theme, p.c.stance))]


def top_organisations(engine: Engine, limit: int | None = None, co_signers: bool = False) -> list[tuple[str, int]]:
    """Organisations by how many asks and stance statements they hold, most first (ties by name):
    counted on the organisation indexes, without the theme joins (fast at any size). ``co_signers``: a joint
    letter's co-signers count as holders too."""
    a, s = select(ask_holders.c.organisation), select(statements.c.organisation)
    if not co_signers:
        a, s = a.where(ask_holders.c.source != SIGNATORY), s.where(statements.c.source != SIGNATORY)
    held = union_all(a, s).subquery("held")
    n = func.count().label("n")
    q = select(held.c.organisation, n).group_by(held.c.organisation).order_by(n.desc(), held.c.organisation)
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        return [(r[0], r[1]) for r in conn.execute(q)]


def organisations_of(engine: Engine, doc_ids: list[str]) -> list[str]:
    """The organisations holding asks or statements in these documents."""
    if not doc_ids:
        return []
    found: set[str] = set()
    with engine.connect() as conn:
        for part in chunks(doc_ids):
            q = union_all(select(ask_holders.c.organisation).join(asks, asks.c.id == ask_holders.c.ask_id)
                          .where(asks.c.doc_id.in_(part), ask_holders.c.source != SIGNATORY),
                          select(statements.c.organisation).where(statements.c.doc_id.in_(part),
                                                                  statements.c.source != SIGNATORY))
            found |= set(conn.execute(q).scalars())
    return sorted(found)


def conflicts(engine: Engine, names: int = 10) -> list[dict]:
    """Themes where organisations disagree: one opposes, another calls for, supports or welcomes.
    Starts from the few opposing statements and looks for support on their themes only, so it stays
    fast however many positions there are. Each: theme, against (all), for (the first ``names``),
    ``more_for`` when there are more."""
    opposed = (select(themes.c.id, themes.c.name, statements.c.organisation)
               .select_from(statements.join(statement_themes, statement_themes.c.statement_id == statements.c.id)
                            .join(themes, themes.c.id == statement_themes.c.theme_id))
               .where(statements.c.stance.in_(CON), statements.c.source != SIGNATORY).distinct())
    out = []
    with engine.connect() as conn:
        against: dict[tuple[str, str], set[str]] = {}
        for tid, name, org in conn.execute(opposed):
            against.setdefault((tid, name), set()).add(org)
        for (tid, name), con in sorted(against.items(), key=lambda kv: kv[0][1]):
            cap = names + len(con) + 1
            from_asks = (select(ask_holders.c.organisation)
                         .select_from(ask_holders.join(asks, asks.c.id == ask_holders.c.ask_id)
                                      .join(ask_themes, ask_themes.c.ask_id == asks.c.id))
                         .where(ask_themes.c.theme_id == tid, asks.c.type != "commitment",
                                ask_holders.c.source != SIGNATORY).distinct().limit(cap))
            from_statements = (select(statements.c.organisation)
                               .select_from(statements.join(statement_themes, statement_themes.c.statement_id == statements.c.id))
                               .where(statement_themes.c.theme_id == tid, statements.c.stance.in_(PRO),
                                      statements.c.source != SIGNATORY).distinct().limit(cap))
            pro = sorted(set(conn.execute(from_asks).scalars()) | set(conn.execute(from_statements).scalars()))
            if any(a != b for a in pro for b in con):
                out.append({"theme": name, "against": sorted(con), "for": pro[:names], "more_for": len(pro) > names})
    return out


def theme_positions_summary(engine: Engine, co_signers: bool = False) -> list[dict]:
    """Per theme: organisations by stance with counts, and conflicts (support or calls for it against
    opposition on the same theme), largest theme first."""
    by_theme: dict[str, dict] = {}
    for org, theme, stance, n in position_counts(engine, co_signers=co_signers):
        t = by_theme.setdefault(theme, {"theme": theme, "stances": {}, "positions": 0})
        t["positions"] += n
        t["stances"].setdefault(stance, {})[org] = n
    out = []
    for t in by_theme.values():
        pro = set().union(*(t["stances"].get(s, {}) for s in PRO))
        con = set().union(*(t["stances"].get(s, {}) for s in CON))
        t["conflict"] = any(a != b for a in pro for b in con)  # two organisations disagree, not one hedging
        t["for"] = sorted(pro)
        t["against"] = sorted(con)
        out.append(t)
    return sorted(out, key=lambda t: (-t["positions"], t["theme"]))
