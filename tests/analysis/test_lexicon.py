"""The shared word lists (ingest/data/lexicon.toml) and their loader."""
import re

import pytest

from analysis import lexicon


def test_every_list_loads_once_and_is_cached():
    for name in ("honorifics", "postnominals", "job_titles", "office_titles", "organisation_words", "agent_heads",
                 "imperative_verbs", "self_reference_nouns", "theme_stop_words"):
        words = lexicon.words(name)
        assert words and all(isinstance(w, str) and w.strip() == w for w in words), name
        assert len(set(words)) == len(words), name
        assert lexicon.words(name) is words  # cached
    with pytest.raises(KeyError):
        lexicon.words("no_such_list")


def test_lists_hold_what_the_modules_need():
    assert {"Mr", "Dr", "Prof", "Cllr", "Rt Hon", "Dame"} <= set(lexicon.words("honorifics"))
    assert {"MD", "JD", "MPH", "PhD", "RN", "OBE", "AM", "AO", "KC", "FACP", "MSc"} <= set(lexicon.words("postnominals"))
    assert {"chief executive", "director", "vice president", "ceo"} <= lexicon.lower("job_titles")
    assert {"association", "coalition", "inc", "llc", "ministry", "consortium"} <= lexicon.lower("organisation_words")
    assert {"government", "regulator", "agency", "ministry", "department"} <= lexicon.lower("agent_heads")
    # general nouns only: no word taken from one document's policing vocabulary
    assert not {"constables", "pccs", "ccgs"} & lexicon.lower("agent_heads")
    assert {"publish", "set up", "prioritise", "prioritize"} <= set(lexicon.words("imperative_verbs"))


def test_patterns_match_whole_words_longest_first():
    rx = lexicon.pattern("job_titles")
    assert rx.search("Priya Shah, Chief Executive Officer").group(0) == "Chief Executive Officer"
    assert rx.search("the Directorate of Parks") is None or rx.search("the Directorate of Parks").group(0) != "Director"
    assert re.fullmatch(lexicon.alternation("imperative_verbs"), "set  up")  # any run of spaces


@pytest.mark.parametrize("name, kind", [
    ("Ashgrove Parents Coalition", "coalition"),
    ("Riverbend Analytics Inc.", "company"),
    ("Quarry Lane Software Ltd", "company"),
    ("University of Eastmere", "academic"),
    ("Royal College of Tree Surgeons", "professional body"),
    ("Department of Marine Affairs", "public body"),
    ("Minister for Rivers and Canals", "office"),
    ("Kestrel Wildlife Trust", "charity"),
    ("Jo Bloggs MP", "elected member"),
    ("Office of the Coastal Coordinator", "public body"),
    ("Lakeside Food Bank", None),
    # the head noun decides, not the first kind word
    ("Eastmere Community Council", "public body"),
    ("Council for Rural Crafts", "public body"),
    ("Greyford Residents Association", "charity"),
    ("Northvale Medical Association", "professional body"),
    ("Society of Lantern Makers", "professional body"),
    ("Friends of Hollow Wood", "charity"),
    ("Chartered Institute of Canal Keepers", "professional body"),
    ("Heron Valley Friends and Family Trust", "charity"),
    ("", None),
])
def test_guess_kind_from_the_name(name, kind):
    assert lexicon.guess_kind(name) == kind


def test_kinds_are_the_vocabulary():
    assert set(lexicon.kinds()) == set(lexicon.KINDS)
    # words in capitals are matched as written: "mp3 players" is no member of parliament
    assert lexicon.guess_kind("Cheap mp3 players") is None
