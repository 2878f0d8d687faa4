#!/usr/bin/env python3
"""Build a realistic synthetic corpus of N documents for speed (and sanity) benchmarks.

    python benchmarks/make_corpus.py OUT_DIR -n N [--seed 0] [--force]

N counts documents as Askmap counts them: each response row of a consultation export
(``file.csv#<Response ID>``) is one document. The same seed gives byte-identical files: everything
is drawn from ``random.Random`` instances seeded with strings (seeded through SHA-512, so never
through Python's randomised ``hash``), one per document or export file, and nothing depends on the
clock, on set order or on global random state. Pure standard library.

Kinds and mix (of the N documents):

* consultation responses, about 57.5% — rows of CSV exports of up to 500 rows (a new export
  every 60–500 rows), one consultation per export, in two platform layouts that Askmap recognises
  from the headers alone: ``Response ID, Submitted, Are you responding as an individual or on
  behalf of an organisation?, Your name, Organisation name (if applicable), Email address, Q1. …,
  Q2. …`` and ``Respondent ID, Date submitted, Full name, Are you responding on behalf of an
  organisation? (Yes/No), Name of organisation, Postcode, Question 1: …, Question 2: …``.
  Individuals and organisations answer one or two long free-text questions;
* letters, 30% — 80% ``.txt``, 10% ``.md`` and 10% ``.eml`` (wrapped at 72 columns): letterhead
  (or e-mail headers), date, recipient block, "Dear …", subject line, opening, background
  paragraphs with figures and stance sentences, usually a numbered or bulleted list of
  recommendations after a lead-in ("We recommend that the Council:"), free-standing asks,
  commitments ("For our part, we will …"), a request for a reply and a signature block (name,
  job title, organisation);
* committee transcripts, 12.5% — ``.txt`` in two layouts: "Q12 Chair:" / "Name (Role, Organisation):"
  labels with a witness list under the header, or "Chair:" / "Cllr Name:" / "Dr Name:" labels with
  a one-line "Witnesses: Name, Role, Organisation; and …" list. A chair and members ask mostly
  open questions, witnesses answer with figures and views, and some turns hold asks ("Will you …?")
  and commitments ("I will write to the committee with …").

For N ≥ 3 every kind is present (rounded shares; consultation rows take the remainder).

Lengths (words, whitespace-separated, of the text Askmap stores: a row's question headings and
answers; a letter's body, for an e-mail the body only) are drawn log-uniformly per kind — rows
200–700, letters 300–2,500, transcripts 1,500–5,000 — and each document is built sentence by
sentence until it reaches its length (it may run a sentence or two past: rows reach about 760
words, letters 2,600), and every document lies within 200–5,000 words (transcripts stop adding
exchanges past 4,650 words). At N = 10,000 that is about 9.4 million words (62 MB) in 4,300
files, written in 5–10 s on one core.

Content: ten policy topics (housing, transport, health and social care, education and skills,
environment and flooding, community safety, digital connectivity, planning, culture and libraries,
employment and the economy) from ``sentence_bank.py``: slot-filled templates with invented towns
(hundreds), wards, streets, councils, organisations and people, figures and dates. Asks are about
one sentence in ten (5–15%); the rest are background facts, figures, opinions, thanks and
welcomes or concerns. The asks written into each document are recorded in memory
(``CorpusStats.asks``, by document name as Askmap shows it) for checking what a tool extracts.

The Python API is used by benchmark scripts::

    from make_corpus import make_corpus, make_letter
    stats = make_corpus(Path("/tmp/corpus"), 10_000, seed=0)
    Path("/tmp/one.txt").write_text(make_letter(seed=1, words=900))

Layout of OUT_DIR: ``letters/``, ``transcripts/``, ``consultations/``.
"""
from __future__ import annotations

import argparse
import csv
import io
import math
import random
import re
import sys
import textwrap
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

try:  # imported as benchmarks.make_corpus
    from . import sentence_bank as bank
except ImportError:  # run as a script, or imported with benchmarks/ on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import sentence_bank as bank  # type: ignore[no-redef]

KINDS = ("consultation", "letter", "transcript")
SHARES = {"letter": 0.30, "transcript": 0.125}  # consultation rows: the rest (about 57.5%)
WORDS = {"consultation": (200, 700), "letter": (300, 2500), "transcript": (1500, 5000)}
MAX_WORDS = 5000
ROWS_PER_EXPORT = (60, 500)
LETTER_FORMATS = (("txt", 0.8), ("md", 0.1), ("eml", 0.1))
SUBDIRS = {"consultation": "consultations", "letter": "letters", "transcript": "transcripts"}

RECOMMENDATION, REQUEST, COMMITMENT, PLEDGE = "recommendation", "request", "commitment", "pledge"


# --------------------------------------------------------------------------------------------- results


@dataclass
class CorpusStats:
    """What :func:`make_corpus` wrote."""

    documents: dict[str, int]  # kind ("consultation", "letter", "transcript") → documents (a CSV row is one)
    words: dict[str, int]  # kind → words
    files: list[Path]  # files written, in the order written
    total_words: int = 0
    sentences: int = 0  # sentences and list items written (for the share of asks)
    seconds: float = 0.0
    doc_words: dict[str, int] = field(default_factory=dict, repr=False)  # document name as Askmap shows it → words
    asks: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)  # name → [(type, text)]

    @property
    def total_documents(self) -> int:
        return sum(self.documents.values())

    @property
    def ask_count(self) -> int:
        return sum(len(v) for v in self.asks.values())


@dataclass
class _Doc:
    """One generated document: its text and what was written into it."""

    text: str
    words: int
    sentences: int
    asks: list[tuple[str, str]]


# --------------------------------------------------------------------------------------------- slots


def _town(rng: random.Random) -> str:
    return rng.choice(bank.TOWN_STEMS) + rng.choice(bank.TOWN_ENDINGS)


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(bank.FIRST_NAMES), rng.choice(bank.SURNAMES)


def _honorific(rng: random.Random, first: str) -> str:
    return rng.choice(bank.HONORIFICS["female" if first in bank.FEMALE_NAMES else "male"])


def _org_name(rng: random.Random, topic: dict, town: str, county: str) -> str:
    r = rng.random()
    if r < 0.15:
        form = rng.choice(bank.CHARITY_FORMS)
        return form.format(name=rng.choice(bank.CHARITY_NAMES), town=town)
    kind = rng.choice(topic["org_kinds"]) if rng.random() < 0.8 else rng.choice(bank.GENERIC_ORG_KINDS)
    if kind.startswith("Friends of"):
        return f"{kind} {town}"
    return f"{county if r < 0.35 else town} {kind}"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", name.lower())[:24] or "org"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


class _Deck:
    """Templates drawn without replacement (reshuffled when used up), so a document rarely repeats one."""

    __slots__ = ("rng", "items", "left", "rounds")

    def __init__(self, rng: random.Random, items: list[str]):
        self.rng, self.items, self.left, self.rounds = rng, list(items), [], 0

    def draw(self) -> str:
        if not self.left:
            self.left = list(self.items)
            self.rng.shuffle(self.left)
            self.rounds += 1
        return self.left.pop()


class _Slots(dict):
    """``template.format_map(slots)``: document context first, fresh values for everything else."""

    def __init__(self, rng: random.Random, topic: dict, fixed: dict[str, str]):
        super().__init__(fixed)
        self.rng = rng
        self.topic = topic
        self.second = bank.TOPICS[(bank.TOPICS.index(topic) + rng.randint(1, len(bank.TOPICS) - 1)) % len(bank.TOPICS)]
        self.decks: dict[str, _Deck] = {}

    def deck(self, name: str, items: list[str]) -> str:
        d = self.decks.get(name)
        if d is None:
            d = self.decks[name] = _Deck(self.rng, items)
        return d.draw()

    def fill(self, template: str) -> str:
        return template.format_map(self)

    def __missing__(self, key: str) -> str:
        if key[:1].isupper():
            return _cap(self[key[0].lower() + key[1:]])
        gen = _GENERATORS.get(key)
        if gen is None:
            raise KeyError(key)
        return gen(self)

    # topic phrases, filled recursively
    def pick(self, name: str, extra: list[str] = ()) -> str:
        items = self.topic[name] + list(extra)
        return self.fill(self.deck(name, items))

    def vp(self) -> str:
        """A base-form verb phrase: a topic action (sometimes a generic one), with an optional qualifier."""
        rng = self.rng
        action = self.deck("actions", self.topic["actions"]) if rng.random() < 0.88 else rng.choice(bank.GENERIC_ACTIONS)
        text = self.fill(action)
        if "{" not in action:  # a fixed phrase: always qualified ("… by May 2027"), so that asks rarely repeat
            text += self.fill(rng.choice(_SLOTTED_QUALIFIERS))
        elif rng.random() < 0.45:
            text += self.fill(rng.choice(bank.QUALIFIERS))
        return text

    def cvp(self) -> str:
        """What the holder commits itself to."""
        items = self.topic["commits"] if self.rng.random() < 0.6 else bank.GENERIC_COMMITS
        return self.fill(self.rng.choice(items))


def _date_str(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(bank.MONTHS)} {year}"


def _fy(y: int) -> str:
    return f"{y}/{(y + 1) % 100:02d}"


_SLOTTED_QUALIFIERS = [q for q in bank.QUALIFIERS if "{" in q]

_GENERATORS = {
    "place2": lambda s: _town(s.rng),
    "town2": lambda s: _town(s.rng),
    "ward": lambda s: s.rng.choice(bank.WARDS),
    "ward2": lambda s: s.rng.choice(bank.WARDS),
    "street": lambda s: s.rng.choice(bank.STREETS),
    "road": lambda s: f"A{s.rng.randint(30, 699)}" if s.rng.random() < 0.7 else f"B{s.rng.randint(1000, 6999)}",
    "river": lambda s: s.rng.choice(bank.RIVERS),
    "park": lambda s: s.rng.choice(bank.PARK_FORMS).format(ward=s.rng.choice(bank.WARDS)),
    "school": lambda s: s.rng.choice(bank.SCHOOL_FORMS).format(ward=s.rng.choice(bank.WARDS), town=s["place"]),
    "bus_no": lambda s: str(s.rng.randint(1, 99)) + ("A" if s.rng.random() < 0.15 else ""),
    "n1": lambda s: s.rng.choice(bank.NUMBER_WORDS),
    "weekdays": lambda s: s.rng.choice(bank.NUMBER_WORDS[:4]),
    "hours": lambda s: s.rng.choice(bank.NUMBER_WORDS[:3]),
    "n2": lambda s: str(s.rng.randint(12, 95)),
    "n3": lambda s: str(s.rng.randint(110, 980)),
    "n4": lambda s: f"{s.rng.randint(1200, 9800):,}",
    "pct": lambda s: str(s.rng.randint(4, 68)),
    "pct_small": lambda s: f"{s.rng.randint(12, 98) / 10:.1f}",
    "money": lambda s: f"{s.rng.randint(11, 489) / 10:.1f}",
    "money_k": lambda s: f"{s.rng.randint(25, 950) * 1000:,}",
    "fare": lambda s: s.rng.choice(["1", "1.50", "2"]),
    "fare2": lambda s: f"{s.rng.randint(3, 12)}.{s.rng.choice(['00', '20', '40', '50', '80'])}",
    "rate": lambda s: f"{s.rng.randint(21, 32)}.{s.rng.randint(0, 99):02d}",
    "age": lambda s: str(s.rng.randint(38, 56)),
    "month": lambda s: s.rng.choice(bank.MONTHS),
    "month2": lambda s: s.rng.choice(bank.MONTHS),
    "date": lambda s: _date_str(s.rng, int(s["year"]) + s.rng.choice([0, 1, 1])),
    "date_past": lambda s: _date_str(s.rng, int(s["year"]) - s.rng.choice([0, 0, 1])),
    "year_past": lambda s: str(s.rng.randint(2012, 2019)),
    "year_old": lambda s: str(s.rng.randint(1968, 2005)),
    "year_recent": lambda s: str(s.rng.randint(2021, 2024)),
    "year_next": lambda s: str(s.rng.randint(2026, 2028)),
    "year_target": lambda s: s.rng.choice(["2030", "2035", "2040"]),
    "year_found": lambda s: str(s.rng.randint(1965, 2018)),
    "fy": lambda s: _fy(s.rng.randint(2022, 2024)),
    "fy_next": lambda s: _fy(s.rng.randint(2025, 2026)),
    "time_eve": lambda s: s.rng.choice(["5.50pm", "6.05pm", "6.40pm", "7.15pm", "7.30pm", "8.10pm"]),
    "soon": lambda s: s.rng.choice(["by the end of {month}", "within {n1} weeks", "before your {month} meeting",
                                    "by {date}", "before the end of the month"]).format_map(s),
    "relative": lambda s: s.rng.choice(bank.RELATIVES),
    "decade": lambda s: s.rng.choice(["1950s", "1960s", "1970s", "1980s"]),
    "org_desc": lambda s: s.rng.choice(bank.ORG_DESCRIPTIONS),
    "org": lambda s: _org_name(s.rng, s.topic, _town(s.rng) if s.rng.random() < 0.4 else s["place"], s["county"]),
    "service": lambda s: s["main_service"] if s.rng.random() < 0.4 else s.pick("services"),
    "group": lambda s: s.pick("groups"),
    "welcome": lambda s: s.pick("welcomes", bank.GENERIC_WELCOMES),
    "concern": lambda s: s.pick("concerns", bank.GENERIC_CONCERNS),
    "info": lambda s: s.pick("info"),
}


def _context(rng: random.Random, topic: dict, year: int) -> dict[str, str]:
    """The fixed slots of one document: its town, county, council, committee, strategy, hospital."""
    town = _town(rng)
    county = rng.choice(bank.COUNTIES)
    council = rng.choice(bank.COUNCIL_FORMS).format(town=town) if rng.random() < 0.75 else f"{county} County Council"
    y = year + rng.choice([1, 1, 2])
    strategy = topic["strategy"].format(year_next=y, year_later=y + 5)
    hospital = rng.choice(bank.HOSPITAL_FORMS).format(town=town)
    return {"main_service": rng.choice(topic["services"]), "place": town, "town": town, "county": county, "council": council, "committee": topic["committee"],
            "strategy": strategy, "hospital": hospital, "year": str(year)}


def _words(text: str) -> int:
    return len(text.split())


def _log_uniform(rng: random.Random, lo: int, hi: int) -> int:
    return round(math.exp(rng.uniform(math.log(lo), math.log(hi))))


# --------------------------------------------------------------------------------------------- sentences


class _Writer:
    """Collects sentences, counting them, their words and the asks among them."""

    def __init__(self, slots: _Slots):
        self.s = slots
        self.rng = slots.rng
        self.sentences = 0
        self.words = 0
        self.asks: list[tuple[str, str]] = []

    def add(self, text: str, ask_type: str | None = None) -> str:
        self.sentences += 1
        self.words += _words(text)
        if ask_type:
            self.asks.append((ask_type, text))
        return text

    def count(self, text: str) -> str:
        """Words that are not sentences (headers, signatures, headings)."""
        self.words += _words(text)
        return text

    # non-asks
    def fact(self) -> str:
        s = self.s
        if self.rng.random() < 0.6:
            d = s.decks.get("facts")
            if d is not None and d.rounds > 1 and self.rng.random() < 0.6:
                # the topic's own figures are used up: a long document turns to a neighbouring topic too
                return self.add(s.fill(s.deck("facts2", s.second["facts"])))
            return self.add(s.fill(s.deck("facts", s.topic["facts"])))
        return self.add(s.fill(s.deck("gfacts", bank.GENERIC_FACTS)))

    def opinion(self) -> str:
        return self.add(self.s.fill(self.s.deck("opinions", bank.GENERIC_OPINIONS)))

    def stance(self) -> str:
        kind = "welcome" if self.rng.random() < 0.45 else "concern"
        return self.add(self.s.fill(self.rng.choice(bank.STANCE_FRAMES[kind])))

    def background(self) -> str:
        r = self.rng.random()
        if r < 0.55:
            return self.fact()
        if r < 0.8:
            return self.opinion()
        return self.stance()

    # asks
    def recommendation(self, addr: str) -> str:
        frame = self.s.deck("rec_frames", bank.RECOMMENDATION_FRAMES)
        return self.add(_fill_frame(self.s, frame, addr, self.s.vp()), RECOMMENDATION)

    def request(self, addr: str) -> str:
        frame = self.s.deck("req_frames", bank.REQUEST_FRAMES)
        return self.add(_fill_frame(self.s, frame, addr, self.s.vp()), REQUEST)

    def response_request(self) -> str:
        return self.add(self.s.fill(self.rng.choice(bank.RESPONSE_REQUESTS)), REQUEST)

    def commitment(self) -> str:
        frame = self.rng.choice(bank.COMMITMENT_FRAMES)
        return self.add(frame.replace("{cvp}", self.s.cvp()), COMMITMENT)

    def pledge(self) -> str:
        frame = self.rng.choice(bank.PLEDGE_FRAMES)
        return self.add(frame.replace("{cvp}", self.s.cvp()), PLEDGE)


def _fill_frame(slots: _Slots, frame: str, addr: str, vp: str) -> str:
    """An ask frame with its addressee and verb phrase (already filled: braces in them are literal)."""
    text = frame.replace("{Addr}", _cap(addr)).replace("{addr}", addr).replace("{vp}", vp)
    return slots.fill(text) if "{" in text else text


# --------------------------------------------------------------------------------------------- letters

_LIST_MARKERS = ("{n}.", "{n}.", "{n})", "({a})", "-", "•", "*")


def _marker(style: str, i: int) -> str:
    return style.format(n=i + 1, a="abcdefghijklmnopqrstuvwxyz"[i % 26])


def _addressee(rng: random.Random, topic: dict, ctx: dict[str, str]) -> dict[str, str]:
    role, title, body_t, short_t = rng.choice(topic["bodies"])
    body = body_t.format(council=ctx["council"], town=ctx["town"], county=ctx["county"])
    short = short_t.format(town=ctx["town"], county=ctx["county"])
    first, last = _person(rng)
    if title == "Councillor":
        person, dear = f"Councillor {first} {last}", f"Dear Councillor {last},"
    elif role.startswith("Minister"):
        person, dear = f"{first} {last} MP", "Dear Minister,"
    else:
        hon = _honorific(rng, first)
        person, dear = f"{hon} {first} {last}", f"Dear {hon} {last},"
    national = body.startswith(("Department", "Ministry", "Environment Agency", "Arts Council", "Planning Inspectorate"))
    return {"role": role, "body": body, "short": short, "person": person, "dear": dear, "national": "1" if national else ""}


def _postcode(rng: random.Random, town: str) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return f"{town[:2].upper()}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def _wrap(paragraph: str, width: int, indent: str = "", first: str = "") -> str:
    """Hard-wrap a paragraph as a mail client would; left alone if a wrapped line would look like a list item."""
    lines = textwrap.wrap(paragraph, width=width, initial_indent=first, subsequent_indent=indent,
                          break_long_words=False, break_on_hyphens=False)
    if any(re.match(r"^\s*(?:\(?[0-9a-z]{1,3}[.)]|[-*•])\s", l) for l in lines[1:]):
        return first + paragraph
    return "\n".join(lines)


def _letter(rng: random.Random, topic: dict, target: int, fmt: str) -> _Doc:
    year = rng.choice([2023, 2024, 2024, 2025, 2025])
    ctx = _context(rng, topic, year)
    to = _addressee(rng, topic, ctx)
    first, last = _person(rng)
    author = _org_name(rng, topic, ctx["town"], ctx["county"])
    signer_title = rng.choice(bank.SIGNER_TITLES)
    ctx.update(author=author, signer_title=signer_title.lower() if signer_title != "Chair" else "Chair")
    slots = _Slots(rng, topic, ctx)
    w = _Writer(slots)
    addr = to["short"]
    letter_date = date(year, rng.randint(1, 12), rng.randint(1, 28))
    date_line = f"{letter_date.day} {bank.MONTHS[letter_date.month - 1]} {letter_date.year}"

    # ---- the parts around the body
    head: list[str] = []
    if fmt == "txt":
        lh = [author, f"{rng.randint(1, 140)} {rng.choice(bank.STREETS)}", f"{ctx['town']} {_postcode(rng, ctx['town'])}"]
        if rng.random() < 0.6:
            lh.append(f"Email: info@{_slug(author)}.org.uk")
        head.append("\n".join(lh))
    elif fmt == "md":
        head.append(f"# {author}")
    if fmt != "eml":
        head.append(f"**{date_line}**" if fmt == "md" else date_line)
        rec = [to["person"], to["role"], to["body"]]
        if to["national"]:
            rec.append("By email")
        else:
            rec += [f"{'Town Hall' if 'Council' in to['body'] else 'Headquarters'}, {rng.choice(bank.STREETS)}",
                    f"{ctx['town']} {_postcode(rng, ctx['town'])}"]
        head.append(("  \n" if fmt == "md" else "\n").join(rec))
    for part in head:
        w.count(part)
    subject = f"{_cap(ctx['main_service'])} in {ctx['place']}"
    w.count(to["dear"])
    w.count(subject)

    # ---- how many asks, and of what kind
    est_sentences = target / 15
    n_asks = max(1, round(est_sentences * rng.uniform(0.07, 0.15)))
    if rng.random() < 0.04:
        n_asks = 0  # a letter of support or thanks, with no ask at all
    has_list = n_asks >= 3 and rng.random() < 0.8
    k_list = min(n_asks - 1, max(3, round(n_asks * rng.uniform(0.4, 0.7)))) if has_list else 0
    free = n_asks - k_list
    want_response = free > 0 and rng.random() < 0.7
    free -= want_response
    want_commit = free > 0 and rng.random() < 0.5
    free -= want_commit
    want_pledge = free > 0 and rng.random() < 0.05
    free -= want_pledge

    opening = [w.add(slots.fill(rng.choice(bank.OPENINGS)))]
    for t in rng.sample(bank.ABOUT_US, rng.randint(1, 2)):
        opening.append(w.add(slots.fill(t)))

    free_asks = [w.recommendation(addr) if rng.random() < 0.7 else w.request(addr if rng.random() < 0.5 else "you")
                 for _ in range(free)]
    list_block = ""
    if has_list:
        lead_t, style = rng.choice(bank.LIST_LEAD_INS)
        lead = w.count(slots.fill(lead_t.replace("{addr}", addr).replace("{Addr}", _cap(addr))))
        lead_type = REQUEST if "ask" in lead_t else RECOMMENDATION
        marker = rng.choice(_LIST_MARKERS)
        items = []
        for i in range(k_list):
            vp = slots.vp()
            item = f"{_cap(addr)} should {vp}." if style == "sentence" else f"{_cap(vp)}."
            w.add(item, lead_type)
            items.append(f"{_marker(marker, i)} {item}")
        list_block = lead + "\n\n" + ("\n\n" if rng.random() < 0.4 else "\n").join(items)
    commit_para = []
    if want_commit:
        commit_para.append(w.commitment())
        if rng.random() < 0.5:
            commit_para.append(w.background())
    if want_pledge:
        commit_para.append(w.pledge())
    closing = []
    if want_response:
        closing.append(w.response_request())
    if rng.random() < 0.5:
        closing.append(w.add(slots.fill(rng.choice(bank.THANKS))))
    closing.append(w.add(slots.fill(rng.choice(bank.CLOSINGS))))
    sign_off = "Yours sincerely," if fmt != "eml" or rng.random() < 0.5 else "Kind regards,"
    signature = [f"{first} {last}", signer_title, author]
    w.count(sign_off)
    w.count(" ".join(signature))

    # ---- background paragraphs up to the length
    paras: list[list[str]] = []
    while w.words < target:
        paras.append([w.background() for _ in range(rng.randint(3, 6))])
    if not paras:
        paras.append([w.background() for _ in range(2)])
    for a in free_asks:
        p = rng.choice(paras)
        p.insert(len(p) if rng.random() < 0.6 else rng.randint(1, len(p)), a)

    # ---- assemble
    body: list[str] = [to["dear"], f"Re: {subject}" if fmt == "txt" and rng.random() < 0.7 else
                       (f"## {subject}" if fmt == "md" else subject), " ".join(opening)]
    headings = fmt == "md" or (target > 1200 and rng.random() < 0.6)
    split = max(1, len(paras) - (1 if len(paras) > 2 and rng.random() < 0.5 else 0))
    if headings and len(paras) > 1:
        body.append(("## " if fmt == "md" else "") + rng.choice(["Background", f"The situation in {ctx['place']}",
                                                                  "Our concerns", "What we have found"]))
        w.count("Background")
    body += [" ".join(p) for p in paras[:split]]
    if list_block:
        if headings:
            body.append(("## " if fmt == "md" else "") + rng.choice(["Our recommendations", "Recommendations",
                                                                      "What we are asking for"]))
            w.count("Our recommendations")
        body.append(list_block)
    body += [" ".join(p) for p in paras[split:]]
    if commit_para:
        body.append(" ".join(commit_para))
    body.append(" ".join(closing))
    body.append(sign_off)
    body.append(("  \n" if fmt == "md" else "\n").join(signature if fmt != "md" else [f"**{signature[0]}**", *signature[1:]]))

    if fmt == "eml":
        wrapped = []
        for part in body:
            if "\n" in part or len(part) <= 72:
                if part is list_block:
                    lines = part.split("\n")
                    part = "\n".join(_wrap(l, 72, " " * 3) if l.strip() else l for l in lines)
                wrapped.append(part)
            else:
                wrapped.append(_wrap(part, 72))
        text = "\n\n".join(wrapped) + "\n"
        return _Doc(_eml(rng, text, author, first, last, to, subject, letter_date), _words(text), w.sentences, w.asks)
    text = "\n\n".join(head + body) + "\n"
    return _Doc(text, _words(text), w.sentences, w.asks)


def _eml(rng: random.Random, body: str, author: str, first: str, last: str, to: dict[str, str], subject: str,
         when: date) -> str:
    sent = datetime(when.year, when.month, when.day, rng.randint(8, 18), rng.randint(0, 59), tzinfo=timezone.utc)
    domain = f"{_slug(author)}.org.uk"
    to_domain = f"{_slug(to['body'])}.gov.uk"
    to_name = to["person"].replace(" MP", "")
    headers = [
        f"From: {first} {last} <{_slug(first)}.{_slug(last)}@{domain}>",
        f"To: {to_name} <{_slug(to_name.split()[-1])}@{to_domain}>",
        f"Subject: {subject}",
        f"Date: {format_datetime(sent)}",
        f"Message-ID: <{rng.getrandbits(64):016x}@{domain}>",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: 8bit",
    ]
    return "\n".join(headers) + "\n\n" + body


def make_letter(seed: int, words: int = 900) -> str:
    """The text of one letter of about ``words`` words (900: about two pages), the same for the same seed."""
    rng = random.Random(f"make_letter:{seed}")
    topic = rng.choice(bank.TOPICS)
    return _letter(rng, topic, words, "txt").text


# --------------------------------------------------------------------------------------------- transcripts

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _transcript(rng: random.Random, topic: dict, target: int) -> _Doc:
    year = rng.choice([2023, 2024, 2024, 2025, 2025])
    ctx = _context(rng, topic, year)
    slots = _Slots(rng, topic, ctx)
    w = _Writer(slots)
    layout = "q" if rng.random() < 0.6 else "plain"
    body = ctx["council"]

    def cllr(first: str, last: str) -> str:
        return f"{'Councillor' if layout == 'q' else 'Cllr'} {first} {last}"

    chair = _person(rng)
    members = [_person(rng) for _ in range(rng.randint(2, 4))]
    witnesses = []
    for role, org_t in rng.sample(topic["witnesses"], rng.randint(2, min(4, len(topic["witnesses"])))):
        first, last = _person(rng)
        hon = _honorific(rng, first)
        org = org_t.format(council=ctx["council"], town=ctx["town"], county=ctx["county"], town2=_town(rng))
        if org == ctx["county"]:
            role, org = f"{role} for {org}", ""
        witnesses.append({"name": f"Dr {first} {last}" if hon == "Dr" else f"{first} {last}", "role": role, "org": org,
                          "spoken": False})
    session = date(year, rng.randint(1, 12), rng.randint(1, 28))
    if session.weekday() > 4:  # committees sit on weekdays
        session -= timedelta(days=session.weekday() - 4)
    when = f"{_WEEKDAYS[session.weekday()]} {session.day} {bank.MONTHS[session.month - 1]} {session.year}"
    desc = lambda x: f"{x['role']}, {x['org']}" if x["org"] else x["role"]  # noqa: E731

    head = [f"{body.upper()}\n{ctx['committee'].upper()}",
            f"Transcript of evidence session: {ctx['main_service']} in {ctx['place']}\n"
            f"{when}, {rng.choice(['10.00am', '2.00pm', '6.30pm', '10.30am'])}, "
            f"{rng.choice(['Council Chamber', 'Committee Room 2', 'Committee Room 1'])}, {ctx['town']} Civic Centre"]
    present = [f"{cllr(*chair)} (Chair)"] + [cllr(*m) for m in members]
    head.append("Present: " + ", ".join(present))
    if layout == "q":
        head.append("Witnesses:\n" + "\n".join(f"{x['name']} ({desc(x)})" for x in witnesses))
    else:
        parts = [f"{x['name']}, {desc(x)}" for x in witnesses]
        head.append("Witnesses: " + "; ".join(parts[:-1]) + ("; and " if len(parts) > 1 else "") + parts[-1])
    for h in head:
        w.count(h)

    turns: list[str] = []
    qn = rng.randint(1, 40)

    def say(label: str, sentences: list[str]) -> None:
        text = f"{label}: {' '.join(sentences)}"
        w.count(label)
        turns.append(text)

    def chair_label(question: bool) -> str:
        nonlocal qn
        if layout == "q" and question:
            qn += 1
            return f"Q{qn} Chair"
        return "Chair"

    def member_label(m: tuple[str, str]) -> str:
        nonlocal qn
        if layout == "q":
            qn += 1
            return f"Q{qn} {cllr(*m)}"
        return cllr(*m)

    def witness_label(x: dict) -> str:
        first_time = not x["spoken"]
        x["spoken"] = True
        return f"{x['name']} ({desc(x)})" if layout == "q" and first_time else x["name"]

    say(chair_label(False), [w.add(slots.fill(t)) for t in rng.sample(bank.CHAIR_OPENINGS, rng.randint(2, 3))])
    questions = topic["questions"] + bank.GENERIC_QUESTIONS
    addressees = bank.WITNESS_ADDRESSEES + [b[3].format(town=ctx["town"], county=ctx["county"]) for b in topic["bodies"]]
    ask_rate = rng.uniform(0.7, 1.1)  # scales the chance of an ask in each turn
    soft_cap = MAX_WORDS - 350
    while w.words < target and w.words < soft_cap:
        who_asks = None if rng.random() < 0.5 else rng.choice(members)
        label = chair_label(True) if who_asks is None else member_label(who_asks)
        q: list[str] = []
        if rng.random() < 0.3:
            q.append(w.fact())
        requested = rng.random() < 0.22 * ask_rate
        if requested:
            frame = rng.choice(bank.CHAIR_REQUEST_FRAMES)
            q.append(w.add(_fill_frame(slots, frame, "you", slots.vp()), REQUEST))
        else:
            q.append(w.add(slots.fill(slots.deck("questions", questions))))
        say(label, q)
        x = rng.choice(witnesses)
        a: list[str] = []
        if requested and rng.random() < 0.75:
            frame = rng.choice(bank.WITNESS_COMMITMENT_FRAMES)
            a.append(w.add(_fill_frame(slots, frame, "", slots.vp()), COMMITMENT))
        for _ in range(rng.randint(2, 6)):
            r = rng.random()
            if r < 0.45:
                a.append(w.add(slots.fill(slots.deck("witness", bank.WITNESS_SENTENCES))))
            elif r < 0.8:
                a.append(w.fact())
            else:
                a.append(w.opinion())
        r = rng.random()
        if r < 0.22 * ask_rate:
            frame = slots.deck("wrec", bank.WITNESS_RECOMMENDATION_FRAMES)
            a.insert(rng.randint(1, len(a)), w.add(_fill_frame(slots, frame, rng.choice(addressees), slots.vp()),
                                                    RECOMMENDATION))
        elif r < 0.34 * ask_rate:
            frame = rng.choice(bank.WITNESS_COMMITMENT_FRAMES)
            a.append(w.add(_fill_frame(slots, frame, "", slots.vp()), COMMITMENT))
        say(witness_label(x), a)
        if rng.random() < 0.35:
            say(label.split(" ", 1)[1] if label.startswith("Q") else label,
                [w.add(rng.choice(bank.FOLLOW_UPS))])
            if rng.random() < 0.5:
                other = rng.choice(witnesses)
                say(witness_label(other), [w.fact(), w.add(slots.fill(slots.deck("witness", bank.WITNESS_SENTENCES)))])
    say(chair_label(False), [w.add(rng.choice(bank.CHAIR_CLOSINGS))])
    text = "\n\n".join(head + turns) + "\n"
    return _Doc(text, _words(text), w.sentences, w.asks)


# --------------------------------------------------------------------------------------------- consultations

_LAYOUTS = {
    "a": ["Response ID", "Submitted", "Are you responding as an individual or on behalf of an organisation?",
          "Your name", "Organisation name (if applicable)", "Email address"],
    "b": ["Respondent ID", "Date submitted", "Full name", "Are you responding on behalf of an organisation? (Yes/No)",
          "Name of organisation", "Postcode"],
}


@dataclass
class _Export:
    topic: dict
    ctx: dict[str, str]
    layout: str
    questions: tuple[str, str]
    start: datetime
    span_days: int
    id_prefix: str


def _new_export(rng: random.Random) -> _Export:
    topic = rng.choice(bank.TOPICS)
    year = rng.choice([2023, 2024, 2025])
    ctx = _context(rng, topic, year)
    slots = _Slots(rng, topic, ctx)
    q1, q2 = rng.choice(bank.QUESTION_SETS)
    questions = (slots.fill(q1), slots.fill(q2))
    start = datetime(year, rng.randint(1, 10), rng.randint(1, 28), 9, 0)
    return _Export(topic, ctx, rng.choice("ab"), questions, start, rng.randint(42, 84),
                   rng.choice(["R-", "ANON-", "", "BHLF-"]))


def _row_answer(rng: random.Random, ex: _Export, target: int, organisation: str | None) -> tuple[list[str], _Writer]:
    """The free-text answers of one respondent (one or two questions) and what was written."""
    ctx = dict(ex.ctx)
    ctx["author"] = organisation or "I"
    slots = _Slots(rng, ex.topic, ctx)
    w = _Writer(slots)
    two = rng.random() < 0.7
    targets = [target] if not two else [round(target * rng.uniform(0.6, 0.85))]
    if two:
        targets.append(target - targets[0])
    answers: list[str] = []
    org = organisation is not None
    for qi, t in enumerate(targets):
        w.count(ex.questions[qi])
        start_words = w.words
        n_sent_est = max(2, t / 15)
        n_asks = round(n_sent_est * rng.uniform(0.06, 0.15))
        if qi == 0 and n_asks == 0 and rng.random() < 0.8:
            n_asks = 1
        sentences: list[str] = []
        if org and qi == 0:
            sentences.append(w.add(slots.fill(rng.choice(bank.ABOUT_US))))
        asks: list[str] = []
        list_lines: list[str] = []
        if org and n_asks >= 3 and rng.random() < 0.35:
            lead = slots.fill(rng.choice(bank.ORG_ROW_LEAD_INS))
            w.count(lead)
            k = min(n_asks, rng.randint(2, 4))
            for _ in range(k):
                item = f"{_cap(slots.vp())}."
                w.add(item, RECOMMENDATION)
                list_lines.append(f"- {item}")
            list_lines.insert(0, lead)
            n_asks -= k
        for _ in range(n_asks):
            if org:
                r = rng.random()
                if r < 0.75:
                    asks.append(w.recommendation("the council"))
                elif r < 0.9:
                    asks.append(w.request("the council"))
                else:
                    asks.append(w.commitment())
            else:
                frame = slots.deck("ind_asks", bank.INDIVIDUAL_ASK_FRAMES)
                asks.append(w.add(_fill_frame(slots, frame, "the council", slots.vp()), RECOMMENDATION
                                  if not frame.startswith(("Please", "I would ask")) else REQUEST))
        while w.words - start_words < t or not sentences:
            r = rng.random()
            if org:
                sentences.append(w.background())
            elif r < 0.35:
                sentences.append(w.add(slots.fill(slots.deck("ind_facts", bank.INDIVIDUAL_FACTS))))
            elif r < 0.7:
                sentences.append(w.add(slots.fill(slots.deck("ind_opinions", bank.INDIVIDUAL_OPINIONS))))
            elif r < 0.85:
                sentences.append(w.fact())
            else:
                kind = "welcome" if rng.random() < 0.4 else "concern"
                frame = "I welcome {welcome}." if kind == "welcome" else "I am worried that {concern}."
                sentences.append(w.add(slots.fill(frame)))
        for a in asks:
            sentences.insert(rng.randint(1, len(sentences)), a)
        # paragraphs: lines of the cell
        paras: list[str] = []
        i = 0
        while i < len(sentences):
            n = rng.randint(2, 6)
            paras.append(" ".join(sentences[i:i + n]))
            i += n
        if list_lines:
            paras.insert(rng.randint(1, len(paras)), "\n".join(list_lines))
        answers.append(("\n\n" if rng.random() < 0.5 else "\n").join(paras))
    if len(answers) == 1:
        answers.append("")
    return answers, w


def _export_rows(rng: random.Random, ex: _Export, first_row: int, count: int, seed: int,
                 stats: CorpusStats, filename: str) -> bytes:
    header = _LAYOUTS[ex.layout] + list(ex.questions)
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(header)
    for j in range(count):
        n = first_row + j
        rr = random.Random(f"{seed}:row:{n}")
        is_org = rr.random() < 0.45
        first, last = _person(rr)
        organisation = _org_name(rr, ex.topic, ex.ctx["town"] if rr.random() < 0.6 else _town(rr), ex.ctx["county"]) \
            if is_org else None
        target = _log_uniform(rr, *WORDS["consultation"])
        answers, w = _row_answer(rr, ex, target, organisation)
        rid = f"{ex.id_prefix}{100000 + n}"
        when = ex.start + timedelta(minutes=round((j + rr.random()) * ex.span_days * 1440 / count))
        name = "" if (not is_org and rr.random() < 0.2) else f"{first} {last}"
        if ex.layout == "a":
            email = f"{_slug(first)}.{_slug(last)}{rr.randint(1, 99)}@example.{'org' if is_org else 'com'}"
            row = [rid, when.strftime("%d/%m/%Y %H:%M"), bank.RESPONDENT_TYPES[is_org], name, organisation or "",
                   email if rr.random() < 0.8 else ""]
        else:
            row = [rid, when.strftime("%Y-%m-%d %H:%M:%S"), name, "Yes" if is_org else "No", organisation or "",
                   _postcode(rr, ex.ctx["town"]) if rr.random() < 0.7 else ""]
        out.writerow(row + answers)
        source = f"{filename}#{rid}"
        words = sum(_words(q) + _words(a) for q, a in zip(ex.questions, answers) if a)  # as Askmap stores the row
        stats.doc_words[source] = words
        stats.asks[source] = w.asks
        stats.sentences += w.sentences
        stats.words["consultation"] += words
    data = buf.getvalue()
    return (("\ufeff" if ex.layout == "a" else "") + data).encode("utf-8")


# --------------------------------------------------------------------------------------------- corpus


def _counts(n: int) -> dict[str, int]:
    if n < 3:
        return {"letter": min(n, 1), "consultation": max(0, n - 1), "transcript": 0}
    letters = max(1, int(n * SHARES["letter"] + 0.5))
    transcripts = max(1, int(n * SHARES["transcript"] + 0.5))
    return {"consultation": n - letters - transcripts, "letter": letters, "transcript": transcripts}


def _is_empty(path: Path) -> bool:
    return not path.exists() or (path.is_dir() and not any(path.iterdir()))


def _clear_previous(out_dir: Path) -> None:
    """--force: remove the files a previous run wrote (only those: our subfolders, our file names)."""
    pattern = re.compile(r"^(?:letter_\d{5}_\w+\.(?:txt|md|eml)|transcript_\d{5}_\w+\.txt|consultation_\d{3}_\w+\.csv)$")
    for sub in SUBDIRS.values():
        d = out_dir / sub
        if d.is_dir():
            for f in sorted(d.iterdir()):
                if f.is_file() and pattern.match(f.name):
                    f.unlink()


def make_corpus(out_dir: Path, n: int, seed: int = 0, *, force: bool = False) -> CorpusStats:
    """Write a corpus of ``n`` documents (CSV rows counted one each) into ``out_dir``.

    ``out_dir`` is created; if it exists and is not empty, FileExistsError unless ``force`` (which
    removes the files an earlier run wrote there, and nothing else, before writing).
    """
    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    if n < 0:
        raise ValueError("n must be at least 0")
    if not _is_empty(out_dir):
        if not force:
            raise FileExistsError(f"{out_dir} exists and is not empty")
        _clear_previous(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = _counts(n)
    stats = CorpusStats(documents={k: 0 for k in KINDS}, words={k: 0 for k in KINDS}, files=[])

    def write(kind: str, name: str, data: bytes) -> None:
        d = out_dir / SUBDIRS[kind]
        d.mkdir(exist_ok=True)
        path = d / name
        path.write_bytes(data)
        stats.files.append(path)

    # consultation exports
    done, j = 0, 0
    while done < counts["consultation"]:
        rng = random.Random(f"{seed}:export:{j}")
        ex = _new_export(rng)
        left = counts["consultation"] - done
        size = min(left, rng.randint(*ROWS_PER_EXPORT))
        if left - size < 20:
            size = left if left <= ROWS_PER_EXPORT[1] else size
        name = f"consultation_{j + 1:03d}_{ex.topic['key']}.csv"
        write("consultation", name, _export_rows(rng, ex, done, size, seed, stats, name))
        stats.documents["consultation"] += size
        done += size
        j += 1
    # letters
    for i in range(counts["letter"]):
        rng = random.Random(f"{seed}:letter:{i}")
        topic = rng.choice(bank.TOPICS)
        r, fmt = rng.random(), "txt"
        for f, p in LETTER_FORMATS:
            if r < p:
                fmt = f
                break
            r -= p
        doc = _letter(rng, topic, _log_uniform(rng, *WORDS["letter"]), fmt)
        name = f"letter_{i + 1:05d}_{topic['key']}.{fmt}"
        write("letter", name, doc.text.encode("utf-8"))
        _record(stats, "letter", name, doc)
    # transcripts
    for i in range(counts["transcript"]):
        rng = random.Random(f"{seed}:transcript:{i}")
        topic = rng.choice(bank.TOPICS)
        doc = _transcript(rng, topic, _log_uniform(rng, *WORDS["transcript"]))
        name = f"transcript_{i + 1:05d}_{topic['key']}.txt"
        write("transcript", name, doc.text.encode("utf-8"))
        _record(stats, "transcript", name, doc)
    stats.total_words = sum(stats.words.values())
    stats.seconds = time.perf_counter() - t0
    return stats


def _record(stats: CorpusStats, kind: str, name: str, doc: _Doc) -> None:
    stats.documents[kind] += 1
    stats.words[kind] += doc.words
    stats.doc_words[name] = doc.words
    stats.asks[name] = doc.asks
    stats.sentences += doc.sentences


# --------------------------------------------------------------------------------------------- CLI


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build a synthetic corpus of N documents (letters, transcripts, "
                                             "consultation-export rows) for benchmarks.")
    ap.add_argument("out_dir", type=Path, help="folder to write (created; must be empty unless --force)")
    ap.add_argument("-n", type=int, required=True, help="number of documents (each consultation row counts as one)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (the same seed gives byte-identical files)")
    ap.add_argument("--force", action="store_true",
                    help="write into a non-empty folder, replacing the files an earlier run wrote there")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("-n must be at least 0")
    try:
        stats = make_corpus(args.out_dir, args.n, args.seed, force=args.force)
    except FileExistsError:
        print(f"make_corpus: {args.out_dir} already exists and is not empty; choose another folder, "
              "or add --force to replace the corpus written there before.", file=sys.stderr)
        return 2
    files = {k: sum(1 for f in stats.files if f.parent.name == SUBDIRS[k]) for k in KINDS}
    labels = {"consultation": "consultation rows", "letter": "letters", "transcript": "transcripts"}
    for k in KINDS:
        print(f"{labels[k] + ':':19} {stats.documents[k]:>7,} documents in {files[k]:>6,} files, "
              f"{stats.words[k]:>11,} words")
    print(f"{'total:':19} {stats.total_documents:>7,} documents in {len(stats.files):>6,} files, "
          f"{stats.total_words:>11,} words ({stats.ask_count:,} asks written; {stats.seconds:.1f} s) -> {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
