#!/usr/bin/env python3
"""Consistency check for the consult_holidaylets evaluation set (standard library only).

Run:  python3 check.py      exit status 0 when everything is consistent, 1 otherwise.
"""
import collections
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
Q1 = ("Do you agree that short-term holiday lets should require a licence from the local council, "
      "with a cap on the number of licences in areas of housing pressure? Please give reasons.")
Q2 = ("Do you agree with the proposal to introduce a visitor levy of 5% on overnight accommodation, "
      "with the money spent on local services? Please give reasons.")
QUESTIONS = [Q1, Q2]
HEADER = ["ID", "Are you responding as", "Organisation", "Where do you live", Q1, Q2]
RESPONDENT_TYPES = {"An individual", "An organisation", "A business"}
STANCES = ["agree", "disagree", "mixed", "unclear"]

errors = []


def err(msg):
    errors.append(msg)


def load_toml(path):
    try:
        import tomllib
        with open(path, "rb") as f:
            return tomllib.load(f)
    except ImportError:  # Python < 3.11: tiny parser for the subset used in themes.toml
        themes, cur = [], None
        for raw in open(path, encoding="utf-8"):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line == "[[theme]]":
                cur = {}
                themes.append(cur)
                continue
            key, _, val = line.partition("=")
            cur[key.strip()] = json.loads(val.strip())  # strings and string lists are JSON-compatible here
        return {"theme": themes}


# ---------------------------------------------------------------- themes
themes_by_q = collections.defaultdict(list)
try:
    toml = load_toml(os.path.join(HERE, "themes.toml"))
except Exception as e:  # noqa: BLE001
    err(f"themes.toml does not parse: {e}")
    toml = {"theme": []}
for i, t in enumerate(toml.get("theme", [])):
    for key in ("name", "description", "keywords", "question"):
        if key not in t:
            err(f"theme #{i + 1} lacks key {key!r}")
    if t.get("question") not in QUESTIONS:
        err(f"theme {t.get('name')!r}: question is not one of the two exact headers")
        continue
    kw = t.get("keywords", [])
    if not (isinstance(kw, list) and 3 <= len(kw) <= 8 and all(isinstance(k, str) and k for k in kw)):
        err(f"theme {t.get('name')!r}: keywords must be a list of 3-8 non-empty strings")
    if not str(t.get("description", "")).strip():
        err(f"theme {t.get('name')!r}: empty description")
    themes_by_q[t["question"]].append(t["name"])
for q in QUESTIONS:
    names = themes_by_q[q]
    if not 8 <= len(names) <= 12:
        err(f"{len(names)} themes for question {q[:40]!r}...; expected 8-12")
    dup = [n for n, c in collections.Counter(names).items() if c > 1]
    if dup:
        err(f"duplicate theme names for question {q[:40]!r}...: {dup}")

# ---------------------------------------------------------------- export
answers = {}  # (id, question) -> text, non-empty only
respondents = collections.Counter()
try:
    with open(os.path.join(HERE, "export.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
except Exception as e:  # noqa: BLE001
    err(f"export.csv does not parse: {e}")
    rows = [HEADER]
if not rows or rows[0] != HEADER:
    err(f"export.csv header is {rows[0] if rows else None!r}, expected {HEADER!r}")
ids = []
for n, row in enumerate(rows[1:], start=2):
    if len(row) != len(HEADER):
        err(f"export.csv line {n}: {len(row)} fields, expected {len(HEADER)}")
        continue
    rid, rtype, org = row[0], row[1], row[2]
    ids.append(rid)
    respondents[rtype] += 1
    if rtype not in RESPONDENT_TYPES:
        err(f"{rid}: unknown respondent type {rtype!r}")
    if rtype == "An individual" and org:
        err(f"{rid}: individual with an organisation name")
    if rtype != "An individual" and not org:
        err(f"{rid}: {rtype} without an organisation name")
    for q, text in zip(QUESTIONS, row[4:6]):
        if text.strip():
            answers[(rid, q)] = text
dups = [i for i, c in collections.Counter(ids).items() if c > 1]
if dups:
    err(f"duplicate IDs in export.csv: {dups}")

# ---------------------------------------------------------------- gold
gold = {}
with open(os.path.join(HERE, "gold_answers.jsonl"), encoding="utf-8") as f:
    for n, line in enumerate(f, start=1):
        if not line.strip():
            continue
        try:
            g = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"gold line {n}: bad JSON ({e})")
            continue
        if set(g) != {"response_id", "question", "themes", "stance"}:
            err(f"gold line {n}: keys {sorted(g)}")
            continue
        key = (g["response_id"], g["question"])
        if g["question"] not in QUESTIONS:
            err(f"gold line {n}: unknown question")
            continue
        if key in gold:
            err(f"gold line {n}: second line for {key[0]} / {key[1][:40]}...")
        if key not in answers:
            err(f"gold line {n}: {key[0]} has no non-empty answer to {key[1][:40]}...")
        if g["stance"] not in STANCES:
            err(f"gold line {n}: stance {g['stance']!r} not in {STANCES}")
        if not isinstance(g["themes"], list) or len(set(g["themes"])) != len(g["themes"]):
            err(f"gold line {n}: themes must be a list without repeats")
        for t in g["themes"]:
            if t not in themes_by_q[g["question"]]:
                err(f"gold line {n}: theme {t!r} is not a theme of that question")
        gold[key] = g
for key in answers:
    if key not in gold:
        err(f"no gold line for {key[0]} / {key[1][:40]}...")

# ---------------------------------------------------------------- report
print(f"respondents: {len(ids)} ({dict(respondents)})")
print(f"non-empty answers: {len(answers)} (blank: {2 * len(ids) - len(answers)}); gold lines: {len(gold)}")
for qi, q in enumerate(QUESTIONS, start=1):
    gq = [g for k, g in gold.items() if k[1] == q]
    print(f"\nQ{qi}: {len(gq)} answers, {len(themes_by_q[q])} themes")
    st = collections.Counter(g["stance"] for g in gq)
    print("  stance: " + ", ".join(f"{s} {st[s]}" for s in STANCES))
    freq = collections.Counter(t for g in gq for t in g["themes"])
    for name in themes_by_q[q]:
        print(f"  {freq[name]:3d}  {name}")
allg = list(gold.values())
st = collections.Counter(g["stance"] for g in allg)
total = max(len(allg), 1)
print("\nall answers, stance: " + ", ".join(f"{s} {st[s]} ({100 * st[s] / total:.0f}%)" for s in STANCES))
nt = collections.Counter(min(len(g["themes"]), 3) for g in allg)
print("answers with 0/1/2/3+ themes: " + " / ".join(str(nt[i]) for i in range(4))
      + f"  (0 themes: {100 * nt[0] / total:.0f}%)")
rare = [(q, n) for q in QUESTIONS for n in themes_by_q[q]
        if sum(n in g["themes"] for k, g in gold.items() if k[1] == q) < 5]
if rare:
    print("note: themes used by fewer than 5 answers: " + ", ".join(n for _, n in rare))

if errors:
    print(f"\n{len(errors)} problem(s):", file=sys.stderr)
    for e in errors:
        print("  - " + e, file=sys.stderr)
    sys.exit(1)
print("\nOK")
sys.exit(0)
