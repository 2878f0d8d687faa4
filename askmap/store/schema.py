"""The database schema (SQLAlchemy Core tables).

Later stages add tables here and bump ``SCHEMA_VERSION``; ``db.migrate`` creates missing
tables and applies the listed column migrations in order — it never drops user data.
"""
from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text

SCHEMA_VERSION = 1

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
