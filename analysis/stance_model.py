"""A learned stance of a consultation answer towards its question's proposal, for the answers whose words give
the rules (:func:`analysis.answers.answer_stance`) nothing to go on: "Another tax on working people.",
"About time something was done about the noise." Most answers state their view that way.

A multinomial logistic regression over the answer's MiniLM vector, its element-wise product with the
question's (so that the same complaint can mean agreement with one proposal and disagreement with another) and
the vectors of its first and last sentences,
trained by ``scripts/train_stance.py`` on synthetic answers written and labelled blind
(``benchmarks/stance_train/``). The same cross-validation decides which weak stance rules (praise or scorn
words, whose direction depends on the proposal) the model overrules. The weights are data in ``analysis/data/stance_model.npz``; prediction is plain
numpy. It speaks only for vectors of the model it was trained on (MiniLM), and only when sure enough
(:data:`MIN_PROBABILITY`); otherwise the answer stays "unclear".
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

CLASSES = ("agree", "disagree", "mixed", "unclear")
WEIGHTS = Path(__file__).parent / "data" / "stance_model.npz"
MIN_PROBABILITY = 0.0  # the learned stance is used where its class has at least this probability (0: its best class)
TRAINED_ON = "all-MiniLM-L6-v2"
LEARNED = "learned"  # the stance rule recorded for an answer whose stance the model gave


def features(answers: np.ndarray, questions: np.ndarray, firsts: np.ndarray | None = None,
             lasts: np.ndarray | None = None) -> np.ndarray:
    """Rows of unit vectors → the model's input: the whole answer, its product with the question, and the
    answer's first and last sentences (where people put their verdict; the whole answer where it has one)."""
    firsts = answers if firsts is None else firsts
    lasts = answers if lasts is None else lasts
    return np.hstack([answers, answers * questions, firsts, lasts]).astype(np.float32)


@dataclass(frozen=True)
class StanceModel:
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)
    classes: tuple[str, ...]
    deferred_rules: frozenset[str] = frozenset()  # stance rules the model outdid in cross-validation

    def decides(self, rule: str | None) -> bool:
        """Whether the model, not the rule, gives the stance of an answer the rules labelled by ``rule``
        (None: no rule found anything)."""
        return rule is None or rule == LEARNED or rule in self.deferred_rules

    def probabilities(self, answers: np.ndarray, questions: np.ndarray, firsts: np.ndarray | None = None,
                      lasts: np.ndarray | None = None) -> np.ndarray:
        z = features(answers, questions, firsts, lasts) @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, answers: np.ndarray, questions: np.ndarray, firsts: np.ndarray | None = None,
                lasts: np.ndarray | None = None, min_probability: float = MIN_PROBABILITY) -> list[tuple[str, float]]:
        """(stance, probability) per row; "unclear" where no class reaches ``min_probability``."""
        p = self.probabilities(answers, questions, firsts, lasts)
        best = p.argmax(axis=1)
        return [(self.classes[b], float(p[i, b])) if p[i, b] >= min_probability else ("unclear", float(p[i, b]))
                for i, b in enumerate(best)]


@lru_cache(maxsize=1)
def load(path: Path = WEIGHTS) -> StanceModel | None:
    """The packaged model (None where the weights are missing)."""
    if not path.exists():
        return None
    with np.load(path) as z:
        deferred = frozenset(str(r) for r in z["deferred_rules"]) if "deferred_rules" in z.files else frozenset()
        return StanceModel(z["coef"], z["intercept"], tuple(str(c) for c in z["classes"]), deferred)
