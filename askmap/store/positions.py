"""Positions: organisation × theme × stance, each with the quote that shows it, assembled from asks
(the holder calls for, or commits to, what it asks; every signatory of a joint letter holds it too)
and from stance statements (welcomes, supports, concerned, opposes, and views reported from witnesses)."""
from __future__ import annotations

from sqlalchemy import Engine, select

from .schema import ask_themes, asks, documents, statement_themes, statements, themes

POSITION_FIELDS = ["organisation", "theme", "stance", "doc", "evidence", "start", "end", "speaker", "source", "doc_id"]


def query_positions(engine: Engine, theme: str | None = None, organisation: str | None = None) -> list[dict]:
    """Every position, ordered by theme, organisation, document and place; filters match names exactly
    (theme: name or id)."""
    a = (select(asks.c.holder, asks.c.holder_kind, asks.c.type, asks.c.text, asks.c.start, asks.c.end, asks.c.speaker,
                asks.c.doc_id, documents.c.source, documents.c.signatories, themes.c.name, themes.c.id.label("theme_id"))
         .join(ask_themes, ask_themes.c.ask_id == asks.c.id).join(themes, themes.c.id == ask_themes.c.theme_id)
         .join(documents, documents.c.id == asks.c.doc_id))
    s = (select(statements.c.organisation, statements.c.stance, statements.c.text, statements.c.start, statements.c.end,
                statements.c.speaker, statements.c.source, statements.c.doc_id, documents.c.source.label("doc"),
                themes.c.name, themes.c.id.label("theme_id"))
         .join(statement_themes, statement_themes.c.statement_id == statements.c.id)
         .join(themes, themes.c.id == statement_themes.c.theme_id).join(documents, documents.c.id == statements.c.doc_id))
    if theme:
        a = a.where((themes.c.name == theme) | (themes.c.id == theme))
        s = s.where((themes.c.name == theme) | (themes.c.id == theme))
    rows: list[dict] = []
    with engine.connect() as conn:
        for r in conn.execute(a):
            stance = "commits" if r.type == "commitment" else "calls_for"
            holders = [r.holder] if r.holder else []
            if r.holder_kind == "signatories":
                holders += [o for o in (r.signatories or []) if o not in holders]
            for org in holders:
                rows.append({"organisation": org, "theme": r.name, "stance": stance, "doc": r.source, "evidence": r.text,
                             "start": r.start, "end": r.end, "speaker": r.speaker,
                             "source": "ask" if r.holder_kind != "signatories" or org == r.holder else "signatory",
                             "doc_id": r.doc_id})
        for r in conn.execute(s):
            rows.append({"organisation": r.organisation, "theme": r.name, "stance": r.stance, "doc": r.doc,
                         "evidence": r.text, "start": r.start, "end": r.end, "speaker": r.speaker, "source": r.source,
                         "doc_id": r.doc_id})
    if organisation:
        rows = [r for r in rows if r["organisation"] == organisation]
    rows.sort(key=lambda r: (r["theme"], r["organisation"], r["doc"], r["start"]))
    return rows


def theme_positions_summary(engine: Engine) -> list[dict]:
    """Per theme: organisations by stance with counts, and conflicts (support or calls for it against
    opposition on the same theme)."""
    by_theme: dict[str, dict] = {}
    for p in query_positions(engine):
        t = by_theme.setdefault(p["theme"], {"theme": p["theme"], "stances": {}, "positions": 0})
        t["positions"] += 1
        orgs = t["stances"].setdefault(p["stance"], {})
        orgs[p["organisation"]] = orgs.get(p["organisation"], 0) + 1
    out = []
    for t in by_theme.values():
        pro = set(t["stances"].get("supports", {})) | set(t["stances"].get("calls_for", {})) | set(t["stances"].get("welcomes", {}))
        con = set(t["stances"].get("opposes", {}))
        t["conflict"] = any(a != b for a in pro for b in con)  # two organisations disagree, not one hedging
        t["for"] = sorted(pro)
        t["against"] = sorted(con)
        out.append(t)
    return sorted(out, key=lambda t: -t["positions"])
