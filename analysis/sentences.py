"""Sentences with exact spans over a document's prose blocks (not footnotes, addresses or signatures)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.records import CONSULTATION_RESPONSE, HEADING, LIST_ITEM, PARAGRAPH, Document

from .records import Unit

PROSE_BLOCKS = (PARAGRAPH, LIST_ITEM)

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "e.g", "i.e", "etc", "vs", "cllr", "rt", "hon", "sr", "jr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "para", "paras",
    "p", "pp", "cf", "al", "approx", "dept", "govt", "inc", "ltd", "co", "ref", "vol", "ch", "sec", "art", "gen",
}
# end punctuation, optional closing quotes/brackets/footnote markers, then whitespace
_NUMBER_ABBREV = {"no", "nos", "p", "pp", "para", "paras", "vol", "ch", "sec", "art", "fig", "ref"}
_BOUNDARY = re.compile(r"[.!?]['\"’”)\]⁰¹²³⁴⁵⁶⁷⁸⁹]*(?=\s+)")
_NEXT_START = re.compile(r"\s+((?:\.\.\.|…)?\s?['\"‘“(\[]?[A-Z0-9£$€])")  # "... I think" in a quotation starts one too


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end], trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end()
        nxt = _NEXT_START.match(text, stop, end)
        if not nxt:
            continue
        word = re.search(r"([\w.]+)[.!?]['\"’”)\]⁰¹²³⁴⁵⁶⁷⁸⁹]*$", text[s:stop])
        if word and text[m.start()] == ".":
            w = word.group(1).lower().rstrip(".")
            before_number = w in _NUMBER_ABBREV and nxt.group(1)[0].isdigit()
            if (w in _ABBREV and w not in _NUMBER_ABBREV) or before_number or (len(w) == 1 and w.isalpha()):
                continue
        spans.append((s, stop))
        s = nxt.start(1)
    spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _turn_of(doc: Document, pos: int) -> int | None:
    for i, t in enumerate(doc.turns):
        if (t.label_start if t.label_start is not None else t.start) <= pos < t.end:
            return i
    return None


def units(doc: Document) -> Iterator[Unit]:
    """Every sentence of the prose blocks; list items carry number and lead-in; transcript units their turn."""
    # a long heading is usually prose set apart; in a consultation response it is the consultation's own
    # question ("… Please explain your answer."), not the respondent's words
    long_headings_are_prose = doc.kind != CONSULTATION_RESPONSE
    for bi, b in enumerate(doc.blocks):
        if b.kind not in PROSE_BLOCKS and not (long_headings_are_prose and b.kind == HEADING and b.end - b.start > 60):
            continue
        for k, (s, e) in enumerate(split_sentences(doc.text, b.start, b.end)):
            turn = _turn_of(doc, s) if doc.turns else None
            if turn is not None and s < doc.turns[turn].start < e:
                s = doc.turns[turn].start  # the speaker's label is not part of what they said
            yield Unit(
                start=s, end=e, text=doc.text[s:e], block=bi, block_kind=b.kind, first_in_block=k == 0,
                number=b.number if (k == 0 and b.kind == LIST_ITEM and b.number and b.number[0].isalnum()) else None,
                lead_in=b.lead_in if b.kind == LIST_ITEM else None,
                turn=turn,
            )
