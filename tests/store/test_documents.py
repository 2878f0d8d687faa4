"""The document store: round trip, duplicates, one transaction per document, migrations."""
import pytest
from sqlalchemy import inspect, select, text

from askmap.store import count_documents, delete_document, list_documents, load_document, open_engine, save_document
from askmap.store import db as dbmod
from askmap.store import schema
from ingest.records import Block, Document, Turn


def make_doc(n=1) -> Document:
    body = f"Dear Minister,\n\nWe urge you to fund {n} new bus routes.\n\nYours sincerely,\nAnn Lee"
    return Document(
        id=f"hash{n}", source=f"letter{n}.txt", format="txt", text=body, kind="letter", date="2024-05-01",
        author="Ann Lee", author_org="Bus Users Group", addressees=["Minister for Transport"],
        signatories=["A", "B"], metadata={"k": "v"},
        blocks=[Block("salutation", 0, 14), Block("paragraph", 16, 16 + len(f"We urge you to fund {n} new bus routes."))],
        turns=[Turn("Ann Lee", "Chair", "Bus Users Group", 16, 40, 10)],
    )


@pytest.fixture
def engine(tmp_path):
    return open_engine(str(tmp_path / "t.db"))


def test_round_trip(engine):
    doc = make_doc()
    assert save_document(engine, doc) is True
    back = load_document(engine, doc.id)
    assert back.text == doc.text and back.blocks == doc.blocks and back.turns == doc.turns
    assert back.addressees == doc.addressees and back.signatories == ["A", "B"] and back.metadata == {"k": "v"}
    row = list_documents(engine)[0]
    assert row["blocks"] == 2 and row["turns"] == 1 and row["author_org"] == "Bus Users Group"


def test_duplicate_is_stored_once(engine):
    assert save_document(engine, make_doc()) is True
    assert save_document(engine, make_doc()) is False
    assert count_documents(engine) == 1


def test_failure_mid_write_leaves_database_as_it_was(engine, monkeypatch):
    save_document(engine, make_doc(1))
    bad = make_doc(2)
    bad.turns = [Turn(None, None, None, 0, 1)]  # speaker NOT NULL: the last insert of the transaction fails
    with pytest.raises(Exception):
        save_document(engine, bad)
    assert count_documents(engine) == 1
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from blocks where doc_id='hash2'")).scalar() == 0


def test_delete_takes_blocks_and_turns(engine):
    save_document(engine, make_doc())
    assert delete_document(engine, "hash1")
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from blocks")).scalar() == 0
        assert conn.execute(text("select count(*) from turns")).scalar() == 0


def test_reopening_keeps_data_and_migrates_old_schema(tmp_path, monkeypatch):
    path = str(tmp_path / "m.db")
    engine = open_engine(path)
    save_document(engine, make_doc())
    engine.dispose()
    # pretend a newer askmap adds a column in the next schema version
    nxt = schema.SCHEMA_VERSION + 1
    monkeypatch.setattr(schema, "SCHEMA_VERSION", nxt)
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", nxt)
    monkeypatch.setitem(schema.MIGRATIONS, nxt, ["ALTER TABLE documents ADD COLUMN language VARCHAR(8)"])
    engine = open_engine(path)
    assert dbmod.schema_version(engine) == nxt
    assert "language" in {c["name"] for c in inspect(engine).get_columns("documents")}
    assert load_document(engine, "hash1").text == make_doc().text


def test_newer_database_is_refused(tmp_path):
    path = str(tmp_path / "n.db")
    engine = open_engine(path)
    with engine.begin() as conn:
        conn.execute(schema.schema_info.update().values(value="999"))
    with pytest.raises(RuntimeError, match="newer"):
        open_engine(path)


@pytest.mark.sqlite_only
def test_url_resolution(tmp_path, monkeypatch):
    monkeypatch.delenv("ASKMAP_DB", raising=False)
    assert dbmod.resolve_url(":memory:") == "sqlite://"
    assert dbmod.resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"  # psycopg 3, the declared driver
    assert dbmod.resolve_url("postgresql+psycopg2://u@h/db") == "postgresql+psycopg2://u@h/db"
    assert dbmod.resolve_url("x.db").startswith("sqlite:////") and dbmod.resolve_url("x.db").endswith("/x.db")
    monkeypatch.setenv("ASKMAP_DB", str(tmp_path / "env.db"))
    assert dbmod.resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    mem = open_engine(":memory:")
    save_document(mem, make_doc())
    assert count_documents(mem) == 1


@pytest.mark.sqlite_only
def test_an_old_database_is_upgraded_without_losing_data(tmp_path):
    """A database from schema version 2 (documents, blocks, turns, asks, organisations) opens with today's askmap."""
    import sqlite3

    path = tmp_path / "old.db"
    engine = open_engine(str(path))
    save_document(engine, make_doc())
    engine.dispose()
    con = sqlite3.connect(path)  # take it back to version 2: drop what came later, as an old askmap left it
    for table in ("statement_themes", "statements", "ask_themes", "themes", "theme_edits", "embeddings"):
        con.execute(f"DROP TABLE {table}")
    con.execute("ALTER TABLE asks DROP COLUMN context")
    con.execute("UPDATE schema_info SET value='2' WHERE key='version'")
    con.commit()
    con.close()
    engine = open_engine(str(path))
    assert dbmod.schema_version(engine) == schema.SCHEMA_VERSION
    assert "context" in {c["name"] for c in inspect(engine).get_columns("asks")}
    assert "context" in {c["name"] for c in inspect(engine).get_columns("statements")}
    assert load_document(engine, "hash1").text == make_doc().text


@pytest.mark.sqlite_only
def test_a_version_5_database_gains_the_holders_of_its_asks(tmp_path):
    """Version 6 added ask_holders: an older database's asks get their holders (and a joint letter's
    signatories) on opening, so positions count them."""
    import sqlite3

    from analysis.records import Ask
    from askmap.store.positions import top_organisations

    path = tmp_path / "v5.db"
    engine = open_engine(str(path))
    doc = make_doc()
    text = "We urge you to fund 1 new bus routes."
    start = doc.text.index(text)
    joint = Ask(id="a1", doc_id=doc.id, doc=doc.source, start=start, end=start + len(text), text=text,
                type="recommendation", holder="Bus Users Group", holder_kind="signatories", addressee=None, rule="test",
                confidence=1.0)
    save_document(engine, doc, [joint])
    with engine.begin() as conn:
        conn.execute(schema.themes.insert().values(id="t", name="Buses", keywords=[], origin="seed", top_terms=[]))
        conn.execute(schema.ask_themes.insert().values(ask_id="a1", theme_id="t", rank=1, score=1.0))
    assert dict(top_organisations(engine, co_signers=True)) == {"Bus Users Group": 1, "A": 1, "B": 1}
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("DROP TABLE ask_holders")
    con.execute("UPDATE schema_info SET value='5' WHERE key='version'")
    con.commit()
    con.close()
    engine = open_engine(str(path))
    assert dbmod.schema_version(engine) == schema.SCHEMA_VERSION
    assert dict(top_organisations(engine, co_signers=True)) == {"Bus Users Group": 1, "A": 1, "B": 1}
    assert delete_document(engine, doc.id)
    with engine.connect() as conn:
        assert conn.execute(select(schema.ask_holders)).all() == []


def test_the_registry_saves_what_documents_taught_it_and_only_that(engine):
    from analysis.records import Organisation
    from askmap.store import load_registry
    from askmap.store.organisations import list_organisations

    registry = load_registry(engine)
    assert registry.dirty == set()
    registry.learn(Organisation("Eastfield Residents Association", ["ERA residents"], None, "organisation"))
    assert "Eastfield Residents Association" in registry.dirty
    save_document(engine, make_doc(1), registry=registry)
    assert registry.dirty == set()  # committed: the next save starts clean
    stored = {o["name"]: o for o in list_organisations(engine, include_builtin=False)}
    assert stored["Eastfield Residents Association"]["aliases"] == ["ERA residents"]
    registry.learn(Organisation("Eastfield Residents Association", ["Eastfield residents"], None, "organisation"))
    save_document(engine, make_doc(2), registry=registry)  # a new alias for a known organisation is merged in
    stored = {o["name"]: o for o in list_organisations(engine, include_builtin=False)}
    assert sorted(stored["Eastfield Residents Association"]["aliases"]) == ["ERA residents", "Eastfield residents"]
    assert load_registry(engine).canonical("Eastfield residents") == "Eastfield Residents Association"


def test_a_batch_is_one_transaction_and_a_bad_document_loses_only_itself(engine):
    from analysis.records import Ask
    from askmap.store.documents import save_documents

    good1, bad, good2 = make_doc(1), make_doc(2), make_doc(3)
    text = "We urge you to fund 2 new bus routes."
    start = bad.text.index(text)
    twin = Ask(id="same", doc_id=bad.id, doc=bad.source, start=start, end=start + len(text), text=text,
               type="recommendation", holder="Bus Users Group", holder_kind="author", addressee=None, rule="t", confidence=1.0)
    saved = save_documents(engine, [(good1, [], []), (bad, [twin, twin], []), (good2, [], [])])  # two asks, one id
    assert [s.stored for s in saved] == [True, False, True]
    assert saved[1].error is not None and "unique" in str(saved[1].error).lower()
    assert {d["id"] for d in list_documents(engine)} == {"hash1", "hash3"}  # the bad one left nothing behind
    assert load_document(engine, "hash2") is None
    again = save_documents(engine, [(good1, [], []), (make_doc(4), [], [])])  # already stored: not written twice
    assert [s.stored for s in again] == [False, True] and count_documents(engine) == 3
