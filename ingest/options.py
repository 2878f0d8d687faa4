"""Options that shape reading; the defaults suit most users."""
from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass
class ColumnRoles:
    """Explicit column roles for a consultation export (header names); None means detect."""

    id: str | None = None
    organisation: str | None = None
    respondent_type: str | None = None
    name: str | None = None
    questions: list[str] | None = None


@dataclass
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    # uncompressed size allowed inside a zip container (DOCX, XLSX), against zip bombs
    max_unzipped_bytes: int = 200 * 1024 * 1024
    columns: ColumnRoles = field(default_factory=ColumnRoles)
