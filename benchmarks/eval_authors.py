"""Score who wrote each document, and who holds its asks, against a gold map of author organisations.

    python benchmarks/eval_authors.py [DOCS_DIR] [GOLD_JSON]

Defaults: ../shared/real/letters and ../shared/real/letters_gold_orgs.json. GOLD_JSON maps a file name to
the author organisation (a string) or to {"author_org": …, "author_org_alt": […]}. Ingests the folder into a
temporary database (no themes) and prints: author organisation accuracy (lenient name match, see
names.py), the share of the documents' asks whose holder is that organisation, the share of asks with no
holder, and every miss.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_asks import CODE, SHARED, need  # noqa: E402
from names import same_org  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = SHARED / "real" / "letters"
DEFAULT_GOLD = SHARED / "real" / "letters_gold_orgs.json"


def askmap(db: str, *args: str) -> str:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-m", "askmap", "--db", db, *args], capture_output=True, text=True,
                         cwd=CODE, env=env)
    if out.returncode not in (0, 1):
        sys.exit(f"askmap {' '.join(args)} failed:\n{out.stderr}")
    return out.stdout


def gold_entry(value) -> tuple[str, list[str]]:
    if isinstance(value, str):
        return value, []
    return value["author_org"], list(value.get("author_org_alt") or [])


def run(docs: Path, gold: dict) -> tuple[list[dict], list[dict]]:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "eval.db")
        askmap(db, "ingest", "--no-themes", str(docs))
        rows = [json.loads(x) for x in askmap(db, "docs", "--format", "jsonl").splitlines() if x.strip()]
        asks = [json.loads(x) for x in askmap(db, "asks", "--format", "jsonl").splitlines() if x.strip()]
    return rows, asks


def score(rows: list[dict], asks: list[dict], gold: dict) -> dict:
    by_source = {r["source"]: r for r in rows}
    right, misses = 0, []
    for name, value in sorted(gold.items()):
        org, alts = gold_entry(value)
        row = by_source.get(name) or {}
        got = row.get("author_org") or row.get("author")  # an individual's submission: the person holds it
        if same_org(got, org, alts):
            right += 1
        else:
            misses.append((name, got, org))
    mine = [a for a in asks if a["doc"] in gold]
    holder_ok = sum(same_org(a["holder"], *gold_entry(gold[a["doc"]])) for a in mine)
    no_holder = sum(not a["holder"] for a in mine)
    return {"documents": len(gold), "author_org": right / len(gold) if gold else 0.0, "asks": len(mine),
            "holder": holder_ok / len(mine) if mine else 0.0, "no_holder": no_holder / len(mine) if mine else 0.0,
            "misses": misses}


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else DEFAULT_DOCS
    gold_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_GOLD
    need(docs, gold_path)
    gold = json.loads(gold_path.read_text())
    rows, asks = run(docs, gold)
    s = score(rows, asks, gold)
    misses = s.pop("misses")
    print(f"documents: {docs}\ngold: {gold_path}")
    print("\nAUTHOR ORGANISATION MISSES (file: predicted ≠ gold):")
    for name, got, org in misses:
        print(f"  {name}: {got!r} ≠ {org!r}")
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in s.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
