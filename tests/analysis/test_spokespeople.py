"""Quotations in a press release: the author's own spokesperson speaks for it; anyone else quoted does not."""
import pytest

from analysis import Registry, analyse
from analysis.ask_rules import classify, lead_in_hit
from analysis.authorship import attribute
from analysis.organisations import register_document
from analysis.positions import extract_statements
from analysis.spokespeople import spokespeople
from ingest import read_bytes

FERRIES = """MEDIA RELEASE
Island Ferry Users' Group (IFUG)
Portree, 3 March 2026

FERRY USERS WELCOME NEW TIMETABLE BUT WARN OF FARE RISE

The Island Ferry Users' Group (IFUG) welcomes the new winter timetable published by the operator.

"Islanders cannot plan their lives around a ferry that may not sail," said IFUG convener Ms Ailsa MacRae. "We call on the Transport Minister to freeze fares until the new vessels are in service."

Ms MacRae added: "The operator should publish its cancellation figures every month."

A hotel owner on the island, Mr Donald Bain, said: "Fares should be cut by half for tourists."

The Group makes two further proposals:
- Reserve deck space for island residents at peak times;
- Refund tickets in full when a sailing is cancelled.
"""

LIBRARIES = """PRESS STATEMENT
Riverside Library Friends

The Riverside Library Friends are dismayed by the plan to close two branch libraries.

"Closing branches would cut off older readers," said Dr Priya Nair, chair of the Riverside Library Friends. "The council must keep both branches open."

"We will keep the libraries open whatever it takes," a council spokesperson said.
"""


def _doc(text: str, name: str):
    doc = read_bytes(text.encode("utf-8"), name)[0]
    attribute(doc)
    reg = Registry()
    register_document(reg, doc)
    return doc, reg


@pytest.mark.parametrize("text, name, author, person", [
    (FERRIES, "ferries.txt", "Island Ferry Users' Group", "Ms Ailsa MacRae"),
    (LIBRARIES, "libraries.txt", "Riverside Library Friends", "Dr Priya Nair"),
])
def test_the_authors_spokesperson_asks_in_its_name(text, name, author, person):
    doc, reg = _doc(text, name)
    assert doc.author_org == author
    asks = analyse(doc, reg)
    quoted = [a for a in asks if a.speaker]
    assert quoted and all(a.holder == author and a.speaker == person for a in quoted)


def test_a_spokesperson_named_again_by_surname_still_speaks_for_the_author():
    doc, reg = _doc(FERRIES, "ferries.txt")
    texts = {a.text.strip('"“”'): a for a in analyse(doc, reg)}
    monthly = next(a for t, a in texts.items() if "cancellation figures" in t)
    assert monthly.speaker == "Ms Ailsa MacRae" and monthly.holder == "Island Ferry Users' Group"


def test_someone_else_quoted_is_not_the_author():
    doc, reg = _doc(FERRIES, "ferries.txt")
    assert not any("cut by half" in a.text for a in analyse(doc, reg))  # the hotel owner's words
    doc, reg = _doc(LIBRARIES, "libraries.txt")
    assert not any("whatever it takes" in a.text for a in analyse(doc, reg))  # the council's


def test_spokespeople_are_found_by_block():
    doc, _ = _doc(FERRIES, "ferries.txt")
    found = spokespeople(doc, ["Island Ferry Users' Group", "IFUG", "Group"])
    assert set(found.values()) == {"Ms Ailsa MacRae"}
    assert spokespeople(doc, []) == {}


def test_a_spokespersons_stance_is_the_authors():
    doc, reg = _doc(LIBRARIES, "libraries.txt")
    asks = analyse(doc, reg)
    statements = extract_statements(doc, asks, reg)
    assert any(s.organisation == "Riverside Library Friends" for s in statements)


@pytest.mark.parametrize("lead, typ", [
    ("The Group makes two further proposals:", "recommendation"),
    ("We therefore make the following recommendations:", "recommendation"),
    ("Our demands are as follows:", "recommendation"),
    ("The Trust sets out three requests:", "request"),
    ("In response to the report, we make the following recommendations:", "recommendation"),
])
def test_a_lead_in_that_names_its_items_as_asks_is_an_ask_and_frames_them(lead, typ):
    hit = classify(lead)
    assert hit is not None and hit.type == typ
    assert lead_in_hit(lead, []).type == typ


@pytest.mark.parametrize("lead", ["The report makes four recommendations:", "Respondents made the following points:"])
def test_a_lead_in_reporting_someone_elses_asks_is_not_the_writers(lead):
    assert classify(lead) is None


def test_items_of_a_named_lead_in_are_asks_whatever_their_first_word():
    doc, reg = _doc(FERRIES, "ferries.txt")
    texts = [a.text for a in analyse(doc, reg)]
    assert any(t.startswith("Reserve deck space") for t in texts)
    assert any(t.startswith("Refund tickets") for t in texts)
    assert "The Group makes two further proposals:" in texts
