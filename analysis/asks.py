"""Ask extraction: the one entry point is :func:`extract_asks` (a stored Document → its asks)."""
from __future__ import annotations

import hashlib
import json
import re

from ingest.layout import number_from_words
from ingest.records import CONSULTATION_RESPONSE, CLOSING, LIST_ITEM, PARAGRAPH, SIGNATURE, TRANSCRIPT, Document

from . import ask_rules
from .ask_rules import Hit
from .attribution import explicit_addressee, lead_in_object, prime
from . import lexicon
from ingest.linekinds import has_role

from .authorship import never_an_org
from .organisations import Registry, normalise
from .records import COMMITMENT, PLEDGE, RECOMMENDATION, REQUEST, Ask, Unit
from .spokespeople import spokespeople
from .sentences import split_sentences, units

_AFFIRMATION = re.compile(r"^\W*(?:yes|yes,?\s+(?:of course|absolutely|indeed|certainly|for the record)|absolutely|certainly|"
                          r"of course|I will|we will|I can confirm|agreed)\b", re.I)
_PLEDGE_ROLE = re.compile(r"\bas\s+(?:the\s+|a\s+|an\s+)?([A-Z][\w'’]*(?:\s+(?:of|for|and|the|[A-Z][\w'’]*))*)\s*,")
_PUBLISHERS = re.compile(r"^(.*?)\s+(?:published|issued|produced|released|made|set out)\s+(?:their|its|a|the|his|her)\b")


def ask_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


_REFERS_TO_ADDRESSEE = {"agency", "department", "ministry", "administration", "office", "secretary", "minister",
                        "government", "regulator", "commission", "authority"}


def _sane_addressee(name: str | None, doc_addressee: str | None) -> str | None:
    """An addressee the sentence names, held to the constraints of organisation names: a rule or a citation
    ("HTI-5"), a person, a document or a run-on phrase ("X to undertake the following") is not a body
    (the document's addressee stands instead); "the agency", "the Department" is the body addressed."""
    if not name:
        return name
    name = re.split(r"\s+(?:to|not|should|must|shall|will|would|could|may)\s", name)[0].strip()
    name = re.sub(r"^\(?\d{1,3}[.)]\s*", "", name)  # "1.The Government": a paragraph number run into the name
    why = never_an_org(name, plain_names=False)
    if why in ("citation", "person", "postnominal", "field", "document", "date", "pronoun", "sentence", "empty", "heading"):
        return doc_addressee or None
    word = name.lower().removeprefix("the ").strip()
    if doc_addressee and (word in lexicon.lower("office_titles") or word in lexicon.lower("job_titles")):
        return doc_addressee  # a bare title the document never spells out ("the Minister"): the body written to
    if doc_addressee and word in _REFERS_TO_ADDRESSEE and (
            word in doc_addressee.lower() or any(w in doc_addressee.lower() for w in _REFERS_TO_ADDRESSEE)):
        return doc_addressee
    return name


def _document_addressee(doc: Document, registry: Registry) -> str | None:
    if doc.addressees:
        return registry.canonical(doc.addressees[0])
    asked = doc.metadata.get("asked_of")
    if asked:
        return registry.canonical(asked)
    return None


_MEMBER_ROLE = re.compile(r"^(?:the\s+)?(?:chair|chairman|chairwoman|deputy chair|vice[- ]chair|member|committee member|panel member|"
                          r"councillor|cllr|assembly member|am|mp|msp|ms|mla|lord|baroness)\b", re.I)


def _speaker_profile(doc: Document, name: str) -> tuple[str | None, str | None]:
    """A speaker's role and organisation, from whichever of their turns (or the witness list) gives them,
    else from the text: "Submissions on behalf of X by Ms Y", or Ms Y's own "I appear on behalf of X"."""
    role = org = None
    for t in doc.turns:
        if t.speaker == name:
            role = role or t.role
            org = org or t.organisation
    return role, org or _speaks_for(doc, name)


_BEHALF = r"(?i:on\s+behalf\s+of)\s+(?:the\s+)?(?P<x>[A-Z][\w'’&-]*(?:(?:\s+|,\s+|\s+and\s+(?:the\s+)?)(?:(?:of|for|the|and|in|on|&)\s+)*[A-Z][\w'’&-]*)*)"


def _speaks_for(doc: Document, name: str) -> str | None:
    surname = name.split()[-1] if name.split() else name
    head = doc.text[: min(len(doc.text), 600)]
    m = re.search(_BEHALF + rf"\s+by\s+(?:the\s+)?(?:\w+\.?\s+)?{re.escape(surname)}\b", head)
    if m:
        return m.group("x")
    for t in doc.turns:
        if t.speaker == name:
            m = re.search(r"\b(?:I|we)\s+(?:appear|speak|act|am\s+here|are\s+here)\s+(?:today\s+)?" + _BEHALF, doc.text[t.start:t.end])
            if m:
                return m.group("x")
    return None


def _speaker_holder(doc: Document, unit: Unit, registry: Registry) -> tuple[str | None, str | None]:
    """Who holds what a speaker says: the body they speak for. A member or the chair of the committee
    holding the session speaks for it (or for their group, when the transcript names one)."""
    turn = doc.turns[unit.turn]
    role, org = _speaker_profile(doc, turn.speaker)
    speaker = f"{turn.speaker} ({role})" if role else turn.speaker
    q_by, q_org = doc.metadata.get("question_by", ""), doc.metadata.get("question_by_organisation", "")
    if q_org and q_by and normalise(q_by).split()[:2] == normalise(turn.speaker).split()[:2]:
        return registry.canonical(q_org), speaker
    if not org and role and "," in role:
        # "Chief Executive, Resettlement Futures": after a job title, the body the speaker works for
        title, _, rest = role.rpartition(",")
        if rest.strip()[:1].isupper() and not re.search(r"\b(?:of|for)\b", rest):
            org = rest.strip()
    holder = org or (role if role and registry.lookup(role) else None)
    if not holder and role and re.search(r"\b(?:of|for)\b|Mayor|Minister|Secretary|Commissioner", role) \
            and not _MEMBER_ROLE.match(role):
        holder = role
    member = (role and _MEMBER_ROLE.match(role)) or _MEMBER_ROLE.match(turn.speaker) or re.search(r"\b(?:AM|MP|MSP|MLA)$", turn.speaker)
    # "Mr Jo Bloggs (Northtown—Easton, Lib.)": a constituency and a party, the way a legislature labels its members
    party = role.strip() if role and not org and re.fullmatch(r"[A-Z][A-Z .&+-]{1,14}", role.strip()) and not has_role(role) else None
    if party:  # "Dr Jo Bloggs (FF PLUS)": a party's short name
        org = holder = party
    party_label = bool(org and re.fullmatch(r"[A-Z][A-Za-z .&+-]{0,14}", org.strip()) and role and not has_role(role))
    committee = bool(doc.author_org and re.search(r"(?i)\b(?:committee|panel|inquiry|commission|hearing|board|council)\b", doc.author_org))
    # a member of a committee speaks for the committee; a member in a chamber's debate, for their party
    if party_label and committee or (role or "").strip().lower() == "the chair" or turn.speaker.strip().lower() in ("the chair", "chair"):
        member, holder = True, None
    if not holder and member and doc.author_org:
        holder = doc.author_org
    if not holder and doc.author_org and not role:
        holder = doc.author_org  # a speaker the transcript gives no body: the session's own (a person is no organisation)
    return registry.canonical(holder or turn.speaker), speaker


def _other_party(doc: Document, unit: Unit, registry: Registry) -> str | None:
    """In a transcript, whom a speaker's question is put to: the asked-of party, or the next other speaker."""
    asked = doc.metadata.get("asked_of")
    if asked:
        return registry.canonical(asked)
    me = doc.turns[unit.turn].speaker
    for t in doc.turns[unit.turn + 1 :]:
        if t.speaker != me:
            return registry.canonical(t.organisation or t.role or t.speaker)
    return None


def _reported_holder(doc: Document, unit: Unit, registry: Registry) -> str | None:
    """A cited recommendation's authors: who 'published their report' in the sentences just before it."""
    before = doc.text[max(0, unit.start - 600) : unit.start]
    sentences = re.split(r"(?<=[.!?])\s+|\n+", before.strip())
    for s in reversed(sentences[-3:]):
        m = _PUBLISHERS.search(s)
        if not m:
            continue
        subject = re.sub(r"^.*?\b(?:In|On|By|During)\s+[\w ,]*?\d{4},?\s+", "", m.group(1))
        parts = [p for p in re.split(r"\)\s*,\s*(?:and\s+)?|\)\s+and\s+|,\s+(?=(?:and\s+)?the\s)|\s+and\s+(?=the\s)", subject)
                 if p.strip()]
        names = []
        for p in parts:
            p = re.sub(r"^(?:the)\s+", "", p.strip(), flags=re.I)
            acr = re.search(r"\(([A-Z][A-Za-z&]{1,9})\)?\s*$", p)
            name = re.sub(r"\s*\([^)]*\)?\s*$", "", p)
            org = registry.lookup(acr.group(1)) if acr else registry.lookup(name)
            names.append(acr.group(1) if acr else (org.acronym if org and org.acronym else name))
        if names:
            return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return None


_OPEN_QUOTE = "\"“‘'"


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside quotation marks within text[start:end] (curly pairs, or straight quotes toggling)."""
    spans, open_at = [], None
    for m in re.finditer(r'[“”"]', text[start:end]):
        ch, pos = m.group(0), start + m.start()
        if ch == "“" or (ch == '"' and open_at is None):
            open_at = pos
        elif open_at is not None:
            spans.append((open_at, pos))
            open_at = None
    if open_at is not None:
        spans.append((open_at, end))
    return spans


def _is_quoted(doc: Document, unit: Unit, cache: dict[int, list[tuple[int, int]]]) -> bool:
    """Quoted evidence (a paragraph or sentence in quotation marks) is someone else's words, not an ask of the holder."""
    block = doc.blocks[unit.block]
    if doc.text[block.start] in _OPEN_QUOTE or unit.text[0] in _OPEN_QUOTE:
        return True
    if unit.block not in cache:
        cache[unit.block] = _quoted_spans(doc.text, block.start, block.end)
    length = max(1, unit.end - unit.start)
    # inside a quotation, or mostly made of one ('As one carer put it, "the council must …".'), or one a speech verb
    # introduces ('A resident, Mr Jo Bloggs, said: "Fares should be cut …"')
    return any(a < unit.start < b or min(b, unit.end) - max(a, unit.start) > length / 2
               or unit.start <= a < unit.end and _SPEECH_BEFORE.search(doc.text, max(unit.start, a - 40), a + 1)
               for a, b in cache[unit.block])


_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|told\s+\w+|stated|explained|commented|warned|asked)\s*[:,]?\s*[“\"‘']$")


_GENERIC_HEADS = ("Board", "Committee", "Council", "Trust", "Commission", "Partnership", "Unit", "Authority", "Agency",
                  "Department", "Panel", "Network", "Forum", "Group", "Service", "Office", "Inspectorate", "Executive",
                  "Coalition", "Alliance", "Association", "Federation", "Society", "Foundation", "Company", "Chamber")
_SHORT_NAMES: dict[tuple[str, str, int], str] = {}


def _resolve_short_name(name: str | None, doc: Document, registry: Registry) -> str | None:
    """A short mention → the one full name the document gives for it: 'Board' → '… Partnership Board',
    'County Council' → 'Northshire County Council', 'Cabinet Member' → 'Cabinet Member for Children',
    'Severnmoor Water' → 'Severnmoor Water Limited'."""
    if not name:
        return name
    key = (doc.id, name, len(registry.orgs))
    if key not in _SHORT_NAMES:
        if len(_SHORT_NAMES) > 10_000:
            _SHORT_NAMES.clear()
        _SHORT_NAMES[key] = _find_full_name(name, doc, registry)
    return _SHORT_NAMES[key]


def _find_full_name(name: str, doc: Document, registry: Registry) -> str:
    name = name[:1].upper() + name[1:]
    low = name.lower()
    known = registry.lowered() + [(k, k.lower()) for k in [*doc.addressees, doc.author_org or ""]]
    longer = {k for k, kl in known if k and kl != low and (kl.endswith(" " + low) or kl.startswith(low + " "))
              and k in doc.text}
    if len(longer) == 1:
        return longer.pop()
    if name.split()[-1].capitalize() not in _GENERIC_HEADS:
        return name
    in_text = set(re.findall(rf"\b((?:[A-Z][\w'’-]+[ \t]+){{1,6}}{re.escape(name)})\b", doc.text))
    in_text = {re.sub(r"^(?:The|A|An|This|That|Our|Your|Dear|To|From|For|By|With)\s+", "", t) for t in in_text}
    in_text = {t for t in in_text if t != name}
    ranked = sorted(in_text, key=len, reverse=True)
    if ranked and all(ranked[0].endswith(t) for t in ranked):
        return ranked[0]
    return name


_RECOMMENDATION_LABEL = re.compile(r"^\W*(?:Recommendation|Rec\.?|Conclusion)\s*(?:\d+|[IVXLC]+|[a-z])\b", re.I)
# a reply that opens by answering ("The Government accepts this recommendation in principle. …")
_REPLY_OPENING = re.compile(r"^\W*(?:The\s+|We\s+)?(?:[A-Z][\w'’]*\s+){0,4}(?:(?:fully|partially|therefore)\s+)?(?:accepts?|agrees?|rejects?|notes|welcomes|"
                            r"supports?|(?:does|do)\s+not\s+(?:accept|agree|support))\s+(?:with\s+)?(?:this|the|that|these)\s+(?:\w+\s+)?recommendations?\b", re.I)
_REPLY_LABEL = re.compile(r"^\W*(?:(?:[\w'’]+\s+){0,4}(?:response|reply|position|view)\b|(?:accept|accepted|agree|agreed|"
                          r"reject|rejected|disagree|not\s+accepted|noted|partially\s+accept|accept\s+in\s+(?:principle|part))\b)", re.I)


_REPLY_WILL = re.compile(r"\b(?:will|shall)\s+(?!not\b|be\s+(?:happy|pleased|glad|grateful)|need\b|have\s+to\b)(?:also\s+|now\s+|then\s+)?"
                         r"(?:publish|make|set|issue|provide|fund|introduce|review|report|consult|bring|lay|establish|create|"
                         r"develop|deliver|launch|write|update|monitor|commission|appoint|extend|increase|expand|ensure|work|"
                         r"take|produce|prepare|support|invest|legislate|amend|apply|seek|give|require)\b", re.I)


def restated_blocks(doc: Document) -> set[int]:
    """The blocks of a reply that restate someone else's recommendation before answering it: a block
    labelled "Recommendation N" followed, within the next three blocks, by the reply ("Response: Accept",
    "Government response", "Agreed."). Two or more such pairs make a document a reply; its restated
    recommendations are not its author's asks."""
    kinds = ("paragraph", "list_item", "heading")
    blocks = [(i, doc.text[b.start:b.end]) for i, b in enumerate(doc.blocks) if b.kind in kinds]
    found: set[int] = set()
    for k, (i, text) in enumerate(blocks):
        if not _RECOMMENDATION_LABEL.match(text):
            continue
        for j, (i2, later) in enumerate(blocks[k + 1:k + 4]):
            if _REPLY_LABEL.match(later) and len(later) < 400 or _REPLY_OPENING.match(later):
                found.update(i3 for i3, _ in blocks[k:k + 1 + j])
                break
            if _RECOMMENDATION_LABEL.match(later):
                break
    return found if len({i for i in found if _RECOMMENDATION_LABEL.match(doc.text[doc.blocks[i].start:doc.blocks[i].end])}) >= 2 else set()


def _individual(doc: Document) -> str | None:
    """The person who writes in their own name: the document's author, where the text speaks as "I"
    (a title line taken for a name, in a text that never says "I", holds nothing)."""
    if doc.author and re.search(r"\b(?:I|I'm|I’m|I've|my)\b", doc.text):
        return doc.author
    return None


def _own_names(doc: Document, registry: Registry) -> list[str]:
    """How a document's author organisation may name itself: full name, acronym, and its head noun ('the Chamber')."""
    org = doc.author_org
    if not org:
        return []
    names = [org]
    entry = registry.lookup(org)
    if entry and entry.acronym:
        names.append(entry.acronym)
    acr = re.findall(rf"{re.escape(org)}\s*\(([A-Z][A-Za-z]{{1,9}})\)", doc.text)
    names += acr
    heads = lexicon.lower("organisation_words")
    names += [w for w in org.split() if w.lower() in heads]  # "the Chamber", "the Centre": the lexicon's organisation words
    try:  # the forms the text itself used for its author ("the Alliance", "NCRA"), from the attribution's evidence
        evidence = json.loads(doc.metadata.get("author_evidence") or "[]")
    except ValueError:
        evidence = []
    names += [e["name"] for e in evidence if e.get("name") and len(e["name"]) >= 2 and e["name"] not in names]
    return names


def _context(doc: Document, u: Unit, hit: Hit, last_request: str | None) -> str | None:
    """What frames an ask, for themes: a list item's lead-in, the question an affirmation answers,
    or the sentence before a follow-on sentence of the same block."""
    if hit.rule == "affirmation":
        return last_request
    if u.lead_in is not None:
        lb = doc.blocks[u.lead_in]
        return doc.text[lb.start : lb.end]
    block = doc.blocks[u.block]
    if not u.first_in_block:  # only the text just before is read: a huge one-paragraph file stays linear
        before = doc.text[max(block.start, u.start - CONTEXT_CHARS) : u.start].strip()
        if before:
            return re.split(r"(?<=[.!?])\s+", before)[-1]
    elif doc.text[block.start : block.start + 1].islower():
        # a paragraph a page break or footnotes interrupted: its sentence began in the prose block before
        for prev in reversed(doc.blocks[: u.block]):
            if prev.kind in (PARAGRAPH, LIST_ITEM):
                tail = doc.text[max(prev.start, prev.end - CONTEXT_CHARS) : prev.end].strip()
                return re.split(r"(?<=[.!?])\s+", tail)[-1]
    return None


CONTEXT_CHARS = 2000  # how far back the sentence before an ask is looked for


def candidate_sentences(doc: Document) -> list[str]:
    """The sentences a rule flags as asks: the ones extraction will parse (so that a batch of documents
    can have them parsed together first, see :func:`analysis.attribution.prime`)."""
    closing = next((i for i, b in enumerate(doc.blocks) if b.kind == CLOSING), None)
    return [u.text for u in units(doc) if (closing is None or u.block <= closing) and ask_rules.classify(u.text)]


def extract_asks(doc: Document, registry: Registry) -> list[Ask]:
    """Every ask in a document, in text order, with holder, addressee, type, rule and span."""
    with registry.within(doc.text):  # short names resolve to full names this document uses
        return _extract_asks(doc, registry)


def _extract_asks(doc: Document, registry: Registry) -> list[Ask]:
    doc_addressee = _document_addressee(doc, registry)
    closing = next((i for i, b in enumerate(doc.blocks) if b.kind == CLOSING), None)
    asks: list[Ask] = []
    by_block: dict[int, Ask] = {}  # first ask of each block, for list items to link to their lead-in
    lead_cache: dict[int, tuple[Hit | None, str | None]] = {}
    last_agent: str | None = None
    prev_turn_request: int | None = None
    quotes: dict[int, list[tuple[int, int]]] = {}
    last_request: str | None = None

    own = _own_names(doc, registry)
    author_holder = registry.canonical(doc.author_org or _individual(doc))  # once per document, not per ask
    restated = restated_blocks(doc)
    every = [u for u in units(doc) if (closing is None or u.block <= closing) and u.block not in restated]
    first_hits = [ask_rules.classify(u.text) for u in every]
    prime([u.text for u, h in zip(every, first_hits) if h is not None])  # the sentences whose addressee is parsed
    spokes = spokespeople(doc, own) if doc.kind != TRANSCRIPT else {}  # quotations in the author's own voice
    for u, hit in zip(every, first_hits):
        quoted = _is_quoted(doc, u, quotes)
        if doc.blocks[u.block].kind == SIGNATURE or quoted and u.block not in spokes:
            continue
        if hit is None or hit.type != COMMITMENT:
            own_hit = ask_rules.self_commitment(u.text, own)
            if own_hit and not ask_rules.excluded(u.text):
                hit = own_hit
        if hit is None and u.number and u.first_in_block and u.lead_in is None and ask_rules.looks_like_action(u.text):
            hit = Hit(RECOMMENDATION, "numbered_action", 0.65)
        if hit is None and (u.first_in_block and (u.block_kind == LIST_ITEM or doc.kind == CONSULTATION_RESPONSE)
                            or len(u.text.split()) <= 15) and ask_rules.looks_like_proposal(u.text):
            hit = Hit(RECOMMENDATION, "proposal_phrase", 0.6)  # "Reduced stamp duty on EVs."
        if hit is None and restated and _REPLY_WILL.search(u.text) and not ask_rules.excluded(u.text):
            hit = Hit(COMMITMENT, "reply_will", 0.65)  # a reply's "The Minister will make an annual statement …"
        lead_addressee = None
        if u.block_kind == LIST_ITEM and u.lead_in is not None:
            if u.lead_in not in lead_cache:
                lb = doc.blocks[u.lead_in]
                ltext = doc.text[lb.start : lb.end]
                last = split_sentences(doc.text, lb.start, lb.end)
                lh = ask_rules.lead_in_hit(doc.text[last[-1][0] : last[-1][1]], own) if len(last) > 1 else None
                if lh is not None:  # a paragraph that ends in the lead-in: its last sentence frames the items
                    ltext = doc.text[last[-1][0] : last[-1][1]]
                else:
                    lh = ask_rules.lead_in_hit(ltext, own)
                la = lead_in_object(ltext, registry)
                if la is None and lh is not None and lh.type != PLEDGE:
                    ex = explicit_addressee(ltext, lh.rule.removeprefix("list_"), registry)
                    la = doc_addressee if ex == "you" else (registry.canonical(ex) if ex else None)
                la = _sane_addressee(_resolve_short_name(la, doc, registry), doc_addressee)
                if lh and lh.type == PLEDGE:
                    m = _PLEDGE_ROLE.search(ltext)
                    la = registry.canonical(m.group(1)) if m else None
                lead_cache[u.lead_in] = (lh, la)
            lh, la = lead_cache[u.lead_in]
            if lh and lh.rule == "action_list" and not (ask_rules.looks_like_action(u.text) or ask_rules.looks_like_proposal(u.text)):
                lh = None  # "the following:" frames statistics or names as often as actions
            if lh and u.first_in_block and (hit is None or lh.type == PLEDGE or ask_rules.looks_like_action(u.text)):
                hit = lh
            elif lh and lh.type == PLEDGE and hit is not None:
                hit = Hit(PLEDGE, hit.rule, hit.confidence)
            if lh:
                lead_addressee = la or (by_block[u.lead_in].addressee if u.lead_in in by_block else None)
        if hit is None and doc.kind == TRANSCRIPT and u.turn is not None and prev_turn_request is not None \
                and u.turn == prev_turn_request + 1 and u.first_in_block and _AFFIRMATION.search(u.text):
            hit = Hit(COMMITMENT, "affirmation", 0.75)
        if hit is None:
            continue

        # holder
        speaker = None
        if hit.rule == "reported_recommendation":
            holder, holder_kind = _reported_holder(doc, u, registry) or doc.author_org, "reported"
        elif doc.kind == TRANSCRIPT and u.turn is not None:
            (holder, speaker), holder_kind = _speaker_holder(doc, u, registry), "speaker"
        elif doc.signatories:
            holder, holder_kind = registry.canonical(doc.author_org) or "Signatories", "signatories"
        else:
            holder, holder_kind = author_holder, "author"
            if quoted:
                speaker = spokes[u.block]  # the author's spokesperson, quoted
        # transcript: a first-person statement of intent by the party answering is their commitment
        if doc.kind == TRANSCRIPT and hit.rule == "vital_that" and re.search(r"\b(?:we|I)\b", u.text):
            hit = Hit(COMMITMENT, hit.rule, hit.confidence)

        # addressee
        if lead_addressee and hit.rule.startswith(("list_", "pledge_list", "action_list", "imperative_list")):
            addressee = lead_addressee
        else:
            explicit = explicit_addressee(u.text, hit.rule, registry)
            if explicit == "you":
                addressee = _other_party(doc, u, registry) if (doc.kind == TRANSCRIPT and u.turn is not None) else doc_addressee
            elif explicit:
                addressee = _sane_addressee(_resolve_short_name(registry.canonical(explicit), doc, registry), doc_addressee)
            elif doc.kind == TRANSCRIPT and u.turn is not None:
                addressee = _other_party(doc, u, registry)
            elif hit.type == REQUEST:
                addressee = doc_addressee
            elif u.number or number_from_words(u.text):
                addressee = lead_addressee or doc_addressee  # a numbered recommendation naming no one is for the addressee
            else:
                addressee = lead_addressee or last_agent or doc_addressee
        if hit.type == COMMITMENT:
            addressee = None  # a commitment binds its holder; no one is asked to act

        number = u.number or number_from_words(u.text)
        # a top-level numbered recommendation sets whom the unattributed asks after it are for
        if number and doc.blocks[u.block].level == 0 and hit.type != REQUEST and addressee:
            last_agent = addressee
        if u.turn is not None and hit.type == REQUEST:
            prev_turn_request = u.turn
            last_request = u.text
        lead = by_block.get(u.lead_in) if u.lead_in is not None else None
        context = _context(doc, u, hit, last_request)
        ask = Ask(
            id=ask_id(doc.id, u.start, u.end), doc_id=doc.id, doc=doc.source, start=u.start, end=u.end, text=u.text,
            type=hit.type, holder=holder, holder_kind=holder_kind, addressee=addressee, rule=hit.rule,
            confidence=hit.confidence, speaker=speaker, number=number, lead_in_id=lead.id if lead else None,
            block=u.block, context=context,
        )
        asks.append(ask)
        by_block.setdefault(u.block, ask)
    return asks
