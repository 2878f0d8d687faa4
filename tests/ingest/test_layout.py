"""Plain-text layout rules, on texts of several topics."""
from ingest.layout import blocks_from_text, list_marker, number_from_words
from ingest.records import ADDRESS, CLOSING, LIST_ITEM, PAGE_BREAK, SALUTATION, SIGNATURE


def texts(text, blocks, kind=None):
    return [text[b.start:b.end] for b in blocks if kind is None or b.kind == kind]


def test_list_markers():
    assert list_marker("1. Fund the service") == ("1", 3, "digit")
    assert list_marker("(b) publish data")[0] == "b"
    assert list_marker("iv) review the plan")[0] == "iv"
    assert list_marker("- cut fares")[0] == "-"
    assert list_marker("• cut fares")[0] == "•"
    assert list_marker("- 12 Friends of the Earth")[0] == "12"
    assert list_marker("J. Smith wrote to us") is None
    assert list_marker("2020 was a hard year") is None
    assert list_marker("Plain sentence.") is None


def test_nested_list_takes_numbered_item_as_lead_in():
    text = ("The board should:\n\n1. lobby the Treasury to:\n- raise the grant;\n- index it to inflation;\n"
            "2. report every year.\n\nThanks.")
    blocks = blocks_from_text(text)
    items = [b for b in blocks if b.kind == LIST_ITEM]
    assert [b.number for b in items] == ["1", "-", "-", "2"]
    lead = blocks[items[0].lead_in]
    assert text[lead.start:lead.end] == "The board should:"
    assert blocks[items[1].lead_in] is items[0]
    assert items[1].level == 1 and items[0].level == 0
    # the numbered run continues after the nested bullets and keeps its own lead-in
    assert items[3].lead_in is not None and blocks[items[3].lead_in].kind != LIST_ITEM


def test_wrapped_list_item_continues_on_next_line():
    text = "We propose:\n1. a levy on second homes,\n   collected by districts;\n2. a cap on rents."
    blocks = blocks_from_text(text)
    items = texts(text, blocks, LIST_ITEM)
    assert items == ["a levy on second homes,\n   collected by districts;", "a cap on rents."]


def test_letter_parts_and_page_breaks():
    text = ("Greenfield Parish Council\nThe Old School\nGreenfield GF1 1AA\n\n5 May 2024\n\nDear Minister,\n\n"
            "We write about flooding on the A12.\f\nPage two text continues here.\n\nKind regards,\n\n"
            "Tom Reeve\nClerk to the Council")
    blocks = blocks_from_text(text)
    assert texts(text, blocks, ADDRESS)[:3] == ["Greenfield Parish Council", "The Old School", "Greenfield GF1 1AA"]
    assert texts(text, blocks, SALUTATION) == ["Dear Minister,"]
    assert texts(text, blocks, CLOSING) == ["Kind regards,"]
    assert texts(text, blocks, SIGNATURE) == ["Tom Reeve", "Clerk to the Council"]
    assert any(b.kind == PAGE_BREAK and text[b.start] == "\f" for b in blocks)


def test_recommendation_numbers_in_words():
    assert number_from_words("Recommendation four: the trust should…") == "4"
    assert number_from_words("Recommendation 12. Publish the data") == "12"
    assert number_from_words("We recommend four things") is None


def test_a_hard_wrapped_paragraph_is_one_block_but_an_address_is_lines():
    wrapped = ("It is essential that the county council keeps the Millbrook\n"
               "library open on Saturdays and publishes its plans for the\n"
               "mobile library before the budget is set.\n")
    blocks = blocks_from_text(wrapped)
    assert len(blocks) == 1 and wrapped[blocks[0].start:blocks[0].end].endswith("before the budget is set.")
    address = "Friends of Millbrook Library\n12 High Street\nMillbrook\nMB1 2CD\n"
    assert len(blocks_from_text(address)) == 4
