"""Train the learned answer-stance model (analysis/data/stance_model.npz) and report its cross-validation.

Data: ``benchmarks/stance_train/*.jsonl`` — synthetic consultation answers written and labelled by helpers who
saw no code, on topics other than the evaluation consultations' (see benchmarks/stance_train/README.md).
Features: the answer's MiniLM vector, its product with the question's, and its first and last sentences' vectors
(see analysis/stance_model.py).
Model: multinomial logistic regression (scikit-learn, class-balanced), its regularisation chosen by
cross-validation grouped by question (no question's answers in both the training and the scored fold).

    python scripts/train_stance.py            # cross-validate, then write the weights
    python scripts/train_stance.py --cv-only  # cross-validate only
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from analysis.embeddings import Embedder  # noqa: E402
from analysis.stance_model import CLASSES, WEIGHTS, features  # noqa: E402

DATA = ROOT / "benchmarks" / "stance_train"
CS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)


def load(folder: Path = DATA) -> list[dict]:
    rows = []
    for f in sorted(folder.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                if r.get("stance") in CLASSES and r.get("answer") and r.get("question"):
                    rows.append(r)
    return rows


def matrix(rows: list[dict], embedder: Embedder) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    from analysis.answers import sentences

    a = embedder.embed([r["answer"] for r in rows])
    q = embedder.embed([r["question"] for r in rows])
    ends = []
    for r in rows:
        spans = sentences(r["answer"]) or [(0, len(r["answer"]))]
        ends += [r["answer"][slice(*spans[0])], r["answer"][slice(*spans[-1])]]
    e = embedder.embed(ends)
    y = np.array([CLASSES.index(r["stance"]) for r in rows])
    groups = np.array([hash_question(r["question"]) for r in rows])
    return features(a, q, e[0::2], e[1::2]), y, groups


def hash_question(q: str) -> int:
    import hashlib

    return int(hashlib.sha1(" ".join(q.lower().split()).encode()).hexdigest()[:8], 16)


def model(c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=2000, random_state=0)


def cross_validate(x: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float, folds: int = 8) -> dict:
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import GroupKFold

    pred = np.zeros_like(y)
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        pred[test] = model(c).fit(x[train], y[train]).predict(x[test])
    return {"C": c, "accuracy": round(float(accuracy_score(y, pred)), 3),
            "macro_f1": round(float(f1_score(y, pred, average="macro")), 3), "pred": pred}


DEFER_MIN_ANSWERS = 10  # a stance rule is judged against the model only on at least this many training answers
DEFER_MARGIN = 0.05  # the model's cross-validated accuracy must beat the rule's by this much for the rule to defer


def deferred_rules(rows: list[dict], pred: np.ndarray) -> list[str]:
    """The stance rules (:func:`analysis.answers.answer_stance`) whose answers the model, cross-validated,
    labels better than the rule does: weak cues such as praise or scorn words, whose direction depends on
    the proposal. Answers with no rule at all always go to the model."""
    from analysis.answers import answer_stance

    by: dict[str, list[int]] = {}
    for r, p in zip(rows, pred):
        stance, rule, _ = answer_stance(r["answer"])
        if rule is None:
            continue
        n = by.setdefault(rule, [0, 0, 0])
        n[0] += 1
        n[1] += stance == r["stance"]
        n[2] += CLASSES[p] == r["stance"]
    out = []
    for rule, (n, by_rule, by_model) in sorted(by.items()):
        defer = n >= DEFER_MIN_ANSWERS and by_model / n >= by_rule / n + DEFER_MARGIN
        print(f"  rule {rule:<26} {n:4} answers: rule {by_rule / n:.2f}, model {by_model / n:.2f}"
              + ("  → the model decides" if defer else ""))
        if defer:
            out.append(rule)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv-only", action="store_true")
    args = ap.parse_args()
    rows = load()
    embedder = Embedder()
    x, y, groups = matrix(rows, embedder)
    print(f"{len(rows)} answers to {len(set(groups))} questions: " +
          ", ".join(f"{c} {int((y == i).sum())}" for i, c in enumerate(CLASSES)))
    results = [cross_validate(x, y, groups, c) for c in CS]
    for r in results:
        print(f"C={r['C']:<5} accuracy {r['accuracy']:.3f}  macro-F1 {r['macro_f1']:.3f}  (8 folds grouped by question)")
    best = max(results, key=lambda r: (r["macro_f1"], -r["C"]))
    print(f"C={best['C']}: per stance rule, accuracy on the training answers it fires on (the model's cross-validated):")
    deferred = deferred_rules(rows, best["pred"])
    if args.cv_only:
        return
    m = model(best["C"]).fit(x, y)
    np.savez(WEIGHTS, coef=m.coef_.astype(np.float32), intercept=m.intercept_.astype(np.float32),
             classes=np.array(CLASSES), deferred_rules=np.array(deferred, dtype=str),
             c=np.float32(best["C"]), answers=np.int32(len(rows)),
             cv_accuracy=np.float32(best["accuracy"]), cv_macro_f1=np.float32(best["macro_f1"]))
    print(f"wrote {WEIGHTS.relative_to(ROOT)} (C={best['C']})")


if __name__ == "__main__":
    main()
