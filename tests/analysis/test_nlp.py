"""spaCy is run without NER by default; entities, when asked for, are the full pipeline's."""
import spacy

from analysis.nlp import MODEL, parse, parse_many, with_entities

SENTENCES = [
    "We urge Harrowgate Borough Council to reopen the library in Kettleby by June.",
    "Councillor Priya Natarajan should meet the Riverside Tenants Union before the budget vote.",
    "The Department for Transport must publish the rail timetable review next year.",
]


def test_parses_carry_no_entities_until_asked():
    doc = parse(SENTENCES[0])
    assert not doc.has_annotation("ENT_IOB")
    assert with_entities(doc) is doc and doc.has_annotation("ENT_IOB")


def test_entities_asked_for_are_the_full_pipelines():
    full = spacy.load(MODEL)
    for ours, theirs in zip(parse_many(SENTENCES), full.pipe(SENTENCES)):
        with_entities(ours)
        assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in theirs.ents]
        assert [(t.dep_, t.pos_, t.lemma_) for t in ours] == [(t.dep_, t.pos_, t.lemma_) for t in theirs]
    assert any(e.label_ == "ORG" for e in with_entities(parse(SENTENCES[2])).ents)
