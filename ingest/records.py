"""Typed records that flow out of the ingest stage.

Every offset is a character offset into ``Document.text``; it never changes after
ingest, so ``doc.text[block.start:block.end]`` is always the block's text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

# Block kinds
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
FOOTNOTE = "footnote"
SIGNATURE = "signature"
PAGE_BREAK = "page_break"
ADDRESS = "address"  # letterhead / address block lines
SALUTATION = "salutation"  # "Dear …"
CLOSING = "closing"  # "Yours sincerely"
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, FOOTNOTE, SIGNATURE, PAGE_BREAK, ADDRESS, SALUTATION, CLOSING)

# Document kinds
LETTER = "letter"
TRANSCRIPT = "transcript"
SUBMISSION = "submission"
CONSULTATION_RESPONSE = "consultation_response"
OTHER = "other"
DOCUMENT_KINDS = (LETTER, TRANSCRIPT, SUBMISSION, CONSULTATION_RESPONSE, OTHER)


@dataclass
class Block:
    """A structural unit of a document's text."""

    kind: str
    start: int
    end: int
    number: str | None = None  # list number ("1", "a", "iv") or bullet ("-", "•")
    lead_in: int | None = None  # index (in Document.blocks) of the block that introduces this list item
    level: int = 0  # nesting depth of a list item
    section: str | None = None  # e.g. the question a consultation answer belongs to

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]


@dataclass
class Turn:
    """A speaker's turn in a transcript; start/end cover what they said (not the label)."""

    speaker: str
    role: str | None
    organisation: str | None
    start: int
    end: int
    label_start: int | None = None  # where "Name (Role):" begins


@dataclass
class Document:
    id: str  # content hash (sha256 hex)
    source: str  # base file name; "file.csv#<response id>" for a consultation row
    format: str  # txt, md, pdf, docx, html, eml, csv, xlsx
    text: str
    blocks: list[Block] = field(default_factory=list)
    kind: str = OTHER
    title: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    author: str | None = None  # person
    author_org: str | None = None
    addressees: list[str] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)  # format-specific (e-mail headers, respondent type, …)
    path: str | None = None  # where it was read from (not part of identity)

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


class IngestError(Exception):
    """A file that could not be read; ``reason`` is shown to the user."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


def content_hash(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()
