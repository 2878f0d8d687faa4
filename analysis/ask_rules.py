"""Ask rules: one small named function per pattern.

Each rule looks at one sentence and returns a :class:`Hit` (type, rule name, confidence) or
None. :func:`classify` runs the exclusions first, then the rules in order; the first hit wins.
Rules are about the language of asking, never about a topic or an organisation.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .records import COMMITMENT, PLEDGE, RECOMMENDATION, REQUEST


@dataclass(frozen=True)
class Hit:
    type: str
    rule: str
    confidence: float


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# the holder speaking of itself (for commitments): no third-person names, which may be anyone
_SELF = r"(?:\bI\b|\bwe\b|\bmy office\b|\b(?:my|our)\s+(?:organisation|members|office|team|staff|officials|officers|volunteers)\b|\bofficials\b)"
_FIRST_PERSON = r"(?:\bI\b|\bwe\b|\bthe (?:" + lexicon.alternation("self_reference_nouns") + r")\b|\bmy office\b|\bour (?:organisation|members|office|team|staff|officials|officers|volunteers)|\b(?:my|our)?\s*officials\b|\bofficers\b)"

# ---------------------------------------------------------------- exclusions


NOT_ASK: list[tuple[str, re.Pattern[str]]] = [
    ("thanks", _rx(r"^\W*(?:(?:we|I)\s+(?:would\s+like\s+to\s+)?thank|thank you|many thanks|we are grateful for|I am grateful for)\b")),
    ("refusal", _rx(r"\b(?:do|does|did|will|can|could)\s+not\s+(?:accept|agree|support|endorse|intend to|plan to)\b|"
                    r"\b(?:reject|rejects|decline|declines)\s+(?:this|the|that|these|those)\b|\bnot\s+(?:be\s+)?minded\s+to\b|"
                    r"\bcannot\s+(?:accept|agree|support|commit)\b|\bno\s+plans?\s+to\b")),
    ("descriptive_should", _rx(r"\bit\s+(?:should|must)\s+be\s+(?:noted|said|stressed|emphasi[sz]ed|remembered|recogni[sz]ed|"
                               r"acknowledged|highlighted|pointed out|borne in mind|understood|clear)\b|"
                               r"\b(?:as|than)\s+(?:it|they|we|he|she)\s+(?:should|must)\b|\bshould\s+(?:have|not have)\s+been\b|"
                               r"\b(?:numbers?|figures?|rates?|levels?|totals?|counts?|referrals|prices|costs|demand|the trend)\s+"
                               r"(?:should|will|would|must|may|might|could)\s+(?:continue to\s+)?(?:rise|fall|increase|decrease|grow|decline|"
                               r"drop|go up|go down|improve|worsen|double|stabilise|stabilize)\b")),
    ("position_clause", _rx(r"^(?:(?!\b(?:we|I)\s+(?:\w+\s+){0,2}(?:urge|recommend|ask|call\s+on|request)\b)[^.])*?"
                            r"\b(?:agrees?|agreed|concurs?|share[sd]?\s+(?:\S+\s+){0,3}(?:concerns?|view)|is\s+concerned|are\s+concerned)\s+(?:with\s+[^.;]{0,80}?\s+)?that\b[^.;]*\b(?:should|must)\b")),
    ("relative_requirement", _rx(r"^(?:(?!\b(?:should|must)\b).)*\b(?:that|which|who)\s+(?:should|must)\b(?:(?!\b(?:should|must)\b).)*$")),
    ("consulted_proposal", _rx(r"^(?!.*\b(?:we|I)\b)\W*(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*\s+(?:proposes|is\s+proposing|intends|"
                               r"is\s+consulting\s+on)\s+(?:that|to)\b")),
    ("reported_speech", _rx(r"\b(?:has|have|had)\s+(?:said|stated|argued|claimed|warned)\b|\b(?:told|tell|informed|advised|assured)\s+(?:us|the (?:committee|panel|inquiry|board))\b|"
                            r"\b(?:said|stated|explained|reported|argued|claimed|felt|noted|suggested|indicated)\s+(?:that|they|it|he|she)\b")),
    ("past_report", _rx(r"^(?!.*\b(?:we|I)\s+(?:have\s+|had\s+|would\s+)?(?:recommended|suggested|proposed|urged|agree|support|endorse)\b)"
                        # "proposed" before its noun ("the proposed development") is no report of a proposal
                        r".*\b(?:has|have|had|was|were)?\s*(?:recommended|suggested|(?<!\bthe\s)(?<!\ba\s)(?<!\bany\s)(?<!\bits\s)(?<!\bthis\s)(?<!\btheir\s)proposed|urged|called for|asked for|requested)\b(?!.*\b(?:we|I)\s+(?:agree|support|endorse|share))")),
    # a reply that promises only to think again: "We will keep this under review", "We will consider whether …"
    ("non_committal", _rx(r"^(?!.*\b(?:and|then)\s+(?:will\s+|we\s+will\s+)?(?:publish|introduce|issue|set\s+out|make|provide|fund|require|bring\s+forward|legislate)\b)"
                          r".*\b(?:will|shall)\s+(?:continue\s+to\s+|also\s+)?(?:keep\s+(?:[\w'’-]+\s+){1,8}under\s+(?:close\s+)?review|"
                          r"consider\s+(?:whether|how|if|the\s+case|options)|explore\s+(?:whether|how|options)|reflect\s+on|"
                          r"discuss\s+(?:the\s+case|whether|options)|look\s+(?:at|into)\s+(?:whether|how|options))\b")),
    ("descriptive_trend", _rx(r"\b(?:should|will|would|may|might|could|(?:is|are)\s+(?:expected|forecast|projected|likely)\s+to)\s+(?:continue\s+to\s+)?"
                              r"(?:rise|fall|grow|decline|drop|increase|decrease|improve|worsen|double|halve)\s+"
                              r"(?:steadily\s+|sharply\s+|slightly\s+|significantly\s+|gradually\s+)?(?:in|as|over|during|after|when|once|until|[,.;])|"
                              r"\b(?:will|would|may|might|could|(?:is|are)\s+(?:expected|forecast|projected|likely)\s+to)\s+(?:continue\s+to\s+)?"
                              r"(?:rise|fall|grow|decline|drop|increase|decrease|double|halve)\s+(?:by|from|to)\b")),
    ("conditional_necessity", _rx(r"\b(?:would|will|'d|'ll)\s+have\s+to\b")),
    ("legal_duty", _rx(r"^\W*under\s+(?:section|regulation|article|schedule|part)\s+\d")),
    ("procedure", _rx(r"\b(?:that|this)\s+concludes\b|\bconclude\s+(?:this|the|our)\s+(?:session|meeting|hearing|part|evidence)\b|"
                      r"\btake\s+a\s+(?:short\s+)?(?:break|adjournment)\b|\bmove\s+on\s+to\b|"
                      r"\b(?:going\s+to|will|shall|'ll)\s+(?:start|begin)\s+(?:with|by\s+asking)\b")),
    ("praise", _rx(r"\b(?:should|must|deserves? to)\s+(?:also\s+)?be\s+(?:commended|praised|congratulated|applauded|celebrated|thanked)\b")),
    ("worth_noting", _rx(r"\bit\s+is\s+(?:important|worth|useful|interesting)\s+(?:to\s+)?(?:note|noting|remember|recognise|recognize|stress|highlight|mention)\b")),
    ("expectation", _rx(r"\bshould\s+(?:last|arrive|take\s+(?:about|around|roughly|up\s+to))\b|"
                        r"\bshould\s+be\s+(?:available|ready|complete|completed|finished|operational|in\s+place)\s+(?:in|by|within|later|soon|next|from|before|towards)\s+(?:the\s+)?(?:spring|summer|autumn|winter|early|late|end|\d|january|february|march|april|may|june|july|august|september|october|november|december|next|a\s+few|two|three|four|six)")),
    ("normative_right", _rx(r"\b(?:should|must)\s+(?:have|enjoy)\s+(?:a|the|an equal)\s+right\b")),
    ("speech_hedge", _rx(r"\b(?:we|I|you)\s+(?:need|have)\s+to\s+be\s+(?:upfront|honest|clear|realistic|careful|frank|candid)\b")),
    ("bare_lead_in", _rx(r"(?:\b(?:to|that|should|must|will|would|recommend\w*|following|include|includes|including|pledge|commit|are|is|as follows|below)|"
                         r"\bthe following \w+|\b(?:recommends?|urges?|calls? on|asks?|invites?)\s+(?:that\s+)?(?:the\s+)?[\w'’ ]{0,60})\s*:\s*$")),
    ("wh_question", _rx(r"^\W*(?:what|how many|how much|when|where|who|which|why)\b[^?]*\?\s*$")),
    ("information_question", _rx(r"\b(?:tell|show)\s+(?:me|us)\s+(?:where|what|who|how|when|why|whether)\b")),
    ("conditional_should", _rx(r"^\W*(?:if|should)\s+(?:you|the|this|any|there)\b[^,]*\bshould\b[^,]*,\s*(?:please\s+)?(?:contact|call|let)")),
    ("courtesy", _rx(r"\b(?:do\s+not|don't|please\s+do\s+not)\s+hesitate\s+to\s+(?:contact|call|email|e-mail|reach|get\s+in\s+touch)\b|"
                     r"\bif\s+you\s+(?:have|need)\s+(?:any\s+)?(?:further\s+|additional\s+|other\s+)?(?:questions|queries|information|clarification)\b[^.]*"
                     r"\b(?:contact|reach|call|email|e-mail|let\s+(?:me|us)\s+know|get\s+in\s+touch)\b|"
                     r"\b(?:please\s+)?(?:feel\s+free\s+to|please)\s+(?:contact|reach\s+out\s+to|call|email|e-mail)\s+(?:me|us|our|my)\b|"
                     r"\bplease\s+contact\s+[A-Z][^.]*(?:@|\b(?:on|at)\s+\+?\d)|"
                     r"\b(?:would|will|'d)\s+be\s+(?:happy|pleased|glad)\s+to\s+(?:discuss|answer|provide\s+(?:any\s+)?(?:further|more|additional))\b|"
                     r"\bif\s+(?:you|it|they|the\s+\w+)\s+(?:have|has|need|needs|require|requires|would\s+like)\s+(?:any\s+)?(?:further|additional|more)\s+"
                     r"(?:information|details|clarification)\b")),
]


# a first-person ask in the same sentence outweighs a refusal, a report or a past recommendation beside it:
# "We cannot accept any further delay and urge the Department to …", "… so we urge the Trust to …"
_OWN_ASK = _rx(r"\b(?:we|I)\s+(?:would\s+|therefore\s+|also\s+|strongly\s+|now\s+)*(?:recommend|urge|call\s+on|ask|encourage|propose|invite|request)\b|"
               r"\b(?:and|so|therefore|but)\s+(?:would\s+|strongly\s+)?(?:urge|call\s+on|recommend|ask)\b|"
               r"\bit\s+is\s+(?:(?:therefore|further|also|accordingly|respectfully|strongly)\s+)*(?:suggested|proposed|recommended)\s+that\b")
_CLAUSE_LOCAL = ("refusal", "reported_speech", "past_report")


# a lead-in in which its holder asks ("We recommend that the Board:", "we urge X to take these steps:",
# "The pledge asks candidates to commit to:") is an ask of its own; a bare one ("These include:") is not
_ASKING_LEAD = _rx(r"\b(?:we|I|[A-Z][\w'’-]*|the\s+\w+(?:\s+\w+)?)\s+(?:\w+\s+){0,2}(?:recommend|recommends|urge|urges|propose|proposes|"
                   r"call\s+on|calls\s+on|calling\s+on|call\s+upon|ask|asks|request|requests|invite|invites)\b")


def excluded(text: str, skip: tuple[str, ...] = ()) -> str | None:
    """The name of the first exclusion that applies to a sentence (those named in ``skip`` aside)."""
    own_ask = None
    for name, rx in NOT_ASK:
        if name in skip or not rx.search(text):
            continue
        if name == "bare_lead_in" and (_ASKING_LEAD.search(text) or named_list(text)):
            continue
        if name == "past_report" and _PASSIVE_ASK.search(text):
            continue  # "X is urged to …" asks now
        if name in _CLAUSE_LOCAL:
            own_ask = bool(_OWN_ASK.search(text)) if own_ask is None else own_ask
            if own_ask:
                continue
        return name
    return None


# ---------------------------------------------------------------- rules


def pattern_rule(name: str, typ: str, confidence: float, rx: re.Pattern[str], doc: str) -> Rule:
    """A rule that is one pattern: it fires, with its type and confidence, where the pattern matches."""
    def rule(text: str) -> Hit | None:
        return Hit(typ, name, confidence) if rx.search(text) else None
    rule.__name__ = rule.__qualname__ = name
    rule.__doc__ = doc
    return rule

_QUESTION_REQUEST = _rx(r"(?:^\W*|[,;:\-–—]\s*|\band\s+|\bso\s+)(?:will|would|can|could|shall)\s+(?:you|the\s+\w+(?:\s+\w+)?|your\s+\w+)\b[^?]*\?")
_YESNO_REQUEST = _rx(r"^\W*(?:(?:and|so|but|now|then),?\s+)?(?:do|does|are|is)\s+(?:you|the\s+\w+)\s+(?:agree|accept|support|plan|intend|commit)\b[^?]*\?")


def question_request(text: str) -> Hit | None:
    """'Will you …?', 'would you agree …?', 'Can the Minister …?' — asks the addressee to act or answer."""
    if _QUESTION_REQUEST.search(text) or _YESNO_REQUEST.search(text):
        return Hit(REQUEST, "question_request", 0.85)
    return None


_RESPONSE = _rx(r"\b(?:would|should|will)\s+(?:also\s+)?(?:very\s+much\s+)?(?:appreciate|value|welcome)\s+(?:(?:a|an|your|the|some)\s+)?(?:\w+\s+)?"
                r"(?:response|reply|answer|update|meeting|confirmation|clarification|assurance|details|information|sight|copy|view|views)\b|"
                r"\b(?:I|we)\s+would\s+(?:also\s+|therefore\s+)?be\s+(?:most\s+|very\s+|extremely\s+)?grateful\s+(?:if|for)\b|"
                r"^\W*please\b(?!\s+(?:note|see|find|be\s+aware))|\bplease\s+(?:could|would|can|do|don't|keep|make|ensure)\b|"
                r"\b(?:asks|requests|invites)\s+(?:the\s+)?[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*\s+to\b|"
                r"(?:\b(?:we|I)\s+(?:\w+\s+){0,2}(?:request|ask)|\b(?-i:[A-Z])[\w'’]*\s+(?:respectfully\s+|therefore\s+|also\s+)*(?:requests|asks))"
                r"\s+that\s+(?:the\s+|all\s+|its\s+)?[A-Za-z]|"
                r"\bplease\s+(?:let\s+(?:us|me)\s+know|respond|reply|confirm|provide|send|set\s+out|share|advise|write)\b|"
                r"\blook\s+forward\s+to\s+(?:your|receiving|hearing|a\s+response)\b|\b(?:request|ask)\s+(?:that\s+)?(?:you|a\s+meeting|a\s+response)\b")


response_request = pattern_rule("response_request", REQUEST, 0.9, _RESPONSE,
                             """'We would appreciate a response …', 'please confirm …', 'I would be grateful if you …'.""")


_INVITE = _rx(r"\b(?:we|I)\s+(?:(?:therefore|also|now|further|again|respectfully|strongly|additionally|finally|specifically|thus)\s+)*"
              r"(?:are\s+|am\s+|would\s+(?:(?:also|therefore|respectfully)\s+)?(?:like\s+to\s+)?)?(?:invite|inviting|ask|asking|request|requesting)\s+(?:you|all|each|every|the|that|your)\b|"
              r"\b(?:we|I)\s+(?:would\s+)?(?:urge|call\s+on|ask)\s+you\b[^.]*\b(?:to\s+(?:sign|commit|join|endorse|confirm|respond|reply|meet))\b")


invitation = pattern_rule("invitation", REQUEST, 0.85, _INVITE,
                             """'We invite you to …', 'we are inviting all candidates to …', 'we urge you to sign / commit to …'.""")


_RECOMMEND = _rx(r"\b(?:recommends?|recommending|we\s+(?:would\s+)?(?:strongly\s+)?recommend|recommendation\s+is\s+that|"
                 r"(?:we|I)\s+(?:would\s+)?(?:(?:therefore|also|strongly|further|additionally|again|respectfully|now)\s+)*(?:propose|suggest|advise)|(?:we|I)\s+(?:would\s+)?advocate|"
                 # the drafting voice of a submission: "it is suggested that the fee be halved"
                 r"it\s+is\s+(?:therefore\s+|further\s+|also\s+|accordingly\s+|respectfully\s+|strongly\s+)*(?:suggested|proposed|recommended)\s+that)\b")
_PAST_RECOMMEND = _rx(r"\b(?:recommended|proposed|suggested)\b")


recommend_verb = pattern_rule("recommend_verb", RECOMMENDATION, 0.95, _RECOMMEND,
                             """'The Committee recommends that …', 'we recommend …', 'we propose …', 'it is suggested that …'.""")


_URGE = _rx(r"\b(?:urge|urges|urging|call\s+on|calls\s+on|call\s+upon|calling\s+on|calling\s+for|call\s+for|calls\s+for|implore|press\s+(?:you|the))\b")


def urge(text: str) -> Hit | None:
    """'We urge the council to …', 'we call on the Government to …'."""
    m = _URGE.search(text)
    if m and (re.search(_FIRST_PERSON + r"[^.;]{0,40}$", text[: m.start()], re.I) or re.search(r"\bto\s+$", text[: m.start()])
              or re.match(r"urges\b", m.group(0), re.I)):
        return Hit(RECOMMENDATION, "urge", 0.9)
    return None


_ENCOURAGE = _rx(r"\b(?:encourage|encourages|encouraging)\s+(?:you|the|that|all|further|this|them|her|him|your|greater|more|local|every|each)\b|"
                 # "We would encourage Collbury Buses to …", "we encourage central government to …"
                 r"\b(?:we|I)\s+(?:would\s+|strongly\s+|also\s+|therefore\s+|particularly\s+)*encourage\s+(?:[\w'’&-]+\s+){1,6}to\s+[a-z]+")


encourage = pattern_rule("encourage", RECOMMENDATION, 0.85, _ENCOURAGE,
                             """'I would encourage you to …', 'we encourage the trust to …', 'I wrote to them to encourage them to …'.""")


_WISH = _rx(r"\b(?:would|'d)\s+(?:also\s+|really\s+|particularly\s+|therefore\s+)?(?:like|love|want)\s+to\s+see\b|\b(?:would|will)\s+(?:also\s+|strongly\s+|particularly\s+)?welcome\b|"
            r"\bwe\s+want\s+(?:to\s+see|the|you|all|every|each)\b|\b(?:keen|eager|anxious)\s+to\s+(?:ensure|see)\b|"
            r"\b(?:hope|trust)\s+(?:that\s+)?(?:you|the\s+\w+)\s+will\b|\bwe\s+(?:ask|are\s+asking)\s+(?:for|that)\b")


wish = pattern_rule("wish", RECOMMENDATION, 0.8, _WISH,
                             """'I would like to see …', 'we would welcome …', 'am keen to ensure …', 'we hope the board will …'.""")


_VITAL = _rx(r"\bit\s+is\s+(?:therefore\s+|also\s+|now\s+)?(?:vital|essential|crucial|critical|imperative|important|necessary|key|paramount|urgent)\s+(?:that|to|for|we|you|the)\b|"
             r"\b(?:there\s+is\s+an?\s+(?:urgent\s+|clear\s+|pressing\s+)?need\s+(?:for|to))\b")


vital_that = pattern_rule("vital_that", RECOMMENDATION, 0.75, _VITAL,
                             """'It is vital that …', 'it is essential to …', 'there is an urgent need for …'.""")


_OPPORTUNITY = _rx(r"\b(?:provides?|offers?|presents?|creates?)\s+(?:a|an)\s+(?:\w+\s+)?opportunity\s+(?:to|for)\b")


opportunity = pattern_rule("opportunity", RECOMMENDATION, 0.6, _OPPORTUNITY,
                             """'The depot's closure offers an opportunity to rethink …' — a soft recommendation.""")


_MODAL = _rx(r"\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)\s+(?:also\s+|now\s+|urgently\s+|immediately\s+|therefore\s+|be\s+|not\s+|continue\s+to\s+)*[a-z]+")
_MODAL_SUBJECT_IT = _rx(r"\b(?:it|this|that|there)\s+(?:should|must)\s+(?:be\s+)?(?:noted|said|clear|possible|likely|seen)\b")


def modal_should(text: str) -> Hit | None:
    """'The trust should …', 'Any strategy must …', 'The timetable needs to be revised …'."""
    if _MODAL.search(text) and not _MODAL_SUBJECT_IT.search(text) and not text.rstrip().endswith("?"):
        return Hit(RECOMMENDATION, "modal_should", 0.7)
    return None


_COMMIT = _rx(rf"{_SELF}\s+(?:will|shall|are\s+going\s+to|am\s+going\s+to|intend\s+to|plan\s+to|undertake\s+to|"
              r"commit\s+to|are\s+committed\s+to|am\s+committed\s+to|remain\s+committed\s+to|pledge\s+to|have\s+(?:made\s+a\s+commitment|committed)\s+to|"
              r"has\s+(?:made\s+a\s+commitment|committed)\s+to|(?:are|am|is)\s+(?:currently|now)\s+\w+ing|(?:are|am|is)\s+working\s+(?:to|with|on|towards))\b|"
              r"\b(?:I|we)\s+(?:can|could)\s+(?:certainly|definitely|happily|readily)\s+\w+|"
              r"\b(?:I|we)['’]ll\s+(?!be\s+(?:happy|pleased|glad|grateful|interested))(?:also\s+|then\s+|continue\s+to\s+)?[a-z]+|"
              r"\b(?:I|we)\s+(?:would|will|'d|'ll)\s+be\s+(?:very\s+)?(?:happy|pleased|glad|delighted)\s+to\b|"
              r"^\W*(?:for\s+(?:our|my|its|their)\s+part|in\s+(?:turn|return)),?\s+[^.]*?\b(?:will|shall)\s+\w+|"
              r"\b(?:we|I)\b[^.;]{0,80}?\band\s+(?:will|shall)\s+(?!be\s+(?:happy|pleased|glad|grateful))\w+|"
              r"\bI\s+have\s+made\s+a\s+commitment\b|\bwe\s+have\s+made\s+a\s+commitment\b|\b(?:I|we)\s+(?:can\s+)?confirm\s+that\s+(?:we|I)\s+will\b")
_NOT_COMMIT = _rx(r"\b(?:will|shall)\s+(?:be\s+grateful|not|no\s+doubt|see|know|have\s+seen|recall|remember|consider|reflect\s+on|look\s+at)\b|"
                  r"\bwill\s+you\b|\b(?:would|will)\s+be\s+(?:happy|pleased|glad)\s+to\s+(?:discuss|answer|provide\s+(?:any\s+)?(?:further|more|additional))\b")


def commitment(text: str) -> Hit | None:
    """The holder binds itself: 'we will publish …', 'we have made a commitment to …', 'we are currently surveying …'."""
    if _COMMIT.search(text) and not _NOT_COMMIT.search(text):
        return Hit(COMMITMENT, "commitment", 0.8)
    return None


_PASSIVE_ASK = _rx(r"\b(?:is|are)\s+(?:therefore\s+|also\s+|again\s+|strongly\s+|respectfully\s+|further\s+)*"
                   r"(?P<verb>urged|called\s+(?:up)?on|encouraged|recommended|advised|asked|requested|invited)\s+to\s+[a-z]+")


def passive_ask(text: str) -> Hit | None:
    """'The Department is urged to …', 'X is called upon to …' (a recommendation); 'X is asked to …' (a request)."""
    m = _PASSIVE_ASK.search(text)
    if not m:
        return None
    if m.group("verb").lower() in ("asked", "requested", "invited"):
        return Hit(REQUEST, "passive_ask", 0.8)
    return Hit(RECOMMENDATION, "passive_ask", 0.8)


_DIRECTION = _rx(r"\b(?:requires|directs|instructs|orders)\s+(?-i:(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,5})\s+to\s+[a-z]+")
_MOTION = re.compile(r"^\W*(?:(?i:resolved),?\s+)?(?:That|THAT)\s+(?:the\s+)?(?:House|Assembly|Council|Committee|Parliament|Senate|Board)\s+(?:\w+\s+)?[a-z]+")


direction = pattern_rule("direction", REQUEST, 0.8, _DIRECTION,
                             """'The Regulator requires Acme Energy to take the following actions' — a body with power directs another (a request).""")


def motion(text: str) -> Hit | None:
    """'That the House debates …' (a motion proposed); 'RESOLVED THAT the Council: …' (a decision to act)."""
    if _MOTION.search(text):
        if re.match(r"^\W*RESOLVED", text, re.I):
            return Hit(COMMITMENT, "motion", 0.75)
        return Hit(RECOMMENDATION, "motion", 0.75)
    return None


_NEEDED = _rx(r"\b(?:is|are)\s+(?:also\s+|urgently\s+|therefore\s+|still\s+|clearly\s+|now\s+|badly\s+)*needed\s+(?:to|for|in\s+order|so\s+that)\b|"
              r"\bwould\s+(?:\w+ly\s+)?benefit\s+(?:\w+ly\s+)?from\b")


needed = pattern_rule("needed", RECOMMENDATION, 0.6, _NEEDED,
                             """'Measures are also needed to …', 'The plan would benefit from …': a recommendation without a modal.""")


_ACCEPTS = _rx(r"\b(?:accept|accepts|accepted|agree\s+to|agrees\s+to|reaffirm|reaffirms)\s+(?:[\w'’]+\s+){0,3}"
               r"(?:recommendations?|proposals?|polic(?:y|ies)|conclusions?)\b")


def accepts(text: str) -> Hit | None:
    """'The Government accept the recommendations on …' — a reply that binds its author (a commitment)."""
    if _ACCEPTS.search(text) and not re.search(r"\b(?:not|never|cannot|partly|in\s+part)\b", text, re.I):
        return Hit(COMMITMENT, "accepts", 0.7)
    return None


_PLEDGE = _rx(r"\b(?:I|we)\s+(?:hereby\s+)?pledge\b|\bsign\s+(?:up\s+to\s+)?(?:the|our|this)\s+pledge\b")


pledge = pattern_rule("pledge", PLEDGE, 0.85, _PLEDGE,
                             """'I pledge to …', 'sign the pledge'.""")


_NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
_ORDINALS = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
             r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|final|last|\d{1,3}(?:st|nd|rd|th))")
# a numbered recommendation of another body or document: "Recommendation 12 of the panel's review", "the
# audit's second recommendation", "Action 3 in the district plan", "Proposal 2 from the 2019 consultation"
_CITED = (rf"(?:(?:recommendation|action|proposal)\s+(?:no\.?\s*|number\s+)?(?:\d{{1,3}}[a-z]?(?:\.\d{{1,2}})?|{_NUMBER_WORDS}|[ivx]{{1,5}})"
          rf"\s+(?:of|in|from|made\s+(?:by|in))\s+(?:[\w'’&-]+\s+){{0,6}}?[\w'’&-]+"
          rf"|(?:[\w'’&-]+\s+){{0,5}}?[\w&-]+['’]s?\s+(?:{_ORDINALS}\s+)?(?:recommendation|action|proposal)\s*(?:no\.?\s*|number\s+)?(?:\d{{1,3}}[a-z]?|{_NUMBER_WORDS})?"
          rf"|(?:the\s+)?{_ORDINALS}\s+(?:recommendation|action|proposal)\s+(?:of|in|from|made\s+by)\s+(?:[\w'’&-]+\s+){{0,6}}?[\w'’&-]+)")
# what the citation says the body asked for: "… was for water companies to …", "… is that every ward …",
# "… asked councils to …", "… required operators to …"
_CITED_ASK = (r"(?:,\s*)?\s+(?:was|is|were|are)\s+(?:for|that|to)\b"
              r"|(?:,\s*)?\s+(?:asked|asks|required|requires|invited|invites|directed|directs|tasked|tasks)\s+(?:[\w'’&-]+\s+){1,6}?to\s+[a-z]+")
_REPORTED = _rx(rf"^\W*(?:(?:in|under|at)\s+[^,]{{2,60}},\s+)?(?:the\s+)?{_CITED}(?:{_CITED_ASK})")


reported_recommendation = pattern_rule("reported_recommendation", RECOMMENDATION, 0.8, _REPORTED,
                             """'Recommendation 2 of the library review was for councils to …', 'The audit's third recommendation
    asked schools to …' — another body's numbered recommendation, cited: its holder is that body.""")


_LABELLED = _rx(r"^\W*(?:recommendation|action|proposal|ask)\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*[:.–—-]\s*\S")


def labelled_recommendation(text: str) -> Hit | None:
    """'Recommendation 6: Extend the ferry timetable …' — a recommendation by its label."""
    rest = _LABELLED.sub("", text, count=1)
    if _LABELLED.search(text) and (len(text.split()) >= 7 or looks_like_action(rest)):
        return Hit(RECOMMENDATION, "labelled_recommendation", 0.9)
    return None


# a lead-in that names what its items are: "The Association makes three further recommendations:", "We therefore make the
# following proposals:", "Our demands are as follows:" — the writer's own asks, whatever shape the items take
_NAMED_ASKS = _rx(r"(?:\b(?:we|I|our|[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,6})\b[^.:;]{0,40}?\b(?P<verb>make|makes|set\s+out|sets\s+out|put\s+forward|"
                  r"puts\s+forward|offer|offers|submit|submits|present|presents|have|has)\s+(?:the\s+)?(?:following\s+|these\s+|a\s+few\s+|"
                  r"(?:two|three|four|five|six|seven|eight|nine|ten|several|some|\d+)\s+)?(?:(?:further|key|main|specific|other|additional)\s+)?"
                  r"(?P<noun>recommendations|proposals|requests|demands|asks)\b[^.:;]{0,40}|"
                  r"\bour\s+(?:(?:key|main|specific)\s+)?(?P<noun2>recommendations|proposals|requests|demands|asks)\s+(?:are|is)\b[^.:;]{0,30})\s*:\s*$")


_ASK_NOUN = re.compile(r"\b(?:recommendations|proposals|requests|demands|asks)\b", re.I)


def named_list(text: str) -> Hit | None:
    """'The Association makes three further recommendations:' — a lead-in naming its items as the writer's asks."""
    if not text.rstrip().endswith(":") or not _ASK_NOUN.search(text):
        return None  # cheap checks first: asked of every sentence
    text = text[-300:]  # the pattern spans at most a few words before the colon
    m = _NAMED_ASKS.search(text)
    if not m or any(w.lower() in lexicon.lower("document_heads") for w in re.findall(r"[A-Za-z]+", text[m.start(): m.start("verb")].split(",")[-1] if m.group("verb") else "")):
        return None  # "The report makes four recommendations:" — a document's, restated
    noun = (m.group("noun") or m.group("noun2") or "").lower()
    return Hit(REQUEST if noun == "requests" else RECOMMENDATION, "named_list", 0.8)


Rule = Callable[[str], Hit | None]

# order matters: specific before general
RULES: list[Rule] = [
    reported_recommendation,
    labelled_recommendation,
    named_list,
    response_request,
    question_request,
    invitation,
    pledge,
    recommend_verb,
    urge,
    passive_ask,
    direction,
    motion,
    encourage,
    wish,
    commitment,
    accepts,
    vital_that,
    modal_should,
    needed,
    opportunity,
]


@lru_cache(maxsize=16384)
def classify(text: str, skip: tuple[str, ...] = ()) -> Hit | None:
    """The first rule that fires on a sentence, unless an exclusion applies (the rules first: most
    sentences fire none, and then the exclusions need no checking). Remembered: a batch asks it of
    each sentence twice (once to choose what to parse, once to extract)."""
    for rule in RULES:
        hit = rule(text)
        if hit:
            return None if excluded(text, skip) else hit
    return None


# ---------------------------------------------------------------- list items and lead-ins

# an item that opens with a verb of action ('Publish …', 'To set up …'); the verbs are the lexicon's
_IMPERATIVE_START = _rx(r"^\W*(?:to\s+)?(?:[a-z]+ise|[a-z]+ize|" + lexicon.alternation("imperative_verbs") + r")\b")
_GERUND_START = re.compile(r"^\W*[A-Z][a-z]+ing\b")
_SELF_COMMIT_VERBS = r"(?:will|shall|is\s+going\s+to|intends\s+to|commits\s+to|is\s+committed\s+to|undertakes\s+to|is\s+(?:currently|now)\s+\w+ing)"


@lru_cache(maxsize=4096)
def _self_commit_rx(name: str) -> re.Pattern:
    """The pattern of one holder's name binding itself, compiled once a name (asked of every sentence)."""
    return re.compile(rf"^\W*(?:[^.]*?,\s+|(?:in|over|during|by|from|this|next|within|for)\b[^.,]{{0,40}}?\s+)?(?:the\s+)?"
                      rf"{re.escape(name)}\s+(?:\w+ly\s+|also\s+)?{_SELF_COMMIT_VERBS}\b", re.I)


def self_commitment(text: str, own_names: list[str]) -> Hit | None:
    """'KVRA will help the Council …', 'The Alliance will survey …': the holder, by name, binds itself."""
    for name in own_names:
        if _self_commit_rx(name).search(text) and not _NOT_COMMIT.search(text):
            return Hit(COMMITMENT, "self_commitment", 0.8)
    return None


_REQUEST_LEAD = _rx(r"\b(?:requests?|requesting|asks?\s+(?:for|you\s+for)|seeks?|would\s+(?:also\s+)?(?:like|welcome|appreciate)\s+(?:to\s+(?:receive|see|know)\s+)?(?:the\s+following|:)|"
                   r"(?:be\s+)?grateful\s+(?:for|to\s+receive)|please\s+(?:provide|send|share|supply))\b")
_ASK_LEAD = _rx(r"\b(?:require\w*|direct\w*|recommend\w*|should|must|urge|call\w*\s+(?:on|for)|ask\w*|encourage\w*|propos\w*|pledge\w*|commit\w*|"
                r"need\w*\s+to|would\s+like|want|include|includ\w+|following|action\w*|priorit\w*|steps|measures|"
                r"to\s*:)\b")


def lead_in_hit(lead_text: str, own_names: list[str] | None = None) -> Hit | None:
    """How a lead-in ending in ':' frames its items: pledge, recommendation, request, commitment
    (``own_names``: how the holder names itself, for 'In the coming year the Council will:')."""
    if not lead_text.rstrip().endswith(":"):
        return None
    own = self_commitment(lead_text, own_names or [])
    if own:
        return Hit(COMMITMENT, "list_self_commitment", own.confidence)
    if re.search(r"\bpledge\b", lead_text, re.I):
        return Hit(PLEDGE, "pledge_list", 0.9)
    if _REQUEST_LEAD.search(lead_text):
        return Hit(REQUEST, "request_list", 0.85)
    hit = classify(lead_text, skip=("bare_lead_in",))
    if hit:
        return Hit(hit.type, "list_" + hit.rule, hit.confidence)
    if looks_like_action(lead_text):
        # "Maintain the requirements for:" — an imperative whose objects are the items, whatever their shape
        return Hit(RECOMMENDATION, "imperative_list", 0.7)
    if _ASK_LEAD.search(lead_text):
        return Hit(RECOMMENDATION, "action_list", 0.7)
    return None


# the "-ise"/"-ize" words that are verbs: an unknown word of that shape ("Likewise") is left to the parse
_KNOWN_ISE_VERB = re.compile(r"^\W*(?:to\s+)?(?:"
                             + "|".join(re.escape(v) for v in lexicon.words("imperative_verbs") if re.search(r"i[sz]e$", v))
                             + r")\b")


_FINITE = _rx(r"\b(?:is|are|was|were|has|have|had|will|would|should|must|can|could|may|might|shall|does|do|did)\b")


def looks_like_proposal(item: str) -> bool:
    """A verb-less proposal: "Reduced stamp duty on X.", "Mandatory warnings on every advert.", "A ban on …",
    "Funding for rural buses.", "Incentives for charging infrastructure" — a noun phrase headed or opened by a
    word of change (the lexicon's proposal_modifiers and proposal_heads), short, with no finite verb."""
    words = re.findall(r"[A-Za-z][\w'’-]*", item)
    if not 2 <= len(words) <= 30 or _FINITE.search(item) or item.rstrip().endswith("?"):
        return False
    first = [w.lower() for w in words[:4] if w.lower() not in ("a", "an", "the", "to")]
    if not first or len(words) < 3 or all(w[0].isupper() for w in words):
        return False  # a name or a title ("Annual Report 2024")
    content = [w.lower() for w in words if w.lower() not in ("a", "an", "the")]
    head = first[0] in lexicon.lower("proposal_heads") and len(content) > 1 and content[1] in (
        "for", "on", "of", "to", "against", "from", "in", "by")
    if not (head or first[0] in lexicon.lower("proposal_modifiers")):
        return False
    from .nlp import parse  # the parse disposes: a noun phrase, not a clause ("Independent testing found …")

    roots = [t for t in parse(item[:200]) if t.dep_ == "ROOT"]
    return bool(roots) and all(t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") for t in roots)


def looks_like_action(item: str) -> bool:
    """A list item that reads as an action: an imperative ('Deliver …') or a gerund ('Ensuring …').

    The word list or '-ing' shape proposes; the parse disposes: a first word that modifies a noun
    ('Housing associations', 'Evening bus services') or an adverb ('Likewise') is no action."""
    lower = item.lower()
    imperative = _IMPERATIVE_START.search(item)
    ise_shape = re.match(r"^\W*(?:to\s+)?[a-z]+i[sz]e\b", lower)  # "Prioritise" but also "Likewise"
    if imperative and (not ise_shape or _KNOWN_ISE_VERB.match(lower)):
        return True  # a known imperative verb: trust it (a parse often tags a sentence-initial verb as a noun)
    if not (_IMPERATIVE_START.search(item) or _GERUND_START.search(item)):
        return False
    from .nlp import parse

    tokens = [t for t in parse(item[:120]) if t.is_alpha]
    if not tokens:
        return False
    first = tokens[0]
    if first.lower_ == "to" and len(tokens) > 1:
        first = tokens[1]
    if first.dep_ in ("compound", "amod", "advmod", "nsubj", "nsubjpass", "npadvmod") or first.pos_ in ("ADV", "ADJ", "DET", "PRON"):
        return False
    return first.pos_ in ("VERB", "AUX") or first.tag_ in ("VB", "VBG", "VBP")
