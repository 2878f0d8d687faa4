"""Stance sentences and reported views: what an organisation welcomes, supports, opposes or is
concerned about, when that is said without an ask. Small named rules over one sentence, as for asks.

A reported view ("We heard from Jo Bloggs that …", "X told us …", "X also endorsed …") belongs to
the witness's organisation, found from the role the document gives them ("Jo Bloggs, Head of Policy
at the Northshire Trust", "Jo Bloggs (Director, Northshire Trust)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .ask_rules import _rx  # the rules' own pattern helper: case-insensitive

CALLS_FOR, SUPPORTS, OPPOSES, WELCOMES, CONCERNED, COMMITS = "calls_for", "supports", "opposes", "welcomes", "concerned", "commits"
STANCES = (CALLS_FOR, SUPPORTS, OPPOSES, WELCOMES, CONCERNED, COMMITS)


@dataclass(frozen=True)
class StanceHit:
    stance: str
    rule: str


# whoever takes the stance: the word before the verb ("we", "Trust", "residents"). A search only needs
# that one word; a run of capitalised words here, matched without case, backtracked over whole sentences
_HOLDER = r"\b[\w'’]+"
_ADV = r"(?:(?:also|fully|strongly|warmly|very\s+much|particularly|therefore|broadly|wholeheartedly|would|do|does|did|still|really)\s+)*"
_OPPOSES = _rx(rf"{_HOLDER}\s+{_ADV}(?:oppose[sd]?|reject(?:s|ed)?|disagree[sd]?|(?:does|do|did)\s+not\s+(?:feel|think|believe|agree|support|accept|see\s+the\s+need))\b|"
               r"\b(?:is|was|are|were)\s+not\s+(?:necessary|needed|the\s+answer|appropriate|convinced|persuaded)\b|\b(?:no|little)\s+(?:need|case)\s+for\b|"
               r"\b(?:cannot|can\s*not|will\s+not|won't|(?:are|is|am)\s+unable\s+to)\s+(?:give\s+(?:that|this|such\s+an?|an?)\s+(?:undertaking|commitment|assurance)|"
               r"accept\s+(?:this|that|the|these|those)\s+recommendations?|support\s+(?:this|that|the)\s+(?:proposal|recommendation|call))\b")
_CONCERNED = _rx(rf"{_HOLDER}\s+{_ADV}(?:am|are|is|was|were|remain|remains|feel|feels|felt)\s+(?:very\s+|deeply\s+|particularly\s+|also\s+|extremely\s+|increasingly\s+|gravely\s+|seriously\s+|greatly\s+|genuinely\s+|acutely\s+|so\s+|really\s+|most\s+)*(?:concerned|disappointed|worried|alarmed|troubled|dismayed)\b|"
                 r"\b(?:it\s+is|this\s+is|that\s+is)\s+(?:very\s+|deeply\s+|particularly\s+|extremely\s+)?(?:concerning|disappointing|worrying|alarming|regrettable)\b|"
                 r"\b(?:worrying|alarming|concerning|troubling)\s+(?:evidence|trend|rise|increase|fall|lack|gap|number|figures?|proportions?)\b|"
                 r"\b(?:we|I)\s+(?:also\s+|still\s+)?(?:have|share|raise|hold|note)\s+(?:\w+\s+){0,2}concerns?\b|"
                 r"\b(?:raised|expressed|voiced|raises|expresses|voices)\s+(?:\w+\s+){0,2}concerns?\b|"
                 r"\b(?:our|my)\s+(?:main\s+|chief\s+|key\s+|principal\s+)?concerns?\s+(?:is|are|remains?)\b|\bwe\s+regret\b|"
                 r"\b(?:exposed|identified|revealed|found|uncovered|highlighted)\s+(?:\w+\s+){0,2}(?:weaknesses|failings|shortcomings|failures|deficiencies)\b")
_SUPPORTS = _rx(rf"{_HOLDER}\s+{_ADV}(?:support|supports|supported|endorse|endorses|endorsed|agree|agrees|agreed|(?<!roll\s)(?<!cut\s)(?<!set\s)(?<!scale\s)(?<!pull\s)(?<!hold\s)(?<!bring\s)(?<!step\s)(?<!fall\s)(?<!push\s)(?<!turn\s)(?<!claw\s)(?<!pay\s)(?<!look\s)(?<!come\s)(?<!go\s)(?:back|backs|backed))\s+(?:the|this|that|these|a|an|its|their|our|your|his|her|with|having|calls?|proposals?|plans?|much|many|most|all|both|"
                r"several|[a-z]+ing|[A-Z][\w-]*['’]s|(?-i:[A-Z][a-z]+\s+(?:Bill|Act|Plan|Strategy|Proposal|Directive|Regulation|Code|Rule)))\b|"
                r"\b(?:I|we)\s+(?:would\s+)?(?:fully\s+|strongly\s+)?agree\b|\bcould\s+not\s+agree\s+more\b|\bwould\s+welcome\b|\ba\s+good\s+idea\b|\bin\s+favour\s+of\b|"
                r"\b(?:is|was|are|were|be|seems?|looks?)\s+(?:absolutely\s+|exactly\s+|clearly\s+)?the\s+right\s+(?:approach|step|decision|choice|course|direction)\b|"
                r"\bsteps?\s+in\s+the\s+right\s+direction\b")
_WELCOMES = _rx(rf"{_HOLDER}\s+{_ADV}(?:welcome|welcomes|welcomed|commend|commends|commended|applaud|applauds|applauded|congratulate|congratulates)\b|"
                r"\b(?:am|are|was|were|is|'m|'re)\s+(?:very\s+|particularly\s+|also\s+|so\s+|really\s+)?(?:pleased|delighted|glad|encouraged|heartened|impressed)\b"
                r"(?!\s+to\s+(?:provide|submit|present|offer|attach|enclose|share|respond|contribute|make|have|be\s+able|comment|give|send))|"
                r"\b(?:a|an)\s+(?:positive|welcome|helpful|important)\s+(?:step|development|move)\b|"
                r"\b(?:we|I)\s+(?:would\s+like\s+to\s+)?(?:recognise|recognize|acknowledge|appreciate|praise)\s+(?:the\s+|your\s+|their\s+|its\s+|his\s+|her\s+)?"
                r"(?:[\w-]+\s+){0,2}(?:work|efforts?|commitment|progress|dedication|achievements?|contribution|co-?operation)\b|"
                r"\b(?:was|were|is|are)\s+(?:widely\s+|much\s+|greatly\s+|very\s+much\s+)?appreciated\b|\badmiration\s+for\b|"
                r"\bremarkable\s+(?:improvements?|progress|achievements?|results?)\b|\bit\s+was\s+(?:good|great|encouraging)\s+to\s+see\b")
# the same stances said with a noun, an adjective or an intensified verb: "reiterates its support for",
# "we are supportive of", "we strongly support measures that …", "I disapprove of", "we condemn"
_SUPPORTS_MORE = _rx(r"\b(?:our|my|its|their|his|her)\s+(?:continued\s+|full\s+|strong\s+|broad\s+|general\s+|firm\s+|overall\s+)?support\s+(?:for|of)\b|"
                     r"\b(?:recogni[sz]es?|acknowledges?|sees?|see)\s+(?:the\s+)?(?:strong\s+|clear\s+)?(?:case|value|importance|need|benefits?|merits?)\s+(?:for|of|in)\b|"
                     r"\baccepts?\s+(?:this|the|these|that|both|all)\s+(?:\w+\s+)?recommendations?\b|"
                     r"\bshares?\s+(?:the\s+|your\s+|its\s+|their\s+)?(?:[\w'’]+\s+){0,3}(?:view|views|belief|assessment|conclusion|goal|aim|ambition|objective)\b|"
                     r"\b(?:is|are|remains?)\s+(?:by\s+far\s+)?the\s+(?:best|most\s+(?:effective|efficient|sensible|appropriate))\b|"
                     r"^\s*(?:Response\s*[:\-–]\s*)?(?:Accept(?:ed)?|Agree[sd]?)(?:\s+in\s+(?:principle|part))?\s*\.?\s*$|"
                     r"\b(?:am|are|is|remain|remains)\s+(?:very\s+|fully\s+|broadly\s+|generally\s+|strongly\s+|also\s+)?supportive\s+of\b|"
                     r"\b(?:we|I|[A-Z][\w'’-]+)\s+(?:also\s+)?(?:strongly|fully|wholeheartedly|broadly|warmly|firmly|generally)\s+"
                     r"(?:support|supports|endorse|endorses|back|backs)\b")
_OPPOSES_MORE = _rx(r"\bin\s+opposition\s+to\b|"
                    r"\b(?:we|I|[A-Z][\w'’-]+)\s+(?:also\s+|strongly\s+|firmly\s+)*(?:disapproves?\s+of|condemns?|condemned|objects?\s+to|"
                    r"(?:cannot|can\s*not|can't|could\s+not)\s+support)\b|"
                    r"\b(?:am|are|is|remain|remains)\s+(?:strongly\s+|firmly\s+|fundamentally\s+|also\s+)?opposed\s+to\b|"
                    r"\b(?:our|my|its|their)\s+(?:strong\s+|firm\s+|continued\s+)?(?:opposition|objection)\s+to\b|"
                    r"\b(?:wants?|urges?|asks?|calls?\s+for)\s+(?:\w+\s+){1,6}to\s+be\s+(?:withdrawn|scrapped|abandoned|repealed|dropped|rejected)\b")
# praise: "a great idea", "an excellent step" (welcomes); "expanding it is fantastic." (supports; not "it is
# important that …", which asks)
_PRAISE_NP = _rx(rf"\b(?:a|an)\s+(?:very\s+|really\s+|most\s+)?(?:{lexicon.alternation('praise_adjectives')})\s+(?:first\s+)?"
                 rf"(?:{lexicon.alternation('proposal_nouns')})\b")
_PRAISE_COPULA = _rx(rf"\b(?:is|are|was|were|would\s+be|seems?)\s+(?:very\s+|really\s+|absolutely\s+|most\s+|particularly\s+)?"
                     rf"(?:{lexicon.alternation('praise_adjectives')})\s*(?:[.,;!]|\s+and\b|\s+but\b|$)")
_NEGATION = _rx(r"\b(?:not|never|cannot|can[’']t|won[’']t)\b")  # inside a match: "cannot support"
_NEGATED = _rx(r"\b(?:not|never|no longer|cannot|can[’']t|won[’']t)\s+(?:\w+\s+){0,2}$")


# every match of a stance's pattern contains one of these (lower-case) strings: a sentence with none of
# them is not searched (most sentences take no stance; the patterns are slow to fail on a long one).
# A new alternative in a pattern needs its word here: tests/positions checks the two agree.
_NEEDS = {
    OPPOSES: ("oppose", "reject", "disagree", "not", "need", "case", "won't", "unable"),
    CONCERNED: ("concern", "disappoint", "worr", "alarm", "troubl", "dismay", "regret", "weakness", "failing",
                "shortcoming", "failure", "deficienc"),
    SUPPORTS: ("support", "endorse", "agree", "back", "welcome", "idea", "favour", "right"),
    WELCOMES: ("welcome", "commend", "applaud", "congratulat", "pleased", "delighted", "glad", "encouraged",
               "heartened", "impressed", "step", "development", "move", "recogni", "acknowledg", "apprecia",
               "praise", "admiration", "remarkable", "see"),
}


# an evaluation that finds fault, without a first-person "we are concerned": "the exemptions are poorly
# targeted", "the bill does not go far enough", "a 20% increase would close stations", "would be excessive"
# "… is (quite) X": the verb an evaluating adjective follows, with up to two words between
_COPULA = r"\b(?:is|are|was|were|would\s+be|seems?|remains?)\s+(?:\w+\s+){0,2}"
_REJECTING = _rx(_COPULA + rf"(?:{lexicon.alternation('rejecting_adjectives')})\b")
_FAULT = _rx(_COPULA + rf"(?:{lexicon.alternation('fault_adjectives')}|poorly\s+\w+|"
             r"not\s+(?:an?\s+)?(?:adequate|sufficient|enough|fit\s+for\s+purpose|appropriate|proportionate))\b|"
             r"\b(?:do|does|did)\s+not\s+go\s+(?:nearly\s+)?far\s+enough\b|"
             r"\b(?:puts?|places?|putting|placing|leaves?|leaving)\s+(?:[\w,'’-]+\s+){0,6}at\s+(?:serious\s+|significant\s+|real\s+)?risk\b|"
             r"\bposes?\s+(?:\w+\s+){0,2}(?:risks?|threats?|dangers?)\b|"
             r"\b(?:would|will|could|may|might)\s+(?:\w+\s+){0,2}(?:undermine|weaken|jeopardi[sz]e|threaten|harm|damage|"
             r"close|push\s+\w+\s+(?:\w+\s+)?to|drive\s+\w+\s+to|deter|discourage|penali[sz]e|exclude|destroy|devastate|cripple|force|hamstring|erode|gut)\b|"
             r"\b(?:is|are|remains?)\s+(?:also\s+|entirely\s+|largely\s+)?silent\s+(?:on|about)\b|\bsays?\s+(?:almost\s+)?nothing\s+(?:about|on)\b|"
             r"(?<!\bwe\s)(?<!\bWe\s)(?<!\bI\s)\b(?:does|do|did)\s+not\s+(?:adequately\s+|properly\s+|sufficiently\s+)?(?:address|take\s+(?:into\s+)?account\s+of|reflect|recogni[sz]e)\b|"
             r"\b(?:ignores?|overlooks?|neglects?)\s+(?:the|this|that|these|its|their)\b|"
             r"\bthere\s+(?:is|are)\s+no\s+(?:provisions?|mechanisms?|requirements?|safeguards?|plans?|evidence)\b|"
             r"\b(?:a|the)\s+(?:complete\s+|total\s+|continued\s+|worrying\s+)?lack\s+of\b|"
             r"\b(?:we|I)\s+(?:\w+\s+)?fear\b|\b(?:has|have|had)\s+not\s+(?:\w+\s+)?(?:complied|met\s+(?:its|their|the)|delivered|fulfilled|honoured|honored)\b|"
             r"\b(?:undermines?|weakens?|fails?\s+to|failing\s+to|falls?\s+short|lags?\s+(?:well\s+)?behind|"
             r"way\s+behind|far\s+behind)\b")
# the words without one of which _FAULT / _SUPPORTS_MORE cannot match: a substring check first spares most
# sentences the patterns (the positions stage runs them on every sentence of every document)
_FAULT_WORDS = tuple(w.lower() for w in lexicon.words("fault_adjectives")) + (
    "poorly", "not adequate", "not an adequate", "not a adequate", "not sufficient", "not a sufficient", "not enough",
    "not fit", "not appropriate", "not an appropriate", "not proportionate", "far enough", "risk", "pose", "undermin",
    "weaken", "jeopardi", "threaten", "harm", "damage", "close", "push", "drive", "deter", "discourag", "penali",
    "exclude", "destroy", "devastat", "cripple", "force", "hamstring", "erode", "gut", "silent", "nothing", "not address",
    "not adequately", "not properly", "not sufficiently", "not take", "not reflect", "not recogni", "ignore", "overlook",
    "neglect", "no provision", "no mechanism", "no requirement", "no safeguard", "no plan", "no evidence", "lack of",
    "fear", "not complied", "not met", "not delivered", "not fulfilled", "not honour", "not honor", "fail", "fall", "lag",
    "behind", "not been complied", "not yet complied")
_SUPPORTS_MORE_WORDS = ("support", "endorse", "back", "recogni", "acknowledg", "see", "accept", "agree", "share",
                        "best", "most effective", "most efficient", "most sensible", "most appropriate")
_NOT_ABLE = _rx(r"\bnot\s+in\s+a\s+position\s+to\b|^\s*(?:Response\s*[:\-–]\s*)?(?:Reject(?:ed)?|Not\s+accepted|Disagree[sd]?)\s*\.?\s*$|"
                r"\b(?:do|does)\s+not(?:\s*,[^,.]{1,40},)?\s+(?:therefore\s+)?(?:consider|believe|think)\s+that\b[^.]*\b(?:adequate|sufficient|necessary|needed|appropriate|required|justified|warranted)\b|"
                r"\b(?:do|does)\s+not(?:\s*,[^,.]{1,40},)?\s+(?:therefore\s+|currently\s+)?(?:intend|plan|propose)\s+to\b|\b(?:has|have)\s+no\s+(?:current\s+)?plans\s+to\b|"
                r"\b(?:has|have)\s+no\s+(?:legal\s+)?(?:power|powers|authority|remit|competence)\s+to\b")
# an ask that asks for something not to happen opposes it: "we urge the Department not to finalise …"
_AGAINST = _rx(r"\b(?:not\s+to\s+(?:proceed|finali[sz]e|adopt|remove|introduce|implement|extend|approve|go\s+ahead)|"
               r"(?:should|must)\s+not\s+(?:proceed|be\s+(?:finali[sz]ed|adopted|removed|introduced|implemented|approved|"
               r"extended|rescinded|repealed))|refrain\s+from|(?:withdraw|abandon|scrap|drop|reverse|reconsider)\s+(?:the|this|its|these)\b)")


def stance_of(text: str) -> StanceHit | None:
    """The stance a sentence takes: opposes before concerned before supports before welcomes."""
    return _stance_of(text) or _secondary(text)


def stances_of(text: str, limit: int = 2) -> list[StanceHit]:
    """Every distinct stance a sentence takes, the main one (:func:`stance_of`) first, at most ``limit``:
    "Acme supports the aim and welcomes the new register" supports and welcomes; "we back the new route,
    although we are concerned that …" supports and is concerned. Each further stance is read from the clause
    it stands in, so that one clause's negation does not reach another."""
    first = stance_of(text)
    if first is None:
        return []
    out = [first]
    for clause in _CLAUSES.split(text):
        if len(out) >= limit:
            break
        hit = stance_of(clause) if clause.strip() and clause.strip() != text.strip() else None
        if hit and hit.stance not in {h.stance for h in out}:
            out.append(hit)
    return out


# where one stance's clause ends and another's may begin: "…, although we are concerned …", "… and welcomes …"
_CLAUSES = re.compile(r"[;:]\s+|,\s+(?=(?:but|although|though|while|whilst|however|yet)\b)|\s+(?=(?:but|although|though|whilst|however)\s)|"
                      r"\s+and\s+(?=(?:also\s+|strongly\s+|warmly\s+|fully\s+)?(?:welcomes?|supports?|opposes?|rejects?|endorses?|"
                      r"(?:is|are)\s+(?:concerned|pleased|delighted|opposed))\b)", re.I)


def _secondary(text: str) -> StanceHit | None:
    """The stances said without the plain stance verbs (searched in every sentence, no quick word check)."""
    if _NOT_ABLE.search(text):
        return StanceHit(OPPOSES, "not_able")
    if _OPPOSES_MORE.search(text):
        return StanceHit(OPPOSES, "oppose_words")
    if _REJECTING.search(text):
        return StanceHit(OPPOSES, "rejecting_words")
    low = " ".join(text.lower().split())
    if any(w in low for w in _FAULT_WORDS) and _FAULT.search(text):
        return StanceHit(CONCERNED, "fault_words")
    m = _SUPPORTS_MORE.search(text) if any(w in low for w in _SUPPORTS_MORE_WORDS) else None
    if m and not _NEGATED.search(text[: m.start()]):
        return StanceHit(SUPPORTS, "support_words")
    if _PRAISE_NP.search(text):
        return StanceHit(WELCOMES, "praise_words")
    if _PRAISE_COPULA.search(text) and not re.match(r"\s*(?:it|this|that|there)\s+(?:is|was|would)\b", text, re.I):
        return StanceHit(SUPPORTS, "praise_words")
    return None


def ask_stances(text: str) -> list[StanceHit]:
    """Every stance an ask shows besides its call (:func:`ask_stance` first)."""
    if _AGAINST.search(text):
        return [StanceHit(OPPOSES, "ask_against"), *[h for h in stances_of(text) if h.stance != OPPOSES][:1]]
    return stances_of(text)


def ask_stance(text: str) -> StanceHit | None:
    """What an ask shows besides its call: opposition ("not to finalise"), or the stance its words take."""
    if _AGAINST.search(text):
        return StanceHit(OPPOSES, "ask_against")
    return stance_of(text)


_WELCOME_VERB = _rx(r"\b(?:we|I|[A-Z][\w'’-]+)\s+(?:\w+\s+)?welcome[sd]?\s+(?!the\s+opportunity|this\s+opportunity|your\s+(?:letter|invitation))"
                    r"(?:the|this|these|that|its|their|your|his|her|[A-Z])")


def _stance_of(text: str) -> StanceHit | None:
    low = text.lower()
    welcome = _WELCOME_VERB.search(text) if "welcom" in low else None
    if welcome and not _NEGATED.search(text[: welcome.start() + 1]):
        return StanceHit(WELCOMES, "welcome_words")
    for stance, rx, rule in ((OPPOSES, _OPPOSES, "oppose_words"), (CONCERNED, _CONCERNED, "concern_words"),
                             (SUPPORTS, _SUPPORTS, "support_words"), (WELCOMES, _WELCOMES, "welcome_words")):
        if not any(word in low for word in _NEEDS[stance]):
            continue
        m = rx.search(text)
        if m:
            if stance in (SUPPORTS, WELCOMES) and (_NEGATED.search(text[: m.start()]) or _NEGATION.search(m.group(0))):
                return StanceHit(OPPOSES if stance == SUPPORTS else CONCERNED, "negated_" + rule)
            return StanceHit(stance, rule)
    return None


# ------------------------------------------------------------------ reported views

# a person's name, with an honorific from the lexicon ("Dr", "Cllr", "The Rt Hon" …)
_NAME = rf"(?:(?:{lexicon.alternation('honorifics')})\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{1,2}}"
# "the first witness, Jo Bloggs, said …", "our last speaker, Jo Bloggs, argued …"
_APPOSITION = r"(?:(?:the|our|a|another)\s+(?:[\w-]+\s+)?(?:guest|witness|speaker|panellist|panelist|contributor|presenter|participant|expert|respondent),\s+)?"
_REPORT_VERBS = r"(?:told|tell|informed|advised|assured|explained|said|stated|noted|argued|suggested|felt|thought|believed|endorsed|supported|agreed|welcomed|warned|highlighted|stressed|acknowledged|emphasised|emphasized|recommended|called\s+for)"
_REPORTED = [
    re.compile(rf"\b(?:we|the\s+\w+)\s+(?:also\s+)?heard\s+(?:from|that)\s+(?P<who>{_NAME})\b"),
    re.compile(rf"\b(?:heard\s+from\s+)(?P<who>{_NAME})\b"),
    re.compile(rf"(?:^|[,;]\s*|\b(?:but|and)\s+){_APPOSITION}(?P<who>{_NAME}),?\s+(?:also\s+|further\s+)?{_REPORT_VERBS}\b"),
    re.compile(rf"^(?P<who>He|She|They)\s+(?:also\s+)?{_REPORT_VERBS}\b"),
]
# "Jo Bloggs, Head of Policy at the Northshire Trust" / "Jo Bloggs (Director, Northshire Trust)"
_INTRO = re.compile(rf"(?=\b(?P<who>{_NAME}),\s+(?P<desc>[^,.;()]{{3,120}}))")  # overlapping: "X, role and Y, role"
_ORG_RUN = r"(?P<org>[A-Z][\w'’&-]*(?:\s+(?:of|for|and|&|[A-Z][\w'’&-]*))*)"
_ROLE_PAREN = re.compile(rf"(?P<who>{_NAME})\s+\((?P<role>[^,()]{{3,80}}),\s*(?P<org>[A-Z][^()]{{2,80}})\)")


@dataclass(frozen=True)
class Witness:
    name: str
    role: str | None
    organisation: str | None


def _split_role(desc: str) -> tuple[str, str] | None:
    """'Director of Strategy at HFRA' → (role, 'HFRA'); 'Head of Research for the X Foundation' → (…, 'X Foundation').
    Prefer ' at ', then '(of|for) the …', then '(of|for) Capitalised …'."""
    for pattern in (rf"^(?P<role>.+?)\s+at\s+(?:the\s+)?{_ORG_RUN}", rf"^(?P<role>.+?)\s+(?:of|for)\s+the\s+{_ORG_RUN}",
                    rf"^(?P<role>.+?)\s+(?:of|for)\s+{_ORG_RUN}"):
        m = re.match(pattern, desc.strip())
        if m and m.group("role")[:1].isupper():
            return m.group("role").strip(), m.group("org").strip(" ,.;")
    return None


def witnesses(text: str) -> dict[str, Witness]:
    """People the document introduces with a role at an organisation, by full name and by surname."""
    found: dict[str, Witness] = {}
    intros = list(_INTRO.finditer(text))
    names = {m.group("who").strip() for m in intros}
    for m in intros:
        split = _split_role(m.group("desc"))
        if split:
            org = split[1]
            for other in names:  # "… Foundation and Jo Bloggs, Director …": the next witness is no part of the name
                org = re.sub(rf"\s+and\s+{re.escape(other)}$", "", org)
            w = Witness(m.group("who").strip(), split[0], org)
            for key in (w.name, w.name.split()[-1], w.name.split()[0]):
                found.setdefault(key, w)
    for m in _ROLE_PAREN.finditer(text):
        w = Witness(m.group("who").strip(), m.group("role").strip(), m.group("org").strip(" ,.;"))
        for key in (w.name, w.name.split()[-1]):
            found.setdefault(key, w)
    return found


def reported_speaker(sentence: str, known: dict[str, Witness], last: Witness | None) -> tuple[Witness | None, bool]:
    """Who a reported sentence quotes: (witness, is_reported). 'He endorsed …' → the last witness named."""
    for rx in _REPORTED:
        m = rx.search(sentence)
        if not m:
            continue
        who = m.group("who")
        if who in ("He", "She", "They"):
            return last, last is not None
        w = known.get(who) or known.get(who.split()[-1])
        if w is None:
            w = Witness(who, None, None)
        return w, True
    return None, False


_CALL_WORDS = _rx(r"\b(?:should|must|needs?\s+to|need\s+for|(?:was|is|were|are)\s+(?:required|needed|necessary)|called\s+for|recommended)\b")


def reported_stance(text: str) -> StanceHit | None:
    """The view a reported sentence gives its witness: a stance word, or a call ('a second depot was needed')."""
    hit = stance_of(text)
    if hit:
        return hit
    if _CALL_WORDS.search(text):
        return StanceHit(CALLS_FOR, "reported_call")
    return None
