"""The organisations that sign a joint letter.

A list of signatories follows a lead-in line ending with a colon ("Signed by:",
"Signatories:", "X Network members:", "Supported by the following organisations:",
"On behalf of:") or stands, as a bulleted or numbered list, right after the closing
("Yours sincerely,"). Three or more organisation lines after the closing also count.

Each item is cleaned of numbering and trailing punctuation. Choices made here:

* an acronym in brackets stays in the name ("Focus on Labour Exploitation (FLEX)");
  the acronym → name pairs are also returned, for alias resolution later;
* person details in brackets are dropped from the name and kept apart
  ("Chair of the X Network (Jane Doe, Head of Y, Z Council)" → the role's organisation
  "X Network", with "Chair of the X Network (Jane Doe, …)" kept as its detail);
* "Jane Doe, Chief Executive, Anytown Trust" → "Anytown Trust" (details kept);
* several signers after the closing, each a name / role / organisation run of lines, give
  their organisations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .linekinds import (
    HONORIFIC,
    HONORIFICS,
    author_org_from,
    clean,
    looks_like_org,
    looks_like_person,
    looks_like_role,
    org_in_role,
    read_party_lines,
    strip_person_titles,
)
from .parties import signature_groups
from .records import CLOSING, FOOTNOTE, HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, SIGNATURE, Block

_LEAD_IN = re.compile(
    r"(?:\bmembers|\bsignator(?:y|ies)(?:\s+organi[sz]ations)?|^signed(?:\s+by|\s+on behalf of)?|"
    r"\bco-?signed\s+by|\b(?:supported|endorsed|signed|co-?signed|backed)\s+by(?:\s+the\s+following\b.*)?|"
    r"^(?:signed\s+)?on behalf of(?:\s+the\s+following\b.*)?|\bthe undersigned\b.*|"
    r"^(?:the\s+)?(?:following|undersigned)\s+(?:organi[sz]ations|members|bodies|charities|groups)\b.*)"
    r"\s*:$",
    re.I,
)
_BARE_SIGNED = re.compile(r"^(?:signed|signatories|signatures)\s*[,:.]?$", re.I)
_ACRONYM_PAREN = re.compile(r"^(?P<base>.+?)\s*\((?P<acr>[A-Z][A-Za-z0-9&'’.\-]*(?:\s[A-Z0-9][A-Za-z0-9&]*){0,2})\)$")
_DETAIL_PAREN = re.compile(r"^(?P<base>.+?)\s*\((?P<detail>[^()]{3,})\)$")


@dataclass
class Signatories:
    names: list[str] = field(default_factory=list)
    group: str | None = None  # "X Working Group" from a lead-in "X Working Group Members:"
    acronyms: dict[str, str] = field(default_factory=dict)
    details: dict[str, str] = field(default_factory=dict)


def clean_item(item: str) -> tuple[str, str | None, tuple[str, str] | None]:
    """(name, detail, (acronym, name without it)) for one list item."""
    s = clean(item)
    s = re.sub(r"^\d{1,3}[.)]?\s+(?=\S)", "", s)  # "1 AFRUCA", "12. Shelter"
    s = re.sub(r"^(?:and|&)\s+", "", s, flags=re.I)
    s = re.sub(r"[;,.]?\s*(?:and)?$", "", s).strip()
    m = _ACRONYM_PAREN.match(s)
    if m and m.group("acr").replace(" ", "").isupper():
        return s, None, (m.group("acr"), m.group("base"))
    detail = None
    m = _DETAIL_PAREN.match(s)
    if m and ("," in m.group("detail") or looks_like_person(m.group("detail"))):
        detail, s = s, m.group("base")
    sides = [p.strip() for p in re.split(r"\s+[-–—]\s+", s)]
    if len(sides) == 2:  # "Acme Trust (AT) - Dr. Jo Bloggs, Chair" or "Jo Bloggs, Chair – Acme Trust"
        for org, signer in (sides, sides[::-1]):
            name, _, role = signer.partition(",")
            titled = bool(HONORIFIC.match(name.strip())) or 0 < len(role.split()) <= 6  # "…, Secretary General"
            if titled and looks_like_person(name) and not looks_like_person(org):
                m = _ACRONYM_PAREN.match(org)
                if m and m.group("acr").replace(" ", "").isupper():
                    return org, s, (m.group("acr"), m.group("base"))
                return org, s, None
    parts = [p.strip() for p in s.split(",")]
    if len(parts) >= 2 and looks_like_person(parts[0]):
        org = next((p for p in reversed(parts[1:]) if looks_like_org(p)), None)
        if org:
            return org, detail or s, None
    if looks_like_role(s):
        org = org_in_role(s)
        if org:
            return org, detail or s, None
    return s, detail, None


def _lead_in_group(lead: str) -> str | None:
    """"X Working Group Members:" → "X Working Group"."""
    m = re.match(r"^(?P<x>.+?)\s+(?:members|member organi[sz]ations|signatories)\s*:$", lead.strip(), re.I)
    if m and looks_like_org(m.group("x")) and len(m.group("x").split()) >= 2:
        return clean(re.sub(r"^the\s+", "", m.group("x"), flags=re.I))
    return None


_TITLE_DOT = re.compile(rf"\b(?:{'|'.join(sorted((re.escape(h) for h in HONORIFICS), key=len, reverse=True))})\.(?=\s)")


def _is_name_line(s: str) -> bool:
    """An organisation's or a person's name: short, no sentence inside, no verb like "should"."""
    s = clean(s)
    if not 0 < len(s) <= 160 or len(s.split()) > 20 or re.search(r"[.!?]\s+[A-Z]", _TITLE_DOT.sub("", s)):
        return False
    return not re.search(r"\b(?:is|are|was|were|will|would|should|must|could|can|have|has|need|needs)\b", s)


def find_signatories(text: str, blocks: list[Block]) -> Signatories:
    out = Signatories()
    closing = max((i for i, b in enumerate(blocks) if b.kind == CLOSING), default=None)
    items: list[str] = []
    for i, b in enumerate(blocks):
        t = text[b.start : b.end].strip()
        if b.kind == LIST_ITEM or "\n" in t or len(t) > 150 or not (_LEAD_IN.search(t) or _BARE_SIGNED.match(t)):
            continue
        strong = re.search(r"sign|endorse|undersigned|on behalf|supported by|backed by", t, re.I)
        if not strong and (closing is None or i < closing):
            continue  # "Committee members:" in the body lists people, not signatories
        items = _items_after(text, blocks, i)
        if len(items) >= 2:
            out.group = _lead_in_group(t)
            break
        items = []
    if not items and closing is not None:
        items = _trailing_list(text, blocks, closing)
    names_only = [item for item in items if _is_name_line(item)]
    if len(names_only) < max(2, len(items) * 2 / 3):
        return Signatories()  # recommendations or prose after the closing, not a list of names
    short = len(names_only) <= SIGNER_BLOCK_LINES
    for item in names_only:
        name, detail, acronym = clean_item(item)
        if not name or name in out.names or (short and _not_an_organisation(name)):
            continue  # one signer's name and job title under "Signed:" are not signatory organisations
        out.names.append(name)
        if detail:
            out.details[name] = detail
        if acronym:
            out.acronyms[acronym[0]] = acronym[1]
    if len(out.names) < 2:
        return Signatories()  # one organisation signing is the author, not a joint letter
    return out


SIGNER_BLOCK_LINES = 4  # a list this short may be one signer's block: name, job title, organisation (, address)


def _not_an_organisation(name: str) -> bool:
    """A person's name, or a job title with no organisation in it ("General Secretary")."""
    if re.search(r",|\s[-–—]\s", name):
        return False  # "Upland Anglers Trust - Jo Bright, Chair": an organisation with its signer
    return looks_like_person(name) or (looks_like_role(name) and not org_in_role(name) and not looks_like_org(name))


_COPY_TO = re.compile(r"^\s*(?:b?cc|copy(?:\s+to)?|copies(?:\s+to)?)\s*[:\-–]", re.I)


def _items_after(text: str, blocks: list[Block], lead: int) -> list[str]:
    """The list items introduced by block ``lead``, or the one-line blocks that follow it."""
    linked = [text[b.start : b.end] for b in blocks if b.kind == LIST_ITEM and b.lead_in == lead]
    if linked:
        return linked
    items: list[str] = []
    for b in blocks[lead + 1 :]:
        if b.kind in (FOOTNOTE, PAGE_BREAK):
            continue
        t = text[b.start : b.end]
        lines = [l for l in t.split("\n") if l.strip()]
        copied = next((k for k, l in enumerate(lines) if _COPY_TO.match(l)), None)
        if copied is not None:  # "cc: …" ends the list: those copied in did not sign
            items.extend(l for l in lines[:copied] if _is_name_line(l))
            break
        if b.kind in (LIST_ITEM, PARAGRAPH, SIGNATURE, HEADING) and all(_is_name_line(l) for l in lines):
            items.extend(lines)
            continue
        break
    return items


def _trailing_list(text: str, blocks: list[Block], closing: int) -> list[str]:
    """After the closing: a bulleted/numbered list, several signers each with an organisation
    (runs of lines split by blank lines), or three or more organisation lines."""
    rest = [b for b in blocks[closing + 1 :] if b.kind not in (FOOTNOTE, PAGE_BREAK)]
    listed = [text[b.start : b.end] for b in rest if b.kind == LIST_ITEM]
    if len(listed) >= 2:
        return listed
    signers = [author_org_from(read_party_lines(group)) for group in signature_groups(text, blocks)]
    signer_orgs = list(dict.fromkeys(o for o in signers if o))
    if len(signer_orgs) >= 2:
        return signer_orgs
    lines = [l for b in rest if b.kind in (SIGNATURE, PARAGRAPH) for l in text[b.start : b.end].split("\n") if l.strip()]
    orgish = [l for l in lines if looks_like_org(l) or _person_org_line(l)]
    return orgish if len(orgish) >= 3 else []


def _person_org_line(line: str) -> bool:
    parts = [p.strip() for p in clean(line).split(",")]
    return len(parts) >= 2 and looks_like_person(parts[0]) and looks_like_org(parts[-1])
