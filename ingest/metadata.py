"""Format-free metadata: kind, date, author, author organisation, addressees, turns, signatories.

:func:`enrich` runs on every document a reader returns. It fills only what the reader left
empty (``kind`` only when it is ``other``), never changes ``doc.text``, and may re-mark a
few blocks (a letterhead at the top of a document without a salutation becomes ``address``).

Extra findings go to ``doc.metadata`` (all strings; dicts JSON-encoded):

``addressee_person``, ``addressee_organisation``, ``addressee_role``
    what the recipient's block says besides the addressee chosen (the office, else the organisation);
``author_role``, ``care_of``
    the signer's role ("Chair of the X Committee"); "C/O X" in a letterhead;
``question_by``, ``question_by_organisation``, ``asked_of``, ``answered_by``
    a question-and-answer header;
``signatories_group``, ``signatory_acronyms``, ``signatory_details``
    the body a list of signatories belongs to; acronym → name; name → the item as written;
``date_precision``
    "month" when only "March 2023" was found (the date is then the first of the month);

An organisation name found written all in capitals ("NORTHSHIRE COUNTY COUNCIL" in a letterhead,
"ANYTOWN COUNCIL" / "HOUSING SCRUTINY PANEL" over a transcript) is stored in title case, acronyms
kept ("Northshire NHS Foundation Trust").
``metadata_error``
    a rule that failed on this document (its fields are then left empty).
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TypeVar

from . import dates, linekinds, parties, signatories, transcript
from .records import (
    ADDRESS,
    CLOSING,
    CONSULTATION_RESPONSE,
    LETTER,
    OTHER,
    PARAGRAPH,
    SALUTATION,
    SUBMISSION,
    TRANSCRIPT,
    Document,
)

T = TypeVar("T")

_SUBMISSION_TITLE = re.compile(
    r"\b(?:response to|responding to|our response|consultation response|response (?:from|by|of)|"
    r"submission (?:to|from|by|on)|written (?:evidence|submission)|evidence (?:submitted )?(?:to|from|by)|"
    r"call for evidence|representations? (?:to|on|from)|comments on)\b",
    re.I,
)


def enrich(doc: Document) -> Document:
    """Fill the metadata fields a reader left empty.

    Each step is guarded: a rule that fails on an odd document leaves its fields empty and
    notes the failure in ``metadata["metadata_error"]`` instead of failing the whole file.
    """
    text = doc.text
    turns = _guarded(doc, "turns", lambda: doc.turns or transcript.find_turns(text), [])
    header = _guarded(doc, "question header", lambda: transcript.question_header(text), {})
    is_transcript = doc.kind == TRANSCRIPT or transcript.is_transcript(text, turns) or (
        len(header) >= 2 and len(turns) >= 1)

    if doc.kind == OTHER:
        doc.kind = _guarded(doc, "kind", lambda: _kind(doc, is_transcript), OTHER)
    if doc.date is None:
        found = _guarded(doc, "date", lambda: dates.find_date(text), None)
        if found:
            doc.date = found.iso
            if found.precision != "day":
                doc.metadata.setdefault("date_precision", found.precision)

    if doc.kind == TRANSCRIPT:
        _guarded(doc, "transcript", lambda: _enrich_transcript(doc, turns, header), None)
    elif doc.kind != CONSULTATION_RESPONSE or _has_letter_parts(doc):
        # a consultation row's respondent comes from its columns; its free text is read for
        # parties only when it holds a letter ("Dear …", "Yours sincerely")
        _guarded(doc, "parties", lambda: _enrich_letter(doc), None)
    return doc


def _has_letter_parts(doc: Document) -> bool:
    return any(b.kind in (SALUTATION, CLOSING) for b in doc.blocks)


def _guarded(doc: Document, step: str, run: Callable[[], T], default: T) -> T:
    try:
        return run()
    except Exception as exc:  # a metadata rule must never stop a document from being read
        doc.metadata["metadata_error"] = f"{step}: {type(exc).__name__}: {exc}"
        return default


_OPEN_LETTER = re.compile(r"^\s*(?:an?\s+)?(?:open|joint)\s+letter\b", re.I)
_DEAR_LINE = re.compile(r"^[ \t]*dear\s+\S[^\n]{0,80}$", re.I | re.M)


def _is_open_letter(doc: Document) -> bool:
    """A document that starts "OPEN LETTER …" / "Joint letter to …" and greets someone ("Dear …")."""
    first = next((line for line in doc.text.split("\n") if line.strip()), "")
    return bool(_OPEN_LETTER.match(first) or (doc.title and _OPEN_LETTER.match(doc.title))) and bool(
        _DEAR_LINE.search(doc.text[:5000]))


def _kind(doc: Document, is_transcript: bool) -> str:
    kinds = {b.kind for b in doc.blocks}
    letter = SALUTATION in kinds or CLOSING in kinds
    if _is_open_letter(doc):
        return LETTER  # quoted voices ("Name (parent): …") in an open letter are not a transcript
    if is_transcript and not (SALUTATION in kinds and CLOSING in kinds):
        return TRANSCRIPT
    if letter:
        return LETTER
    top = [doc.block_text(b) for b in doc.blocks[:8] if len(doc.block_text(b)) <= 250]
    if doc.title:
        top.insert(0, doc.title)
    if any(_SUBMISSION_TITLE.search(t) for t in top):
        return SUBMISSION
    # a filled-in response form: "Organisation: X" and consultation questions
    _, form_org = parties.form_fields(doc.text)
    if form_org and re.search(r"\b(?:consultation|question\s*\d)", " ".join(top) + doc.text[:3000], re.I):
        return SUBMISSION
    return OTHER


def _enrich_transcript(doc: Document, turns: list, header: dict[str, str]) -> None:
    if not doc.turns:
        transcript.add_questioner_group(turns, header)
        transcript.add_witness_roles(turns, transcript.witness_roles(doc.text))
        doc.turns = turns
    for key, value in header.items():
        doc.metadata.setdefault(key, value)
    if doc.author_org is None:
        doc.author_org = transcript.session_body(doc.text, doc.turns)
    if not doc.addressees:
        asked = header.get("asked_of") or header.get("answered_by")
        if asked:
            doc.addressees = [transcript.resolve_office(asked, doc.turns)]


def _enrich_letter(doc: Document) -> None:
    text = doc.text
    found = parties.find_parties(text, doc.blocks)
    signed = signatories.find_signatories(text, doc.blocks)

    if not doc.signatories and signed.names:
        doc.signatories = signed.names
        if signed.group:
            doc.metadata.setdefault("signatories_group", signed.group)
        if signed.acronyms:
            doc.metadata.setdefault("signatory_acronyms", json.dumps(signed.acronyms, ensure_ascii=False))
        if signed.details:
            doc.metadata.setdefault("signatory_details", json.dumps(signed.details, ensure_ascii=False))

    if doc.author_org is None:
        doc.author_org = linekinds.title_case(found.author_org or signed.group)
        items = {linekinds.clean(v): k for k, v in signed.details.items()}
        if doc.author_org and linekinds.clean(doc.author_org) in items:
            # the signature reader took a signatory's whole line ("X Club (XC) - Jo Bloggs, Chair"): its organisation
            doc.author_org = items[linekinds.clean(doc.author_org)]
    if doc.author is None and found.author:
        doc.author = found.author
    if not doc.addressees and found.addressees:
        doc.addressees = [linekinds.title_case(a) for a in found.addressees]
    for key, value in (
        ("addressee_person", found.addressee_person),
        ("addressee_organisation", found.addressee_org),
        ("addressee_role", found.addressee_role),
        ("author_role", found.author_role),
        ("care_of", found.care_of),
    ):
        if value:
            doc.metadata.setdefault(key, value)
    if SALUTATION not in {b.kind for b in doc.blocks}:
        _mark_letterhead(doc)


def _mark_letterhead(doc: Document) -> None:
    """Without a salutation the layout leaves a letterhead as paragraphs: mark its lines as address
    when they are contact or address lines or the author organisation's own line."""
    run = []
    for b in doc.blocks:
        t = doc.block_text(b)
        if b.kind == PARAGRAPH and "\n" not in t and len(t) <= 120 and not re.search(r"[.!?]$", t):
            run.append(b)
            continue
        break
    if len(run) < 2:
        return
    lines = [doc.block_text(b) for b in run]
    own = (doc.author_org or "").lower()
    addressy = [linekinds.is_contact(l) or linekinds.is_address(l) or (bool(own) and l.strip().lower() == own)
                for l in lines]
    if sum(addressy) >= 2:
        for b, is_addr in zip(run, addressy):
            if is_addr:
                b.kind = ADDRESS
