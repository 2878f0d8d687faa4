"""The organisation registry: canonical names, aliases, acronyms and kinds.

Filled from three places: a built-in starter list of public bodies and offices of several countries
(``analysis/data/organisations.toml``, read by :func:`builtin_organisations`), what the documents
themselves say (acronyms defined in the text — "Regional Flood Board (RFB)" —, author organisations,
letterheads, speaker roles), and entries a user adds, which win over the built-in ones.
:meth:`Registry.canonical` maps any mention to its canonical name.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from ingest.linekinds import title_case
from ingest.records import Document

from . import lexicon
from .records import Organisation

ORGANISATION = "organisation"  # a body of no stated kind (what documents teach the registry)
OFFICE = lexicon.OFFICE  # an office-holder: a mayor, minister, commissioner
GROUP = "group"
PUBLIC_BODY = lexicon.PUBLIC_BODY
# every kind an entry may carry: the lexicon's organisation kinds, and the two older general ones
KINDS = (ORGANISATION, GROUP, *lexicon.KINDS)


@lru_cache(maxsize=1)
def builtin_organisations() -> tuple[Organisation, ...]:
    """The built-in starter list, read once from ``analysis/data/organisations.toml`` (fresh copies are
    made by :meth:`Registry.builtin`, so nothing a registry learns changes this list)."""
    text = resources.files("analysis").joinpath("data", "organisations.toml").read_text(encoding="utf-8")
    out = []
    for row in tomllib.loads(text)["organisations"]:
        kind = row.get("kind", PUBLIC_BODY)
        if kind not in KINDS:
            raise ValueError(f"organisations.toml: {row['name']!r} has an unknown kind {kind!r}")
        out.append(Organisation(row["name"], list(row.get("aliases", [])), row.get("acronym"), kind))
    return tuple(out)


BUILTIN: list[Organisation] = list(builtin_organisations())


def _governments() -> dict[str, str]:
    """country code → the name of that country's government in the built-in list."""
    text = resources.files("analysis").joinpath("data", "organisations.toml").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for row in tomllib.loads(text)["organisations"]:
        if row.get("country") and re.search(r"\bGovernment\b", row["name"]) and row["name"].count(" ") <= 3:
            out.setdefault(row["country"], row["name"])
    return out


GOVERNMENTS = _governments()
# the words by which a document shows which country it is about (the most-named wins)
_COUNTRY_WORDS = {
    "UK": r"United Kingdom|\bUK\b|Britain|British|England|Westminster|Whitehall|NHS",
    "US": r"United States|\bU\.?S\.?\b|America|American|Congress|federal agenc",
    "AU": r"Australia|Australian|Commonwealth of Australia|Canberra",
    "CA": r"Canada|Canadian|Ottawa",
    "NZ": r"New Zealand|Aotearoa|Wellington",
    "IE": r"Ireland|Irish|Oireachtas|Dáil|Dail",
    "EU": r"European Union|European Commission|\bEU\b",
    # countries with no government in the built-in list: naming them keeps "the Government" from another country's
    "IN": r"\bIndia\b|\bIndian\b|Lok Sabha|Rajya Sabha",
    "KE": r"Kenya|Kenyan|Nairobi",
    "ZA": r"South Africa|South African",
    "NG": r"Nigeria|Nigerian",
    "SG": r"Singapore",
    "MY": r"Malaysia|Malaysian",
    "PH": r"Philippines|Filipino",
    "PK": r"Pakistan|Pakistani",
}


def document_country(text: str) -> str | None:
    """The country a document speaks of most, by its names and adjectives (None when it names none)."""
    counts = {c: len(re.findall(rx, text[:50000])) for c, rx in _COUNTRY_WORDS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] else None

# the titles of offices that hold asks in their own right ("Minister for Schools", "Mayor of X"), from the lexicon
_TITLE_WORDS = rf"(?:{lexicon.alternation('office_titles')})"
_TITLE = re.compile(rf"(?<![\w-]){_TITLE_WORDS}(?![\w-])")  # a title as a whole word: "Leadership Forum" holds none


def normalise(name: str) -> str:
    """Comparison key: lower case, no leading 'the', no punctuation, single spaces."""
    s = name.strip().lower().replace("’", "'").replace("&", " and ")
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[^\w' ]+", " ", s)
    s = re.sub(r"'s\b", "s", s)
    return re.sub(r"\s+", " ", s).strip()


class Registry:
    """Organisations by canonical name, with an index of every alias and acronym."""

    def __init__(self, orgs: Iterable[Organisation] = ()):
        self.orgs: dict[str, Organisation] = {}
        self._index: dict[str, str] = {}
        self.seen: set[str] = set()  # canonical names that documents (or the user) have named
        self._acronyms: dict[str, str] = {}  # exact spelling ("MPS", "OfS"): "MPs" is no acronym of "MPS"
        self._version = 0  # bumped on every change; the lookup indexes below are rebuilt when it moves
        self._built = -1
        self._by_first: dict[str, list[str]] = {}  # first word of a normalised name → names
        self._by_suffix: dict[str, list[str]] = {}  # "integrated care board" → seen names that end with it
        self._by_initials: dict[str, list[str]] = {}  # "NWT" → seen names whose initials spell it (Northshire Wildlife Trust)
        self._lowered: list[tuple[str, str]] = []
        self._lowered_at = -1
        self._scope: tuple[str, str | None] | None = None  # (document text lower-cased, its country) while within() is in force
        self.dirty: set[str] = set()  # canonical names added or changed since the registry was built or last saved
        for o in orgs:
            self.add(o)
        self.dirty.clear()  # what it was built with is not news

    @classmethod
    def builtin(cls) -> Registry:
        return cls(Organisation(o.name, list(o.aliases), o.acronym, o.kind) for o in builtin_organisations())

    def learn(self, org: Organisation) -> Organisation:
        """Add an organisation a document names: it counts as seen. A name a letterhead sets in capitals
        ("COALITION ON RIVER HEALTH") is kept in ordinary case; a run of short acronyms ("UCSF TCORS") as written."""
        if _shouting(org.name):
            org = Organisation(title_case(org.name), [org.name, *org.aliases], org.acronym, org.kind)
        entry = self.add(org)
        if entry.name not in self.seen:
            self.seen.add(entry.name)
            self.dirty.add(entry.name)
            self._version += 1
        return entry

    def override(self, org: Organisation) -> Organisation:
        """A user's entry: it keeps its own name, and its aliases and acronym point to it, whatever they meant before."""
        entry = self.orgs.get(org.name) or Organisation(org.name, [], org.acronym, org.kind)
        entry.kind = org.kind
        entry.acronym = org.acronym or entry.acronym
        self.orgs[org.name] = entry
        for alias in [org.name, *org.aliases]:
            self._index[normalise(alias)] = org.name
            if alias != org.name and alias not in entry.aliases:
                entry.aliases.append(alias)
        if org.acronym:
            self._acronyms[org.acronym] = org.name
        self.seen.add(org.name)
        self.dirty.add(org.name)
        self._version += 1
        return entry

    def add(self, org: Organisation) -> Organisation:
        """Add or merge: an organisation already known by any of the names gains the new aliases."""
        existing = self.lookup(org.name) or next((self.lookup(a) for a in org.aliases if self.lookup(a)), None)
        if existing is None and org.acronym and org.acronym in self._acronyms:
            existing = self.lookup(org.acronym)
        if existing is None:
            existing = Organisation(org.name, [], org.acronym, org.kind)
            self.orgs[org.name] = existing
            self._index[normalise(org.name)] = org.name
            self._mark(existing.name)
        for alias in [org.name, *org.aliases]:
            key = normalise(alias)
            if key and key not in self._index:
                self._index[key] = existing.name
                if alias != existing.name and alias not in existing.aliases:
                    existing.aliases.append(alias)
                    self._mark(existing.name)
        if org.acronym:
            if not existing.acronym:
                existing.acronym = org.acronym
                self._mark(existing.name)
            self._acronyms.setdefault(org.acronym, existing.name)
        return existing

    def _mark(self, name: str) -> None:
        self._version += 1
        self.dirty.add(name)

    def _indexes(self) -> None:
        """Indexes for :meth:`canonical`, so that a lookup costs the same with ten names or ten thousand."""
        if self._built == self._version:
            return
        first: dict[str, list[str]] = {}
        suffix: dict[str, list[str]] = {}
        initials: dict[str, list[str]] = {}
        for name in self.orgs:
            words = normalise(name).split()
            if words:
                first.setdefault(words[0], []).append(name)
            if name in self.seen:
                for i in range(1, len(words)):
                    suffix.setdefault(" ".join(words[i:]), []).append(name)
                for v in _initials_variants(name):
                    initials.setdefault(v, []).append(name)
        self._by_first, self._by_suffix, self._by_initials = first, suffix, initials
        self._built = self._version

    def lookup(self, mention: str) -> Organisation | None:
        name = self._index.get(normalise(mention)) or self._acronyms.get(mention.strip())
        return self.orgs.get(name) if name else None

    @contextmanager
    def within(self, text: str):
        """While in force, a short name resolves only to a full name that this text (one document) uses,
        and a bare "the Government" to the government of the country the text is about."""
        before = self._scope
        self._scope = (text.lower(), document_country(text))  # lowered once: every short name is looked up in it
        try:
            yield self
        finally:
            self._scope = before

    def _in_scope(self, names: list[str]) -> list[str]:
        if not self._scope:
            return names
        low = self._scope[0]

        def used(name: str) -> bool:  # the name, or what it is of or for ("Mayor of London": London)
            tail = re.split(r"\s+(?:of|for)\s+(?:the\s+)?", name, maxsplit=1)
            return name.lower() in low or len(tail) == 2 and tail[1].lower() in low
        return [n for n in names if used(n)]

    def canonical(self, mention: str | None) -> str | None:
        """The canonical name for a mention; a bare title ('the Mayor') resolves to the one known office
        that starts with it ('Mayor of Greater Northshire'); anything unknown comes back tidied."""
        if not mention:
            return None
        m = re.sub(r"\s+", " ", mention).strip(" ,.;:")
        m = re.sub(r"^(?:that\s+)?(?:the|our|your|all|each|every)\s+", "", m, flags=re.I)
        if self._scope and re.fullmatch(r"(?i)(?:(?:federal|national|central)\s+)?government", m):
            country = self._scope[1]
            if country and country in GOVERNMENTS:
                return GOVERNMENTS[country]
        org = self.lookup(m)
        if org:
            return org.name
        key = normalise(m)
        self._indexes()
        if key and re.fullmatch(_TITLE_WORDS, m, re.I):
            offices = self._in_scope([n for n in self._by_first.get(key.split()[0], []) if normalise(n).startswith(key + " ")])
            seen = [o for o in offices if o in self.seen]
            if len(seen) == 1:  # the one such office the documents name
                return seen[0]
            if not seen and len(offices) == 1:
                return offices[0]
        if re.fullmatch(r"[A-Z]{2,8}", m):  # "HFRA" → the one seen name whose initials spell it (Harbour Freight Rail Authority)
            spelled = self._by_initials.get(m, [])  # an acronym another document spelled out holds across the collection
            if len(spelled) == 1:
                return spelled[0]
        if key and " " in key:  # "Integrated Care Board" → the one seen "Northshire Integrated Care Board"
            longer = self._in_scope(self._by_suffix.get(key, []))
            if len(longer) == 1:
                return longer[0]
        return m[:1].upper() + m[1:] if m else None

    def lowered(self) -> list[tuple[str, str]]:
        """(name, lower-case name) of every organisation, computed once per change of the registry."""
        if self._lowered_at != self._version:
            self._lowered = [(n, n.lower()) for n in self.orgs]
            self._lowered_at = self._version
        return self._lowered

    def names(self) -> list[str]:
        return sorted(self.orgs)


_ACRONYM_DEF = re.compile(r"((?:(?:[A-Z][\w'’&-]*|of|and|for|the|on|in|to|&)\s+){1,9}[A-Z][\w'’-]*)\s+\((?:the\s+)?([A-Z][A-Za-z&]{1,9})\)")
_ALIAS_DEF = re.compile(r"\b((?:[A-Z][\w'’-]*\s+){0,6}[A-Za-z][\w'’-]*)\s+\((the\s+[A-Z][a-z]+)\)")
_SMALL = {"of", "and", "for", "the", "on", "in", "to", "&"}
# capitalised words that start a sentence or clause rather than a name
_NOT_NAME_START = {"the", "a", "an", "in", "on", "at", "by", "for", "from", "with", "to", "and", "our", "their", "this",
                   "that", "these", "those", "both", "meanwhile", "however", "since", "when", "while", "as", "if",
                   "under", "after", "before", "during", "last", "next", "each", "every", "its", "his", "her", "we", "i"}


def _initials_variants(name: str) -> set[str]:
    """Ways an acronym may spell a name: without small words ('DfE' style), with 'and', with all words."""
    words = [w for w in re.split(r"[\s-]+", name.replace("'s", "").replace("’s", "")) if w]
    return {"".join(w[0].upper() for w in words if w.lower() not in _SMALL),
            "".join(w[0].upper() for w in words if w.lower() not in _SMALL - {"and"}),
            "".join(w[0].upper() for w in words)}


def _initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if w.lower() not in _SMALL)


def _name_start(words: list[str], k: int) -> int:
    """Widen a name leftwards over capitalised words ('Northshire' + 'Integrated Care Board'),
    stopping at words that open a sentence or clause ('The', 'In', 'Our')."""
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1].lower() not in _NOT_NAME_START:
        k -= 1
    while k < len(words) - 1 and words[k].lower() in _NOT_NAME_START:
        k += 1
    return k


def definitions_in_text(text: str) -> list[Organisation]:
    """Acronyms and short names a document defines: 'Northshire Integrated Care Board (ICB)',
    'Office for Students (OfS)', 'Westbury Hospitals NHS Trust (the Trust)', 'Kestrel Valley railway (the Railway)'."""
    found: list[Organisation] = []
    if "(" not in text:
        return found  # every definition is a bracket
    for m in _ACRONYM_DEF.finditer(text):
        words = m.group(1).split()
        acronym = m.group(2)
        letters = "".join(c for c in acronym if c.isupper())  # "OfS" → "OS", "PCCs" → "PCC"
        if len(letters) < 2:
            continue
        for k in range(len(words)):  # the shortest tail of the phrase whose initials match the acronym
            tail = words[k:]
            if not tail[0][:1].isupper():
                continue
            initials = _initials(tail)
            if initials == letters or (initials.startswith(letters) and len(letters) >= 3):
                start = _name_start(words, k)
                found.append(Organisation(" ".join(words[start:]), [], acronym, ORGANISATION))
                break
    for m in _ALIAS_DEF.finditer(text):
        words = m.group(1).split()
        alias = m.group(2)
        head = alias.split()[1].lower()
        # the alias shortens one of the name's words: "(the Trust)", "(the Railway)" for "Kestrel Valley railway"
        hits = [k for k, w in enumerate(words) if w.lower().startswith(head)]
        if not hits:
            continue
        start = _name_start(words, min(hits[0], len(words) - 1))
        name = " ".join(words[start:])
        if len(name.split()) > 1 and name.lower() != alias.lower():
            found.append(Organisation(name, [alias], None, ORGANISATION))
    return found


def _acronym_in(name: str) -> str | None:
    m = re.search(r"\(([A-Z][A-Za-z&]{1,9}(?:\s[A-Z]{2,4})?)\)\s*$", name)
    return m.group(1) if m else None


def signatory_names(doc: Document, registry: Registry | None = None) -> list[str]:
    """A joint letter's signatories as organisations: '(HTF)' dropped, canonical names, each once."""
    names = [re.sub(r"\s*\([^)]*\)\s*$", "", n).strip() for n in doc.signatories]
    if registry is not None:
        names = [registry.canonical(n) or n for n in names if n]
    return list(dict.fromkeys(n for n in names if n))


def _shouting(name: str) -> bool:
    """A name of several words set in capitals that are words, not acronyms ("COALITION ON RIVER HEALTH")."""
    words = name.split()
    return len(words) > 1 and name.isupper() and any(len(w.strip("().,&'’-")) >= 6 or w.lower() in ("of", "and", "for", "the", "on")
                                                     for w in words)


def register_document(registry: Registry, doc: Document) -> None:
    """Learn the organisations and offices a document names: its author, addressees, speakers, definitions."""
    for org in definitions_in_text(doc.text):
        registry.learn(org)
    if doc.author_org:
        registry.learn(Organisation(doc.author_org, [], None, OFFICE if _TITLE.search(doc.author_org) else ORGANISATION))
    for a in doc.addressees:
        if _TITLE.search(a) and len(a.split()) > 1:
            registry.learn(Organisation(a, [], None, OFFICE))
    for field in ("addressee_organisation", "care_of"):
        name = doc.metadata.get(field)
        if name and len(name.split()) > 1 and not re.fullmatch(r"[A-Z]{2,8}", name):
            registry.learn(Organisation(name, [], None, ORGANISATION))
    for name in doc.signatories:
        registry.learn(Organisation(re.sub(r"\s*\([^)]*\)\s*$", "", name), [], _acronym_in(name), ORGANISATION))
    for t in doc.turns:
        if t.organisation and len(t.organisation) > 2:
            registry.learn(Organisation(t.organisation, [], None, ORGANISATION))
        # an office with a portfolio is a holder in its own right ("Minister for Schools"); a job title
        # inside an organisation ("Chief Executive, X Trust") is not
        if t.role and "," not in t.role and _TITLE.search(t.role) and re.search(r"\b(?:of|for)\b", t.role):
            registry.learn(Organisation(t.role, [], None, OFFICE))
