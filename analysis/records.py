"""Typed records produced by the analysis stages."""
from __future__ import annotations

from dataclasses import dataclass, field

RECOMMENDATION = "recommendation"
REQUEST = "request"
PLEDGE = "pledge"
COMMITMENT = "commitment"
ASK_TYPES = (RECOMMENDATION, REQUEST, PLEDGE, COMMITMENT)


@dataclass
class Unit:
    """A sentence (or list item sentence) of a document: the thing an ask rule looks at."""

    start: int
    end: int
    text: str
    block: int  # index into Document.blocks
    block_kind: str
    first_in_block: bool
    number: str | None = None  # list number of the block, for its first sentence
    lead_in: int | None = None  # block index of the list's lead-in
    turn: int | None = None  # index into Document.turns


@dataclass
class Ask:
    doc_id: str
    doc: str  # source name
    start: int
    end: int
    text: str
    type: str
    holder: str | None
    holder_kind: str  # author | speaker | signatories | reported
    addressee: str | None
    rule: str
    confidence: float
    speaker: str | None = None
    number: str | None = None
    lead_in_id: str | None = None
    themes: list[str] = field(default_factory=list)
    id: str = ""
    block: int | None = None
    context: str | None = None  # text that frames the ask (its lead-in, the question it answers, the sentence before)


@dataclass
class Organisation:
    name: str  # canonical
    aliases: list[str] = field(default_factory=list)
    acronym: str | None = None
    kind: str = "organisation"  # organisation | office (an office-holder such as a mayor or minister) | group
