"""Who wrote a document and which body it addresses, decided from all the evidence at once.

Every place that can name the author organisation proposes a *candidate* with the span that names it
and a weight for how much that kind of place is worth:

==================  ======  =====================================================================
evidence            weight  what it is
==================  ======  =====================================================================
``column``          10      a consultation export's organisation column, an e-mail's sender
``form``             6      a response form's field ("Organisation: X", "Submitted by: X")
``title``            5      "Written evidence submitted by X", "Comments of X", "X's response to …"
``on_behalf``        4      "on behalf of [the members of] X" in the opening
``self_intro``       4      the opening names X as its subject: "X appreciates the opportunity …",
                            "X, which represents …", "X is a national association of …"
``voice``          ≤ 3      X is the subject of a first-person verb elsewhere ("X supports", "X urges")
``signature``        3      an organisation line of the signature block, or the one in "Title, X"
``footer``           2      a running header or footer line that names X on several pages
``letterhead``       2      an organisation line at the top, before the recipient's block
``layout``         1.5      what the layout rules of :mod:`ingest.parties` found
``domain``         1.5      bonus: the signer's e-mail domain spells X or its acronym
==================  ======  =====================================================================

Candidates that are one organisation under several names (a defined acronym "American Society of
Widgets (ASW)", a name with and without "Inc.") are merged; the best-supported one wins and keeps its
evidence (``Authorship.author_evidence``: the spans that decided it). Hard constraints, whatever the
weight: a person's name, a postnominal or degree (MD, JD, OBE), a job title, a department sub-unit on
its own ("Government Relations"), a section heading, a legal citation and the document's title are
never an organisation; the body the document is addressed to is never its author unless an opening
or a form says so.

The addressee is decided the same way: the recipient's block (its office or body, never the person),
the title in the salutation ("Dear Minister"), a "Response to X" title, and the body the document's
own asks name most often ("we urge X to …").
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field

from ingest.linekinds import (
    EMAIL,
    HONORIFIC,
    capitalised_phrase,
    clean,
    has_role,
    is_address,
    is_all_caps,
    title_case,
    is_contact,
    is_office,
    is_sub_unit,
    looks_like_org,
    looks_like_person,
    looks_like_role,
    org_in_role,
    strip_person_titles,
)
from ingest.records import (
    CLOSING,
    CONSULTATION_RESPONSE,
    HEADING,
    SALUTATION,
    TRANSCRIPT,
    Document,
)

from . import lexicon

WEIGHTS = {
    "column": 10.0, "form": 6.0, "title": 5.0, "on_behalf": 4.0, "self_intro": 4.0, "opening_subject": 3.0, "voice": 1.0,
    "signature": 3.0, "footer": 2.0, "letterhead": 2.0, "layout": 1.5, "domain": 1.5, "signatory": 1.0,
}
VOICE_CAP = 3.0
SCAN_LIMIT = 200_000  # characters of a document searched for evidence (the author names itself early or often)


@lru_cache(maxsize=1)
def _POSTNOMINALS_UP() -> frozenset[str]:
    return frozenset(w.upper().replace(".", "") for w in lexicon.words("postnominals"))
# evidence strong enough to let a candidate be the author although the document is addressed to it
_SELF_SAYS_SO = {"column", "form", "title", "on_behalf", "self_intro"}


@dataclass(frozen=True)
class Evidence:
    source: str  # a key of WEIGHTS
    name: str  # the name as written there
    start: int
    end: int
    weight: float


@dataclass
class Candidate:
    names: list[str]
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def score(self) -> float:
        voice = min(VOICE_CAP, sum(e.weight for e in self.evidence if e.source == "voice"))
        rest = sum(e.weight for e in self.evidence if e.source != "voice")
        kinds = {e.source for e in self.evidence}
        return rest + voice + 0.5 * (len(kinds) - 1)

    @property
    def name(self) -> str:
        return best_name(self.names)


@dataclass
class Authorship:
    author_org: str | None = None
    author_person: str | None = None
    addressee: str | None = None
    author_evidence: list[Evidence] = field(default_factory=list)
    addressee_evidence: list[Evidence] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


# ------------------------------------------------------------------ names

_LEGAL = re.compile(r",?\s+(?:LLC|L\.L\.C\.|Inc\.?|Incorporated|Ltd\.?|Limited|PLC|plc|PBC|Corp\.?|LLP|LP|Pty|GmbH|CIC)$")
_ACRONYM_DEF = re.compile(r"(?P<name>[A-Z][\w'’&.\-]{0,40}(?:\s+(?:(?:of|and|for|the|on|in|&|de)\s+)*[A-Z][\w'’&.\-]{0,40}){1,12})"
                          r"\s*\(\s*(?:the\s+)?[\"“]?(?P<acr>[A-Z][A-Za-z&/.\-]{1,11})[\"”]?\s*\)")
_CITATION = re.compile(r"§|\bC\.?F\.?R\b|\bU\.?S\.?C\b|\b\d+\.\d+|\bRIN\b|\bDocket\b|\bArticle\s+\d|\bSection\s+\d|\bAct\b\s*\d{4}|\bHTI-\d", re.I)
_WORD = re.compile(r"[A-Za-z0-9][\w'’&\-]*")


def fold(name: str) -> str:
    s = _LEGAL.sub("", name.strip()).lower().replace("’", "'").replace("&", " and ")
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"^the\s+|'s$", "", s.strip())
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    return " ".join(w for w in s.split() if w not in ("the", "of", "and", "for"))


def initials(name: str) -> str:
    words = [w for w in _WORD.findall(re.sub(r"\([^)]*\)", " ", _LEGAL.sub("", name)))
             if w.lower() not in ("of", "and", "for", "the", "on", "in", "to", "at")]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


_DIGIT_WORDS = {"2": "t", "4": "f", "8": "a"}  # "C4BH": Connecting for Better Health


def acronym_fits(acronym: str, name: str) -> bool:
    """Whether ``acronym`` spells the initials of ``name``, with or without its small words ("of",
    "for"), a digit standing for a word ("4" for "for"), "&" or "/" ignored."""
    acr = "".join(_DIGIT_WORDS.get(c, c) for c in acronym.lower() if c.isalnum())
    if len(acr) < 2:
        return False
    words = [w for w in _WORD.findall(re.sub(r"\([^)]*\)", " ", _LEGAL.sub("", name)))]
    if len(words) < 2:
        return False
    every = "".join(w[0] for w in words).lower()
    content = "".join(w[0] for w in words if w.lower() not in ("of", "and", "for", "the", "on", "in", "to", "at", "&")).lower()
    return acr in (every, content)


def is_acronym(name: str) -> bool:
    s = name.strip()
    return bool(re.fullmatch(r"[A-Z][A-Za-z0-9&/.\-]{1,11}", s)) and sum(c.isupper() for c in s) >= 2 and " " not in s


def best_name(names: list[str]) -> str:
    """The fullest form: a spelled-out name over its acronym, without a trailing "(ACR)" or "The"."""
    def tidy(n: str) -> str:
        n = re.sub(r"\s*\([^)]*\)\s*$", "", clean(n)).strip(" ,.;:")
        n = re.sub(r"^(?:the|The)\s+", "", n)
        return title_case(n) if is_all_caps(n) and not is_acronym(n) else n
    forms = [tidy(n) for n in names if tidy(n)]
    if not forms:
        return names[0]
    counts = Counter(forms)
    full = [f for f in forms if not is_acronym(f)]
    bodies = [f for f in full if not is_office(f)]
    pool = bodies or full or forms
    return max(pool, key=lambda f: (len(_LEGAL.sub("", f).split()) >= 2, len(fold(f)), counts[f], -forms.index(f)))


def never_an_org(name: str, doc_headings: set[str] | None = None, plain_names: bool = True) -> str | None:
    """Why ``name`` can't be an organisation (a constraint), or None. ``plain_names``: a plain two- or
    three-word capitalised name ("Jane Smith") counts as a person; where the text itself uses the name as
    an organisation ("Rocky Point Trust appreciates …") only a name with an honorific or postnominal does."""
    s = clean(name).strip(" ,.;:")
    if not s or len(s) < 2:
        return "empty"
    words = s.split()
    lowered = [w for w in words if w[:1].islower() and w.lower() not in _LINKS]
    if words[0] == "Undersigned":
        lowered = []
    if words[0][:1].islower() and not re.match(r"[a-z][A-Z]", words[0]) or words[0].lower() in lexicon.lower("not_org_phrases") or len(lowered) > 1:
        return "not a name"
    if re.search(r"[a-z]\.\s", s) or s.count(",") > 2:
        return "sentence"
    if len(words) <= 3 and re.search(r"[a-z](?:ians|ans|ese)$", words[-1]) and not looks_like_org(s):
        return "people"  # "Tasmanians", "Kenyans": the people of a place, not a body that speaks for them
    if "@" in s:
        return "contact"  # an e-mail address (or a name with one) is a way to reach someone, not a name
    if re.match(r"[A-Z][a-z]+ed\s+by\b", s):
        return "sentence"  # "Adopted by Council on 9 March": a clause, not a name
    if re.search(r"\bon\s+behalf\s+of\b", s, re.I):
        return "role"  # "Mayor, on behalf of Council": a signer's line, not a name
    if any(w in lexicon.words("headline_verbs") for w in words[1:]):
        return "headline"  # "Government Urged to Act on Crime": a headline, whose subject is asked, not writing
    if all(w.strip(",.").upper() in _POSTNOMINALS_UP() for w in words):
        return "postnominal"
    if _person_shape(s) or plain_names and looks_like_person(s):
        return "person"
    if "," in s and any(_person_shape(p) or HONORIFIC.match(p) for p in s.split(",")[1:]):
        return "person"  # "Minister for X, Jo Bloggs MP"
    if _CITATION.search(s):
        return "citation"
    if ":" in s:
        return "field"
    if doc_headings and fold(s) in doc_headings and not looks_like_org(s):
        return "heading"
    if is_sub_unit(s) or _unit_only(s):
        return "sub-unit"
    if s.lower() in lexicon.lower("job_titles") or s.lower() in lexicon.lower("office_titles") and len(words) == 1:
        return "role"
    if has_role(s) and not looks_like_org(s) and not org_in_role(s) and not is_office(s):
        return "role"  # "The Assistant Chief Executive presented …": a post, also where the text makes it a subject
    if re.search(r"\b(?:I|We|You|Our|My|Your|Their|His|Her)\b", s):
        return "pronoun"
    if re.search(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d", s) or \
            re.fullmatch(r"(?i)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
                         r"july|august|september|october|november|december)\b.*", s):
        return "date"
    tokens = _WORD.findall(s)
    if not tokens:
        return "empty"
    if tokens[0].lower() in lexicon.lower("legal_units") and (len(tokens) == 1 or re.match(r"\d|[IVXL]+$|[a-z]$", tokens[1])) or \
            len(tokens) == 1 and tokens[0].lower() in lexicon.lower("document_heads"):
        return "document"  # "Clause 21", "Section 4(b)", "the Treaty": a part of a law, never a body
    if re.search(r"[’']s\s", s) and not looks_like_org(s) or tokens[-1].lower() in lexicon.lower("document_heads") or re.search(
            r"(?i)^(?:(?:government|joint|written|formal|public|supplementary)\s+)?(?:response|submission|memorandum|comments|evidence|"
            r"statement|testimony|position\s+paper)\s+(?:submitted\s+)?(?:to|on|by|from|of)\b", s) or re.search(
            r"\b(?:Annual|Interim|Final|Progress)\s+Report\b|\bReport\s+(?:on|of|into)\b|\b(?:White|Green)\s+Paper\b", s):
        return "document"
    lead = [t.lower() for t in tokens]
    while lead and (lead[0] in _TITLE_LEADS or re.fullmatch(r"\d+(?:st|nd|rd|th)?", lead[0])):
        lead.pop(0)
    if len(lead) >= 2 and lead[0] in lexicon.lower("title_heads") and lead[1] in ("of", "on", "into", "for", "to") \
            and lead[-1] not in lexicon.lower("organisation_words"):
        return "document"  # "Fourth Review of Ireland's …", "Strategy for Rural Libraries": a title's head first
    if s.lower() in lexicon.lower("not_org_phrases"):
        return "generic"
    if len(words) > 12:
        return "too long"
    return None


_TITLE_LEADS = {"the", "a", "an", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                "tenth", "annual", "final", "draft", "interim", "new", "national", "independent", "proposed", "revised"}
_LINKS = {"of", "and", "for", "the", "on", "in", "at", "to", "de", "du", "la", "le", "&", "by", "with"}


def _person_shape(s: str) -> bool:
    """"Jon Lipsky", "Dr. Jane Q. Public, MD, MPH": honorifics/postnominals around two or three name words."""
    core = strip_person_titles(re.sub(r",\s*[A-Z][A-Za-z.]{1,6}(?=,|$)", lambda m: m.group(0) if m.group(0).strip(", ").upper() not in _POSTNOMINALS_UP() else "", s))
    had_title = core != s
    ws = core.replace(".", ". ").split()
    if not 2 <= len(ws) <= 4 or any(w.lower() in lexicon.lower("organisation_words") for w in ws):
        return False
    return had_title and all(re.fullmatch(r"[A-Z][a-z'’\-]+|[A-Z]\.?", w) for w in ws)


def _unit_only(s: str) -> bool:
    """A department's function on its own ("Government Relations", "Product Strategy & Compliance")."""
    ws = [w.lower().strip(",.") for w in _WORD.findall(s)]
    if not ws or ws[-1] not in lexicon.lower("unit_function_words"):
        return False
    # every word a word of functions ("Government Relations", "Public Policy and Advocacy"): no name in it
    known = lexicon.lower("unit_function_words") | lexicon.lower("unit_qualifiers") | {"and", "of", "&", "for"}
    return all(w in known for w in ws)


# ------------------------------------------------------------------ the document's regions

@dataclass
class _Line:
    text: str
    start: int
    end: int


def _lines(text: str, start: int, end: int) -> list[_Line]:
    out, pos = [], start
    for raw in text[start:end].split("\n"):
        s = raw.strip()
        if s:
            off = pos + raw.index(s[0])
            out.append(_Line(s, off, off + len(s)))
        pos += len(raw) + 1
    return out


def _block_index(doc: Document, kind: str, last: bool = False) -> int | None:
    found = [i for i, b in enumerate(doc.blocks) if b.kind == kind]
    return (found[-1] if last else found[0]) if found else None


_DEAR_LINE = re.compile(r"^[ \t]*(?:Dear\b[^\n]{0,100}|To whom\b[^\n]{0,100}|To (?:the\s+)?[A-Z][^\n]{0,100}[:,]|"
                        r"(?:Sir|Madam|Sirs|Sir\s*/\s*Madam|Sir\s+or\s+Madam|Madam\s+Chair|Mr\.?\s+Chair(?:man)?)\s*[,:])\s*$", re.M)
_CLOSING_LINE = re.compile(r"^\s*(?:Yours\s+(?:sincerely|faithfully|truly)|Sincerely(?:\s+yours)?|Respectfully(?:\s+submitted|\s+yours)?|"
                           r"(?:With\s+)?(?:Kind|Best|Warm)\s+(?:regards|wishes)|Regards|Thank you),?\s*$", re.M | re.I)
_DATE_LINE = re.compile(r"^\s*(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                        r"(?:\s+\d{1,2},?)?\s+\d{4}\s*$|^\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s*$", re.I | re.M)


def _head_end(doc: Document) -> int:
    i = _block_index(doc, SALUTATION)
    if i is not None:
        return doc.blocks[i].start
    m = _DEAR_LINE.search(doc.text[:4000])
    if m:
        return m.start()
    first = next((b for b in doc.blocks if b.kind in ("paragraph", "list_item") and _prose(doc.text[b.start:b.end])), None)
    return first.start if first else 0


def _prose(text: str) -> bool:
    """Running sentences, not an address block, a field ("Re: …") or a title."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    words = text.split()
    return (len(words) >= 15 and sum(len(ln) for ln in lines) / len(lines) > 45 and not re.match(r"\s*[A-Z][\w ]{0,30}:", text)
            and bool(re.search(r"[a-z,;]\s+[a-z]+\s+[a-z]+", text)))


def _signature_region(doc: Document) -> tuple[int, int] | None:
    """From the last sign-off ("Sincerely,") to ~15 lines after it."""
    i = _block_index(doc, CLOSING, last=True)
    start = doc.blocks[i].end if i is not None else None
    if start is None or start < len(doc.text) * 0.4:
        ms = [m for m in _CLOSING_LINE.finditer(doc.text) if m.start() >= len(doc.text) * 0.4]
        if not ms:
            return None
        start = ms[-1].end()
    lines = []
    for ln in _lines(doc.text, start, min(len(doc.text), start + 1500))[:15]:
        if len(ln.text) > 110 and not re.search(r"[|@]|\s{3,}", ln.text) or re.match(
                r"(?i)(?:references|endnotes|notes|appendix|attachment|enclosures?|cc)\b", ln.text):
            break
        lines.append(ln)
    return (start, lines[-1].end) if lines else None


# ------------------------------------------------------------------ candidate generators

_CONTACT_TAIL = re.compile(r"\s+(?:web|website|www\.|https?:|tel|telephone|phone|ph|fax|e-?mail|registered)\b.*$|\s+\d{2,}\s.*$|"
                           r"\s+(?:G\.?P\.?O\.?|P\.?\s?O\.?)\s?Box\b.*$|\s+Locked\s+Bag\b.*$", re.I)
# where the lines of an address block run together ("Select Committee on X Committee Secretary Department of Y PO Box 1")
_GLUED = re.compile(r"\s+(?=(?:Committee\s+)?(?:Secretary|Clerk|Secretariat)\b|(?:Department|Ministry|Office)\s+(?:of|for)\b|"
                    r"(?:Parliament|Government)\s+(?:House|Buildings)\b)")


def _glued_pieces(line: str) -> list[str]:
    return [p for p in _GLUED.split(clean(line)) if p.strip()] if len(line.split()) > 6 else [line]


def _org_in_line(line: str) -> str | None:
    """The organisation a short line names: the line itself, the organisation in "Title, X", or the
    first piece of a "X | address | phone" footer or of "X web: x.org 12 Main St"."""
    s = clean(line).strip(" ,;:")
    cut = _CONTACT_TAIL.sub("", s).strip(" ,;:|")
    if cut and cut != s and len(cut) >= 3 and not is_contact(cut):
        return _org_in_line(cut)
    if 2 <= len(s.split()) <= 8 and _LEGAL.search(s) and not is_contact(s) and not re.search(r"\d", s):
        return s  # "Acme Exchange LLC"
    if not s or len(s) > 150 or is_contact(s) or is_address(s):
        pieces = [p.strip() for p in re.split(r"\s*[|•·]\s*|\s{3,}", s) if p.strip()]
        if len(pieces) > 1 and not is_contact(pieces[0]) and not is_address(pieces[0]):
            return _org_in_line(pieces[0])
        return None
    if re.search(r"[.!?]$", s) and not re.search(r"(?:Inc|Ltd|Co|Corp|L\.L\.C)\.$", s):
        return None
    pieces = [p.strip() for p in re.split(r"\s*[|•·]\s*", s) if p.strip()]
    if len(pieces) > 1:
        return _org_in_line(pieces[0])
    if looks_like_org(s) or _LEGAL.search(s) and len(s.split()) >= 2 or is_office(s) and not looks_like_person(s):
        return s
    if re.fullmatch(r"[A-Z][A-Z&\-]{1,9}(?:/[A-Z][A-Z&\-]{1,9})+", s):
        return s  # "ASTP/ONC": one body under two acronyms
    if has_role(s):
        return org_in_role(s)
    return None


def _plain_name_line(line: str, lenient: bool = False) -> str | None:
    """A short capitalised line that could be a company name without an organisation word ("Acme
    Widgets", "eWidget Exchange"): only taken where other evidence agrees (letterhead, signature).
    ``lenient``: the line's place says it is a name (after the signer's role), so address words pass."""
    s = clean(line).strip(" ,;:")
    s = re.sub(r"\s+(?:Page\s+)?\d+(?:\s+of\s+\d+)?$", "", s)
    if not s or len(s) > 60 or re.search(r"[.!?:]$", s) or is_contact(s) or has_role(s) or not lenient and is_address(s):
        return None
    if looks_like_person(s) or _DATE_LINE.match(s) or re.search(r"\d{3,}", s):
        return None
    words = _WORD.findall(s)
    if not 1 <= len(words) <= 6 or not all(w[0].isupper() or re.match(r"[a-z][A-Z]", w) or w[0].isdigit()
                                           or w.lower() in ("of", "and", "for", "the", "&") for w in words):
        return None
    return s


def trim(name: str) -> str:
    """A name as a sentence or a line gives it, without what the capitalised run swept up: a heading
    before it on the same line ("ABOUT US Acme Trust"), a leading "While the", a possessive, a page number."""
    name = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", name)  # a markdown link: its text
    name = clean(name.replace("**", "").replace("__", "")).strip(" ,.;:*#")
    name = re.split(r"(?<=[a-z0-9)])\.\s+", name)[-1]  # "… in Ohio. Acme Trust" → "Acme Trust"
    name = re.sub(r"\s+(?:Page\s+)?\d+(?:\s+of\s+\d+)?(?:\s+[A-Z][a-z]+)?$", "", name)
    name = re.sub(r"['’]s?$", "", name)
    # a title that starts with its author: "Acme Government response to the Select Committee on X" → "Acme Government"
    name = re.sub(r"(?<=\S)\s+(?i:response|submission|comments?|reply|evidence)\s+(?i:to|on)\s.*$", "", name)
    # an organisation and its signer on one line: "Acme Club (AC) - Jo Bloggs, Chair" → "Acme Club (AC)"
    signed = re.match(r"(?P<org>.+?)\s+[-–—]\s+(?P<who>[^,]+),\s*[^,]{2,60}$", name)
    if signed and (looks_like_person(signed.group("who")) or _person_shape(signed.group("who"))):
        name = signed.group("org")
    # a footnote marker glued to the name's last word ("Acme Trade Institute1"): an organisation word never
    # ends in digits
    glued = re.search(r"(?<=[a-z])\d{1,2}$", name)
    if glued and (_WORD.findall(name[: glued.start()]) or [""])[-1].lower() in lexicon.lower("organisation_words"):
        name = name[: glued.start()]
    name = re.sub(r"\s+(?:Members?|Membership|Staff|Colleagues|Team Members)$", "", name)
    name = re.sub(r"(?:\s+(?:The|A|An|And|Of|For|In|On|To|By|With))+$", "", name)  # a name never ends in a function word
    owner = re.match(r"(?P<x>.+?)['’]s\s+(?P<y>.+)$", name)
    if owner and (_WORD.findall(owner.group("y")) or [""])[-1].lower() not in lexicon.lower("document_heads") and (
            looks_like_org(owner.group("x")) or is_acronym(owner.group("x")) or not looks_like_org(name)):
        # "Acme Trust's Advisory Collaborative" → its owner, "Acme Trust"; not "Upland Women's Land Network", a name
        # with a possessive inside it
        name = owner.group("x")
    # a title the capitalised run swept up: "Testimony of the Acme Association" → "Acme Association"
    name = re.sub(r"^(?i:(?:(?:Joint|Written|Oral|Supplementary)\s+)?(?:Testimony|Submission|Comments|Evidence|Response|Statement|Memorandum)"
                  r"\s+(?:submitted\s+)?(?:of|from|by)\s+(?:the\s+)?)(?=[A-Z])", "", name)
    words = name.split()
    while words and (words[0].lower() in lexicon.lower("not_org_phrases") or words[0].lower() == "the"
                     or re.fullmatch(r"[IVX]+\.|\d+\.", words[0])):
        words.pop(0)
    # a run of capitals that heads the line ("ABOUT ACME TRUST Acme Trust"): keep the last name only
    caps = [i for i, w in enumerate(words) if w.isupper() and len(w) > 1]
    if caps and caps[0] == 0 and len(caps) < len(words) and len(caps) >= 2:
        rest = words[len(caps):] if caps == list(range(len(caps))) else words
        if rest and rest[0][:1].isupper():
            words = rest
    return " ".join(words).strip(" ,.;:")


def _add(out: list[Evidence], source: str, name: str | None, start: int, end: int, weight: float | None = None) -> None:
    if name:
        name = trim(name)
        if name and source in ("self_intro", "voice") and " " not in name and not is_acronym(name) and (
                name.lower().endswith("ly") or name.lower() in lexicon.lower("sentence_openers")):
            return  # "Specifically, …", "Today, …": an adverb, not a subject
        if name:
            out.append(Evidence(source, name, start, end, WEIGHTS[source] if weight is None else weight))


_ON_BEHALF = re.compile(r"\b(?i:on\s+behalf\s+of)\s+(?:the\s+|our\s+)?(?:(?:[a-z][\w,'’\-]*\s+|\d[\d,]*\s+){0,10}?(?:of|at|in)\s+(?:the\s+)?)?"
                        r"(?P<x>[A-Z][\w'’&.\-]{0,40}(?:\s+(?:(?:of|and|for|the|on|in|&|de)\s+)*(?:[A-Z0-9]|[a-z]{1,2}-?[A-Z])[\w'’&.\-]{0,40}){0,12})"
                        r"(?:\s*\((?P<acr>[A-Z][A-Za-z&/.\-]{1,11})\))?")
# an organisation's name as the text writes it, and the acronym it may define right after it ("(ACME)", "(ACME INDIA)")
_NAME = r"[A-Z][\w'’&.\-]{0,40}(?:[ \t]+(?:(?:of|and|for|the|on|in|&|de)[ \t]+)*(?:[A-Z0-9]|[a-z]{1,2}-?[A-Z])[\w'’&.\-]{0,40}){0,12}"
_ACR = r"(?:\s*\((?P<acr>[A-Z][A-Za-z&/.\-]{1,11}(?:[ \t][A-Z][A-Za-z&/.\-]{1,11})?)\))?"
_SELF_VERBS = r"(?:appreciates?|welcomes?|is\s+pleased|is\s+grateful|thanks|submits|(?:has\s+)?submitted\s+(?:this|these|its|the|a|an|comments?|evidence)\b|writes|respectfully|is\s+writing|would\s+like|" \
              r"represents|is\s+(?:a|an|the)\b|was\s+(?:founded|established|created)|serves|offers|provides|is\s+proud|is\s+committed|" \
              r"has\s+(?:reviewed|long)|strongly|applauds|commends|supports|agrees|recommends|urges|encourages|requests|believes|" \
              r"is\s+concerned|shares|opposes|asks|calls|looks\s+forward|stands\s+ready|continues|notes|remains)"
_SUBJECT = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?:The[ \t]+)?(?P<x>" + _NAME + ")" + _ACR +
                      rf"(?P<sep>\s*,\s*(?:which|a|an|the|who|on\s+behalf)\b|\s+(?:also\s+|therefore\s+|further\s+)?{_SELF_VERBS})")
_WRITER_VERB = re.compile(r"\s+(?:would\s+like\b|appreciates\s+the\s+opportunity|welcomes\s+the\s+opportunity|is\s+pleased\s+to|"
                          r"is\s+grateful|respectfully|submits\b|is\s+writing)")
_FORM_FIELD = re.compile(
    r"^[ \t]*(?:\**(?:author|publisher|(?:press|media|news)\s+release(?:\s+from)?|statement\s+(?:from|by))\**(?=[ \t]*:)|"
    r"(?-i:From)(?=[ \t]*[:\-–][ \t]*|[ \t]+the[ \t])|name of (?:your |the )?organi[sz]ation|(?:submitting |responding |your )?organi[sz]ation(?: name)?|"
    r"responding on behalf of|on behalf of|company(?: name)?|respondent organi[sz]ation|submitted by|submission (?:from|by)|"
    r"response (?:from|by))[ \t]*[:\-–]?[ \t]*(?:the[ \t]+)?(?P<x>\S[^\n]{1,200})$", re.I | re.M)
_FIELD_LABEL = re.compile(r"^\s*(?:submitting|responding|commenting)?\s*(?:organi[sz]ation(?:\s+name)?|company(?:\s+name)?|submitted\s+by|"
                          r"respondent|name\s+of\s+(?:the\s+)?organi[sz]ation|on\s+behalf\s+of)\s*:?\s*$", re.I)
# a sentence's start: after a full stop, a line break or a dateline's dash ("Paris, 3 May 2015 – The Acme …"),
# optionally past a short introductory clause ("In view of the report, Acme would like …")
_START = r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=\s[–—]\s))[ \t]*(?:\d{1,2}(?:\.\d{1,2})*\.?[ \t]+)?(?:(?:[A-Z][^.!?\n,]{2,200}|However|Therefore|Overall|Accordingly),[ \t]+(?:contrary[^.!?\n,]{2,80},[ \t]+)?)?"
# a second organisation speaking with the first ("Acme (AC) and the Beta Trust (BT) today urged …")
_CO = r"(?:[ \t]+and[ \t]+(?:the[ \t]+)?(?P<y>" + _NAME + r")(?:\s*\([A-Z][A-Za-z&/.\-]{1,11}\))?)?"
_ADVERBS = r"(?:(?:today|jointly|also|therefore|further|strongly|firmly|fully|again|respectfully)[ \t]+)*"
_OPENING_SUBJECT = re.compile(_START + r"(?:[Tt]he[ \t]+)?(?P<x>" + _NAME + ")" + _ACR + _CO +
                              r"(?:\s*,(?:[^.,;]|,(?=\d)){3,160},)?\s*,?\s+" + _ADVERBS +
                              r"(?:is|are|has|have|was|were|would|will|respectfully|appreciate|welcome|represent|submit|thank|"
                              r"support|write|offer|provide|urge|recommend|submitted|urged|[a-z]{3,}s|[a-z]{3,}ed)\b")
_OWN_RESPONSE = re.compile(r"\b(?:provide|submit|present|enclose|attach|set\s+out|offer)s?\s+(?:below\s+)?(?:the\s+)?"
                           r"(?P<x>[A-Z][\w'’&.\-]{0,40}(?:[ \t]+(?:(?:of|and|for|the|on|in|&|de)[ \t]+)*[A-Z][\w'’&.\-]{0,40}){0,8})['’]s?\s+"
                           r"(?:response|submission|comments|views|evidence|feedback)\b")
_SELF_VERB_AT = re.compile(r"\)?" + _CO + r"\s*(?:,(?:[^.,;]|,(?=\d)){3,160},)?\s*,?\s+" + _ADVERBS +
                           r"(?:appreciates?|welcomes?|is\s+pleased|are\s+pleased|is\s+grateful|are\s+grateful|thanks?|submits?|"
                           r"(?:has\s+)?submitted\s+(?:this|these|its|the|a|an|comments?|evidence)\b|"
                           r"writes?|respectfully|is\s+writing|would\s+like|represents?|is\s+(?:a|an|the)\b|are\s+(?:a|an|the)\b|"
                           r"was\s+(?:founded|established|created)|serves?|is\s+proud|is\s+committed|has\s+(?:reviewed|long)|"
                           r"offers?|provides?|values?|supports?|recommends?|urges?|urged|commends?|applauds?|opposes?|"
                           r"agrees?|remains?\s+(?:convinced|concerned|committed|opposed)|believes?|is\s+concerned|are\s+concerned|"
                           r"calls?\s+(?:on|upon|for))\b")
_STANCE_AT = re.compile(r"\)?" + _CO + r"\s*,?\s+" + _ADVERBS +
                        r"(?:opposes|supports|welcomes|recommends|urges|agrees|believes|remains\s+(?:convinced|concerned|opposed))\b")
# what only a document's writer says of itself: "Acme is pleased to provide …", "Acme submitted a public comment …"
_WRITER_AT = re.compile(r"\)?\s*,?\s+(?:also\s+)?(?:is\s+pleased\s+to|are\s+pleased\s+to|would\s+like\s+to|appreciates?\s+the\s+opportunity|"
                        r"welcomes?\s+the\s+opportunity|is\s+grateful\s+for\s+the\s+opportunity|"
                        r"(?:has\s+)?submitted\s+(?:a|an|this|these|its)\s+(?:\w+\s+)?(?:comments?|submission|response|evidence|memorandum))\b")
# "This is the Acme position paper on …": the document names its own writer
_THIS_IS = re.compile(r"\bThis\s+(?:document\s+|paper\s+)?is\s+(?:the\s+)?(?P<x>[A-Z][\w'’&.\-]{0,40}(?:[ \t]+(?:(?:of|and|for|the|on|in|&|de)[ \t]+)*[A-Z][\w'’&.\-]{0,40}){0,8}?)"
                      r"(?:['’]s)?\s+(?:position\s+paper|submission|response|comments|evidence|statement|memorandum)\b")
# a title's second line naming its writer ("MEMORANDUM SUBMITTED TO THE X COMMITTEE" / "BY THE ACME COALITION (AC)")
_BY_LINE = re.compile(r"^\s*(?:(?:submitted|presented|prepared)\s+)?by\s+(?:the\s+)?(?P<x>[A-Z][^\n()]{2,120}?)\s*(?:\((?P<acr>[A-Z][A-Za-z&/.\-]{1,11})\))?\s*$", re.I)
_TITLE_HEAD = re.compile(r"^\s*(?:(?:written|joint|open|formal|public|supplementary|further)\s+)*(?:memorandum|submission|evidence|comments|response|statement|testimony|position\s+paper)\b", re.I)
# the body that passes a resolution or motion (a name without "the" inside it: "by the X Council the Council agreed …")
_RESOLVED_BY = re.compile(r"\b(?i:resolved|ordained|enacted)\s*,?\s+(?i:by)\s+(?:the\s+)?"
                          r"(?P<x>[A-Z][\w'’&.\-]*(?:[ \t]+(?:(?:of|and|for|&)[ \t]+(?:the[ \t]+)?)?[A-Z][\w'’&.\-]*){0,8})")
# a command paper: "Laid before Parliament by the Minister for Ferries by Command of …"
_PRESENTED_BY = re.compile(r"^\s*(?:Presented|Laid)\s+(?:to|before)\s+(?:Parliament|the\s+[A-Z][\w ]{2,60}?)\s+(?:by|on\s+behalf\s+of)\s+(?:the\s+)?"
                           r"(?P<x>[A-Z][\w ,'’&\-]{2,120}?)(?:\s+by\s+Command\b.*|\s*[.,]?\s*)$")
_SELF_DESCRIBED = re.compile(r"(?<![\w'’&.\-])(?P<x>[A-Z][\w'’&.\-]{0,40}(?:[ \t]+(?:(?:of|and|for|the|on|in|&|de)[ \t]+)*[A-Z][\w'’&.\-]{0,40}){0,8})"
                             r"\s+is\s+(?:a|an)\s+[^.!?]{3,160}[.!?]\s+(?:We|Our)\b")
_WRITTEN_QUESTION = re.compile(r"^\s*To\s+ask\s+(?:the\s+)?(?P<x>(?:[A-Z][\w'’-]{0,40}|of|for|the|and)(?:\s+(?:[A-Z][\w'’-]{0,40}|of|for|the|and))*?)"
                               r",?\s+(?:when|what|whether|if|how|why|which|who|where)\b")
_TITLE_BY = re.compile(r"^\s*(?:(?:written|joint|open|formal|public|supplementary|further)\s+)*(?:evidence|comments?|submission|response|memorandum|statement|letter|testimony|representations?)"
                       r"\s+(?:submitted\s+)?(?:of|from|by)\s+(?:the\s+)?(?P<x>.+?)\s*(?:\(|$|\bto\b|\bon\b)", re.I)
_CAPS_LIST = re.compile(r"\s*(?P<run>[A-Z][A-Z&'’.\-]*(?:[ \t]+[A-Z&'’.\-]+)+(?:,[ \t]*[A-Z][A-Z&'’.\-]+(?:[ \t]+[A-Z&'’.\-]+)*){1,30})(?=[ \t\n,]+[A-Z]?[a-z\d])")
_TITLE_INLINE = re.compile(r"\b(?:Joint\s+|Written\s+)?(?:Submission|Comments|Response|Evidence|Memorandum|Statement)\s+(?:submitted\s+)?(?:of|from|by)\s+(?:the\s+)?"
                           r"(?P<x>[A-Z][\w'’&.\-]{0,40}(?:[ \t]+(?:(?:of|and|for|the|on|in|&|de)[ \t]+)*[A-Z][\w'’&.\-]{0,40}){0,8})")
_TITLE_OWN = re.compile(r"^\s*(?:Re:\s*|RE:\s*)?(?:the\s+|The\s+)?(?P<x>[A-Z][\w'’&.\-]{0,40}(?:\s+(?:(?:of|and|for|the|on|in|&|de)\s+)*(?:[A-Z0-9]|[a-z]{1,2}-?[A-Z])[\w'’&.\-]{0,40}){0,10})"
                        r"(?:['’]s)?\s+(?i:response|submission|comments|evidence)\s+(?i:to|on)\b")


# an opening clause naming the statement the sentence's subject issues ("In a press release on Sunday, …")
_ISSUED_IN = re.compile(r"\b(?:[Ii]n|[Tt]hrough|[Vv]ia)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}(?:release|statement|letter|submission|"
                        r"communiqu[eé]|press\s+conference|open\s+letter|memorandum)\b[^.!?]*,\s*(?:[Tt]he\s+)?$")
# the subject of a passive ask: "The Jamaican Government is being urged to …", "Ministers were asked to …"
_ASKED_OF = re.compile(r"\)?\s*,?\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:being\s+|now\s+|also\s+|again\s+)?"
                       r"(?:(?:urged|asked|encouraged|invited|requested|pressed|told)\s+(?:to|for)\b|called\s+(?:on|upon)\b)")
# an office or body right before a person's name set off by commas ("The Commissioner for Older People, Jo Bloggs, …")
_APPOSED_OFFICE = re.compile(r"(?:^|(?<=[.!?]\s))\s*(?:[Tt]he\s+)?(?P<x>" + _NAME + r")\s*,\s*$")


def _opening_start(doc: Document, head_end: int) -> int:
    """Where the body begins: after the salutation's line ("Dear …", "To the X:"), else where the head ends."""
    if head_end >= len(doc.text):
        return 0
    if not _DEAR_LINE.match(doc.text, head_end) and not any(b.kind == SALUTATION and b.start == head_end for b in doc.blocks):
        return head_end
    nl = doc.text.find("\n", head_end)
    return nl + 1 if nl >= 0 else len(doc.text)


def _opening_paragraphs(doc: Document, after: int, n: int = 4) -> list[tuple[int, int]]:
    spans = []
    for b in doc.blocks:
        if b.end <= after or b.kind not in ("paragraph", "list_item"):
            continue
        start = max(b.start, after)
        if len(doc.text[start:b.end]) < 60:
            continue
        spans.append((start, b.end))
        if len(spans) >= n:
            break
    return spans


def author_candidates(doc: Document, bodies: list[str] | None = None) -> tuple[list[Evidence], dict[str, str]]:
    """Every piece of evidence for the author organisation, and the acronyms the text defines
    (``bodies``: :func:`addressed_bodies`, when the caller has them already)."""
    text = doc.text
    ev: list[Evidence] = []
    acronyms: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text[:60000]):
        name, acr = m.group("name"), m.group("acr")
        name = re.sub(r"^(?:The|On behalf of|Dear)\s+", "", name)
        if initials(name).startswith(acr.lower()[:1]) and len(name.split()) >= 2:
            acronyms.setdefault(acr, name)

    if doc.kind == CONSULTATION_RESPONSE and doc.author_org or doc.format == "eml" and doc.author_org:
        _add(ev, "column", doc.author_org, 0, 0)

    # form fields and titles in the first lines
    for m in _FORM_FIELD.finditer("\n".join(text.split("\n")[:40])):
        # "From: Jo Bloggs <secretary@acme.org>": the display name, without its address, is what is judged
        shown = re.sub(r"\s*<[^<>]*>|\s*\S+@\S+", "", m.group("x")).strip()
        value = re.split(r"\s*,\s*(?=\d|[A-Z][a-z]+ (?:Street|Road|Avenue|Lane|Ave|St)\b)|\s+\(|(?<=[a-z])\.\s|\s*[;|]\s*|\s+(?i:contact|e-?mail|tel|phone)\b",
                         shown)[0]
        if not m.group("x").strip().startswith(value):
            continue  # the address came first: nothing of the field's own text to point at
        pieces = re.split(r"\s*,\s*", value)
        if len(pieces) > 1:  # "Minister for X, Jo Bloggs MP": the piece that is not a person
            pieces = [p for p in pieces if p and not (looks_like_person(p) or _person_shape(p))] or [""]
        value = pieces[0]
        if value and not re.fullmatch(r"(?i)n/?a|none|-|individual|yes|no|private individual", value) and not _person_shape(value):
            _add(ev, "form", value, m.start("x"), m.start("x") + len(value))
    head_end = _head_end(doc)
    top_lines = _lines(text, 0, min(len(text), 2500))[:30]
    for a, b in zip(top_lines, top_lines[1:]):
        if _FIELD_LABEL.match(a.text):
            x = _org_in_line(b.text) or _plain_name_line(b.text)
            if x and not looks_like_person(x):
                _add(ev, "form", x, b.start, b.end)
    for k, ln in enumerate(top_lines):
        # a parliamentary written question, "To ask the Secretary of State for X when …": the office asked
        # is the one whose answer the document carries
        m = _WRITTEN_QUESTION.match(ln.text)
        if m:
            _add(ev, "title", m.group("x"), ln.start + m.start("x"), ln.start + m.end("x"))
        m = _BY_LINE.match(ln.text)
        if m and k > 0 and _TITLE_HEAD.match(top_lines[k - 1].text):
            x = trim(title_case(m.group("x")) if is_all_caps(m.group("x")) else m.group("x"))
            if x and not looks_like_person(x) and not _person_shape(x):
                _add(ev, "title", x, ln.start + m.start("x"), ln.start + m.start("x") + len(m.group("x")))
                if m.group("acr"):
                    acronyms.setdefault(m.group("acr"), x)
        m = _PRESENTED_BY.match(ln.text)
        if m:
            _add(ev, "title", trim(m.group("x")), ln.start + m.start("x"), ln.start + m.end("x"), WEIGHTS["on_behalf"])
    for k, ln in enumerate(top_lines):
        line = ln.text
        if k + 1 < len(top_lines):  # a title wrapped over two lines ("… submitted by Acme / Trust")
            nxt = top_lines[k + 1].text
            if len(nxt.split()) <= 3 and nxt[:1].isupper() and not is_all_caps(nxt) and not re.search(r"[.:]$", nxt):
                line = f"{line} {nxt}"
        for rx in (_TITLE_BY, _TITLE_OWN):
            m = rx.match(line)
            if m:
                x = trim(capitalised_phrase(m.group("x")) or m.group("x"))
                plural_voice = len(re.findall(r"\b(?:we|We|our|Our)\b", text[:4000])) > len(re.findall(r"\bI\b", text[:4000]))
                if x and not _person_shape(x) and (plural_voice or not looks_like_person(x)) and (
                        len(x.split()) >= 2 or is_acronym(x) or looks_like_org(x)):
                    _add(ev, "title", x, ln.start + m.start("x"), ln.start + m.start("x") + len(x))
                break

    # a resolution names the body that makes it ("… resolved by the Harbour Board that …", "ordained by the Y Council")
    for m in _RESOLVED_BY.finditer(text, 0, min(len(text), 6000)):
        x = trim(m.group("x"))
        if x and len(x.split()) >= 2 and looks_like_org(x) and not never_an_org(x):
            _add(ev, "title", x, m.start("x"), m.start("x") + len(x), WEIGHTS["on_behalf"])
            break

    # the same title where a flattened layout ran it into the lines around it ("… CRTC 2015-326 Submission of
    # the Acme Coalition The following organizations …"): a capitalised name right after "Submission of"
    if not any(e.source == "title" for e in ev):
        for m in _TITLE_INLINE.finditer(text, 0, min(len(text), 3000)):
            x = trim(m.group("x"))
            if x and (len(x.split()) >= 2 or is_acronym(x)) and looks_like_org(x):
                _add(ev, "title", x, m.start("x"), m.start("x") + len(x), WEIGHTS["on_behalf"])
                break

    # the opening: "on behalf of X", "X appreciates the opportunity …"
    opening = _opening_paragraphs(doc, _opening_start(doc, head_end))
    plural_voice = len(re.findall(r"\b(?:we|We|our|Our)\b", text[:6000])) >= 2
    sig = _signature_region(doc)
    behalf_spans = [(0, head_end), *opening, *([sig] if sig else [])]
    for s, e in behalf_spans:
        para = text[s:e]
        for m in _ON_BEHALF.finditer(para):
            x = m.group("x")
            if x and x.split()[0].lower() not in ("my", "our", "its", "their", "all", "both", "those", "this", "these"):
                _add(ev, "on_behalf", x, s + m.start("x"), s + m.end("x"))
                if m.group("acr"):
                    acronyms.setdefault(m.group("acr"), x)
    for k, (s, e) in enumerate(opening):
        para = text[s:e]
        for m in _OWN_RESPONSE.finditer(para):
            _add(ev, "self_intro", m.group("x"), s + m.start("x"), s + m.end("x"), WEIGHTS["self_intro"] * (1.0 if k == 0 else 0.6))
        for m in _OPENING_SUBJECT.finditer(para):
            at = m.end("x") if not m.group("acr") else m.end("acr") + 1
            if _ASKED_OF.match(para, at):
                continue  # "The Government is being urged to …": whom the document asks, not who wrote it
            office = _APPOSED_OFFICE.search(para, 0, m.start("x")) if looks_like_person(m.group("x")) and not looks_like_org(
                m.group("x")) else None
            if office:
                # "The Commissioner for X, Jo Bloggs, has published …": the office before the name speaks
                _add(ev, "opening_subject", office.group("x"), s + office.start("x"), s + office.end("x"),
                     WEIGHTS["opening_subject"] * (1.0 if k == 0 else 0.6))
                continue
            if k > 0 and not (looks_like_org(m.group("x")) or is_acronym(trim(m.group("x")))) and not m.group("acr") and not (
                    plural_voice and _STANCE_AT.match(para, at)) and not _WRITER_AT.match(para, at):
                continue  # past the first paragraph, only a name shaped like an organisation introduces its author,
                # or one that takes a stance in a text written as "we" ("We thank the Committee … Acme opposes the Bill.")
            if _ISSUED_IN.search(para, 0, m.start("x")):
                # "In a press statement on Sunday, the X Coalition called on …": the issuer of the statement
                _add(ev, "self_intro", m.group("x"), s + m.start("x"), s + m.end("x"), WEIGHTS["self_intro"] * (1.0 if k == 0 else 0.6))
                continue
            if para[max(0, m.start("x") - 4):m.start("x")] == "the ":
                continue  # "In May 2023, the Ministry announced …": what another body did, told after a clause
            if not _SELF_VERB_AT.match(para, at):
                # any other verb ("X proposes to cut …") names a subject, not necessarily the writer
                _add(ev, "opening_subject", m.group("x"), s + m.start("x"), s + m.end("x"),
                     WEIGHTS["opening_subject"] * (1.0 if k == 0 else 0.6))
                continue
            x = m.group("x")
            if m.group("acr"):
                acronyms.setdefault(m.group("acr"), x)
            _add(ev, "self_intro", x, s + m.start("x"), s + m.end("x"), WEIGHTS["self_intro"] * (1.0 if k == 0 else 0.6))
            if m.group("y"):  # a co-author speaking with it
                _add(ev, "self_intro", m.group("y"), s + m.start("y"), s + m.end("y"), WEIGHTS["self_intro"] * 0.5)

    # a self-description the writer's next sentence takes up in the first person, wherever a flattened layout
    # put it: "… consultation Acme Energy is a not-for-profit supplier with 9,000 customers. We were set up …"
    start = _opening_start(doc, head_end)
    for m in _SELF_DESCRIBED.finditer(text, start, min(len(text), start + 2500)):
        x = trim(m.group("x"))
        if x and (len(x.split()) >= 2 or is_acronym(x)) and not any(e.start == m.start("x") for e in ev):
            _add(ev, "self_intro", x, m.start("x"), m.start("x") + len(x), WEIGHTS["opening_subject"])

    for m in _THIS_IS.finditer(text, 0, min(len(text), 4000)):
        x = trim(m.group("x"))
        if x and (is_acronym(x) or looks_like_org(x) or len(x.split()) >= 2):
            _add(ev, "self_intro", x, m.start("x"), m.start("x") + len(x))

    # the voice: the organisation as the subject of a first-person verb anywhere in the body
    taken = {e.start for e in ev}  # a subject the opening already counted is not counted again
    for m in _SUBJECT.finditer(text[:SCAN_LIMIT], head_end if head_end < len(text) else 0):
        if m.start("x") not in taken:
            if _WRITER_VERB.match(m.group("sep")) and (m.group("acr") or looks_like_org(m.group("x"))):
                # "Acme Association (AA) would like to suggest …" past the opening: only the writer speaks so of itself
                _add(ev, "self_intro", m.group("x"), m.start("x"), m.end("x"), WEIGHTS["self_intro"] * 0.6)
            else:
                _add(ev, "voice", m.group("x"), m.start("x"), m.end("x"))

    # letterhead: lines before the date / recipient block
    recipient_lines = set(addressed_bodies(doc) if bodies is None else bodies)
    head_lines = _lines(text, 0, min(head_end, 1500))[:6]
    pattern, _owner = _builtin_pattern()
    for i, ln in enumerate(head_lines):
        if _DATE_LINE.match(ln.text):
            break
        if _org_in_line(ln.text) in recipient_lines or re.search(r"(?i)\bP\.?\s?O\.? Box\b", ln.text):
            continue
        if i + 1 < len(head_lines) and pattern.fullmatch(clean(head_lines[i + 1].text)):
            continue  # a unit above the public body it belongs to ("Tariffs Office, Licensing Directorate" / "Health
            # Canada"): the recipient's block, written without a salutation
        org = _org_in_line(ln.text)
        if org:
            _add(ev, "letterhead", org, ln.start, ln.end)
        elif _plain_name_line(ln.text):
            _add(ev, "letterhead", _plain_name_line(ln.text), ln.start, ln.end, WEIGHTS["letterhead"] * 0.5)

    # a letterhead that lists several organisations in capitals, one after another ("ACME FUND, BETA TRUST, GAMMA
    # COUNCIL March 17, 2015 …"): the first leads, the others sign with it
    m = _CAPS_LIST.match(text)
    if m:
        pieces = [p.strip() for p in re.split(r",\s*|\s+AND\s+(?=[A-Z])", m.group("run")) if p.strip()]
        pieces = [p for p in pieces if len(p.split()) >= 2 and looks_like_org(title_case(p))]
        for k, piece in enumerate(pieces):
            i = text.find(piece)
            _add(ev, "letterhead", title_case(piece), i, i + len(piece), WEIGHTS["letterhead"] if k == 0 else 0.5)

    # signature block
    if sig:
        sig_lines = _lines(text, *sig)
        n_orgs = sum(1 for ln in sig_lines if _org_in_line(ln.text))
        share = 1.0 if n_orgs <= 2 else 2.0 / n_orgs  # a list of signatories: no one of them is the author
        for k, ln in enumerate(sig_lines):
            signed_by = re.match(r"(?i)^(?:the\s+)?(?:undersigned|signatory|co-?signing)\s+([a-z][\w\s,&'’-]{3,80})$", clean(ln.text))
            if signed_by:  # "The undersigned local authorities": a joint letter signed as a group
                _add(ev, "signature", "Undersigned " + signed_by.group(1).strip(), ln.start, ln.end)
                continue
            org = _org_in_line(ln.text)
            after_role = k > 0 and looks_like_role(sig_lines[k - 1].text) and not looks_like_role(ln.text)
            plain = _plain_name_line(ln.text, lenient=after_role)
            if org and len(org.split()) <= 10:
                _add(ev, "signature", org, ln.start, ln.end, WEIGHTS["signature"] * share)
            elif plain and after_role:
                _add(ev, "signature", plain, ln.start, ln.end)  # "Jo Bloggs / President / Acme Exchange"
            elif plain and not looks_like_role(ln.text):
                _add(ev, "signature", plain, ln.start, ln.end, WEIGHTS["signature"] * 0.5)

    elif text.strip():
        # no sign-off we know ("For God and My Country,"): the last lines set apart from the body — a name, a post,
        # an organisation; or one line ("JAMAICA ENVIRONMENT TRUST" under a letter to an editor) — sign it when one
        # of them names an organisation
        tail = _lines(text, max(0, len(text.rstrip()) - 800), len(text.rstrip()))
        k = len(tail) - 1
        while k > 0 and "\n\n" not in text[tail[k - 1].end:tail[k].start] and len(tail) - k < 5:
            k -= 1
        block = tail[k:] if k > 0 and "\n\n" in text[tail[k - 1].end:tail[k].start] else []
        if block and all(len(clean(ln.text)) <= 90 and ":" not in ln.text and not clean(ln.text).endswith(".")
                         for ln in block):
            for ln in block:
                line = clean(ln.text)
                org = _org_in_line(line) or _org_in_line(title_case(line))
                if org and not looks_like_person(line):
                    _add(ev, "signature", org, ln.start, ln.end, WEIGHTS["signature"] * 0.67)

    # running headers and footers: a short line that recurs on several pages
    counts = Counter(clean(re.sub(r"\s*(?:Page\s+)?\d+(?:\s+(?:of|/)\s+\d+)?\s*$", "", ln.text, flags=re.I))
                     for ln in _lines(text, 0, len(text)) if len(ln.text) <= 160)
    for line, n in counts.items():
        if n >= 2 and line:
            org = _org_in_line(line) or _plain_name_line(line)
            if org:
                i = text.find(line)
                _add(ev, "footer", org, i, i + len(line))

    # a closing list of signatories, "Jo Bloggs, Acme Trust; Sam Roe, Beta Forum; …": each organisation is a
    # co-author; the one the text also names elsewhere (the publisher of a joint letter) leads
    for org, start in signatory_list(doc):
        elsewhere = len(re.findall(rf"\b{re.escape(org)}\b", text)) - 1
        _add(ev, "signatory", org, start, start + len(org), 1.0 + min(2.0, float(elsewhere)))

    if doc.author_org and not any(e.source == "column" for e in ev):
        i = text.find(doc.author_org)
        if i >= 0 and any(e.start <= i < max(e.end, e.start + 1) for e in ev):
            # the layout read a line other evidence already read: it names the author (an alias), with no second vote
            _add(ev, "layout", doc.author_org, i, i + len(doc.author_org), 0.01)
            return ev, acronyms
        _add(ev, "layout", doc.author_org, max(i, 0), max(i, 0) + len(doc.author_org) if i >= 0 else 0)
    return ev, acronyms


_SIGNED_PIECE = re.compile(r"^\s*(?P<person>[^,;]{3,60}?),\s*(?P<org>[^,;]{3,100}?)\s*$")


def signatory_list(doc: Document) -> list[tuple[str, int]]:
    """The organisations of a closing run of "Name, Organisation" pieces separated by ";" (or one a line)."""
    text = doc.text
    tail_start = max(0, len(text) - 4000)
    for block in reversed([b for b in doc.blocks if b.end > tail_start][-6:]):
        body = text[block.start:block.end]
        pieces = [p for p in re.split(r"\s*;\s*|\n", body) if p.strip()]
        if len(pieces) < 3:
            continue
        found = []
        pos = block.start
        for p in pieces:
            m = _SIGNED_PIECE.match(p)
            if not m or not (looks_like_person(m.group("person")) or _person_shape(m.group("person"))):
                found = []
                break
            org = m.group("org").strip()
            found.append((org, text.find(org, pos)))
            pos = max(pos, found[-1][1])
        if len(found) >= 3:
            return found
    return []


def _same(a: str, b: str, acronyms: dict[str, str], containment: bool = True) -> bool:
    """One organisation under two names: equal when folded, an acronym of the other, an office and its
    department, or (``containment``) one name inside the other ("Acme Trust" in "Acme Trust Ltd")."""
    for x, y in ((a, b), (b, a)):
        if re.fullmatch(r"\s*[A-Z][A-Za-z&\-]{1,9}(?:/[A-Z][A-Za-z&\-]{1,9})+\s*", x):
            if any(_same(part, y, acronyms, containment) for part in x.strip().split("/")):
                return True  # "ASTP/ONC" is ONC, and the office ONC stands for
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    for x, y in ((a, b), (b, a)):
        if is_acronym(x):
            xs = x.strip()
            if xs in acronyms and fold(acronyms[xs]) == fold(y):
                return True
            if acronym_fits(xs, y):
                return True
            if containment and len(fold(y).split()) >= 2 and fold(y).split()[0] == xs.lower():
                return True  # "HLN" and "HLN Consulting"
    pa, pb = _portfolio(a), _portfolio(b)
    if pa and pa == pb and (is_office(a) or is_office(b)):
        return True  # "Minister for Digital Government" and "Department for Digital Government"
    if not containment:
        return False
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if len(short.split()) >= 2 and f" {short} " in f" {long_} ":
        return True
    wa, wb = fa.split(), fb.split()
    # one word spelled out or abbreviated ("… of CT" / "… of Connecticut"): the rest identical
    return len(wa) == len(wb) >= 3 and sum(x != y for x, y in zip(wa, wb)) == 1 and wa[:2] == wb[:2]


def _portfolio(name: str) -> str:
    """What an office or department is for: "Minister for Digital Government" → "digital government"."""
    m = re.search(r".*\bfor\s+(?:the\s+)?(.+)$", clean(name)) or re.search(r"\bof\s+(?:the\s+)?(.+)$", clean(name))
    tail = fold(m.group(1)) if m else ""
    return tail if tail and (len(tail.split()) >= 2 or is_office(name) or re.match(r"(?i)(?:department|ministry|office)\b", name)) else ""


def _group(evidence: list[Evidence], acronyms: dict[str, str]) -> list[Candidate]:
    """Evidence for one organisation under several names in one candidate: any two names that are the
    same organisation (:func:`_same`) join, and so do their groups."""
    names = list(dict.fromkeys(e.name for e in evidence))
    parent = list(range(len(names)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(names)):
        for j in range(i):
            if root(i) != root(j) and _same(names[i], names[j], acronyms):
                parent[root(i)] = root(j)
    by_root: dict[int, Candidate] = {}
    index = {n: k for k, n in enumerate(names)}
    for e in evidence:
        c = by_root.setdefault(root(index[e.name]), Candidate([]))
        c.names.append(e.name)
        c.evidence.append(e)
    cands = list(by_root.values())
    # "the Committee", "the Government", "the Association": a generic word refers to the full name it heads
    generic = [c for c in cands if all(" " not in n.strip() and n.strip().lower() in lexicon.lower("organisation_words")
                                       and not is_acronym(n) for n in c.names)]
    for g in generic:
        word = g.names[0].strip().lower()
        hosts = [c for c in cands if c is not g and c not in generic
                 and any(re.search(rf"\b{re.escape(word)}\b", n, re.I) for n in c.names)]
        if hosts:
            host = max(hosts, key=lambda c: (c.score, -min(e.start for e in c.evidence)))
            host.evidence.extend(g.evidence)
        cands.remove(g)
    # an acronym the text defines takes its full name along
    for c in cands:
        for n in list(c.names):
            if is_acronym(n) and n.strip() in acronyms and acronyms[n.strip()] not in c.names:
                c.names.append(acronyms[n.strip()])
    return cands


_WEB = re.compile(r"(?i)\b(?:https?://)?www\.([a-z0-9\-]+(?:\.[a-z0-9\-]+)+)")


def _domain_bonus(doc: Document, cands: list[Candidate]) -> None:
    """A candidate whose name (or initials) is the domain of an e-mail or web address in the signature
    block or the letterhead ("info@acme-trust.org", "www.acmetrust.org") gains that evidence."""
    sig = _signature_region(doc)
    places = [(sig[0], sig[1] + 400) if sig else (max(0, len(doc.text) - 1500), len(doc.text)),
              (0, min(_head_end(doc), 1500))]
    found = []
    for a, b in places:
        found += [(m, m.group(0).split("@", 1)[1]) for m in EMAIL.finditer(doc.text, a, b)]
        found += [(m, m.group(1)) for m in _WEB.finditer(doc.text, a, b)]
    seen = set()
    for m, domain in found:
        if m.start() in seen:
            continue
        seen.add(m.start())
        label = domain.split(".")[0].lower()
        parts = [p for p in re.split(r"[-_]", label) if p]
        for c in cands:
            if any(e.source == "domain" for e in c.evidence):
                continue  # one domain is one piece of evidence, however often it is written
            keys = {initials(n) for n in c.names} | {re.sub(r"[^a-z]", "", n.lower()) for n in c.names if is_acronym(n)}
            joined = {re.sub(r"[^a-z0-9]", "", fold(n)) for n in c.names}
            if any(p in keys for p in parts if len(p) >= 2) or any(label and label in j for j in joined if len(label) >= 4):
                c.evidence.append(Evidence("domain", m.group(0), m.start(), m.end(), WEIGHTS["domain"]))
                break


def _session_body(doc: Document) -> str | None:
    """A transcript's own body: the committee, panel or inquiry its header names (before the first turn)."""
    first_turn = min([t.label_start if t.label_start is not None else t.start for t in doc.turns] or [len(doc.text)])
    lines = [_Line(re.sub(r"(?i)^(?:\W*(?:proceedings|minutes|transcript|official\s+report|record|verbatim\s+record)\s+of\s+(?:the\s+)?)", "", ln.text),
                   ln.start, ln.end)
             for ln in _lines(doc.text, 0, min(first_turn, 2000)) if not re.search(r"(?i)\bon\s+behalf\s+of\b", ln.text)]
    orgs = [o for ln in lines if (o := _org_in_line(ln.text)) and not never_an_org(o, plain_names=False)]
    for o in orgs:
        if re.search(r"(?i)\b(?:committee|panel|inquiry|commission|board|council|tribunal|hearing)\b", o):
            return o
    for ln in lines:  # "Reply Statement by Counsel to the Inquiry": the body a title names
        m = re.search(r"\b(?:the\s+)?((?:[A-Z][\w'’-]{0,40}\s+){0,6}(?:Committee|Inquiry|Panel|Commission|Tribunal|Board|Council|Assembly))\b", ln.text)
        if m:
            return m.group(1)
    if orgs:
        return orgs[0]
    # no header names it: the committee, inquiry or panel the speakers name most ("as the Inquiry has heard")
    named = Counter(m.group(1) for m in re.finditer(
        r"\b[Tt]he\s+((?:[A-Z][\w'’-]{0,40}\s+){0,5}(?:Committee|Inquiry|Panel|Commission|Tribunal|Hearing))\b", doc.text[:100000]))
    best = named.most_common(1)
    return best[0][0] if best and best[0][1] >= 3 else None


def addressed_bodies(doc: Document) -> list[str]:
    """The bodies the document is addressed to: what the layout found, a "To:" line, and the
    recipient's block — the head's lines after its date line (a letterhead comes before the date)."""
    out = list(doc.addressees)
    for key in ("addressee_organisation", "addressee_role"):
        if doc.metadata.get(key):
            out.append(_without_post(doc.metadata[key]))
    head_end = _head_end(doc)
    lines = _lines(doc.text, 0, head_end) if head_end < len(doc.text) else []
    dated = next((k for k, ln in enumerate(lines) if _DATE_LINE.match(ln.text)), None)
    text = doc.text
    if dated is None and lines and head_end < len(text) and _DEAR_LINE.match(text, head_end):
        # no date line: the group of lines right above "Dear …" is the recipient's block
        k = len(lines) - 1
        while k > 0 and "\n\n" not in text[lines[k - 1].end:lines[k].start] and not re.match(r"(?i)re\b", lines[k].text):
            k -= 1
        if re.match(r"(?i)\W*re\b", lines[-1].text):  # "RE: …" line between the block and "Dear"
            k2 = len(lines) - 2
            while k2 > 0 and "\n\n" not in text[lines[k2 - 1].end:lines[k2].start]:
                k2 -= 1
            k = k2
        dated = k - 1
    in_to = False
    for k, ln in enumerate(lines):
        if re.fullmatch(r"(?i)\s*(?:to|attn|attention|for the attention of)\s*[,:\-]?\s*", ln.text):
            in_to = True  # "To" alone on its line: the recipient's block is the lines below it
            continue
        to_line = re.match(r"(?i)(?:to|attn|attention|submitted to|for the attention of)\s*[:\-]\s*(.+)", ln.text)
        field = re.match(r"\s*[A-Z][\w ]{0,30}:", ln.text)
        gap = k > 0 and "\n\n" in text[lines[k - 1].end:ln.start]
        in_to = bool(to_line) or in_to and not field and not gap  # a "To:" field goes on over the lines below it
        if to_line or in_to or dated is not None and k > dated:
            for piece in re.split(r"\s*[,/]\s*", to_line.group(1)) if to_line else _glued_pieces(ln.text):
                org = _org_in_line(piece)
                if org:
                    out.append(org)
    # a unit line right above the public body it belongs to, with no salutation ("Tariffs Office, Licensing
    # Directorate" / "Health Canada"): the recipient's block
    pattern, _owner = _builtin_pattern()
    top = _lines(text, 0, min(len(text), 1500))[:6]
    for a, b in zip(top, top[1:]):
        if pattern.fullmatch(clean(b.text)) and _org_in_line(a.text) and not _DATE_LINE.match(a.text):
            out.append(clean(b.text))
    return out


def decide(doc: Document) -> Authorship:
    """The author organisation, author person and addressee of one document, with their evidence."""
    out = Authorship(author_person=doc.author)
    if doc.kind == TRANSCRIPT:
        out.author_org, out.addressee = doc.author_org or _session_body(doc), (doc.addressees[0] if doc.addressees else None)
        return out
    bodies = addressed_bodies(doc)  # the recipient's block, read once for both decisions
    evidence, acronyms = author_candidates(doc, bodies)
    body = _opening_start(doc, _head_end(doc))
    sig = _signature_region(doc)
    headings = {fold(doc.text[b.start:b.end]) for b in doc.blocks if b.kind == HEADING and b.start >= body
                and not (sig and b.start >= sig[0])}
    recipients = [_body_of(r) for r in bodies]
    persons = {fold(p) for p in [doc.author, doc.metadata.get("addressee_person")] if p}
    kept = []
    for e in evidence:
        # a name the letterhead and a later line share is the author's own (repeated under the signature), not a
        # section heading
        why = never_an_org(e.name, headings if e.source not in _SELF_SAYS_SO | {"letterhead"} else None,
                           plain_names=e.source in ("letterhead", "signature", "footer", "layout"))
        if why or fold(e.name) in persons:
            continue
        kept.append(e)
    cands = _group(kept, acronyms)
    _domain_bonus(doc, cands)
    viable = []
    for c in cands:
        sources = {e.source for e in c.evidence}
        addressed = any(_same(c.name, r, acronyms, containment=False) for r in recipients)
        says_so = any(e.source in _SELF_SAYS_SO - {"self_intro"} or e.source == "self_intro" and e.weight >= WEIGHTS["self_intro"]
                      for e in c.evidence)
        if addressed and not says_so:
            continue  # the body written to is not the author unless the text says so
        if sources <= {"voice"} and (len(c.evidence) < 2 or not any(looks_like_org(n) or is_acronym(n) for n in c.names)):
            continue  # one sentence's subject alone is no evidence of authorship, nor a term the text keeps using
        stance_taken = any(e.source == "self_intro" and (_STANCE_AT.match(doc.text, e.end) or _WRITER_AT.match(doc.text, e.end))
                           for e in c.evidence)
        if all(" " not in n.strip() and not is_acronym(n) and not looks_like_org(n) for n in c.names) and len(sources) < 2 \
                and not stance_taken:
            continue  # one plain word ("Exploitation is …") needs a second kind of evidence, unless it takes a stance
            # in the writer's voice ("Acme opposes these Bills.")
        placed = any(e.source == "signature" and e.weight >= WEIGHTS["signature"] for e in c.evidence)
        if sources <= {"letterhead", "footer", "signature", "domain"} and not placed and not any(
                looks_like_org(n) or is_acronym(n) for n in c.names) and len(sources) < 2:
            continue  # a plain capitalised line with nothing else behind it
        viable.append(c)
    viable.sort(key=lambda c: (-c.score, min(e.start for e in c.evidence)))
    out.candidates = viable
    if viable and viable[0].score >= 2.0:
        best = viable[0]
        out.author_org = name = best.name
        caps = [n for n in dict.fromkeys(best.names) if n != name and is_all_caps(n) and title_case(n) == name]
        if caps and re.search(rf"\b{re.escape(caps[0])}\b[ \t]+[a-z]", doc.text):
            out.author_org = caps[0]  # a name the text itself writes in capitals in its sentences ("UCSF TCORS submitted …")
        out.author_evidence = sorted(best.evidence, key=lambda e: (-e.weight, e.start))
    elif doc.author_org and not never_an_org(doc.author_org) and not any(
            _same(doc.author_org, r, acronyms) for r in recipients):
        out.author_org = doc.author_org
    out.addressee, out.addressee_evidence = decide_addressee(doc, out.author_org, acronyms, bodies)
    if out.author_person and _greeted(doc, out.author_person):
        out.author_person = None  # the person the letter greets is its reader, not its writer
    if not out.author_person:
        out.author_person = signer(doc)
    return out


def _greeted(doc: Document, person: str) -> bool:
    """Whether a short line before the first prose paragraph greets ``person`` by surname (a salutation in any
    language: "Dear Dr Smith", "Tēnā koe Dr Smith", "Hello Smith,")."""
    surname = (strip_person_titles(clean(person)).split() or [""])[-1]
    if len(surname) < 2:
        return False
    first = next((b for b in doc.blocks if b.kind in ("paragraph", "list_item") and _prose(doc.text[b.start:b.end])), None)
    end = first.start if first else min(len(doc.text), 3000)
    named = [m.start() for m in re.finditer(rf"\b{re.escape(surname)}\b", doc.text[:end])]
    for ln in _lines(doc.text, 0, end):
        if len(ln.text.split()) <= 6 and any(ln.start <= i < ln.end for i in named) and ln.start > named[0] + len(surname) \
                and not looks_like_person(clean(ln.text)):
            return True
    return False


_CLOSING_NAMED = re.compile(r"^\s*(?:Yours\s+(?:sincerely|faithfully|truly)|Sincerely(?:\s+yours)?|Respectfully(?:\s+yours)?|"
                            r"(?:With\s+)?(?:Kind|Best|Warm)\s+(?:regards|wishes)|Regards|Thanks|Cheers),[ \t]+"
                            r"(?P<name>[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){0,2})[ \t]*$", re.M | re.I)


def signer(doc: Document) -> str | None:
    """The person who signs: the first line after the sign-off that reads as a name ("Jo Bloggs", "Dr Jo
    Bloggs, MD", "Jo Bloggs, Chief Executive"), or the name on the sign-off's own line ("Best wishes, Sam")."""
    sig = _signature_region(doc)
    if not sig:
        named = [m for m in _CLOSING_NAMED.finditer(doc.text) if m.start() >= len(doc.text) * 0.4]
        if named:
            name = named[-1].group("name")
            if name[:1].isupper() and not any(w.lower() in lexicon.lower("organisation_words") for w in name.split()):
                return name
        return None
    for ln in _lines(doc.text, *sig)[:4]:
        first = clean(ln.text.strip("#* ")).split(",")[0].strip()
        if first and (looks_like_person(first) or _person_shape(first)):
            return first
    return None


ADDRESSEE_WEIGHTS = {"recipient": 3.0, "layout": 4.0, "salutation": 2.0, "asked": 1.0}
_ASKED = re.compile(r"\b(?:urge[sd]?|urging|encourage[sd]?|ask(?:s|ed)?|call(?:s|ed)?\s+(?:on|upon)|invite[sd]?|requests?\s+that|recommends?\s+that|"
                    r"recommend|implores?|press(?:es)?)\s+(?:the\s+)?(?:[\w\-]{1,30}['’]s\s+)?(?P<x>[A-Z][\w'’&.\-/]{0,40}(?:[ \t]+(?:(?:of|and|for|the|on|in|&)[ \t]+)*"
                    r"(?:[A-Z0-9]|[a-z]{1,2}-?[A-Z])[\w'’&.\-/]{0,40}){0,8})\s+(?:to|not|should|must|shall|will|consider|be|clarify|finali[sz]e)\b")


_THANKED = re.compile(r"\b(?:commend|commends|thank|thanks|applaud|applauds|congratulate|congratulates)\s+(?:the\s+)?"
                      r"(?P<x>[A-Z][\w'’&.\-]{0,40}(?:(?:[ \t]*/[ \t]*|[ \t]+(?:(?:of|and|for|the|on|in|&)[ \t]+)*)[A-Z][\w'’&.\-]{0,40}){0,8})"
                      r"\s+(?:on|for)\b")


def decide_addressee(doc: Document, author_org: str | None, acronyms: dict[str, str],
                     bodies: list[str] | None = None) -> tuple[str | None, list[Evidence]]:
    """The body a document addresses: its recipient block (the office or body, never the person), the
    layout's finding, the title in the salutation, and the body its sentences ask to act most often."""
    ev: list[Evidence] = []
    text = doc.text
    head_end = _head_end(doc)
    recipients = (addressed_bodies(doc) if bodies is None else bodies)[len(doc.addressees):]
    # "The Commissioner" above "Board of Tea Standards": the post alone gives way to the body named below it
    lead = next((n for n in recipients if not _post_only(n)), recipients[0] if recipients else None)
    for name in recipients:
        i = text.find(name)
        weight = ADDRESSEE_WEIGHTS["recipient"] + (0.5 if name == lead else 0.0)
        if name != lead and _post_only(name):
            weight -= 1.0
        _add_addressee(ev, "recipient", name, i, weight)
    for k, name in enumerate(doc.addressees):
        name = _without_post(name)
        _add_addressee(ev, "layout", name, text.find(name), ADDRESSEE_WEIGHTS["layout"] + (0.5 if k == 0 else 0.0))
    m = _DEAR_LINE.search(text, head_end) if head_end < len(text) else None
    if m and m.start() == head_end:
        title = re.sub(r"^\s*(?:Dear|To)\s+(?:the\s+)?|[,:]\s*$", "", m.group(0).strip())
        title = HONORIFIC.sub("", title) if has_role(HONORIFIC.sub("", title)) else title
        if has_role(title) or is_office(title) or looks_like_org(title):
            _add_addressee(ev, "salutation", title, m.start(), ADDRESSEE_WEIGHTS["salutation"])
    for m in _THANKED.finditer(text[:SCAN_LIMIT], head_end if head_end < len(text) else 0):
        # one commends or thanks the body one writes to: "We commend the Ministry on …", "thank X for …"
        _add_addressee(ev, "thanked", re.sub(r"\s*/\s*", "/", m.group("x")), m.start("x"), 1.5)
        break
    asked = 0
    for m in _ASKED.finditer(text[:SCAN_LIMIT], head_end if head_end < len(text) else 0):
        if asked >= 6:
            break
        before = len(ev)
        _add_addressee(ev, "asked", m.group("x"), m.start("x"), ADDRESSEE_WEIGHTS["asked"])
        asked += len(ev) - before
    if not any(e.source in ("recipient", "layout", "salutation") for e in ev):
        # nobody written to: the public bodies the text keeps naming ("the ACT Government has released …")
        for name, n in _named_bodies(text[_opening_start(doc, head_end) if head_end < len(text) else 0:], acronyms).items():
            if n >= 2:
                _add_addressee(ev, "named", name, text.find(name), min(3.0, 0.5 * n))
    if author_org:
        ev = [e for e in ev if not _same(e.name, author_org, acronyms)]
    if not ev:  # only a person ("Dear Ms Lee"): no body to name
        bodies = [a for a in doc.addressees if not _bare_title(_body_of(a)) and (
            not never_an_org(_body_of(a), plain_names=True) or _portfolio_title(_body_of(a)))]
        return (bodies[0] if bodies else None), []
    cands = _group(ev, acronyms)
    # the body the letter speaks to is the one its text names most: each mention in the body counts a little
    body = (text[_opening_start(doc, head_end):] if head_end < len(text) else text)[:SCAN_LIMIT]
    for c in cands:
        forms = {n.strip() for n in c.names} | {p for n in c.names if "/" in n for p in n.strip().split("/")}
        forms |= {a for a, full in acronyms.items() if any(_same(full, n, {}) for n in c.names)}
        hits = sum(len(re.findall(rf"(?<![\w/]){re.escape(f)}(?![\w/])", body)) for f in forms if len(f) >= 2)
        if hits:
            c.evidence.append(Evidence("mentioned", c.names[0], -1, -1, min(3.0, 0.25 * hits)))
    cands.sort(key=lambda c: (-c.score, min(e.start if e.start >= 0 else 10**9 for e in c.evidence)))
    best = cands[0]
    return best.name if not all(is_acronym(n) for n in best.names) else best.names[0], best.evidence


def _body_of(name: str) -> str:
    """"Jo Bloggs MP (Secretary of State for Education)" → the office; "Jo Bloggs, Office of Policy" → the body;
    "X Committee Report" → the committee."""
    s = re.sub(r"(?:['’]s)?\s+(?:Report|Inquiry Report|Interim Report|Final Report)$", "", clean(name))
    m = re.match(r"(?P<p>[^()]+?)\s*\((?P<r>[^()]+)\)\s*$", s)
    if m and (looks_like_person(m.group("p")) or _person_shape(m.group("p"))) and (has_role(m.group("r")) or looks_like_org(m.group("r"))):
        return m.group("r")
    pieces = [p.strip() for p in s.split(",")]
    if len(pieces) > 1:
        kept = [p for p in pieces if p and not (looks_like_person(p) or _person_shape(p)
                                                 or p.upper().replace(".", "") in _POSTNOMINALS_UP()
                                                 or p.lower() in lexicon.lower("job_titles") or p.lower() in ("chair", "chairman", "chairperson"))]
        if kept and len(kept) < len(pieces):
            return ", ".join(kept)
    return s


_BODY_NAME = re.compile(r"\b(?:[Tt]he\s+)?((?!The\b)(?:[A-Z][\w'’&-]{0,40}\s+){0,5}(?:Government|Department|Ministry|Commission|Council|Committee|Authority|"
                        r"Agency|Assembly|Parliament|Directorate|Executive|Regulator|Office)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’&-]{0,40}(?:\s+[A-Z][\w'’&-]{0,40}){0,4})?)")


@lru_cache(maxsize=1)
def _builtin_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for the names, short aliases and acronyms of the built-in public bodies → their names."""
    from .organisations import builtin_organisations

    owner: dict[str, str] = {}
    for org in builtin_organisations():
        for f in [org.name, *(org.aliases if len(org.aliases) < 3 else []), *([org.acronym] if org.acronym else [])]:
            if len(f) >= 3 and f.lower() != "government":
                owner.setdefault(f, org.name)
    forms = sorted(owner, key=len, reverse=True)
    return re.compile(r"(?<![\w/])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w/])"), owner


def _named_bodies(text: str, defined: dict[str, str] | None = None) -> Counter:
    """How often the text names each public body: a capitalised name with a body word, a public body of the
    built-in list by its name or acronym ("ONC", "ASTP / ONC"), "the Government" (of the country the text is about)."""
    from .organisations import GOVERNMENTS, document_country

    found = Counter()
    head = text[:60000]
    for m in _BODY_NAME.finditer(head):
        name = m.group(1).strip()
        if len(name.split()) >= 2 and not name.split()[0].lower() in lexicon.lower("not_org_phrases"):
            found[name] += 1
    pattern, owner = _builtin_pattern()
    for m in pattern.finditer(head):  # one pass over the text for every built-in name and acronym
        form = m.group(0)
        if defined and form in defined and not _same(defined[form], owner[form], {}):
            continue  # the text defines the acronym as another body ("Canadian Medical Association (CMA)")
        found[owner[form]] += 1
    government = len(re.findall(r"\b[Tt]he\s+(?:[Ff]ederal\s+|[Cc]entral\s+|[Nn]ational\s+)?Government\b(?!\s+of\b)", head))
    country = document_country(text)
    if government and country in GOVERNMENTS:
        found[GOVERNMENTS[country]] += government
    return found


def _bare_title(name: str) -> bool:
    return clean(name).lower().removeprefix("the ") in lexicon.lower("job_titles") | {"editor", "sir", "madam", "sir or madam", "sir/madam"}


def _without_post(name: str) -> str:
    """"The Chairperson, Committee on X, Parliament of Y" → "Committee on X": the body, not the post that heads it."""
    parts = [p.strip() for p in name.split(",")]
    if len(parts) >= 2 and _post_only(parts[0]) and (looks_like_org(parts[1]) or is_office(parts[1])):
        return parts[1]
    return name


def _post_only(name: str) -> bool:
    """A post with no body or portfolio in its name: "The Commissioner", "Chief Executive", "Sir/Madam"."""
    n = _body_of(name)
    return _bare_title(n) or (has_role(n) and len(n.split()) <= 3 and not _portfolio_title(n) and not looks_like_org(n))


def _portfolio_title(name: str) -> bool:
    """An office with a portfolio, "Cabinet Member for Waste", "Director of Public Health": a body to address."""
    return has_role(name) and bool(re.search(r"\b(?:for|of)\s+[A-Z]", name)) and not looks_like_person(name.split(",")[0])


def _add_addressee(ev: list[Evidence], source: str, name: str, start: int, weight: float) -> None:
    name = trim(re.split(r"\s+(?:to|not|should|must|shall|will|would)\s", _body_of(name))[0])
    if not name or _bare_title(name) or never_an_org(name, plain_names=True) and not is_office(name) and not _portfolio_title(name):
        return
    if " " not in name and not is_acronym(name) and name.lower() in lexicon.lower("organisation_words"):
        return  # "the Department": refers to the full name found elsewhere
    ev.append(Evidence(source, name, start, start + len(name) if start >= 0 else -1, weight))


def attribute(doc: Document) -> Document:
    """Set the document's author organisation from :func:`decide`, and keep its evidence in the
    metadata (``author_evidence``: JSON list of {source, name, start, end, weight})."""
    import json

    if doc.kind == TRANSCRIPT and doc.author_org:
        return doc
    try:
        found = decide(doc)
    except Exception as exc:  # attribution must never stop a document from going in: the layout's finding stays
        doc.metadata["metadata_error"] = f"authorship: {type(exc).__name__}: {exc}"
        return doc
    if found.addressee and (not doc.addressees or found.addressee != doc.addressees[0]):
        if doc.addressees:
            doc.metadata.setdefault("addressees_layout", json.dumps(doc.addressees, ensure_ascii=False))
        doc.addressees = [found.addressee, *[a for a in doc.addressees if a != found.addressee
                                             and not never_an_org(a, plain_names=True)]]
    if found.addressee_evidence:
        doc.metadata["addressee_evidence"] = json.dumps(
            [{"source": e.source, "name": e.name, "start": e.start, "end": e.end, "weight": e.weight}
             for e in found.addressee_evidence], ensure_ascii=False)
    if not doc.signatories:
        listed = [org for org, _ in signatory_list(doc)]
        if listed:
            doc.signatories = listed
    if doc.author and found.author_person != doc.author and _greeted(doc, doc.author):
        doc.metadata.setdefault("addressee_person", doc.author)  # the layout took the person greeted for the writer
        doc.author = None
    if found.author_person and not doc.author:
        doc.author = found.author_person
    if found.author_org is None and doc.signatories and doc.kind != TRANSCRIPT:
        # a joint letter with no name of its own: its first signatory leads it (as a reader would name it)
        from .organisations import signatory_names

        lead = next(iter(signatory_names(doc)), None)  # its name without the "(ACR)" it is listed with
        if lead and not never_an_org(lead):
            found.author_org = lead
            start = doc.text.rfind(lead)
            found.author_evidence = [Evidence("lead_signatory", lead, max(start, 0), max(start, 0) + len(lead), 1.0)]
    if found.author_org != doc.author_org:
        if doc.author_org:
            doc.metadata.setdefault("author_org_layout", doc.author_org)
        doc.author_org = found.author_org
    if found.author_evidence:
        doc.metadata["author_evidence"] = json.dumps(
            [{"source": e.source, "name": e.name, "start": e.start, "end": e.end, "weight": e.weight}
             for e in found.author_evidence], ensure_ascii=False)
    return doc
