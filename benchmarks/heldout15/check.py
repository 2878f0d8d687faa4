#!/usr/bin/env python3
"""Verify the heldout15 labels. Standard library only. Exit 1 on any problem.

Checks: every text/evidence is a substring of its document after folding runs of
whitespace to one space; schemas and allowed values; no unknown keys; themes exist in
themes.toml; addressee is null iff the ask is a commitment; lead-ins end in ":";
no duplicate texts per document; negatives do not overlap gold asks; every document
has at least one ask, an authors entry and at least one position line; positions are
unique per (doc, organisation, theme, stance).
"""
import json
import os
import re
import sys
import tomllib
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
problems = []


def bad(msg):
    problems.append(msg)


def fold(s):
    return re.sub(r"\s+", " ", s).strip()


def load_jsonl(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                bad(f"{name}:{i}: bad JSON ({e})")
    return rows


docs = {}
for fn in sorted(os.listdir(DOCS)):
    with open(os.path.join(DOCS, fn), encoding="utf-8") as f:
        docs[fn] = fold(f.read())

with open(os.path.join(HERE, "themes.toml"), "rb") as f:
    themes_cfg = tomllib.load(f)
themes = themes_cfg.get("theme", [])
theme_names = set()
for t in themes:
    if set(t) != {"name", "description", "keywords"}:
        bad(f"themes.toml: theme keys {sorted(t)}")
    if not isinstance(t.get("keywords"), list) or not t.get("keywords"):
        bad(f"themes.toml: theme {t.get('name')} has no keywords")
    theme_names.add(t.get("name"))
if not 6 <= len(theme_names) <= 9:
    bad(f"themes.toml: {len(theme_names)} themes (want 6-9)")

# ---- asks
ASK_REQ = {"doc": str, "text": str, "type": str, "holder": str, "addressee": (str, type(None)),
           "themes": list, "list_item": bool, "lead_in": bool}
ASK_OPT = {"number": str, "speaker": str, "borderline": bool, "addressee_alt": list, "holder_alt": list}
TYPES = {"recommendation", "request", "pledge", "commitment"}
asks = load_jsonl("gold_asks.jsonl")
seen = Counter()
for i, a in enumerate(asks, 1):
    where = f"gold_asks.jsonl:{i}"
    for k, ty in ASK_REQ.items():
        if k not in a:
            bad(f"{where}: missing {k}")
        elif not isinstance(a[k], ty):
            bad(f"{where}: {k} has wrong type")
    for k in a:
        if k not in ASK_REQ and k not in ASK_OPT:
            bad(f"{where}: unknown key {k}")
        elif k in ASK_OPT and not isinstance(a[k], ASK_OPT[k]):
            bad(f"{where}: {k} has wrong type")
    if a.get("borderline") is False:
        bad(f"{where}: borderline must be true or absent")
    if a.get("doc") not in docs:
        bad(f"{where}: unknown doc {a.get('doc')}")
        continue
    if fold(a["text"]) not in docs[a["doc"]]:
        bad(f"{where}: text not in document: {a['text'][:70]}")
    if a["type"] not in TYPES:
        bad(f"{where}: bad type {a['type']}")
    if (a["addressee"] is None) != (a["type"] == "commitment"):
        bad(f"{where}: addressee must be null iff commitment")
    if a["type"] == "commitment" and a.get("addressee_alt"):
        bad(f"{where}: commitment with addressee_alt")
    if not a["themes"] or any(t not in theme_names for t in a["themes"]):
        bad(f"{where}: unknown or empty themes {a['themes']}")
    if a["lead_in"] and not a["text"].rstrip().endswith(":"):
        bad(f"{where}: lead-in does not end in ':'")
    if not a["holder"].strip():
        bad(f"{where}: empty holder")
    seen[(a["doc"], fold(a["text"]))] += 1
for (d, t), c in seen.items():
    if c > 1:
        bad(f"gold_asks.jsonl: duplicate text in {d}: {t[:60]}")
for d in docs:
    if not any(a.get("doc") == d for a in asks):
        bad(f"{d}: no asks")

# ---- negatives
CATS = {"descriptive_should", "reported_recommendation", "restated_recommendation", "quoted_witness",
        "decline", "non_committal", "question_not_ask", "opinion", "thanks", "courtesy",
        "position_statement", "welcome"}
negs = load_jsonl("gold_negatives.jsonl")
nseen = Counter()
for i, n in enumerate(negs, 1):
    where = f"gold_negatives.jsonl:{i}"
    for k in ("doc", "text", "category"):
        if not isinstance(n.get(k), str):
            bad(f"{where}: missing or non-string {k}")
    for k in n:
        if k not in ("doc", "text", "category", "borderline"):
            bad(f"{where}: unknown key {k}")
    if n.get("borderline") is False:
        bad(f"{where}: borderline must be true or absent")
    if n.get("category") not in CATS:
        bad(f"{where}: bad category {n.get('category')}")
    if n.get("doc") not in docs:
        bad(f"{where}: unknown doc")
        continue
    t = fold(n["text"])
    if t not in docs[n["doc"]]:
        bad(f"{where}: text not in document: {n['text'][:70]}")
    for a in asks:
        if a.get("doc") == n["doc"]:
            at = fold(a["text"])
            if t in at or at in t:
                bad(f"{where}: overlaps gold ask: {t[:60]}")
    nseen[(n["doc"], t)] += 1
for (d, t), c in nseen.items():
    if c > 1:
        bad(f"gold_negatives.jsonl: duplicate text in {d}: {t[:60]}")

# ---- authors
KINDS = {"public body", "charity/voluntary", "professional body", "company", "academic", "coalition",
         "individual", "elected member"}
with open(os.path.join(HERE, "gold_authors.json"), encoding="utf-8") as f:
    authors = json.load(f)
for d in docs:
    if d not in authors:
        bad(f"gold_authors.json: no entry for {d}")
for d, e in authors.items():
    if d not in docs:
        bad(f"gold_authors.json: unknown doc {d}")
    if set(e) != {"author_org", "author_org_alt", "author_person", "addressee", "addressee_alt", "kind"}:
        bad(f"gold_authors.json: {d} keys {sorted(e)}")
        continue
    if not isinstance(e["author_org"], str) or not e["author_org"]:
        bad(f"gold_authors.json: {d} author_org")
    if not isinstance(e["author_org_alt"], list) or not isinstance(e["addressee_alt"], list):
        bad(f"gold_authors.json: {d} alt lists")
    if not (e["author_person"] is None or isinstance(e["author_person"], str)):
        bad(f"gold_authors.json: {d} author_person")
    if not (e["addressee"] is None or isinstance(e["addressee"], str)):
        bad(f"gold_authors.json: {d} addressee")
    if e["kind"] not in KINDS:
        bad(f"gold_authors.json: {d} kind {e['kind']}")

# ---- positions
STANCES = {"calls_for", "commits", "supports", "welcomes", "concerned", "opposes"}
pos = load_jsonl("gold_positions.jsonl")
pseen = Counter()
for i, p in enumerate(pos, 1):
    where = f"gold_positions.jsonl:{i}"
    if set(p) != {"doc", "organisation", "theme", "stance", "evidence", "speaker"}:
        bad(f"{where}: keys {sorted(p)}")
        continue
    if p["doc"] not in docs:
        bad(f"{where}: unknown doc")
        continue
    if p["theme"] not in theme_names:
        bad(f"{where}: unknown theme {p['theme']}")
    if p["stance"] not in STANCES:
        bad(f"{where}: bad stance {p['stance']}")
    if not isinstance(p["organisation"], str) or not p["organisation"]:
        bad(f"{where}: organisation")
    if not (p["speaker"] is None or isinstance(p["speaker"], str)):
        bad(f"{where}: speaker")
    if fold(p["evidence"]) not in docs[p["doc"]]:
        bad(f"{where}: evidence not in document: {p['evidence'][:70]}")
    pseen[(p["doc"], p["organisation"], p["theme"], p["stance"])] += 1
for k, c in pseen.items():
    if c > 1:
        bad(f"gold_positions.jsonl: duplicate {k}")
for d in docs:
    if not any(p.get("doc") == d for p in pos):
        bad(f"{d}: no positions")
# every ask's (holder-doc, theme) should appear as calls_for/commits for the doc
for a in asks:
    want = "commits" if a["type"] == "commitment" else "calls_for"
    for t in a["themes"]:
        if not any(p["doc"] == a["doc"] and p["theme"] == t and p["stance"] == want for p in pos):
            bad(f"positions: {a['doc']} lacks {want} on '{t}' (ask: {a['text'][:50]})")

# ---- report
types = Counter(a["type"] for a in asks)
print(f"documents: {len(docs)}")
print(f"asks: {len(asks)} {dict(types)}; borderline {sum(1 for a in asks if a.get('borderline'))}; "
      f"list items {sum(a['list_item'] for a in asks)}; lead-ins {sum(a['lead_in'] for a in asks)}")
print(f"negatives: {len(negs)} {dict(Counter(n['category'] for n in negs))}")
print(f"positions: {len(pos)} {dict(Counter(p['stance'] for p in pos))}")
print(f"themes: {len(theme_names)}")
for d in docs:
    print(f"  {d}: asks {sum(1 for a in asks if a['doc'] == d)}, negatives "
          f"{sum(1 for n in negs if n['doc'] == d)}, positions {sum(1 for p in pos if p['doc'] == d)}")
if problems:
    print(f"\n{len(problems)} problem(s):")
    for m in problems:
        print("  - " + m)
    sys.exit(1)
print("\nOK")
