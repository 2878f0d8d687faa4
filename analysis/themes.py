"""Themes: seeded (a theme list assigns asks by similarity) and discovered (BERTopic on what fits no
seed theme), with ids that stay stable across re-fits and an incremental path for new asks.

Everything here is pure: vectors in, assignments out. Persistence and edits live in the store.

Component choice by size (documented, deterministic — every random state is seeded):
- fewer than ``MIN_DISCOVER`` (5) leftover asks: nothing is discovered; they stay unthemed;
- up to ``SMALL`` (200) leftovers: no UMAP (it breaks on tiny inputs); Ward clustering of the unit
  vectors, the number of clusters chosen by silhouette between √(n/2) and √(2n) (at most 15),
  clusters of one dropped as outliers;
- up to ``SAMPLE`` (20,000): UMAP (5 dimensions, cosine, random_state=42) + HDBSCAN (min cluster
  size grows with n);
- above that: the same models fitted on a seeded random sample of ``SAMPLE`` asks, and every other
  ask joins the theme whose centroid is nearest (above ``ASSIGN_MIN``), so 500,000 asks fit in memory
  and minutes on two cores.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from . import lexicon

SEED = 42
MIN_DISCOVER = 5
SMALL = 200
SAMPLE = 20_000
SEED_MIN = 0.25  # score an ask needs for a seed theme to join it
SECOND_WITH_KEYWORD = 0.08  # … or this close, when the ask names one of its keywords
SECOND_WITHIN = 0.03  # a second theme is kept when it scores this close to the first
ASSIGN_MIN = 0.35  # similarity a new ask needs to a discovered theme's centroid to join it
KEYWORD_BONUS = 0.35  # per keyword of the theme found in the ask, scaled by how rare the keyword is (at most three)
CONTEXT_WEIGHT = 1.0  # how much an ask's context (lead-in, the question answered) counts in its vector
# how much the whole document (the mean of its asks' and statements' vectors) counts in each one's vector: "we
# support the proposals" is about what the document is about. Chosen on heldout3-5 and the demo (0, 0.3, 0.5,
# 0.7, 1.0): positions F1 rose on all four from 0.3 to 0.7; asks' theme F1 rose on heldout3-5 and fell 0.70 → 0.67 on the demo
DOC_WEIGHT = 0.5
ADAPT = 1.0  # how far seed themes move towards the asks they confidently hold (one round)
ADAPT_QUANTILE = 0.3  # "confidently": scores above this quantile
FACET_WEIGHT = 0.5  # share of a seed theme's similarity that comes from its closest facet (name, a part of its description, a keyword)

SEEDED, DISCOVERED = "seed", "discovered"


@dataclass
class ThemeSpec:
    """A theme as a user writes it in a theme list (TOML)."""

    name: str
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    question: str | None = None  # the consultation question whose answers this theme is for (None: any)

    def descriptor(self) -> str:
        return f"{self.name}. {self.description}".strip(" .") + "."


@dataclass
class Theme:
    id: str  # stable across re-fits
    name: str
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    origin: str = SEEDED  # seed | discovered
    top_terms: list[str] = field(default_factory=list)
    centroid: np.ndarray | None = None
    question: str | None = None  # a consultation question's own theme (None: for every ask and answer)


@dataclass
class Assignment:
    ask_id: str
    theme_id: str
    rank: int  # 1 = primary, 2 = second
    score: float


# ------------------------------------------------------------------ theme lists


def load_theme_file(path: str | Path) -> list[ThemeSpec]:
    """A TOML theme list: ``[[theme]]`` tables with name, description, keywords."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path}: not a readable theme list ({exc})") from None
    specs = []
    for i, t in enumerate(data.get("theme", [])):
        if not isinstance(t, dict) or not str(t.get("name", "")).strip():
            raise ValueError(f"{path}: theme {i + 1} has no name")
        question = str(t.get("question") or "").strip() or None
        specs.append(ThemeSpec(str(t["name"]).strip(), str(t.get("description", "")).strip(),
                               [str(k).strip() for k in t.get("keywords", []) if str(k).strip()], question))
    if not specs:
        raise ValueError(f"{path}: no [[theme]] entries")
    return specs


def default_themes() -> list[ThemeSpec]:
    """The built-in list of general public-policy themes (``analysis/default_themes.toml``)."""
    with resources.as_file(resources.files("analysis").joinpath("default_themes.toml")) as p:
        return load_theme_file(p)


def seed_id(name: str, question: str | None = None) -> str:
    """A seed theme's stable id: from its name, and its question's for a question's own theme (two questions
    may each have a theme of the same name)."""
    base = "s-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if question:
        base += "-q" + hashlib.sha1(" ".join(question.split()).lower().encode()).hexdigest()[:8]
    return base


def seed_themes(specs: list[ThemeSpec]) -> list[Theme]:
    return [Theme(seed_id(s.name, s.question), s.name, s.description, list(s.keywords), SEEDED, question=s.question)
            for s in specs]


def seed_vectors(specs: list[ThemeSpec], embed) -> np.ndarray:
    """One unit vector per theme: its name and description, and its keywords, embedded and averaged."""
    texts = [s.descriptor() for s in specs] + [", ".join(s.keywords) or s.name for s in specs]
    v = embed(texts)
    n = len(specs)
    m = v[:n] + v[n:]
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def facets(spec: ThemeSpec) -> list[str]:
    """The separate things a theme covers: its name, each comma-separated part of its description, each
    keyword. An ask close to one of them belongs, even when it is far from the theme as a whole."""
    parts = [p.strip(" .") for p in re.split(r"[,;]", spec.description)]
    return [spec.name] + [p for p in parts if p] + list(spec.keywords)


def facet_vectors(specs: list[ThemeSpec], embed) -> list[np.ndarray]:
    """Per theme, one unit vector per facet (embedded in one batch)."""
    lists = [facets(s) for s in specs]
    flat = [f for fs in lists for f in fs]
    if not flat:
        return []
    v = embed(flat)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    v = np.divide(v, norms, out=np.zeros_like(v), where=norms > 0)  # a facet with no content matches nothing
    out, i = [], 0
    for fs in lists:
        out.append(v[i:i + len(fs)])
        i += len(fs)
    return out


def similarity(ask_vecs: np.ndarray, theme_vecs: np.ndarray, facet_vecs: list[np.ndarray | None] | None = None) -> np.ndarray:
    """Each ask's similarity to each theme: to the theme's vector, blended with its closest facet where
    the theme has facets (a discovered theme has none: its centroid alone)."""
    sims = ask_vecs @ theme_vecs.T
    if not facet_vecs or len(ask_vecs) == 0:
        return sims
    out = sims.copy()
    for j, fv in enumerate(facet_vecs):
        if fv is not None and len(fv):
            out[:, j] = (1 - FACET_WEIGHT) * sims[:, j] + FACET_WEIGHT * (ask_vecs @ fv.T).max(axis=1)
    return out


def with_context(ask_vecs: np.ndarray, context_vecs: np.ndarray | None, has_context: np.ndarray | None) -> np.ndarray:
    """An ask's vector for themes: its own, plus a share of its context's (where it has one)."""
    if context_vecs is None or has_context is None or not has_context.any():
        return ask_vecs
    v = ask_vecs + CONTEXT_WEIGHT * context_vecs * has_context[:, None]
    return v / np.linalg.norm(v, axis=1, keepdims=True)


GENERIC_MAX_WORDS = 1  # a sentence with at most this many words of its own subject is a stance on the whole document
GENERIC_DOC_WEIGHT = 3.0  # how far such a sentence's theme vector leans on its document's subject


def points_back(text: str) -> bool:
    """Whether a sentence refers to what came just before it ("The Department accepts this recommendation.",
    "We oppose such a change."): lexicon ``back_reference_words``. Where such a sentence names no subject of its
    own (:func:`is_generic`), its subject is the sentence before it rather than the whole document."""
    return bool(lexicon.pattern("back_reference_words").search(text))


@lru_cache(maxsize=1)
def _frame_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | frozenset(lexicon.lower("theme_stop_words")) | frozenset(lexicon.lower("stance_frame_words")) \
        | frozenset(lexicon.lower("document_heads")) | frozenset(lexicon.lower("self_reference_nouns")) \
        | frozenset(lexicon.lower("proposal_nouns")) | frozenset(lexicon.lower("section_words"))


@lru_cache(maxsize=65536)
def is_generic(text: str) -> bool:
    """Whether a sentence names no subject of its own: once its stop words, the words of taking a stance
    (lexicon ``stance_frame_words``), document heads ("Bill", "report"), names (capitalised words) and numbers
    are gone, at most ``GENERIC_MAX_WORDS`` words remain. "The Guild welcomes the
    publication of the draft." is generic; "We support registering every home support provider." is not."""
    frame = _frame_words()
    words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", text)
    own = [w for k, w in enumerate(words)
           if not (w[0].isupper() and k > 0) and not (len(w) > 1 and w.isupper())
           and w.lower().replace("’", "'") not in frame and w.lower().removesuffix("s") not in frame]
    return len(own) <= GENERIC_MAX_WORDS


def _keyword_pattern(k: str) -> tuple[str, re.Pattern]:
    word = k.lower().strip()
    stem = word[:-1] if word.endswith("s") and len(word) > 4 and not word.endswith("ss") else word
    return stem, re.compile(rf"\b{re.escape(stem)}(?:s|es|ed|ing|ion|ions|ness|al|ers?|less|lessness)?\b")


def _keyword_hits(low: list[str], k: str) -> np.ndarray:
    stem, pattern = _keyword_pattern(k)
    return np.array([stem in t and bool(pattern.search(t)) for t in low], dtype=bool)  # substring first: cheap


def keyword_rarity(texts: list[str], keyword_lists: list[list[str]]) -> list[list[float | None]]:
    """Per theme and keyword, how rare the keyword is among these asks (1: in one ask or none; 0: in all); None
    where no ask has it. A collection themed a chunk at a time takes the rarities of its first chunk."""
    low = [t.lower() for t in texts]
    n = len(texts)
    out: list[list[float | None]] = []
    for keywords in keyword_lists:
        row: list[float | None] = []
        for k in keywords:
            hits = int(_keyword_hits(low, k).sum()) if n else 0
            row.append(None if not hits else (np.log((1 + n) / (1 + hits)) / np.log(1 + n) if n > 1 else 1.0))
        out.append(row)
    return out


def keyword_bonus(texts: list[str], keyword_lists: list[list[str]], weight: float = KEYWORD_BONUS,
                  rarity: list[list[float | None]] | None = None) -> np.ndarray:
    """Per ask and theme: a bonus for each of the theme's keywords the ask contains, weighted by how
    rare the keyword is among these asks (a word every ask shares says nothing about its theme), or as ``rarity``
    gives (:func:`keyword_rarity` of other asks; a keyword they never held counts as rare)."""
    low = [t.lower() for t in texts]
    n = len(texts)
    bonus = np.zeros((n, len(keyword_lists)))
    if n == 0:
        return bonus
    for j, keywords in enumerate(keyword_lists):
        for m, k in enumerate(keywords):
            hit = _keyword_hits(low, k)
            if not hit.any():
                continue
            if rarity is not None:
                r = rarity[j][m]
                r = 1.0 if r is None else r
            else:
                r = np.log((1 + n) / (1 + hit.sum())) / np.log(1 + n) if n > 1 else 1.0
            bonus[:, j] += weight * r * hit
        bonus[:, j] = np.minimum(bonus[:, j], 3 * weight)
    return bonus


def seeded_scores(ask_texts: list[str], ask_vecs: np.ndarray, specs: list[ThemeSpec], theme_vecs: np.ndarray,
                  facet_vecs: list[np.ndarray] | None = None, bonus: np.ndarray | None = None,
                  adapted: np.ndarray | None = None) -> np.ndarray:
    """Score of each ask for each seed theme: similarity to the theme (adapted once towards the asks it
    confidently holds: :func:`adapted_vectors`, or ``adapted`` where they were found on other asks) blended with
    its closest facet, plus a bonus for the theme's rarer keywords."""
    if bonus is None:
        bonus = keyword_bonus(ask_texts, [s.keywords for s in specs])
    if adapted is None:
        adapted = adapted_vectors(ask_vecs, theme_vecs, facet_vecs, bonus)
    return similarity(ask_vecs, adapted, facet_vecs) + bonus


def adapted_vectors(ask_vecs: np.ndarray, theme_vecs: np.ndarray, facet_vecs: list[np.ndarray] | None,
                    bonus: np.ndarray) -> np.ndarray:
    """The seed themes' vectors moved towards the asks each confidently holds (the theme as these asks speak
    of it); unchanged with fewer than two asks a theme."""
    if not ADAPT or len(ask_vecs) < 2 * len(theme_vecs):
        return theme_vecs
    scores = similarity(ask_vecs, theme_vecs, facet_vecs) + bonus
    best = scores.argmax(axis=1)
    top = scores.max(axis=1)
    sure = (top >= np.quantile(top, ADAPT_QUANTILE)) & (top >= SEED_MIN)
    adapted = []
    for j in range(len(theme_vecs)):
        held = (best == j) & sure
        t = theme_vecs[j] + (ADAPT * ask_vecs[held].mean(axis=0) if held.any() else 0)
        adapted.append(t / np.linalg.norm(t))
    return np.vstack(adapted)


def pick_themes(scores: np.ndarray, min_score: float = SEED_MIN, within: float = SECOND_WITHIN,
                keyword_hits: np.ndarray | None = None) -> list[list[tuple[int, float]]]:
    """Up to two themes per row: the best above ``min_score``, and a second when it is close — or, where the
    row holds one of that theme's keywords (``keyword_hits``), within ``SECOND_WITH_KEYWORD``: "We will make
    £2 million available through the Harbour Fund" is about harbours and about funding."""
    out = []
    for i, row in enumerate(scores):
        order = np.argsort(-row, kind="stable")
        best = int(order[0]) if len(order) else -1
        if best < 0 or row[best] < min_score:
            out.append([])
            continue
        chosen = [(best, float(row[best]))]
        if len(order) > 1:
            second = int(order[1])
            margin = SECOND_WITH_KEYWORD if keyword_hits is not None and keyword_hits[i, second] else within
            if row[second] >= min_score and row[best] - row[second] <= margin:
                chosen.append((second, float(row[second])))
        out.append(chosen)
    return out


# ------------------------------------------------------------------ discovery


# the language of asking itself, which every theme shares: never a theme's name (the lexicon's list)
_STOP_TERMS = set(lexicon.lower("theme_stop_words"))


def _readable_name(terms: list[str]) -> str:
    """'ferries timetable' … → 'Ferries · timetable changes': distinct, non-stop-word terms."""
    chosen: list[str] = []
    for t in terms:
        words = t.split()
        if not words or all(w in _STOP_TERMS or w.isdigit() or len(w) < 3 for w in words):
            continue
        if any(t in c or c in t for c in chosen):
            continue
        chosen.append(t)
        if len(chosen) == 3:
            break
    if not chosen:
        return ""
    name = " · ".join(chosen)
    return name[:1].upper() + name[1:]


class SizedAgglomerative:
    """For small inputs: Ward clustering of the unit vectors (Euclidean on unit vectors ranks like cosine).
    The number of clusters is the one with the best silhouette between √(n/2) and √(2n) (at most 15):
    a range that keeps themes neither one per ask nor one for all. Deterministic: no random state."""

    def __init__(self, max_clusters: int = 15):
        self.max_clusters = max_clusters
        self.labels_: np.ndarray | None = None

    def fit(self, X, y=None):
        from sklearn.cluster import AgglomerativeClustering
        from sklearn.metrics import silhouette_score

        X = np.asarray(X, dtype=np.float64)
        X = X / np.linalg.norm(X, axis=1, keepdims=True)
        n = len(X)
        lo = max(2, round((n / 2) ** 0.5))
        hi = max(lo, min(self.max_clusters, round((2 * n) ** 0.5), n - 1))
        best, best_score = None, -2.0
        for k in range(lo, hi + 1):
            if k >= n:
                break
            labels = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(X)
            score = silhouette_score(X, labels, metric="cosine") if len(set(labels)) > 1 else -1.0
            if score > best_score + 1e-9:
                best, best_score = labels, score
        self.labels_ = best if best is not None else np.zeros(n, dtype=int)
        return self

    def fit_predict(self, X, y=None):
        return self.fit(X).labels_


def _cluster_models(n: int):
    """Dimensionality reduction and clustering fitted to the number of asks (see the module docstring)."""
    if n <= SMALL:
        from bertopic.dimensionality import BaseDimensionalityReduction

        return BaseDimensionalityReduction(), SizedAgglomerative()
    from hdbscan import HDBSCAN
    from umap import UMAP

    return (UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=SEED, low_memory=True),
            HDBSCAN(min_cluster_size=max(5, n // 200), min_samples=3, metric="euclidean", prediction_data=False))


def discover(texts: list[str], vecs: np.ndarray, embedding_model=None) -> tuple[list[int], dict[int, list[str]]]:
    """Cluster asks with BERTopic (given precomputed embeddings and the local model explicitly).

    Returns one label per ask (-1: no theme) and each label's top terms."""
    n = len(texts)
    if n < MIN_DISCOVER:
        return [-1] * n, {}
    from bertopic import BERTopic
    from sklearn.feature_extraction.text import CountVectorizer

    rng = np.random.default_rng(SEED)
    fit_idx = np.arange(n) if n <= SAMPLE else np.sort(rng.choice(n, SAMPLE, replace=False))
    reducer, clusterer = _cluster_models(len(fit_idx))
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    vectorizer = CountVectorizer(stop_words=sorted(ENGLISH_STOP_WORDS | _STOP_TERMS), ngram_range=(1, 2),
                                 min_df=1 if len(fit_idx) < 1000 else 3, token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z-]+\b")
    representation = None
    if embedding_model is not None:  # words closest in meaning to the theme, then diversified
        from bertopic.representation import KeyBERTInspired, MaximalMarginalRelevance

        representation = [KeyBERTInspired(top_n_words=12, random_state=SEED), MaximalMarginalRelevance(diversity=0.4, top_n_words=8)]
    model = BERTopic(embedding_model=embedding_model, umap_model=reducer, hdbscan_model=clusterer,
                     vectorizer_model=vectorizer, representation_model=representation, min_topic_size=2,
                     calculate_probabilities=False, verbose=False)
    fit_texts = [texts[i] for i in fit_idx]
    try:
        labels = list(model.fit_transform(fit_texts, embeddings=vecs[fit_idx])[0])
    except ValueError as exc:  # texts of stop words only ("Yes.", "No, not at all."): nothing to name a theme by
        if "vocabulary" not in str(exc):
            raise
        return [-1] * n, {}
    # clusters of one are outliers, not themes
    counts = {lab: labels.count(lab) for lab in set(labels)}
    labels = [lab if lab >= 0 and counts[lab] >= 2 else -1 for lab in labels]
    terms = {lab: [w for w, _ in (model.get_topic(lab) or [])][:10] for lab in set(labels) if lab >= 0}
    full = np.full(n, -1, dtype=int)
    full[fit_idx] = labels
    if n > SAMPLE:  # the rest join the nearest discovered centroid
        cents = {lab: _unit(vecs[fit_idx][np.array(labels) == lab].mean(axis=0)) for lab in terms}
        if cents:
            keys = list(cents)
            c = np.vstack([cents[k] for k in keys])
            rest = np.setdiff1d(np.arange(n), fit_idx)
            sims = vecs[rest] @ c.T
            best = sims.argmax(axis=1)
            ok = sims[np.arange(len(rest)), best] >= ASSIGN_MIN
            full[rest[ok]] = [keys[b] for b in best[ok]]
    return [int(x) for x in full], terms


def content_words(text: str) -> int:
    """How many words of a text say something (not stop words): "Yes, I do." has none."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return sum(1 for w in re.findall(r"[a-zA-Z][a-zA-Z-]+", text.lower()) if w not in ENGLISH_STOP_WORDS and w not in _STOP_TERMS)


def _unit(v: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(v)
    return v / norm if norm else v


def discovered_id(member_ids: list[str]) -> str:
    return "d-" + hashlib.sha1("\n".join(sorted(member_ids)).encode()).hexdigest()[:10]


def match_to_previous(new_members: dict[int, list[str]], new_centroids: dict[int, np.ndarray],
                      previous: list[Theme], previous_members: dict[str, set[str]]) -> dict[int, str]:
    """Map each new cluster onto an earlier discovered theme (so ids, names and edits survive a re-fit):
    greedily by member overlap (Jaccard ≥ 0.3), then by centroid similarity (≥ 0.85)."""
    pairs = []
    for lab, members in new_members.items():
        ms = set(members)
        for t in previous:
            if t.origin != DISCOVERED:
                continue
            old = previous_members.get(t.id, set())
            jac = len(ms & old) / len(ms | old) if ms | old else 0.0
            cos = float(new_centroids[lab] @ t.centroid) if t.centroid is not None else 0.0
            if jac >= 0.3 or cos >= 0.85:
                pairs.append((jac, cos, lab, t.id))
    pairs.sort(reverse=True)
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for _, _, lab, tid in pairs:
        if lab not in mapping and tid not in used:
            mapping[lab] = tid
            used.add(tid)
    return mapping
