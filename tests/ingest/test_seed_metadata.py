"""Metadata of the five demo documents, read the way the app reads them."""
from pathlib import Path

import pytest

from ingest.reader import read

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def doc(prefix: str):
    paths = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"demo document {prefix} not present")
    return read(paths[0])[0]


def test_000_commissioner_letter_to_the_mayor():
    d = doc("000")
    assert (d.kind, d.date) == ("letter", "2022-01-21")
    assert d.author_org == "Independent Anti-Slavery Commissioner"
    assert d.addressees == ["Mayor of London"]
    assert d.metadata["addressee_person"] == "Sadiq Khan"


def test_001_committee_letter_to_the_deputy_mayor():
    d = doc("001")
    assert (d.kind, d.date) == ("letter", "2020-01-29")
    assert d.author_org == "London Assembly Police and Crime Committee"
    assert d.author == "Unmesh Desai AM"
    assert d.addressees == ["Deputy Mayor for Policing and Crime"]
    assert d.metadata["addressee_person"] == "Sophie Linden"
    assert d.metadata["addressee_organisation"] == "MOPAC"


def test_002_working_group_pledge_letter():
    d = doc("002")
    assert (d.kind, d.date) == ("letter", "2021-03-16")
    assert d.author_org == "Anti-Slavery London Working Group"
    assert d.addressees == ["Mayoral Candidate"]
    assert len(d.signatories) == 30
    assert d.signatories[0] == "AFRUCA - Safeguarding Children"
    assert "Focus on Labour Exploitation (FLEX)" in d.signatories
    assert d.signatories[-1] == "Victim Support"
    assert d.metadata["care_of"] == "Human Trafficking Foundation"


def test_003_commissioner_letter_to_new_commissioners():
    d = doc("003")
    assert (d.kind, d.date) == ("letter", "2021-06-18")
    assert d.author_org == "Independent Anti-Slavery Commissioner"
    assert d.addressees == ["Police and Crime Commissioner"]


def test_004_question_time_transcript():
    d = doc("004")
    assert (d.kind, d.date) == ("transcript", "2017-10-12")
    speakers = [t.speaker for t in d.turns]
    assert set(speakers) == {"Sadiq Khan", "Jennette Arnold OBE AM", "Andrew Boff AM"}
    assert len(d.turns) == 13
    mayor = d.turns[0]
    assert (mayor.speaker, mayor.role) == ("Sadiq Khan", "Mayor of London")
    assert d.text[mayor.start:mayor.end].startswith("Thank you for this timely question")
    assert d.text[d.turns[-1].start:d.turns[-1].end] == "OK, thank you very much."
    assert d.turns[1].role == "Chair"
    assert d.addressees == ["Mayor of London"]
    assert d.metadata["question_by"] == "Jennette Arnold OBE"
    assert d.metadata["question_by_organisation"] == "Labour Group"
    assert d.metadata["asked_of"] == "The Mayor"
    for a, b in zip(d.turns, d.turns[1:]):  # spans never overlap and never include the next label
        assert a.end <= b.label_start < b.start
