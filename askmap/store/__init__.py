"""The store: the SQLAlchemy schema and every query."""
from .db import open_engine, resolve_url, schema_version
from .documents import count_documents, delete_document, list_documents, load_document, save_document

__all__ = ["count_documents", "delete_document", "list_documents", "load_document", "open_engine", "resolve_url",
           "save_document", "schema_version"]
