"""Statements: the sentences that show a position without being asks — welcomes, support, concern,
opposition — and views reported from witnesses. Asks give positions of their own (their holder
calls for, or commits to, what they ask); a statement gives its holder the stance it takes.

Positions themselves (organisation × theme × stance, with the quote) are assembled by the store
from asks and statements once both have themes.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ingest.records import CONSULTATION_RESPONSE, LIST_ITEM, PARAGRAPH, TRANSCRIPT, Document

from .asks import _is_quoted, _own_names, _speaker_holder
from .organisations import Registry, signatory_names
from .records import Ask
from . import lexicon
from .sentences import units
from .spokespeople import spokespeople
from .themes import is_generic, points_back
from .statement_stance import CANDIDATE, enabled, is_candidate
from .stances import CONCERNED, OPPOSES, SUPPORTS, WELCOMES, ask_stance, ask_stances, Witness, reported_speaker, reported_stance, stances_of, witnesses


@dataclass
class Statement:
    doc_id: str
    start: int
    end: int
    text: str
    organisation: str
    stance: str
    source: str  # stance | reported | signatory | candidate (waiting for the learned stance)
    rule: str
    speaker: str | None = None
    id: str = ""
    context: str | None = None  # what frames it (the sentence before; in a transcript, the question answered)


def _witness_label(w: Witness) -> str:
    if w.role and w.organisation:
        return f"{w.name}, {w.role} at {w.organisation}"
    return w.name


def _last_mentioned(text: str, people: dict[str, Witness]) -> Witness | None:
    """The witness named last in a sentence (whom a following quotation or 'he'/'she' refers to)."""
    best, where = None, -1
    for key, w in people.items():
        for m in re.finditer(rf"\b{re.escape(key)}\b", text):
            if m.start() > where:
                best, where = w, m.start()
    return best


REFERENT_WINDOW = 8  # units looked back through for what "this recommendation" refers to


def referent(text: str, before: list[str]) -> str | None:
    """What a sentence that points back refers to ("The Department does not agree with this recommendation."):
    the nearest unit before it that names the noun pointed at (lexicon ``back_reference_words``, then the next word
    or two: "recommendation" matches "Recommendation 4: …" and "We recommend …" by their first six letters).
    None where none does (the sentence just before is then its context)."""
    m = _POINTED.search(text)
    if not m:
        return None
    stems = [w.lower()[:6] for w in m.group("nouns").split() if len(w) > 3]
    for unit in reversed(before):
        low = unit.lower()
        if any(re.search(rf"\b{re.escape(st)}", low) for st in stems) and not is_generic(unit):
            return unit
    return None


_POINTED = re.compile(rf"(?<![\w'’-])(?:{lexicon.alternation('back_reference_words')})\s+(?P<nouns>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)", re.I)


def extract_statements(doc: Document, asks: list[Ask], registry: Registry) -> list[Statement]:
    """Every non-ask sentence that takes a stance, held by its author, speaker or reported witness."""
    with registry.within(doc.text):
        return _extract_statements(doc, asks, registry)


def _extract_statements(doc: Document, asks: list[Ask], registry: Registry) -> list[Statement]:
    from .asks import ask_id

    taken = {(a.start, a.end) for a in asks}
    learned = enabled()
    previous = ""
    people = witnesses(doc.text)
    spokes = spokespeople(doc, _own_names(doc, registry)) if doc.kind != TRANSCRIPT else {}
    last: Witness | None = None
    quotes: dict[int, list[tuple[int, int]]] = {}
    out: list[Statement] = []
    recent: list[str] = []  # the units before this one, nearest last (where a back-reference is looked up)
    for u in units(doc):
        context, previous = previous or None, u.text
        if recent and points_back(u.text):
            context = referent(u.text, recent) or context
        recent = (recent + [u.text])[-REFERENT_WINDOW:]
        if (u.start, u.end) in taken:
            # an ask can show a stance besides ("I am disappointed that …, therefore …"): its concern,
            # opposition or welcome counts too (its support is the ask itself)
            org = registry.canonical(doc.author_org or doc.author) if doc.kind != TRANSCRIPT else None
            for hit in ask_stances(u.text) if org else []:
                if hit.stance in (CONCERNED, OPPOSES, WELCOMES, SUPPORTS):
                    out.append(Statement(doc.id, u.start, u.end, u.text, org, hit.stance, "stance", hit.rule, None,
                                         context=context))
            continue
        who, reported = reported_speaker(u.text, people, last)
        quoted = not reported and _is_quoted(doc, u, quotes)
        spokesperson = spokes.get(u.block) if quoted else None
        if quoted and not spokesperson and last is not None:
            who, reported = last, True  # a quotation after its witness was introduced ("X told us: …")
        mentioned = _last_mentioned(u.text, people)
        if reported or mentioned:
            last = mentioned or (who if who is not None else last)
        if reported:
            hit = reported_stance(u.text)
            org = registry.canonical(who.organisation) if who and who.organisation else None
            if hit and org:
                out.append(Statement(doc.id, u.start, u.end, u.text, org, hit.stance, "reported", hit.rule,
                                     _witness_label(who), context=context))
            continue
        hits = stances_of(u.text)
        if u.text.strip().endswith("?"):
            continue
        # with the learned stance on, a sentence no rule reads a stance in is a candidate (decided when themed;
        # analysis/statement_stance.py): not in a consultation export's answers, which have a stance of their own
        candidate = (learned and not hits and doc.kind != CONSULTATION_RESPONSE and u.block_kind in (PARAGRAPH, LIST_ITEM)
                     and is_candidate(u.text))
        if not hits and not candidate:
            continue
        speaker = None
        if doc.kind == TRANSCRIPT and u.turn is not None:
            org, speaker = _speaker_holder(doc, u, registry)
        else:
            org = registry.canonical(doc.author_org or doc.author)
            speaker = spokesperson  # the author's own spokesperson, quoted
        if org and candidate:
            out.append(Statement(doc.id, u.start, u.end, u.text, org, CANDIDATE, CANDIDATE, CANDIDATE, speaker,
                                 context=context))
        for hit in hits if org else []:
            out.append(Statement(doc.id, u.start, u.end, u.text, org, hit.stance, "stance", hit.rule, speaker,
                                 context=context))
    seen: set[str] = set()
    for s in out:
        s.id = "st-" + ask_id(doc.id, s.start, s.end)
        if s.id in seen:  # a second stance of the same sentence ("supports … and welcomes …")
            s.id = "st-" + hashlib.sha1(f"{doc.id}:{s.start}:{s.end}:{s.stance}".encode()).hexdigest()[:16]
        seen.add(s.id)
    return out + _signatories_hold(doc, out, registry)


def _signatories_hold(doc: Document, statements: list[Statement], registry: Registry) -> list[Statement]:
    """A joint letter's own stances are every signatory's too (as its asks are): one statement each."""
    if doc.kind == TRANSCRIPT or not doc.signatories:
        return []
    signatories = signatory_names(doc, registry)
    extra = []
    for s in statements:
        if s.source not in ("stance", CANDIDATE):  # a candidate's copies are decided with it
            continue
        for org in signatories:
            if org and org != s.organisation:
                key = hashlib.sha1(f"{s.id}:{org}".encode()).hexdigest()[:16]
                extra.append(Statement(s.doc_id, s.start, s.end, s.text, org, s.stance, "signatory", s.rule, None,
                                       id=f"st-{key}", context=s.context))
    return extra
