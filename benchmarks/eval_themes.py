"""Score the themes `askmap extract --themes FILE` gives against hand-labelled asks.

    python benchmarks/eval_themes.py [DOCS_DIR] [GOLD_JSONL] [THEMES_TOML]

Defaults: ../shared/seeds, ../shared/gold/seed_asks.jsonl, ../shared/gold/seed_themes.toml.
Asks are matched to gold asks as in eval_asks.py; over matched asks it prints primary-theme
accuracy (the first predicted theme is among the gold themes) and sample-averaged theme F1.
Then discovery mode (`--themes none`, no theme list): the number of discovered themes, their names,
and the NMI of the discovered primary theme against the gold primary theme.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from sklearn.metrics import normalized_mutual_info_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_asks import DEFAULT_DOCS, DEFAULT_GOLD, ROOT, SHARED, match, need  # noqa: E402

DEFAULT_THEMES = SHARED / "gold" / "seed_themes.toml"
STOP = {"the", "and", "of", "to", "a", "in", "for", "on", "with", "by", "is", "be", "as", "at", "that", "this", "it"}


def key(name: str) -> str:
    """Theme names compare without case, 'and' or punctuation: 'Accommodation and housing' ~ 'accommodation_housing'."""
    return " ".join(w for w in re.findall(r"[a-z0-9]+", name.lower()) if w != "and")


def extract(docs: Path, themes: str) -> list[dict]:
    cmd = [sys.executable, "-m", "askmap", "extract", str(docs), "--format", "jsonl", "--themes", themes]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env={**__import__("os").environ, "HF_HUB_OFFLINE": "1"})
    if out.returncode not in (0, 1):
        sys.exit(f"askmap extract failed:\n{out.stderr}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def seeded_scores(pred: list[dict], gold: list[dict]) -> dict:
    pairs = match(pred, gold)
    primary_ok, f1s = 0, []
    misses = []
    for i, j, _ in pairs:
        g = {key(t) for t in gold[i].get("themes", [])}
        p = [key(t) for t in pred[j].get("themes", [])]
        if p and p[0] in g:
            primary_ok += 1
        else:
            misses.append((gold[i]["text"][:90], gold[i].get("themes"), pred[j].get("themes")))
        ps = set(p)
        tp = len(ps & g)
        f1s.append(2 * tp / (len(ps) + len(g)) if ps or g else 1.0)
    n = len(pairs)
    return {"matched": n, "primary_accuracy": primary_ok / n if n else 0.0,
            "theme_f1": sum(f1s) / n if n else 0.0, "misses": misses}


def discovery_scores(pred: list[dict], gold: list[dict]) -> dict:
    pairs = match(pred, gold)
    names = sorted({t for p in pred for t in p.get("themes", [])[:1]})
    g = [key(gold[i]["themes"][0]) if gold[i].get("themes") else "-" for i, _, _ in pairs]
    p = [pred[j]["themes"][0] if pred[j].get("themes") else "-" for _, j, _ in pairs]
    only_stop = [n for n in names if all(w in STOP for w in re.findall(r"[a-z]+", n.lower()))]
    return {"themes": len(names), "names": names, "nmi": normalized_mutual_info_score(g, p) if pairs else 0.0,
            "named_only_by_stop_words": only_stop}


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else DEFAULT_DOCS
    gold_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_GOLD
    themes = Path(argv[2]) if len(argv) > 2 else DEFAULT_THEMES
    need(docs, gold_path, themes)
    gold = [json.loads(line) for line in gold_path.read_text().splitlines() if line.strip()]

    s = seeded_scores(extract(docs, str(themes)), gold)
    print(f"documents: {docs}\ngold: {gold_path}\nthemes: {themes}")
    print(f"   matched asks: {s['matched']}\nprimary accuracy: {s['primary_accuracy']:.3f}\n       theme F1: {s['theme_f1']:.3f}")
    print("\nPRIMARY THEME MISSES (gold themes → predicted):")
    for text, g, p in s["misses"]:
        print(f"  {g} → {p}  — {text}")

    d = discovery_scores(extract(docs, "none"), gold)
    print(f"\nDISCOVERY (no theme list): {d['themes']} themes, NMI vs gold primary theme {d['nmi']:.3f}")
    for n in d["names"]:
        print(f"  - {n}")
    if d["named_only_by_stop_words"]:
        print(f"  named only by stop words: {d['named_only_by_stop_words']}")
    print(json.dumps({"primary_accuracy": round(s["primary_accuracy"], 3), "theme_f1": round(s["theme_f1"], 3),
                      "discovered_themes": d["themes"], "nmi": round(d["nmi"], 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
