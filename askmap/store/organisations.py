"""The organisation registry's table: built-in bodies, those learned from documents, and user entries."""
from __future__ import annotations

from sqlalchemy import Connection, Engine, select

from analysis.organisations import Registry
from analysis.records import Organisation

from .schema import organisations


def load_registry(engine: Engine) -> Registry:
    """The built-in bodies plus every stored entry (user entries last, so that they win on a clash).
    Nothing in it is dirty: a save writes only what documents teach it from here on."""
    registry = Registry.builtin()
    with engine.connect() as conn:  # learned entries first, then the user's, which win any clash
        rows = conn.execute(select(organisations).order_by((organisations.c.origin == "user"), organisations.c.name)).all()
    for r in rows:
        org = Organisation(r.name, list(r.aliases or []), r.acronym, r.kind)
        if r.origin == "user":
            registry.override(org)
        else:
            registry.learn(org)
    registry.dirty.clear()
    return registry


_BUILTIN = Registry.builtin()


def save_registry(conn: Connection, registry: Registry, origin: str = "document") -> None:
    """Store the entries added or changed since the registry was loaded or last saved: those that are
    new or have gained aliases (the built-in list is never copied in). The caller clears
    ``registry.dirty`` once the transaction has committed."""
    builtin = _BUILTIN
    names = sorted(n for n in registry.dirty if n in registry.orgs)
    if not names:
        return
    stored = {r.name: r for r in conn.execute(select(organisations).where(organisations.c.name.in_(names))).all()}
    for org in (registry.orgs[n] for n in names):
        b = builtin.orgs.get(org.name)
        if b is not None and org.name not in registry.seen and sorted(b.aliases) == sorted(org.aliases) and b.acronym == org.acronym:
            continue
        row = stored.get(org.name)
        if row is None:
            conn.execute(organisations.insert().values(name=org.name, aliases=list(org.aliases), acronym=org.acronym,
                                                       kind=org.kind, origin=origin))
        elif sorted(row.aliases or []) != sorted(org.aliases) or row.acronym != org.acronym:
            conn.execute(organisations.update().where(organisations.c.name == org.name)
                         .values(aliases=sorted(set(row.aliases or []) | set(org.aliases)), acronym=row.acronym or org.acronym))


def add_organisation(engine: Engine, org: Organisation) -> None:
    """A user's own entry (extends or corrects the built-in list)."""
    with engine.begin() as conn:
        conn.execute(organisations.delete().where(organisations.c.name == org.name))
        conn.execute(organisations.insert().values(name=org.name, aliases=list(org.aliases), acronym=org.acronym,
                                                   kind=org.kind, origin="user"))


def list_organisations(engine: Engine, include_builtin: bool = True) -> list[dict]:
    """Every organisation the registry knows, with where it came from (builtin, document, user)."""
    with engine.connect() as conn:
        stored = {r.name: dict(r._mapping) for r in conn.execute(select(organisations))}
    rows = dict(stored)
    if include_builtin:
        for org in Registry.builtin().orgs.values():
            rows.setdefault(org.name, {"name": org.name, "aliases": list(org.aliases), "acronym": org.acronym,
                                       "kind": org.kind, "origin": "builtin"})
    return sorted(rows.values(), key=lambda r: r["name"].lower())
