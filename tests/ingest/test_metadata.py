"""Document metadata (kind, date, author, author organisation, addressees) on letters,
submissions and e-mails of several topics and layouts."""
import json

import pytest

from ingest import linekinds, parties
from ingest.dates import find_date, parse_date
from ingest.layout import blocks_from_text
from ingest.metadata import enrich
from ingest.reader import read_bytes
from ingest.records import ADDRESS, Document

COUNCIL_TO_SECRETARY_OF_STATE = """ANYTOWN BOROUGH COUNCIL
Civic Centre, Market Street
Anytown AN1 2BC
Tel: 01632 960000

The Rt Hon Michael Grant MP
Secretary of State for Levelling Up, Housing and Communities
Department for Levelling Up, Housing and Communities
2 Marsham Street
London SW1P 4DF

3 April 2023

Dear Secretary of State,

Temporary accommodation costs

I am writing on behalf of Anytown Borough Council to ask the Government to raise the Local Housing Allowance rates.

We urge you to review the subsidy rules for temporary accommodation before 1 March 2024.

Yours sincerely,

Cllr Jane Patel
Leader of Anytown Borough Council
"""

CHARITY_SUBMISSION = """Greenfield Food Bank
12 High Street
Greenfield GF1 2CD
www.greenfieldfoodbank.org.uk

Response to the Department for Work and Pensions consultation on cost of living support

March 2023

Greenfield Food Bank welcomes the opportunity to respond to this consultation. We are a registered charity supporting 4,000 households each year.

1. The Department should uprate benefits in line with inflation.
2. Local welfare schemes need multi-year funding.
"""

EMAIL_LIKE_LETTER = """From: Priya Shah <priya.shah@greenvalleyschool.org.uk>
To: Education Funding Team
Sent: 12 September 2023 09:41
Subject: School transport funding

Hi all,

Could the team please confirm whether home-to-school transport funding will continue next year? We would ask that any change is announced before the summer term.

Kind regards,
Priya Shah
Business Manager | Green Valley Primary School
Tel: 01632 960123
"""

NHS_TRUST_RESPONSE = """Westshire Community Health NHS Trust

3rd of April 2023

Response to the Westshire County Council consultation on adult social care charging

Summary

Westshire Community Health NHS Trust supports the aim of the proposals but asks the Council to protect people leaving hospital from new charges.

The Trust recommends that the Council publishes an impact assessment before any decision is taken in June 2023.
"""

LETTERHEAD_DEAR_MINISTER = """NORTHSHIRE COUNTY COUNCIL
County Hall, Northtown NT1 1AA

Minister for Local Government
Department for Levelling Up, Housing and Communities
2 Marsham Street
London SW1P 4DF

14 February 2024

Dear Minister,

Funding for rural bus services

The Council asks the Department to confirm the Bus Service Improvement Plan allocation for 2025 by March.

Yours faithfully,

Alan Brooks
Director of Highways and Transport
"""

SELECT_COMMITTEE_LETTER = """Rt Hon Jane Doe MP
Chair, Education Committee
House of Commons
London SW1A 0AA

Rt Hon Ruth Ellis MP
Secretary of State for Education
Department for Education

January 29, 2024

Dear Ruth,

Following our session on school attendance, the Committee recommends that the Department publish termly data on persistent absence.

Yours sincerely,

Rt Hon Jane Doe MP
Chair, Education Committee
"""

BARE_DEAR_OFFICE_HOLDER = """2024-05-20

Dear

Congratulations on your recent appointment as Chief Executive of Eastvale Integrated Care Board. As Children's Commissioner for Eastvale, I am writing to ask you to make children's mental health a priority.

Yours sincerely,

Dame Rachel Moss
Children's Commissioner for Eastvale
"""

ELECTED_OFFICE = """18/09/2023

Dear

Congratulations on being elected as Mayor of Westvale. I write to you as the Chief Executive of Westvale Cycling Trust to ask that you publish a safer streets plan.

Yours sincerely,

Omar Haddad
"""

NO_DATE_BRIEFING = """Briefing: Tackling damp and mould in social housing

Landlords should inspect homes within 14 days of a report of damp. In May 2022 the regulator said it should publish data on complaints.

Tenants told us that repairs were often delayed for months.
"""

RESPONSE_FORM = """Consultation on the future of library services

Name: Alex Morgan
Organisation: Friends of Eastvale Libraries
Email: alex@example.org

Question 1: Do you agree with the proposal to reduce opening hours?
No. The Council should keep all branches open at least five days a week.
"""

DATE_AT_FOOT = """Dear Colleague,

The Eastvale Rivers Trust asks all landowners along the river to fence livestock out of the water by the spring.

Yours faithfully,

Helen Price
Director, Eastvale Rivers Trust

Wednesday, 6 December 2023
"""


def read(text: str, name: str = "doc.txt") -> Document:
    return read_bytes(text.encode("utf-8"), name)[0]


# ---------------------------------------------------------------- whole documents

def test_council_letter_to_a_secretary_of_state():
    doc = read(COUNCIL_TO_SECRETARY_OF_STATE)
    assert doc.kind == "letter"
    assert doc.date == "2023-04-03"  # not the deadline in the body
    assert doc.author_org == "Anytown Borough Council"
    assert doc.author == "Cllr Jane Patel"
    assert doc.addressees == ["Secretary of State for Levelling Up, Housing and Communities"]
    assert doc.metadata["addressee_person"] == "The Rt Hon Michael Grant MP"
    assert doc.metadata["addressee_organisation"] == "Department for Levelling Up, Housing and Communities"
    assert doc.metadata["author_role"] == "Leader of Anytown Borough Council"


def test_charity_submission_without_salutation():
    doc = read(CHARITY_SUBMISSION)
    assert doc.kind == "submission"
    assert doc.author_org == "Greenfield Food Bank"
    assert doc.addressees == ["Department for Work and Pensions"]
    assert doc.date == "2023-03-01" and doc.metadata["date_precision"] == "month"
    # the letterhead lines are marked as an address, not left as paragraphs to mine
    marked = [doc.block_text(b) for b in doc.blocks if b.kind == ADDRESS]
    assert "12 High Street" in marked and "Greenfield GF1 2CD" in marked


def test_email_like_letter_with_kind_regards():
    doc = read(EMAIL_LIKE_LETTER)
    assert doc.kind == "letter"
    assert doc.date == "2023-09-12"
    assert doc.author == "Priya Shah"
    assert doc.author_org == "Green Valley Primary School"
    assert doc.addressees == ["Education Funding Team"]
    assert doc.metadata["author_role"] == "Business Manager"


def test_nhs_trust_response_dated_with_of():
    doc = read(NHS_TRUST_RESPONSE)
    assert doc.kind == "submission"
    assert doc.date == "2023-04-03"
    assert doc.author_org == "Westshire Community Health NHS Trust"
    assert doc.addressees == ["Westshire County Council"]


def test_letterhead_org_and_dear_minister():
    doc = read(LETTERHEAD_DEAR_MINISTER)
    assert doc.kind == "letter"
    assert doc.date == "2024-02-14"
    assert doc.author_org == "Northshire County Council"  # an all-capitals letterhead in title case
    assert doc.author == "Alan Brooks"
    assert doc.addressees == ["Minister for Local Government"]
    assert doc.metadata["addressee_organisation"] == "Department for Levelling Up, Housing and Communities"


def test_select_committee_letter_names_the_house_and_the_committee():
    doc = read(SELECT_COMMITTEE_LETTER)
    assert doc.date == "2024-01-29"
    assert doc.author_org == "House of Commons Education Committee"
    assert doc.author == "Rt Hon Jane Doe MP"
    assert doc.addressees == ["Secretary of State for Education"]
    assert doc.metadata["addressee_person"] == "Rt Hon Ruth Ellis MP"


def test_bare_dear_takes_the_addressee_from_the_opening():
    doc = read(BARE_DEAR_OFFICE_HOLDER)
    assert doc.date == "2024-05-20"
    assert doc.author_org == "Children's Commissioner for Eastvale"  # an office-holder is its own holder
    assert doc.author == "Dame Rachel Moss"
    assert doc.addressees == ["Eastvale Integrated Care Board"]


def test_elected_office_and_write_as_role():
    doc = read(ELECTED_OFFICE)
    assert doc.date == "2023-09-18"  # day first
    assert doc.addressees == ["Mayor of Westvale"]
    assert doc.author_org == "Westvale Cycling Trust"
    assert doc.author == "Omar Haddad"


def test_document_without_a_date():
    doc = read(NO_DATE_BRIEFING)
    assert doc.date is None  # "May 2022" in a sentence is not the document's date
    assert doc.kind == "other"
    assert doc.addressees == [] and doc.author_org is None


def test_response_form_fields():
    doc = read(RESPONSE_FORM)
    assert doc.kind == "submission"
    assert doc.author == "Alex Morgan"
    assert doc.author_org == "Friends of Eastvale Libraries"
    assert doc.turns == []  # "Question 1:" and "Name:" are fields, not speakers


def test_date_line_at_the_foot_and_generic_salutation():
    doc = read(DATE_AT_FOOT)
    assert doc.date == "2023-12-06"
    assert doc.author_org == "Eastvale Rivers Trust"
    assert doc.addressees == []  # "Dear Colleague" names nobody


def test_reader_fields_are_kept():
    text = "Dear Minister,\n\nPlease act.\n\nYours sincerely,\n\nJo Bloggs\nAnytown Trust"
    doc = Document(id="x", source="x.eml", format="eml", text=text, blocks=blocks_from_text(text),
                   kind="consultation_response", date="2020-02-02", author="Someone Else",
                   addressees=["Policy Team"])
    enrich(doc)
    assert doc.kind == "consultation_response"
    assert doc.date == "2020-02-02"
    assert doc.author == "Someone Else"
    assert doc.addressees == ["Policy Team"]
    assert doc.author_org == "Anytown Trust"  # left empty by the reader, so filled
    assert doc.text == text


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("text,iso", [
    ("16th March 2021", "2021-03-16"),
    ("21 January 2022", "2022-01-21"),
    ("29/01/2020", "2020-01-29"),
    ("2020-01-29", "2020-01-29"),
    ("January 29, 2020", "2020-01-29"),
    ("3rd of April 2023", "2023-04-03"),
    ("Tuesday, 14 Mar. 2023", "2023-03-14"),
    ("Sept 5 2022", "2022-09-05"),
    ("05.11.2021", "2021-11-05"),
    ("12/31/2021", "2021-12-31"),  # month first only when day first is impossible
    ("31 February 2021", None),
    ("Plan 2021-2025", None),
])
def test_parse_date_formats(text, iso):
    assert parse_date(text) == iso


def test_find_date_prefers_the_header_date_line():
    text = "Anytown Trust\n\n2 May 2023\n\nDear Sir,\n\nOn 4 April 2023 we met. Please reply by 1 June 2023."
    assert find_date(text).iso == "2023-05-02"


def test_find_date_reads_session_labels():
    assert find_date("Hearing on schools\nSession date:\nOctober 12, 2017\n\nChair: Hello.").iso == "2017-10-12"
    assert find_date("Minutes of the meeting held on 7 November 2022 at Town Hall").iso == "2022-11-07"
    assert find_date("Date: Mon, 3 Apr 2023 10:14:00 +0100\nSubject: x").iso == "2023-04-03"


def test_find_date_skips_deadlines_and_body_sentences():
    text = "Consultation on parking\nClosing date: 30 June 2024\n\nIn March 2023, on 5 March 2023, we began."
    assert find_date(text) is None


# ---------------------------------------------------------------- parts

def test_line_kinds():
    assert linekinds.looks_like_person("Dr Amir Khan OBE")
    # names in any alphabet: an Irish particle, diaereses, a Polish initial letter
    for name in ("Dermot Ó Riain", "Zoë Müller-Lüdenscheidt", "Łukasz Wójcik", "Síle Ní Bhriain"):
        assert linekinds.looks_like_person(name), name
    assert not linekinds.looks_like_person("HSWU ÖBB")
    assert linekinds.looks_like_person("The Rt Hon Jane Smith MP")
    assert not linekinds.looks_like_person("Anytown Borough Council")
    assert not linekinds.looks_like_person("City Hall")
    assert linekinds.looks_like_org("Department for Education")
    assert linekinds.looks_like_org("Office of the Children's Commissioner")
    assert linekinds.looks_like_org("NSPCC")
    assert linekinds.looks_like_org("Holmvale Voluntary Action")
    assert linekinds.looks_like_org("Pennwell Street Pastors")
    assert linekinds.looks_like_org("Kingsgate Business Improvement District")
    assert not linekinds.looks_like_org("Chair of the Health Committee")
    assert linekinds.looks_like_role("Chair of the Health Committee")
    assert linekinds.is_office("Police and Crime Commissioner for Anyshire")
    assert not linekinds.is_office("Chief Executive")
    assert linekinds.is_address("12 High Street") and linekinds.is_address("Anytown AN1 2BC")


@pytest.mark.parametrize("name", ["City of Port Alder", "DISTRICT OF LAKEVIEW", "Town of Harrow Bay", "County of Westmarch",
                                  "Rural Municipality of Prairie Rose", "The Borough of Eastfield"])
def test_a_municipalitys_corporate_name_is_an_organisation(name):
    assert linekinds.looks_like_org(name)


@pytest.mark.parametrize("name", ["Lakeview", "the city of dreams", "City Hall"])
def test_a_place_alone_is_not_a_municipality(name):
    assert not linekinds.looks_like_org(name)


def test_organisation_inside_a_role():
    assert linekinds.org_in_role("Chair of the Health Committee") == "Health Committee"
    assert linekinds.org_in_role("Head of Policy at Anytown Trust") == "Anytown Trust"
    assert linekinds.org_in_role("Director of Public Health, Anytown Council") == "Anytown Council"
    assert linekinds.org_in_role("Secretary of State for Health and Social Care") is None
    assert linekinds.org_before_role("Welsh Parliament Member for Cardiff North") == "Welsh Parliament"


def test_salutations():
    assert parties.dear_name("Dear Minister,") == "Minister"
    assert parties.dear_name("Dear Mr Mayor") == "Mayor"
    assert parties.dear_name("Dear Sir/Madam,") is None
    assert parties.dear_name("Dear colleagues") is None
    assert parties.dear_name("Dear Dr Patel,") == "Dr Patel"


def test_metadata_values_are_strings():
    doc = read(COUNCIL_TO_SECRETARY_OF_STATE)
    assert all(isinstance(v, str) for v in doc.metadata.values())
    json.dumps(doc.metadata)


PLANNING_REPRESENTATION = """Planning Policy Team
Anytown District Council
Council Offices
Anytown AN1 1AA

15 August 2023

Dear Sir or Madam,

Representation on the Draft Local Plan

The Anytown Civic Society objects to Policy H3 and asks the Council to reduce the housing allocation at Mill Lane.

Yours faithfully,

Peter Green
Secretary
Anytown Civic Society
"""

REPLY_TO_A_COMMITTEE_CHAIR = """Eastvale Clinical Commissioning Group
Unit 4, Riverside Park
Eastvale EV1 4RT

Jane Smith MP
Chair
Health and Social Care Committee
House of Commons
London SW1A 0AA

12-05-2022

Dear Chair,

Thank you for your letter about waiting times. We set out our plans below.

Yours sincerely,

Dr Mark Jones
Accountable Officer

Annex A: our commitments

1. We will publish monthly waiting time data for every hospital in Eastvale.
2. We will open two new diagnostic centres by the end of 2023.
"""

COMMITTEE_WITH_COMMAS = """Dear Secretary of State,

We write following our inquiry into the future of local newspapers.

The Committee recommends that the Government consults on a levy on online platforms.

Yours sincerely,

Dame Caroline Hale MP, Chair, Culture, Media and Sport Committee
"""

WRITTEN_EVIDENCE = """Written evidence submitted by Age UK (LTC0042)

1. Summary

1.1 Age UK is the country's largest charity working with older people. We welcome the Committee's inquiry.

1.2 The Government should publish a long-term workforce plan for social care.
"""


def test_lone_address_block_is_the_recipient_when_the_signature_names_another_body():
    doc = read(PLANNING_REPRESENTATION)
    assert doc.author_org == "Anytown Civic Society"
    assert doc.author == "Peter Green"  # a name may contain an address word
    assert doc.addressees == ["Anytown District Council"]  # the council, not its team
    assert doc.date == "2023-08-15"


def test_reply_to_a_committee_chair_and_annex_after_the_closing():
    doc = read(REPLY_TO_A_COMMITTEE_CHAIR)
    assert doc.date == "2022-05-12"
    assert doc.author_org == "Eastvale Clinical Commissioning Group"
    assert doc.author == "Dr Mark Jones"
    assert doc.addressees == ["House of Commons Health and Social Care Committee"]
    assert doc.metadata["addressee_role"] == "Chair"
    assert doc.signatories == []  # the annex's numbered commitments are not signatories


def test_committee_name_with_commas():
    doc = read(COMMITTEE_WITH_COMMAS)
    assert doc.author_org == "Culture, Media and Sport Committee"
    assert doc.author == "Dame Caroline Hale MP"
    assert doc.addressees == ["Secretary of State"]
    assert doc.date is None


def test_written_evidence_title():
    doc = read(WRITTEN_EVIDENCE)
    assert doc.kind == "submission"
    assert doc.author_org == "Age UK"


def test_a_failing_rule_does_not_stop_the_document(monkeypatch):
    from ingest import signatories

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(signatories, "find_signatories", broken)
    doc = read(COUNCIL_TO_SECRETARY_OF_STATE)
    assert doc.kind == "letter" and doc.date == "2023-04-03"
    assert "boom" in doc.metadata["metadata_error"]


def test_consultation_row_text_is_not_mined_for_a_letterhead():
    text = "Anytown Council should fund buses\n\nThe routes to the hospital were cut last year."
    doc = Document(id="r1", source="responses.csv#17", format="csv", text=text, blocks=blocks_from_text(text),
                   kind="consultation_response")
    enrich(doc)
    assert doc.kind == "consultation_response"
    assert doc.author_org is None and doc.addressees == []


def test_a_sentence_is_not_an_organisation():
    assert not linekinds.looks_like_org("Anytown Council should fund buses")
    assert linekinds.looks_like_org("Friends of the Earth")
    assert linekinds.looks_like_org("Hope for Justice Trust")
