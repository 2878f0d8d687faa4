"""Score `askmap extract` against hand-labelled asks.

    python benchmarks/eval_asks.py [DOCS_DIR] [GOLD_JSONL]

Defaults: ../shared/seeds and ../shared/gold/seed_asks.jsonl (beside the checkout). Predicted and
gold asks of a document are matched one-to-one, best word overlap first (Dice ≥ 0.5). Prints
precision, recall, F1 and, over matched asks, the accuracy of type, holder and addressee (names compared
leniently, with the gold's alternatives: names.py; `*_strict` beside it: equal after folding), then the
misses (gold asks not found), the false alarms, and the attribute errors.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from names import same_org  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# the checkout whose askmap is measured (another one's, e.g. a worktree of an older commit, to compare)
CODE = Path(__import__("os").environ.get("ASKMAP_CODE") or ROOT)
# the shared files (demo gold labels, real documents) live beside the checkout, not in it; ASKMAP_SHARED names
# another place
SHARED = Path(__import__("os").environ.get("ASKMAP_SHARED") or ROOT.parent / "shared")
DEFAULT_DOCS = SHARED / "seeds"
DEFAULT_GOLD = SHARED / "gold" / "seed_asks.jsonl"


def need(*paths: Path) -> None:
    """Stop with one clear line when a default input is missing (a fresh clone has no ../shared)."""
    for p in paths:
        if not Path(p).exists():
            sys.exit(f"error: {p} not found. The default inputs live in ../shared beside the checkout (set "
                     "ASKMAP_SHARED=DIR to name another place), or pass the documents and gold files as arguments.")


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def dice(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


def norm(name: str | None) -> str:
    """Names compare without case, articles, punctuation or a plural 's'."""
    if not name:
        return ""
    s = name.lower().replace("’", "'").replace("&", " and ")
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"\b(?:the|a|an)\b", " ", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in s.split())


def match(pred: list[dict], gold: list[dict]) -> list[tuple[int, int, float]]:
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if p["doc"] == g["doc"]:
                d = dice(g["text"], p["text"])
                if d >= 0.5:
                    pairs.append((d, i, j))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for d, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j, d))
    return out


def extract(docs: Path) -> list[dict]:
    cmd = [sys.executable, "-m", "askmap", "extract", str(docs), "--no-themes", "--format", "jsonl"]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=CODE)
    if out.returncode not in (0, 1):
        sys.exit(f"askmap extract failed:\n{out.stderr}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def score(pred: list[dict], gold: list[dict]) -> dict:
    pairs = match(pred, gold)
    tp = len(pairs)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = {}
    for field in ("type", "holder", "addressee"):
        acc[field] = sum(right(field, pred[j], gold[i]) for i, j, _ in pairs) / tp if tp else 0.0
        acc[field + "_strict"] = sum(norm(pred[j][field]) == norm(gold_value(gold[i], field))
                                     for i, j, _ in pairs) / tp if tp else 0.0
    return {"gold": len(gold), "predicted": len(pred), "matched": tp, "precision": p, "recall": r, "f1": f1,
            "type_accuracy": acc["type"], "holder_accuracy": acc["holder"], "addressee_accuracy": acc["addressee"],
            "holder_strict": acc["holder_strict"], "addressee_strict": acc["addressee_strict"], "pairs": pairs}


def gold_value(g: dict, field: str):
    """The gold's holder is `holder` (../shared/real) or `author_org` (the team's own sets)."""
    if field == "holder":
        return g.get("holder", g.get("author_org"))
    return g.get(field)


def right(field: str, p: dict, g: dict) -> bool:
    """type: equal; holder and addressee: the lenient name match of names.py, alternatives allowed."""
    if field == "type":
        return p["type"] == g["type"]
    return same_org(p[field], gold_value(g, field), g.get(f"{field}_alt") or [])


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else DEFAULT_DOCS
    gold_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_GOLD
    need(docs, gold_path)
    gold = [json.loads(line) for line in gold_path.read_text().splitlines() if line.strip()]
    pred = extract(docs)
    s = score(pred, gold)
    pairs = s.pop("pairs")
    print(f"documents: {docs}\ngold: {gold_path}")
    for k, v in s.items():
        print(f"{k:>20}: {v:.3f}" if isinstance(v, float) else f"{k:>20}: {v}")
    matched_g = {i for i, _, _ in pairs}
    matched_p = {j for _, j, _ in pairs}
    print("\nMISSES (gold asks not found):")
    for i, g in enumerate(gold):
        if i not in matched_g:
            print(f"  [{g['doc'][:12]}] {g['type']:<14} {g['text'][:150]}")
    print("\nFALSE ALARMS (predicted, not in gold):")
    for j, p in enumerate(pred):
        if j not in matched_p:
            print(f"  [{p['doc'][:12]}] {p['type']:<14} {p['rule']:<22} {p['text'][:130]}")
    print("\nATTRIBUTE ERRORS (field: predicted ≠ gold):")
    for i, j, _ in pairs:
        g, p = gold[i], pred[j]
        for field in ("type", "holder", "addressee"):
            if not right(field, p, g):
                print(f"  [{g['doc'][:12]}] {field}: {p[field]!r} ≠ {gold_value(g, field)!r} — {g['text'][:70]}")
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in s.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
