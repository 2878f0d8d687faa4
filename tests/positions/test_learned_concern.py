"""The learned stance of a statement (analysis/statement_stance.py; ASKMAP_STATEMENT_MODEL=0 switches it off): concern
said without a stance word ("Only two of the nine stations have a crew.") becomes a position; neutral background
does not. Invented sentences on topics none of the training documents had (lifeboats, vets, hearing aids,
quarries, museums, beekeeping)."""
from __future__ import annotations

import numpy as np
import pytest

from analysis import statement_stance
from analysis.embeddings import Embedder
from analysis.stances import stances_of
from askmap import pipeline
from askmap.store import open_engine
from askmap.store.positions import query_positions
from askmap.store.schema import statements
from sqlalchemy import select

IMPLICIT_CONCERN = [
    "Only two of the island's nine lifeboat stations now have a full-time crew.",
    "A licence fee of that size would take most of a small bakery's annual profit.",
    "Farmers in the upper valley still wait eleven weeks for a vet to certify their herds.",
    "The consultation ran for just fifteen days, most of them over the harvest holiday.",
    "Older passengers without smartphones can no longer buy a ticket at the station.",
    "Waiting lists for hearing aids have doubled since the clinic in Eastport closed.",
    "The proposed exemption would leave half of the region's quarries without any dust monitoring.",
]
NEUTRAL = [
    "Our association represents 1,200 beekeepers across the three northern counties.",
    "The draft regulations were published on 3 March and cover all commercial vessels over ten metres.",
    "Section 4 of the bill sets out how the new board will be appointed.",
    "This response was prepared by our policy committee after a meeting of members in May.",
    "The scheme is funded jointly by the county and the national heritage fund.",
]


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


def test_word_vectors_are_unit_length_deterministic_and_follow_the_words(embedder):
    texts = ["Waiting lists for hearing aids have doubled.", "Waiting lists for hearing aids have doubled.",
             "Hearing aid waiting lists doubled.", "The museum opened in 1974 on the quay."]
    v = embedder.word_vectors(texts)
    assert v.shape == (4, 384) and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(v[0], v[1]) and np.array_equal(v, embedder.word_vectors(texts))
    assert v[0] @ v[2] > v[0] @ v[3]  # the same words, reordered, stay closer than other words


def test_candidates_are_prose_sentences_of_the_author_not_letter_parts():
    assert all(statement_stance.is_candidate(t) for t in IMPLICIT_CONCERN + NEUTRAL)
    for not_prose in ("Is the fee fair?", "Yours sincerely, Jo Bloggs", "Telephone: 01234 567 890 (office hours only)",
                      "Response of the Northshire Beekeepers Association to the Hive Health Consultation",
                      "Too short here.", "Re: the draft Marine Licensing Regulations and their impact on us"):
        assert not statement_stance.is_candidate(not_prose), not_prose


def test_the_packaged_model_gives_only_concern_and_its_probabilities_are_a_distribution():
    model = statement_stance.load()
    assert model is not None and model.classes == ("none", "supports", "welcomes", "concerned", "opposes")
    assert model.stances == frozenset({"concerned"}) and 0.5 <= model.min_probability < 1
    rng = np.random.default_rng(0)
    v = rng.normal(size=(4, 384)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    p = model.probabilities(v)
    assert p.shape == (4, 5) and np.allclose(p.sum(axis=1), 1.0)
    assert np.allclose(p[:, [1, 2, 4]], 0.0)  # stances the model does not give count as none
    assert {s for s, _ in model.predict(v)} <= {None, "concerned"}


def test_implicit_concern_is_read_and_background_is_not(embedder):
    # the rules find no stance in any of these sentences
    assert not any(stances_of(t) for t in IMPLICIT_CONCERN + NEUTRAL)
    model = statement_stance.load()
    concern = [s for s, _ in model.predict(embedder.word_vectors(IMPLICIT_CONCERN))]
    neutral = [s for s, _ in model.predict(embedder.word_vectors(NEUTRAL))]
    # at the packaged threshold (0.80, chosen for precision on the team's labelled sets) 4 of 7 today; the words
    # alone miss "waiting lists have doubled since …" (0.10); no neutral sentence comes near (at most 0.08)
    assert sum(s == "concerned" for s in concern) >= 4, concern
    assert neutral == [None] * len(NEUTRAL), neutral
    p_concern = model.probabilities(embedder.word_vectors(IMPLICIT_CONCERN))[:, model.classes.index("concerned")]
    p_neutral = model.probabilities(embedder.word_vectors(NEUTRAL))[:, model.classes.index("concerned")]
    assert np.median(p_concern) > 0.8 and p_neutral.max() < 0.3


LETTER = """Eastport Hearing Loss Group
12 Quay Street, Eastport

To the Director of Public Health

Dear Director,

Response to the review of audiology services

Eastport Hearing Loss Group is a charity of 400 members in the east of the county.
Patients in the east of the county now wait eight months for a hearing test.
The review was published on 3 March and covers every clinic in the region.
The health board should reopen the audiology clinic in Eastport by 2028.

Yours sincerely,

Jo Marsh
Chair, Eastport Hearing Loss Group
"""


def _ingest(tmp_path, name: str, embedder=None):
    (tmp_path / "letter.txt").write_text(LETTER, encoding="utf-8")
    engine = open_engine(str(tmp_path / name))
    pipeline.ingest_paths(engine, [tmp_path / "letter.txt"], embedder=embedder)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(statements))]
    return engine, rows


def test_with_the_model_on_an_implicit_concern_is_a_position_and_the_rest_is_dropped(tmp_path, monkeypatch, embedder):
    monkeypatch.setenv("ASKMAP_STATEMENT_MODEL", "1")
    engine, rows = _ingest(tmp_path, "on.db", embedder)
    assert not [r for r in rows if r["stance"] == statement_stance.CANDIDATE]  # every candidate decided
    learned = {r["text"] for r in rows if r["rule"] == statement_stance.LEARNED}
    assert {r["source"] for r in rows if r["rule"] == statement_stance.LEARNED} == {"stance"}  # the author's own
    assert any(t.startswith("Patients in the east of the county now wait") for t in learned), learned
    assert not any("published on 3 March" in t or "is a charity of 400" in t for t in learned)
    concerned = [p for p in query_positions(engine) if p["stance"] == "concerned"]
    assert any(p["evidence"].startswith("Patients in the east of the county") and p["organisation"] == "Eastport Hearing Loss Group"
               for p in concerned), concerned


def test_on_by_default_and_switched_off_no_candidate_is_kept(tmp_path, monkeypatch, embedder):
    monkeypatch.delenv("ASKMAP_STATEMENT_MODEL", raising=False)
    assert statement_stance.enabled()
    monkeypatch.setenv("ASKMAP_STATEMENT_MODEL", "0")
    _, rows = _ingest(tmp_path, "off.db", embedder)
    assert not [r for r in rows if r["rule"] in (statement_stance.CANDIDATE, statement_stance.LEARNED)]


def test_a_stand_in_embedder_drops_the_candidates(tmp_path, monkeypatch, hashing_embedder):
    monkeypatch.setenv("ASKMAP_STATEMENT_MODEL", "1")
    _, rows = _ingest(tmp_path, "hash.db")
    assert not [r for r in rows if r["rule"] in (statement_stance.CANDIDATE, statement_stance.LEARNED)]
