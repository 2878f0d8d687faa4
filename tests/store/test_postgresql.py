"""PostgreSQL as a first-class store (issue 15): what failed only there — an organisation name or a source
name over 512 characters (one failed every document of its batch), NUL bytes, a wrong password (a 118-line
traceback) — on a real server the test starts."""
from askmap.cli import main
from analysis.records import Organisation
from askmap.store import add_organisation, open_engine
from askmap.store.organisations import list_organisations

LONG_ORG = "The " + "Very " * 120 + "Long Name Residents Association"


def test_long_names_and_nul_bytes_are_stored(pg_server, tmp_path, capsys):
    url = pg_server.database("long-names")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / ("a" * 200 + ".txt")).write_text(
        f"Dear Council,\n\nWe ask the council to repair the bridge on Mill Lane.\n\nYours faithfully,\nAnn Lee\n{LONG_ORG}\n")
    (folder / "b.txt").write_text("Dear Council,\n\nWe urge the council to light the towpath.\n\nYours,\nBo\n")
    (folder / "c.csv").write_text("ID,Organisation,Q1 Do you agree with the plan?\n"
                                  f"R-{'9' * 600}\x00x,Group\x00Name,We ask the council to fund it.\n", encoding="utf-8")
    code = main(["--db", url, "ingest", "--no-themes", str(folder)])
    out = capsys.readouterr().out
    assert code == 1, out
    assert out.count(": ok") == 2, out
    assert "c.csv: error: binary data, not text (NUL bytes)" in out  # refused the same on both databases
    engine = open_engine(url)
    add_organisation(engine, Organisation(LONG_ORG, acronym="VL" * 40))
    assert LONG_ORG in {o["name"] for o in list_organisations(engine)}
    main(["--db", url, "docs", "--format", "jsonl"])
    docs = capsys.readouterr().out
    assert "a" * 200 in docs


def test_a_long_source_and_nul_characters_are_stored_the_same_as_on_sqlite(pg_server):
    from askmap.store import load_document, save_document
    from ingest.records import Document

    url = pg_server.database("nul")
    engine = open_engine(url)
    text = "We ask the council\x00 to fund the ferry."
    doc = Document(id="n" * 64, source="export.csv#" + "9" * 600, format="csv", text=text, author_org="Ferry\x00Users",
                   metadata={"respondent": "R\x00-1"})
    assert save_document(engine, doc)
    got = load_document(engine, "n" * 64)
    assert got.text == text.replace("\x00", " ") and len(got.text) == len(text)  # offsets stay true
    assert got.source.endswith("9" * 600) and got.author_org == "Ferry Users" and got.metadata["respondent"] == "R -1"


def test_a_wrong_password_is_one_line(pg_server, capsys):
    url = pg_server.admin_url.replace("askmap@", "nobody:wrong@").replace("/postgres", "/nosuchdb")
    assert main(["--db", url, "docs"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("error: cannot use the database postgresql+psycopg://nobody:***@") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_an_older_postgresql_database_is_migrated(pg_server):
    """The migrations run on PostgreSQL too: a version-5 database (no ask_holders, no themed_at, varchar
    columns) opens at today's version with its asks' holders and its documents counted as themed."""
    from sqlalchemy import inspect, select, text

    from analysis.records import Ask
    from askmap.store import db as dbmod
    from askmap.store import load_document, save_document, schema
    from tests.store.test_documents import make_doc

    url = pg_server.database("old-schema")
    engine = open_engine(url)
    doc = make_doc()
    sentence = "We urge you to fund 1 new bus routes."
    start = doc.text.index(sentence)
    save_document(engine, doc, [Ask(id="a1", doc_id=doc.id, doc=doc.source, start=start, end=start + len(sentence),
                                    text=sentence, type="recommendation", holder="Bus Users Group",
                                    holder_kind="author", addressee=None, rule="test", confidence=1.0)])
    with engine.begin() as conn:  # back to version 5, as an old askmap left it
        conn.execute(text("DROP TABLE ask_holders"))
        conn.execute(text("ALTER TABLE documents DROP COLUMN themed_at"))
        conn.execute(text("ALTER TABLE documents ALTER COLUMN source TYPE VARCHAR(512)"))
        conn.execute(text("UPDATE schema_info SET value = '5' WHERE key = 'version'"))
    engine.dispose()
    engine = open_engine(url)
    assert dbmod.schema_version(engine) == schema.SCHEMA_VERSION
    with engine.connect() as conn:
        assert conn.execute(select(schema.ask_holders.c.organisation)).scalars().all() == ["Bus Users Group"]
        assert conn.execute(select(schema.documents.c.themed_at)).scalar() is not None
    source = next(c for c in inspect(engine).get_columns("documents") if c["name"] == "source")
    assert str(source["type"]).upper() == "TEXT"
    assert load_document(engine, doc.id).text == doc.text
