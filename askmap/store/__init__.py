"""The store: the SQLAlchemy schema and every query."""
from .asks import ASK_FIELDS, ask_breakdown, count_asks, query_asks
from .db import open_engine, resolve_url, schema_version
from .documents import count_documents, delete_document, list_documents, load_document, save_document
from .organisations import add_organisation, load_registry

__all__ = ["ASK_FIELDS", "ask_breakdown", "count_asks", "add_organisation", "load_registry", "query_asks", "count_documents", "delete_document", "list_documents", "load_document", "open_engine", "resolve_url",
           "save_document", "schema_version"]
