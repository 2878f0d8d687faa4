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
_LAST_WORD = re.compile(r"([\w.]+)[.!?]['\"’”)\]⁰¹²³⁴⁵⁶⁷⁸⁹]*$")  # the word a full stop ends
LAST_WORD_CHARS = 200  # … looked for in the end of the sentence (reading all of a long one again at each stop was slow)
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
        word = _LAST_WORD.search(text, max(s, stop - LAST_WORD_CHARS), stop)
        if word and text[m.start()] == ".":
            w = word.group(1).lower().rstrip(".")
            before_number = w in _NUMBER_ABBREV and nxt.group(1)[0].isdigit()
            if (w in _ABBREV and w not in _NUMBER_ABBREV) or before_number or (len(w) == 1 and w.isalpha()):
                continue
            if w.isdigit() and len(w) <= 2 and re.search(r"(?:^|[:;.!?]\s+)\d{1,2}\.$", text[s:stop]):
                continue  # "…: 1. Publish …": a list number, not the end of a sentence
        spans.append((s, stop))
        s = nxt.start(1)
    spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        while b - a > MAX_SENTENCE_CHARS:  # run-on text (a flattened table, a file of one line): cut at a space
            cut = text.rfind(" ", a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS)
            cut = cut if cut > a else a + MAX_SENTENCE_CHARS
            out.append((a, cut))
            a = cut
            while a < b and text[a].isspace():
                a += 1
        if b > a:
            out.append((a, b))
    return out


MAX_SENTENCE_CHARS = 3000  # longer "sentences" are cut: no parser sees more (spaCy refuses a million characters)


def _turn_of(doc: Document, pos: int) -> int | None:
    for i, t in enumerate(doc.turns):
        if (t.label_start if t.label_start is not None else t.start) <= pos < t.end:
            return i
    return None


_INLINE_FIRST = re.compile(r"(?:^|:\s+|[.;]\s+)(1)[.)]\s+(?=[A-Z])")
_INLINE_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+(?=[A-Z])")


def _inline_list(text: str, spans: list[tuple[int, int]], block_start: int, block_end: int) -> list[tuple[int, int, str | None, bool]]:
    """A paragraph that runs its numbered list inline ("… the following: 1. Publish … 2. Fund …", as PDF
    text often does): (start, end, number, is_item) for every piece, the text before "1." a piece of its own.
    Without an inline list (a "1." and then a "2."): every sentence as it is."""
    block = text[block_start:block_end]
    first = _INLINE_FIRST.search(block)
    if not first or not re.search(r"[.;]\s+2[.)]\s+[A-Z]", block[first.end():]):
        return [(a, b, None, False) for a, b in spans]
    out: list[tuple[int, int, str | None, bool]] = []
    expected = 1
    for a, b in spans:
        piece = text[a:b]
        cut = _INLINE_FIRST.search(piece) if expected == 1 else None
        if cut and cut.start(1) > 0:
            lead_end = a + cut.start(1)
            while lead_end > a and text[lead_end - 1].isspace():
                lead_end -= 1
            out.append((a, lead_end, None, False))  # the lead-in, up to its colon
            a = a + cut.start(1)
            piece = text[a:b]
        m = _INLINE_NUMBER.match(piece)
        if m and int(m.group(1)) == expected:
            out.append((a + m.end(), b, m.group(1), True))
            expected += 1
        else:
            out.append((a, b, None, False))
    return out


def _is_sentence(text: str) -> bool:
    """A heading that is a whole sentence ("Australia must do more to cut emissions."): prose set apart."""
    return text.rstrip().endswith(".") and len(text.split()) >= 6 and bool(
        re.search(r"\b(?:must|should|will|needs?|is|are|has|have|we|I)\b", text))


def units(doc: Document) -> Iterator[Unit]:
    """Every sentence of the prose blocks; list items carry number and lead-in; transcript units their turn."""
    # a long heading is usually prose set apart; in a consultation response it is the consultation's own
    # question ("… Please explain your answer."), not the respondent's words
    long_headings_are_prose = doc.kind != CONSULTATION_RESPONSE
    for bi, b in enumerate(doc.blocks):
        if b.kind not in PROSE_BLOCKS and not (long_headings_are_prose and b.kind == HEADING and (
                b.end - b.start > 60 or _is_sentence(doc.text[b.start:b.end]))):
            continue
        spans = split_sentences(doc.text, b.start, b.end)
        pieces = _inline_list(doc.text, spans, b.start, b.end) if b.kind == PARAGRAPH else [(a, e, None, False) for a, e in spans]
        for k, (s, e, inline_number, inline_item) in enumerate(pieces):
            turn = _turn_of(doc, s) if doc.turns else None
            if turn is not None and s < doc.turns[turn].start < e:
                s = doc.turns[turn].start  # the speaker's label is not part of what they said
            yield Unit(
                start=s, end=e, text=doc.text[s:e], block=bi, block_kind=LIST_ITEM if inline_item else b.kind,
                first_in_block=k == 0 or inline_item,
                number=inline_number or (b.number if (k == 0 and b.kind == LIST_ITEM and b.number and b.number[0].isalnum()) else None),
                lead_in=b.lead_in if b.kind == LIST_ITEM else None,
                turn=turn,
            )
