"""A learned stance of a sentence in the author's own voice, for the sentences the stance rules
(:mod:`analysis.stances`) find nothing in. Most concern in real letters is said without a stance word: "Half
of the district's clinics have no dentist.", "The draft says nothing about enforcement.", "A fee of that size
would wipe out a small grower's margin." — and so is much support and opposition.

At ingest such a sentence is kept as a *candidate* statement (:data:`CANDIDATE`, see
:func:`is_candidate`); when the collection is themed (where MiniLM is loaded), the model decides
each candidate: a stance (rule :data:`LEARNED`), or none, and a candidate with none is dropped. The model only
gives the stances stored with its weights (``stances``: concern, where the rules miss most), and only where the
stance's probability reaches ``min_probability`` — both chosen on the team's labelled sets, since the synthetic
documents' own cross-validation favours a threshold that over-calls on real documents.

The model: a multinomial logistic regression over the mean of the sentence's word-piece vectors from MiniLM's input
table (:meth:`analysis.embeddings.Embedder.word_vectors`: no transformer pass, so every candidate costs next to
nothing; on the training documents it reads concern about as well as the full sentence vector) (classes: none, supports,
welcomes, concerned, opposes), trained by ``scripts/train_statement_stance.py`` on synthetic documents written
and labelled, sentence by sentence, by helpers who saw no code and no evaluation data
(``benchmarks/position_stance_train/``). The weights are data
in ``analysis/data/statement_stance.npz``; prediction is plain numpy; it speaks only for vectors of the model it
was trained on (MiniLM) — with another embedder the candidates are dropped and the rules stand. On by default;
``ASKMAP_STATEMENT_MODEL=0`` switches it off (:func:`enabled`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

CLASSES = ("none", "supports", "welcomes", "concerned", "opposes")
WEIGHTS = Path(__file__).parent / "data" / "statement_stance.npz"
TRAINED_ON = "all-MiniLM-L6-v2"
CANDIDATE = "candidate"  # the stance of a statement the model has not decided yet (never shown as a position)
LEARNED = "learned"  # the rule recorded for a statement whose stance the model gave
MIN_WORDS, MAX_WORDS = 6, 80  # a candidate's length in words: shorter says too little, longer is a paragraph

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# lines that are parts of a letter, not sentences of its argument: "Telephone: …", "Ref: …", "Page 2 of 5"
_NOT_PROSE = re.compile(r"^\s*(?:\d+\s*/\s*\d+|page\s+\d+|tel(?:ephone)?|fax|e-?mail|web(?:site)?|ref(?:erence)?|re|subject|date|"
                        r"dear|yours|kind\s+regards|best\s+regards|sincerely|signed|cc|enc(?:losure)?s?)\b", re.I)


def enabled() -> bool:
    """Whether the learned stance is on: unless ``ASKMAP_STATEMENT_MODEL`` is 0 / off / false / no."""
    return os.environ.get("ASKMAP_STATEMENT_MODEL", "").strip().lower() not in ("0", "off", "false", "no")


def is_candidate(text: str) -> bool:
    """Whether a sentence the rules found no stance in is worth the model's look: prose of
    :data:`MIN_WORDS`–:data:`MAX_WORDS` words with a verb-like lower-case word, not a question, not a letter part."""
    t = text.strip()
    if not t or t.endswith("?") or _NOT_PROSE.match(t):
        return False
    words = _WORD.findall(t)
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    lower = sum(w[0].islower() for w in words)
    return lower >= len(words) / 2  # not a title, an address or a list of names


@dataclass(frozen=True)
class StatementStanceModel:
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)
    classes: tuple[str, ...]
    min_probability: float
    stances: frozenset[str]  # the stances the model may give (the others count as none)

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Per row, the probability of "none" and of each stance the model gives (the others are left out: 0)."""
        z = np.asarray(vectors, dtype=np.float32) @ self.coef.T + self.intercept
        z[:, [i for i, c in enumerate(self.classes) if c != "none" and c not in self.stances]] = -np.inf
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, vectors: np.ndarray) -> list[tuple[str | None, float]]:
        """(stance, probability) per row; None where the best class is "none", not one of :attr:`stances`, or
        below :attr:`min_probability`."""
        if len(vectors) == 0:
            return []
        p = self.probabilities(vectors)
        out: list[tuple[str | None, float]] = []
        for row in p:
            b = int(row.argmax())
            stance = self.classes[b]
            given = stance in self.stances and row[b] >= self.min_probability
            out.append((stance if given else None, float(row[b])))
        return out


@lru_cache(maxsize=1)
def load(path: Path = WEIGHTS) -> StatementStanceModel | None:
    """The packaged model (None where the weights are missing)."""
    if not path.exists():
        return None
    with np.load(path) as z:
        classes = tuple(str(c) for c in z["classes"])
        stances = frozenset(str(c) for c in z["stances"]) if "stances" in z.files else frozenset(classes[1:])
        return StatementStanceModel(z["coef"], z["intercept"], classes, float(z["min_probability"]), stances)
