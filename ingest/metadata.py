"""Format-free metadata: kind, date, author, author organisation, addressees, turns, signatories."""
from __future__ import annotations

from .records import Document


def enrich(doc: Document) -> Document:
    """Fill the metadata fields a reader left empty (placeholder: filled in by the metadata work)."""
    return doc
