"""Blocks from plain text: paragraphs, headings, list items with their numbers and
lead-ins, footnotes, salutation, closing, signature and address lines, page breaks.

Readers that only have a text layer (TXT, PDF, e-mail bodies) call
:func:`blocks_from_text`; readers with real structure (DOCX, HTML) build blocks
themselves and may call :func:`classify_letter_parts` and :func:`link_lead_ins`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .records import (
    ADDRESS,
    CLOSING,
    FOOTNOTE,
    HEADING,
    LIST_ITEM,
    PAGE_BREAK,
    PARAGRAPH,
    SALUTATION,
    SIGNATURE,
    Block,
)

_ROMAN = r"(?:i{1,3}|iv|vi{0,3}|ix|x{1,2})"
# "1.", "1)", "(1)", "a.", "(a)", "iv.", "(iv)", "1.2" — followed by whitespace
_NUMBERED = re.compile(
    rf"^(?P<indent>[ \t]*)(?:\((?P<pnum>\d{{1,3}}|[a-zA-Z]|{_ROMAN})\)|(?P<num>\d{{1,3}}(?:\.\d{{1,3}})*|[a-zA-Z]|{_ROMAN})[.)])[ \t]+(?=\S)"
)
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<bullet>[-*•·▪◦○–●■□➢✓>])[ \t]+(?=\S)")
# "- 1 Name" : a bullet directly followed by a small number and a capitalised word
_BULLET_NUMBER = re.compile(r"(?P<num>\d{1,3})[ \t]+(?=[A-Z])")
_WORD_NUMBER = re.compile(
    r"^(?:recommendation|action|proposal|pledge|commitment|question)\s+"
    r"(?P<num>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b[.:]?",
    re.I,
)
_FOOTNOTE = re.compile(r"^[ \t]*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\]|\d{1,3}\))[ \t]*(?=\S)")
_SALUTATION = re.compile(r"^\s*(?:dear|to whom it may concern|hello|hi)\b", re.I)
_CLOSING = re.compile(
    r"^\s*(?:yours(?:\s+(?:sincerely|faithfully|truly|ever|respectfully))?|"
    r"(?:with\s+)?(?:kind|best|warm)(?:est)?\s+(?:regards|wishes)|regards|many thanks|"
    r"sincerely|respectfully(?:\s+yours)?)\s*[,.]?\s*$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?;:,]['\"’”)]*$")


def _line_spans(text: str) -> Iterable[tuple[int, int]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def list_marker(line: str) -> tuple[str, int, str] | None:
    """(number-or-bullet, offset of the content, marker style) for a list line, else None."""
    m = _NUMBERED.match(line)
    if m:
        num = m.group("pnum") or m.group("num")
        # a lone capital letter followed by "." is usually an initial ("J. Smith"), not a list
        if len(num) == 1 and num.isalpha() and num.isupper() and line[m.end() - 2] == ".":
            return None
        style = "roman" if re.fullmatch(_ROMAN, num) and not num.isdigit() and len(num) > 0 and num not in "abcdefgh" else (
            "digit" if num[0].isdigit() else "alpha"
        )
        return num, m.end(), style
    m = _BULLET.match(line)
    if m:
        rest = line[m.end():]
        n = _BULLET_NUMBER.match(rest)
        if n:
            return n.group("num"), m.end() + n.end(), "bullet-digit"
        return m.group("bullet"), m.end(), "bullet"
    return None


def looks_like_line_group(lines: list[str]) -> bool:
    """Several short lines with no sentence ending: an address, letterhead or signature."""
    if len(lines) < 2:
        return False
    short = all(len(l.strip()) <= 70 for l in lines)
    unfinished = sum(1 for l in lines if not re.search(r"[.!?]['\"’”)]*$", l.strip())) >= len(lines) - 1
    # a hard-wrapped paragraph (e-mail at 72 columns) runs on: its lines continue in lower case
    continued = sum(1 for prev, l in zip(lines, lines[1:])
                    if len(prev.strip()) >= 40 and re.match(r"\s*[a-z]{2,}[\s,;]", l)) * 2 >= len(lines) - 1
    return short and unfinished and not continued


def blocks_from_text(text: str, heading_spans: Iterable[tuple[int, int]] = ()) -> list[Block]:
    """Split text into blocks; ``heading_spans`` marks lines known to be headings (e.g. Markdown ``#``)."""
    heading_starts = {s for s, _ in heading_spans}
    blocks: list[Block] = []
    group: list[tuple[int, int]] = []  # line spans of the current paragraph group

    def flush() -> None:
        if not group:
            return
        lines = [text[s:e] for s, e in group]
        if looks_like_line_group(lines) and not any(list_marker(l) for l in lines):
            for s, e in group:
                s, e = _strip_span(text, s, e)
                if e > s:
                    blocks.append(Block(PARAGRAPH, s, e))
        else:
            _emit_group(text, group, heading_starts, blocks)
        group.clear()

    for s, e in _line_spans(text):
        line = text[s:e]
        if "\f" in line:
            # page break: close the group, emit the break, carry on with the rest of the line
            before, _, after = line.partition("\f")
            if before.strip():
                group.append((s, s + len(before)))
            flush()
            ff = s + len(before)
            blocks.append(Block(PAGE_BREAK, ff, ff + 1))
            if after.strip():
                group.append((ff + 1, e))
            continue
        if not line.strip():
            flush()
            continue
        if s in heading_starts:
            flush()
            blocks.append(Block(HEADING, *_strip_span(text, s, e)))
            continue
        group.append((s, e))
    flush()
    classify_letter_parts(text, blocks)
    link_lead_ins(text, blocks)
    return blocks


def _emit_group(text: str, group: list[tuple[int, int]], heading_starts: set[int], blocks: list[Block]) -> None:
    """A run of non-blank lines: list items, footnotes and paragraphs (continuation lines join)."""
    current: Block | None = None
    for s, e in group:
        line = text[s:e]
        marker = list_marker(line)
        foot = _FOOTNOTE.match(line) if not marker else None
        if marker:
            num, off, style = marker
            cs, ce = _strip_span(text, s + off, e)
            current = Block(LIST_ITEM, cs, ce, number=num, level=_indent_level(line))
            current.section = style  # temporary: marker style, used by link_lead_ins
            blocks.append(current)
        elif foot:
            current = Block(FOOTNOTE, *_strip_span(text, s, e))
            blocks.append(current)
        elif current is not None and current.kind in (PARAGRAPH, LIST_ITEM, FOOTNOTE):
            current.end = _strip_span(text, s, e)[1]
        else:
            current = Block(PARAGRAPH, *_strip_span(text, s, e))
            blocks.append(current)


def _indent_level(line: str) -> int:
    indent = len(line) - len(line.lstrip(" \t"))
    return indent // 2


def _is_heading_candidate(text: str, b: Block) -> bool:
    t = text[b.start : b.end]
    if "\n" in t or len(t) > 120 or len(t) < 3:
        return False
    if _SENTENCE_END.search(t) or not re.search(r"[A-Za-z]", t):
        return False
    words = t.split()
    return 1 <= len(words) <= 16


def classify_letter_parts(text: str, blocks: list[Block]) -> None:
    """Mark salutation, closing, signature, address and heading blocks in place."""
    sal = next((i for i, b in enumerate(blocks) if b.kind == PARAGRAPH and _SALUTATION.match(text[b.start : b.end])
                and len(text[b.start : b.end]) < 120), None)
    if sal is not None:
        blocks[sal].kind = SALUTATION
        for b in blocks[:sal]:
            if b.kind == PARAGRAPH and "\n" not in text[b.start : b.end] and len(text[b.start : b.end]) <= 120:
                b.kind = ADDRESS
    closing = None
    for i, b in enumerate(blocks):
        if b.kind == PARAGRAPH and _CLOSING.match(text[b.start : b.end]):
            closing = i
    if closing is not None:
        blocks[closing].kind = CLOSING
        for b in blocks[closing + 1 :]:
            if b.kind in (PARAGRAPH, HEADING) and len(text[b.start : b.end]) <= 200:
                b.kind = SIGNATURE
            elif b.kind in (FOOTNOTE, PAGE_BREAK):
                continue
            elif b.kind == LIST_ITEM:
                continue
            else:
                break
    for i, b in enumerate(blocks):
        if b.kind != PARAGRAPH or not _is_heading_candidate(text, b):
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        # a heading is followed by body text, not by another short line of an address
        if nxt is not None and nxt.kind in (PARAGRAPH, LIST_ITEM, HEADING) and (nxt.start - b.end) >= 2:
            b.kind = HEADING


def link_lead_ins(text: str, blocks: list[Block]) -> None:
    """Give each list item the index of the block that introduces it (a line ending with ':').

    A run of items of one marker style shares a lead-in: the block just before the run when it
    ends with ':' — a paragraph, a heading, or a list item of another style (a nested list).
    """
    stack: list[tuple[str, int | None, int]] = []  # open runs: (marker style, lead-in index, level)
    for i, b in enumerate(blocks):
        if b.kind != LIST_ITEM:
            # a paragraph that starts in lower case continues the item a page break or footnote interrupted
            continues = b.kind == PARAGRAPH and text[b.start : b.start + 1].islower()
            if b.kind not in (FOOTNOTE, PAGE_BREAK) and not continues:
                stack.clear()
            continue
        style = b.section or ""
        if any(s == style for s, _, _ in stack):
            while stack[-1][0] != style:  # back to an outer run after a nested list
                stack.pop()
        else:
            prev_i = i - 1
            while prev_i >= 0 and blocks[prev_i].kind in (FOOTNOTE, PAGE_BREAK):
                prev_i -= 1
            prev = blocks[prev_i] if prev_i >= 0 else None
            if prev is not None and text[prev.start : prev.end].rstrip().endswith(":"):
                stack.append((style, prev_i, prev.level + 1 if prev.kind == LIST_ITEM else 0))
            else:
                stack.append((style, None, stack[-1][2] + 1 if stack else 0))
        _, b.lead_in, level = stack[-1]
        b.level = max(b.level, level)
    for b in blocks:
        if b.kind == LIST_ITEM:
            b.section = None


def number_from_words(text: str) -> str | None:
    """'Recommendation four: …' → '4'; 'Recommendation 12.' → '12'."""
    m = _WORD_NUMBER.match(text.strip())
    if not m:
        return None
    words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    n = m.group("num").lower()
    return str(words.index(n) + 1) if n in words else n
