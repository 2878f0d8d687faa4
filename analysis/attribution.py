"""Who holds an ask and whom it addresses.

Holder: the speaker (transcripts), the author organisation (letters, submissions), the group
with its signatories (joint letters), or the body a reported recommendation came from.
Addressee: the explicit agent the sentence names ("The trust should …", "we urge the council
to …", "lobby the Minister: …"), else "you" → the document's addressee, else the agent most
recently addressed in the document, else the document's addressee.
"""
from __future__ import annotations

import re
from collections import OrderedDict

from ingest.records import Document

from . import lexicon
from .nlp import parse, parse_many, with_entities
from .organisations import Registry

# the head nouns of bodies that can be asked to act: the lexicon's, and "you"
_AGENT_HEADS = set(lexicon.lower("agent_heads")) | {"you", "partners"}
_NOT_AGENT = {"it", "this", "that", "there", "which", "who", "they", "these", "those", "what"}


def _np_text(tok) -> str:
    """The noun phrase a token heads, without leading determiners, relative clauses or trailing punctuation."""
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("prep", "compound", "amod", "appos", "cc", "conj") and child.dep_ != "relcl":
            if child.dep_ in ("cc", "conj"):
                right = max(right, child.right_edge.i)
            elif child.dep_ == "prep" and child.text.lower() in ("of", "for"):
                right = max(right, child.right_edge.i)
    span = tok.doc[left : right + 1]
    text = span.text
    return re.sub(r"^(?:the|a|an|any|all|every|each|our|your|its|their)\s+", "", text, flags=re.I).strip(" ,;:")


def _is_agent(tok, registry: Registry) -> bool:
    if tok.lower_ in _NOT_AGENT or tok.pos_ == "PRON" and tok.lower_ != "you":
        return False
    if tok.lower_ in _AGENT_HEADS:
        return True
    if registry.lookup(_np_text(tok)) or registry.lookup(tok.text):
        return True
    named_head = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)
    proper = tok.pos_ == "PROPN" and tok.text[:1].isupper()
    if not (named_head or proper):
        return False  # no entity type can make it an agent: NER need not run
    entity = with_entities(tok.doc)[tok.i].ent_type_
    if named_head and entity == "ORG":
        return True  # "Millbrook Homes", "Riverside Housing": a named organisation with a common-noun head
    # a proper noun that names an organisation or a person (places, dates and laws are not agents)
    return proper and entity in ("ORG", "NORP", "PERSON", "")


def _first_agent(tokens, registry: Registry):
    for tok in tokens:
        if _is_agent(tok, registry):
            return tok
    return None


_PARSED: OrderedDict[str, object] = OrderedDict()  # recent parses by text (the sentences of the documents in hand)
_KEEP = 4096


def _remember(text: str, doc) -> None:
    _PARSED[text] = doc
    if len(_PARSED) > _KEEP:
        _PARSED.popitem(last=False)


def _parsed(text: str):
    doc = _PARSED.get(text)
    if doc is None:
        doc = parse(text)
        _remember(text, doc)
    return doc


def prime(texts: list[str]) -> None:
    """Parse, in one batch, the sentences that are about to be asked about (spaCy is about twice as
    fast over a batch as one sentence at a time)."""
    todo = [t for t in dict.fromkeys(texts) if t not in _PARSED][:_KEEP]
    for text, doc in zip(todo, parse_many(todo)):
        _remember(text, doc)


def explicit_addressee(sentence: str, rule: str, registry: Registry) -> str | None:
    """The agent a sentence asks to act, or 'you', or None when it names none."""
    doc = _parsed(sentence)
    if rule in ("question_request", "invitation", "response_request", "encourage", "urge") and any(
            t.lower_ == "you" and t.dep_ in ("nsubj", "dobj", "nsubjpass") for t in doc):
        return "you"
    if rule in ("encourage", "urge", "invitation") and any(t.lower_ in ("her", "him", "them") and t.dep_ == "dobj" for t in doc):
        m = re.search(r"\b(?:wrote|write|writing|written|spoke|speak|met)\s+(?:to|with)\s+((?:the\s+)?[A-Z][\w'’]*(?:\s+(?:for|of|and|the|[A-Z][\w'’]*))*)", sentence)
        if m:
            return m.group(1)
    cands = []
    for tok in doc:
        if tok.lower_ in ("should", "must", "ought", "need", "needs", "has", "have") and tok.dep_ in ("aux", "ROOT", "xcomp", "ccomp", "conj", "advcl"):
            head = tok.head if tok.dep_ == "aux" else tok
            # "Member States should be permitted to …", "Operators must be required to …": a passive subject is
            # what the action is done to; the body asked to do it is the document's addressee
            subj = [c for c in head.children if c.dep_ == "nsubj"]
            cands += subj
        if tok.lemma_ in ("recommend", "propose", "suggest", "urge", "encourage", "call", "ask", "invite", "press", "want", "welcome", "like", "lobby", "advise", "request"):
            for c in tok.children:
                if c.dep_ in ("dobj", "obj"):
                    cands.append(c)
                if c.dep_ in ("ccomp", "xcomp"):
                    cands += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass", "dobj")]
                if c.dep_ == "prep" and c.lower_ in ("on", "upon", "for"):
                    cands += [g for g in c.children if g.dep_ == "pobj"]
        if tok.lower_ == "you" and tok.dep_ in ("nsubj", "dobj", "nsubjpass") and rule in ("question_request", "invitation", "response_request", "encourage", "urge"):
            cands.append(tok)
        if tok.lower_ == "for" and rule == "reported_recommendation":
            cands += [g for g in tok.children if g.dep_ == "pobj"]
    for c in cands:
        if c.lower_ == "you":
            return "you"
        if _is_agent(c, registry):
            return _np_text(c)
    return None


def lead_in_object(lead_text: str, registry: Registry) -> str | None:
    """'… to lobby the Home Secretary:' → 'Home Secretary': the agent right before the colon, if any."""
    text = lead_text.strip()
    m = re.search(r"\b(?:lobby|urge|ask|call on|write to|press|persuade|petition)\s+((?:the\s+)?[A-Z][\w'’ -]{2,60}?)\s*(?:to\s*)?:\s*$", text)
    if m:
        return registry.canonical(m.group(1))
    # "… instructs the Board to develop …:" — the body told to act is the one the items are for
    found = list(re.finditer(r"\b(?:instructs?|tasks?|directs?|requires?|asks?|urges?|calls? on|encourages?|invites?)\s+"
                             r"((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,6})\s+(?:to|with)\b", text))
    if found:
        return registry.canonical(found[-1].group(1))
    # "We recommend that the Board:" — the body the recommendation is for, right before the colon
    m = re.search(r"\b(?:recommends?|proposes?|suggests?|requests?|asks?|urges?)\s+that\s+((?:the\s+)?[A-Z][\w'’/&-]*(?:\s+[A-Z][\w'’/&-]*){0,6})"
                  r"\s*(?:should\s*|must\s*)?:\s*$", text)
    if m:
        return registry.canonical(m.group(1))
    return None


_REPORT_HOLDER = re.compile(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def reported_holder(doc: Document, start: int, end: int) -> str | None:
    """For a cited recommendation: the authors named in the footnote its sentence refers to."""
    from ingest.records import FOOTNOTE

    window = doc.text[max(0, start - 400) : end + 5]
    marks = _REPORT_HOLDER.findall(window)
    if not marks:
        return None
    wanted = marks[-1] if _REPORT_HOLDER.search(doc.text[start:end + 5]) is None else _REPORT_HOLDER.findall(doc.text[start:end + 5])[0]
    for b in doc.blocks:
        if b.kind != FOOTNOTE:
            continue
        t = doc.text[b.start : b.end]
        m = re.match(r"\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.+)", t)
        if m and m.group(1) == wanted:
            authors = re.split(r"\s*\(\d{4}\)|,\s*['‘\"“]", m.group(2))[0]
            return authors.strip(" ,.;") or None
    return None
