"""extract_asks over whole documents read through the real reader: letters with lists and lead-ins,
a labelled recommendation, a committee transcript, a reply that declines recommendations, footnotes,
quoted evidence, and documents with no asks.

Every ask must quote the document exactly (``doc.text[a.start:a.end] == a.text``); holders are the
author organisation (letters) or the speaker's organisation (transcripts); addressees are the body a
sentence names (resolved to the full name the document gives it) or, for "you", the document's addressee.
Where extraction currently disagrees with the definitions the test is ``xfail(strict=True)``.
"""
import pytest

from analysis import Registry, analyse
from analysis.ask_rules import classify
from analysis.records import ASK_TYPES, COMMITMENT, PLEDGE, RECOMMENDATION, REQUEST
from ingest import read_bytes
from ingest.records import FOOTNOTE


def known_bug(reason: str):
    """A behaviour that contradicts the definitions today: strict, and only an assertion may fail."""
    return pytest.mark.xfail(reason=reason, strict=True, raises=AssertionError)


def analysed(text: str, source: str = "letter.txt"):
    """Read invented text through the real reader, analyse it with a fresh registry, check every span."""
    doc = read_bytes(text.encode("utf-8"), source)[0]
    asks = analyse(doc, Registry.builtin())
    for a in asks:
        assert doc.text[a.start:a.end] == a.text
        assert a.type in ASK_TYPES
        assert a.doc_id == doc.id and a.doc == source
        assert a.id and 0 < a.confidence <= 1
    assert [a.start for a in asks] == sorted(a.start for a in asks)  # text order
    assert len({a.id for a in asks}) == len(asks)
    return doc, asks


def one(asks, fragment: str):
    found = [a for a in asks if fragment in a.text]
    assert len(found) == 1, f"expected one ask containing {fragment!r}, got {[a.text for a in found]}"
    return found[0]


def none_containing(asks, fragment: str) -> bool:
    return not any(fragment in a.text for a in asks)


# ------------------------------------------------------------------ a council letter: lead-in ask, numbered list

COUNCIL_LETTER = """Northshire County Council
County Hall, Bridge Street
Northtown NS1 4AB

Mr Kofi Mensah
Chief Executive
Northshire Integrated Care Board
Riverside House
Northtown NS3 9GH

14 March 2024

Dear Mr Mensah,

Hospital discharge and reablement

Northshire Integrated Care Board (ICB) and Westbury Hospitals NHS Trust (the Trust) told the Health Scrutiny Committee in January that around 120 beds a day are occupied by patients who are fit to leave hospital.

We urge the Trust to make discharge delays its top priority this winter. In particular, we recommend that the Trust:

1. Publish weekly figures on delayed discharges.
2. Appoint a discharge lead on every ward by September 2024.
3. Work with care homes to agree same-day assessments.

The ICB should fund 40 additional reablement places from April.

Recommendation two: Introduce a single discharge form shared with social care.

We invite you to join a joint discharge summit in May. We would appreciate a response to these recommendations by 30 April 2024.

Yours sincerely,

Dr Amara Okoye
Director of Public Health, Northshire County Council
"""

COUNCIL = "Northshire County Council"
ICB = "Northshire Integrated Care Board"
TRUST = "Westbury Hospitals NHS Trust"


@pytest.fixture(scope="module")
def council():
    return analysed(COUNCIL_LETTER)


def test_council_letter_premises(council):
    doc, _ = council
    assert doc.kind == "letter"
    assert doc.author_org == COUNCIL
    assert doc.addressees == [ICB]


def test_council_letter_finds_each_ask_and_nothing_else(council):
    _, asks = council
    assert [(a.text[:30], a.type) for a in asks] == [
        ("We urge the Trust to make disc", RECOMMENDATION),
        ("In particular, we recommend th", RECOMMENDATION),
        ("Publish weekly figures on dela", RECOMMENDATION),
        ("Appoint a discharge lead on ev", RECOMMENDATION),
        ("Work with care homes to agree ", RECOMMENDATION),
        ("The ICB should fund 40 additio", RECOMMENDATION),
        ("Recommendation two: Introduce ", RECOMMENDATION),
        ("We invite you to join a joint ", REQUEST),
        ("We would appreciate a response", REQUEST),
    ]
    # background ("… told the Health Scrutiny Committee …") is not an ask; a lead-in in which the council
    # recommends is an ask of its own (its items are asks too)
    assert none_containing(asks, "120 beds a day")
    assert all(a.holder == COUNCIL and a.holder_kind == "author" for a in asks)


def test_lead_in_ask_resolves_the_trust_to_its_full_name(council):
    _, asks = council
    lead = one(asks, "We urge the Trust")
    assert (lead.type, lead.rule) == (RECOMMENDATION, "urge")
    # the letter is addressed to the ICB: "the Trust" is resolved from "Westbury Hospitals NHS Trust (the Trust)"
    assert lead.addressee == TRUST
    assert lead.lead_in_id is None and lead.number is None


def test_list_items_inherit_the_lead_in(council):
    _, asks = council
    lead = one(asks, "We urge the Trust")
    items = [one(asks, "Publish weekly figures"), one(asks, "Appoint a discharge lead"), one(asks, "Work with care homes")]
    assert [i.number for i in items] == ["1", "2", "3"]
    for item in items:
        assert item.type == lead.type == RECOMMENDATION
        assert item.rule.startswith("list_")
        assert item.holder == lead.holder == COUNCIL
        assert item.addressee == lead.addressee == TRUST
        assert item.lead_in_id == lead.id


def test_explicit_subject_uses_the_defined_acronym(council):
    _, asks = council
    a = one(asks, "The ICB should fund")
    assert (a.type, a.rule) == (RECOMMENDATION, "modal_should")
    assert a.addressee == ICB


def test_labelled_recommendation_keeps_its_number(council):
    _, asks = council
    a = one(asks, "Recommendation two:")
    assert (a.type, a.rule) == (RECOMMENDATION, "labelled_recommendation")
    assert a.number == "2"
    assert a.lead_in_id is None


def test_unattributed_recommendation_goes_to_the_most_recent_agent(council):
    _, asks = council
    assert one(asks, "Recommendation two:").addressee == ICB


def test_you_and_response_requests_go_to_the_document_addressee(council):
    _, asks = council
    invite = one(asks, "We invite you")
    assert (invite.type, invite.rule) == (REQUEST, "invitation")
    assert invite.addressee == ICB
    reply = one(asks, "We would appreciate a response")
    assert (reply.type, reply.rule) == (REQUEST, "response_request")
    assert reply.addressee == ICB


def test_same_document_same_asks():
    _, first = analysed(COUNCIL_LETTER)
    _, second = analysed(COUNCIL_LETTER)
    assert [(a.id, a.start, a.end, a.type, a.holder, a.addressee, a.lead_in_id) for a in first] == \
           [(a.id, a.start, a.end, a.type, a.holder, a.addressee, a.lead_in_id) for a in second]


# ------------------------------------------------------------------ a residents' letter: bare lead-ins of several kinds

RESIDENTS_LETTER = """Hillside Residents' Association
3 Orchard Close
Westbury WB4 1AA

Cllr Daniel Price
Leader of the Council
Westbury Borough Council
Town Hall
Westbury WB1 1TH

6 February 2024

Dear Councillor Price,

Hillside Library and the number 7 bus

Westbury Hospitals NHS Trust (the Trust) plans to move outpatient clinics to the Hillside health centre in 2025. The Council will close Hillside Library on 1 June. Around 2,300 residents used the library last year.

The Trust should provide a shuttle bus from the railway station for outpatients.

Our survey also found the following:

1. 62% of residents use the number 7 bus at least once a week.
2. Most users are over 65.

We ask the Council to:

1. Keep the library open until a community group can take it on.
2. Restore the Sunday service on the number 7 bus.

In return, our members will:

a) Run a volunteer rota for the library on Saturdays.
b) Publish a quarterly newsletter on local services.

We invite every candidate in the May elections to sign our pledge:

- Protect every branch library in the borough.
- Keep bus fares for under-18s at £1.

Yours sincerely,

Margaret Owusu
Secretary, Hillside Residents' Association
"""

RESIDENTS = "Hillside Residents' Association"
BOROUGH = "Westbury Borough Council"


@pytest.fixture(scope="module")
def residents():
    return analysed(RESIDENTS_LETTER)


def test_residents_letter_premises(residents):
    doc, asks = residents
    assert doc.author_org == RESIDENTS
    assert doc.addressees == [BOROUGH]
    assert all(a.holder == RESIDENTS for a in asks)


def test_explicit_subject_resolves_to_the_defined_name(residents):
    _, asks = residents
    a = one(asks, "The Trust should provide a shuttle bus")
    assert a.type == RECOMMENDATION
    # not the letter's addressee: the body the sentence names, by the full name the letter defines
    assert a.addressee == "Westbury Hospitals NHS Trust"


def test_request_lead_in_frames_numbered_items(residents):
    _, asks = residents
    items = [one(asks, "Keep the library open"), one(asks, "Restore the Sunday service")]
    assert [i.number for i in items] == ["1", "2"]
    for i in items:
        assert i.type == REQUEST
        assert i.addressee == BOROUGH  # "the Council" of the lead-in, by its full name
    # "We ask the Council to:" asks in its own right: the items point to it
    lead = one(asks, "We ask the Council to")
    assert lead.type == REQUEST and all(i.lead_in_id == lead.id for i in items)


def test_commitment_lead_in_frames_lettered_items(residents):
    _, asks = residents
    items = [one(asks, "Run a volunteer rota"), one(asks, "Publish a quarterly newsletter")]
    assert [i.number for i in items] == ["a", "b"]
    assert all(i.type == COMMITMENT for i in items)
    assert all(i.lead_in_id is None for i in items)


def test_pledge_lead_in_frames_bulleted_items(residents):
    _, asks = residents
    items = [one(asks, "Protect every branch library"), one(asks, "Keep bus fares for under-18s")]
    assert all(i.type == PLEDGE for i in items)
    assert all(i.number is None for i in items)  # a bullet is not a number


def test_someone_elses_plan_is_not_the_holders_commitment(residents):
    _, asks = residents
    assert none_containing(asks, "The Council will close Hillside Library")


def test_statistics_under_a_lead_in_are_not_asks(residents):
    _, asks = residents
    assert none_containing(asks, "62% of residents")
    assert none_containing(asks, "Most users are over 65")


# ------------------------------------------------------------------ a committee transcript

TRANSCRIPT = """Oral evidence: winter pressures in Northshire
12 October 2023

Cllr Ruth Bell (Chair, Health Scrutiny Committee): Good morning and welcome. We have heard a great deal about ambulance handover delays this year. Will you publish the winter plan before the end of October?

Dr Samuel Okafor (Chief Executive, Westbury Hospitals NHS Trust): Yes. We will publish it on our website by 20 October, together with the staffing figures.

Cllr Ruth Bell (Chair, Health Scrutiny Committee): Thank you. How many escalation beds will be open in December?

Dr Samuel Okafor (Chief Executive, Westbury Hospitals NHS Trust): Twenty-four, across the two main sites. The numbers were agreed with the ambulance service in September.

Cllr Tom Reid (Member, Health Scrutiny Committee): Will you reopen the minor injuries unit at Hillside this winter?

Dr Samuel Okafor (Chief Executive, Westbury Hospitals NHS Trust): No. The unit does not have enough nurses to open safely at night.

Cllr Tom Reid (Member, Health Scrutiny Committee): Would you agree to meet local carers' groups before the plan is finalised?

Dr Samuel Okafor (Chief Executive, Westbury Hospitals NHS Trust): Of course, and I can certainly arrange that through our patient experience team.
"""

COMMITTEE = "Health Scrutiny Committee"


@pytest.fixture(scope="module")
def transcript():
    return analysed(TRANSCRIPT, "evidence.txt")


def test_transcript_premises(transcript):
    doc, _ = transcript
    assert doc.kind == "transcript"
    assert [t.speaker for t in doc.turns][:2] == ["Cllr Ruth Bell", "Dr Samuel Okafor"]
    assert doc.turns[1].organisation == TRUST


def test_transcript_asks_in_order(transcript):
    _, asks = transcript
    assert [(a.text[:25], a.type) for a in asks] == [
        ("Will you publish the wint", REQUEST),
        ("Yes.", COMMITMENT),
        ("We will publish it on our", COMMITMENT),
        ("Will you reopen the minor", REQUEST),
        ("Would you agree to meet l", REQUEST),
        ("Of course, and I can cert", COMMITMENT),
    ]
    # greetings, thanks, a question for facts, its factual answer and a refusal are not asks
    for fragment in ("Good morning", "Thank you", "How many escalation beds", "Twenty-four", "No.", "enough nurses"):
        assert none_containing(asks, fragment)
    # the speaker's label is never part of the quote
    assert not any("Cllr" in a.text or "Dr Samuel" in a.text or "):" in a.text for a in asks)


def test_question_is_a_request_from_the_questioner_to_the_witness(transcript):
    _, asks = transcript
    q = one(asks, "Will you publish the winter plan")
    assert (q.type, q.rule) == (REQUEST, "question_request")
    assert q.holder == COMMITTEE and q.holder_kind == "speaker"
    assert q.speaker.startswith("Cllr Ruth Bell")
    assert q.addressee == TRUST
    other = one(asks, "Would you agree to meet")
    assert other.speaker.startswith("Cllr Tom Reid") and other.addressee == TRUST


def test_yes_in_answer_is_the_witness_commitment(transcript):
    _, asks = transcript
    yes = [a for a in asks if a.text == "Yes."]
    assert len(yes) == 1
    assert (yes[0].type, yes[0].rule) == (COMMITMENT, "affirmation")
    assert yes[0].holder == TRUST and yes[0].holder_kind == "speaker"
    assert yes[0].speaker.startswith("Dr Samuel Okafor")
    follow = one(asks, "We will publish it on our website")
    assert follow.type == COMMITMENT and follow.holder == TRUST
    offer = one(asks, "I can certainly arrange")
    assert offer.type == COMMITMENT and offer.holder == TRUST


# ------------------------------------------------------------------ a reply that declines recommendations

REPLY_LETTER = """Department for Transport
Great Minster House
London SW1P 4DR

Cllr Ruth Bell
Chair, Transport Scrutiny Committee
Northshire County Council
County Hall
Northtown NS1 4AB

2 May 2024

Dear Councillor Bell,

Rural bus services in Northshire

Thank you for your letter of 14 March and for the Committee's report on rural bus services. I have considered each of its recommendations carefully.

The Committee recommended that the Department should ring-fence the Bus Service Improvement Plan grant. We do not accept this recommendation. The Department does not agree that ring-fencing is the right approach, because councils are best placed to judge local priorities.

We are not minded to reintroduce the rural bus challenge fund. The Government rejects the proposal for a national fares cap on demand-responsive services.

However, we will review the guidance on concessionary fares for young carers by the end of 2024. Officials are currently analysing responses to last year's consultation.

Yours sincerely,

Rt Hon Sarah Lowe MP
Minister of State, Department for Transport
"""


def test_refusals_are_not_asks_but_the_reply_commitments_are():
    doc, asks = analysed(REPLY_LETTER, "reply.txt")
    assert doc.author_org == "Department for Transport"
    assert [a.text for a in asks] == [
        "However, we will review the guidance on concessionary fares for young carers by the end of 2024.",
        "Officials are currently analysing responses to last year's consultation.",
    ]
    assert all(a.type == COMMITMENT and a.holder == "Department for Transport" for a in asks)
    for fragment in ("Thank you", "recommended that the Department should", "do not accept", "does not agree",
                     "not minded", "rejects"):
        assert none_containing(asks, fragment)


# ------------------------------------------------------------------ footnotes

FOOTNOTE_LETTER = """Westbury Schools Forum
Westbury Education Centre, Park Road
Westbury WB3 2JK

Mr Alan Hughes
Director of Children's Services
Westbury Borough Council
Town Hall
Westbury WB1 1TH

20 November 2023

Dear Mr Hughes,

Home to school transport

Spending on home to school transport rose to £9.8m last year.¹ Some 1,400 pupils with special educational needs rely on it.[2]

¹ Westbury Borough Council, Budget Monitoring Report (2023). Councils should review transport contracts every three years.
[2] Department for Education guidance says that local authorities must publish their transport policy by 31 May.

We recommend that the Council retenders the minibus contracts before September 2024.

Yours sincerely,

Helen Carter
Chair, Westbury Schools Forum
"""


def test_footnotes_are_not_asks():
    doc, asks = analysed(FOOTNOTE_LETTER, "forum.txt")
    footnotes = [b for b in doc.blocks if b.kind == FOOTNOTE]
    assert len(footnotes) == 2
    # the footnotes' sentences would be asks as prose: it is their being footnotes that keeps them out
    assert classify("Councils should review transport contracts every three years.") is not None
    assert classify("Department for Education guidance says that local authorities must publish their "
                    "transport policy by 31 May.") is not None
    assert not any(b.start <= a.start < b.end for a in asks for b in footnotes)
    assert len(asks) == 1
    a = asks[0]
    assert a.text == "We recommend that the Council retenders the minibus contracts before September 2024."
    assert (a.type, a.holder, a.addressee) == (RECOMMENDATION, "Westbury Schools Forum", BOROUGH)


# ------------------------------------------------------------------ quoted evidence

QUOTED_LETTER = """Northshire Carers' Network
14 Mill Lane
Northtown NS2 5EF

Ms Priya Shah
Director of Adult Social Care
Northshire County Council
County Hall
Northtown NS1 4AB

9 January 2024

Dear Ms Shah,

What carers told us about respite care

We held six listening events in December. Carers described long waits for assessments and a shortage of respite breaks.

“I waited eleven months for an assessment. The council should have a named worker for every carer.”

"Nobody tells you anything. They must give carers a single phone number to call."

One carer told us that the day centre closure had left her isolated. As another carer put it, “the council must reopen the Hillside day centre before winter”.

We urge you to double the number of respite breaks available this summer.

Yours sincerely,

Joan Fielding
Chief Executive, Northshire Carers' Network
"""


@pytest.fixture(scope="module")
def quoted():
    return analysed(QUOTED_LETTER, "carers.txt")


def test_quoted_evidence_paragraphs_are_not_asks(quoted):
    _, asks = quoted
    assert none_containing(asks, "named worker for every carer")
    assert none_containing(asks, "single phone number")
    assert none_containing(asks, "One carer told us")


def test_the_authors_own_ask_after_quoted_evidence(quoted):
    _, asks = quoted
    a = one(asks, "We urge you to double")
    assert (a.type, a.rule) == (RECOMMENDATION, "urge")
    assert a.holder == "Northshire Carers' Network"
    assert a.addressee == COUNCIL  # "you" → the letter's addressee


def test_inline_quotation_is_not_an_ask(quoted):
    _, asks = quoted
    assert none_containing(asks, "must reopen the Hillside day centre")


# ------------------------------------------------------------------ documents without asks

BRIEFING = """Northshire Water Quality Briefing

Summer 2023

Northshire has 214 storm overflows. In 2023 they spilled for a total of 18,400 hours, down from 21,000 hours in 2022.

Bathing water at Westbury Sands was rated "good" for the third year running. The Environment Agency sampled it 20 times between May and September.

The Council thanked the volunteers who cleared 3 tonnes of litter from the beach in July. How many samples failed? Two samples failed, both after heavy rain.
"""


@pytest.mark.parametrize("text, source", [
    (BRIEFING, "briefing.txt"),
    ("Agenda\n", "agenda.txt"),
    ("\n\n   Minutes to follow.  \n\n", "minutes.md"),
    ("Yours sincerely,\n\nJoan Fielding\n", "fragment.txt"),
], ids=["briefing", "one-word", "blank-lines", "signature-only"])
def test_documents_without_asks(text, source):
    _, asks = analysed(text, source)
    assert asks == []


REPORTED = """Northshire Carers' Forum
4 Mill Street
Wexley WX1 1AA

2 May 2025

Dear Director,

In 2023 the Care Quality Commission (CQC) and the Local Government Association (LGA) published their joint review of respite care. Recommendation three of that review was for councils to guarantee every unpaid carer a break of at least two weeks a year. We strongly support that recommendation.

We urge the council to publish its respite waiting list every quarter.

Yours sincerely,

Ann Bright
Chair, Northshire Carers' Forum
"""


def test_a_cited_recommendation_is_held_by_the_body_that_made_it():
    doc = read_bytes(REPORTED.encode(), "carers.txt")[0]
    asks = analyse(doc, Registry.builtin())
    cited = one(asks, "Recommendation three of that review")
    assert cited.holder_kind == "reported" and cited.number == "3"
    assert cited.holder == "CQC and LGA"
    assert cited.addressee and "councils" in cited.addressee.lower()
    own = one(asks, "We urge the council")
    assert own.holder_kind == "author" and own.holder == "Northshire Carers' Forum"
    for a in asks:
        assert doc.text[a.start:a.end] == a.text


def test_a_consultation_question_is_not_the_respondents_ask():
    """The question heading of a consultation export ('… Please explain your answer.') is the
    consultation's own words: only what the respondent wrote gives asks."""
    export = ("Response ID,Organisation,Q1. Do you agree with the proposal to close Millbrook library on Saturdays? "
              "Please explain your answer.\n"
              "R1,Friends of Millbrook Library,We strongly disagree. The council should keep the library open on Saturdays.\n"
              "R2,Millbrook Parents Group,No. Please reconsider the closure and talk to parents first.\n").encode()
    docs = read_bytes(export, "library_consultation.csv")
    registry = Registry.builtin()
    texts = {d.source: [a.text for a in analyse(d, registry)] for d in docs}
    assert texts == {"library_consultation.csv#R1": ["The council should keep the library open on Saturdays."],
                     "library_consultation.csv#R2": ["Please reconsider the closure and talk to parents first."]}


def test_a_passive_subject_is_not_the_body_asked_to_act():
    """'Member States should be permitted to …': the States are what the change is done to; the body asked
    to make it is the one the letter is addressed to. An active subject ('Councils should …') is asked itself."""
    text = """Dear Commissioner,

Coastal Councils should be permitted to pool their harbour income across two seasons.
Harbour authorities should publish their landing fees each January.

Yours sincerely,
Ana Lopes
Director, Atlantic Inshore Fishers Association
"""
    doc = read_bytes(text.encode(), "letter.txt")[0]
    asks = {a.text.split()[0]: a for a in analyse(doc, Registry.builtin())}
    assert asks["Coastal"].addressee != "Coastal Councils"
    assert asks["Harbour"].addressee == "Harbour authorities"
