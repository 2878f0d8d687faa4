"""Positions: stance sentences, reported views, joint letters, conflicts, exact evidence spans."""
import hashlib
from pathlib import Path
from unittest.mock import ANY

import numpy as np
import pytest

from analysis import Registry, analyse, statement_stance
from analysis.embeddings import Embedder
from analysis.positions import extract_statements
from analysis.statement_stance import CANDIDATE
from analysis.stances import (CALLS_FOR, CONCERNED, OPPOSES, SUPPORTS, WELCOMES, Witness, reported_speaker,
                              reported_stance, stance_of, witnesses)
from analysis.themes import ThemeSpec
from askmap import pipeline
from askmap.store import load_document, open_engine
from askmap.store.positions import count_positions, query_positions, theme_positions_summary, top_organisations
from ingest import read_bytes


class BagOfWords:
    """A deterministic stand-in for the sentence model: hashed word counts, so shared words mean similar."""

    def encode(self, texts, **_):
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                w = w.strip(".,;:!?\"'()")
                if len(w) > 3:
                    out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % 384] += 1
            out[i] /= max(np.linalg.norm(out[i]), 1e-9)
        return out


THEMES = [ThemeSpec("Libraries", "Public libraries, opening hours, books", ["library", "libraries", "books"]),
          ThemeSpec("Buses", "Bus routes, fares and services", ["bus", "buses", "route", "fares"])]

COMMITTEE = """Northtown Council Scrutiny Committee
Town Hall
Northtown NT1 1AA

4 March 2025

Dear Councillor Shah,

Library opening hours

We took evidence from Amy Green, Head of Service at Northtown Libraries, and Raj Patel, Chair of the Friends of Millbrook Library.

We heard from Amy Green that she does not feel longer library opening hours are necessary. Raj Patel told us that longer library hours would be a good idea for working families. He also endorsed the plan to open libraries on Sundays.

The Committee welcomes the new library books budget. We are concerned that the bus route to the library was cut in 2024. The library opened in 1904 and lends 40,000 books a year.

We recommend that the council extends library opening hours on weekday evenings.

Yours sincerely,

Jo Bell
Chair, Northtown Council Scrutiny Committee
"""

JOINT = """From the Northtown Bus Users Alliance

To: Leader of Northtown Council

2 May 2025

Dear Councillor Shah,

We urge the council to restore the number 7 bus route.

Yours sincerely,

Signed by:
Ann Lee, Chair, Northtown Cyclists' Forum
Bo Chen, Director, Northtown Chamber of Commerce
"""


def test_stance_words():
    assert stance_of("We welcome the new budget for school meals.").stance == WELCOMES
    assert stance_of("The Trust is deeply concerned that waiting times have doubled.").stance == CONCERNED
    assert stance_of("We strongly support the proposals for a clean air zone.").stance == SUPPORTS
    assert stance_of("He endorsed Priya’s view that the depot should stay open.").stance == SUPPORTS  # a possessive object
    assert stance_of("She backed her colleague's plan for night buses.").stance == SUPPORTS
    assert stance_of("The Department does not accept that a register is needed.").stance == OPPOSES
    assert stance_of("We do not support the closure of the ward.").stance == OPPOSES
    # quieter ways of saying the same
    assert stance_of("We recognise the tireless work of the council's gritting crews last winter.").stance == WELCOMES
    assert stance_of("The new evening surgery was widely appreciated by shift workers.").stance == WELCOMES
    assert stance_of("The inspection identified serious failings in how complaints were handled.").stance == CONCERNED
    assert stance_of("We cannot give that undertaking.").stance == OPPOSES
    # calling a step right is support; a right of way or a turn to the right is not
    assert stance_of("A single ticket across both ferry operators is the right approach.").stance == SUPPORTS
    assert stance_of("Opening the reading room on Sundays was exactly the right decision.").stance == SUPPORTS
    assert stance_of("The new cycle lanes on Mill Road are a step in the right direction.").stance == SUPPORTS
    assert stance_of("Walkers have a right of way across the lower meadow.") is None
    assert stance_of("Turn to the right after the bridge.") is None
    assert stance_of("The Department is unable to accept this recommendation.").stance == OPPOSES
    # … and plain background is still no stance
    assert stance_of("The survey identified 40 sites for new homes.") is None
    assert stance_of("The bridge still carries 12,000 vehicles a day.") is None
    assert stance_of("We recognise that the depot closes at six.") is None
    # a noun is no stance: "support" for victims, a charity called Victim Support
    assert stance_of("The unit provides support to victims across the county.") is None
    assert stance_of("Victim Support") is None
    assert stance_of("The library opened in 1904 and lends 40,000 books a year.") is None


def test_stances_said_with_a_noun_an_adjective_or_an_intensifier():
    """Support, opposition, concern and praise said without the plain verb, on several topics; and the
    look-alikes that take no stance (an activity, an extraposed "it is important that", a noun)."""
    assert stance_of("The Ramblers reiterate their support for the coastal path extension.").stance == SUPPORTS
    assert stance_of("We are broadly supportive of the proposed tram fares cap.").stance == SUPPORTS
    assert stance_of("We strongly support measures that keep rural post offices open.").stance == SUPPORTS
    assert stance_of("I also disapprove of the six-week limit on appeals.").stance == OPPOSES
    assert stance_of("The union condemns the decision to close the night shelter.").stance == OPPOSES
    assert stance_of("We are firmly opposed to charging for bulky waste collection.").stance == OPPOSES
    assert stance_of("Our objection to the quarry extension remains.").stance == OPPOSES
    assert stance_of("The growers cannot support a levy set at this level.").stance == OPPOSES
    assert stance_of("It is absurd that hospice beds are funded year to year.").stance == OPPOSES  # rejected outright
    assert stance_of("The consultation period was unrealistic for small charities.").stance == CONCERNED
    assert stance_of("However, we have several concerns with the draft housing code.").stance == CONCERNED
    assert stance_of("Offering free swimming lessons to every child is fantastic.").stance == SUPPORTS
    assert stance_of("A pilot in two districts is a sensible first step.").stance == WELCOMES
    assert stance_of("A shared reading list across schools is a great idea.").stance == WELCOMES
    assert stance_of("The Association supports Senate Bill 12 as introduced.").stance == SUPPORTS
    assert stance_of("We support much of what the Ministry proposes for school transport.").stance == SUPPORTS
    assert stance_of("Last year the Forum raised serious concerns about the closure of the maternity unit.").stance == CONCERNED
    assert stance_of("The cuts place the safety of around 2,000 tenants at risk.").stance == CONCERNED
    assert stance_of("The Growers Union warns the levy poses serious risks to small orchards.").stance == CONCERNED
    assert stance_of("The Ramblers want the current path closure order to be withdrawn.").stance == OPPOSES
    assert stance_of("Children at risk of exclusion are offered a mentor.") is None
    # a decision not to act, in a government's reply
    assert stance_of("We do not, however, consider that a new licensing scheme is needed at this stage.").stance == OPPOSES
    assert stance_of("The Executive does not therefore intend to commission a second survey of the harbour.").stance == OPPOSES
    assert stance_of("The Ministry has no plans to extend the grant to private schools.").stance == OPPOSES
    # no stance
    assert stance_of("We support 5,000 families a year through our food banks.") is None
    assert stance_of("We intend to publish the figures in May.") is None
    assert stance_of("It is important that the Board publishes its minutes.") is None
    assert stance_of("Their support for the scheme was reported in March.").stance == SUPPORTS  # a holder's own support
    assert stance_of("The museum's support staff work weekends.") is None
    assert stance_of("The regional grant was a great help to the club.") is None
    # a case recognised, a recommendation accepted, a reply's bare verdict
    assert stance_of("We recognise the case for three-year funding of village halls.").stance == SUPPORTS
    assert stance_of("The Department accepts this recommendation in principle.").stance == SUPPORTS
    assert stance_of("Response: Accept in part").stance == SUPPORTS
    assert stance_of("Rejected.").stance == OPPOSES
    assert stance_of("We file these comments in opposition to the toll increase.").stance == OPPOSES
    # a failing named without the concern words
    assert stance_of("The operator has not complied with the licence condition on refunds.").stance == CONCERNED
    assert stance_of("I fear the new form will put older applicants off.").stance == CONCERNED
    assert stance_of("The surcharge would destroy the evening trade of small cafés.").stance == CONCERNED
    assert stance_of("Provision of school transport remains patchy across the county.").stance == CONCERNED
    assert stance_of("We are seriously concerned that the new rota leaves wards short at night.").stance == CONCERNED
    assert stance_of("The fee would force many village shops to close.").stance == CONCERNED
    assert stance_of("The Council has no power to set bus fares.").stance == OPPOSES
    assert stance_of("This is unacceptable.").stance == OPPOSES
    assert stance_of("The draft timetable is unclear.").stance == CONCERNED
    assert stance_of("The new rule would hamstring small lenders.").stance == CONCERNED
    assert stance_of("The Council shares the Board's view that tenants must be consulted.").stance == SUPPORTS
    assert stance_of("A single inspectorate is the most effective way to check care homes.").stance == SUPPORTS
    assert stance_of("The draft code is silent on the role of foster carers.").stance == CONCERNED
    assert stance_of("The strategy says nothing about rural bus routes.").stance == CONCERNED
    assert stance_of("There is no provision for appeals against a refusal.").stance == CONCERNED
    assert stance_of("We do not address pensions in this response.") is None
    # look-alikes: a phrasal verb, a courtesy
    assert stance_of("The rules roll back existing limits on noise.") is None
    assert stance_of("We are pleased to provide our comments on the draft byelaws.") is None


def test_the_quick_word_check_never_hides_a_stance():
    """Each stance's pattern is only searched in a sentence holding one of its words: on every sentence
    of this module and of the test fixtures, the answer is the one the patterns alone give."""
    import re

    from analysis import stances

    def patterns_alone(text):
        for stance, rx in ((OPPOSES, stances._OPPOSES), (CONCERNED, stances._CONCERNED), (SUPPORTS, stances._SUPPORTS),
                           (WELCOMES, stances._WELCOMES)):
            m = rx.search(text)
            if m:
                negated = stance in (SUPPORTS, WELCOMES) and (stances._NEGATED.search(text[: m.start()])
                                                              or stances._NEGATION.search(m.group(0)))
                return {SUPPORTS: OPPOSES, WELCOMES: CONCERNED}[stance] if negated else stance
        hit = stances._secondary(text)  # the stances without a quick word check
        return hit.stance if hit else None

    texts = re.findall(r'"([^"\n]{12,})"', Path(__file__).read_text(encoding="utf-8"))
    for f in (Path(__file__).parents[1] / "fixtures").rglob("*"):
        if f.suffix in (".txt", ".md", ".eml"):
            texts += re.split(r"(?<=[.!?])\s+|\n+", f.read_text(encoding="utf-8", errors="replace"))
    texts += ["WE WHOLEHEARTEDLY ENDORSE THE PLAN.", "Residents won't accept this recommendation.",
              "There is little case for a new car park.", "This makes for grim reading.",
              "It was encouraging to see the figures fall.", "We regret the delay."]
    found = {t: patterns_alone(t) for t in texts}
    assert sum(1 for v in found.values() if v) >= 20
    for text, stance in found.items():
        hit = stance_of(text)
        assert (hit.stance if hit else None) == stance, text


def test_witnesses_are_found_with_their_organisations():
    people = witnesses(COMMITTEE)
    assert people["Amy Green"].organisation == "Northtown Libraries"
    assert people["Raj Patel"].organisation == "Friends of Millbrook Library"
    assert people["Patel"].role == "Chair"


@pytest.mark.parametrize("sentence, name", [
    ("The second witness, Dr Ola Brandt, argued that the ferry timetable should change.", "Dr Ola Brandt"),
    ("Our last speaker, Cllr Mina Ross, said a second depot was needed.", "Cllr Mina Ross"),
    ("An expert, Tom Hale, warned that the reservoir levels were falling.", "Tom Hale"),
    ("Priya Nair stated that longer library hours were necessary.", "Priya Nair"),
])
def test_a_reported_speaker_after_an_apposition(sentence, name):
    w = Witness("Ola Brandt", "Director", "Harbour Users Group")
    known = {"Ola Brandt": w, "Brandt": w}  # as witnesses() keys them: full name and surname
    who, reported = reported_speaker(sentence, known, None)
    assert reported and who.name.endswith(name.split()[-1])
    if "Brandt" in name:
        assert who.organisation == "Harbour Users Group"


def test_a_reported_call_is_a_call_for_action():
    assert reported_stance("Tom Hale said a second water treatment plant was required.").stance == CALLS_FOR
    assert reported_stance("Priya Nair told us that better signage is needed at the crossing.").stance == CALLS_FOR
    assert reported_stance("Raj Patel told us the museum opened in 1904.") is None


def test_reported_views_belong_to_the_witness_organisation():
    doc = read_bytes(COMMITTEE.encode(), "committee.txt")[0]
    registry = Registry.builtin()
    asks = analyse(doc, registry)
    statements = extract_statements(doc, asks, registry)
    by_text = {s.text[:20]: s for s in statements}
    green = next(s for s in statements if "Amy Green" in s.text)
    assert (green.organisation, green.stance, green.source) == ("Northtown Libraries", OPPOSES, "reported")
    patel = next(s for s in statements if s.text.startswith("Raj Patel told us"))
    assert (patel.organisation, patel.stance) == ("Friends of Millbrook Library", SUPPORTS)
    he = next(s for s in statements if s.text.startswith("He also endorsed"))
    assert he.organisation == "Friends of Millbrook Library" and he.speaker.startswith("Raj Patel")
    own = [s for s in statements if s.source == "stance"]
    assert {(s.organisation, s.stance) for s in own} == {("Northtown Council Scrutiny Committee", WELCOMES),
                                                        ("Northtown Council Scrutiny Committee", CONCERNED)}
    # background sentences take no position (at most a candidate for the learned stance, which drops it), and
    # nothing is both an ask and a statement
    background = [s for s in statements if "1904" in s.text]
    assert all(s.stance == CANDIDATE for s in background)
    if background:
        assert statement_stance.load().predict(Embedder().word_vectors([background[0].text])) == [(None, ANY)]
    assert not {(s.start, s.end) for s in statements} & {(a.start, a.end) for a in asks}
    for s in statements:
        assert doc.text[s.start:s.end] == s.text
    assert by_text


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("letters")
    (folder / "committee.txt").write_text(COMMITTEE)
    (folder / "joint.txt").write_text(JOINT)
    engine = open_engine(str(folder / "p.db"))
    pipeline.ingest_paths(engine, [folder], theme_specs=THEMES, embedder=Embedder(model=BagOfWords(), name="bow"))
    return engine


def test_positions_have_exact_evidence_spans(db):
    rows = query_positions(db)
    assert rows
    for r in rows:
        assert load_document(db, r["doc_id"]).text[r["start"]:r["end"]] == r["evidence"]


def test_every_signatory_of_a_joint_letter_holds_its_asks_when_asked_for_co_signers(db):
    rows = [r for r in query_positions(db, co_signers=True) if r["doc"] == "joint.txt" and r["stance"] == "calls_for"]
    holders = {r["organisation"] for r in rows}
    assert {"Northtown Bus Users Alliance", "Northtown Cyclists' Forum", "Northtown Chamber of Commerce"} <= holders
    assert {r["theme"] for r in rows} == {"Buses"}


def test_a_joint_letter_counts_once_under_its_own_name(db):
    # by default a joint letter's positions are its own (the letterhead's alliance), not repeated per co-signer: a
    # letter signed by seventy organisations would otherwise lead the grid seventy times over
    rows = [r for r in query_positions(db) if r["doc"] == "joint.txt" and r["stance"] == "calls_for"]
    assert {r["organisation"] for r in rows} == {"Northtown Bus Users Alliance"}
    assert count_positions(db) < count_positions(db, co_signers=True)
    assert "Northtown Cyclists' Forum" not in {o for o, _ in top_organisations(db)}


def test_support_and_opposition_on_one_theme_is_a_conflict(db):
    summary = {t["theme"]: t for t in theme_positions_summary(db)}
    libraries = summary["Libraries"]
    assert libraries["conflict"]
    assert "Northtown Libraries" in libraries["against"]
    assert "Friends of Millbrook Library" in libraries["for"]
    assert not summary["Buses"]["conflict"]


LIBRARY_RESPONSE = """Dear Director,

Our branch libraries lend books to 9,000 members, and the library opening hours matter to every reader.
We strongly support the proposals set out in the consultation.
The council should extend library opening hours and buy more books for the branch libraries.

Yours sincerely,

Mina Roy
Chair, Eastfield Library Readers Group
"""

BUS_RESPONSE = """Dear Director,

Our riders use the bus routes every day, and bus fares matter to every rider.
We strongly support the proposals set out in the consultation.
The operator should restore the bus routes and cap bus fares for riders.

Yours sincerely,

Tom Reyes
Chair, Eastfield Bus Riders Union
"""


def test_a_general_statement_takes_its_documents_subject(tmp_path):
    """'We strongly support the proposals' names no subject: it is themed with what its document is about
    (the mean of the document's asks and statements), so the same sentence lands on libraries in one
    response and on buses in the other."""
    (tmp_path / "library.txt").write_text(LIBRARY_RESPONSE)
    (tmp_path / "bus.txt").write_text(BUS_RESPONSE)
    engine = open_engine(str(tmp_path / "p.db"))
    pipeline.ingest_paths(engine, [tmp_path], theme_specs=THEMES, embedder=Embedder(model=BagOfWords(), name="bow"))
    rows = [r for r in query_positions(engine) if r["evidence"].startswith("We strongly support the proposals")]
    themes = {(r["organisation"], r["theme"], r["stance"]) for r in rows}
    assert ("Eastfield Library Readers Group", "Libraries", SUPPORTS) in themes
    assert ("Eastfield Bus Riders Union", "Buses", SUPPORTS) in themes
    assert not any(o.startswith("Eastfield Library") and t == "Buses" for o, t, _ in themes)


MIXED_REPLY = """Response of the Department for Communities to the Eastfield Scrutiny Committee

Recommendation 1: The council should extend library opening hours and buy more books for the branch libraries.

The Department accepts this recommendation.

Recommendation 2: The operator should restore the bus routes and cap bus fares for riders.

The Department rejects this recommendation.

Recommendation 3: The operator should publish bus route punctuality and fares every month.

Yours sincerely,

Department for Communities
"""


def test_a_sentence_that_points_back_takes_the_subject_of_the_one_before(tmp_path):
    """'The Department accepts this recommendation.' names no subject, and its document is about two things: its
    subject is the recommendation just before it, so acceptance lands on libraries and rejection on buses."""
    (tmp_path / "reply.txt").write_text(MIXED_REPLY)
    engine = open_engine(str(tmp_path / "p.db"))
    pipeline.ingest_paths(engine, [tmp_path], theme_specs=THEMES, embedder=Embedder(model=BagOfWords(), name="bow"))
    themes = {r["evidence"]: {r["theme"] for r in query_positions(engine) if r["evidence"] == r2["evidence"]}
              for r2 in query_positions(engine) for r in [r2]}
    assert themes.get("The Department accepts this recommendation.") == {"Libraries"}
    assert themes.get("The Department rejects this recommendation.") == {"Buses"}


def test_what_a_sentence_points_back_at_is_the_nearest_unit_naming_its_noun():
    from analysis.positions import referent

    before = ["Recommendation 4: The ferry operator should add a second sailing to the island on Sundays.",
              "Response: The Department has considered the evidence.",
              "A second sailing would need a crew the operator does not have."]
    assert referent("The Department does not accept this recommendation.", before) == before[0]
    assert referent("We oppose this requirement.", ["The draft rule would require every farm to fence its ponds.",
                                                    "That is costly."]).startswith("The draft rule would require")
    assert referent("We support these changes.", before) is None  # none names a change: the sentence before stands
    assert referent("We welcome the publication of the draft.", before) is None  # points at nothing


@pytest.mark.parametrize("sentence, back", [
    ("The Department accepts this recommendation.", True),
    ("We oppose such a change.", True),
    ("The Trust welcomes the above proposals.", True),
    ("These measures have our full support.", True),
    ("We welcome the publication of the draft Bill.", False),
    ("Thistle growers oppose the levy.", False),
])
def test_a_sentence_points_back_by_a_demonstrative(sentence, back):
    from analysis.themes import points_back

    assert points_back(sentence) is back


@pytest.mark.parametrize("sentence, generic", [
    ("The Harbour Trust welcomes the publication of the draft Bill.", True),
    ("Our members have concerns about the way the proposals will be applied.", True),
    ("Railwatch opposes these Bills.", True),
    ("We do not accept this recommendation.", True),
    ("We oppose the levy on plastic bags.", False),
    ("Fares must be frozen until the new timetable is in place.", False),
    ("We support registering every childminder with the inspectorate.", False),
])
def test_a_sentence_with_no_subject_of_its_own_is_generic(sentence, generic):
    from analysis.themes import is_generic

    assert is_generic(sentence) is generic


def test_a_generic_sentence_is_not_themed_by_a_keyword_it_happens_to_share(tmp_path):
    """A welcome of 'the Committee's report' shares the word 'report' with a theme about publishing reports, but
    names no subject: with the real model it takes its document's theme (buses), not the keyword's."""
    specs = THEMES + [ThemeSpec("Reporting", "Publishing reports, data and performance figures", ["report", "publish"])]
    welcome = "The Union welcomes the Committee" + "'s report."
    bus = BUS_RESPONSE.replace("Dear Director,\n", "Dear Director,\n\n" + welcome + "\n").replace(
        "Yours sincerely", "The council should also run the night bus on weekdays.\n\nYours sincerely")
    (tmp_path / "bus.txt").write_text(bus)
    engine = open_engine(str(tmp_path / "p.db"))
    pipeline.ingest_paths(engine, [tmp_path], theme_specs=specs)  # the packaged sentence model
    rows = [r for r in query_positions(engine) if r["evidence"] == welcome]
    assert rows and {r["theme"] for r in rows} == {"Buses"}


@pytest.mark.parametrize("sentence, stances", [
    ('The Guild supports the aim of the scheme and welcomes the new register of tutors.', [WELCOMES, SUPPORTS]),
    ('We support the fast-track route, although we are concerned that appeals will be lost.', [CONCERNED, SUPPORTS]),
    ('We do not support a full ban, but we welcome the review of ferry fares.', [WELCOMES, OPPOSES]),
    ("We support the new cycle lanes.", [SUPPORTS]),
    ("The timetable changes on Sunday.", []),
])
def test_a_sentence_can_take_two_stances(sentence, stances):
    from analysis.stances import stances_of

    assert [h.stance for h in stances_of(sentence)] == stances


def test_a_documents_subject_includes_its_opening(tmp_path):
    """What a document is about is read from its opening sentences too ("… on the Rivers Bill"), not only from
    its asks and statements; an answer of a consultation export is its own subject."""
    from askmap.store.themes import document_texts

    (tmp_path / "rivers.txt").write_text(
        "Submission from the Anglers Guild to the Environment Committee on the Rivers and Lakes Protection Bill.\n\n"
        "The Guild supports the intent of the Bill. We oppose the fee of forty pounds for a day ticket.\n")
    (tmp_path / "answers.csv").write_text("id,answer\n1,The buses in our village should run every hour on weekdays.\n")
    engine = open_engine(str(tmp_path / "p.db"))
    pipeline.ingest_paths(engine, [tmp_path], theme_specs=THEMES, embedder=Embedder(model=BagOfWords(), name="bow"))
    with engine.connect() as conn:
        ids = {r.source: r.id for r in conn.execute(__import__("sqlalchemy").text("select id, source from documents"))}
    texts = document_texts(engine, list(ids.values()))
    assert any("Rivers and Lakes Protection Bill" in t for t in texts[ids["rivers.txt"]])
    answer = next(i for s, i in ids.items() if s.startswith("answers.csv"))
    # the answer's sentence counts once (as its ask), not a second time as an opening
    assert sum("every hour" in t for t in texts[answer]) == 1
