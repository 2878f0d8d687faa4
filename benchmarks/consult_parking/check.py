#!/usr/bin/env python3
"""Consistency check for the synthetic Harrowgate parking consultation set.

Standard library only. Exit status 0 when everything is consistent, 1 otherwise.
Prints counts: answers, themes per question, stance distribution, answers with
0/1/2/3+ themes, and theme frequencies.
"""
import csv
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
Q1 = ("Do you agree with the proposal to introduce a Workplace Parking Levy of £500 per space "
      "per year on employers with more than 10 parking spaces? Please explain your answer.")
Q2 = ("Do you agree with the proposal to replace on-street parking on Station Road with a "
      "two-way protected cycle lane? Please explain your answer.")
HEADERS = ["Response ID", "Respondent type", "Organisation name", "Postcode area", Q1, Q2]
QUESTIONS = [Q1, Q2]
STANCES = ("agree", "disagree", "mixed", "unclear")
TYPES = {"Individual", "Organisation", "Business"}

errors = []


def err(msg):
    errors.append(msg)


def load_toml(path):
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:
        tomllib = None
    if tomllib is not None:
        with open(path, "rb") as f:
            return tomllib.load(f)
    # Minimal fallback for older Pythons: [[theme]] tables with string / list-of-string values.
    import ast
    themes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line == "[[theme]]":
            themes.append({})
            continue
        key, _, value = line.partition("=")
        themes[-1][key.strip()] = ast.literal_eval(value.strip())
    return {"theme": themes}


# ---- themes.toml ----
themes_by_q = {q: [] for q in QUESTIONS}
try:
    data = load_toml(HERE / "themes.toml")
except Exception as e:  # noqa: BLE001
    err(f"themes.toml does not parse: {e}")
    data = {"theme": []}
for i, t in enumerate(data.get("theme", [])):
    for key in ("name", "description", "keywords", "question"):
        if key not in t:
            err(f"theme #{i + 1} lacks key {key!r}")
    q = t.get("question")
    if q not in themes_by_q:
        err(f"theme {t.get('name')!r}: question is not one of the two headers")
        continue
    kw = t.get("keywords", [])
    if not (isinstance(kw, list) and 3 <= len(kw) <= 8 and all(isinstance(k, str) for k in kw)):
        err(f"theme {t.get('name')!r}: keywords must be a list of 3-8 strings")
    if not str(t.get("description", "")).strip():
        err(f"theme {t.get('name')!r}: empty description")
    themes_by_q[q].append(t.get("name"))
for q, names in themes_by_q.items():
    if not 8 <= len(names) <= 12:
        err(f"{len(names)} themes for question {q[:50]!r}..., expected 8-12")
    dup = [n for n, c in Counter(names).items() if c > 1]
    if dup:
        err(f"duplicate theme names {dup} for question {q[:50]!r}...")

# ---- export.csv ----
answers = {}  # (response_id, question) -> text, only non-empty
ids = []
try:
    with open(HERE / "export.csv", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != HEADERS:
            err(f"unexpected CSV header: {header}")
        for lineno, row in enumerate(reader, start=2):
            if len(row) != len(HEADERS):
                err(f"export.csv line {lineno}: {len(row)} fields, expected {len(HEADERS)}")
                continue
            rid, rtype, org, pc = row[:4]
            ids.append(rid)
            if rtype not in TYPES:
                err(f"response {rid}: bad respondent type {rtype!r}")
            if rtype == "Individual" and org:
                err(f"response {rid}: individual with an organisation name")
            if rtype != "Individual" and not org:
                err(f"response {rid}: {rtype} without an organisation name")
            for q, text in zip(QUESTIONS, row[4:]):
                if text.strip():
                    answers[(rid, q)] = text
except (OSError, StopIteration, csv.Error, UnicodeDecodeError) as e:
    err(f"export.csv cannot be read: {e}")
dup_ids = [i for i, c in Counter(ids).items() if c > 1]
if dup_ids:
    err(f"duplicate response ids: {dup_ids}")

# ---- gold_answers.jsonl ----
gold = {}
try:
    with open(HERE / "gold_answers.jsonl", encoding="utf-8") as f:
        for lineno, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                g = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"gold line {lineno}: bad JSON ({e})")
                continue
            if set(g) != {"response_id", "question", "themes", "stance"}:
                err(f"gold line {lineno}: keys {sorted(g)}")
                continue
            key = (g["response_id"], g["question"])
            if key in gold:
                err(f"gold line {lineno}: duplicate entry for {key[0]}")
            gold[key] = g
            if key not in answers:
                err(f"gold line {lineno}: no non-empty answer for response {key[0]} / {key[1][:40]!r}")
            if g["stance"] not in STANCES:
                err(f"gold line {lineno}: bad stance {g['stance']!r}")
            if not isinstance(g["themes"], list):
                err(f"gold line {lineno}: themes is not a list")
                continue
            if len(set(g["themes"])) != len(g["themes"]):
                err(f"gold line {lineno}: repeated theme")
            for t in g["themes"]:
                if t not in themes_by_q.get(g["question"], []):
                    err(f"gold line {lineno}: theme {t!r} not defined for that question")
except OSError as e:
    err(f"gold_answers.jsonl cannot be read: {e}")
for key in answers:
    if key not in gold:
        err(f"no gold line for response {key[0]} / {key[1][:40]!r}")

# ---- report ----
print(f"respondents: {len(ids)}   non-empty answers: {len(answers)}   gold lines: {len(gold)}")
for qi, q in enumerate(QUESTIONS, start=1):
    gq = [g for g in gold.values() if g["question"] == q]
    print(f"\nQ{qi}: {len(gq)} answers, {len(themes_by_q[q])} themes")
    st = Counter(g["stance"] for g in gq)
    print("  stance: " + ", ".join(f"{s} {st[s]}" for s in STANCES))
    freq = Counter(t for g in gq for t in g["themes"])
    for name in themes_by_q[q]:
        flag = "" if freq[name] >= 5 else "   (<5)"
        print(f"  {freq[name]:3d}  {name}{flag}")
allg = list(gold.values())
n = len(allg) or 1
st = Counter(g["stance"] for g in allg)
print("\nall answers, stance: " + ", ".join(f"{s} {st[s]} ({100 * st[s] / n:.0f}%)" for s in STANCES))
nt = Counter(min(len(g["themes"]), 3) for g in allg)
print("all answers, number of themes: " + ", ".join(
    f"{k if k < 3 else '3+'}: {nt[k]} ({100 * nt[k] / n:.0f}%)" for k in range(4)))

if errors:
    print(f"\n{len(errors)} problem(s):")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK")
sys.exit(0)
