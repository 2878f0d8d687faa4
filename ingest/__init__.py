"""Readers: files → :class:`Document` records. Knows file formats, nothing about asks."""
from .options import ColumnRoles, ReadOptions
from .reader import SUPPORTED_EXTENSIONS, iter_files, read, read_bytes, read_stream, walk
from .records import Block, Document, IngestError, Turn

__all__ = ["Block", "ColumnRoles", "Document", "IngestError", "ReadOptions", "SUPPORTED_EXTENSIONS", "Turn",
           "iter_files", "read", "read_bytes", "read_stream", "walk"]
