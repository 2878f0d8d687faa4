"""The learned stance of an answer (analysis/stance_model.py): answers whose words carry no stance cue the rules
know get the model's stance, with the sentence that speaks most for it as evidence; clear cues stay the rules'.
Invented answers on topics none of the training questions had (ferries, allotments, street lights)."""
from __future__ import annotations

import numpy as np
import pytest

from analysis import stance_model
from analysis.answers import AGREE, DISAGREE, UNCLEAR, answer_stance, sentences
from analysis.embeddings import Embedder
from askmap import pipeline, theming
from askmap.store import open_engine
from askmap.store.answers import query_responses

FERRY = "Do you agree with the proposal to add a £3 surcharge to every ferry crossing to fund new boats?"
PLOTS = "Should the council sell two of its five allotment sites for housing?"
LIGHTS = "Do you agree with the proposal to switch off street lights between midnight and 5am to save energy?"

IMPLICIT = [
    (FERRY, "Islanders already pay a fortune just to get to hospital appointments on the mainland. This would be another charge on people who have no other way off the island.", DISAGREE),
    (FERRY, "The boats are forty years old and break down every winter. Anything that gets us reliable new vessels is worth a few pounds a trip.", AGREE),
    (LIGHTS, "My daughter walks home from her shift at 1am and the lane is pitch black without the lights. Someone will get hurt.", DISAGREE),
    (LIGHTS, "Lighting empty streets all night wastes money and keeps the whole estate awake. Darker skies would be lovely.", AGREE),
    (PLOTS, "There are 300 people on the waiting list already. Once a plot is built on it is gone for ever.", DISAGREE),
    (PLOTS, "Half the plots on Eastfield have been overgrown for years while families wait a decade for a council flat.", AGREE),
    (FERRY, "Tourists can easily afford it and they are the ones filling the car deck every summer.", AGREE),
    (LIGHTS, "Burglaries on our road went up the last time the council tried this. Criminals love the dark.", DISAGREE),
]


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


def test_the_model_is_packaged_and_defers_only_weak_rules():
    model = stance_model.load()
    assert model is not None and model.classes == ("agree", "disagree", "mixed", "unclear")
    assert model.decides(None) and model.decides(stance_model.LEARNED)
    assert not model.decides("opens_no") and not model.decides("opens_yes")  # a plain "No." is the rules' to say


def test_implicit_answers_mostly_get_the_stance_a_reader_gives(embedder):
    # the rules find nothing in any of them (all "unclear", 0 of 8 right); the model, about 0.6 accurate on four
    # classes in cross-validation (chance: 0.25), gets 5 of 8 (it reads "burglaries went up last time" as for
    # switching lights off: a complaint's direction towards a proposal is what a linear probe of MiniLM misses)
    assert all(answer_stance(answer)[1] is None for _, answer, _ in IMPLICIT)
    model = stance_model.load()
    a = embedder.embed([answer for _, answer, _ in IMPLICIT])
    q = embedder.embed([question for question, _, _ in IMPLICIT])
    spans = [sentences(answer) for _, answer, _ in IMPLICIT]
    first = embedder.embed([answer[slice(*s[0])] for (_, answer, _), s in zip(IMPLICIT, spans)])
    last = embedder.embed([answer[slice(*s[-1])] for (_, answer, _), s in zip(IMPLICIT, spans)])
    got = [stance for stance, _ in model.predict(a, q, first, last)]
    right = sum(g == want for g, (_, _, want) in zip(got, IMPLICIT))
    assert right >= 5, list(zip(got, [w for _, _, w in IMPLICIT]))



def test_probabilities_are_a_distribution_and_the_threshold_holds_back():
    model = stance_model.load()
    rng = np.random.default_rng(0)
    a = rng.normal(size=(3, 384)).astype(np.float32)
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    p = model.probabilities(a, a)
    assert p.shape == (3, 4) and np.allclose(p.sum(axis=1), 1.0)
    assert all(s == UNCLEAR for s, _ in model.predict(a, a, min_probability=1.01))
    assert np.allclose(model.probabilities(a, a), model.probabilities(a, a, a, a))  # a one-sentence answer: its own ends


EXPORT = f'''ID,Respondent type,"{FERRY}"
1,Individual,"No. It is too expensive."
2,Individual,"{IMPLICIT[0][1]}"
3,Individual,"{IMPLICIT[1][1]}"
'''


def test_an_export_s_implicit_answers_are_stored_with_the_learned_stance_and_evidence(tmp_path, embedder):
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    engine = open_engine(str(tmp_path / "s.db"))
    pipeline.ingest_paths(engine, [tmp_path / "export.csv"], embedder=embedder)
    rows = {r["response_id"]: r for r in query_responses(engine)}
    assert rows["1"]["stance"] == DISAGREE  # the rules' "No." stays
    assert rows["2"]["stance"] == DISAGREE and rows["3"]["stance"] == AGREE
    for rid in ("2", "3"):
        ev = rows[rid]["stance_evidence"]
        assert len(ev) == 1 and ev[0]["text"] and ev[0]["text"] in rows[rid]["text"]  # one of its sentences


def test_a_stand_in_embedder_leaves_the_rules_stance(tmp_path, hashing_embedder):
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    engine = open_engine(str(tmp_path / "h.db"))
    pipeline.ingest_paths(engine, [tmp_path / "export.csv"])
    rows = {r["response_id"]: r for r in query_responses(engine)}
    assert rows["1"]["stance"] == DISAGREE and rows["2"]["stance"] == UNCLEAR  # the model reads only MiniLM's vectors
