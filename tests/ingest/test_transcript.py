"""Speaker turns and question headers in transcripts of several formats."""
from ingest import transcript
from ingest.reader import read_bytes
from ingest.records import Document

SELECT_COMMITTEE_HEARING = """Health and Social Care Committee
Oral evidence: Maternity services, HC 1234
Tuesday 14 March 2023

Witnesses: Dr Amara Okafor and Professor Tom Reid.

Q12 Chair: Good morning and welcome. Could you start by telling us what the main pressures on maternity units are at the moment?

Dr Amara Okafor (Chief Executive, Northfield Hospitals NHS Trust): Thank you. The biggest pressure is the shortage of experienced midwives, which affects every unit in the region.

Q13 Chair: What would you ask the Government to do first?

Professor Tom Reid (Director of Midwifery at the Royal College of Midwives): We would ask for a funded retention scheme for midwives in their first five years of practice.

Q14 Paul Bristow MP: The trust's own figures show rising vacancies. Do you agree?

Dr Amara Okafor (Chief Executive, Northfield Hospitals NHS Trust): Yes, I agree with that.
"""

CAPITALS_AND_WITNESS = """Public Accounts Committee
Meeting held on 7 November 2022

THE CHAIR: Good morning, everyone. We are here to look at the new hospitals programme and whether it will deliver on time.

Witness (Ms Brown): Thank you, Chair. The programme has been delayed by two years because of changes to the design standards.

Note: the witness later supplied figures.

THE CHAIR: Will you publish the revised timetable before the summer recess?

Witness (Ms Brown): Yes, we will publish it in June.
"""

WITNESS_LIST = """Oral evidence session: Flood resilience
Witnesses: Sarah Lee, Director of Operations, Environment Agency; and Mark Evans, Chief Executive, Riverside Water plc

Chair: Welcome to you both. Can I start by asking what lessons were learned from last winter's floods?

Sarah Lee: We learned that our warning systems reached too few households in rural areas and we must fix that.

Mark Evans, Chief Executive, Riverside Water plc: We agree, and we are investing in more storm overflow monitoring across the catchment.

Chair: Thank you both.
"""

QUESTION_HEADER = """Bus fares for young people

Council Question Time on 2023-02-09
Question By:
Cllr Maria Lopez
Green Group
Asked Of:
The Leader

Answered By:
The Leader

Cllr Tom Hughes (Leader of Eastvale Council):  Thank you for the question. We will freeze fares for under-18s for the whole of next year and review the scheme in the autumn.

Cllr Maria Lopez:  Will the Leader also extend the freeze to care leavers up to the age of twenty-five?

Cllr Tom Hughes (Leader of Eastvale Council):  Yes, I will ask officers to cost that option.
"""

Q_AND_A = """Interview with the head teacher, 4 July 2023

Q: What support do pupils need most after the pandemic, in your experience as a head teacher?
A: Speech and language support, above all. Many of our youngest children are months behind.
Q: What should the local authority do?
A: Fund more speech therapists and share them across schools in the area.
"""

NOT_A_TRANSCRIPT = """Dear Director,

Note: this letter replaces our letter of last week and sets out our position in full.
Subject: Home care fees
Recommendation 1: The council should raise the hourly rate paid to home care providers this year.
At 10:30 on Monday we met the providers.
In addition, the chair of the provider forum said: we cannot keep going at current rates at all.

Yours sincerely,

Ann Lee
Chair: Anytown Care Providers Forum
"""


def read(text: str) -> Document:
    return read_bytes(text.encode("utf-8"), "transcript.txt")[0]


def said(doc: Document, turn) -> str:
    return doc.text[turn.start:turn.end]


def test_select_committee_labels_with_question_numbers_and_witness_roles():
    doc = read(SELECT_COMMITTEE_HEARING)
    assert doc.kind == "transcript"
    assert doc.date == "2023-03-14"
    assert [t.speaker for t in doc.turns] == ["Chair", "Dr Amara Okafor", "Chair", "Professor Tom Reid",
                                            "Paul Bristow MP", "Dr Amara Okafor"]
    okafor = doc.turns[1]
    assert okafor.role == "Chief Executive, Northfield Hospitals NHS Trust"
    assert okafor.organisation == "Northfield Hospitals NHS Trust"
    assert said(doc, okafor).startswith("Thank you. The biggest pressure")
    assert said(doc, okafor).endswith("every unit in the region.")
    assert doc.turns[3].organisation == "Royal College of Midwives"
    assert doc.turns[4].role is None
    assert doc.text[doc.turns[0].label_start:].startswith("Q12 Chair:")


def test_capitals_role_only_labels_and_notes_end_a_turn():
    doc = read(CAPITALS_AND_WITNESS)
    assert doc.kind == "transcript"
    assert doc.date == "2022-11-07"
    assert [(t.speaker, t.role) for t in doc.turns] == [("THE CHAIR", None), ("Ms Brown", "Witness"),
                                                      ("THE CHAIR", None), ("Ms Brown", "Witness")]
    assert said(doc, doc.turns[1]).endswith("design standards.")  # the editorial note is not speech


def test_witness_list_and_comma_labels_give_roles():
    doc = read(WITNESS_LIST)
    assert doc.kind == "transcript"
    lee, evans = doc.turns[1], doc.turns[2]
    assert (lee.speaker, lee.role, lee.organisation) == ("Sarah Lee", "Director of Operations, Environment Agency",
                                                         "Environment Agency")
    assert (evans.speaker, evans.organisation) == ("Mark Evans", "Riverside Water plc")
    assert doc.turns[0].speaker == "Chair" and doc.turns[0].role is None


def test_question_header_structure():
    doc = read(QUESTION_HEADER)
    assert doc.kind == "transcript"
    assert doc.date == "2023-02-09"
    assert doc.metadata["question_by"] == "Cllr Maria Lopez"
    assert doc.metadata["question_by_organisation"] == "Green Group"
    assert doc.metadata["asked_of"] == "The Leader"
    assert doc.metadata["answered_by"] == "The Leader"
    # "The Leader" resolved to the fuller title the document itself gives
    assert doc.addressees == ["Leader of Eastvale Council"]
    assert [t.speaker for t in doc.turns] == ["Cllr Tom Hughes", "Cllr Maria Lopez", "Cllr Tom Hughes"]
    assert doc.turns[0].organisation == "Eastvale Council"
    assert doc.turns[1].organisation == "Green Group"  # the questioner's group from the header
    assert doc.author_org is None


def test_question_and_answer_labels():
    doc = read(Q_AND_A)
    assert doc.kind == "transcript"
    assert [t.speaker for t in doc.turns] == ["Q", "A", "Q", "A"]
    assert said(doc, doc.turns[3]) == "Fund more speech therapists and share them across schools in the area."


def test_fields_times_and_sentences_are_not_speakers():
    doc = read(NOT_A_TRANSCRIPT)
    assert doc.kind == "letter"
    assert doc.turns == []
    assert transcript.find_turns(NOT_A_TRANSCRIPT) == [] or not transcript.is_transcript(
        NOT_A_TRANSCRIPT, transcript.find_turns(NOT_A_TRANSCRIPT))


def test_a_single_label_is_not_a_transcript():
    text = "Jane Smith (Chief Executive, Anytown Trust): We welcome the plan and ask for more funding for it."
    turns = transcript.find_turns(text)
    assert len(turns) == 1 and not transcript.is_transcript(text, turns)


def test_resolve_office():
    turns = transcript.find_turns("A (Mayor of Northtown): Hello there.\nB: Hi.")
    assert transcript.resolve_office("The Mayor", turns) == "Mayor of Northtown"
    assert transcript.resolve_office("The Minister", turns) == "Minister"


def test_role_and_org_after_at():
    assert transcript.role_and_org("Head of Safeguarding at the Met") == ("Head of Safeguarding at the Met", "the Met")
    assert transcript.role_and_org("Chair") == ("Chair", None)


NUMBERED_SPEAKERS = """Focus group transcript – housing repairs – 02/03/2022

Speaker 1: I reported the mould three times and nobody came out to look at it for months.
Speaker 2: Same here. The landlord should have a proper tracking system for repairs.
Speaker 1: And they should tell us when someone is coming.
"""


def test_numbered_speakers():
    doc = read(NUMBERED_SPEAKERS)
    assert doc.kind == "transcript"
    assert doc.date == "2022-03-02"
    assert [t.speaker for t in doc.turns] == ["Speaker 1", "Speaker 2", "Speaker 1"]


INLINE_HEADINGS = """Response of the Eastvale Ramblers to the rights of way consultation

Footpath Maintenance: The council should clear overgrown paths within four weeks of a report from the public.
Council Response: We have no comment on this section of the plan at this stage of the process.
Signage Standards: Fingerposts should be replaced with the same materials and kept in good repair.
"""

TIMESTAMPED = """[00:00:05] Interviewer: Thank you for joining us. What is the biggest problem facing carers in the town?
[00:00:12] Jo Brown: Respite. Carers get no break at all and the council's respite budget has been cut twice.
[00:01:02] Interviewer: What would you ask the council to do?
[00:01:09] Jo Brown: Restore the respite grant and publish the waiting list every quarter.
"""


def test_inline_headings_are_not_a_transcript():
    doc = read(INLINE_HEADINGS)
    assert doc.kind == "submission"
    assert doc.turns == []


def test_timestamped_labels():
    doc = read(TIMESTAMPED)
    assert doc.kind == "transcript"
    assert [t.speaker for t in doc.turns] == ["Interviewer", "Jo Brown", "Interviewer", "Jo Brown"]
    assert doc.text[doc.turns[1].label_start:].startswith("[00:00:12] Jo Brown:")
