"""Transcript or not: inline headings that recur are no conversation; a real exchange between two speakers
is; "Submissions on behalf of X by Ms Y" gives speaker Y's organisation. Invented text of several topics."""
import pytest

from analysis import Registry, analyse
from analysis.asks import _speaker_profile
from ingest import read_bytes
from ingest.records import TRANSCRIPT, Turn
from ingest.transcript import _alternates, _reads_as_person, find_turns, is_transcript


def known_bug(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True, raises=AssertionError)


def read(text: str, source: str = "notes.txt"):
    return read_bytes(text.encode("utf-8"), source)[0]


FIELD_HEADINGS = """Community energy plan: summary of options

Background: The town council owns three roofs that could carry solar panels, and the school has asked to join a shared scheme.

Options: The council could lease the roofs to a community company or install panels itself and sell the power to the school.

Background: A similar scheme in the next county paid back its loan in nine years, according to its published accounts.
"""

ONE_WORD_HEADINGS = """Review notes on touring grants

Framing: The review looked at how grants for touring theatre are scored and who sits on the panels.

Critique: Small companies said the forms take days to complete and the scoring guidance changes every round.

Framing: The second part of the review compared the scheme with those of two neighbouring regions.
"""

TWO_WORD_HEADINGS = """Community energy plan: summary of options

Solar Leasing: The town council owns three roofs that could carry solar panels, and the school has asked to join a shared scheme.

Battery Storage: A shared battery at the depot would let the school use daytime power in the evening for its sports hall.

Solar Leasing: A similar scheme in the next county paid back its loan in nine years, according to its published accounts.

Grid Connection: The network operator has quoted a twelve month wait for a connection at the depot site.
"""

HEARING = """Public hearing on coastal erosion, Harbourview District Council

Submissions on behalf of the Seaview Residents Association by Ms Kaur.

Chair: Thank you for coming. Could you tell the panel what residents have seen along the esplanade this winter?

Ms Kaur: The seawall has failed in two places and the footpath has been closed since June. We ask the council to repair the wall before next winter.

Chair: Has the council told residents when the repairs will start?

Ms Kaur: No. We have written three times and have had no reply about the timetable or the cost.
"""

INTERVIEW = """Interview with a pension scheme trustee, recorded for the members' newsletter

Interviewer: How many members does the scheme have now, and how many of them have small pots of under a thousand pounds?

Dr Sean Byrne: About forty thousand members, and nearly a third of them have small pots left behind when they changed jobs.

Interviewer: What would help those members most in the coming year?

Dr Sean Byrne: Automatic consolidation of small pots would help most, because members rarely move them on their own.
"""


def test_recurring_field_headings_are_not_a_transcript():
    assert not is_transcript(FIELD_HEADINGS, find_turns(FIELD_HEADINGS))
    assert read(FIELD_HEADINGS).kind != TRANSCRIPT


def test_recurring_one_word_headings_are_not_a_transcript():
    turns = find_turns(ONE_WORD_HEADINGS)
    assert [t.speaker for t in turns] == ["Framing", "Critique", "Framing"]
    assert not any(_reads_as_person(t) for t in turns)
    assert not is_transcript(ONE_WORD_HEADINGS, turns)
    assert read(ONE_WORD_HEADINGS).kind != TRANSCRIPT


@known_bug("two-word topic headings that recur ('Solar Leasing: … Battery Storage: … Solar Leasing: …') read as people and make a transcript")
def test_recurring_two_word_headings_are_not_a_transcript():
    assert not is_transcript(TWO_WORD_HEADINGS, find_turns(TWO_WORD_HEADINGS))


def test_a_two_speaker_hearing_is_a_transcript():
    turns = find_turns(HEARING)
    assert [t.speaker for t in turns] == ["Chair", "Ms Kaur", "Chair", "Ms Kaur"]
    assert is_transcript(HEARING, turns)
    assert read(HEARING, "hearing.txt").kind == TRANSCRIPT


def test_an_interview_is_a_transcript():
    turns = find_turns(INTERVIEW)
    assert {t.speaker for t in turns} == {"Interviewer", "Dr Sean Byrne"}
    assert is_transcript(INTERVIEW, turns)


def test_submissions_on_behalf_of_x_by_ms_y_gives_the_speakers_organisation():
    doc = read(HEARING, "hearing.txt")
    role, org = _speaker_profile(doc, "Ms Kaur")
    assert org == "Seaview Residents Association"
    request = next(a for a in analyse(doc, Registry.builtin()) if "repair the wall" in a.text)
    assert request.speaker == "Ms Kaur"
    assert request.holder == "Seaview Residents Association"


def test_appear_on_behalf_of_in_the_speakers_own_turn():
    text = """Licensing hearing, Riverside Arts Centre

Chair: Please introduce yourself for the record.

Mr Okafor: I appear on behalf of the Riverside Musicians Collective. We ask the committee to keep the late licence for Friday concerts.

Chair: Thank you. Are there objections from the residents?

Mr Okafor: Two residents wrote in, and we have offered to fit sound insulation to the hall.
"""
    doc = read(text, "hearing.txt")
    assert doc.kind == TRANSCRIPT
    assert _speaker_profile(doc, "Mr Okafor")[1] == "Riverside Musicians Collective"


def test_alternation():
    assert _alternates(["chair", "ms kaur", "chair"])
    assert not _alternates(["critique", "critique", "summary"])
    assert not _alternates(["a", "b", "c"])


def test_reads_as_person():
    assert _reads_as_person(Turn("Ms Kaur", None, None, 0, 1))
    assert _reads_as_person(Turn("Jo Brown", "Director, Kestrel Water Trust", "Kestrel Water Trust", 0, 1))
    assert not _reads_as_person(Turn("Framing", None, None, 0, 1))
