"""Shared fixtures for the theme tests: a deterministic fake sentence model and small invented corpora."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np

from analysis.embeddings import Embedder
from analysis.themes import ThemeSpec

DIM = 384

# words every letter shares: they would make every text look alike to a bag-of-words model
STOP = set("""a an the and or of to in on for with by at from as is are be been being was were it its this that these
those we our us you your i my me they them their he she his her should must would could will can may might also
ask asks urge urges call calls on upon recommend recommends request requests please that so all more any every
council minister government mayor dear yours sincerely faithfully write writing behalf about into over very need
needs now than there then which who whom whose what when where why how not no do does did have has had make
ensure provide support continue""".split())


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP and len(w) > 2]


def _slot(word: str) -> tuple[int, float]:
    h = int(hashlib.sha1(word.encode()).hexdigest(), 16)
    return h % DIM, 1.0 if (h >> 20) % 2 else -1.0


class FakeModel:
    """Hashed bag of words → 384-dim unit vectors: texts sharing words are similar, deterministic."""

    def __init__(self):
        self.calls: list[list[str]] = []

    def encode(self, texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True):
        texts = list(texts)
        self.calls.append(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in words(t):
                j, sign = _slot(w)
                out[i, j] += sign
            norm = np.linalg.norm(out[i])
            if norm == 0:  # no content words: a fixed direction
                out[i, DIM - 1], norm = 1.0, 1.0
            out[i] /= norm
        return out


class RaisingModel:
    """A model that must not be called (everything should come from the cache)."""

    def encode(self, *a, **k):
        raise AssertionError("the model was called although every text is cached")


def fake_embedder(cache=None) -> Embedder:
    return Embedder(model=FakeModel(), cache=cache, name="fake")


# ------------------------------------------------------------------ invented letters


def letter(to: str, sender: str, org: str, intro: str, asks: list[str]) -> str:
    body = "\n\n".join(asks)
    return f"Dear {to},\n\nI write on behalf of {org}. {intro}\n\n{body}\n\nYours sincerely,\n{sender}\n{org}\n"


LETTERS: dict[str, str] = {
    "buses_1.txt": letter(
        "Minister for Transport", "Ann Lee", "the Riverside Bus Users Group",
        "Our members depend on rural bus routes.",
        ["We urge you to restore the evening bus routes to the villages, because the bus routes were cut last spring.",
         "We ask the Council to publish a reliable bus timetable for the Sunday bus routes.",
         "We call on the operator to put real-time bus arrival boards at every bus stop on the rural bus routes."]),
    "buses_2.txt": letter(
        "Transport Committee", "Tom Reed", "the Hillside Commuters Association",
        "Commuters here rely on the bus.",
        ["We urge the Council to run the number 12 bus route every fifteen minutes at peak hours on weekday bus routes.",
         "We recommend that bus fares on the rural bus routes are capped for young commuters."]),
    "libraries_1.txt": letter(
        "Cabinet Member for Culture", "Meera Shah", "the Friends of Northgate Library",
        "Our branch library is valued by readers of every age.",
        ["We urge you to keep the branch library open on Saturday afternoons for readers and library book borrowers.",
         "We ask the Council to buy more library books and large print books for the branch library.",
         "We call on the Council to keep a trained librarian in every branch library."]),
    "libraries_2.txt": letter(
        "Cabinet Member for Culture", "Owen Price", "the Eastfield Readers Circle",
        "Library closures would harm readers.",
        ["We urge the Council to reverse the closure of the Eastfield branch library and its library reading room.",
         "We recommend that the mobile library visits the outlying villages so readers can borrow library books."]),
    "flooding_1.txt": letter(
        "Environment Agency", "Grace Hill", "the Lowmoor Flood Action Group",
        "Homes along the river flooded twice last winter.",
        ["We urge the Agency to build higher flood defences along the river embankment before the winter flood season.",
         "We ask the Council to clear blocked drains and culverts so river flood water can drain away.",
         "We call on the Agency to install flood warning sirens for riverside streets at risk of river flood."]),
    "flooding_2.txt": letter(
        "Environment Agency", "Sam Okafor", "the Millbrook Residents Flood Forum",
        "Flood water reached the high street.",
        ["We urge the Agency to dredge the river channel and repair the flood barrier near the river bridge.",
         "We recommend that flood insurance advice is offered to residents whose homes flood from the river."]),
    "hospital_1.txt": letter(
        "Chief Executive of the Hospital Trust", "Linda Ford", "the Patients Forum",
        "Patients wait far too long for treatment.",
        ["We urge the Trust to cut hospital waiting lists for hip and knee operations at the hospital.",
         "We ask the Trust to publish hospital waiting times for outpatient appointments each month.",
         "We call on the Trust to open more hospital beds so patients waiting in the emergency department are admitted faster."]),
    "hospital_2.txt": letter(
        "Chief Executive of the Hospital Trust", "Raj Patel", "the Kidney Patients Association",
        "Hospital waiting has worsened.",
        ["We urge the Trust to reduce hospital waiting times for dialysis patients at the hospital renal unit.",
         "We recommend that patients on hospital waiting lists get a named hospital contact."]),
    "meals_1.txt": letter(
        "Director of Education", "Beth Moore", "the Parents for School Meals campaign",
        "Many pupils arrive at school hungry.",
        ["We urge you to give free school meals to every primary school pupil.",
         "We ask the Council to serve a hot school meal with fresh fruit at every school lunch."]),
    "meals_2.txt": letter(
        "Director of Education", "Ian Cole", "the School Cooks Network",
        "School kitchens are short of cooks.",
        ["We urge the Council to fund school kitchen cooks so every school can cook school meals on site.",
         "We recommend that school meal menus offer a vegetarian school lunch every day.",
         "We call on schools to stop charging pupils for school breakfast clubs and school meal debts."]),
}

EXTRA_LETTER = letter(
    "Minister for Transport", "Kate Bell", "the Valley Bus Passengers",
    "Passengers in the valley have lost their bus.",
    ["We urge you to reinstate the valley bus routes and the late bus from town to the valley villages."])

SEED_SPECS = [
    ThemeSpec("Buses", "Bus routes, bus timetables and bus stops for passengers", ["bus", "timetable"]),
    ThemeSpec("Libraries", "Branch library opening, library books and readers", ["library", "librarian"]),
    ThemeSpec("Hospital waiting", "Hospital waiting lists, hospital waiting times and patients", ["hospital", "patients"]),
]


def write_corpus(folder: Path, letters: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (letters or LETTERS).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def topic_of(text: str) -> str | None:
    t = text.lower()
    for topic, marks in [("buses", ("bus",)), ("libraries", ("library", "librarian")), ("flooding", ("flood", "river")),
                         ("hospital", ("hospital",)), ("meals", ("school", "meal"))]:
        if any(m in t for m in marks):
            return topic
    return None


# ------------------------------------------------------------------ reading a database back


def assignments(engine) -> dict[str, list[tuple[str, int, bool]]]:
    """ask id → [(theme id, rank, manual)], primary first."""
    from sqlalchemy import select

    from askmap.store.schema import ask_themes

    out: dict[str, list[tuple[str, int, bool]]] = {}
    with engine.connect() as conn:
        for r in conn.execute(select(ask_themes).order_by(ask_themes.c.ask_id, ask_themes.c.rank, ask_themes.c.theme_id)):
            out.setdefault(r.ask_id, []).append((r.theme_id, r.rank, bool(r.manual)))
    return out


def scores(engine) -> dict[tuple[str, str], float]:
    from sqlalchemy import select

    from askmap.store.schema import ask_themes

    with engine.connect() as conn:
        return {(r.ask_id, r.theme_id): r.score for r in conn.execute(select(ask_themes))}


def ask_rows(engine) -> list[dict]:
    from askmap.store import query_asks

    return query_asks(engine)


def asks_by_topic(engine) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in ask_rows(engine):
        out.setdefault(topic_of(a["text"]), []).append(a["id"])
    return out


def primary(engine) -> dict[str, str | None]:
    a = assignments(engine)
    return {r["id"]: (a[r["id"]][0][0] if r["id"] in a else None) for r in ask_rows(engine)}


def summaries(engine) -> dict[str, dict]:
    from askmap.store.themes import theme_summaries

    return {s["id"]: s for s in theme_summaries(engine)}


def theme_holding(engine, topic: str) -> str:
    """The theme that holds most of a topic's asks (primary assignment)."""
    from collections import Counter

    p = primary(engine)
    counts = Counter(p[a] for a in asks_by_topic(engine)[topic] if p[a])
    return counts.most_common(1)[0][0]
