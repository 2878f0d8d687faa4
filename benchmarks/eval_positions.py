"""Score `askmap positions` against hand-labelled positions.

    python benchmarks/eval_positions.py [DOCS_DIR] [GOLD_JSONL] [THEMES_TOML]

Defaults: ../shared/seeds, ../shared/gold/seed_positions.jsonl, ../shared/gold/seed_themes.toml.
Ingests the documents into a temporary database, fits themes with the theme list, and prints F1 over
(organisation, theme, stance) triples (and, beside it, the same restricted to the (document,
organisation) pairs the gold labels, for gold files that label a sample), the share of gold positions whose evidence overlaps a predicted
position's evidence in the same document, the conflicts found, and the missed and extra triples.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_asks import CODE, ROOT, SHARED, dice, need, norm  # noqa: E402
from eval_themes import DEFAULT_THEMES, key  # noqa: E402
from names import same_org  # noqa: E402

DEFAULT_DOCS = SHARED / "seeds"
DEFAULT_GOLD = SHARED / "gold" / "seed_positions.jsonl"


def askmap(db: str, *args: str) -> str:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-m", "askmap", "--db", db, *args], capture_output=True, text=True, cwd=CODE, env=env)
    if out.returncode not in (0, 1):
        sys.exit(f"askmap {' '.join(args)} failed:\n{out.stderr}")
    return out.stdout


def triple(p: dict, org_field: str = "organisation") -> tuple[str, str, str]:
    return norm(p[org_field]), key(p["theme"]), p["stance"]


def prf(gold: set, pred: set) -> tuple[float, float, float, int]:
    tp = len(gold & pred)
    prec = tp / len(pred) if pred else 0.0
    rec = tp / len(gold) if gold else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0), tp


def overlaps(g: dict, preds: list[dict]) -> bool:
    ge = g["evidence"].strip()
    for p in preds:
        if p["doc"] != g["doc"]:
            continue
        pe = p["evidence"]
        if ge in pe or pe in ge or dice(ge, pe) >= 0.5:
            return True
    return False


def evaluate(docs: Path, gold_path: Path, themes: Path) -> dict:
    """Ingest, theme with the list, and score the positions against the gold (the figures main prints)."""
    gold = [json.loads(line) for line in gold_path.read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "eval.db")
        askmap(db, "ingest", "--no-themes", str(docs))
        askmap(db, "themes", "--themes", str(themes))
        pred = [json.loads(line) for line in askmap(db, "positions", "--format", "jsonl").splitlines() if line.strip()]
        summary = askmap(db, "positions", "--summary")
    g_set = {triple(g) for g in gold}
    p_set = {triple(p) for p in pred}
    prec, rec, f1, tp = prf(g_set, p_set)
    # lenient: an organisation named differently but the same (names.py: "Acme" = "Acme Widgets, LLC", or a
    # name gold_authors.json lists as the author's other name), matched one to one per document, theme and stance
    g_doc = {(g["doc"], g["organisation"], key(g["theme"]), g["stance"]) for g in gold}
    p_doc = {(p["doc"], p["organisation"], key(p["theme"]), p["stance"]) for p in pred}
    # the other names the same labeller accepts for a document's author (gold_authors.json beside the gold)
    alts: dict[tuple[str, str], list[str]] = {}
    authors_file = gold_path.parent / "gold_authors.json"
    if authors_file.exists():
        for doc_name, entry in json.loads(authors_file.read_text()).items():
            if isinstance(entry, dict) and entry.get("author_org"):
                names = [entry["author_org"], *(entry.get("author_org_alt") or [])]
                for n in names:
                    alts[(doc_name, n)] = [x for x in names if x != n]
    used, hits = set(), 0
    for g in sorted(g_doc):
        for p in sorted(p_doc):
            if p not in used and p[0] == g[0] and p[2:] == g[2:] and same_org(p[1], g[1], alts.get((g[0], g[1]), [])):
                used.add(p)
                hits += 1
                break
    l_prec = hits / len(p_doc) if p_doc else 0.0
    l_rec = hits / len(g_doc) if g_doc else 0.0
    l_f1 = 2 * l_prec * l_rec / (l_prec + l_rec) if l_prec + l_rec else 0.0
    # where the gold file labels a sample (some organisations of a document), the same score over the
    # predictions for the (document, organisation) pairs it labels — reported beside, never instead
    scope = {(g["doc"], norm(g["organisation"])) for g in gold}
    in_scope = {triple(p) for p in pred if (p["doc"], norm(p["organisation"])) in scope}
    s_prec, s_rec, s_f1, _ = prf(g_set, in_scope)
    ev = sum(overlaps(g, pred) for g in gold) / len(gold) if gold else 0.0
    return {"gold": gold, "pred": pred, "summary": summary, "g_set": g_set, "p_set": p_set, "precision": prec,
            "recall": rec, "f1": f1, "tp": tp, "evidence_overlap": ev, "in_scope": in_scope, "s_precision": s_prec,
            "s_recall": s_rec, "s_f1": s_f1, "lenient_precision": l_prec, "lenient_recall": l_rec, "lenient_f1": l_f1}

def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else DEFAULT_DOCS
    gold_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_GOLD
    themes = Path(argv[2]) if len(argv) > 2 else DEFAULT_THEMES
    need(docs, gold_path, themes)
    r = evaluate(docs, gold_path, themes)
    gold, pred, summary, g_set, p_set = r["gold"], r["pred"], r["summary"], r["g_set"], r["p_set"]
    prec, rec, f1, tp, ev, in_scope, s_prec, s_rec, s_f1 = (r[k] for k in (
        "precision", "recall", "f1", "tp", "evidence_overlap", "in_scope", "s_precision", "s_recall", "s_f1"))
    print(f"documents: {docs}\ngold: {gold_path}\nthemes: {themes}")
    print(f"gold triples: {len(g_set)}  predicted triples: {len(p_set)}  matched: {tp}")
    print(f"precision {prec:.3f}  recall {rec:.3f}  F1 {f1:.3f}  evidence overlap {ev:.3f}")
    print(f"lenient (organisation names matched as in eval_authors, per document): precision {r['lenient_precision']:.3f}  "
          f"recall {r['lenient_recall']:.3f}  F1 {r['lenient_f1']:.3f}")
    print(f"within the (document, organisation) pairs the gold labels: {len(in_scope)} predicted triples, "
          f"precision {s_prec:.3f}  recall {s_rec:.3f}  F1 {s_f1:.3f}")
    print("\nCONFLICTS:")
    for line in summary.splitlines():
        if "CONFLICT" in line or line.strip().startswith("for:"):
            print("  " + line.strip())
    print("\nMISSED (gold triples not predicted):")
    for t in sorted(g_set - p_set):
        print("  ", t)
    print(f"\nEXTRA: {len(p_set - g_set)} predicted triples not in gold (first 25):")
    for t in sorted(p_set - g_set)[:25]:
        print("  ", t)
    print(json.dumps({"triple_precision": round(prec, 3), "triple_recall": round(rec, 3), "triple_f1": round(f1, 3),
                      "evidence_overlap": round(ev, 3), "labelled_scope_f1": round(s_f1, 3),
                      "lenient_f1": round(r["lenient_f1"], 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
