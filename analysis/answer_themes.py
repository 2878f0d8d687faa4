"""Which themes a consultation answer raises, and learning them from an analyst's tags.

Pure: score matrices and vectors in, choices out (the store and the embedding model live in
:mod:`askmap.theming`).

Zero-shot: each answer is scored as a whole and, when it has several, sentence by sentence, against its
question's themes (similarity to the theme and its closest facet, plus the theme's rarer keywords, as for
asks). A sentence carries its best theme when that theme scores ``SENTENCE_MIN``; the whole answer carries its
best theme when it scores ``ANSWER_MIN``; the answer's themes are the union, each with the sentence that scores
it best as evidence.

Learning from tags: once an analyst has tagged answers of a question, one logistic regression per theme
(class-balanced, seeded; a theme needs ``MIN_POSITIVE`` tagged answers with it and as many without) is fitted
on the tagged answers' vectors, and its probability shifts every untagged answer's and sentence's score for
that theme by ``LEARN_WEIGHT * (p - 0.5)``: the zero-shot similarity and the analyst's examples together.
An untagged answer that is (nearly) the same text as a tagged one — a campaign's copies — takes its tags
(``copy_near_duplicates``). ``cross_validate`` measures how far the learned shift agrees with the analyst on
answers it was not fitted to.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SENTENCE_MIN = 0.35  # a sentence carries its best theme from this score
ANSWER_MIN = 0.25  # the whole answer carries its best theme from this score (the seed themes' minimum)
LEARN_WEIGHT = 0.6  # how far a tag model's probability moves a score: ± LEARN_WEIGHT / 2
DUPLICATE_MIN = 0.9  # an untagged answer this close (cosine) to a tagged one takes its tags: a campaign's copies
MIN_POSITIVE = 2  # tagged answers with (and without) a theme before a model is fitted for it
FOLDS = 5
SEED = 0

Span = tuple[int, int] | None  # a sentence of the answer, or None for the answer as a whole


def pick(owners: list[tuple[int, Span]], scores: np.ndarray, n_answers: int, answer_min: float = ANSWER_MIN,
         sentence_min: float = SENTENCE_MIN) -> list[dict[int, tuple[float, Span]]]:
    """Per answer: {theme index: (score, the sentence that carries it or None)}. ``owners[k]`` says which
    answer (and which sentence of it) row k of ``scores`` is."""
    picked: list[dict[int, tuple[float, Span]]] = [{} for _ in range(n_answers)]
    for k, (i, span) in enumerate(owners):
        row = scores[k]
        if not len(row):
            continue
        j = int(np.argmax(row))
        if span is None:
            if row[j] >= answer_min:
                picked[i].setdefault(j, (float(row[j]), None))
        elif row[j] >= sentence_min:
            best = picked[i].get(j)
            if best is None or best[1] is None or row[j] > best[0]:
                picked[i][j] = (float(row[j]), span)
    return picked


@dataclass
class TagModel:
    """Per theme: (coefficients, intercept) of its logistic regression, or None where the tags are too few."""

    weights: list[tuple[np.ndarray, float] | None]

    def shift(self, vecs: np.ndarray) -> np.ndarray:
        """The score shift each row of ``vecs`` gets for each theme: LEARN_WEIGHT * (p - 0.5), 0 without a model."""
        out = np.zeros((len(vecs), len(self.weights)))
        for j, w in enumerate(self.weights):
            if w is not None:
                z = vecs @ w[0] + w[1]
                out[:, j] = LEARN_WEIGHT * (1.0 / (1.0 + np.exp(-z)) - 0.5)
        return out

    @property
    def learned(self) -> int:
        return sum(w is not None for w in self.weights)


def fit_tags(vecs: np.ndarray, labels: list[set[int]], n_themes: int) -> TagModel:
    """One class-balanced logistic regression per theme on the tagged answers' vectors."""
    from sklearn.linear_model import LogisticRegression

    weights: list[tuple[np.ndarray, float] | None] = []
    for j in range(n_themes):
        y = np.array([1 if j in lab else 0 for lab in labels])
        if y.sum() < MIN_POSITIVE or (len(y) - y.sum()) < MIN_POSITIVE:
            weights.append(None)
            continue
        m = LogisticRegression(class_weight="balanced", random_state=SEED, max_iter=2000, C=10.0).fit(vecs, y)
        weights.append((m.coef_[0].astype(np.float64), float(m.intercept_[0])))
    return TagModel(weights)


def cross_validate(owners: list[tuple[int, Span]], scores: np.ndarray, vecs: np.ndarray, tagged: dict[int, set[int]],
                   n_themes: int, folds: int = FOLDS) -> dict:
    """How far the zero-shot scores plus a model fitted on the other folds' tags agree with the analyst on
    each fold's tagged answers: per theme precision, recall, F1 and support, and the sample-averaged F1.
    ``vecs`` are the rows' vectors (as ``scores``); ``tagged`` maps an answer index to its tagged themes."""
    ids = sorted(tagged)
    if len(ids) < 2:
        return {"answers": len(ids), "sample_f1": None, "themes": {}}
    rng = np.random.default_rng(SEED)
    order = list(rng.permutation(ids))
    k = min(folds, len(ids))
    whole = {i: r for r, (i, span) in enumerate(owners) if span is None}
    tp, fp, fn = np.zeros(n_themes), np.zeros(n_themes), np.zeros(n_themes)
    f1s = []
    for f in range(k):
        test = set(order[f::k])
        train = [i for i in ids if i not in test]
        model = fit_tags(vecs[[whole[i] for i in train]], [tagged[i] for i in train], n_themes)
        rows = [r for r, (i, _) in enumerate(owners) if i in test]
        adjusted = scores[rows] + model.shift(vecs[rows])
        local = {i: n for n, i in enumerate(sorted(test))}
        chosen = pick([(local[owners[r][0]], owners[r][1]) for r in rows], adjusted, len(test))
        for i in sorted(test):
            got, want = set(chosen[local[i]]), tagged[i]
            for j in range(n_themes):
                tp[j] += j in got and j in want
                fp[j] += j in got and j not in want
                fn[j] += j not in got and j in want
            f1s.append(1.0 if not got and not want else 2 * len(got & want) / (len(got) + len(want)))
    themes = {}
    for j in range(n_themes):
        p = tp[j] / (tp[j] + fp[j]) if tp[j] + fp[j] else None
        r = tp[j] / (tp[j] + fn[j]) if tp[j] + fn[j] else None
        f = 2 * p * r / (p + r) if p and r else (0.0 if (p is not None or r is not None) else None)
        themes[j] = {"precision": p, "recall": r, "f1": f, "tagged": int(tp[j] + fn[j])}
    return {"answers": len(ids), "sample_f1": float(np.mean(f1s)), "themes": themes}


def copy_near_duplicates(picked: list[dict[int, tuple[float, Span]]], whole_vecs: np.ndarray, tagged: dict[int, set[int]],
                         scores_whole: np.ndarray) -> int:
    """An untagged answer (nearly) the same as a tagged one — a campaign's pasted text, a respondent answering
    twice — takes the analyst's themes for it. ``whole_vecs`` and ``scores_whole`` are per answer. Returns how
    many answers took tags."""
    ids = sorted(tagged)
    if not ids:
        return 0
    unit = whole_vecs / np.maximum(np.linalg.norm(whole_vecs, axis=1, keepdims=True), 1e-9)
    sims = unit @ unit[ids].T
    n = 0
    for i in range(len(picked)):
        if i in tagged:
            continue
        k = int(np.argmax(sims[i]))
        if sims[i, k] >= DUPLICATE_MIN:
            picked[i] = {j: (float(scores_whole[i, j]), None) for j in sorted(tagged[ids[k]])}
            n += 1
    return n
