"""analysis.authorship: author organisation, author person and addressee decided from scored evidence.

Every document here is invented (water, fisheries, broadband, farming, transport, arts, pensions, libraries;
UK, US, Australian, Canadian, Irish and New Zealand styles) and read through the real reader. Each evidence
source is shown deciding the author with its evidence recorded, the merges of one organisation under several
names, the hard constraints (a person, a postnominal, a job title, a sub-unit, a heading, a citation, a
document title and the addressed body are never the author), the addressee (a body, never the person), and
robustness. Where the code disagrees with the definitions today the test is ``xfail(strict=True)``.
"""
from __future__ import annotations

import json

import pytest

from analysis import Registry, analyse, authorship
from analysis.asks import _sane_addressee
from analysis.authorship import (
    Evidence,
    _body_of,
    _group,
    _same,
    acronym_fits,
    attribute,
    decide,
    fold,
    never_an_org,
    signatory_list,
)
from analysis.organisations import OFFICE, document_country
from analysis.records import COMMITMENT, Organisation
from ingest import read_bytes


def known_bug(reason: str):
    """Behaviour that contradicts the definitions today: strict, and only an assertion may fail."""
    return pytest.mark.xfail(reason=reason, strict=True, raises=AssertionError)


def read(text: str, source: str = "letter.txt"):
    return read_bytes(text.encode("utf-8"), source)[0]


def decided(text: str, source: str = "letter.txt"):
    doc = read(text, source)
    found = decide(doc)
    for e in found.author_evidence:  # every span that decided it lies in the text and names the author
        assert isinstance(e, Evidence) and e.weight > 0
        if e.end > e.start >= 0:
            assert fold(e.name) in fold(doc.text[e.start:e.end]) or e.source == "domain", e
    return doc, found


def sources(found) -> set[str]:
    return {e.source for e in found.author_evidence}


# ------------------------------------------------------------------ each evidence source

def test_form_field_organisation_water():
    doc, a = decided("""Response to the consultation on river abstraction licences

Organisation: Wessex Anglers Federation
Contact: Tom Hardy

We support tighter limits on summer abstraction from chalk streams. The agency should publish gauging data every week so that fishing clubs can plan their seasons.
""", "response.txt")
    assert a.author_org == "Wessex Anglers Federation"
    assert "form" in sources(a)
    form = next(e for e in a.author_evidence if e.source == "form")
    assert doc.text[form.start:form.end] == "Wessex Anglers Federation"


def test_submitted_by_field_broadband():
    _, a = decided("""Submitted by: Northern Broadband Alliance

The Alliance welcomes the chance to comment on rural gigabit vouchers. Ofcom should require providers to publish coverage maps that show real speeds at each address.
""", "submission.txt")
    assert a.author_org == "Northern Broadband Alliance"
    assert "form" in sources(a)


def test_front_matter_author_pensions():
    doc, a = decided("""---
title: Comments on the draft pension dashboard rules
author: Retired Teachers Guild
---

The draft rules leave too many small schemes outside the dashboard. The regulator should bring every scheme with more than fifty members into scope by next year.
""", "comments.txt")
    assert a.author_org == "Retired Teachers Guild"
    assert "form" in sources(a)
    attribute(doc)
    assert doc.author_org == "Retired Teachers Guild"  # not "author: Retired Teachers Guild"


def test_title_written_evidence_submitted_by_fisheries():
    _, a = decided("""Written evidence submitted by the Coastal Fisheries Cooperative (CFC012)

1. Summary
The quota system has concentrated fishing rights in a few large vessels. The Department should reserve a share of the quota for boats under ten metres.
""", "evidence.txt")
    assert a.author_org == "Coastal Fisheries Cooperative"
    assert "title" in sources(a)


def test_title_possessive_response_arts():
    _, a = decided("""Harbour Arts Collective's response to the consultation on creative grants

We are a network of small galleries in the south west. We believe the grant scheme should be open to groups without charitable status, and the council should pay grants in advance.
""", "response.txt")
    assert a.author_org == "Harbour Arts Collective"
    assert "title" in sources(a)


def test_title_wrapped_over_two_lines_farming():
    _, a = decided("""Written evidence submitted by the Lowland Crofting
Trust

1. We manage shared grazing on four estates. The Scottish Government should extend the croft housing grant to cover the cost of connecting new homes to the water mains.
""", "evidence.txt")
    assert a.author_org == "Lowland Crofting Trust"  # not the second line's "Trust" alone
    title = next(e for e in a.author_evidence if e.source == "title")
    assert title.name == "Lowland Crofting Trust"


def test_on_behalf_of_the_members_of_nz_horticulture():
    _, a = decided("""Dear Minister,

I write on behalf of the members of the Kiwi Orchard Growers Union to comment on the proposed changes to seasonal worker visas. Growers cannot bring in the harvest without reliable access to seasonal workers.

We ask the Government to extend the visa scheme for a further three years.

Yours sincerely,

Aroha Ngata
""")
    assert a.author_org == "Kiwi Orchard Growers Union"
    assert "on_behalf" in sources(a)
    assert a.author_person == "Aroha Ngata"


def test_opening_appreciates_the_opportunity_canadian_rail():
    _, a = decided("""Dear Sir or Madam,

The Prairie Rail Shippers Council appreciates the opportunity to give views on the proposed changes to freight rail service standards. Grain shippers depend on reliable car supply during the harvest.

Transport Canada should require railways to report car order fulfilment every week.

Sincerely,

Marc Tremblay
""")
    assert a.author_org == "Prairie Rail Shippers Council"
    assert "self_intro" in sources(a)
    assert a.author_person == "Marc Tremblay"


def test_opening_which_represents_irish_pensions():
    _, a = decided("""Dear Committee members,

The Irish Pension Savers Network, which represents thousands of members of defined contribution schemes, welcomes this inquiry. Members are worried about charges on small pots.

The Department should cap charges on default funds at one per cent.
""")
    assert a.author_org == "Irish Pension Savers Network"
    assert "self_intro" in sources(a)


def test_opening_which_represents_with_a_number():
    _, a = decided("""Dear Committee members,

The Irish Pension Savers Network, which represents over 12,000 members of defined contribution schemes, welcomes this inquiry. Members are worried about charges on small pots.

The Department should cap charges on default funds at one per cent.
""")
    assert a.author_org == "Irish Pension Savers Network"


@known_bug("'X and Y, together with …, respectfully submit' gives one run-on name 'X and Y' instead of the lead organisation")
def test_opening_coordinated_subjects_us_water():
    _, a = decided("""Dear Secretary,

The Great Lakes Anglers League and the Northwoods Paddling Club, together with eleven local conservation groups, respectfully submit these comments on the draft water quality permit. The permit allows too much phosphorus into the lower river.

The agency should lower the phosphorus limit before the permit is issued.

Sincerely,

Dana Whitfield
""")
    assert a.author_org in ("Great Lakes Anglers League", "Northwoods Paddling Club")


def test_voice_later_in_the_body_transport():
    body = "\n\n".join([
        "Comments on the rural bus network review",
        "Bus services in the valley have been cut twice in five years, and many older residents can no longer reach the hospital without a car.",
        "Journey times have also grown, because the remaining routes wind through every village on the way to town.",
        "Drivers report that buses are often full before they reach the last stops, so passengers are left behind in the rain.",
        "Timetables at the stops are out of date and the phone line closes at five in the afternoon.",
        "Young people who start work early cannot rely on the first bus, which was moved to half past seven last spring.",
        "The Valley Passengers Association supports the proposal to protect hospital routes. "
        "The Valley Passengers Association urges the council to restore the Sunday timetable.",
        "The Valley Passengers Association believes that fares should be capped for under-25s.",
    ])
    _, a = decided(body, "comments.txt")
    assert a.author_org == "Valley Passengers Association"
    assert sources(a) == {"voice"}
    assert len(a.author_evidence) == 3
    assert a.candidates[0].score <= authorship.VOICE_CAP  # the voice counts for at most its cap


def test_one_sentence_subject_alone_is_no_author():
    body = "\n\n".join([
        "Notes on the harbour dredging plan",
        "Silt has built up at the harbour mouth and the lifeboat cannot launch at low tide.",
        "Fishing boats now wait for the tide before landing their catch, which costs them a morning's work.",
        "Dredging was last done eleven years ago and the spoil was dumped in the bay.",
        "The spoil ground is close to a mussel bed that supplies two local firms.",
        "Marine Scotland approved a survey last year but the results are not yet published.",
    ])
    _, a = decided(body, "notes.txt")
    assert a.author_org is None


def test_signature_organisation_line_welsh_farming():
    _, a = decided("""Dear Ms Lee,

Thank you for the chance to comment on the farm drainage grants. Many smallholders cannot afford the match funding, so the scheme should cover the full cost for holdings under twenty hectares.

Yours sincerely,

Gareth Pryce
Policy Officer
Upland Smallholders Association
""")
    assert a.author_org == "Upland Smallholders Association"
    assert "signature" in sources(a)
    assert a.author_person == "Gareth Pryce"


def test_signature_title_comma_organisation():
    _, a = decided("""Dear Ms Lee,

Thank you for the chance to comment on the farm drainage grants. Many smallholders cannot afford the match funding, so the scheme should cover the full cost for holdings under twenty hectares.

Yours sincerely,

Gareth Pryce
Policy Officer, Upland Smallholders Association
""")
    assert a.author_org == "Upland Smallholders Association"
    sig = next(e for e in a.author_evidence if e.source == "signature")
    assert sig.name == "Upland Smallholders Association"


def test_signature_line_after_role_with_email_domain_bonus():
    _, a = decided("""Dear Ms Lee,

Thank you for the chance to comment on the broadband voucher scheme. Many small firms cannot afford the installation costs, so the scheme should cover the full cost for businesses in remote areas.

Best regards,

Priya Raman
Chief Executive
Acme Exchange
priya.raman@acmeexchange.com
""")
    assert a.author_org == "Acme Exchange"
    assert {"signature", "domain"} <= sources(a)
    assert a.author_person == "Priya Raman"


def test_signature_line_after_role_alone():
    _, a = decided("""Dear Ms Lee,

Thank you for the chance to comment on the broadband voucher scheme. Many small firms cannot afford the installation costs, so the scheme should cover the full cost for businesses in remote areas.

Best regards,

Priya Raman
Chief Executive
Acme Exchange
""")
    assert a.author_org == "Acme Exchange"


def test_running_footer_nz_ferries():
    _, a = decided("""Tasman Ferry Users Group
Submission on harbour ferry fares

Ferry users in the outer bays have seen fares rise by forty per cent in three years while sailings have been cut. Many commuters now drive around the harbour instead.

Tasman Ferry Users Group | Submission on ferry fares | Page 1

\f
The council should cap fares for residents and restore the early sailing from the outer bays. The operator should publish punctuality figures every month.

Tasman Ferry Users Group | Submission on ferry fares | Page 2
""", "submission.txt")
    assert a.author_org == "Tasman Ferry Users Group"
    assert "footer" in sources(a)


def test_letterhead_before_the_date_australian_irrigation():
    _, a = decided("""Murray Valley Irrigators Council
PO Box 12, Mildura VIC 3500

12 March 2024

Committee Secretary
Senate Standing Committee on Rural Affairs
Parliament House
Canberra ACT 2601

Dear Secretary,

Thank you for the opportunity to make a submission to the inquiry into water buybacks. Irrigators in the district have already sold a third of their entitlements and the towns have lost jobs.

The Commonwealth should pause buybacks until the social impact study is published.

Yours faithfully,

Fiona Walsh
Executive Officer
""")
    assert a.author_org == "Murray Valley Irrigators Council"
    assert "letterhead" in sources(a)
    assert a.addressee == "Senate Standing Committee on Rural Affairs"


def test_letterhead_name_in_capitals_with_its_web_domain_beats_a_descriptor_line_nz_forestry():
    """An all-capitals letterhead name without an organisation word, and the web address that spells it,
    win over the descriptive line under it; the person greeted ("Kia ora Ms Tane") is the reader."""
    doc, a = decided("""WHENUA RAKAU
The Forestry Standards Authority
Level 3, 5 Lambton Quay, Wellington 6011
www.whenuarakau.govt.nz

3 June 2024

Ms Aroha Tane
General Manager
Kauri Coast Timber Ltd
PO Box 9

Kia ora Ms Tane

Harvest plan for the Kaihu block

1. Our audit of the Kaihu block found that slash was left on three steep slopes above the river, and that two culverts were blocked.

2. Kauri Coast Timber should remove the slash from the steep slopes before the winter rains and clear both culverts within a month.

Naku noa, na

Rewi Parata
Compliance Manager
""")
    assert a.author_org == "Whenua Rakau"
    assert {"letterhead", "domain"} <= sources(a)
    assert a.author_person != "Ms Aroha Tane"
    attribute(doc)
    assert doc.author != "Ms Aroha Tane"


def test_footnote_marker_glued_to_the_name_is_dropped_us_pensions():
    _, a = decided("""Dear Ms Ortiz:

The National Pension Plans Institute1 is writing to comment on the proposed disclosure rule.2 Retirement savers need clear fee tables.3 The Department should give plans a further year to comply.

Sincerely,

Dana Whitlock
General Counsel
""")
    assert a.author_org == "National Pension Plans Institute"


def test_signer_named_on_the_sign_off_line_us_zoning():
    doc, a = decided("""Dear Councilor Baca,

The rezoning bill came forward with little notice and the neighbourhood has had no chance to discuss it. I hope you will ask for the vote to be delayed until the spring so that residents can be heard.

Best wishes, Marisol
""")
    assert a.author_org is None
    assert a.author_person == "Marisol"


def test_self_description_in_a_flattened_pdf_paragraph_uk_water():
    """A PDF whose lines ran together: the self-description the next sentence takes up with "We" names the
    writer, though no sentence break comes before it."""
    _, a = decided("""Jo Hart and Sam Reid Ofwat Centre City Tower Birmingham B5 4UA Sent by email 3 May 2021 Dear Jo and Sam, Response to the Ofwat social tariffs review Severn Community Water is a customer-owned water company serving 80,000 homes in the Welsh borders. We were founded by local councils to keep bills fair. We support a single national social tariff, but the review should phase it in over three years.
""")
    assert a.author_org == "Severn Community Water"
    assert "self_intro" in sources(a)


def test_shire_letterhead_and_a_councillor_signing_as_cr_australian_roads():
    """'Shire' makes an organisation's name and 'Cr' is a councillor's title: the shire writes, the
    councillor signs."""
    _, a = decided("""SHIRE OF MARRABEL
PO Box 8, Marrabel SA 5413

2 May 2024

The Secretary
Rural Roads Committee
Parliament House
Adelaide SA 5000

Dear Secretary,

Council thanks the Committee for its inquiry into rural road funding. Heavy grain trucks have broken up the gravel roads east of the town, and repairs now take most of the shire's road budget.

The State Government should double the rural roads grant for shires with more than 500 kilometres of gravel road.

Yours sincerely,

Cr Dean Kowalski
Shire President
""")
    assert a.author_org == "Shire of Marrabel"
    assert a.author_person == "Cr Dean Kowalski"
    assert never_an_org("Cr Dean Kowalski") == "person"


def test_opening_x_submitted_comments_indian_spectrum():
    _, a = decided("""Our response to the consultation on spectrum pricing

Summary

The Rural Broadband Forum submitted comments to the regulator on the draft spectrum pricing rules, arguing that village networks need lower reserve prices. The regulator should set a separate reserve price for rural licences.
""", "response.txt")
    assert a.author_org == "Rural Broadband Forum"
    assert "self_intro" in sources(a)


def test_submission_of_x_inside_a_flattened_subject_line_canadian_post():
    _, a = decided("""3 March 2016 Clerk of the Committee House of Commons Ottawa BY EMAIL Dear Clerk, Re: Review of rural postal delivery Submission of the Rural Mail Users Coalition The following groups submit these comments on the review. Community mailboxes are too far from many rural homes, and Canada Post should restore door delivery for residents over 75.
""")
    assert a.author_org == "Rural Mail Users Coalition"
    assert "title" in sources(a)


def test_letterhead_listing_several_organisations_in_capitals_us_rivers():
    """A joint letter whose head lists its groups in capitals on one run: the first leads."""
    _, a = decided("""RIVER KEEPERS ALLIANCE, OZARK PADDLERS CLUB, FRIENDS OF THE BUFFALO, SPRINGFIELD ANGLERS April 2, 2019 Army Corps of Engineers Little Rock District Re: Dam permit Please accept these comments from the above groups on the proposed dam. The Corps should deny the permit because the dam would flood ten miles of free-flowing river.
""")
    assert a.author_org == "River Keepers Alliance"


def test_a_testimony_title_in_capitals_gives_the_organisation_without_the_title_us_clinics():
    _, a = decided("""TESTIMONY OF THE HIGH DESERT DENTAL ASSOCIATION
Before the Senate Committee on Health Care
March 4, 2025

Chair Ortiz and members of the committee, the High Desert Dental Association represents 140 dental practices in rural counties. We ask the committee to fund mobile dental vans for schools east of the mountains.
""", "testimony.txt")
    assert a.author_org == "High Desert Dental Association"


def test_closing_list_of_signatories_led_by_the_publisher():
    doc, a = decided("""Joint letter on library funding

We, the undersigned organisations, write to ask the Province to restore operating grants to rural public libraries. Many branches now open only two days a week, and residents without home internet lose access to government services. This letter was coordinated by Prairie Library Trustees Association with support from its partners.

We ask the Minister of Municipal Affairs to restore the grants in the next budget.

Signed,

Ellen Moss, Prairie Library Trustees Association; Raj Sandhu, Northern Readers Coalition; Claire Dubois, Rural Literacy Council; Tom Beaulieu, Small Towns Network
""", "joint.txt")
    assert [o for o, _ in signatory_list(doc)] == ["Prairie Library Trustees Association", "Northern Readers Coalition",
                                                   "Rural Literacy Council", "Small Towns Network"]
    assert a.author_org == "Prairie Library Trustees Association"
    assert sources(a) == {"signatory"}
    attribute(doc)
    assert doc.signatories == ["Prairie Library Trustees Association", "Northern Readers Coalition",
                               "Rural Literacy Council", "Small Towns Network"]


def test_closing_list_of_equal_signatories_names_no_single_author():
    doc, a = decided("""Joint letter on rural bus services

We, the undersigned groups, ask the county to restore the evening buses that were withdrawn last year. Shift workers and students now have no way home after seven o'clock.

We ask the Transport Committee to fund the evening routes from the next budget.

Signed,

Ellen Moss, Hill Villages Forum; Raj Sandhu, Riverside Students Union; Claire Dubois, Night Shift Workers Group; Tom Beaulieu, Moorland Parish Alliance
""", "joint.txt")
    assert a.author_org is None  # four equal co-signers: none of them alone
    assert len(a.candidates) == 4


def test_attribute_records_author_evidence_as_json():
    doc = read("""Submitted by: Northern Broadband Alliance

The Alliance welcomes the chance to comment on rural gigabit vouchers. Ofcom should require providers to publish coverage maps that show real speeds at each address.
""", "submission.txt")
    attribute(doc)
    assert doc.author_org == "Northern Broadband Alliance"
    ev = json.loads(doc.metadata["author_evidence"])
    assert ev and {"source", "name", "start", "end", "weight"} <= set(ev[0])
    assert ev[0]["source"] == "form"


# ------------------------------------------------------------------ one organisation under several names

def test_defined_acronym_merges_with_the_full_name():
    _, a = decided("""Dear Minister,

The Northern Ferry Users Association (NFUA) welcomes the review of island ferry contracts. Island families rely on the ferry for school, work and hospital visits.

NFUA urges the Government to write reliability penalties into the next contract. NFUA also asks for a residents' fare.

Yours sincerely,

Iona MacLeod
Secretary, NFUA
""")
    assert a.author_org == "Northern Ferry Users Association"  # the spelled-out name, not the acronym
    names = {e.name for e in a.author_evidence}
    assert {"Northern Ferry Users Association", "NFUA"} <= names
    assert len([c for c in a.candidates if "NFUA" in c.names]) == 1


def test_acronym_with_small_words_and_a_digit():
    assert acronym_fits("F4CR", "Farmers for Clean Rivers")
    assert acronym_fits("SoRE", "Society of Rail Engineers")
    assert acronym_fits("ALPS", "Association of Library Pension Savers")
    assert not acronym_fits("F4CR", "Fishers of the Coral Reef Islands")
    ev = [Evidence("form", "Farmers for Clean Rivers", 0, 24, 6.0), Evidence("signature", "F4CR", 500, 504, 3.0)]
    cands = _group(ev, {})
    assert len(cands) == 1 and cands[0].name == "Farmers for Clean Rivers"


def test_acronym_equal_to_the_first_word():
    assert _same("TGR", "TGR Consulting", {})
    _, a = decided("""Dear Commissioner,

TGR welcomes the opportunity to give views on the draft freight corridor plan. We advise port operators on rail connections.

The Commission should protect land for a second rail siding at the port.

Sincerely,

Maria Kovacs
Principal
TGR Consulting
""")
    assert a.author_org == "TGR Consulting"
    assert {e.name for e in a.author_evidence} == {"TGR", "TGR Consulting"}


def test_legal_suffix_is_the_same_organisation():
    assert _same("Acme Widgets, LLC", "Acme Widgets", {})
    assert _same("Kauri Timber Ltd", "Kauri Timber", {})
    assert fold("Acme Widgets, LLC") == fold("Acme Widgets")
    _, a = decided("""Bluegum Seeds Pty Ltd
14 Mill Road, Toowoomba QLD 4350

8 August 2024

Dear Sir or Madam,

Bluegum Seeds appreciates the opportunity to give views on the plant variety rights review. We breed pasture grasses for dry inland farms.

The Department should shorten the examination period for new varieties.

Yours faithfully,

Alan Price
Managing Director
Bluegum Seeds Pty Ltd
""")
    assert fold(a.author_org) in ("bluegum seeds", "bluegum seeds pty")
    assert {"Bluegum Seeds", "Bluegum Seeds Pty Ltd"} <= {e.name for e in a.author_evidence}
    assert len(a.candidates) == 1


def test_office_and_its_department_are_one_body():
    assert _same("Minister for Rural Connectivity", "Department for Rural Connectivity", {})
    assert _same("Secretary of State for Inland Waterways", "Department for Inland Waterways", {})
    assert not _same("Minister for Rural Connectivity", "Department for Coastal Fisheries", {})


def test_generic_committee_joins_the_committee_it_names():
    _, a = decided("""Kestrel Borough Council
Environment Scrutiny Committee

3 June 2024

Councillor Ann Hale
Cabinet Member for Waste and Recycling
Kestrel Borough Council
Town Hall
Kestrel KE1 2AB

Dear Councillor Hale,

The Environment Scrutiny Committee has completed its review of the garden waste service. Residents told us that collections were missed for weeks during the summer.

The Committee recommends that the Cabinet Member restore fortnightly collections and publish missed-collection figures every month.

Yours sincerely,

Councillor Ravi Mehta
Chair, Environment Scrutiny Committee
""")
    # a committee of a council writing to a cabinet member of the same council is still by the committee
    assert "Environment Scrutiny Committee" in a.author_org
    assert "Committee" in {e.name for e in a.author_evidence}  # "the Committee" counted for it
    assert a.addressee == "Cabinet Member for Waste and Recycling"
    assert a.author_person and "Ravi Mehta" in a.author_person


# ------------------------------------------------------------------ hard constraints

@pytest.mark.parametrize("name", ["MD", "JD", "MPH", "OBE", "AM", "MD, MPH", "PhD"])
def test_postnominals_and_degrees_are_never_organisations(name):
    assert never_an_org(name) == "postnominal"


@pytest.mark.parametrize("name", ["Dr Jane Q. Smith, MD, MPH", "Prof. Liam O'Brien, PhD", "Amelia Okoro"])
def test_people_are_never_organisations(name):
    assert never_an_org(name) in ("person", "sentence")


@pytest.mark.parametrize("name", ["CEO", "Chief Executive", "Managing Director", "General Counsel"])
def test_job_titles_alone_are_never_organisations(name):
    assert never_an_org(name) == "role"


@pytest.mark.parametrize("name", ["Government Relations", "Public Policy and Advocacy", "Regulatory Affairs"])
def test_department_sub_units_alone_are_never_organisations(name):
    assert never_an_org(name) is not None  # with plain names on, a two-word unit may read as a person first
    assert never_an_org(name, plain_names=False) == "sub-unit"


@pytest.mark.parametrize("name", ["40 CFR § 122.44", "Section 12 of the Act", "Article 9 of the Regulation"])
def test_legal_citations_are_never_organisations(name):
    assert never_an_org(name) == "citation"


@pytest.mark.parametrize("name", ["Second Review of Scotland", "Strategy for Rural Libraries", "Inquiry into Dental Access",
                                  "Draft Framework for Coastal Planning"])
def test_a_documents_title_is_never_an_organisation(name):
    assert never_an_org(name) == "document"


@pytest.mark.parametrize("name", ["Order of Malta Ambulance Corps", "Code Club", "Review Body on Doctors' Pay",
                                  "Plan International", "Strategy Partners Ltd"])
def test_bodies_named_like_documents_pass(name):
    assert never_an_org(name) is None


@pytest.mark.parametrize("name", ["Tasmanians", "Kenyans", "Pennsylvanians", "The Ghanaians"])
def test_the_people_of_a_place_are_never_an_organisation(name):
    assert never_an_org(name) == "people"


@pytest.mark.parametrize("name", ["Royal College of Physicians", "Americans for Prosperity", "Texans for Public Justice",
                                  "Society of Tasmanians Abroad"])
def test_bodies_named_after_people_pass(name):
    assert never_an_org(name) is None


@pytest.mark.parametrize("name", ["Tamsin Achebe <secretary@parents.example>", "Harbour Trust <info@harbourtrust.example>",
                                  "Info@Harbourtrust.example"])
def test_an_email_address_is_never_an_organisation(name):
    assert never_an_org(name) == "contact"


def test_an_emails_sender_is_the_person_and_the_body_comes_from_the_letter():
    """'From: Name <address>' names a person; the body she writes for is named in the text and the signature."""
    _, a = decided("""From: Tamsin Achebe <secretary@riverside-parents.example>
To: consultation@education.example
Date: Tue, 4 March 2025 09:10
Subject: Submission on the school transport review

Dear Sir/Madam,

Please find below the submission of the Riverside Parents' Forum on the school transport review. We are a forum of 23 parents' groups.

The Department should restore the free bus for pupils who live more than two miles from school.

Kind regards,

Tamsin Achebe
Secretary, Riverside Parents' Forum
""", "transport.txt")
    assert a.author_org == "Riverside Parents' Forum"
    assert "@" not in (a.author_org or "")


@pytest.mark.parametrize("text, body", [
    ("NOW, THEREFORE, BE IT RESOLVED by the Lakeview City Council that the City supports the levy for parks. SECTION 1: The "
     "City Manager is directed to send this resolution to the county.", "Lakeview City Council"),
    ("RESOLUTION 24-11. BE IT RESOLVED by the Board of Trustees of the Marsh Creek Water District that the District opposes "
     "the sale of the reservoir. The Board asks the State to keep the reservoir in public hands.",
     "Board of Trustees of the Marsh Creek Water District"),
])
def test_a_resolution_is_by_the_body_that_resolves_it(text, body):
    _, a = decided(text, "resolution.txt")
    assert a.author_org == body


@pytest.mark.parametrize("name, reason", [
    ("Council Urged to Keep the Night Bus", "headline"),
    ("Ferry Operator Slams Fare Freeze", "headline"),
    ("Mayor, on behalf of Council", "role"),
    ("Chair, on behalf of the Board of Governors", "role"),
    ("Adopted by Council on 4 May", "sentence"),
])
def test_headlines_signer_lines_and_clauses_are_never_organisations(name, reason):
    assert never_an_org(name) == reason


@pytest.mark.parametrize("text, author", [
    ("Parents Urged to Check School Bus Times\n\nThe Education Authority is being urged to publish bus times a month "
     "before term.\n\nIn a statement on Monday, the Northfield Parents Alliance called on the Authority to add two routes. "
     "The Alliance also asked for a review of fares.\n", "Northfield Parents Alliance"),
    ("Clean Rivers Plea\n\nCampaigners are joining calls for action on sewage.\n\nIn a press release marking World Water "
     "Day, the Tidewater Rivers Trust urged the regulator to fine companies that spill sewage. \"Every spill must be "
     "reported,\" said Dr Ines Ferreira, Director, Tidewater Rivers Trust.\n", "Tidewater Rivers Trust"),
])
def test_a_news_style_release_is_by_the_body_that_issued_the_statement(text, author):
    _, a = decided(text, "release.txt")
    assert a.author_org == author


def test_the_subject_of_a_passive_ask_is_not_the_author():
    _, a = decided("The Harbour Board is being urged to dredge the channel before winter. Fishers say the silt has "
                   "closed two berths.\n", "news.txt")
    assert a.author_org != "Harbour Board"
    _, a = decided("The Pier Heritage Society is encouraged by the council's new plan for the pier. We urge the council to "
                   "repair the deck before the summer.\n", "pier.txt")
    assert a.author_org == "Pier Heritage Society"  # encouraged by a plan: a feeling, not a passive ask


def test_an_office_holder_named_after_the_office_speaks_for_the_office():
    _, a = decided("The Commissioner for Children in Wales, Ceri Mostyn, has published her response to the play strategy "
                   "and called on ministers to fund play rangers in every county.\n\nThe Commissioner said the strategy "
                   "must be funded.\n", "commissioner.txt")
    assert a.author_org == "Commissioner for Children in Wales"


def test_a_municipality_in_capitals_at_the_head_writes_the_response():
    _, a = decided("""DISTRICT OF HARROW BAY

Council Response to the Recommendations of the Harbour Advisory Committee

Adopted by Council on 2 June 2026

Council accepts Recommendation 1 and will fund a second harbour patrol in 2027.

Council does not accept Recommendation 2. A new breakwater is beyond the District's means.
""", "response.txt")
    assert a.author_org == "District of Harrow Bay"


def test_a_section_heading_is_never_an_organisation():
    assert never_an_org("Seasonal Quotas", {fold("Seasonal Quotas")}, plain_names=False) == "heading"
    assert never_an_org("Seasonal Quotas", None, plain_names=False) is None


def test_real_organisations_pass_the_constraints():
    for name in ("Kestrel Water Trust", "Tidewater Oyster Growers Association", "NFUA", "Bluegum Seeds Pty Ltd"):
        assert never_an_org(name) is None, name


def test_signer_with_postnominals_is_the_person_not_the_organisation():
    _, a = decided("""Dear Sir or Madam,

The Rural Clinics Network appreciates the opportunity to give views on the proposed telehealth payment rules. Our clinics serve farming towns far from any hospital.

The agency should pay for audio-only visits at the same rate as video visits.

Sincerely,

Dr Jane Q. Smith, MD, MPH
Medical Director
Rural Clinics Network
""")
    assert a.author_org == "Rural Clinics Network"
    for c in a.candidates:
        assert all(never_an_org(n) is None or n == "Rural Clinics Network" for n in c.names)
        assert not any("Smith" in n or n in ("MD", "MPH") for n in c.names)


def test_signature_with_sub_unit_and_job_title_gives_the_organisation():
    _, a = decided("""Dear Director Alvarez:

On behalf of Harbor Freight Partners, thank you for the opportunity to give views on the proposed port emissions rule. Our members operate drayage trucks at three ports.

We urge the Agency to phase in the new limits over five years.

Respectfully,

Leo Grant
CEO
Government Relations
Harbor Freight Partners
""")
    assert a.author_org == "Harbor Freight Partners"
    names = {n for c in a.candidates for n in c.names}
    assert not names & {"CEO", "Government Relations", "Leo Grant"}


def test_legal_citation_in_the_opening_is_no_author():
    _, a = decided("""Dear Administrator:

40 CFR § 122.44 sets the conditions for discharge permits. The Clearwater Farmers Alliance appreciates the opportunity to give views on the proposed changes to nutrient limits.

The agency should give small farms five years to comply.

Sincerely,

Ruth Olsen
Clearwater Farmers Alliance
""")
    assert a.author_org == "Clearwater Farmers Alliance"
    assert not any("CFR" in n for c in a.candidates for n in c.names)


def test_a_document_title_is_never_an_organisation():
    assert never_an_org("Harbour Board Annual Report on Water Quality") == "document"


def test_a_document_title_line_is_not_the_author():
    _, a = decided("""Harbour Board Annual Report on Water Quality

Summary

Bathing water at the three town beaches met the excellent standard in every month of the season. Sampling at the river mouth found higher bacteria after heavy rain.

The Harbour Board should fund storm overflow monitoring at the river mouth.
""", "report.txt")
    assert a.author_org in (None, "Harbour Board")


def test_the_addressed_department_mentioned_later_is_not_the_author():
    doc, a = decided("""14 May 2024

Department of Agricultural Water
Attn: Water Allocation Branch
200 Station Street
Springfield IL 62701

Dear Director Alvarez:

I farm soybeans and corn on 300 acres near the Sangamon River. My family has farmed here for four generations and we have never been short of water in a normal summer.

Under the proposal the Department of Agricultural Water would cut summer allocations by a third. The Department of Agricultural Water has not explained how the cut was calculated. The Department of Agricultural Water held only one public meeting.

I ask the Department of Agricultural Water to publish its model and hold meetings in each county before the cut takes effect.

Sincerely,

Wendell Harper
""")
    assert a.author_org != "Department of Agricultural Water"
    assert a.addressee == "Department of Agricultural Water"
    assert a.author_person == "Wendell Harper"


def test_the_addressed_department_named_in_the_opening_is_not_the_author():
    _, a = decided("""14 May 2024

Department of Agricultural Water
Attn: Water Allocation Branch
200 Station Street
Springfield IL 62701

Dear Director Alvarez:

I farm soybeans and corn on 300 acres near the Sangamon River. The Department of Agricultural Water proposes to cut summer allocations by a third. The Department of Agricultural Water has not explained how the cut was calculated, and the Department of Agricultural Water held only one public meeting.

The Department of Agricultural Water should publish its model and hold meetings in each county before the cut takes effect.

Sincerely,

Wendell Harper
""")
    assert a.author_org != "Department of Agricultural Water"


def test_the_addressed_body_is_the_author_when_the_text_says_so():
    _, a = decided("""Organisation: Ministry for Regional Arts

To: Ministry for Regional Arts

The Ministry for Regional Arts is reviewing its own touring fund and welcomes views from venues. The fund will open a second round each year from next spring.
""", "notice.txt")
    assert a.author_org == "Ministry for Regional Arts"


# ------------------------------------------------------------------ addressee

def test_dear_doctor_with_an_office_block_addresses_the_office():
    _, a = decided("""Tidewater Oyster Growers Association
18 Wharf Road, Cape Charles VA 23310

April 2, 2024

Dr. Ruth Adeyemi
Office of Coastal Aquaculture
National Marine Resources Agency
1401 Constitution Ave NW
Washington, DC 20230

Dear Dr. Adeyemi:

Tidewater Oyster Growers Association appreciates the opportunity to give views on the proposed lease rules. Our members farm oysters on leased bottom in three counties.

We urge the Office of Coastal Aquaculture to keep lease terms at twenty years.

Sincerely,

Carl Bishop
President
""")
    assert a.author_org == "Tidewater Oyster Growers Association"
    assert a.addressee == "Office of Coastal Aquaculture"
    assert "Adeyemi" not in a.addressee
    assert "recipient" in {e.source for e in a.addressee_evidence}


def test_member_with_office_in_brackets_addresses_the_office():
    assert _body_of("Rt Hon Jo Bloggs MP (Secretary of State for Transport)") == "Secretary of State for Transport"
    assert _body_of("Dr Ruth Adeyemi, Office of Rural Broadband") == "Office of Rural Broadband"
    _, a = decided("""Rt Hon Jo Bloggs MP (Secretary of State for Transport)
Great Minster House
London SW1P 4DR

Dear Secretary of State,

The Cycle Commuters Trust is writing about the rail cycle reservation scheme. Our members cannot book bike spaces on many regional services.

Please require every operator to accept cycle bookings online.

Yours sincerely,

Hannah Cole
Director, Cycle Commuters Trust
""")
    assert a.addressee == "Secretary of State for Transport"
    assert a.author_org == "Cycle Commuters Trust"


def test_dateless_recipient_block_above_dear_nz_catchment():
    _, a = decided("""Wairoa Catchment Care Group
12 River Road, Wairoa 4108

Chair, Environment Committee
Greater Hawke Regional Council
Private Bag 6006
Napier 4142

Dear Chair,

Wairoa Catchment Care Group is a volunteer group that plants riverbanks and monitors water quality. Sediment from forestry harvest is smothering the estuary.

We ask the Council to require sediment traps on every harvest block above the river.

Mere Tamati
Coordinator
""")
    assert a.author_org == "Wairoa Catchment Care Group"
    assert "Environment Committee" in a.addressee
    assert "recipient" in {e.source for e in a.addressee_evidence}


def test_dateless_recipient_block_addressee_is_the_body_without_the_role():
    _, a = decided("""Wairoa Catchment Care Group
12 River Road, Wairoa 4108

Chair, Environment Committee
Greater Hawke Regional Council
Private Bag 6006
Napier 4142

Dear Chair,

Wairoa Catchment Care Group is a volunteer group that plants riverbanks and monitors water quality. Sediment from forestry harvest is smothering the estuary.

We ask the Council to require sediment traps on every harvest block above the river.

Mere Tamati
Coordinator
""")
    assert a.addressee in ("Environment Committee", "Greater Hawke Regional Council")


def test_to_field_names_the_addressee_arts():
    _, a = decided("""To: Ministry for Regional Arts
From: Southland Community Theatre Network
Subject: Touring fund review

The touring fund has not kept pace with venue hire costs in the regions. We ask the Ministry to raise the fund by a quarter and to open a second round each year for small companies.
""", "memo.txt")
    assert a.addressee == "Ministry for Regional Arts"
    assert a.author_org == "Southland Community Theatre Network"


def test_glued_address_line_is_split_australian_broadband():
    _, a = decided("""Standing Committee on Rural Broadband Committee Secretary Department of the Legislative Assembly PO Box 6021 Parliament House

Dear Secretary,

The Outback Connectivity Forum welcomes the inquiry into rural broadband. Satellite services drop out in storms and remote schools lose lessons.

The Committee should recommend a second ground station for the northern region.

Yours faithfully,

Lena Cooper
Outback Connectivity Forum
""")
    assert a.addressee == "Standing Committee on Rural Broadband"
    assert a.author_org == "Outback Connectivity Forum"


def test_body_named_repeatedly_when_nobody_is_written_to():
    _, a = decided("""Fares for island ferries

Island residents pay twice the mainland fare for the same distance. The Marlborough Regional Council set the fares in 2019. Since then the Marlborough Regional Council has raised them three times. The Marlborough Regional Council should freeze fares for residents and publish the ferry contract.
""", "note.txt")
    assert a.addressee == "Marlborough Regional Council"
    assert "named" in {e.source for e in a.addressee_evidence}


def test_a_salutation_to_a_person_alone_is_no_addressee_body():
    _, a = decided("""Dear Ms Lee,

Thank you for the chance to comment on the farm drainage grants. Many smallholders cannot afford the match funding, so the scheme should cover the full cost for holdings under twenty hectares.

Yours sincerely,

Gareth Pryce
Policy Officer
Upland Smallholders Association
""")
    assert a.addressee != "Ms Lee"


def test_a_commitment_has_no_addressee():
    doc = read("""Dear Minister,

The Coastal Kayak Club writes about the new launch ramp fees. We will publish a guide to safe launching for our members next month. We ask the Council to waive fees for volunteer rescue crews.

Yours sincerely,

Amy Tran
Secretary, Coastal Kayak Club
""")
    asks = analyse(doc, Registry.builtin())
    commitments = [x for x in asks if x.type == COMMITMENT]
    assert commitments and all(x.addressee is None for x in commitments)
    request = next(x for x in asks if "waive fees" in x.text)
    assert request.addressee == "Council" and request.holder == "Coastal Kayak Club"


def test_sane_addressee_citation_or_person_gives_the_documents_addressee():
    office = "Office of Coastal Aquaculture"
    assert _sane_addressee("40 CFR § 122.44", office) == office
    assert _sane_addressee("Section 12 of the Act", office) == office
    assert _sane_addressee("Dr. Amelia Okoro", office) == office
    assert _sane_addressee("Section 12 of the Act", None) is None


def test_sane_addressee_the_agency_is_the_body_written_to():
    assert _sane_addressee("the agency", "National Marine Resources Agency") == "National Marine Resources Agency"
    assert _sane_addressee("the Department", "Department of Rural Water") == "Department of Rural Water"


def test_sane_addressee_bare_minister_is_the_documents_addressee():
    assert _sane_addressee("the Minister", "Minister for Fisheries and Oceans") == "Minister for Fisheries and Oceans"
    assert _sane_addressee("the Minister", None) == "the Minister"


def test_sane_addressee_keeps_a_named_body():
    assert _sane_addressee("Harbour Board", "Ministry for Regional Arts") == "Harbour Board"
    assert _sane_addressee("Harbour Board to publish its accounts", None) == "Harbour Board"
    assert _sane_addressee(None, "Ministry for Regional Arts") is None


# ------------------------------------------------------------------ Registry.within

def test_bare_minister_does_not_resolve_to_another_documents_portfolio():
    registry = Registry()
    registry.learn(Organisation("Minister for Inland Fisheries", [], None, OFFICE))
    with registry.within("We ask the Minister to fund new school buses in rural areas."):
        assert registry.canonical("the Minister") != "Minister for Inland Fisheries"
    with registry.within("Inland fisheries need help after the drought. We ask the Minister to fund hatcheries."):
        assert registry.canonical("the Minister") == "Minister for Inland Fisheries"


def test_the_government_resolves_by_country():
    registry = Registry.builtin()
    with registry.within("Australian growers need water security. Farmers across Australia face a third dry year."):
        assert registry.canonical("the Government") == "Australian Government"
    with registry.within("Canadian grain moves by rail to ports on both coasts of Canada."):
        assert registry.canonical("the Government") == "Government of Canada"
    with registry.within("Anglers in Ireland fish the Irish rivers from March."):
        assert registry.canonical("the Government") == "Government of Ireland"
    with registry.within("Orchards in New Zealand need seasonal workers."):
        assert registry.canonical("the Government") == "New Zealand Government"


def test_document_country():
    assert document_country("The Oireachtas committee heard from Irish anglers.") == "IE"
    assert document_country("Farmers across Australia and the Australian states.") == "AU"
    assert document_country("Ferries to the islands run twice a day.") is None


# ------------------------------------------------------------------ robustness

@pytest.mark.parametrize("text", [
    "x",
    "12345 !!! 67890",
    "... 1 ...",  # punctuation alone is refused by the reader now ("empty document"): keep one digit
    "# Water\n\n## Fisheries\n\n## Broadband\n\n## Pensions\n",
    "WATER QUALITY\n\nFISHERIES\n\nPENSIONS\n",
    "Dear ,\n\nSincerely,\n\n",
    "Organisation: \n\nSubmitted by: ---\n",
    "Yours sincerely,\n\n1234\n5678\n",
    "Written evidence submitted by\n\n",
    "On behalf of the\n",
])
def test_decide_and_attribute_never_raise(text):
    doc = read(text, "odd.txt")
    found = decide(doc)
    assert found.author_org is None or isinstance(found.author_org, str)
    out = attribute(doc)
    assert out is doc
    assert "metadata_error" not in doc.metadata


def test_attribute_keeps_the_document_when_decide_fails(monkeypatch):
    doc = read("""Submitted by: Northern Broadband Alliance

The Alliance welcomes the chance to comment on rural gigabit vouchers.
""", "submission.txt")
    before = doc.author_org

    def broken(_doc):
        raise ValueError("boom")

    monkeypatch.setattr(authorship, "decide", broken)
    assert attribute(doc) is doc
    assert doc.author_org == before
    assert "authorship" in doc.metadata["metadata_error"]


# ------------------------------------------------------------------ more evidence: thanks, written questions, sessions

def test_the_body_a_letter_commends_is_its_addressee():
    _, a = decided("""Upland Sheep Breeders' Network
Response to the consultation on hill farm payments

The Network commends the Rural Payments Agency on its efforts to simplify the claim forms.

Payments should be made in two instalments rather than one. The deadline should move to the end of May.
""")
    assert a.addressee == "Rural Payments Agency"
    assert {e.source for e in a.addressee_evidence} & {"thanked"}


def test_a_written_question_names_the_office_that_answers():
    _, a = decided("""Written answers, 14 March 2019

Ms Jo Harrow

To ask the Secretary of State for Transport when he will publish the review of rural bus subsidies.

Mr Alan Price

The review will be published before the summer recess, together with the Government's response.
""", "answer.txt")
    assert a.author_org == "Secretary of State for Transport"


def test_a_transcript_without_a_header_holds_for_the_inquiry_its_speakers_name():
    from analysis.authorship import _session_body

    doc = read("""Chair: Good morning. The Inquiry will now hear from the harbour authority.

Ms Ellis: Thank you. As the Inquiry knows, the breakwater failed in two places.

Chair: The Inquiry has read your statement. Will you publish the engineering survey?

Ms Ellis: Yes, the Inquiry will have it within a month.
""", "hearing.txt")
    assert doc.kind == "transcript"
    assert _session_body(doc) == "Inquiry"


def test_a_pathological_one_line_document_is_attributed_without_an_author():
    # a run of capitals with no break once backtracked over the whole text for every position
    doc = read("A" * 300_000, "one-line.txt")
    found = decide(doc)
    assert found.author_org is None


# ------------------------------------------------------------------ the writer named in its own voice

def test_a_one_word_name_that_takes_a_stance_in_a_we_text_is_the_author():
    _, a = decided("""Summary
We are grateful to the Transport Committee for the chance to comment on the Rail Fares Bill.
Railwatch opposes this Bill. It would raise season tickets by a fifth for our members and their families.
Fares must be frozen until the new timetable is in place, and we ask that the cap stay at two per cent.
""")
    assert a.author_org == "Railwatch"
    assert "self_intro" in sources(a)


def test_a_subject_after_an_introductory_clause_speaks_for_the_writer():
    _, a = decided("""Position paper, Brussels, 3 March 2021. In view of the Commission's review of the battery rules, Accuvolt would like to set out its comments on the proposal. Accuvolt agrees that collection targets should rise. Accuvolt remains convinced that the passport should be digital.
""", "paper.txt")
    assert a.author_org == "Accuvolt"


def test_a_named_association_with_a_two_word_acronym_that_would_like_to_suggest_is_the_author():
    _, a = decided("""FERRY FARES

Why the present fares fail island families

o No discount for a second car

o Winter sailings cut to two a day

PROPOSED CHANGES

Island Hauliers Association of Orkney (IHA ORKNEY) would like to

suggest restructuring the fares as follows:

ABOLISH PEAK PRICING
""", "fares.txt")
    assert a.author_org == "Island Hauliers Association of Orkney"


def test_a_press_release_names_its_joint_authors_after_the_dateline():
    _, a = decided("""Early years funding is not enough

Halifax, 12 May 2022 – The Nova Scotia Childcare Association (NSCA) and the Atlantic Early Learning Network (AELN) today urged the province's Minister of Education to double the grant for rural centres.

In their brief, the NSCA and AELN make two recommendations.
""", "release.txt")
    assert a.author_org == "Nova Scotia Childcare Association"
    assert {fold(n) for c in a.candidates for n in c.names} >= {fold("Atlantic Early Learning Network")}
    assert a.addressee == "Minister of Education"


def test_an_acronym_the_text_defines_is_not_the_builtin_body_of_that_acronym():
    from analysis.authorship import _named_bodies

    text = ("The Canadian Medical Association (CMA) represents doctors. The CMA wrote to the council. "
            "The CMA met the council again.")
    assert "Competition and Markets Authority" in _named_bodies("The CMA fined the firm. The CMA warned it.")
    assert "Competition and Markets Authority" not in _named_bodies(text, {"CMA": "Canadian Medical Association"})


def test_a_post_that_is_the_subject_of_the_opening_is_never_the_author():
    _, a = decided("""Minutes of the Audit Committee, 4 June 2019

The Deputy Chief Executive presented the annual complaints report and referred Members to the appendix.

Members asked that the report be published on the website.
""", "minutes.txt")
    assert a.author_org != "Deputy Chief Executive"
    assert never_an_org("Deputy Chief Executive", plain_names=False) == "role"


def test_a_title_whose_second_line_names_the_writer():
    _, a = decided("""MEMORANDUM SUBMITTED TO THE SENATE COMMITTEE ON FISHERIES

BY THE LAKE VICTORIA FISHERFOLK UNION (LVFU)

ON THE FISHERIES MANAGEMENT (AMENDMENT) BILL, 2024

1.0 INTRODUCTION

1.1 The Lake Victoria Fisherfolk Union (LVFU) is a federation of forty beach management units.

1.2 LVFU supports the ban on undersized nets. We ask the Committee to delay the licence fee until 2026.
""", "memo.txt")
    assert a.author_org == "Lake Victoria Fisherfolk Union"
    assert never_an_org("Memorandum Submitted to the Senate Committee on Fisheries") == "document"


def test_a_command_paper_is_written_by_the_minister_who_presents_it():
    _, a = decided("""Safer Ferries: Next Steps
Government Response to the Maritime Committee's Second Report of Session 2023–24

Presented to Parliament by the Secretary of State for Scotland by Command of His Majesty

May 2024

The Government welcomes the Committee's report. We will publish a ferry safety plan by the end of the year.
""", "response.txt")
    assert a.author_org == "Secretary of State for Scotland"
    assert never_an_org("Government Response to the Maritime Committee") == "document"


def test_this_is_the_x_position_paper_names_its_writer():
    _, a = decided("""ACFE ACFE/12/2019 The Association of Cycle Freight Operators 03/04/2019 Rue de la Loi 200 Bruxelles Urban logistics package: ACFE position paper This is the ACFE position paper on the Commission's urban logistics package. The proposal joins parking and loading rules in one regulation. Loading bays must be kept free of parked cars.
""", "paper.txt")
    assert a.author_org == "ACFE"


def test_a_writer_who_is_pleased_to_provide_its_views_past_the_first_paragraph():
    _, a = decided("""Licensing Unit, Gaming Policy Directorate, Consumer Protection Branch
Ministry of Finance
Email: licensing@example.org

In May 2023, the Ministry of Finance announced a plan to cap the number of gaming machines in every club.

Clubsafe is pleased to provide the Ministry with our views on this plan. We have set them out below.

Clubsafe is the country's largest network of community clubs. We ask the Ministry to exempt clubs with fewer than ten machines.
""", "submission.txt")
    assert a.author_org == "Clubsafe"


def test_a_name_the_text_writes_in_capitals_in_its_sentences_stays_in_capitals():
    _, a = decided("""The Board should not extend the deadline for comments on the ferry rule

Notes on the consultation, spring 2023.

NWFA TRC submitted a public comment urging the Board not to extend the time for comments on the ferry rule.

The Board's proposed rule would cap ferry fares for island residents. It should be adopted without delay.
""", "comment.txt")
    assert a.author_org == "NWFA TRC"


def test_a_part_of_a_law_is_never_a_body_and_sir_opens_a_letter():
    assert never_an_org("Clause 21", plain_names=False) == "document"
    assert never_an_org("Treaty", plain_names=False) == "document"
    assert never_an_org("Schedule Trust Fund", plain_names=False) is None
    _, a = decided("""MEMORANDUM ON THE RIVER TRANSPORT BILL, 2024

The Clerk,
Senate Committee on Inland Waterways,
Parliament Buildings,
Kampala.

Sir,

1.1 The Ferry Operators Guild (FOG) is a network of sixty ferry owners on the lakes.

1.2 We recommend that Clause 9 be amended to exempt ferries under ten metres. Clause 14 should be deleted.
""", "memo.txt")
    assert a.author_org == "Ferry Operators Guild"
    assert a.addressee == "Senate Committee on Inland Waterways"


HARBOUR_JOINT = """Portmore, 9 September 2025

The Chief Executive
Portmore Harbour Authority

Dear Chief Executive,

We write as a group of sailing, rowing and fishing clubs about the proposed berth charges.

We urge the Authority to hold the charges for small boats at this year's level.

We oppose the plan to close the public slipway on winter weekends.

Yours faithfully,

Signed on behalf of the following organisations:

Portmore Dinghy Club (PDC) - Aled Prys Morgan, Commodore
Harbour Rowing Association - Dr. Ines Carvalho, Secretary
Inshore Fishermen's Cooperative - Mr. Tomasz Nowak, Chair
"""


def test_a_joint_letter_with_no_name_of_its_own_is_led_by_its_first_signatory():
    d = attribute(read(HARBOUR_JOINT, "berths.txt"))
    assert d.author_org == "Portmore Dinghy Club"
    assert json.loads(d.metadata["author_evidence"])[0]["source"] in ("signature", "lead_signatory")
    assert d.addressees[:1] == ["Portmore Harbour Authority"]
    asks = analyse(d, Registry())
    assert asks and {a.holder for a in asks} == {"Portmore Dinghy Club"}


BARE_TO = """HILL COUNTRY TEA GROWERS' ASSOCIATION
Estate Office, Nuwara Road, Hatton

Ref: HCTGA/2025/17                                    Date: 03.02.2025

To
The Commissioner
Board of Tea Standards, Ministry of Plantation Industries
Battaramulla

Sub: Comments on the draft grading rules for orthodox black tea

Sir/Madam,

We thank the Board for the chance to comment. The Board should delay the new grading rules by one season.

Yours faithfully,
Nimal Perera
Secretary
"""


def test_a_to_line_on_its_own_opens_the_recipients_block():
    d = attribute(read(BARE_TO, "tea.txt"))
    assert d.addressees[0].startswith("Board of Tea Standards")
    assert d.author_org and "Tea Growers" in d.author_org


LETTER_TO_EDITOR = """Bus cuts will strand the valley

THE EDITOR, Sir:

Your report on the withdrawal of the evening buses to Glenmore missed the point. The operator says the routes
lose money, but the county pays it a subsidy for exactly these routes.

The council must publish the subsidy agreement and restore the evening service before the winter timetable starts.

GLENMORE VALLEY PASSENGERS' GROUP
"""


def test_a_last_line_set_apart_that_names_an_organisation_signs_the_letter():
    assert attribute(read(LETTER_TO_EDITOR, "editor.txt")).author_org == "Glenmore Valley Passengers' Group"
    # a source line is not a signature
    assert attribute(read(LETTER_TO_EDITOR.replace("GLENMORE VALLEY PASSENGERS' GROUP", "source: The Valley Times"),
                          "editor.txt")).author_org is None


UNKNOWN_SIGN_OFF = """Plot 9, Lake Road, Jinja

3 March 2025

To: The Chairperson, Committee on Fisheries and Wetlands, National Assembly

Honourable Chairperson,

We ask the Committee to delay the new net-size rules until the fishers' cooperatives have been consulted.

Forward Together,

[signed]

Agnes Namuli Okello
Programme Coordinator
Lakeshore Women's Fish Traders Network
"""


def test_a_signature_block_after_an_unfamiliar_sign_off_names_the_author():
    d = attribute(read(UNKNOWN_SIGN_OFF, "nets.txt"))
    # a possessive inside a name ("… Women's Fish Traders Network") is part of it, not an owner
    assert d.author_org == "Lakeshore Women's Fish Traders Network"
    assert never_an_org("Lakeshore Women's Fish Traders Network") is None
    assert not d.addressees[0].startswith("Chairperson")  # the body, not the post that heads it


def test_a_title_that_starts_with_its_author_gives_the_author():
    from analysis.authorship import trim

    assert trim("Ruritanian Government response to the Select Committee on Ferries") == "Ruritanian Government"
    assert trim("Acme Trust's Advisory Collaborative") == "Acme Trust"
