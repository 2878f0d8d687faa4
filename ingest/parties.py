"""Who wrote a document and whom it addresses.

Sources, in the order they are trusted:

* author organisation — a form's field ("Organisation: X", "Submitted by: X, 12 High
  Street, …" cut at the address, a bracketed acronym dropped); the group a letter says it
  is from ("From the X Coalition", "From: X Trust"), even when several people sign it;
  "on behalf of X" in a first-person opening sentence; the signature block after the
  closing, or without a closing a last line "Jane Doe, Chief Executive, X Charity" (an
  organisation line, the organisation in a role line "Chair of the X Committee", or an
  office-holder's title on its own "Independent X Commissioner"); "I write as the X" /
  "As X, I …"; the letterhead (the sender's lines at the top); a submission's title
  ("Written evidence from X", "X's response to …") or opening ("X welcomes the
  opportunity …"); last, the name after the comma in the signer's role line
  ("Chief Executive, Warm Streets Now"). A team or unit ("Planning Policy Team" in a
  byline) gives way to any whole organisation found.
* addressees — the recipient's address block before "Dear" (the office "Mayor of X",
  "Secretary of State for Y", then an office with a portfolio "Cabinet Member for Z" and
  the committee a chair chairs "Chair, Transport Committee", are preferred to the body
  around them and to the person, who is kept apart; a job inside an organisation,
  "Name, Chief Executive, X Water Ltd, 1 Court Road, …", gives the organisation); a
  "To: Name, Leader of X Council" line read the same way; the title in "Dear Minister,";
  a form's "Submitted to: X (the Board), Engagement Team, …"; "on your election as X" in
  the opening; a submission's "Response to X".

A head whose lines were run together with the salutation (a PDF page without blank lines)
is read line by line.

What each short line names (person, role, organisation, address) is decided in
:mod:`ingest.linekinds`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import dates_in
from .linekinds import (
    ACRONYM,
    CAP_PHRASE_RE,
    COMMITTEE,
    EMAIL,
    HONORIFIC,
    NOISE,
    PartyLines,
    SENDER_SIGNAL,
    URL,
    author_org_from,
    capitalised_phrase,
    clean,
    has_phone,
    has_role,
    is_address_part,
    is_contact,
    is_office,
    is_sub_unit,
    looks_like_org,
    looks_like_person,
    looks_like_role,
    org_before_role,
    org_in_role,
    parent_body,
    read_party_lines,
    strip_person_titles,
    with_parent,
)
from .records import ADDRESS, CLOSING, FOOTNOTE, HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, SALUTATION, SIGNATURE, Block


# ---------------------------------------------------------------- the letter's sentences

_ON_BEHALF = re.compile(
    r"\b(?:I|We|This (?:letter|response|submission|evidence)|Our response)\b[^.]{0,80}?\bon behalf of\s+(?P<x>[^.;:\n]+)")
_WRITE_AS = re.compile(
    r"\b(?:I|We)\s+(?:write|am writing|are writing|respond|am responding)\s+(?:to you\s+)?(?:in my capacity\s+)?as\s+(?P<x>.+)"
    r"|\bAs\s+(?P<y>(?:the\s+)?[A-Z][^,]{2,120}),\s+(?:I|we)\b"
    r"|\bIn my (?:role|capacity) as\s+(?P<z>[^,.]+)"
    r"|\bI am (?:the\s+)?(?P<v>[A-Z].+)")
_ELECTED_AS = re.compile(
    r"\b(?:on|upon)\s+(?:your\s+)?(?:recent(?:ly)?\s+)?(?:being\s+)?(?:re-?)?(?:elected|appointed|election|appointment)\s+"
    r"(?:as\s+)?(?:the\s+)?(?:new\s+)?(?P<x>[A-Z].+)"
    r"|\b(?:As|as)\s+(?:the\s+)?(?:newly|recently)\s+(?:elected|appointed)\s+(?P<y>[A-Z].+)"
    r"|\bin your (?:new\s+)?(?:role|capacity) as\s+(?:the\s+)?(?P<z>[A-Z].+)")
_SUBMISSION_FROM = re.compile(
    r"^(?:written\s+)?(?:evidence|submission|response|representations?|comments)\s+"
    r"(?:submitted\s+)?(?:from|by)\s+(?:the\s+)?(?P<x>.+)$", re.I)
_ORG_RESPONSE = re.compile(r"^(?P<x>.+?)(?:['’]s)?\s+(?:response|submission|evidence|comments)\s+(?:to|on)\b", re.I)
_RESPONSE_TO = re.compile(
    r"\b(?:response|submission|evidence|representations?|comments)\s+(?:submitted\s+)?to\s+(?:the\s+)?(?P<x>.+)", re.I)
_SELF_INTRO = re.compile(
    r"^(?:The\s+)?(?P<x>[A-Z][^.,;:]{2,100}?)\s+(?:\([A-Z]{2,10}\)\s+)?"
    r"(?:welcomes|is pleased|is grateful|thanks|appreciates|responds|submits|is (?:a|an|the)\b)")


def _org_phrase(text: str) -> str | None:
    phrase = capitalised_phrase(text)
    if phrase and (looks_like_org(phrase) or is_office(phrase)) and not looks_like_person(phrase):
        return phrase
    return None


def on_behalf_of(sentences: str) -> str | None:
    for m in _ON_BEHALF.finditer(sentences):
        org = capitalised_phrase(m.group("x"))
        if org and not looks_like_person(org) and (looks_like_org(org) or len(org.split()) >= 2):
            return org
    return None


def writes_as(sentences: str) -> tuple[str | None, str | None]:
    """(role, organisation) from "I write as the X" / "As X, I …"."""
    for m in _WRITE_AS.finditer(sentences):
        phrase = capitalised_phrase(m.group("x") or m.group("y") or m.group("z") or m.group("v"))
        if not phrase or not has_role(phrase) or looks_like_person(phrase):
            continue
        org = org_in_role(phrase) or (phrase if is_office(phrase) else None) or org_before_role(phrase)
        return phrase, org
    return None, None


def elected_as(sentences: str) -> str | None:
    """"Congratulations on recently being elected as X" → X."""
    for m in _ELECTED_AS.finditer(sentences):
        phrase = capitalised_phrase(m.group("x") or m.group("y") or m.group("z"))
        if phrase and has_role(phrase) and not is_office(phrase):
            return org_in_role(phrase) or phrase  # "Chief Executive of X Board" → "X Board"
        if phrase and (has_role(phrase) or looks_like_org(phrase)):
            return phrase
    return None


def submission_author(title_lines: list[str], opening: str) -> str | None:
    for line in title_lines:
        s = clean(line)
        m = _SUBMISSION_FROM.match(s)
        if m:
            org = _org_phrase(m.group("x")) or capitalised_phrase(m.group("x"))
            if org and not looks_like_person(org):
                return org
        m = _ORG_RESPONSE.match(s)
        if m:
            org = _org_phrase(m.group("x"))
            if org:
                return org
    m = _SELF_INTRO.match(opening.strip())
    if m:
        org = _org_phrase(m.group("x"))
        if org and (len(org.split()) >= 2 or ACRONYM.match(org)):
            return org
    return None


def submission_addressee(title_lines: list[str]) -> str | None:
    # a title block's lines one by one: "Submission to the Department of X" then "Consultation on …" is addressed
    # to the department, not to "Department of X Consultation"
    for line in (part for block in title_lines for part in block.split("\n")):
        m = _RESPONSE_TO.search(clean(line))
        if m:
            org = _org_phrase(m.group("x"))
            if org:
                return org
    return None


_FORM_ORG = re.compile(
    r"^\s*(?:name of (?:your )?organi[sz]ation|organi[sz]ation(?: name)?|responding (?:organi[sz]ation|on behalf of)|"
    r"on behalf of|company(?: name)?|respondent(?: organi[sz]ation)?|submitted by|submitting organi[sz]ation|"
    r"response (?:from|by)|submission (?:from|by))\s*[:\-–]\s*(?P<x>\S.{1,250})$", re.I | re.M)
_FORM_NAME = re.compile(r"^\s*(?:(?:your|respondent(?:'s)?|full)\s+)?name\s*[:\-–]\s*(?P<x>\S.{1,80})$", re.I | re.M)
_FORM_TO = re.compile(
    r"^\s*(?:submitted to|sent to|addressed to|response to|submission to|recipient)\s*[:\-–]\s*(?P<x>\S.{1,250})$",
    re.I | re.M)
# a field line of a form's head: "Submitted by: X", "Organisation: Y", "Date: …"
FIELD_LINE = re.compile(
    r"^\s*(?:submitted (?:by|to|on)|sent to|addressed to|submitting organi[sz]ation|organi[sz]ation(?: name)?|"
    r"name of (?:your )?organi[sz]ation|respondent(?: organi[sz]ation)?|(?:your |full )?name|e-?mail|date|"
    r"response (?:from|by|to)|submission (?:from|by|to)|recipient|contact)\s*:", re.I)


def _without_parens(s: str) -> str:
    """"Anytown Trust (ATR)" → "Anytown Trust"; "X Board (the Board)" → "X Board"."""
    return re.sub(r"\s*\([^()]*\)", "", s).strip()


def field_org(value: str) -> tuple[str | None, str | None]:
    """(person, organisation) in a form field's value.

    "Anytown Forum, 12 High Street, Anytown AN1 2BC" → the organisation stops at the first piece
    that is an address; "Anytown Board (the Board), Engagement Team, …" → "Anytown Board" (a
    bracketed acronym or short name dropped, the rest after the name is a unit or an address);
    "Jo Bloggs, Chair, Anytown Forum" → ("Jo Bloggs", "Anytown Forum")."""
    parts = [p.strip() for p in clean(value).split(",") if p.strip()]
    person = None
    if len(parts) > 1 and looks_like_person(parts[0]):
        person = parts.pop(0)
        while parts and looks_like_role(parts[0]) and not org_in_role(parts[0]):
            parts.pop(0)
        if parts and looks_like_role(parts[0]):
            return person, org_in_role(parts[0])
    taken: list[str] = []
    for part in parts:
        if is_address_part(part) or is_contact(part):
            break
        taken.append(_without_parens(part))
        if looks_like_org(", ".join(taken)):
            break
    org = clean(", ".join(t for t in taken if t)) or None
    if org and person is None and looks_like_person(org) and not looks_like_org(org):
        return org, None  # "Submitted by: Jo Bloggs": a person, no organisation
    return person, org


def form_fields(text: str) -> tuple[str | None, str | None]:
    """(person, organisation) from the fields of a response form: "Organisation: X", "Name: Y",
    "Submitted by: X, 12 High Street, …"."""
    head = "\n".join(text.split("\n")[:40])
    org = _FORM_ORG.search(head)
    name = _FORM_NAME.search(head)
    person, org_value = field_org(org.group("x")) if org else (None, None)
    if org_value and re.fullmatch(r"(?:n/?a|none|-|individual|yes|no)", org_value, re.I):
        org_value = None
    name_value = clean(name.group("x")) if name else person
    return (name_value if name_value and looks_like_person(name_value) else None), org_value


def form_addressee(text: str) -> str | None:
    """"Submitted to: Anytown Board (the Board), Engagement Team, Civic House" → "Anytown Board"."""
    m = _FORM_TO.search("\n".join(text.split("\n")[:40]))
    if not m:
        return None
    person, org = field_org(m.group("x"))
    return org or person


# ---------------------------------------------------------------- the head of a letter

_DEAR = re.compile(r"^\s*(?:dear|to)\s+(?P<x>.*?)\s*[,:;.!]?\s*$", re.I)
_GENERIC_DEAR = re.compile(
    r"^(?:sir|madam|sirs|sir\s*(?:/|or)\s*madam|madam\s*(?:/|or)\s*sir|all|colleagues?|friends?|everyone|team|"
    r"members|partners?|stakeholders?|whom it may concern|reader|customer|resident|parents?)$", re.I)
_TO_HEADER = re.compile(r"^\s*(?:to|fao|for the attention of|attn)\s*:\s*(?P<x>.+)$|^\s*(?:fao|for the attention of)\s+(?P<y>.+)$", re.I)
_OPEN_LETTER = re.compile(r"^\s*(?:an?\s+)?(?:open\s+|joint\s+)*letter\s+to\s+(?:the\s+)?(?P<x>.+)$", re.I)
_FROM_HEADER = re.compile(r"^\s*from\s*:\s*(?P<x>.+)$", re.I)
_COPY_LINE = re.compile(r"^\s*(?:cc|bcc|c\.c\.|copy|copy to|copies|copies to|copied to)\s*:", re.I)
_HEADER_FIELD = re.compile(r"^\s*(?:to|from|cc|bcc|fao|attn|for the attention of|re|subject|date|sent)\s*:", re.I)
# "From the Anytown Coalition": the group a letter is from
_FROM_GROUP = re.compile(r"^\s*(?:[Ss]ent\s+)?(?:[Ff]rom|FROM)\s+(?:[Tt]he\s+|THE\s+)?(?P<x>[A-Z].+?)\s*$")


def dear_name(salutation: str) -> str | None:
    """"Dear Minister," → "Minister"; "Dear Mr Mayor" → "Mayor"; "Dear Sir/Madam" → None."""
    m = _DEAR.match(salutation)
    if not m:
        return None
    x = clean(m.group("x"))
    if not x or _GENERIC_DEAR.match(x) or x[0].islower():
        return None
    x = re.sub(r"^(?:Mr|Madam|Madame)\s+(?=[A-Z])", "", x) if has_role(x) else x
    return x


def _groups(text: str, blocks: list[Block]) -> list[list[str]]:
    """Runs of one-line blocks separated by blank lines."""
    groups: list[list[str]] = []
    prev_end = None
    for b in blocks:
        line = text[b.start : b.end]
        if prev_end is not None and text.count("\n", prev_end, b.start) <= 1 and groups:
            groups[-1].append(line)
        else:
            groups.append([line])
        prev_end = b.end
    return groups


@dataclass
class LetterHead:
    sender: list[PartyLines] = field(default_factory=list)
    recipient: PartyLines | None = None
    from_header: str | None = None
    from_org: str | None = None  # "From the X Coalition" / "From: X Trust": the group the letter is from
    to_header: str | None = None


def _is_date_line(line: str) -> bool:
    s = clean(line)
    found = dates_in(s)
    return bool(found) and len(s) - (found[0].end - found[0].start) < 25


_DELIVERY = re.compile(r"^\s*\(?(?:by|via|sent by|sent via)\s+(?:e-?mail|post|hand|courier)\b|^\s*\(?(?:e-?mail|post)\s+only\b", re.I)


def read_letter_head(text: str, head_blocks: list[Block], dear: str | None, has_recipient: bool = True,
                     signer: PartyLines | None = None, line_groups: bool = False) -> LetterHead:
    """Split the lines above the salutation into the sender's and the recipient's.

    Groups are runs of lines between blank lines (a date line also ends a group). With two
    or more groups the one nearest the salutation is the recipient's; a lone group is the
    recipient's when it follows the date, is followed by "By email", holds an office or an
    MP, or holds the person the salutation greets, and the sender's when it carries contact
    details or "C/O".
    """
    head = LetterHead()
    groups: list[_HeadGroup] = []
    seen_date = False
    # line_groups: the head's lines were run together (a PDF without blank lines): each line is a group
    grouped = [[text[b.start : b.end]] for b in head_blocks] if line_groups else _groups(text, head_blocks)
    for group in grouped:
        current = _HeadGroup(after_date=seen_date)
        for s in group:
            if _is_date_line(s):
                if current.lines:
                    groups.append(current)
                seen_date = True
                current = _HeadGroup(after_date=True)
                continue
            open_m = _OPEN_LETTER.match(s)
            if open_m:
                head.to_header = head.to_header or capitalised_phrase(open_m.group("x"))
                continue
            from_m, to_m = _FROM_HEADER.match(s), _TO_HEADER.match(s)
            if from_m:
                value = clean(re.sub(r"<[^>]*>|\S+@\S+", "", from_m.group("x"))) or None
                person, org = field_org(value) if value else (None, None)
                if org and looks_like_org(org) and not looks_like_person(org):
                    head.from_org = head.from_org or org  # "From: Anytown Trust" / "From: Jo Bloggs, Anytown Trust"
                    value = person
                head.from_header = head.from_header or value
                continue
            group_m = _FROM_GROUP.match(clean(s))
            if group_m and looks_like_org(group_m.group("x")) and not looks_like_person(group_m.group("x")):
                head.from_org = head.from_org or _without_parens(clean(group_m.group("x")))
                continue
            if FIELD_LINE.match(s) or _COPY_LINE.match(s):
                continue  # "Submitted by: …", "Organisation: …" (read by form_fields); "Cc: …"
            if to_m:
                head.to_header = clean(re.sub(r"<[^>]*>|\S+@\S+", "", to_m.group("x") or to_m.group("y"))) or None
                continue
            if _DELIVERY.match(s):
                target = current if current.lines else (groups[-1] if groups else None)
                if target is not None:
                    target.delivery_after = True
                continue
            if NOISE.match(s):
                continue
            if SENDER_SIGNAL.search(s) or EMAIL.search(s) or URL.search(s) or has_phone(s):
                current.contact = True
                if not SENDER_SIGNAL.search(s):
                    continue
            if not has_recipient and _is_title(s):
                continue
            current.lines.append(s)
        if current.lines:
            groups.append(current)
    parsed = [read_party_lines(g.lines) for g in groups]
    recipient_i = _recipient_group(groups, parsed, dear, signer) if has_recipient else None
    for i, pl in enumerate(parsed):
        if i == recipient_i:
            head.recipient = pl
        else:
            head.sender.append(pl)
    return head


@dataclass
class _HeadGroup:
    lines: list[str] = field(default_factory=list)
    contact: bool = False  # phone, e-mail, web address, C/O: the sender's letterhead
    after_date: bool = False
    delivery_after: bool = False  # followed by "By email:" / "(Via email)"


def _is_title(line: str) -> bool:
    s = clean(line)
    return bool(_SUBMISSION_FROM.match(s) or _ORG_RESPONSE.match(s) or _RESPONSE_TO.search(s)
                or re.search(r"\b(?:consultation|inquiry|call for evidence|response|submission)\b", s, re.I))


def _greeted(dear: str | None) -> str | None:
    """The name word a salutation uses: "Priya" → "Priya"; "Ms Patel" → "Patel"."""
    if not dear:
        return None
    core = strip_person_titles(dear).split()
    if not core:
        return None
    return core[-1] if HONORIFIC.match(dear) else core[0]


def _recipient_group(groups: list[_HeadGroup], parsed: list[PartyLines], dear: str | None,
                     signer: PartyLines | None = None) -> int | None:
    key = _greeted(dear)
    if key:
        for i in range(len(parsed) - 1, -1, -1):
            person = parsed[i].person
            if person and re.search(rf"\b{re.escape(key)}\b", person):
                return i
    last = len(groups) - 1
    if last < 0 or groups[last].contact or parsed[last].care_of:
        return None
    g, pl = groups[last], parsed[last]
    if not (pl.person or pl.roles or pl.orgs):
        return None  # a bare postal address names no one
    if last >= 1 or g.after_date or g.delivery_after:
        return last
    if any(is_office(r) for r in pl.roles) or (pl.person and re.search(r"\b(?:MP|MSP|MS|MLA)$", pl.person)):
        return last
    if signer is not None:  # the signature names someone else: the lone group is the recipient's
        signer_org = author_org_from(signer)
        if pl.person and signer.person and pl.person == signer.person:
            return None
        if pl.orgs and signer_org and all(signer_org.lower() not in o.lower() for o in pl.orgs):
            return last
    return None


# an office with a portfolio inside a council or a government: "Cabinet Member for Adult Social Care"
_PORTFOLIO = re.compile(
    r"\b(?:Cabinet Member|Portfolio Holder|Lead Member|Executive Member|Executive Councillor|Lead Councillor|"
    r"Shadow (?:Cabinet )?(?:Secretary|Minister|Member))\s+(?:for|of)\s+(?:the\s+)?[A-Z]")
_CHAIR = re.compile(r"^(?:the\s+)?(?:Co-|Vice-|Deputy\s+)?Chair(?:man|woman|person)?\b", re.I)


def chaired_committee(role: str) -> str | None:
    """"Chair, Transport Committee" / "Chair of the Transport Committee" → "Transport Committee"."""
    if not _CHAIR.match(clean(role)):
        return None
    body = org_in_role(role)
    return body if body and COMMITTEE.search(body) else None


def recipient_addressee(pl: PartyLines) -> tuple[str | None, str | None, str | None]:
    """(addressee, person, organisation) from a recipient's address block. The office is preferred
    ("Secretary of State for X", "Mayor of X"), then an office with a portfolio ("Cabinet Member for
    X") and the committee the recipient chairs ("Chair, X Committee") over the body around them."""
    role = (next((r for r in pl.roles if is_office(r)), None)
            or next((r for r in pl.roles if _PORTFOLIO.search(r)), None))
    if role is None:
        committee = next((c for c in map(chaired_committee, pl.roles) if c), None)
        if committee:
            return committee, pl.person, pl.org
    org = pl.org
    if role is None and pl.role:  # "Chief Executive" of an organisation: the organisation is addressed
        org = org or org_in_role(pl.role)
        role = None if org else pl.role
    org = with_parent(org, parent_body([pl]))
    return role or org or pl.person, pl.person, org


# ---------------------------------------------------------------- the foot of a letter

_AFTER_SIGNATURE = re.compile(r"^(?:cc|bcc|copy to|copies to|enc|encl|enclosures?|attachments?|ps|p\.s)\b\s*[:.]?", re.I)


def signature_groups(text: str, blocks: list[Block]) -> list[list[str]]:
    """The lines after the closing that can name the signer(s), in runs split by blank lines
    (image captions, signatory lists and "cc:" lines left out)."""
    closing = max((i for i, b in enumerate(blocks) if b.kind == CLOSING), default=None)
    if closing is None:
        return []
    groups: list[list[str]] = [[]]
    prev_end = blocks[closing].end
    for b in blocks[closing + 1 :]:
        if b.kind in (FOOTNOTE, PAGE_BREAK):
            continue
        if b.kind not in (SIGNATURE, PARAGRAPH, HEADING, ADDRESS):
            break
        if text.count("\n", prev_end, b.start) > 1 and groups[-1]:
            groups.append([])
        prev_end = b.end
        for line in text[b.start : b.end].split("\n"):
            s = clean(line)
            if not s:
                continue
            if s.endswith(":") or _AFTER_SIGNATURE.match(s):  # a list's lead-in, "cc:", "Enc."
                return [g for g in groups if g]
            if len(s.split()) >= 8 and re.search(r"[.!?]['\"’”]?$", s):  # a sentence, e.g. an image caption
                continue
            groups[-1].append(s)
    return [g for g in groups if g]


def signature_lines(text: str, blocks: list[Block]) -> list[str]:
    return [line for group in signature_groups(text, blocks) for line in group]


def trailing_signature(text: str, blocks: list[Block]) -> list[str]:
    """A signature at the foot of a document without a closing ("Yours sincerely"): a last line
    "Jane Doe, Chief Executive, Anytown Trust", or a last run of short lines whose first names a
    person and whose second a role."""
    if any(b.kind == CLOSING for b in blocks):
        return []
    rest = [b for b in blocks if b.kind not in (FOOTNOTE, PAGE_BREAK)]
    run: list[Block] = []
    for b in reversed(rest):
        t = text[b.start : b.end]
        if b.kind in (PARAGRAPH, SIGNATURE, HEADING, ADDRESS) and "\n" not in t and len(t) <= 150 \
                and not re.search(r"[.!?:;]$", t.strip()):
            run.insert(0, b)
            continue
        break
    if not run or len(run) == len(rest) or len(run) > 4:
        return []  # the whole document is short lines, or a long run (a list, not a signature)
    lines = [clean(text[b.start : b.end]) for b in run]
    if len(lines) == 1:
        parts = [p.strip() for p in lines[0].split(",")]
        if len(parts) >= 2 and looks_like_person(parts[0]) and any(looks_like_role(p) for p in parts[1:]):
            return lines
        return []
    if looks_like_person(lines[0]) and looks_like_role(lines[1]):
        return lines
    return []


def signature_on_behalf(lines: list[str]) -> str | None:
    for line in lines:
        m = re.match(r"^(?:signed\s+)?(?:for and\s+)?on behalf of\s+(?:the\s+)?(?P<x>.+)$", line, re.I)
        if m and not re.match(r"(?i)(?:following|undersigned|below|these|those|all)\b", m.group("x")):
            return clean(m.group("x"))  # "Signed on behalf of the following organisations:" leads in a list
    return None


# ---------------------------------------------------------------- putting it together

@dataclass
class Parties:
    author: str | None = None
    author_org: str | None = None
    author_role: str | None = None
    addressees: list[str] = field(default_factory=list)
    addressee_person: str | None = None
    addressee_org: str | None = None
    addressee_role: str | None = None
    care_of: str | None = None


def _opening_text(text: str, blocks: list[Block], first: int, n: int = 3) -> str:
    paras = [b for b in blocks[first:] if b.kind in (PARAGRAPH, LIST_ITEM)][:n]
    return "\n".join(text[b.start : b.end] for b in paras)


def find_parties(text: str, blocks: list[Block]) -> Parties:
    """Author, author organisation and addressees of a letter or submission."""
    out = Parties()
    sal_i = next((i for i, b in enumerate(blocks) if b.kind == SALUTATION), None)
    dear = dear_name(text[blocks[sal_i].start : blocks[sal_i].end]) if sal_i is not None else None
    glued = _glued_salutation(text, blocks) if sal_i is None else None
    if sal_i is not None:
        head_blocks = [line for b in blocks[:sal_i] if b.kind in (ADDRESS, PARAGRAPH, HEADING)
                       for line in _head_lines(text, b)]
        opening = _opening_text(text, blocks, sal_i + 1)
    elif glued is not None:
        head_blocks, dear_block, opening = glued
        dear = dear_name(text[dear_block.start : dear_block.end])
    else:
        head_blocks = _leading_short_lines(text, blocks)
        opening = _opening_text(text, blocks, 0)
    has_salutation = sal_i is not None or glued is not None
    sig = signature_lines(text, blocks) or trailing_signature(text, blocks)
    signer = read_party_lines(sig, signature=True)
    head = read_letter_head(text, head_blocks, dear, has_recipient=has_salutation, signer=signer,
                            line_groups=glued is not None)
    title_lines = [text[b.start : b.end] for b in blocks[:8]
                   if b.kind in (HEADING, PARAGRAPH, ADDRESS) and len(text[b.start : b.end]) <= 200]
    _find_author(out, text, head, sig, signer, opening, [] if has_salutation else title_lines)
    _find_addressee(out, head, dear, opening, [] if has_salutation else title_lines, form_addressee(text))
    return out


_DEAR_IN_BLOCK = re.compile(r"^[ \t]*Dear\s+[A-Z][^\n]{0,60}?[,:]?[ \t]*$", re.M)


def _glued_salutation(text: str, blocks: list[Block]) -> tuple[list[Block], Block, str] | None:
    """A "Dear …" line run together with the head above it and the opening below (a PDF page
    without blank lines): (the head's lines as one-line blocks, the salutation line, the opening)."""
    for i, b in enumerate(blocks[:6]):
        t = text[b.start : b.end]
        m = _DEAR_IN_BLOCK.search(t)
        if b.kind not in (PARAGRAPH, HEADING, ADDRESS) or not m or m.start() == 0:
            continue
        before = [l for l in t[: m.start()].split("\n") if l.strip()]
        if not before or any(len(l) > 150 or re.search(r"[.!?]$", l.strip()) for l in before):
            return None
        head: list[Block] = [line for p in blocks[:i] if p.kind in (ADDRESS, PARAGRAPH, HEADING)
                             for line in _head_lines(text, p)]
        pos = b.start
        for line in t[: m.start()].split("\n"):
            if line.strip():
                start = pos + len(line) - len(line.lstrip())
                head.append(Block(ADDRESS, start, pos + len(line.rstrip())))
            pos += len(line) + 1
        dear = Block(SALUTATION, b.start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), b.start + m.end())
        opening = "\n".join([text[dear.end : b.end].strip(), _opening_text(text, blocks, i + 1, 2)])
        return head, dear, opening
    return None


# words of a department or a subject, not of an organisation's own name: "Director, Public Affairs"
_UNIT_WORDS = {
    "policy", "policies", "public", "affairs", "health", "research", "communications", "communication", "operations",
    "finance", "financial", "strategy", "strategic", "campaigns", "campaign", "development", "education", "housing",
    "transport", "planning", "engagement", "partnerships", "marketing", "fundraising", "programmes", "programme",
    "care", "social", "adult", "adults", "children", "children's", "young", "people", "digital", "legal",
    "governance", "quality", "nursing", "medicine", "external", "corporate", "human", "resources", "estates", "it",
    "data", "insight", "insights", "delivery", "community", "communities", "environment", "environmental",
    "regeneration", "economic", "economy", "safeguarding", "learning", "skills", "customer", "customers", "casework",
    "consumers", "sector", "relations", "media", "press", "advocacy", "influencing", "impact", "evaluation",
    "innovation", "technology", "science", "clinical", "medical", "mental", "wellbeing", "equality", "inclusion",
    "diversity", "climate", "sustainability", "energy", "waste", "highways", "parks", "leisure", "culture",
    "libraries", "schools", "standards", "compliance", "risk", "audit", "membership", "members", "volunteering",
    "volunteers", "projects", "project", "support", "services", "service", "network", "networks", "local", "national",
    "regional", "international", "general", "special", "senior", "north", "south", "east", "west", "england", "uk",
    "scotland", "wales", "operations", "information", "access", "rights", "benefits", "welfare", "infrastructure",
}


def role_line_org(role: str | None) -> str | None:
    """The organisation after a comma in a role line whose name carries no organisation word:
    "Chief Executive, Warm Homes Now" → "Warm Homes Now". Not a department ("Director, Public
    Affairs"), a place name alone, an address or a person."""
    if not role:
        return None
    parts = [p.strip() for p in clean(role).split(",")]
    if len(parts) < 2 or not has_role(parts[0]) or looks_like_org(parts[0]):
        return None
    for part in reversed(parts[1:]):
        part = re.sub(r"^the\s+", "", part, flags=re.I)
        m = CAP_PHRASE_RE.fullmatch(part)
        words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", part)
                 if w.lower() not in {"of", "and", "for", "the", "in", "on", "to", "de"}]
        if not m or not words or len(words) > 6 or has_role(part) or HONORIFIC.match(part) or is_address_part(part):
            continue
        if len(words) == 1 and not ACRONYM.match(part):
            continue  # "Director, Northtown": a place, not a name
        if all(w.lower() in _UNIT_WORDS for w in words):
            continue
        return part
    return None


def _head_lines(text: str, b: Block) -> list[Block]:
    """A one-line block of a letter's head; a block of header fields ("To: …" / "Cc: …") line by line."""
    t = text[b.start : b.end]
    if "\n" not in t:
        return [b]
    if not _HEADER_FIELD.match(t):
        return []
    out: list[Block] = []
    pos = b.start
    for line in t.split("\n"):
        if line.strip():
            start = pos + len(line) - len(line.lstrip())
            out.append(Block(b.kind, start, pos + len(line.rstrip())))
        pos += len(line) + 1
    return out


def _find_author(out: Parties, text: str, head: LetterHead, sig: list[str], signer: PartyLines, opening: str,
                 title_lines: list[str]) -> None:
    writer_role, writer_org = writes_as(opening)
    form_person, form_org = form_fields(text)
    letterhead_org = next((o for o in map(author_org_from, head.sender) if o), None)
    # a joint letter ("Signed by:" and a list) is from the group its letterhead names, not its first signer
    joint = any(re.match(r"^\s*(?:signed\s+by|signatories|signed)\b", line, re.I) for line in sig)
    candidates = [
        form_org,
        head.from_org,
        on_behalf_of(opening),
        signature_on_behalf(sig),
        letterhead_org if joint else None,
        author_org_from(signer),
        writer_org,
        letterhead_org,
        submission_author(title_lines, opening) if title_lines else None,
        role_line_org(signer.role),
    ]
    found = [c for c in candidates if c]
    # a team or unit ("Planning Policy Team" in a byline) gives way to the organisation it is part of
    org = next((c for c in found if not is_sub_unit(c)), found[0] if found else None)
    out.author_org = with_parent(org, parent_body([signer, *head.sender]))
    out.author = (signer.person or next((pl.person for pl in head.sender if pl.person), None) or head.from_header
                  or form_person)
    out.author_role = signer.role or writer_role or next((pl.role for pl in head.sender if pl.role), None)
    out.care_of = next((pl.care_of for pl in head.sender if pl.care_of), None)


def _find_addressee(out: Parties, head: LetterHead, dear: str | None, opening: str, title_lines: list[str],
                    form_to: str | None = None) -> None:
    """The office in the recipient's block, else its organisation, else the title the salutation
    uses, else a form's "Submitted to:" field, "on your election as X", a "To:" line, a
    submission's "Response to X", and last the person greeted."""
    addressee = person = org = None
    # without an address block, a "To: Name, Leader of X Council" line is read like one
    recipient = head.recipient or (read_party_lines([head.to_header]) if head.to_header else None)
    if recipient is not None:
        addressee, person, org = recipient_addressee(recipient)
        if addressee == person:  # no office or organisation in the block
            addressee = None
    dear_role = dear if dear and has_role(dear) and not looks_like_person(dear) else None
    dear_person = dear if dear and not dear_role else None
    block_has_role = recipient is not None and bool(recipient.roles)
    if addressee is None or (addressee == org and dear_role and is_office(dear_role) and not block_has_role):
        addressee = dear_role or addressee  # "Dear Secretary of State" over the department's name
    addressee = (addressee or form_to or elected_as(opening) or head.to_header
                 or (submission_addressee(title_lines) if title_lines else None) or person or dear_person)
    out.addressees = [addressee] if addressee else []
    out.addressee_person = person or (dear_person if dear_person != addressee else None)
    out.addressee_org = org if org != addressee else None
    if recipient is not None and recipient.role and recipient.role != addressee:
        out.addressee_role = recipient.role


def _leading_short_lines(text: str, blocks: list[Block]) -> list[Block]:
    """A document without a salutation: the one-line blocks before its first real paragraph."""
    out: list[Block] = []
    for b in blocks:
        t = text[b.start : b.end]
        if b.kind in (PARAGRAPH, ADDRESS, HEADING) and "\n" not in t and len(t) <= 120 and not re.search(r"[.!?]$", t):
            out.append(b)
            continue
        break
    return out
