"""Consultation answers: the unit a consultation is read in.

Every (respondent, question) answer of a consultation export is one answer; any other document (a letter,
a PDF submission, an e-mail) is one answer to the consultation as a whole (``question`` None). Each answer
gets a stance towards its question's proposal — agree, disagree, mixed or unclear — with the sentences
that show it, and (in :mod:`askmap.theming`) its themes, each with the sentence that carries it.

Everything here is pure: documents and texts in, records out.

The stance is read from the answer's own words, in order of strength:

1. how it opens: "Yes", "No", "Agree", "Strongly disagree", "Not at all" (a yes/no question's answer);
2. the stance sentences of :mod:`analysis.stances` (support, welcome, opposition, concern) and a command to
   drop the proposal ("Scrap it.", "Don't do this");
3. a reservation after agreement ("Yes, but only if …", "…, however the levy is too high") makes it mixed;
   so do cues on both sides.

No cue at all: ``unclear``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ingest.records import CONSULTATION_RESPONSE, HEADING, Document

from . import lexicon
from .stances import CONCERNED, OPPOSES, SUPPORTS, WELCOMES, stance_of

AGREE, DISAGREE, MIXED, UNCLEAR = "agree", "disagree", "mixed", "unclear"
ANSWER_STANCES = (AGREE, DISAGREE, MIXED, UNCLEAR)


@dataclass
class Answer:
    doc_id: str
    start: int  # the answer's text in the document (the question heading excluded)
    end: int
    text: str
    question: str | None
    response_id: str | None
    respondent: str  # the organisation, the named person, or "Respondent <id>" for an anonymous individual
    organisation: str | None
    respondent_type: str | None
    stance: str = UNCLEAR
    stance_rule: str | None = None
    stance_evidence: list[tuple[int, int]] = field(default_factory=list)  # document offsets
    id: str = ""


def answer_id(doc_id: str, start: int, end: int) -> str:
    return "an-" + hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:24]


def respondent_of(doc: Document) -> tuple[str, str | None]:
    """(respondent, organisation): an organisation answers as itself; a person by name; an anonymous
    individual as "Respondent <response id>" (a respondent, never an organisation)."""
    org = doc.author_org or None
    if org:
        return org, org
    if doc.author:
        return doc.author, None
    rid = doc.metadata.get("response_id")
    return (f"Respondent {rid}" if rid else doc.source), None


def split_answers(doc: Document) -> list[Answer]:
    """The answers of one document: one per answered question of an export row, else the whole text."""
    respondent, org = respondent_of(doc)
    rid = doc.metadata.get("response_id")
    rtype = doc.metadata.get("respondent_type") or ("organisation" if org and doc.kind == CONSULTATION_RESPONSE else None)
    out: list[Answer] = []
    if doc.kind == CONSULTATION_RESPONSE and any(b.kind == HEADING for b in doc.blocks):
        spans: dict[str, list[int]] = {}
        order: list[str] = []
        for b in doc.blocks:
            if b.kind == HEADING or not b.section:
                continue
            if b.section not in spans:
                spans[b.section] = [b.start, b.end]
                order.append(b.section)
            spans[b.section][0] = min(spans[b.section][0], b.start)
            spans[b.section][1] = max(spans[b.section][1], b.end)
        for q in order:
            s, e = spans[q]
            out.append(Answer(doc.id, s, e, doc.text[s:e], q, rid, respondent, org, rtype))
    else:
        s = len(doc.text) - len(doc.text.lstrip())
        e = len(doc.text.rstrip())
        if e > s:
            out.append(Answer(doc.id, s, e, doc.text[s:e], None, rid, respondent, org, rtype))
    for a in out:
        a.id = answer_id(a.doc_id, a.start, a.end)
        a.stance, a.stance_rule, spans_ = answer_stance(a.text)
        a.stance_evidence = [(a.start + x, a.start + y) for x, y in spans_]
    return out


# ------------------------------------------------------------------ sentences

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a short answer (a line break ends one too); whitespace trimmed."""
    out, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    spans = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


# ------------------------------------------------------------------ stance

_OPEN_AGREE = re.compile(r"^\W*(?:yes\b|yep\b|yeah\b|aye\b|(?:i|we)\s+(?:would\s+)?(?:strongly\s+|fully\s+|completely\s+|totally\s+)?(?:agree|support)\b|"
                         r"(?:strongly\s+|fully\s+|completely\s+|totally\s+)?agree[ds]?\b|absolutely\b(?!\s+not)|definitely\b(?!\s+not)|"
                         r"of\s+course\b|certainly\b(?!\s+not)|in\s+favour\b|in\s+favor\b|support(?:ed)?\b|100\s*%|good\s+idea\b|about\s+time\b)", re.I)
_OPEN_DISAGREE = re.compile(r"^\W*(?:no\b(?!\s+(?:doubt|question)\b)|nope\b|nah\b|never\b|(?:i|we)\s+(?:strongly\s+|completely\s+|totally\s+)?(?:disagree|oppose|object)\b|"
                            r"(?:strongly\s+|completely\s+|totally\s+)?disagree[ds]?\b|absolutely\s+not\b|definitely\s+not\b|certainly\s+not\b|"
                            r"not\s+at\s+all\b|oppose[ds]?\b|against\b|(?:i|we)\s+(?:do\s+not|don['’]t)\s+(?:agree|support)\b)", re.I)
# a command to drop what is proposed: "Scrap it.", "Don't do this", "Leave Station Road alone"
_DROP_IT = re.compile(r"^\W*(?:please\s+)?(?:scrap|abolish|drop|ditch|bin|cancel|stop|abandon|withdraw|reject|forget|leave\s+\w+(?:\s+\w+)?\s+alone|"
                      r"(?:do\s+not|don['’]t)\s+(?:do|introduce|bring\s+in|go\s+ahead|implement))\b", re.I)
# a reservation after agreement: "Yes, but …", "… only if …", "as long as …"
_RESERVATION = re.compile(r"\b(?:but|however|although|though|only\s+if|as\s+long\s+as|provided\s+(?:that\s+)?|unless|except|"
                          r"on\s+condition|with\s+(?:some\s+)?(?:exemptions?|exceptions?|changes|reservations))\b", re.I)
# a judgement in a word or two: "Fantastic idea.", "Good", "Bad idea.", "Waste of money." (the lexicon's lists);
# "Oh great, another …" is sarcasm
_SARCASM = re.compile(r"^\W*oh\s+(?:great|wonderful|brilliant|good|fantastic|lovely|marvellous|perfect)\b", re.I)
_PRAISE_OPEN = re.compile(rf"^\W*(?:{lexicon.alternation('answer_praise')})\b|\b(?:{lexicon.alternation('answer_praise')})\s+"
                          r"(?:idea|plan|proposal|scheme|move|step|policy)\b", re.I)
_SCORN = re.compile(rf"^\W*(?:{lexicon.alternation('answer_scorn')})\b|\b(?:{lexicon.alternation('answer_scorn')})\s+"
                    rf"(?:idea|plan|proposal|scheme|policy)\b|\b(?:{lexicon.alternation('answer_scorn_phrases')})\b|"
                    r"\b(?:the\s+)?\w+\s+objects\b", re.I)
_AGAINST_IT = re.compile(r"\b(?:i['’]m|i\s+am|we['’]re|we\s+are)\s+(?:totally\s+|completely\s+|strongly\s+|very\s+much\s+|firmly\s+)?"
                         r"(?:against|opposed\s+to)\s+(?:it|this|that|the)\b", re.I)
_FOR_IT = re.compile(r"\b(?:i|we)\s+(?:\w+\s+)?(?:support|back|endorse|welcome)\s+(?:it|this|that)\b", re.I)
# both sides in so many words: "mixed feelings", "not against it in principle, but …", "licensing yes, cap no"
_TORN = re.compile(r"\bmixed\s+feelings\b|\bnot\s+against\s+(?:it|this|the\s+\w+)\s+in\s+principle\b|\bin\s+principle\b[^.]*\bbut\b|"
                   r"\b\w+\s+yes,?\s+\w+\s+no\b|\b\w+\s+no,?\s+\w+\s+yes\b|\b(?:agree|disagree)\s+with\s+(?:part|parts|some)\b", re.I)
_DOUBT = re.compile(r"\b(?:not\s+sure|unsure|don['’]t\s+know|no\s+opinion|no\s+view|neither\s+agree\s+nor\s+disagree|n/?a)\b", re.I)


def answer_stance(text: str) -> tuple[str, str | None, list[tuple[int, int]]]:
    """(stance, rule, evidence spans in ``text``) of one answer towards its question's proposal."""
    spans = sentences(text)
    if not spans:
        return UNCLEAR, None, []
    torn = _TORN.search(text)
    if torn:
        where = next(((s, e) for s, e in spans if s <= torn.start() < e), spans[0])
        return MIXED, "torn", [where]
    pro: list[tuple[int, int]] = []
    con: list[tuple[int, int]] = []
    rule = None
    first = spans[0]
    head = text[first[0]:first[1]]
    opened = None
    if _OPEN_DISAGREE.match(head):
        opened, rule = DISAGREE, "opens_no"
        con.append(first)
    elif _OPEN_AGREE.match(head):
        opened, rule = AGREE, "opens_yes"
        pro.append(first)
    elif _DROP_IT.match(head):
        opened, rule = DISAGREE, "drop_it"
        con.append(first)
    elif _SARCASM.match(head):
        opened, rule = DISAGREE, "sarcasm"
        con.append(first)
    elif _SCORN.search(head):
        opened, rule = DISAGREE, "scorn"
        con.append(first)
    elif _PRAISE_OPEN.search(head):
        opened, rule = AGREE, "praise"
        pro.append(first)
    for s, e in spans:
        sent = text[s:e]
        hit = stance_of(sent)
        if hit is None and _AGAINST_IT.search(sent):
            con.append((s, e))
            rule = rule or "against_it"
            continue
        if hit is None and _FOR_IT.search(sent):
            pro.append((s, e))
            rule = rule or "for_it"
            continue
        if hit is None:
            if (s, e) != first and (_DROP_IT.match(sent) or _SCORN.search(sent) and not _SARCASM.match(sent)):
                con.append((s, e))
                rule = rule or "scorn"
            continue
        if hit.stance in (SUPPORTS, WELCOMES):
            pro.append((s, e))
        elif hit.stance == OPPOSES:
            con.append((s, e))
        elif hit.stance == CONCERNED and opened != AGREE:
            con.append((s, e))  # a concern beside agreement is a reservation, counted below
        rule = rule or hit.rule
    reserved = [(s, e) for s, e in spans if _RESERVATION.search(text[s:e])]
    pro, con = sorted(set(pro)), sorted(set(con))
    if opened == AGREE and (con or reserved and _reservation_after_agreement(text, reserved)):
        return MIXED, "agree_with_reservation", sorted(set(pro + con + reserved[:1]))
    if opened == DISAGREE and pro and not set(pro) <= set(con):
        return MIXED, "disagree_with_support", sorted(set(pro + con))
    if pro and con and not opened:
        return MIXED, "both_sides", sorted(set(pro + con))
    if opened:
        return opened, rule, (pro if opened == AGREE else con)
    if pro:
        return AGREE, rule, pro
    if con:
        return DISAGREE, rule, con
    if _DOUBT.search(text):
        return UNCLEAR, "no_view", [first]
    return UNCLEAR, None, []


def _reservation_after_agreement(text: str, reserved: list[tuple[int, int]]) -> bool:
    """A 'but'/'only if' that qualifies the agreement (not "yes, but it is long overdue")."""
    for s, e in reserved:
        clause = text[s:e]
        m = _RESERVATION.search(clause)
        tail = clause[m.end():] if m else ""
        if re.search(r"\b(?:overdue|long\s+overdue|about\s+time|should\s+go\s+further|not\s+enough|too\s+little|too\s+late)\b", tail, re.I):
            continue  # agreement that wants more is still agreement
        return True
    return False
