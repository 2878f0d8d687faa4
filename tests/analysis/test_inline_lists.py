"""A numbered list run inline in one paragraph ("We recommend that the Board: 1. Publish … 2. Fund … 3. Review …",
as PDF text often gives it): three numbered list-item asks plus the lead-in. Invented text of several topics."""
import pytest

from analysis import Registry, analyse
from analysis.records import RECOMMENDATION
from analysis.sentences import _inline_list, split_sentences, units
from ingest import read_bytes
from ingest.records import LIST_ITEM


def known_bug(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True, raises=AssertionError)


def pieces(text: str):
    spans = split_sentences(text, 0, len(text))
    return [(text[a:b], n, item) for a, b, n, item in _inline_list(text, spans, 0, len(text))]


def letter(paragraph: str) -> str:
    return f"""Dear Ms Park,

{paragraph}

Yours sincerely,

Sam Reid
Chair, Northern Theatre Forum
"""


ARTS_DOT = ("Our review of the regional arts funding scheme is complete. We recommend that the Board: 1. Publish its scoring "
            "criteria before each round opens. 2. Fund touring costs for companies outside the capital. 3. Review the cap "
            "on multi-year grants by March.")
ARTS_PAREN = ARTS_DOT.replace("1. ", "1) ").replace("2. ", "2) ").replace("3. ", "3) ")
WATER_PAREN = ("The panel recommends that the Water Authority: 1) Replace lead pipes in every school by 2027. 2) Publish "
               "test results for each district online. 3) Offer free filters to households on the old mains.")


def test_no_inline_list_leaves_sentences_alone():
    text = "Pension charges are too high. The regulator should cap them. Members lose out."
    assert [(p, n, i) for p, n, i in pieces(text)] == [(s, None, False) for s in
                                                      ["Pension charges are too high.", "The regulator should cap them.", "Members lose out."]]


def test_a_single_number_is_no_list():
    text = "We ask for one change: 1) Publish the ferry timetable a month ahead. Nothing else is needed."
    assert all(not item for _, _, item in pieces(text))


@pytest.mark.parametrize("text", [ARTS_PAREN, WATER_PAREN])
def test_inline_list_with_brackets_gives_lead_in_and_three_items(text):
    got = pieces(text)
    items = [(p, n) for p, n, item in got if item]
    assert [n for _, n in items] == ["1", "2", "3"]
    lead = [p for p, n, item in got if not item][-1]
    assert lead.endswith(":")
    assert not any(p.startswith(("1)", "2)", "3)")) for p, _ in items)


def test_inline_list_with_full_stops_gives_lead_in_and_three_items():
    got = pieces(ARTS_DOT)
    assert [n for _, n, item in got if item] == ["1", "2", "3"]


def test_inline_list_units_carry_their_numbers():
    doc = read_bytes(letter(WATER_PAREN).encode(), "letter.txt")[0]
    numbered = [u for u in units(doc) if u.number]
    assert [u.number for u in numbered] == ["1", "2", "3"]
    assert all(u.block_kind == LIST_ITEM for u in numbered)


def test_inline_list_gives_three_numbered_asks_plus_the_lead_in():
    doc = read_bytes(letter(ARTS_PAREN).encode(), "letter.txt")[0]
    asks = analyse(doc, Registry.builtin())
    lead = next(a for a in asks if a.text.startswith("We recommend that the Board"))
    items = [a for a in asks if a.number]
    assert [a.number for a in items] == ["1", "2", "3"]
    assert items[0].text.startswith("Publish") and items[2].text.startswith("Review")
    assert all(a.type == RECOMMENDATION and a.holder == "Northern Theatre Forum" for a in [lead, *items])
    assert lead.addressee == "Board"


@known_bug("inline list items are not linked to their lead-in: no lead_in_id, and the addressee is the letter's "
           "'Ms Park' instead of the lead-in's 'Board' (a list on separate lines gets both)")
def test_inline_list_items_take_the_lead_ins_addressee():
    doc = read_bytes(letter(ARTS_PAREN).encode(), "letter.txt")[0]
    asks = analyse(doc, Registry.builtin())
    lead = next(a for a in asks if a.text.startswith("We recommend that the Board"))
    items = [a for a in asks if a.number]
    assert all(a.lead_in_id == lead.id for a in items)
    assert all(a.addressee == "Board" for a in items)


def test_the_same_list_on_separate_lines_links_its_lead_in():
    text = letter("Our review of the regional arts funding scheme is complete. We recommend that the Board:\n\n"
                  "1. Publish its scoring criteria before each round opens.\n"
                  "2. Fund touring costs for companies outside the capital.\n"
                  "3. Review the cap on multi-year grants by March.")
    doc = read_bytes(text.encode(), "letter.txt")[0]
    asks = analyse(doc, Registry.builtin())
    lead = next(a for a in asks if a.text.startswith("We recommend that the Board"))
    items = [a for a in asks if a.number]
    assert [a.number for a in items] == ["1", "2", "3"]
    assert all(a.lead_in_id == lead.id and a.addressee == "Board" for a in items)


# ------------------------------------------------------------------ a reply restates recommendations before answering

REPLY = """Ministry of Coastal Affairs

Government Response to the Harbours Committee Report on Ferry Reliability

The Government thanks the Committee for its report.

Recommendation 1. The Ministry should publish monthly ferry cancellation figures for every route.

Response: Accept

We will publish the figures on the Ministry website from April, route by route.

Recommendation 2. Island councils should be given funding to run replacement water taxis.

Response: Reject

Funding for replacement services is a matter for the operators under their contracts.
"""


def test_a_reply_does_not_ask_what_it_restates():
    from analysis import Registry, extract_asks

    (doc,) = read_bytes(REPLY.encode(), "reply.txt")
    asks = extract_asks(doc, Registry.builtin())
    texts = [a.text for a in asks]
    assert not any("should publish monthly ferry" in t for t in texts)  # the Committee's, restated
    assert not any("should be given funding" in t for t in texts)
    commitments = [a for a in asks if a.type == "commitment"]
    assert any("We will publish the figures" in a.text for a in commitments)
    assert all(a.addressee is None for a in commitments)


def test_one_labelled_recommendation_alone_is_no_reply():
    from analysis.asks import restated_blocks

    (doc,) = read_bytes(b"Recommendation 1. The council should open the depot on Sundays.\n\nResponse: we agree.\n", "x.txt")
    assert restated_blocks(doc) == set()
