"""Score consultation answers (themes and stance) against a labelled consultation.

    python benchmarks/eval_answers.py [SET_DIR …] [--json OUT]

Default: every ``benchmarks/consult_*`` folder. A set folder holds ``export.csv`` (the consultation export),
``themes.toml`` (the theme list; a theme's ``question`` names the question it belongs to) and
``gold_answers.jsonl`` (per answer: ``response_id``, ``question``, ``themes``, ``stance``).

It ingests the export into a temporary database (``askmap ingest --no-themes``), assigns the theme list
(``askmap themes --themes``), reads ``askmap responses --format jsonl`` and prints, per set:

- themes: sample-averaged F1 (sklearn ``f1_score(average="samples")`` over each answer's theme set; an answer
  whose gold and predicted sets are both empty counts 1), micro precision and recall;
- stance: accuracy and macro-F1 over agree / disagree / mixed / unclear;
- with ``--tags 10,25`` (the default): the same after an analyst tags 10 and 25 answers per question with their
  gold themes (a seeded random choice) and ``askmap responses learn`` re-maps the rest, scored on the untagged
  answers, with the cross-validated agreement Askmap reports;
- in the same run, a zero-shot baseline: the whole answer against each of its question's themes as
  "name: description" with the same MiniLM; every theme at cosine >= 0.30 (at most 3), else the best one if
  it reaches 0.20; and a majority-class stance baseline.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CODE = Path(os.environ.get("ASKMAP_CODE") or ROOT)
STANCES = ["agree", "disagree", "mixed", "unclear"]


def askmap(db: str, *args: str) -> str:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-m", "askmap", "--db", db, *args], capture_output=True, text=True, cwd=CODE,
                         env=env)
    if out.returncode not in (0, 1):
        sys.exit(f"askmap {' '.join(args)} failed:\n{out.stderr}")
    return out.stdout


def norm(q: str | None) -> str:
    return " ".join((q or "").lower().split())


def sample_f1(gold: list[set], pred: list[set]) -> tuple[float, float, float]:
    """(sample-averaged F1, micro precision, micro recall)."""
    from sklearn.metrics import f1_score
    from sklearn.preprocessing import MultiLabelBinarizer

    mlb = MultiLabelBinarizer(classes=sorted(set().union(*gold, *pred)) or ["-"])
    g, p = mlb.fit_transform(gold), mlb.transform(pred)
    f1 = float(f1_score(g, p, average="samples", zero_division=1.0))
    tp = sum(len(a & b) for a, b in zip(gold, pred))
    n_pred, n_gold = sum(len(b) for b in pred), sum(len(a) for a in gold)
    return f1, tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0


def stance_scores(gold: list[str], pred: list[str]) -> tuple[float, float]:
    from sklearn.metrics import f1_score

    acc = sum(a == b for a, b in zip(gold, pred)) / len(gold) if gold else 0.0
    return acc, float(f1_score(gold, pred, labels=STANCES, average="macro", zero_division=0.0))


def zero_shot(answers: list[tuple[str, str]], themes: dict[str, list[dict]]) -> list[set]:
    """The baseline: the whole answer against "name: description" of its question's themes."""
    sys.path.insert(0, str(CODE))
    from analysis.embeddings import Embedder

    emb = Embedder()
    out = []
    cache: dict[str, tuple[list[str], np.ndarray]] = {}
    vecs = emb.embed([text for _, text in answers])
    for (q, _), v in zip(answers, vecs):
        if q not in cache:
            ts = themes.get(q, [])
            tv = emb.embed([f"{t['name']}: {t.get('description', '')}" for t in ts]) if ts else np.zeros((0, len(v)))
            cache[q] = ([t["name"] for t in ts], tv)
        names, tv = cache[q]
        if not names:
            out.append(set())
            continue
        sims = tv @ v / (np.linalg.norm(tv, axis=1) * np.linalg.norm(v) + 1e-9)
        order = np.argsort(-sims)
        chosen = {names[j] for j in order[:3] if sims[j] >= 0.30}
        if not chosen and sims[order[0]] >= 0.20:
            chosen = {names[order[0]]}
        out.append(chosen)
    return out


def tagged_choice(gold: list[dict], n: int) -> set[tuple[str, str]]:
    """The answers an analyst tags first: per question, ``n`` answers in a seeded random order."""
    import random

    out = set()
    by_q: dict[str, list[dict]] = {}
    for g in gold:
        by_q.setdefault(norm(g["question"]), []).append(g)
    for q, items in sorted(by_q.items()):
        order = sorted(items, key=lambda g: str(g["response_id"]))
        random.Random(f"{q}:{n}").shuffle(order)
        out |= {(str(g["response_id"]), q) for g in order[:n]}
    return out


def learning_curve(folder: Path, gold: list[dict], sizes: list[int]) -> list[dict]:
    """Tag ``n`` answers per question with their gold themes (``askmap responses tag``), let Askmap learn from
    them (``askmap responses learn``), and score the untagged rest; also the cross-validated agreement it reports."""
    out = []
    for n in sizes:
        chosen = tagged_choice(gold, n)
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "eval.db")
            askmap(db, "ingest", "--no-themes", str(folder / "export.csv"))
            askmap(db, "themes", "--themes", str(folder / "themes.toml"))
            pred = [json.loads(x) for x in askmap(db, "responses", "--format", "jsonl").splitlines() if x.strip()]
            ids = {(str(p["response_id"]), norm(p["question"])): p["id"] for p in pred}
            for g in gold:
                key = (str(g["response_id"]), norm(g["question"]))
                if key in chosen and key in ids:
                    askmap(db, "responses", "tag", ids[key], *g["themes"])
            before = {(str(p["response_id"]), norm(p["question"])): p for p in pred}
            report = [json.loads(x) for x in askmap(db, "responses", "learn").splitlines() if x.strip()]
            pred = [json.loads(x) for x in askmap(db, "responses", "--format", "jsonl").splitlines() if x.strip()]
        by_key = {(str(p["response_id"]), norm(p["question"])): p for p in pred}
        rest = [g for g in gold if (str(g["response_id"]), norm(g["question"])) not in chosen]
        gs = [set(g["themes"]) for g in rest]
        ps = [set(by_key.get((str(g["response_id"]), norm(g["question"])), {}).get("themes", [])) for g in rest]
        f1, prec, rec = sample_f1(gs, ps)
        zs, _, _ = sample_f1(gs, [set(before.get((str(g["response_id"]), norm(g["question"])), {}).get("themes", []))
                                  for g in rest])
        cv = [r["sample_f1"] for r in report if r.get("sample_f1") is not None]
        out.append({"tagged_per_question": n, "scored": len(rest), "sample_f1": round(f1, 3), "zero_shot_same_answers": round(zs, 3),
                    "micro_precision": round(prec, 3), "micro_recall": round(rec, 3),
                    "cross_validated_f1": round(float(np.mean(cv)), 3) if cv else None})
    return out


def evaluate(folder: Path, tags: list[int] | None = None) -> dict:
    gold = [json.loads(x) for x in (folder / "gold_answers.jsonl").read_text().splitlines() if x.strip()]
    spec = tomllib.loads((folder / "themes.toml").read_text())
    themes: dict[str, list[dict]] = {}
    for t in spec.get("theme", []):
        themes.setdefault(norm(t.get("question")), []).append(t)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "eval.db")
        askmap(db, "ingest", "--no-themes", str(folder / "export.csv"))
        askmap(db, "themes", "--themes", str(folder / "themes.toml"))
        pred = [json.loads(x) for x in askmap(db, "responses", "--format", "jsonl").splitlines() if x.strip()]
    by_key = {(str(p["response_id"]), norm(p["question"])): p for p in pred}
    g_themes, p_themes, g_stance, p_stance, texts, missing = [], [], [], [], [], 0
    with open(folder / "export.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    answer_text = {(r[0], norm(h)): r[i] for r in body for i, h in enumerate(header) if i < len(r)}
    for g in gold:
        key = (str(g["response_id"]), norm(g["question"]))
        p = by_key.get(key)
        if p is None:
            missing += 1
        g_themes.append(set(g["themes"]))
        p_themes.append(set(p["themes"]) if p else set())
        g_stance.append(g["stance"])
        p_stance.append(p["stance"] if p else "unclear")
        texts.append((norm(g["question"]), answer_text.get(key, "")))
    f1, prec, rec = sample_f1(g_themes, p_themes)
    acc, macro = stance_scores(g_stance, p_stance)
    base = zero_shot(texts, themes)
    b_f1, b_prec, b_rec = sample_f1(g_themes, base)
    majority = Counter(g_stance).most_common(1)[0][0]
    b_acc, b_macro = stance_scores(g_stance, [majority] * len(g_stance))
    no_theme = sum(1 for p in p_themes if not p) / len(p_themes) if p_themes else 0.0
    confusion = Counter((g, p) for g, p in zip(g_stance, p_stance))
    curve = learning_curve(folder, gold, tags) if tags else []
    return {"learning_curve": curve, "set": folder.name, "answers": len(gold), "missing": missing, "sample_f1": round(f1, 3),
            "micro_precision": round(prec, 3), "micro_recall": round(rec, 3), "no_theme_share": round(no_theme, 3),
            "stance_accuracy": round(acc, 3), "stance_macro_f1": round(macro, 3),
            "baseline_sample_f1": round(b_f1, 3), "baseline_micro_precision": round(b_prec, 3),
            "baseline_micro_recall": round(b_rec, 3), "baseline_stance_accuracy": round(b_acc, 3),
            "baseline_stance_macro_f1": round(b_macro, 3),
            "stance_confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--json", type=Path, help="write the figures here too")
    ap.add_argument("--tags", default="10,25", help="learning curve: answers tagged per question (comma-separated; "
                                                   "'' for none)")
    args = ap.parse_args(argv)
    sets = args.sets or sorted(p for p in (ROOT / "benchmarks").glob("consult_*") if (p / "gold_answers.jsonl").exists())
    sizes = [int(x) for x in args.tags.split(",") if x.strip()]
    results = [evaluate(s.resolve(), sizes) for s in sets]
    print(f"askmap measured: {CODE}")
    print("| set | answers | sample F1 | micro P | micro R | no theme | stance acc | stance macro-F1 | "
          "baseline sample F1 | baseline stance acc |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['set']} | {r['answers']} | {r['sample_f1']:.2f} | {r['micro_precision']:.2f} | {r['micro_recall']:.2f} | "
              f"{r['no_theme_share']:.2f} | {r['stance_accuracy']:.2f} | {r['stance_macro_f1']:.2f} | "
              f"{r['baseline_sample_f1']:.2f} | {r['baseline_stance_accuracy']:.2f} |")
    for r in results:
        print(r["set"], "stance confusion (gold->pred):", r["stance_confusion"])
    if sizes:
        print("\nwith an analyst's tags (scored on the untagged answers):")
        print("| set | tagged per question | scored | sample F1 | zero-shot on the same answers | micro P | micro R | "
              "cross-validated F1 (reported) |")
        print("|---|---|---|---|---|---|---|---|")
        for r in results:
            for c in r["learning_curve"]:
                print(f"| {r['set']} | {c['tagged_per_question']} | {c['scored']} | {c['sample_f1']:.2f} | {c['zero_shot_same_answers']:.2f} | "
                      f"{c['micro_precision']:.2f} | {c['micro_recall']:.2f} | {c['cross_validated_f1']} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
