"""What a short line names: a person, a role, an organisation, a postal address, contact details.

Letterheads, address blocks and signatures are runs of short lines; these rules sort them.
The word lists describe kinds of words (organisation words such as "Council" or "Trust",
role words such as "Chair", honorifics, address words), never a particular organisation.
:func:`title_case` writes a name found all in capitals ("NORTHSHIRE NHS FOUNDATION TRUST")
in title case, acronyms kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon

# the word lists are the lexicon's (ingest/data/lexicon.toml): kinds of words, never a particular organisation
ORG_WORDS = lexicon.words("organisation_words")
ROLE_WORDS = tuple(dict.fromkeys(lexicon.words("job_titles") + lexicon.words("role_words")))
# roles that are themselves holders of asks (an office, not a job inside an organisation)
OFFICE_WORDS = lexicon.words("office_holder_words")
HONORIFICS = lexicon.words("honorifics")
POSTNOMINALS = lexicon.words("postnominals")
ADDRESS_WORDS = (
    "Street", "St", "Road", "Rd", "Lane", "Avenue", "Ave", "Walk", "Way", "Close", "Drive", "Square", "Place", "Hall",
    "House", "Building", "Buildings", "Estate", "Gardens", "Terrace", "Row", "Hill", "Park", "Court", "Floor",
    "Wharf", "Quay", "Yard", "Mews", "Crescent", "Parade", "Green", "Embankment", "Tower", "Suite", "Unit", "PO Box",
    "Box", "Settlement", "Chambers", "Mill", "Works", "Business", "Exchange", "Quarter", "Plaza", "Arcade",
)
# small words inside organisation names: "Friends of the Earth", "Hope for Justice"
_NAME_LINKS = {"of", "the", "and", "for", "in", "on", "to", "at", "with", "a", "an", "de", "du", "la", "le", "by",
               "plc", "ltd", "llp", "cic", "gov", "uk"}
_SUB_UNIT = re.compile(r"\b(?:Team|Unit|Section|Division|Directorate|Secretariat|Desk|Mailbox|Inbox)$")
LEGISLATURE = re.compile(r"\b(?:Assembly|Parliament|Senate|Council|House of \w+|Congress)\b")
COMMITTEE = re.compile(r"\b(?:Committee|Sub-Committee|Subcommittee|Panel)$")


def _words_re(words: tuple[str, ...], flags: int = 0) -> re.Pattern:
    alts = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(alts)})(?![\w-])", flags)


_ORG = _words_re(ORG_WORDS)
_ROLE = _words_re(ROLE_WORDS)
_OFFICE = _words_re(OFFICE_WORDS)
HONORIFIC = re.compile(rf"^(?:{'|'.join(sorted((re.escape(h) for h in HONORIFICS), key=len, reverse=True))})\.?\s+")
_POSTNOMINAL = re.compile(rf"(?:,?\s+(?:{'|'.join(POSTNOMINALS)}))+\s*$")
_ADDRESS = _words_re(ADDRESS_WORDS)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b\d{5}(?:-\d{4})?\b")
_STREET_NUMBER = re.compile(r"^(?:\d+[a-z]?\s|(?:Unit|Suite|Flat|Floor|Room|Block)\s+\d)", re.I)
_PHONE = re.compile(r"\+?\(?\d[\d ()\-]{8,}\d|\b(?:tel|telephone|phone|mobile|fax)\b\s*[:.]", re.I)
EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+\.[\w.\-]+")
URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w\-]+\.(?:org|com|gov|net|ac|nhs|co)(?:\.uk)?\b", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z'’\-]+(?:[A-Z][a-z'’\-]+)?|[A-Z]\.?|[A-Z][a-z]?[’']?[A-Z][a-z'’\-]+)$")


def name_word(w: str) -> bool:
    """One word of a person's name: "Smith", "McDonald", "O'Neill", "J.", and in any alphabet ("Ó", "Zoë",
    "Łukasz", "Ní", "Müller-Lüdenscheidt"); not an acronym ("HSWU")."""
    if _NAME_WORD.match(w):
        return True
    core = w[:-1] if w.endswith(".") and len(w) == 2 else w
    if not core or not core[0].isupper() or not core[0].isalpha():
        return False
    if len(core) == 1:
        return True  # an initial: "Ó", "É."
    rest = core[1:]
    return (all(c.isalpha() or c in "'’-" for c in rest) and any(c.islower() for c in rest)
            and not any(c.isupper() for c in rest[:1] if rest[0] not in "'’"))


_UK_SUFFIX = re.compile(r"^[A-Z][^,]*\s(?:UK|England|Scotland|Wales|Cymru|International|Europe)$")  # "Age UK"
ACRONYM = re.compile(r"^[A-Z][A-Z&\-]{1,9}$")
# a run of capitalised words, joined by short linking words: "Secretary of State for Health and Social Care"
CAP_PHRASE = r"[A-Z0-9][\w'’&\-]*(?:\s+(?:(?:of|and|for|the|in|on|to|&|de)\s+)*[A-Z0-9][\w'’&\-]*)*"
CAP_PHRASE_RE = re.compile(CAP_PHRASE)

# lines of a letter head that name neither party
NOISE = re.compile(
    r"^\s*\(?(?:by|via|sent by|sent via)\s+(?:e-?mail|post|hand|courier)\b|^\s*\(?(?:e-?mail|post)\s+only\b|"
    r"^\s*(?:our|your)\s+ref\b|^\s*ref(?:erence)?\s*[:.]|^\s*(?:private|strictly private)?\s*(?:and\s+)?confidential\b|"
    r"^\s*(?:re|subject)\s*:|^\s*(?:date|dated)\s*:|^\s*(?:tel|telephone|phone|mobile|fax|e-?mail|web|website|twitter)\b\s*[:.]|"
    r"^\s*(?:direct line|switchboard|contact)\s*:|^\s*page \d",
    re.I,
)
SENDER_SIGNAL = re.compile(r"^\s*c/o\b|registered charity|company (?:number|no)|charity (?:number|no)", re.I)
_CARE_OF = re.compile(r"^\s*c/o\s+(?P<org>.+?)\s*$", re.I)


def clean(line: str) -> str:
    """Trim whitespace, surrounding punctuation and list bullets from a line."""
    line = line.replace("\xa0", " ").strip()
    line = re.sub(r"^[-*•·▪◦–]\s+", "", line)
    line = re.sub(r"\s+", " ", line)
    return line.strip(" ,;:")


def has_phone(line: str) -> bool:
    for m in _PHONE.finditer(line):
        if not m.group(0)[0].isdigit() and not m.group(0).startswith(("+", "(")):
            return True  # "Tel:"
        if sum(c.isdigit() for c in m.group(0)) >= 10:
            return True
    return False


def is_contact(line: str) -> bool:
    return bool(EMAIL.search(line) or URL.search(line) or has_phone(line) or NOISE.match(line))


def is_address(line: str) -> bool:
    """A postal address line: a street, a building, a postcode, a bare town name."""
    s = clean(line)
    if _POSTCODE.search(s) or _STREET_NUMBER.match(s) or re.match(r"^(?:PO Box|P\.O\.)", s, re.I):
        return True
    if _ADDRESS.search(s) and not _ORG.search(s) and not has_role(s):
        return True
    words = s.split()
    return len(words) == 1 and s.istitle() and not _ORG.search(s) and not has_role(s)


def _cased(s: str) -> str:
    """An all-capitals line ("NORTHSHIRE COUNTY COUNCIL") in title case, for matching the word lists."""
    letters = [c for c in s if c.isalpha()]
    if len(s.split()) > 1 and letters and all(c.isupper() for c in letters):
        return " ".join(w if len(w) <= 3 else w.title() for w in s.split())
    return s


def _role_matches(s: str) -> list[re.Match]:
    # "Mayor's Office", "Commissioner's report": a possessive word is not a role
    s = _cased(s)
    return [m for m in _ROLE.finditer(s) if not re.match(r"['’]s?\b", s[m.end():])]


def has_role(s: str) -> bool:
    return bool(_role_matches(s))


def strip_person_titles(s: str) -> str:
    s = clean(s)
    for _ in range(2):
        s = HONORIFIC.sub("", s)
    return _POSTNOMINAL.sub("", s).strip(" ,")


def looks_like_person(line: str) -> bool:
    """"Jane Smith", "Dr Amir Khan OBE", "The Rt Hon Jane Smith MP", "Cllr J. Patel"."""
    s = clean(line)
    if not s or len(s) > 60 or _ORG.search(s) or _has_role_word_only(s) or is_contact(s):
        return False
    has_title = bool(HONORIFIC.match(s) or _POSTNOMINAL.search(s))
    core = strip_person_titles(s)
    words = core.split()
    if not words or len(words) > 4 or not all(name_word(w) for w in words):
        return False
    if _section_heading(words):
        return False  # "Key Recommendations": a heading
    if _ADDRESS.search(core) and not has_title:
        return False  # "City Hall", "Station Road"
    return has_title or len(words) >= 2


def _has_role_word_only(s: str) -> bool:
    """A role word that is not an honorific ("Councillor Smith" is a person)."""
    rest = HONORIFIC.sub("", s)
    return has_role(rest)


def looks_like_role(line: str) -> bool:
    s = clean(line)
    return bool(s) and len(s) <= 150 and has_role(s) and not looks_like_person(s) and not _org_before_role(s)


def _org_before_role(s: str) -> bool:
    """"Office of the Children's Commissioner", "Department for Education": an organisation, not a role."""
    s = _cased(s)
    org, roles = _ORG.search(s), _role_matches(s)
    if not org or not roles:
        return False
    return org.start() < roles[0].start() and bool(re.search(r"\b(?:of|for)\b", s[org.end(): roles[0].start()]))


# a municipality's corporate name: "City of Anytown", "DISTRICT OF LAKEVIEW", "Rural Municipality of X"
_MUNICIPALITY = re.compile(r"^(?:[Tt]he\s+)?(?:(?:Rural|Regional)\s+)?(?:City|Town|District|County|Village|Borough|Shire|Township|"
                           r"Municipality|Region)\s+of\s+(?:the\s+)?[A-Z]", re.I)


def looks_like_org(line: str) -> bool:
    s = clean(line)
    if not s or len(s) > 150 or is_contact(s) or _POSTCODE.search(s) or _STREET_NUMBER.match(s):
        return False
    if ACRONYM.match(s):
        return True
    if not _ORG.search(_cased(s)) and not _UK_SUFFIX.search(s) and not _MUNICIPALITY.match(s):
        return False
    if has_role(s) and not _org_before_role(s):
        return False
    lower = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", s) if w[0].islower() and w not in _NAME_LINKS]
    if len(lower) > 1:
        return False  # "Anytown Council should fund buses" is a sentence, not a name
    return not re.search(r"[.!?]$", s) or s.endswith(("Ltd.", "Inc.", "Co."))


def is_office(role: str) -> bool:
    """A role that is itself a holder: "Independent X Commissioner", "Mayor of Northtown", "Minister for Y"."""
    return bool(_OFFICE.search(_cased(role)))


def org_in_role(role: str) -> str | None:
    """The organisation a role line names: "Chair of the Health Committee" → "Health Committee";
    "Head of Policy at Anytown Trust" → "Anytown Trust"; "Director, Anytown Council" → "Anytown Council";
    "Chair of the Culture, Media and Sport Committee" → "Culture, Media and Sport Committee"."""
    s = clean(role)
    for sep in (r",\s*", r"\s+at\s+", r"\s*[|–—]\s*", r"\s+-\s+", r"\s+of\s+", r"\s+for\s+"):
        parts = re.split(sep, s)
        for i in range(len(parts) - 1, 0, -1):
            part = re.sub(r"^the\s+", "", parts[i].strip(), flags=re.I)
            if looks_like_org(part):
                if sep.startswith(","):
                    part = _with_listed_words(parts[:i], part)
                return part.strip(" ,.")
    return None


def _with_listed_words(before: list[str], org: str) -> str:
    """"Culture" + "Media and Sport Committee" → "Culture, Media and Sport Committee": single words
    before a comma are part of a listed name when the name itself goes on with "and"."""
    if not re.search(r"\band\b", org):
        return org
    words: list[str] = []
    for piece in reversed(before):
        tail = re.split(r"\s+(?:of|for|at)\s+(?:the\s+)?", piece.strip())[-1]
        if len(tail.split()) != 1 or not tail[:1].isupper() or has_role(tail):
            break
        words.insert(0, tail)
        if tail != piece.strip():
            break
    return ", ".join([*words, org]) if words else org


def org_before_role(role: str) -> str | None:
    """"Welsh Parliament Member for X" → "Welsh Parliament"; "Anytown Council Leader" → "Anytown Council"."""
    s = clean(role)
    roles = _role_matches(s)
    if not roles or roles[0].start() == 0:
        return None
    head = s[: roles[0].start()].strip(" ,")
    return head if looks_like_org(head) else None


def capitalised_phrase(text: str) -> str | None:
    """The run of capitalised words at the start of ``text`` (a leading "the" dropped)."""
    text = re.sub(r"^(?:the|The)\s+", "", text.lstrip())
    m = CAP_PHRASE_RE.match(text)
    if not m:
        return None
    phrase = m.group(0)
    phrase = re.sub(r"['’]s$", "", phrase)
    return phrase.strip(" -") or None


@dataclass
class PartyLines:
    """What a group of short lines (a letterhead, an address block, a signature) says."""

    person: str | None = None
    role: str | None = None
    org: str | None = None
    roles: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    care_of: str | None = None


def read_party_lines(lines: list[str], signature: bool = False) -> PartyLines:
    """Sort a group's lines into person, roles and organisations. The first line may be a name
    that contains an address word ("Peter Green") when it is a signature's or a role follows it."""
    out = PartyLines()
    parts = [clean(part) for raw in lines for part in _split_line(raw)]
    parts = [p for p in parts if p]
    for i, part in enumerate(parts):
        if i == 0 and _name_words_only(part) and (signature or (len(parts) > 1 and looks_like_role(parts[1]))):
            out.person = part
            continue
        care = _CARE_OF.match(part)
        if care:
            out.care_of = out.care_of or clean(care.group("org").split(",")[0])
            continue
        if is_contact(part):
            continue
        if looks_like_person(part) and out.person is None and not out.roles:
            out.person = part
        elif looks_like_role(part):
            out.roles.append(part)
        elif looks_like_org(part):
            out.orgs.append(part)
        elif out.person is None and not out.roles and not out.orgs and _looks_like_plain_name(part):
            out.person = part
    out.role = out.roles[0] if out.roles else None
    whole = [o for o in out.orgs if not _SUB_UNIT.search(o)]
    out.org = (whole or out.orgs or [None])[0]
    return out


def _name_words_only(s: str) -> bool:
    if _ORG.search(_cased(s)) or _has_role_word_only(s) or is_contact(s):
        return False
    words = strip_person_titles(s).split()
    return 2 <= len(words) <= 4 and all(name_word(w) for w in words) and not _section_heading(words)


def _section_heading(words: list[str]) -> bool:
    """"Key Recommendations", "Executive Summary": a heading's words, never a person's name."""
    return any(w.lower() in lexicon.lower("section_words") for w in words)


def _looks_like_plain_name(s: str) -> bool:
    words = strip_person_titles(s).split()
    return 2 <= len(words) <= 4 and all(name_word(w) for w in words) and not is_address(s) and not _section_heading(words)


def _split_line(line: str) -> list[str]:
    """"Jane Smith | Policy Officer | Anytown Trust" and "Jane Smith, Chief Executive" into parts;
    "Jane Smith, Chief Executive, Anytown Water Ltd, 1 Court Road, Anytown AN1 2BC" loses its address."""
    parts = [p for p in re.split(r"\s*[|•·]\s*", line) if p.strip()]
    out: list[str] = []
    for p in parts:
        person, comma, rest = p.partition(",")
        if comma and looks_like_person(person):
            out.extend([person.strip(), without_address(rest.strip())])
        else:
            out.append(p)
    return out


def is_address_part(part: str) -> bool:
    """A comma-separated piece of a one-line address: "1 Court Road", "Anytown AN1 2BC", "Civic House"."""
    s = clean(part)
    if not s:
        return False
    if _POSTCODE.search(s) or _STREET_NUMBER.match(s) or re.match(r"^(?:PO Box|P\.O\.)", s, re.I):
        return True
    return bool(_ADDRESS.search(s) and not _ORG.search(_cased(s)) and not has_role(s) and len(s.split()) >= 2)


def without_address(text: str) -> str:
    """"Chief Executive, Anytown Water Ltd, 1 Court Road, Anytown" → "Chief Executive, Anytown Water Ltd":
    a line cut at its first address piece (the first piece is always kept)."""
    parts = text.split(",")
    for i in range(1, len(parts)):
        if is_address_part(parts[i]):
            return ",".join(parts[:i]).strip()
    return text


def is_sub_unit(org: str) -> bool:
    """"Planning Policy Team", "Engagement Unit": a part of an organisation, not the organisation."""
    return bool(_SUB_UNIT.search(clean(org)))


# words an ALL-CAPS name keeps in capitals (acronyms with vowels); others with no vowel stay as they are
_KEEP_CAPS = {
    "UK", "EU", "UN", "US", "USA", "NHS", "BBC", "ITV", "CIC", "LLP", "PLC", "CVS", "GP", "GPS", "ICB", "ICS", "CCG",
    "SEND", "CAMHS", "YMCA", "YWCA", "RSPB", "RSPCA", "NSPCC", "WWF", "CPRE", "TUC", "LGA", "MP", "MPS", "MSP", "MEP",
    "AM", "MS", "OBE", "MBE", "CBE", "A&E", "UNISON", "UNICEF", "UKHSA", "NICE", "OFSTED", "II", "III", "IV", "VI",
}
# short words without a vowel that are abbreviations, not acronyms: "ST ANNE'S" → "St Anne's"
_ABBREVIATIONS = {"ST", "STS", "LTD", "DR", "MR", "MRS", "MT", "RD", "CTTEE"}
_SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "at", "to", "by", "with", "a", "an", "de", "or", "from", "upon"}


def is_all_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def title_case(name: str | None) -> str | None:
    """"ANYTOWN COUNCIL HOUSING AND REGENERATION PANEL" → "Anytown Council Housing and Regeneration Panel".

    Only a name of two or more words written all in capitals changes (a single word may be an acronym).
    Acronyms stay: known ones ("NHS", "UK"), short words without a vowel ("BBC"), words in brackets
    and words with digits."""
    if not name or len(name.split()) < 2 or not is_all_caps(name):
        return name
    words = [w for w in name.split() if w not in ("&", "/", "+")]
    if any(w in ("&", "/", "+") for w in name.split()) and all(len(re.sub(r"[^A-Za-z]", "", w)) <= 5 for w in words):
        return name  # acronyms joined: "ACME & BTC" names two bodies by their initials
    out: list[str] = []
    for i, word in enumerate(name.split()):
        core = re.sub(r"[^A-Za-z&]", "", word)
        bare = re.sub(r"[^A-Za-z&]", "", re.sub(r"['’]S\W*$", "", word))  # "NHS'S" → "NHS"
        if core in _ABBREVIATIONS:
            out.append(_capitalise(word))
        elif (re.search(r"\d", word) or word.startswith("(") or core in _KEEP_CAPS or bare in _KEEP_CAPS
                or (core and len(core) <= 5 and not re.search(r"[AEIOU]", core))):
            out.append(word)
        elif i > 0 and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(_capitalise(piece) for piece in word.split("-")))
    return " ".join(out)


def _capitalise(piece: str) -> str:
    """"ANNE'S" → "Anne's"; "(NORTH" → "(North"; "MCKAY" → "Mckay"."""
    m = re.search(r"[A-Za-z]", piece)
    if not m:
        return piece
    i = m.start()
    return piece[:i] + piece[i].upper() + piece[i + 1 :].lower()


def author_org_from(lines: PartyLines) -> str | None:
    """The organisation a sender's lines name: an organisation line, the organisation inside a role,
    or the office itself when the role is an office."""
    for role in lines.roles:
        org = org_in_role(role)
        if org:
            return org
    if lines.org:
        return lines.org
    for role in lines.roles:
        if is_office(role):
            return role
    for role in lines.roles:
        org = org_before_role(role)
        if org:
            return org
    return None


def parent_body(lines: list[PartyLines]) -> str | None:
    """A wider body the author belongs to: "Scottish Parliament Member for X" → "Scottish Parliament";
    an organisation line "House of Commons" under a committee chair's title."""
    for pl in lines:
        for role in pl.roles:
            body = org_before_role(role)
            if body and LEGISLATURE.search(body) and len(body.split()) >= 2:
                return body
        for org in pl.orgs:
            if LEGISLATURE.search(org) and not COMMITTEE.search(org) and len(org.split()) >= 2:
                return org
    return None


def with_parent(org: str | None, body: str | None) -> str | None:
    """"Health Committee" + "Scottish Parliament" → "Scottish Parliament Health Committee"."""
    if not org or not body or not COMMITTEE.search(org) or body.lower() in org.lower():
        return org
    return f"{body} {org}"
