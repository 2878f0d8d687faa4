"""Signatory lists of joint letters."""
import json

import pytest

from ingest.layout import blocks_from_text
from ingest.reader import read_bytes
from ingest.signatories import clean_item, find_signatories

SIGNED_BY_BULLETS = """Ms Grace Okoro
Chief Executive
Riverside Water plc
Riverside House
Wyreford WY1 1AA

21/06/2024

Dear Ms Okoro,

We, the undersigned organisations, urge Riverside Water to stop sewage discharges into the River Wyre and to publish real-time monitoring data for every outfall.

Yours sincerely,

Signed by:
• Friends of the River Wyre
• Northshire Wildlife Trust
• Clean Rivers Alliance (CRA)
• Dr Helen Ward, Chair, Wyre Anglers Association
"""

COALITION_MEMBERS = """Northshire Homelessness Coalition
c/o Northshire CVS, 4 Station Road, Northtown NT2 3CD
info@northshirecoalition.org.uk

Dr Sam Patel
Director of Public Health
Northshire County Council

29.01.2020

Dear Dr Patel,

We are writing on behalf of the Northshire Homelessness Coalition, a partnership of local organisations, to ask the Council to fund a winter shelter.

Yours sincerely,

Northshire Homelessness Coalition members:

- 1 Northtown Night Shelter
- 2 St Anne's Church Northtown
- 3 Shelter Northshire (SN)

- 4 Lead of the Northshire Housing Forum (Kim Bell, Housing Officer, Northtown Council)
- 5 Northshire Mind
"""

MULTI_SIGNER = """Dear Secretary of State,

We ask the Government to fund free school meals for all primary pupils in England from next September.

Yours sincerely,

Jane Smith
Chief Executive, Anytown Children's Trust

John Doe
Director of Education, Northshire County Council

cc: Minister for Schools
"""

BODY_LIST_OF_MEMBERS = """Dear Chair,

The panel has the following members:

- Jo Green
- Sam Brown

We ask the panel to meet monthly.

Yours sincerely,

Lee White
Secretary, Eastvale Residents Association
"""

SUPPORTED_BY_LINES = """Clean air for Eastvale schools

We call on Eastvale Council to introduce school streets outside every primary school by 2026.

Supported by the following organisations:

Eastvale Parents for Clean Air
Eastvale Asthma Network
Eastvale Cycling Trust
"""


def read(text: str):
    return read_bytes(text.encode("utf-8"), "joint.txt")[0]


def test_signed_by_bullets():
    doc = read(SIGNED_BY_BULLETS)
    assert doc.signatories == ["Friends of the River Wyre", "Northshire Wildlife Trust", "Clean Rivers Alliance (CRA)",
                               "Wyre Anglers Association"]
    assert json.loads(doc.metadata["signatory_acronyms"]) == {"CRA": "Clean Rivers Alliance"}
    assert json.loads(doc.metadata["signatory_details"]) == {
        "Wyre Anglers Association": "Dr Helen Ward, Chair, Wyre Anglers Association"}
    assert doc.addressees == ["Riverside Water plc"]
    assert doc.metadata["addressee_person"] == "Ms Grace Okoro"
    assert doc.date == "2024-06-21"


def test_members_lead_in_with_numbered_bullets_split_by_a_blank_line():
    doc = read(COALITION_MEMBERS)
    assert doc.author_org == "Northshire Homelessness Coalition"
    assert doc.signatories == ["Northtown Night Shelter", "St Anne's Church Northtown", "Shelter Northshire (SN)",
                               "Northshire Housing Forum", "Northshire Mind"]
    details = json.loads(doc.metadata["signatory_details"])
    assert details["Northshire Housing Forum"].startswith("Lead of the Northshire Housing Forum (Kim Bell")
    assert doc.metadata["signatories_group"] == "Northshire Homelessness Coalition"
    assert doc.metadata["care_of"] == "Northshire CVS"
    assert doc.addressees == ["Northshire County Council"]
    assert doc.date == "2020-01-29"


def test_several_signers_each_with_an_organisation():
    doc = read(MULTI_SIGNER)
    assert doc.signatories == ["Anytown Children's Trust", "Northshire County Council"]
    assert doc.author == "Jane Smith"
    assert doc.addressees == ["Secretary of State"]


def test_people_listed_in_the_body_are_not_signatories():
    doc = read(BODY_LIST_OF_MEMBERS)
    assert doc.signatories == []
    assert doc.author_org == "Eastvale Residents Association"


def test_supported_by_plain_lines():
    text = SUPPORTED_BY_LINES
    sig = find_signatories(text, blocks_from_text(text))
    assert sig.names == ["Eastvale Parents for Clean Air", "Eastvale Asthma Network", "Eastvale Cycling Trust"]


def test_clean_item():
    assert clean_item("12. Shelter Cymru;")[0] == "Shelter Cymru"
    assert clean_item("- 7 Every Child Matters (ECM UK)")[0] == "Every Child Matters (ECM UK)"
    assert clean_item("and Northtown Food Bank.")[0] == "Northtown Food Bank"
    name, detail, _ = clean_item("Chair of the Eastvale Carers Network (Pat Kay, Carers Lead, Eastvale Council)")
    assert name == "Eastvale Carers Network" and detail.startswith("Chair of the Eastvale Carers Network")
    assert clean_item("AFRO - Support for Families")[0] == "AFRO - Support for Families"


OPEN_LETTER = """An open letter to the Prime Minister

Dear Prime Minister,

We, the leaders of 40 environmental charities, call on you to restore the 2030 target.

Signed,

Jane Doe, Chief Executive, Green Earth Trust
Raj Patel, Director, Clean Air Network
Sue Brown, Chair, Northshire Wildlife Trust
"""


def test_open_letter_signed_by_people_for_their_organisations():
    doc = read(OPEN_LETTER)
    assert doc.addressees == ["Prime Minister"]
    assert doc.signatories == ["Green Earth Trust", "Clean Air Network", "Northshire Wildlife Trust"]
    assert json.loads(doc.metadata["signatory_details"])["Clean Air Network"] == "Raj Patel, Director, Clean Air Network"


ONE_SIGNER = """Tidewater Ferry Crews' Association
Pier 4, Harbour Road, Port Selkirk

Submission to the Maritime Safety Authority
Consultation on crewing levels for inland passenger ferries

3 March 2025

1. We oppose the proposal to cut the minimum crew on river ferries from three to two.

2. The Authority should publish the incident data behind the proposal before it decides.

Signed:

Síle Ní Bhriain
General Secretary
Tidewater Ferry Crews' Association
"""


def test_one_signers_name_title_and_organisation_are_not_a_list_of_signatories():
    doc = read_bytes(ONE_SIGNER.encode(), "ferries.txt")[0]
    assert doc.signatories == []  # not a joint letter: a person, her job title and her union
    assert doc.author_org == "Tidewater Ferry Crews' Association"
    assert doc.author == "Síle Ní Bhriain"
    # the title block's second line ("Consultation on …") is not part of the body addressed
    assert doc.addressees[:1] == ["Maritime Safety Authority"]


def test_two_organisations_under_signed_stay_signatories():
    text = ONE_SIGNER.replace("Síle Ní Bhriain\nGeneral Secretary\nTidewater Ferry Crews' Association\n",
                              "Tidewater Ferry Crews' Association\nEstuary Boatmen's Guild\n")
    doc = read_bytes(text.encode(), "ferries.txt")[0]
    assert doc.signatories == ["Tidewater Ferry Crews' Association", "Estuary Boatmen's Guild"]


JOINT_WITH_SIGNERS = """Lakeside, 4 May 2025

The Director
Inland Waterways Board

Dear Director,

We write as a group of boating and angling organisations about the proposed mooring fees.

We urge the Board to phase the new fees in over three years.

Yours sincerely,

Signed on behalf of the following organisations:

Lakeland Narrowboat Owners' Club (LNOC) - Peter Okafor Hale, Honorary Secretary
Federation of Canal Anglers - Dr. Mary-Ann Lindqvist, National Chair
Towpath Trust - Mrs. Jun Takahashi, Coordinator

cc: Chief Executive, Canal Heritage Foundation
cc: Chairperson, Transport Committee, Regional Assembly
"""


def test_a_list_of_organisation_and_signer_lines_gives_the_organisations_and_stops_at_cc():
    doc = read_bytes(JOINT_WITH_SIGNERS.encode(), "moorings.txt")[0]
    assert doc.signatories == ["Lakeland Narrowboat Owners' Club (LNOC)", "Federation of Canal Anglers", "Towpath Trust"]
    assert doc.author_org is None or "following" not in doc.author_org.lower()


def test_an_organisation_and_its_signer_split_by_a_dash():
    assert clean_item("Towpath Trust - Mrs. Jun Takahashi, Coordinator")[0] == "Towpath Trust"
    assert clean_item("Jun Takahashi, Coordinator – Towpath Trust")[0] == "Towpath Trust"
    assert clean_item("Lakeland Narrowboat Owners' Club (LNOC) - Peter Hale, Secretary")[2] == (
        "LNOC", "Lakeland Narrowboat Owners' Club")
    assert clean_item("AFRUCA - Safeguarding Children")[0] == "AFRUCA - Safeguarding Children"  # a name with a dash


@pytest.mark.parametrize("copy_line", ["Copy: Minister of Fisheries and Marine Resources", "Copies to: Mayor of Northbay",
                                       "c.c.: Chief Engineer, Roads Department"])
def test_a_copy_line_under_the_recipient_is_not_the_addressee(copy_line):
    text = f"""NORTHBAY FISHERS' COOPERATIVE
PO Box 12, Northbay

4 May 2025

The Director
Northbay Harbour Authority
Harbour Road
Northbay

{copy_line}

Dear Sir,

The Cooperative asks the Authority to dredge the north channel before the winter storms.

Yours faithfully,

Amara Osei
Secretary
"""
    from analysis.authorship import decide

    doc = read_bytes(text.encode(), "harbour.txt")[0]
    assert doc.addressees == ["Northbay Harbour Authority"]
    assert decide(doc).addressee == "Northbay Harbour Authority"
