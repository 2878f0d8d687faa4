"""The database schema (SQLAlchemy Core tables).

Later stages add tables here and bump ``SCHEMA_VERSION``; ``db.migrate`` creates missing
tables and applies the listed column migrations in order — it never drops user data.
"""
from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

SCHEMA_VERSION = 2  # 2: asks, organisations

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
    Column("source", String(512), nullable=False),  # base name, or file.csv#<response id>
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
)

blocks = Table(
    "blocks",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("number", String(16)),
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

# version → list of SQL statements that bring a database from version-1 up to it
# (added columns, new indexes). Tables that are new in a version need no entry: create_all makes them.
MIGRATIONS: dict[int, list[str]] = {}

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
    Column("number", String(16)),
    Column("lead_in_id", String(32)),
    Column("rule", String(48), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("themes", JSON, nullable=False),
)
Index("ix_asks_doc", asks.c.doc_id, asks.c.start)
Index("ix_asks_holder", asks.c.holder)
Index("ix_asks_type", asks.c.type)

organisations = Table(
    "organisations",
    metadata,
    Column("name", String(512), primary_key=True),
    Column("aliases", JSON, nullable=False),
    Column("acronym", String(32)),
    Column("kind", String(16), nullable=False),
    Column("origin", String(16), nullable=False),  # builtin | document | user
)
