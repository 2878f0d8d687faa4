"""The database schema (SQLAlchemy Core tables).

Later stages add tables here and bump ``SCHEMA_VERSION``; ``db.migrate`` creates missing
tables and applies the listed column migrations in order — it never drops user data.
"""
from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text

SCHEMA_VERSION = 8  # 2: asks, organisations; 3: embeddings, themes, ask_themes, theme_edits; 4: statements; 5: statements.context; 6: ask_holders; 7: answers, answer_themes, themes.question; 8: documents.themed_at, no length limits on text from documents

metadata = MetaData()

schema_info = Table(
    "schema_info",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", String(255), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the content
    Column("source", Text, nullable=False),  # base name, or file.csv#<response id>
    Column("path", Text),
    Column("format", String(16), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("title", Text),
    Column("date", String(10)),  # ISO yyyy-mm-dd
    Column("author", Text),
    Column("author_org", Text),
    Column("addressees", JSON, nullable=False),
    Column("signatories", JSON, nullable=False),
    Column("meta", JSON, nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("themed_at", DateTime(timezone=True)),  # v8: null while its asks wait for themes (an interrupted batch)
)

blocks = Table(
    "blocks",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("number", Text),
    Column("lead_in", Integer),
    Column("level", Integer, nullable=False, default=0),
    Column("section", Text),
)

turns = Table(
    "turns",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("speaker", Text, nullable=False),
    Column("role", Text),
    Column("organisation", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("label_start", Integer),
)

Index("ix_documents_source", documents.c.source)
Index("ix_documents_kind", documents.c.kind)
Index("ix_documents_date", documents.c.date)
Index("ix_documents_ingested", documents.c.ingested_at)

asks = Table(
    "asks",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("holder", Text),
    Column("holder_kind", String(16), nullable=False),
    Column("speaker", Text),
    Column("addressee", Text),
    Column("number", Text),
    Column("lead_in_id", String(32)),
    Column("rule", String(48), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("themes", JSON, nullable=False),
    Column("context", Text),  # v3: what frames the ask (lead-in, question answered), used for themes
)
Index("ix_asks_doc", asks.c.doc_id, asks.c.start)
Index("ix_asks_holder", asks.c.holder)
Index("ix_asks_type", asks.c.type)

# who holds each ask: its holder, and every signatory of a joint letter (positions are counted from here)
ask_holders = Table(
    "ask_holders",
    metadata,
    Column("ask_id", String(32), ForeignKey("asks.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation", Text, primary_key=True),
    Column("source", String(16), nullable=False),  # ask | signatory
)
Index("ix_ask_holders_org", ask_holders.c.organisation)

organisations = Table(
    "organisations",
    metadata,
    Column("name", Text, primary_key=True),
    Column("aliases", JSON, nullable=False),
    Column("acronym", Text),
    Column("kind", String(16), nullable=False),
    Column("origin", String(16), nullable=False),  # builtin | document | user
)

embeddings = Table(
    "embeddings",
    metadata,
    Column("key", String(40), primary_key=True),  # sha1 of the text
    Column("model", String(64), primary_key=True),
    Column("vector", LargeBinary, nullable=False),  # float32
)

themes = Table(
    "themes",
    metadata,
    Column("id", String(64), primary_key=True),  # stable across re-fits: s-<slug> for seed themes, d-<hash> for discovered
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("keywords", JSON, nullable=False),
    Column("origin", String(16), nullable=False),  # seed | discovered
    Column("edited", Boolean, nullable=False, default=False),  # renamed or added by a user: kept by a re-fit
    Column("merged_into", String(64)),  # a merged theme redirects here
    Column("top_terms", JSON, nullable=False),
    Column("centroid", LargeBinary),
    Column("position", Integer, nullable=False, default=0),
    Column("question", Text),  # v7: a consultation question's own theme (null: for every ask and answer)
)

ask_themes = Table(
    "ask_themes",
    metadata,
    Column("ask_id", String(32), ForeignKey("asks.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", String(64), primary_key=True),
    Column("rank", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("manual", Boolean, nullable=False, default=False),  # moved by a user: a re-fit leaves it alone
)
Index("ix_ask_themes_theme", ask_themes.c.theme_id)

theme_edits = Table(
    "theme_edits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),  # rename | merge | move | add
    Column("args", JSON, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

statements = Table(
    "statements",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("organisation", Text, nullable=False),
    Column("stance", String(16), nullable=False),
    Column("source", String(16), nullable=False),  # stance | reported
    Column("rule", String(48), nullable=False),
    Column("speaker", Text),
    Column("context", Text),
)
Index("ix_statements_doc", statements.c.doc_id)
Index("ix_statements_org", statements.c.organisation)

statement_themes = Table(
    "statement_themes",
    metadata,
    Column("statement_id", String(40), ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", String(64), primary_key=True),
    Column("rank", Integer, nullable=False),
    Column("score", Float, nullable=False),
)
Index("ix_statement_themes_theme", statement_themes.c.theme_id)

# v7: consultation answers. Every (respondent, question) answer of an export, and every other document as one
# answer with no question, with its stance towards the question's proposal and the evidence of it
answers = Table(
    "answers",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("question", Text),
    Column("text", Text, nullable=False),
    Column("response_id", Text),
    Column("respondent", Text, nullable=False),
    Column("organisation", Text),
    Column("respondent_type", Text),
    Column("stance", String(16), nullable=False),  # agree | disagree | mixed | unclear
    Column("stance_rule", String(48)),
    Column("stance_evidence", JSON, nullable=False),  # [{"start", "end"}] into the document's text
)
Index("ix_answers_doc", answers.c.doc_id)
Index("ix_answers_question", answers.c.question)

answer_themes = Table(
    "answer_themes",
    metadata,
    Column("answer_id", String(40), ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", String(64), primary_key=True),
    Column("score", Float, nullable=False),
    Column("start", Integer),  # the sentence that carries the theme (document offsets)
    Column("end", Integer),
    Column("source", String(16), nullable=False),  # machine | analyst (an analyst's tag: never overwritten)
)
Index("ix_answer_themes_theme", answer_themes.c.theme_id)


def _v6_holders(conn) -> None:
    """Every holder of every stored ask: the ask's holder, and each signatory of a joint letter."""
    from sqlalchemy import select

    have = set(map(tuple, conn.execute(select(ask_holders.c.ask_id, ask_holders.c.organisation)).all()))
    rows = conn.execute(select(asks.c.id, asks.c.holder, asks.c.holder_kind, documents.c.signatories)
                        .join(documents, documents.c.id == asks.c.doc_id)).all()
    new = []
    for ask_id, holder, kind, signatories in rows:
        pairs = [(holder, "ask")] if holder else []
        if kind == "signatories":
            pairs += [(s, "signatory") for s in signatories or []]
        for org, source in pairs:
            if (ask_id, org) not in have:
                have.add((ask_id, org))
                new.append({"ask_id": ask_id, "organisation": org, "source": source})
    if new:
        conn.execute(ask_holders.insert(), new)


def _v8_themed_at_and_text(conn) -> None:
    """documents.themed_at (every document stored before this version counts as themed); on PostgreSQL, the
    columns that held text from documents with a length limit become TEXT (SQLite never enforced them)."""
    from sqlalchemy import inspect

    if "themed_at" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        kind = "TIMESTAMP WITH TIME ZONE" if conn.dialect.name == "postgresql" else "TIMESTAMP"
        conn.exec_driver_sql(f"ALTER TABLE documents ADD COLUMN themed_at {kind}")
    conn.execute(documents.update().where(documents.c.themed_at.is_(None)).values(themed_at=documents.c.ingested_at))
    if conn.dialect.name == "postgresql":
        for table, column in (("documents", "source"), ("blocks", "number"), ("asks", "number"),
                              ("organisations", "name"), ("organisations", "acronym")):
            conn.exec_driver_sql(f'ALTER TABLE {table} ALTER COLUMN "{column}" TYPE TEXT')


# version → the steps that bring a database from version-1 up to it: SQL every database understands, or a
# Python function of the connection (idempotent) where SQL would differ between SQLite and PostgreSQL
MIGRATIONS: dict = {
    3: ['ALTER TABLE asks ADD COLUMN context TEXT'],
    5: ['ALTER TABLE statements ADD COLUMN context TEXT'],
    6: [_v6_holders,
        "CREATE INDEX IF NOT EXISTS ix_documents_ingested ON documents (ingested_at)",
        "CREATE INDEX IF NOT EXISTS ix_statements_org ON statements (organisation)"],
    7: ['ALTER TABLE themes ADD COLUMN question TEXT'],  # answers and answer_themes are new tables
    8: [_v8_themed_at_and_text],
}
