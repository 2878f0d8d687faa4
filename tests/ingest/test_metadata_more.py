"""More document layouts: "From the X Coalition" headers, form fields, signatures without a closing,
one-line and portfolio recipients, transcript headers, bylines and all-capitals names.

Every document here is invented for the test."""
import json

from ingest import linekinds, parties
from ingest.dates import find_date
from ingest.reader import read_bytes
from ingest.records import Document


def read(text: str, name: str = "doc.txt") -> Document:
    return read_bytes(text.encode("utf-8"), name)[0]


# ---------------------------------------------------------------- 1. the group a letter is from

FROM_THE_COALITION = """OPEN LETTER ON FREE SCHOOL MEALS

From the Eastvale School Food Coalition

Cllr Sam Rivers
Eastvale Council

12 May 2024

Dear Cllr Rivers,

We write to ask the Council to extend free school meals to every child in a family receiving Universal Credit from September.

Yours sincerely,

Signed by:
Maya Collins, Chair, Eastvale Parents Forum
Dr Ian Fraser, Director of Public Health, Eastvale Health Partnership
Rosa Lind, Coordinator, Eastvale Food Bank
"""

FROM_FIELD_AND_TO_LINE = """From: Westbrook Library Users Alliance

To: Councillor Dana Shaw, Leader of Westbrook Borough Council
Cc: Head of Libraries, Westbrook Borough Council

3 February 2025

Dear Councillor Shaw,

We ask the Council to keep the mobile library running in the rural wards for another three years.

Yours faithfully,

Signed by:
Ann Hale, Chair, Westbrook Readers Group
Tom Quinn, Secretary, Westbrook Home Educators Network
"""


def test_from_the_coalition_line_names_the_author_org_not_the_first_signer():
    doc = read(FROM_THE_COALITION)
    assert doc.kind == "letter"
    assert doc.author_org == "Eastvale School Food Coalition"
    assert doc.signatories == ["Eastvale Parents Forum", "Eastvale Health Partnership", "Eastvale Food Bank"]
    assert doc.addressees == ["Eastvale Council"]  # the "From" line is not the recipient's block


def test_from_field_names_the_author_org_and_to_line_the_addressee():
    doc = read(FROM_FIELD_AND_TO_LINE)
    assert doc.author_org == "Westbrook Library Users Alliance"
    assert doc.signatories == ["Westbrook Readers Group", "Westbrook Home Educators Network"]
    # "To: Name, Leader of X Council" is read like an address block
    assert doc.addressees == ["Westbrook Borough Council"]
    assert doc.metadata["addressee_person"] == "Councillor Dana Shaw"


# ---------------------------------------------------------------- 2. form fields

SUBMITTED_BY_WITH_ADDRESS = """Response to the consultation on community hospital beds

Submitted by: Northshire Patients Forum, 12 High Street, Northtown NT1 2CD
Submitted to: Northshire Integrated Care Board (the Board), Engagement Team, Civic House, Northtown NT1 1AA
Date: 4 June 2024

1. Summary

The Forum asks the Board to keep the twelve community beds at Northtown Cottage Hospital open until a new step-down service is running.
"""

SUBMITTED_BY_MARKDOWN = """# Response to the bus network review

**Submitted by:** Riverside Tenants Alliance (RTA)

**Submitted to:** Riverside Combined Authority

The Alliance asks the Authority to restore the evening service on route 7 to the hospital.
"""


def test_submitted_by_and_to_fields_stop_at_the_address():
    doc = read(SUBMITTED_BY_WITH_ADDRESS)
    assert doc.kind == "submission"
    assert doc.author_org == "Northshire Patients Forum"
    assert doc.addressees == ["Northshire Integrated Care Board"]
    assert doc.date == "2024-06-04"


def test_markdown_fields_and_a_bracketed_acronym():
    doc = read(SUBMITTED_BY_MARKDOWN, "review.md")
    assert "**" not in doc.text
    assert doc.author_org == "Riverside Tenants Alliance"
    assert doc.addressees == ["Riverside Combined Authority"]


def test_field_org():
    assert parties.field_org("Anytown Cycle Forum, 4 Mill Lane, Anytown AN2 3EF") == (None, "Anytown Cycle Forum")
    assert parties.field_org("Culture, Arts and Heritage Network, 5 Mill Road") == (
        None, "Culture, Arts and Heritage Network")
    assert parties.field_org("Jo Bloggs, Chair, Anytown Parks Trust") == ("Jo Bloggs", "Anytown Parks Trust")
    assert parties.field_org("Jo Bloggs") == ("Jo Bloggs", None)  # an individual


# ---------------------------------------------------------------- 3. signatures

ONE_LINE_SIGNATURE = """Keeping rural libraries open

Village libraries are the only public indoor space in many of our communities. We ask the County Council to keep every branch open at least three days a week and to publish the results of its usage survey before any decision is made.

Jane Doe, Chief Executive, Westmoor Reading Charity
"""

ROLE_LINE_WITHOUT_ORG_WORD = """From: Tom Blake <tom@example.org>
To: Ms Ella Harper <ella@example.org>
Subject: Respite breaks for young carers
Date: Tue, 4 Mar 2025 09:12:00 +0000
Content-Type: text/plain; charset="utf-8"

Dear Ms Harper,

Thank you for meeting our young carers last week. We ask the Board to fund respite breaks for young carers in every district from April.

Best wishes

Tom Blake
Chief Executive, Carers First Hillside
"""


def test_one_line_signature_without_a_closing():
    doc = read(ONE_LINE_SIGNATURE)
    assert doc.author == "Jane Doe"
    assert doc.author_org == "Westmoor Reading Charity"


def test_email_role_line_names_an_organisation_without_an_organisation_word():
    doc = read(ROLE_LINE_WITHOUT_ORG_WORD, "carers.eml")
    assert doc.metadata["author_role"] == "Chief Executive, Carers First Hillside"
    assert doc.author_org == "Carers First Hillside"


def test_role_line_org():
    assert parties.role_line_org("Chief Executive, Warm Streets Now") == "Warm Streets Now"
    assert parties.role_line_org("Director, Public Affairs") is None  # a department
    assert parties.role_line_org("Head of Policy, Northtown") is None  # a place
    assert parties.role_line_org("Chief Executive") is None


# ---------------------------------------------------------------- 4. one-line recipient

ONE_LINE_RECIPIENT_RUN_TOGETHER = """Mill Brook Anglers Association
4 Mill Lane, Northvale NV2 3EF
Lena Marsh, Chief Executive, Northvale Water Limited, 1 Court Road, Northvale NV1 2CD
9 October 2024
Dear Ms Marsh,
Our members ask Northvale Water to publish monthly data on storm overflow spills at the Mill Brook outfall.

Yours sincerely,

Peter Owen
Secretary
"""


def test_one_line_recipient_in_a_head_without_blank_lines():
    doc = read(ONE_LINE_RECIPIENT_RUN_TOGETHER)
    assert doc.addressees == ["Northvale Water Limited"]
    assert doc.metadata["addressee_person"] == "Lena Marsh"
    assert doc.metadata["addressee_role"] == "Chief Executive, Northvale Water Limited"  # the address dropped
    assert doc.author_org == "Mill Brook Anglers Association"
    assert doc.date == "2024-10-09"


# ---------------------------------------------------------------- 5. recipients with a portfolio

CABINET_MEMBER = """Councillor Jo Bloggs
Cabinet Member for Adult Social Care
Anytown City Council
Town Hall
Anytown AN1 1AA

2 April 2024

Dear Councillor Bloggs,

We ask the Council to raise the hourly rate paid for home care visits in line with the real living wage.

Yours sincerely,

Priya Nair
Director, Anytown Home Care Providers Association
"""

COMMITTEE_CHAIR = """Jo Bloggs MP
Chair, Transport Committee
House of Commons
London SW1A 0AA

2 April 2024

Dear Ms Bloggs,

We ask the Committee to look at the closure of rural railway ticket offices.

Yours sincerely,

Priya Nair
Director, Rural Rail Users Network
"""

MINISTER_IN_A_DEPARTMENT = """Rt Hon Sam Kerr MP
Minister for Schools
Department for Education
Sanctuary Buildings
London SW1P 3BT

2 April 2024

Dear Minister,

We ask the Department to fund school-based counsellors in every secondary school.

Yours sincerely,

Priya Nair
Director, Northshire Schools Wellbeing Network
"""


def test_cabinet_member_is_addressed_rather_than_the_council():
    doc = read(CABINET_MEMBER)
    assert doc.addressees == ["Cabinet Member for Adult Social Care"]
    assert doc.metadata["addressee_organisation"] == "Anytown City Council"
    assert doc.metadata["addressee_person"] == "Councillor Jo Bloggs"


def test_committee_chair_is_addressed_as_the_committee():
    doc = read(COMMITTEE_CHAIR)
    assert doc.addressees == ["Transport Committee"]
    assert doc.metadata["addressee_organisation"] == "House of Commons"
    assert doc.metadata["addressee_role"] == "Chair, Transport Committee"


def test_minister_is_still_addressed_as_the_office():
    doc = read(MINISTER_IN_A_DEPARTMENT)
    assert doc.addressees == ["Minister for Schools"]
    assert doc.metadata["addressee_organisation"] == "Department for Education"


# ---------------------------------------------------------------- 6. transcripts and capitals

SCRUTINY_SESSION = """ANYTOWN COUNCIL
HOUSING AND REGENERATION SCRUTINY PANEL
Thursday 6 March 2025, 10.00am – 12.30pm, Council Chamber, Anytown Civic Centre

Evidence session: damp and mould in council homes

Cllr Ruth Adams (Chair): Good morning. Could the officers explain how many damp reports are still open?

Mark Ellis (Head of Housing Repairs, Anytown Council): There are 412 open reports, and we aim to inspect every one within ten working days.

Cllr Ruth Adams (Chair): Will you publish those figures every month?

Mark Ellis (Head of Housing Repairs, Anytown Council): Yes, from April we will publish them on the Council website.
"""

NHS_SESSION = """NORTHSHIRE NHS FOUNDATION TRUST
BOARD OF DIRECTORS
Wednesday 9 April 2025 at 2.00pm, Boardroom, Northtown General Hospital

Dr Lucy Grant (Chair): Welcome. The first item is the maternity staffing report from the Chief Nurse.

Owen Reece (Chief Nurse): Thank you. Midwife vacancies have fallen to six per cent, and we will close the gap by the autumn.

Dr Lucy Grant (Chair): Thank you. Please bring the next report to the June meeting.
"""

CAPITALS_LETTERHEAD = """NORTHSHIRE NHS FOUNDATION TRUST
Trust Headquarters, 4 Hospital Road
Northtown NT3 4AB

Dr Sam Patel
Director of Public Health
Northshire County Council

5 May 2024

Dear Dr Patel,

We ask the Council to fund a smoking cessation service in the maternity unit.

Yours sincerely,

Kate Owen
Chief Executive
"""


def test_transcript_body_and_session_date_from_a_capitals_header():
    doc = read(SCRUTINY_SESSION)
    assert doc.kind == "transcript"
    assert doc.author_org == "Anytown Council Housing and Regeneration Scrutiny Panel"
    assert doc.date == "2025-03-06"
    assert len(doc.turns) == 4


def test_transcript_header_keeps_acronyms():
    doc = read(NHS_SESSION)
    assert doc.kind == "transcript"
    assert doc.author_org == "Northshire NHS Foundation Trust Board of Directors"
    assert doc.date == "2025-04-09"


def test_a_capitals_event_title_is_not_the_body():
    text = SCRUTINY_SESSION.replace("ANYTOWN COUNCIL\nHOUSING AND REGENERATION SCRUTINY PANEL",
                                    "PUBLIC MEETING ON THE FUTURE OF THE HOUSING REPAIRS SERVICE")
    doc = read(text)
    assert doc.kind == "transcript"
    assert doc.author_org is None


def test_capitals_letterhead_in_title_case():
    doc = read(CAPITALS_LETTERHEAD)
    assert doc.author_org == "Northshire NHS Foundation Trust"
    assert doc.addressees == ["Northshire County Council"]


def test_session_date_lines():
    assert find_date("Tuesday 4 June 2024 at 6.30pm, Committee Room 2, Westbrook Town Hall").iso == "2024-06-04"
    assert find_date("12 May 2024, 19:00, St Mary's Church Hall, Eastvale").iso == "2024-05-12"
    # a sentence that starts with a date is not a session line
    assert find_date("On 4 June 2024 at 6.30pm the committee agreed to close the library early. Staff were told.") is None


def test_title_case():
    assert linekinds.title_case("ANYTOWN COUNCIL HOUSING AND REGENERATION SCRUTINY PANEL") == (
        "Anytown Council Housing and Regeneration Scrutiny Panel")
    assert linekinds.title_case("BBC CHILDREN IN NEED") == "BBC Children in Need"
    assert linekinds.title_case("AGE UK NORTHSHIRE") == "Age UK Northshire"
    assert linekinds.title_case("ST ANNE'S COMMUNITY LIBRARY") == "St Anne's Community Library"
    assert linekinds.title_case("RSPB") == "RSPB"  # a single word may be an acronym
    assert linekinds.title_case("Eastvale Rivers Trust") == "Eastvale Rivers Trust"
    assert linekinds.title_case("NCVO & WCVA") == "NCVO & WCVA"  # two bodies by their initials
    assert linekinds.title_case("FOOD AND FARMING FEDERATION") == "Food and Farming Federation"


def test_a_section_heading_is_not_a_person():
    assert not linekinds.looks_like_person("Key Recommendations")
    assert not linekinds.looks_like_person("Executive Summary")
    assert linekinds.looks_like_person("Ama Mensah")
    lines = linekinds.read_party_lines(["Key Recommendations", "Policy Officer"], signature=True)
    assert lines.person is None


# ---------------------------------------------------------------- 7. a title's organisation over a byline's team

COUNCIL_RESPONSE_PAGE = """<html><head><title>Westmoor Council's response to the Local Transport Plan consultation</title></head>
<body><main><h1>Westmoor Council's response to the Local Transport Plan consultation</h1>
<p>Published 3 March 2025 · Planning Policy Team</p>
<p>The Council supports the plan but asks the Combined Authority to fund a new bus link to the Westmoor hospital site by 2027.</p>
<p>We also ask for safer crossings near every primary school on the A59 corridor.</p>
</main></body></html>"""


def test_title_organisation_beats_a_byline_team():
    doc = read(COUNCIL_RESPONSE_PAGE, "response.html")
    assert doc.kind == "submission"
    assert doc.author_org == "Westmoor Council"
    assert doc.date == "2025-03-03"


# ---------------------------------------------------------------- open letters

OPEN_LETTER_WITH_QUOTED_VOICES = """OPEN LETTER TO THE SECRETARY OF STATE FOR HEALTH AND SOCIAL CARE

Dear Secretary of State,

We are 40 parents of disabled children in Westshire, and we ask you to fund short breaks properly.

Mrs Ada Lin (parent, Westtown): My son waited eighteen months for an overnight break, and our family nearly fell apart while we waited.

Dr Ken Obi (GP, Westtown): I see parents every week who are exhausted because no respite is available anywhere in the county.

Signed:
Westshire Parent Carers Forum
Westshire Disabled Children's Network
"""


def test_open_letter_with_speaker_like_quotes_stays_a_letter():
    doc = read(OPEN_LETTER_WITH_QUOTED_VOICES)
    assert doc.kind == "letter"
    assert doc.addressees == ["Secretary of State for Health and Social Care"]  # the title, in title case
    assert doc.signatories == ["Westshire Parent Carers Forum", "Westshire Disabled Children's Network"]


def test_values_are_strings():
    for text in (FROM_THE_COALITION, SUBMITTED_BY_WITH_ADDRESS, CABINET_MEMBER):
        doc = read(text)
        assert all(isinstance(v, str) for v in doc.metadata.values())
        json.dumps(doc.metadata)


def test_from_field_with_a_person_and_an_organisation():
    text = FROM_FIELD_AND_TO_LINE.replace("From: Westbrook Library Users Alliance",
                                          "From: Nadia Khan, Westbrook Library Users Alliance")
    doc = read(text)
    assert doc.author_org == "Westbrook Library Users Alliance"


def test_a_joint_letter_is_from_its_letterhead_group_not_its_first_signer():
    from ingest import read_bytes

    text = """Clean Rivers Partnership
c/o Upland Anglers Trust, 3 Mill Row, Kendal LA9 4AA

Secretary of State for the Environment
Department for Rivers and Coasts
London SW1A 2AA

5 June 2024

Dear Secretary of State,

We urge you to publish monthly figures on sewage spills for every river.

Yours sincerely,

Signed by:

Upland Anglers Trust - Jo Bright, Chair
Riverside Ramblers - Sam Cole, Director
"""
    doc = read_bytes(text.encode(), "rivers.txt")[0]
    assert doc.author_org == "Clean Rivers Partnership"
    assert "Riverside Ramblers" in " ".join(doc.signatories)
