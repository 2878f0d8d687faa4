"""Consultation answers: one per (respondent, question) of an export and one per other document, each with a
stance and themes from its own question's list; analysts' tags; the responses and summary views."""
from __future__ import annotations

import csv
from pathlib import Path
import hashlib
import io
import json

import numpy as np
import pytest

from analysis.answers import AGREE, DISAGREE, MIXED, UNCLEAR, answer_stance, sentences, split_answers
from analysis.embeddings import Embedder
from analysis.themes import load_theme_file
from askmap import pipeline, theming
from askmap.cli import main as cli_main
from askmap.store import load_document, open_engine
from askmap.store.answers import NO_THEME, query_responses, summary, tag_answer
from ingest import read_bytes

Q1 = "Do you agree with the proposal to close the Mill Lane recycling centre on Sundays?"
Q2 = "What would make the recycling service better for you?"

EXPORT = f'''Response ID,Respondent type,Organisation,"{Q1}","{Q2}"
11,Individual,,"No. I work all week and Sunday is the only day I can take garden waste to the recycling centre.","Longer opening hours in summer for garden waste."
12,Organisation,Mill Lane Residents Association,"Yes, but only if the garden waste collection runs every week instead.","A weekly garden waste collection."
13,Individual,,"Yes. The queues of cars on Sundays block Mill Lane and the noise is awful.",
14,Individual,,Scrap it.,"=HYPERLINK(""http://x"",""click"")"
15,Individual,,"Not sure, I rarely go.","Bins for batteries at the supermarket."
'''

THEMES = f'''
[[theme]]
name = "Garden waste"
description = "Taking garden waste, grass and hedge cuttings to be recycled."
keywords = ["garden waste", "grass", "hedge"]
question = "{Q1}"

[[theme]]
name = "Traffic and noise on Mill Lane"
description = "Queues of cars, traffic and noise near the recycling centre."
keywords = ["queues", "traffic", "noise", "cars"]
question = "{Q1}"

[[theme]]
name = "Opening hours"
description = "When the recycling centre and services are open."
keywords = ["opening hours", "hours", "open"]
question = "{Q2}"

[[theme]]
name = "Collections at home"
description = "Kerbside collections of garden waste and recycling from homes."
keywords = ["collection", "kerbside", "weekly"]
question = "{Q2}"

[[theme]]
name = "Battery recycling"
description = "Places to recycle batteries and small electricals."
keywords = ["batteries", "battery", "electricals"]
question = "{Q2}"
'''


class BagOfWords:
    """A deterministic stand-in for the sentence model: hashed word counts."""

    def encode(self, texts, **_):
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                w = w.strip(".,;:!?\"'()")
                if len(w) > 3:
                    out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % 384] += 1
            out[i] /= max(np.linalg.norm(out[i]), 1e-9)
        return out


@pytest.fixture(scope="module")
def consultation(tmp_path_factory):
    folder = tmp_path_factory.mktemp("consultation")
    (folder / "export.csv").write_text(EXPORT, encoding="utf-8")
    (folder / "themes.toml").write_text(THEMES, encoding="utf-8")
    (folder / "letter.txt").write_text("""Dear Waste Team,

Mill Lane Allotment Society supports the proposal to close the centre on Sundays. Our members compost their garden waste on site.

Yours faithfully,

Ann Ford
Secretary, Mill Lane Allotment Society
""", encoding="utf-8")
    db = str(folder / "c.db")
    engine = open_engine(db)
    pipeline.ingest_paths(engine, [folder / "export.csv", folder / "letter.txt"], themes=False)
    theming.fit(engine, load_theme_file(folder / "themes.toml"), Embedder(model=BagOfWords(), name="bow"))
    return engine, db


def by_key(rows):
    return {(r["response_id"], r["question"]): r for r in rows}


# ------------------------------------------------------------------ the unit


def test_an_export_row_is_one_answer_per_answered_question():
    docs = read_bytes(EXPORT.encode(), "export.csv")
    row = next(d for d in docs if d.metadata["response_id"] == "12")
    answers = split_answers(row)
    assert [a.question for a in answers] == [Q1, Q2]
    assert answers[0].text == "Yes, but only if the garden waste collection runs every week instead."
    assert all(row.text[a.start:a.end] == a.text for a in answers)
    assert answers[0].respondent == "Mill Lane Residents Association" == answers[0].organisation
    anonymous = split_answers(next(d for d in docs if d.metadata["response_id"] == "13"))
    assert len(anonymous) == 1  # the blank second answer is no answer
    assert anonymous[0].respondent == "Respondent 13" and anonymous[0].organisation is None


def test_a_submission_document_is_one_answer_with_no_question():
    doc = read_bytes("""Dear Sir,

The Ferry Users Group opposes the plan to cut the winter timetable.

Yours faithfully,

Jo Reid
Chair, Ferry Users Group
""".encode(), "letter.txt")[0]
    (answer,) = split_answers(doc)
    assert answer.question is None
    assert doc.text[answer.start:answer.end] == answer.text
    assert answer.stance == DISAGREE


def test_sentences_of_a_short_answer():
    text = "No. Buses are late.\nFix them first! Then talk"
    assert [text[s:e] for s, e in sentences(text)] == ["No.", "Buses are late.", "Fix them first!", "Then talk"]


# ------------------------------------------------------------------ stance


@pytest.mark.parametrize("text,stance", [
    ("Yes. About time the city did this.", AGREE),
    ("Strongly agree - the levy will cut congestion.", AGREE),
    ("I support the licence scheme for holiday lets.", AGREE),
    ("No, it will push costs onto nurses who have to drive.", DISAGREE),
    ("Scrap it.", DISAGREE),
    ("Don't do this, the harbour needs the visitors.", DISAGREE),
    ("Absolutely not. A tax on working people.", DISAGREE),
    ("We oppose the cap on licences in the villages.", DISAGREE),
    ("Yes, but only if NHS staff are exempt.", MIXED),
    ("Agree in principle. However the 5% rate is too high for campsites.", MIXED),
    ("No. But a smaller levy, say 2%, would be fair and we would support that.", MIXED),
    ("Not sure, I don't drive.", UNCLEAR),
    ("The buses on route 7 are always late.", UNCLEAR),
    ("Yes, but it is long overdue.", AGREE),
    ("Fantastic idea. Should be higher.", AGREE),
    ("Bad idea. Nobody walks that way anyway.", DISAGREE),
    ("Oh great, another charge on working families.", DISAGREE),
    ("Another stealth tax from the council.", DISAGREE),
    ("I'm against it, the ferry is expensive enough already.", DISAGREE),
    ("Licensing yes, cap no.", MIXED),
    ("I have mixed feelings about the levy.", MIXED),
    ("Not relevant to our campsite, but we support it.", AGREE),
])
def test_the_stance_of_an_answer(text, stance):
    got, rule, evidence = answer_stance(text)
    assert got == stance, (text, got, rule)
    if stance != UNCLEAR:
        assert evidence and all(0 <= s < e <= len(text) for s, e in evidence)


def test_no_doubt_is_not_a_no():
    assert answer_stance("No doubt the levy will help the buses.")[0] != DISAGREE


# ------------------------------------------------------------------ themes, store and views


def test_every_answer_has_a_stance_and_themes_or_none_from_its_own_question(consultation):
    engine, _ = consultation
    rows = query_responses(engine)
    assert len(rows) == 10  # 9 answers of 5 rows (one blank) and the letter
    themes_of = {t.name: t.question for t in theming.load_themes(engine)}
    for r in rows:
        assert r["stance"] in (AGREE, DISAGREE, MIXED, UNCLEAR)
        for name in r["themes"]:
            if r["question"] is not None:
                assert themes_of[name] == r["question"], (r["question"], name)
        for e in r["evidence"]:
            assert load_document(engine, _doc_id(engine, r)).text[e["start"]:e["end"]] == e["text"]
    rows = by_key(rows)
    assert "Garden waste" in rows[("11", Q1)]["themes"]
    assert rows[("11", Q1)]["stance"] == DISAGREE
    assert "Traffic and noise on Mill Lane" in rows[("13", Q1)]["themes"]
    assert rows[("12", Q1)]["stance"] == MIXED
    assert "Battery recycling" in rows[("15", Q2)]["themes"]
    letter = next(r for r in rows.values() if r["question"] is None)
    assert letter["respondent"] == "Mill Lane Allotment Society" and letter["stance"] == AGREE


def _doc_id(engine, row):
    from sqlalchemy import select

    from askmap.store.schema import answers

    with engine.connect() as conn:
        return conn.execute(select(answers.c.doc_id).where(answers.c.id == row["id"])).scalar_one()


def test_an_analysts_tags_survive_a_refit(consultation, tmp_path):
    engine, _ = consultation
    row = by_key(query_responses(engine))[("14", Q1)]
    tag_answer(engine, row["id"], ["Traffic and noise on Mill Lane"])
    theming.fit(engine, None, Embedder(model=BagOfWords(), name="bow"))
    again = by_key(query_responses(engine))[("14", Q1)]
    assert again["themes"] == ["Traffic and noise on Mill Lane"] and again["tagged"]
    with pytest.raises(ValueError):
        tag_answer(engine, row["id"], ["Opening hours"])  # a theme of the other question


def test_summary_counts_respondents_per_question_and_theme(consultation):
    engine, _ = consultation
    rows = summary(engine, question=Q1, by="stance")
    assert {r["question"] for r in rows} == {Q1}
    assert all(r["of"] == 5 for r in rows)
    garden = next(r for r in rows if r["theme"] == "Garden waste")
    assert garden["share"] == round(garden["respondents"] / 5, 4)
    assert sum(garden["by_stance"].values()) == garden["respondents"]
    assert any(r["theme"] == NO_THEME for r in summary(engine, question=Q2)) or all(
        r["themes"] for r in query_responses(engine, question=Q2))


def test_summary_by_organisation_kind(consultation):
    engine, _ = consultation
    rows = summary(engine, question=Q1, by="kind")
    for r in rows:
        assert sum(r["by_kind"].values()) == r["respondents"]
    kinds = {k for r in rows for k in r["by_kind"]}
    assert "individual" in kinds  # four of the five name no organisation
    assert "charity" in kinds  # "Mill Lane Residents Association": an association, by its name
    with pytest.raises(ValueError):
        summary(engine, by="postcode")


def test_responses_and_summary_on_the_command_line(consultation, capsys):
    _, db = consultation
    assert cli_main(["--db", db, "responses", "--stance", "disagree"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and all(r["stance"] == "disagree" for r in rows)
    assert {"id", "doc", "response_id", "respondent", "organisation", "respondent_type", "question", "themes",
            "stance", "evidence", "asks", "tagged"} <= set(rows[0])
    assert cli_main(["--db", db, "responses", "--question", "make the recycling", "--format", "csv"]) == 0
    table = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert table[0][:3] == ["id", "doc", "response_id"]
    assert all(not cell.startswith("=") for line in table for cell in line)  # formula cells neutralised
    assert cli_main(["--db", db, "summary", "--by", "stance"]) == 0
    out = capsys.readouterr().out
    assert Q1 in out and "%" in out
    assert cli_main(["--db", db, "summary", "--by", "kind", "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and all("individual" in r["by_kind"] or "charity" in r["by_kind"] for r in rows
                        if r["question"] == Q1)


# ------------------------------------------------------------------ learning from tags (pure)

from analysis.answer_themes import TagModel, copy_near_duplicates, cross_validate, fit_tags, pick  # noqa: E402


def test_pick_takes_each_sentences_best_theme_and_the_whole_answers_best():
    owners = [(0, None), (0, (0, 10)), (0, (11, 20)), (1, None)]
    scores = np.array([[0.30, 0.10, 0.0],   # answer 0 as a whole: theme 0
                       [0.50, 0.20, 0.0],   # its first sentence: theme 0, better evidence
                       [0.10, 0.40, 0.0],   # its second sentence: theme 1
                       [0.10, 0.20, 0.1]])  # answer 1: nothing reaches the minimum
    chosen = pick(owners, scores, 2)
    assert chosen[0] == {0: (0.5, (0, 10)), 1: (0.4, (11, 20))}
    assert chosen[1] == {}


def _clusters(n, dim=16, seed=1):
    """Two well separated groups of vectors: theme 0's answers and theme 1's."""
    rng = np.random.default_rng(seed)
    a, b = np.zeros(dim), np.zeros(dim)
    a[0], b[1] = 1.0, 1.0
    vecs = np.vstack([a + 0.1 * rng.standard_normal(dim) for _ in range(n)] + [b + 0.1 * rng.standard_normal(dim) for _ in range(n)])
    return vecs, [{0}] * n + [{1}] * n


def test_a_tag_model_moves_scores_towards_the_analysts_themes():
    vecs, labels = _clusters(6)
    model = fit_tags(vecs, labels, 3)
    assert model.learned == 2 and model.weights[2] is None  # nobody tagged theme 2
    shift = model.shift(vecs)
    assert (shift[:6, 0] > 0).all() and (shift[:6, 1] < 0).all() and (shift[6:, 1] > 0).all()
    assert (shift[:, 2] == 0).all()
    assert fit_tags(vecs[:1], labels[:1], 3).learned == 0  # one example teaches nothing


def test_cross_validation_reports_agreement_per_theme():
    vecs, labels = _clusters(10)
    owners = [(i, None) for i in range(len(vecs))]
    zero_shot = np.full((len(vecs), 2), 0.24)  # below the minimum: only what the tags teach can decide
    cv = cross_validate(owners, zero_shot, vecs, dict(enumerate(labels)), 2)
    assert cv["answers"] == 20 and cv["sample_f1"] > 0.9
    assert cv["themes"][0]["tagged"] == 10 and cv["themes"][0]["f1"] > 0.9


def test_a_campaigns_copies_take_the_tagged_copys_themes():
    base = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.99, 0.05, 0.0]])
    picked = [{}, {1: (0.4, None)}, {1: (0.3, None)}]
    n = copy_near_duplicates(picked, base, {0: {0, 2}}, np.zeros((3, 3)))
    assert n == 1
    assert set(picked[2]) == {0, 2}  # the copy of answer 0
    assert set(picked[1]) == {1}  # a different answer keeps its own


def test_learn_on_the_command_line_reports_agreement(consultation, capsys):
    engine, db = consultation
    rows = query_responses(engine, question=Q2)
    for r in rows[:3]:
        tag_answer(engine, r["id"], ["Collections at home"] if "collection" in r["text"].lower() else [])
    assert cli_main(["--db", db, "responses", "learn"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    report = next(r for r in out if r["question"] == Q2)
    assert report["tagged"] >= 3


# ------------------------------------------------------------------ discovered themes: names a person would write

from analysis.nlp import nlp as _nlp, with_entities as _with_entities  # noqa: E402
from analysis.theme_names import acceptable, candidates, name_themes  # noqa: E402


def _parse(texts):
    return [_with_entities(d) for d in _nlp().pipe(texts)]


def test_candidate_phrases_drop_determiners_possessors_and_names_alone():
    (doc,) = _parse(["The council's plan for a two-way cycle lane in Harrowgate is a waste."])
    got = candidates(doc)
    assert "plan for two-way cycle lane" in got or "plan" in got
    assert "two-way cycle lane" in got
    assert "Harrowgate" not in got  # a place name alone is never a theme's name
    assert all(not c.lower().startswith(("the ", "a ", "'s")) for c in got)


def test_acceptable_names():
    assert acceptable("ban on sports advertising") and acceptable("bus fares")
    assert not acceptable("the") and not acceptable("it") and not acceptable("one two three four five six seven")


def test_each_group_is_named_by_the_phrase_its_members_share():
    groups = [["Bus fares are far too high for pensioners.", "Cut bus fares for students.", "Bus fares keep rising."],
              ["The library should open on Sundays.", "Sunday opening at the library would help families.",
               "Open the library on Sundays please."]]
    names = name_themes(groups, _parse)
    assert names[0].lower() == "bus fares"
    assert "librar" in names[1].lower() or "sunday" in names[1].lower()
    assert all("·" not in n for n in names)


def _discovered_names(folder):
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(str(Path(tmp) / "d.db"))
        pipeline.ingest_paths(engine, [folder / "export.csv"], themes=False)
        theming.fit(engine, [])  # no theme list: the questions' themes are discovered among their answers
        return [t for t in theming.load_themes(engine) if t.question]


@pytest.mark.parametrize("name", ["consult_parking", "consult_holidaylets"])
def test_discovered_answer_themes_have_readable_names(name):
    """Over our consultation sets, with no theme list: every question gets themes of its own, each named by a
    noun phrase — never a bag of words, a stop word, or a place or person name alone — with a description
    that quotes a representative answer."""
    from spacy.lang.en.stop_words import STOP_WORDS

    import re

    folder = Path(__file__).resolve().parents[2] / "benchmarks" / name
    themes = _discovered_names(folder)
    answers_text = (folder / "export.csv").read_text(encoding="utf-8")
    assert len({t.question for t in themes}) == 2 and len(themes) >= 6
    for t in themes:
        assert "·" not in t.name and "," not in t.name and 1 <= len(t.name.split()) <= 6, t.name
        assert t.name.lower() not in STOP_WORDS, t.name
        words = t.name.split()
        # a name of a place or person alone: every word capitalised wherever the answers use it
        proper = all(w[:1].isupper() and not re.search(rf"\b{re.escape(w.lower())}\b", answers_text) for w in words)
        assert not proper, t.name
        (doc,) = _parse([t.name.lower()])
        assert any(tok.pos_ in ("NOUN", "PROPN") for tok in doc), t.name
        assert "for example" in t.description and "“" in t.description
