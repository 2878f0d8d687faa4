"""Speed and scale of the whole pipeline, per stage, on synthetic corpora (benchmarks/make_corpus.py)
and on real consultation letters.

    python benchmarks/bench_pipeline.py [--sizes 100,1000,10000] [--seed 0] [--baseline-n 100]
                                        [--real DIR] [--real-only]
                                        [--out benchmarks/results/bench_pipeline.json] [--keep DIR]
    python benchmarks/bench_pipeline.py --smoke      # N = 20, baseline on the same 20 (what CI runs)
    python benchmarks/bench_pipeline.py --real-only  # only the real letters
                                                     # (out: benchmarks/results/bench_real_letters.json)

For each N, in a fresh process (so that peak RSS is that run's): build the corpus, ingest it into a
new SQLite database with themes (the first fit of that database), and report wall time per stage
(read, parse, extract, positions, store, embed, theme) and in total, documents/s, words/s and peak
RSS. Then, with the models warm and N documents stored: the latency of one new ~2-page letter until
its asks and themes can be read back, and the time each of the app's main views takes to build its
data (themes, organisation grid with conflicts, the asks table's first page, documents).

Baseline, in the same run: BERTopic over every sentence of a corpus (read by the same readers), with
the same embedding model, on ``--baseline-n`` documents — our speed is printed as a ratio to it
(documents/s against documents/s on the same corpus size). Embedding every sentence is the cost the
baseline pays; it grows linearly, so its time at larger N is given as an estimate, marked as such.

Real text (``--real DIR``; default ``../shared/real/letters`` beside the checkout, when it exists): in
a fresh process, every file under DIR is ingested into a new SQLite database with themes, with the
same per-stage figures, documents/s, words/s (words: whitespace-separated tokens of the files as
they are on disk, counted before the clock starts, so the same for any version of the code) and
peak RSS, and each stage's share of the wall time. Reported under ``"real"``. With no such folder (a
fresh clone has no ``../shared``) it is skipped with a note; ``--smoke`` never runs it, and
``--real-only`` runs only it.

Which code is measured: the tree this file lies in, or the tree named by the environment variable
``ASKMAP_CODE`` (``ASKMAP_CODE=. python /elsewhere/bench_pipeline.py`` from an old checkout measures
that checkout's code with this script); the report names the ``askmap`` package it imported.

Benchmarks are not tests: nothing here asserts a target; it prints figures (a table, and a JSON file).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# the code measured: this file's checkout, or the tree named by ASKMAP_CODE (its benchmarks/ too)
ROOT = Path(os.environ["ASKMAP_CODE"]).resolve() if os.environ.get("ASKMAP_CODE") else Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
DEFAULT_REAL = ROOT.parent / "shared" / "real" / "letters"  # real consultation letters, beside the checkout
os.environ.setdefault("HF_HUB_OFFLINE", "1")

STAGES = ("read", "parse", "extract", "positions", "store", "embed", "theme")


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def _timed(fn, *args, **kwargs) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t0, out


def run_one(n: int, seed: int, workdir: Path) -> dict:
    """One size, in this process: corpus, ingest with themes, one upload, the app's views."""
    from make_corpus import make_corpus, make_letter

    from askmap import pipeline
    from askmap.stages import StageTimes
    from askmap.store import count_asks, count_documents, open_engine, query_asks
    from askmap.theming import default_embedder

    corpus = workdir / f"corpus_{n}"
    t_gen, stats = _timed(make_corpus, corpus, n, seed, force=True)
    db = workdir / f"bench_{n}.db"
    for f in workdir.glob(f"bench_{n}.db*"):
        f.unlink()
    engine = open_engine(str(db))
    embedder = default_embedder(engine)
    times = StageTimes()
    t0 = time.perf_counter()
    results = pipeline.ingest_paths(engine, [corpus], times=times, embedder=embedder)
    total = time.perf_counter() - t0
    errors = [r.line() for r in results if r.status == pipeline.ERROR]
    docs = count_documents(engine)
    asks = count_asks(engine)
    rss_ingest = peak_rss_mib()

    # one new letter into a database of N documents, models warm: until its asks and themes read back
    letter = workdir / f"new_letter_{n}.txt"
    letter.write_text(make_letter(seed + 10_000 + n), encoding="utf-8")
    upload_times = StageTimes()
    t0 = time.perf_counter()
    r = pipeline.ingest_paths(engine, [letter], times=upload_times, embedder=embedder)[0]
    new_asks = query_asks(engine, doc=r.new_ids[0]) if r.new_ids else []
    upload = time.perf_counter() - t0

    views = time_views(engine)
    return {
        "n": n, "documents": docs, "asks": asks, "words": stats.total_words, "kinds": stats.documents,
        "generate_s": round(t_gen, 2), "errors": errors[:5], "error_count": len(errors),
        "stages_s": {k: round(times.seconds.get(k, 0.0), 2) for k in STAGES},
        "total_s": round(total, 2), "docs_per_s": round(docs / total, 2) if total else None,
        "words_per_s": round(stats.total_words / total) if total else None,
        "embedded_texts": embedder.encoded, "peak_rss_mib": round(rss_ingest),
        "peak_rss_mib_worker": round(peak_rss_mib(resource.RUSAGE_CHILDREN)),  # the largest analysis worker
        "upload": {"seconds": round(upload, 3), "status": r.status, "asks": len(new_asks),
                   "themed_asks": sum(1 for a in new_asks if a["themes"]),
                   "stages_s": {k: round(v, 3) for k, v in upload_times.seconds.items()}},
        "views_s": views, "peak_rss_mib_end": round(peak_rss_mib()),
    }


def file_words(folder: Path) -> tuple[int, int]:
    """Files under ``folder`` (as the pipeline finds them) and their whitespace-separated words on disk."""
    from ingest import iter_files

    files = list(iter_files([folder]))
    return len(files), sum(len(Path(f).read_text(encoding="utf-8", errors="replace").split()) for f in files)


def code_commit() -> str | None:
    """The commit of the code measured: ``git rev-parse`` in ROOT (``+`` when its code has uncommitted
    changes), else ``ASKMAP_COMMIT`` (for a tree exported with ``git archive``), else None."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10)
        if head.returncode == 0 and Path(ROOT, ".git").exists():
            dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "--",
                                    "askmap", "analysis", "ingest"], capture_output=True, text=True, timeout=10)
            return head.stdout.strip() + ("+" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        pass
    return os.environ.get("ASKMAP_COMMIT") or None


def run_real(folder: Path, workdir: Path) -> dict:
    """Real letters, in this process: ingest the folder into a new database with themes, per stage."""
    import askmap
    from askmap import pipeline
    from askmap.stages import StageTimes
    from askmap.store import count_asks, count_documents, open_engine
    from askmap.theming import default_embedder

    import analysis.embeddings as emb

    loaded = []  # seconds to load the embedding model: inside "embed" (its first call), as in the synthetic runs
    load = emb.sentence_model

    def timed_load():
        t, model = _timed(load)
        loaded.append(t)
        return model

    emb.sentence_model = timed_load
    files, words = file_words(folder)
    db = workdir / "bench_real.db"
    for f in workdir.glob("bench_real.db*"):
        f.unlink()
    engine = open_engine(str(db))
    embedder = default_embedder(engine)
    times = StageTimes()
    t0 = time.perf_counter()
    results = pipeline.ingest_paths(engine, [folder], times=times, embedder=embedder)
    total = time.perf_counter() - t0
    errors = [r.line() for r in results if r.status == pipeline.ERROR]
    docs = count_documents(engine)
    stages = {k: times.seconds.get(k, 0.0) for k in STAGES}
    return {
        "folder": str(folder), "code": str(Path(askmap.__file__).resolve().parent.parent),
        "files": files, "documents": docs, "asks": count_asks(engine), "words": words,
        "errors": errors[:5], "error_count": len(errors),
        "duplicate_files": sum(1 for r in results if r.status == pipeline.DUPLICATE),
        "stages_s": {k: round(v, 2) for k, v in stages.items()},
        "model_load_s": round(sum(loaded), 2),
        "total_s": round(total, 2), "docs_per_s": round(docs / total, 2) if total else None,
        "words_per_s": round(words / total) if total else None,
        "stage_words_per_s": {k: round(words / v) if v > 0 else None for k, v in stages.items()},
        "share": {**{k: round(v / total, 3) if total else None for k, v in stages.items()},
                  "other": round(max(0.0, total - sum(stages.values())) / total, 3) if total else None},
        "embedded_texts": embedder.encoded, "peak_rss_mib": round(peak_rss_mib()),
        "peak_rss_mib_worker": round(peak_rss_mib(resource.RUSAGE_CHILDREN)),  # the largest analysis worker
    }


def real_table(r: dict) -> str:
    lines = [f"real letters ({r['folder']}): {r['files']} files, {r['documents']} documents, {r['words']} words, "
             f"{r['asks']} asks, {r['embedded_texts']} texts embedded, {r['error_count']} errors, "
             f"{r['duplicate_files']} files only duplicates of documents already in",
             f"  code: {r['code']} (commit {r.get('commit') or 'unknown'})"]
    head = ["", *STAGES, "total"]
    lines.append(" | ".join(head))
    lines.append(" | ".join("---" for _ in head))
    lines.append(" | ".join(["seconds", *(str(r["stages_s"][k]) for k in STAGES), str(r["total_s"])]))
    lines.append(" | ".join(["words/s", *(str(r["stage_words_per_s"][k]) for k in STAGES), str(r["words_per_s"])]))
    lines.append(" | ".join(["share", *(f"{r['share'][k]:.0%}" for k in STAGES), "100%"]))
    lines.append(f"  {r['docs_per_s']} documents/s, {r['words_per_s']} words/s, "
                 f"peak RSS {r['peak_rss_mib']} MiB (worker {r['peak_rss_mib_worker']})")
    lines.append(f"  embed includes loading the model: {r['model_load_s']} s")
    top = sorted(((v, k) for k, v in r["share"].items() if v), reverse=True)[:3]
    lines.append("  where the time goes: " + ", ".join(f"{k} {v:.0%}" for v, k in top))
    for e in r["errors"]:
        lines.append(f"  error: {e}")
    return "\n".join(lines)


def time_views(engine) -> dict:
    """Seconds each main view of the app takes to build its data (the functions its tabs call)."""
    import ui
    from askmap.store import themes as theme_store

    top3 = [t["id"] for t in sorted(theme_store.theme_summaries(engine, examples=0), key=lambda t: -t["size"])[:3]]
    out = {}
    for name, fn in [("themes (three side by side)", lambda: ui.themes_view(engine, top3)),
                     ("organisations (grid, conflicts)", lambda: ui.organisations_view(engine)),
                     ("asks (first page)", lambda: ui.asks_view(engine, {}, 1)),
                     ("documents (newest)", lambda: ui.documents_view(engine))]:
        fn()  # first call warms imports and SQLite's page cache; the second is what a user waits for
        out[name] = round(_timed(fn)[0], 3)
    return out


SENT = re.compile(r"(?<=[.!?])\s+(?=[\"'“(A-Z0-9])|\n{2,}")


def run_baseline(n: int, seed: int, workdir: Path) -> dict:
    """BERTopic over every sentence of an N-document corpus, the same MiniLM (and precision), default settings."""
    from bertopic import BERTopic
    from make_corpus import make_corpus

    from analysis.embeddings import encode, sentence_model
    from ingest import iter_files, read

    corpus = workdir / f"baseline_corpus_{n}"
    make_corpus(corpus, n, seed, force=True)
    model = sentence_model()
    t0 = time.perf_counter()
    sentences, docs = [], 0
    for f in iter_files([corpus]):
        for doc in read(f):
            docs += 1
            sentences += [s.strip() for s in SENT.split(doc.text) if len(s.split()) >= 3]
    t_read = time.perf_counter() - t0
    t_embed, vecs = _timed(encode, model, sentences, 64)  # the same model at the same precision as ours
    from umap import UMAP

    topic_model = BERTopic(embedding_model=model, umap_model=UMAP(n_neighbors=15, n_components=5, min_dist=0.0,
                                                                  metric="cosine", random_state=seed))
    t_fit, _ = _timed(topic_model.fit_transform, sentences, vecs)
    total = t_read + t_embed + t_fit
    return {"n": n, "documents": docs, "sentences": len(sentences), "read_s": round(t_read, 2),
            "embed_s": round(t_embed, 2), "fit_s": round(t_fit, 2), "total_s": round(total, 2),
            "docs_per_s": round(docs / total, 2), "topics": len(set(topic_model.topics_)) - (-1 in topic_model.topics_),
            "peak_rss_mib": round(peak_rss_mib())}


def _child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "HF_HUB_OFFLINE": "1", "ASKMAP_CODE": str(ROOT)})
    if out.returncode != 0:
        sys.exit(f"bench_pipeline {' '.join(args)} failed:\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def table(runs: list[dict], baseline: dict | None) -> str:
    lines = []
    head = ["N", "docs", "asks", "words", *STAGES, "total s", "docs/s", "words/s", "peak RSS MiB (worker)", "upload s"]
    lines.append(" | ".join(head))
    lines.append(" | ".join("---" for _ in head))
    for r in runs:
        lines.append(" | ".join(str(x) for x in [r["n"], r["documents"], r["asks"], r["words"],
                                                 *(r["stages_s"][k] for k in STAGES), r["total_s"], r["docs_per_s"],
                                                 r["words_per_s"], f"{r['peak_rss_mib']} ({r['peak_rss_mib_worker']})",
                                                 r["upload"]["seconds"]]))
    lines.append("")
    lines.append("app views at each N (seconds to build the data a tab shows):")
    for r in runs:
        lines.append(f"  N={r['n']}: " + ", ".join(f"{k} {v}" for k, v in r["views_s"].items()))
    lines.append("")
    lines.append("one new letter (asks and themes readable), models warm:")
    for r in runs:
        u = r["upload"]
        lines.append(f"  N={r['n']}: {u['seconds']} s, {u['asks']} asks, {u['themed_asks']} themed ({u['status']})")
    if len(runs) >= 2:
        a, b = runs[-2], runs[-1]
        lines.append(f"\nscaling {a['n']} → {b['n']} documents: time ×{b['total_s'] / a['total_s']:.1f} "
                     f"for ×{b['n'] / a['n']:.0f} the documents")
    if baseline:
        ours = next((r for r in runs if r["n"] == baseline["n"]), None)
        lines.append(f"\nbaseline (BERTopic over every sentence, same MiniLM) on N={baseline['n']}: "
                     f"{baseline['sentences']} sentences, read {baseline['read_s']} s, embed {baseline['embed_s']} s, "
                     f"fit {baseline['fit_s']} s, total {baseline['total_s']} s ({baseline['docs_per_s']} docs/s), "
                     f"{baseline['topics']} topics")
        if ours:
            lines.append(f"  askmap on the same N: {ours['total_s']} s ({ours['docs_per_s']} docs/s) — "
                         f"{ours['docs_per_s'] / baseline['docs_per_s']:.1f}× the baseline's speed "
                         "(while also extracting asks, holders, addressees and positions)")
        per_doc = baseline["total_s"] / baseline["documents"]
        for r in runs:
            if r["n"] != baseline["n"]:
                est = per_doc * r["documents"]
                lines.append(f"  N={r['n']}: baseline estimated {est:.0f} s from its per-document time (not run); "
                             f"askmap {r['total_s']} s — about {est / r['total_s']:.1f}× faster")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="100,1000,10000")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--baseline-n", type=int, default=100, help="documents for the BERTopic baseline (0: none)")
    p.add_argument("--smoke", action="store_true", help="N = 20 and a baseline on 20 (the CI run)")
    p.add_argument("--real", default=str(DEFAULT_REAL),
                   help="a folder of real letters to ingest as a workload too (default: %(default)s, when it exists)")
    p.add_argument("--real-only", action="store_true", help="only the real letters: no synthetic sizes, no baseline")
    p.add_argument("--out", help="the JSON report (default: benchmarks/results/bench_pipeline.json; "
                                 "with --real-only, benchmarks/results/bench_real_letters.json)")
    p.add_argument("--keep", help="build corpora and databases here (default: a temporary folder)")
    p.add_argument("--one", type=int, help=argparse.SUPPRESS)
    p.add_argument("--real-one", help=argparse.SUPPRESS)
    p.add_argument("--baseline", type=int, help=argparse.SUPPRESS)
    p.add_argument("--workdir", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.one is not None:
        print(json.dumps(run_one(a.one, a.seed, Path(a.workdir))))
        return 0
    if a.baseline is not None:
        print(json.dumps(run_baseline(a.baseline, a.seed, Path(a.workdir))))
        return 0
    if a.real_one is not None:
        print(json.dumps(run_real(Path(a.real_one), Path(a.workdir))))
        return 0
    if a.smoke and a.real_only:
        p.error("--smoke and --real-only exclude each other")
    sizes = [] if a.real_only else [20] if a.smoke else [int(x) for x in a.sizes.split(",") if x.strip()]
    base_n = 0 if a.real_only else 20 if a.smoke else a.baseline_n
    real_dir = None if a.smoke else Path(a.real).resolve()
    tmp = None if a.keep else tempfile.TemporaryDirectory(prefix="askmap-bench-")
    workdir = Path(a.keep or tmp.name)
    workdir.mkdir(parents=True, exist_ok=True)
    runs = []
    for n in sizes:
        print(f"N={n} …", file=sys.stderr, flush=True)
        runs.append(_child(["--one", str(n), "--seed", str(a.seed), "--workdir", str(workdir)]))
    baseline = None
    if base_n:
        print(f"baseline N={base_n} …", file=sys.stderr, flush=True)
        baseline = _child(["--baseline", str(base_n), "--seed", str(a.seed), "--workdir", str(workdir)])
    real, note = None, None
    if real_dir is not None and real_dir.is_dir():
        print(f"real letters {real_dir} …", file=sys.stderr, flush=True)
        real = _child(["--real-one", str(real_dir), "--workdir", str(workdir)])
        real["commit"] = code_commit()  # here, not in the child: a subprocess of it would count in its workers' RSS
    elif real_dir is not None:
        note = f"real letters: skipped, no folder {real_dir} (give one with --real DIR)"
    report = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                          "load_avg_1m": round(os.getloadavg()[0], 2)},
              "runs": runs, "baseline": baseline, "real": real}
    default_out = "bench_real_letters.json" if a.real_only else "bench_pipeline.json"
    out = Path(a.out or ROOT / "benchmarks" / "results" / default_out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    if runs or baseline:
        print(table(runs, baseline))
    if real:
        print(("\n" if runs or baseline else "") + real_table(real))
    if note:
        print(note)
    print(f"\nJSON: {out}")
    if tmp:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
