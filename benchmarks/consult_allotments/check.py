#!/usr/bin/env python3
"""Consistency check for the consult_allotments evaluation set (standard library only).

Checks:
  * export.csv parses, has the expected header, unique Response IDs;
  * every gold row points at a non-empty export cell (response_id + exact question header);
  * every non-empty export cell has exactly one gold row (no missing, no duplicates);
  * every gold theme exists in themes.toml for that question;
  * stances are one of agree / disagree / mixed / unclear;
  * themes.toml: 8-12 themes per question, 3-6 keywords each, unique names.
Prints counts and exits 0 when consistent, 1 otherwise.
"""
import csv, json, sys, tomllib
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
STANCES = ("agree", "disagree", "mixed", "unclear")
FIXED = ["Response ID", "Respondent type", "Organisation name", "Ward"]
errors = []

# --- export ---
with open(HERE / "export.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
if header[:4] != FIXED or len(header) != 6:
    errors.append(f"unexpected header: {header}")
questions = header[4:]
cells = {}
ids = Counter()
for r in body:
    if len(r) != len(header):
        errors.append(f"row with {len(r)} fields: {r[:1]}")
        continue
    rid = r[0]
    ids[rid] += 1
    if r[1] not in ("Individual", "Organisation", "Business"):
        errors.append(f"{rid}: bad respondent type {r[1]!r}")
    if (r[1] == "Individual") != (r[2] == ""):
        errors.append(f"{rid}: organisation name inconsistent with type")
    for q, text in zip(questions, r[4:]):
        if text.strip():
            cells[(rid, q)] = text
errors += [f"duplicate Response ID {k}" for k, v in ids.items() if v > 1]

# --- themes ---
with open(HERE / "themes.toml", "rb") as f:
    tdoc = tomllib.load(f)
themes = defaultdict(list)
for t in tdoc.get("theme", []):
    for key in ("name", "description", "keywords", "question"):
        if key not in t:
            errors.append(f"theme missing {key}: {t}")
    if t.get("question") not in questions:
        errors.append(f"theme {t.get('name')!r} has unknown question")
    if not 3 <= len(t.get("keywords", [])) <= 6:
        errors.append(f"theme {t.get('name')!r} has {len(t.get('keywords', []))} keywords")
    themes[t.get("question")].append(t.get("name"))
for q in questions:
    n = len(themes[q])
    if not 8 <= n <= 12:
        errors.append(f"{n} themes for question {q[:40]!r}")
    if len(set(themes[q])) != n:
        errors.append(f"duplicate theme names for question {q[:40]!r}")

# --- gold ---
seen = Counter()
stance_q = defaultdict(Counter)
theme_q = defaultdict(Counter)
with open(HERE / "gold_answers.jsonl", encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        if not line.strip():
            continue
        g = json.loads(line)
        key = (g.get("response_id"), g.get("question"))
        if not isinstance(g.get("response_id"), str):
            errors.append(f"line {ln}: response_id must be a string")
        if key not in cells:
            errors.append(f"line {ln}: no non-empty export cell for {key[0]} / {str(key[1])[:40]!r}")
        seen[key] += 1
        if g.get("stance") not in STANCES:
            errors.append(f"line {ln}: bad stance {g.get('stance')!r}")
        th = g.get("themes")
        if not isinstance(th, list):
            errors.append(f"line {ln}: themes must be a list")
            th = []
        if len(set(th)) != len(th):
            errors.append(f"line {ln}: repeated theme")
        for t in th:
            if t not in themes.get(g.get("question"), []):
                errors.append(f"line {ln}: theme {t!r} not defined for that question")
            theme_q[g.get("question")][t] += 1
        stance_q[g.get("question")][g.get("stance")] += 1
errors += [f"gold row duplicated for {k[0]}" for k, v in seen.items() if v > 1]
errors += [f"non-empty export cell without gold row: {k[0]} / {k[1][:40]!r}" for k in cells if k not in seen]

# --- report ---
total = Counter()
for q in questions:
    total.update(stance_q[q])
n = sum(total.values())
print(f"respondents: {len(body)}   non-empty answers: {len(cells)}   gold rows: {sum(seen.values())}")
print("stance (all): " + ", ".join(f"{s} {total[s]} ({100*total[s]/max(n,1):.1f}%)" for s in STANCES))
for i, q in enumerate(questions, 1):
    c = stance_q[q]
    print(f"Q{i} ({sum(c.values())} answers): " + ", ".join(f"{s} {c[s]}" for s in STANCES))
    for name in themes[q]:
        print(f"    {theme_q[q][name]:3d}  {name}")
if errors:
    print(f"\n{len(errors)} problem(s):")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: consistent")
sys.exit(0)
