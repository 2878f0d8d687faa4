"""Who speaks in a document's quotations: the author's own spokesperson, or someone else.

A press release quotes its organisation's chair or director ("… ," said HFUG convener Dr Ama Boateng. / Dr Boateng
added: "…"). Those quotations are the organisation's own voice: its asks and stances, with the person as speaker. A
quotation of anyone else (a resident, a minister, a report) stays someone else's words. A quotation counts as the
author's when the clause that attributes it names the author (its name, acronym or head noun, as
:func:`analysis.asks._own_names` gives them), or names a person an earlier attribution tied to the author.
"""
from __future__ import annotations

import re

from ingest.records import Document

_SPEECH = r"(?:said|says|added|adds|explained|stated|states|commented|warned|urged|noted|continued|concluded|told\s+\w+)"
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Rev|Hon|Sir|Dame|Cllr|Councillor)\.?\s+)"
_PERSON = rf"{_HONORIFIC}?[A-Z][a-zA-Z'’\-]+(?:\s+[A-Z][a-zA-Z'’\-]+){{0,3}}"
_CLOSE = r"[”\"’']"
_OPEN = r"[“\"‘']"
# after the quotation: '…," said <description>.' / '…," <description> said.'
_AFTER = re.compile(rf"{_CLOSE}\s*,?\s*(?:{_SPEECH}\s+(?P<a>[^.!?“”\"\n]{{2,160}})|(?P<b>[A-Z][^.!?“”\"\n]{{1,120}}?)\s+{_SPEECH})")
# before it: '<description> said: "…' / '<description> added, "…'
_BEFORE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?P<c>[A-Z][^.!?“”\"\n]{{1,160}}?)\s+{_SPEECH}\s*[:,]?\s*{_OPEN}")
_NAME_IN = re.compile(_PERSON)


def _person(description: str, own_names: list[str]) -> str | None:
    """The person a description names ('HFUG convener Dr Ama Boateng', 'Dr Priya Nair, chair of the X Friends'
    → the name): the first run of capitalised words with an honorific, else the first of two or more words that is
    not one of the author's names."""
    runs = [m.group(0) for m in _NAME_IN.finditer(description) if not _names(m.group(0), own_names)]
    titled = [r for r in runs if re.match(_HONORIFIC, r)]
    if titled:
        return titled[0]
    return next((r for r in runs if len(r.split()) >= 2), None)


def _names(text: str, names: list[str]) -> bool:
    return any(n and re.search(rf"(?<![\w'’-]){re.escape(n)}(?![\w-])", text) for n in names)


def spokespeople(doc: Document, own_names: list[str]) -> dict[int, str]:
    """Per block index, the author's spokesperson whose quotation the block holds (only blocks whose quotations are
    attributed to them). Empty where the document has no author or no attributed quotation."""
    if not own_names:
        return {}
    text = doc.text
    known: dict[str, str] = {}  # surname → the author's spokesperson named so
    out: dict[int, str] = {}
    for i, b in enumerate(doc.blocks):
        chunk = text[b.start:b.end]
        if not re.search(_OPEN, chunk) and not re.search(_CLOSE, chunk):
            continue
        for m in list(_AFTER.finditer(chunk)) + list(_BEFORE.finditer(chunk)):
            desc = next((v for v in m.groupdict().values() if v), "")
            person = _person(desc, own_names)
            if _names(desc, own_names) and person:
                known[person.split()[-1]] = person
                out[i] = person
            elif person and person.split()[-1] in known:
                out[i] = known[person.split()[-1]]
    return out
