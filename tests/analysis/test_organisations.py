"""The organisation registry: built-in canonical names and aliases, names a document defines,
what a document teaches the registry, user entries, and bare titles such as "the Mayor"."""
import pytest

from analysis import Registry, register_document
from analysis.organisations import OFFICE, definitions_in_text, normalise
from analysis.records import Organisation
from ingest import read_bytes


def known_bug(reason: str):
    """A behaviour that contradicts the definitions today: strict, and only an assertion may fail."""
    return pytest.mark.xfail(reason=reason, strict=True, raises=AssertionError)


def read(text: str, source: str = "letter.txt"):
    return read_bytes(text.encode("utf-8"), source)[0]


# ------------------------------------------------------------------ built-in names and aliases

@pytest.mark.parametrize("mention, canonical", [
    ("CMS", "Centers for Medicare & Medicaid Services"),  # several countries' bodies
    ("Centers for Medicare and Medicaid Services", "Centers for Medicare & Medicaid Services"),
    ("Assistant Secretary for Technology Policy", "Office of the National Coordinator for Health Information Technology"),
    ("U.S. Food and Drug Administration", "Food and Drug Administration"),
    ("TGA", "Therapeutic Goods Administration"),
    ("Te Whatu Ora", "Health New Zealand"),
    ("Council of the EU", "Council of the European Union"),
    ("HIQA", "Health Information and Quality Authority"),
    ("PHAC", "Public Health Agency of Canada"),
    ("HM Government", "UK Government"),
    ("the Government", "UK Government"),
    ("DfE", "Department for Education"),
    ("Department for Education", "Department for Education"),
    ("the Treasury", "HM Treasury"),
    ("the Chancellor", "Chancellor of the Exchequer"),
    ("the Home Secretary", "Home Secretary"),
    ("Public Health England", "UK Health Security Agency"),  # a former name
    ("Department for Levelling Up, Housing and Communities", "Ministry of Housing, Communities and Local Government"),
    ("HMICFRS", "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"),
    ("OFWAT", "Ofwat"),
    ("Children’s Commissioner", "Children's Commissioner for England"),  # curly apostrophe
    ("  the  Home   Office. ", "Home Office"),  # spacing, article and punctuation tidied
])
def test_builtin_canonical_names(mention, canonical):
    assert Registry.builtin().canonical(mention) == canonical


def test_lookup_returns_the_entry():
    registry = Registry.builtin()
    fda = registry.lookup("US Food and Drug Administration")
    assert fda is not None and fda.name == "Food and Drug Administration" and fda.acronym == "FDA"
    assert fda.kind == "public body"
    assert registry.lookup("Prime Minister of Canada").kind == OFFICE
    assert registry.lookup("Northshire Parish Council") is None


@pytest.mark.parametrize("mention, tidied", [
    (None, None),
    ("", None),
    ("the Northshire Parish Council", "Northshire Parish Council"),
    ("your local authority", "Local authority"),
    ("Westbury Arts Centre,", "Westbury Arts Centre"),
])
def test_unknown_mentions_come_back_tidied(mention, tidied):
    assert Registry.builtin().canonical(mention) == tidied


def test_normalise_ignores_article_case_apostrophes_and_ampersands():
    assert normalise("The Children’s Commissioner") == normalise("childrens commissioner")
    assert normalise("Fire & Rescue") == normalise("fire and rescue")
    assert normalise("Home Office") != normalise("Home Secretary")


# ------------------------------------------------------------------ names a document defines

@pytest.mark.parametrize("text, name, acronym", [
    ("Victims are referred through the National Referral Mechanism (NRM) within 48 hours.",
     "National Referral Mechanism", "NRM"),
    ("Last year Severnmoor Water Limited (SWL) reported 312 pollution incidents.", "Severnmoor Water Limited", "SWL"),
    ("Northshire Fire and Rescue Service (NFRS) attended 40 flooded homes.",
     "Northshire Fire and Rescue Service", "NFRS"),
    ("Local Enterprise Partnerships (LEPs) lost their core funding in 2024.", "Local Enterprise Partnerships", "LEPs"),
])
def test_acronym_definitions(text, name, acronym):
    found = definitions_in_text(text)
    assert [(o.name, o.acronym) for o in found] == [(name, acronym)]


def test_acronym_definition_keeps_the_words_the_letters_stand_for():
    found = definitions_in_text("Northshire Integrated Care Board (ICB) commissions community nursing.")
    assert len(found) == 1
    assert found[0].acronym == "ICB"
    assert found[0].name.endswith("Integrated Care Board")


def test_alias_definition():
    found = definitions_in_text("The Kestrel Valley railway (the Railway) carried 9,000 walkers last summer.")
    assert [(o.name, o.aliases) for o in found] == [("Kestrel Valley railway", ["the Railway"])]


@pytest.mark.parametrize("text", [
    "Waiting times rose sharply (ONS).",  # a source in brackets, not a definition
    "The Westbury Arts Centre (WXYZ) reopened.",  # letters that match no words
    "See the annex (page 4) for the figures.",
    "No organisations are named in this sentence.",
])
def test_no_definition(text):
    assert definitions_in_text(text) == []


def test_acronym_definition_keeps_the_place_name():
    found = definitions_in_text("Northshire Integrated Care Board (ICB) commissions community nursing.")
    assert [(o.name, o.acronym) for o in found] == [("Northshire Integrated Care Board", "ICB")]


def test_alias_definition_of_a_head_noun():
    found = definitions_in_text("Westbury Hospitals NHS Trust (the Trust) runs two emergency departments.")
    assert [(o.name, o.aliases) for o in found] == [("Westbury Hospitals NHS Trust", ["the Trust"])]


def test_acronym_definition_drops_a_leading_article():
    found = definitions_in_text("The Greater Northshire Combined Authority (GNCA) published its transport plan.")
    assert [(o.name, o.acronym) for o in found] == [("Greater Northshire Combined Authority", "GNCA")]


def test_mixed_case_acronym_definition():
    found = definitions_in_text("The Office for Students (OfS) regulates higher education providers.")
    assert [(o.name, o.acronym) for o in found] == [("Office for Students", "OfS")]


# ------------------------------------------------------------------ what a document teaches the registry

LETTER_TO_THE_MAYOR = """Northshire Cycling Campaign
22 Canal Street
Northtown NS5 2LP

Councillor Grace Adeyemi
Mayor of Greater Northshire
Greater Northshire Combined Authority
Civic Quarter
Northtown NS1 1AA

3 June 2024

Dear Mayor,

Safer junctions

Northshire Integrated Care Board (ICB) counts 300 cycling injuries a year. The Environment Agency (the Agency) shared its flood data with us.

We urge you to fund protected cycle lanes at the ten most dangerous junctions.

Yours sincerely,

Sam Patel
Coordinator, Northshire Cycling Campaign
"""

TRANSCRIPT = """Oral evidence: winter pressures in Northshire

Cllr Ruth Bell (Chair, Health Scrutiny Committee): Good morning and welcome. We have heard a great deal about ambulance handover delays this year. Will you publish the winter plan before the end of October?

Dr Samuel Okafor (Chief Executive, Westbury Hospitals NHS Trust): Yes. We will publish it on our website by 20 October, together with the staffing figures.
"""


@pytest.fixture()
def mayor_letter():
    doc = read(LETTER_TO_THE_MAYOR)
    assert doc.author_org == "Northshire Cycling Campaign"
    assert doc.addressees == ["Mayor of Greater Northshire"]
    return doc


def test_register_document_learns_author_addressee_office_and_definitions(mayor_letter):
    registry = Registry.builtin()
    before = len(registry.orgs)
    register_document(registry, mayor_letter)
    assert registry.canonical("Northshire Cycling Campaign") == "Northshire Cycling Campaign"
    mayor = registry.lookup("Mayor of Greater Northshire")
    assert mayor is not None and mayor.kind == OFFICE
    assert registry.canonical("ICB").endswith("Integrated Care Board")
    # "Environment Agency (the Agency)" is a built-in body: it is merged, not added again
    assert registry.canonical("the Agency") == "Environment Agency"
    assert registry.lookup("Greater Northshire Combined Authority") is not None  # the addressee's organisation
    assert len(registry.orgs) == before + 4  # the campaign, the mayor, the combined authority, the ICB


def test_register_document_is_idempotent(mayor_letter):
    registry = Registry.builtin()
    register_document(registry, mayor_letter)
    once = {n: (list(o.aliases), o.acronym, o.kind) for n, o in registry.orgs.items()}
    register_document(registry, mayor_letter)
    assert {n: (list(o.aliases), o.acronym, o.kind) for n, o in registry.orgs.items()} == once


def test_register_document_learns_speakers_organisations():
    registry = Registry.builtin()
    register_document(registry, read(TRANSCRIPT, "evidence.txt"))
    assert registry.lookup("Westbury Hospitals NHS Trust") is not None


def test_register_document_does_not_make_role_labels_offices():
    registry = Registry.builtin()
    register_document(registry, read(TRANSCRIPT, "evidence.txt"))
    assert registry.lookup("Chief Executive, Westbury Hospitals NHS Trust") is None
    assert registry.lookup("Chair, Health Scrutiny Committee") is None


# ------------------------------------------------------------------ user entries

def test_user_entry_wins_over_a_document_definition():
    registry = Registry.builtin()
    registry.learn(Organisation("Northshire Integrated Care Board", ["Northshire ICB"], "ICB"))
    register_document(registry, read(LETTER_TO_THE_MAYOR))
    assert registry.canonical("ICB") == "Northshire Integrated Care Board"
    assert registry.canonical("Integrated Care Board") == "Northshire Integrated Care Board"
    assert "Integrated Care Board" not in registry.orgs


def test_user_alias_wins_over_a_documents_short_name():
    registry = Registry.builtin()
    registry.learn(Organisation("Westbury Hospitals NHS Trust", ["the Trust", "WHT"]))
    doc = read("Westbury Hospitals NHS Trust (the Trust) runs two emergency departments. "
               "The Trust should publish its handover times.\n", "note.txt")
    register_document(registry, doc)
    assert registry.canonical("the Trust") == "Westbury Hospitals NHS Trust"
    assert registry.canonical("WHT") == "Westbury Hospitals NHS Trust"
    assert "Trust" not in registry.orgs


def test_user_entry_extends_a_builtin_body():
    registry = Registry.builtin()
    before = len(registry.orgs)
    registry.learn(Organisation("Food and Drug Administration", ["the US drug regulator"]))
    assert len(registry.orgs) == before
    assert registry.canonical("the US drug regulator") == "Food and Drug Administration"
    assert registry.canonical("U.S. Food and Drug Administration") == "Food and Drug Administration"  # the built-in aliases stay


# ------------------------------------------------------------------ bare titles

def test_the_mayor_is_the_one_mayor_known():
    registry = Registry([Organisation("Mayor of Westbury", [], None, OFFICE)])
    assert registry.canonical("the Mayor") == "Mayor of Westbury"
    assert registry.canonical("Mayor") == "Mayor of Westbury"


def test_the_mayor_stays_bare_when_two_are_known():
    registry = Registry([Organisation("Mayor of Westbury", [], None, OFFICE),
                         Organisation("Mayor of Northtown", [], None, OFFICE)])
    assert registry.canonical("the Mayor") == "Mayor"


def test_the_mayor_a_document_names_among_the_builtin_mayors(mayor_letter):
    registry = Registry.builtin()
    register_document(registry, mayor_letter)
    assert registry.canonical("the Mayor") == "Mayor of Greater Northshire"
    # a second document naming another mayor makes "the Mayor" ambiguous again
    other = read(LETTER_TO_THE_MAYOR.replace("Mayor of Greater Northshire", "Mayor of London"), "second.txt")
    assert other.addressees == ["Mayor of London"]
    register_document(registry, other)
    assert registry.canonical("the Mayor") == "Mayor"


def test_only_titles_resolve_by_prefix():
    registry = Registry([Organisation("Council of Europe"), Organisation("Minister for Rural Affairs", [], None, OFFICE)])
    assert registry.canonical("the Council") == "Council"  # "Council" is not an office title
    assert registry.canonical("the Minister") == "Minister for Rural Affairs"
    assert registry.canonical("the Secretary") == "Secretary"  # no such office known


def test_short_names_and_acronyms_follow_what_the_registry_learns():
    """The lookups behind canonical() are indexed; learning a name must update them."""
    reg = Registry.builtin()
    reg.learn(Organisation("Northshire Integrated Care Board", [], None, "organisation"))
    reg.learn(Organisation("Wexley Tenants Action Group", [], None, "organisation"))
    assert reg.canonical("Integrated Care Board") == "Northshire Integrated Care Board"
    assert reg.canonical("WTAG") == "Wexley Tenants Action Group"
    reg.learn(Organisation("Southshire Integrated Care Board", [], None, "organisation"))
    reg.learn(Organisation("Westfield Teachers Alliance Group", [], None, "organisation"))
    assert reg.canonical("Integrated Care Board") == "Integrated Care Board"  # two such boards now: no guess
    assert reg.canonical("WTAG") == "WTAG"



# ------------------------------------------------------------------ the built-in data file

def test_builtin_data_names_each_body_once_with_a_known_kind():
    from analysis.organisations import KINDS, builtin_organisations

    orgs = builtin_organisations()
    assert len(orgs) > 150
    keys: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for o in orgs:
        assert o.kind in ("public body", "office") and o.kind in KINDS
        for name in [o.name, *o.aliases]:
            assert keys.setdefault(normalise(name), o.name) == o.name, f"{name!r} names two bodies"
        if o.acronym:
            assert acronyms.setdefault(o.acronym, o.name) == o.name, f"{o.acronym!r} stands for two bodies"
    # no bare generic word as a built-in alias: "the Department" is a different body in every document
    assert not {"department", "agency", "commission", "council", "ministry", "authority", "board", "office"} & set(keys)


def test_builtin_data_covers_several_countries():
    registry = Registry.builtin()
    for name in ("Department of Health and Social Care", "Department of Health and Human Services", "Health Canada",
                 "Australian Competition and Consumer Commission", "Health New Zealand", "Health Service Executive",
                 "European Commission"):
        assert registry.lookup(name) is not None, name


def test_a_user_entry_wins_over_a_builtin_acronym():
    registry = Registry.builtin()
    registry.override(Organisation("Coastal Monitoring Scheme", [], "CMS", "coalition"))
    assert registry.canonical("CMS") == "Coastal Monitoring Scheme"
    assert registry.lookup("Coastal Monitoring Scheme").kind == "coalition"


def test_a_name_set_in_capitals_is_kept_in_ordinary_case_and_acronyms_as_written():
    from analysis.organisations import Registry

    r = Registry.builtin()
    assert r.learn(Organisation("FEDERATION OF ISLAND FERRY USERS", [], "FIFU", "organisation")).name == "Federation of Island Ferry Users"
    assert r.canonical("FIFU") == "Federation of Island Ferry Users"
    assert r.canonical("FEDERATION OF ISLAND FERRY USERS") == "Federation of Island Ferry Users"
    assert r.learn(Organisation("NWFA TRC", [], None, "organisation")).name == "NWFA TRC"
