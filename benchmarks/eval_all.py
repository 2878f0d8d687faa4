"""One table over every labelled set: asks F1, type, holder, addressee, author organisation, positions F1.

    python benchmarks/eval_all.py [--json OUT] [--only demo,heldout4,…]

Sets (those whose folder is missing are skipped): the demo corpus (../shared/seeds), the team's held-out
sets (benchmarks/heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14, heldout15), ../shared/real/docs and ../shared/real/letters. Set
ASKMAP_CODE=/path/to/another/checkout to measure that checkout's askmap with these same scorers (how the
"before" figures of a change are made: `git worktree add /tmp/base <commit>`).

Which sets were used to develop rules is said in the README ("Quality"); a set whose errors were read
while writing rules is a development set, not a held-out one.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_asks  # noqa: E402
import eval_authors  # noqa: E402
import eval_positions  # noqa: E402
from eval_asks import ROOT, SHARED  # noqa: E402

B = ROOT / "benchmarks"

# name, docs, gold asks, gold authors, gold positions, themes
SETS = [
    ("demo", SHARED / "seeds", SHARED / "gold" / "seed_asks.jsonl", None,
     SHARED / "gold" / "seed_positions.jsonl", SHARED / "gold" / "seed_themes.toml"),
    ("heldout", B / "heldout" / "docs", B / "heldout" / "gold_asks.jsonl", None,
     B / "heldout" / "gold_positions.jsonl", B / "heldout" / "themes.toml"),
    ("heldout2", B / "heldout2" / "docs", B / "heldout2" / "gold_asks.jsonl", None, None, None),
    ("heldout3", B / "heldout3" / "docs", B / "heldout3" / "gold_asks.jsonl", B / "heldout3" / "gold_authors.json",
     B / "heldout3" / "gold_positions.jsonl", B / "heldout3" / "themes.toml"),
    ("heldout4", B / "heldout4" / "docs", B / "heldout4" / "gold_asks.jsonl", B / "heldout4" / "gold_authors.json",
     B / "heldout4" / "gold_positions.jsonl", B / "heldout4" / "themes.toml"),
    ("heldout5", B / "heldout5" / "docs", B / "heldout5" / "gold_asks.jsonl", B / "heldout5" / "gold_authors.json",
     B / "heldout5" / "gold_positions.jsonl", B / "heldout5" / "themes.toml"),
    ("heldout6", B / "heldout6" / "docs", B / "heldout6" / "gold_asks.jsonl", B / "heldout6" / "gold_authors.json",
     B / "heldout6" / "gold_positions.jsonl", B / "heldout6" / "themes.toml"),
    ("heldout7", B / "heldout7" / "docs", B / "heldout7" / "gold_asks.jsonl", B / "heldout7" / "gold_authors.json",
     B / "heldout7" / "gold_positions.jsonl", B / "heldout7" / "themes.toml"),
    ("heldout8", B / "heldout8" / "docs", B / "heldout8" / "gold_asks.jsonl", B / "heldout8" / "gold_authors.json",
     B / "heldout8" / "gold_positions.jsonl", B / "heldout8" / "themes.toml"),
    ("heldout9", B / "heldout9" / "docs", B / "heldout9" / "gold_asks.jsonl", B / "heldout9" / "gold_authors.json",
     B / "heldout9" / "gold_positions.jsonl", B / "heldout9" / "themes.toml"),
    ("heldout10", B / "heldout10" / "docs", B / "heldout10" / "gold_asks.jsonl", B / "heldout10" / "gold_authors.json",
     B / "heldout10" / "gold_positions.jsonl", B / "heldout10" / "themes.toml"),
    ("heldout11", B / "heldout11" / "docs", B / "heldout11" / "gold_asks.jsonl", B / "heldout11" / "gold_authors.json",
     B / "heldout11" / "gold_positions.jsonl", B / "heldout11" / "themes.toml"),
    ("heldout12", B / "heldout12" / "docs", B / "heldout12" / "gold_asks.jsonl", B / "heldout12" / "gold_authors.json",
     B / "heldout12" / "gold_positions.jsonl", B / "heldout12" / "themes.toml"),
    ("heldout13", B / "heldout13" / "docs", B / "heldout13" / "gold_asks.jsonl", B / "heldout13" / "gold_authors.json",
     B / "heldout13" / "gold_positions.jsonl", B / "heldout13" / "themes.toml"),
    ("heldout14", B / "heldout14" / "docs", B / "heldout14" / "gold_asks.jsonl", B / "heldout14" / "gold_authors.json",
     B / "heldout14" / "gold_positions.jsonl", B / "heldout14" / "themes.toml"),
    ("heldout15", B / "heldout15" / "docs", B / "heldout15" / "gold_asks.jsonl", B / "heldout15" / "gold_authors.json",
     B / "heldout15" / "gold_positions.jsonl", B / "heldout15" / "themes.toml"),
    ("real/docs", SHARED / "real" / "docs", SHARED / "real" / "gold_asks.jsonl", None, None, None),
    ("real/letters", SHARED / "real" / "letters", None, SHARED / "real" / "letters_gold_orgs.json", None, None),
]


def run_set(name, docs, asks_gold, authors_gold, positions_gold, themes) -> dict:
    row: dict = {"set": name}
    if asks_gold:
        gold = [json.loads(x) for x in asks_gold.read_text().splitlines() if x.strip()]
        s = eval_asks.score(eval_asks.extract(docs), gold)
        row.update(f1=s["f1"], type=s["type_accuracy"], holder=s["holder_accuracy"], addressee=s["addressee_accuracy"])
    if authors_gold:
        gold = json.loads(authors_gold.read_text())
        rows, asks = eval_authors.run(docs, gold)
        s = eval_authors.score(rows, asks, gold)
        row.update(author_org=s["author_org"], letters_holder=s["holder"], no_holder=s["no_holder"])
    if positions_gold:
        r = eval_positions.evaluate(docs, positions_gold, themes)
        row.update(positions_f1=r["f1"], positions_lenient_f1=r["lenient_f1"], positions_scoped_f1=r["s_f1"])
    return row


COLUMNS = [("set", "set"), ("f1", "asks F1"), ("type", "type"), ("holder", "holder"), ("addressee", "addressee"),
           ("author_org", "author org"), ("letters_holder", "asks' holder = author"), ("no_holder", "no holder"),
           ("positions_f1", "positions F1"), ("positions_lenient_f1", "positions F1 (names lenient)"),
           ("positions_scoped_f1", "positions F1 (labelled scope)")]


def table(rows: list[dict]) -> str:
    lines = ["| " + " | ".join(h for _, h in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in rows:
        cells = [r["set"]] + [f"{r[k]:.2f}" if k in r else "" for k, _ in COLUMNS[1:]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    only = argv[argv.index("--only") + 1].split(",") if "--only" in argv else None
    rows = [run_set(*s) for s in SETS if s[1].is_dir() and (only is None or s[0] in only)]
    print(f"askmap measured: {eval_asks.CODE}")
    print(table(rows))
    if "--json" in argv:
        Path(argv[argv.index("--json") + 1]).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
