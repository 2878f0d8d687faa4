#!/usr/bin/env python3
"""Verify the heldout4 labels (standard library only).

Checks: every document exists and has at least one ask; ask / negative / position texts are
substrings of their document after folding whitespace; schemas (known keys, types, enums);
addressee is null iff type is commitment; lead-ins end in ':'; no duplicate texts per document;
no negative overlaps a gold ask of the same document; every theme used is in themes.toml;
gold_authors.json covers exactly the documents. Prints counts. Exit 1 on any problem.
"""
import json, os, re, sys, tomllib
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
problems = []

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
                problems.append(f"{name}:{i}: bad JSON: {e}")
    return rows

with open(os.path.join(HERE, "themes.toml"), "rb") as f:
    tdata = tomllib.load(f)
themes = [t.get("name") for t in tdata.get("theme", [])]
for t in tdata.get("theme", []):
    if not isinstance(t.get("name"), str) or not isinstance(t.get("description"), str) \
            or not isinstance(t.get("keywords"), list) or not t["keywords"]:
        problems.append(f"themes.toml: bad theme entry {t}")
if not 6 <= len(themes) <= 10:
    problems.append(f"themes.toml: {len(themes)} themes, want 6-10")
if len(set(themes)) != len(themes):
    problems.append("themes.toml: duplicate theme names")
themes = set(themes)

docs = {}
for fn in sorted(os.listdir(DOCS)):
    with open(os.path.join(DOCS, fn), encoding="utf-8") as f:
        docs[fn] = fold(f.read())

ASK_REQ = {"doc": str, "text": str, "type": str, "holder": str, "themes": list,
           "list_item": bool, "lead_in": bool}
ASK_OPT = {"number": str, "speaker": str, "borderline": bool, "addressee_alt": list, "holder_alt": list}
TYPES = {"recommendation", "request", "pledge", "commitment"}
NEG_CATS = {"descriptive_should", "reported_recommendation", "restated_recommendation", "quoted_witness",
            "quoted_requirement", "decline", "non_committal", "question_not_ask", "opinion", "thanks",
            "courtesy", "position_statement", "welcome"}
STANCES = {"calls_for", "commits", "supports", "welcomes", "concerned", "opposes"}
KINDS = {"public body", "charity/voluntary", "professional body", "company", "academic", "coalition",
         "individual", "elected member"}

def check_text(where, doc, text):
    if doc not in docs:
        problems.append(f"{where}: unknown doc {doc!r}")
        return False
    if not text.strip():
        problems.append(f"{where}: empty text")
        return False
    if fold(text) not in docs[doc]:
        problems.append(f"{where}: text not found in {doc}: {text[:80]!r}")
        return False
    return True

# asks
asks = load_jsonl("gold_asks.jsonl")
seen = set()
for i, a in enumerate(asks, 1):
    w = f"gold_asks.jsonl:{i}"
    for k, typ in ASK_REQ.items():
        if not isinstance(a.get(k), typ):
            problems.append(f"{w}: key {k} missing or not {typ.__name__}")
    if "addressee" not in a:
        problems.append(f"{w}: key addressee missing")
    for k in a:
        if k not in ASK_REQ and k not in ASK_OPT and k != "addressee":
            problems.append(f"{w}: unknown key {k}")
    for k, typ in ASK_OPT.items():
        if k in a and not isinstance(a[k], typ):
            problems.append(f"{w}: {k} not {typ.__name__}")
    if a.get("type") not in TYPES:
        problems.append(f"{w}: bad type {a.get('type')}")
    if (a.get("type") == "commitment") != (a.get("addressee") is None):
        problems.append(f"{w}: addressee must be null iff commitment")
    if a.get("addressee") is not None and not isinstance(a.get("addressee"), str):
        problems.append(f"{w}: addressee not str/null")
    if not a.get("themes"):
        problems.append(f"{w}: no themes")
    for t in a.get("themes", []):
        if t not in themes:
            problems.append(f"{w}: unknown theme {t!r}")
    if a.get("lead_in") and not a.get("text", "").rstrip().endswith(":"):
        problems.append(f"{w}: lead-in does not end with ':'")
    if a.get("borderline") is False:
        problems.append(f"{w}: borderline should be omitted rather than false")
    check_text(w, a.get("doc"), a.get("text", ""))
    key = (a.get("doc"), fold(a.get("text", "")))
    if key in seen:
        problems.append(f"{w}: duplicate text in {a.get('doc')}")
    seen.add(key)

ask_docs = Counter(a.get("doc") for a in asks)
for d in docs:
    if ask_docs[d] == 0:
        problems.append(f"{d}: no asks")

# negatives
negs = load_jsonl("gold_negatives.jsonl")
nseen = set()
for i, n in enumerate(negs, 1):
    w = f"gold_negatives.jsonl:{i}"
    for k in n:
        if k not in {"doc", "text", "category", "borderline"}:
            problems.append(f"{w}: unknown key {k}")
    if n.get("category") not in NEG_CATS:
        problems.append(f"{w}: bad category {n.get('category')}")
    if "borderline" in n and n["borderline"] is not True:
        problems.append(f"{w}: borderline must be true if present")
    if check_text(w, n.get("doc"), n.get("text", "")):
        nt = fold(n["text"])
        for a in asks:
            if a["doc"] == n["doc"]:
                at = fold(a["text"])
                if nt in at or at in nt:
                    problems.append(f"{w}: overlaps gold ask {at[:60]!r}")
    key = (n.get("doc"), fold(n.get("text", "")))
    if key in nseen:
        problems.append(f"{w}: duplicate negative")
    nseen.add(key)

# authors
with open(os.path.join(HERE, "gold_authors.json"), encoding="utf-8") as f:
    authors = json.load(f)
if set(authors) != set(docs):
    problems.append(f"gold_authors.json: documents differ: missing {set(docs)-set(authors)}, extra {set(authors)-set(docs)}")
AKEYS = {"author_org", "author_org_alt", "author_person", "addressee", "addressee_alt", "kind"}
for fn, r in authors.items():
    if set(r) != AKEYS:
        problems.append(f"gold_authors.json[{fn}]: keys {sorted(r)}")
        continue
    if not isinstance(r["author_org"], str) or not r["author_org"]:
        problems.append(f"gold_authors.json[{fn}]: author_org")
    if not isinstance(r["author_org_alt"], list) or not isinstance(r["addressee_alt"], list):
        problems.append(f"gold_authors.json[{fn}]: *_alt must be lists")
    if r["author_person"] is not None and not isinstance(r["author_person"], str):
        problems.append(f"gold_authors.json[{fn}]: author_person")
    if r["addressee"] is not None and not isinstance(r["addressee"], str):
        problems.append(f"gold_authors.json[{fn}]: addressee")
    if r["kind"] not in KINDS:
        problems.append(f"gold_authors.json[{fn}]: bad kind {r['kind']}")

# positions
pos = load_jsonl("gold_positions.jsonl")
pseen = set()
for i, p in enumerate(pos, 1):
    w = f"gold_positions.jsonl:{i}"
    if set(p) != {"doc", "organisation", "theme", "stance", "evidence", "speaker"}:
        problems.append(f"{w}: keys {sorted(p)}")
    if p.get("theme") not in themes:
        problems.append(f"{w}: unknown theme {p.get('theme')!r}")
    if p.get("stance") not in STANCES:
        problems.append(f"{w}: bad stance {p.get('stance')}")
    if not isinstance(p.get("organisation"), str) or not p.get("organisation"):
        problems.append(f"{w}: organisation")
    if p.get("speaker") is not None and not isinstance(p.get("speaker"), str):
        problems.append(f"{w}: speaker")
    check_text(w, p.get("doc"), p.get("evidence", ""))
    key = (p.get("doc"), p.get("organisation"), p.get("theme"), p.get("stance"))
    if key in pseen:
        problems.append(f"{w}: duplicate (doc, organisation, theme, stance)")
    pseen.add(key)
for d in docs:
    if not any(p.get("doc") == d for p in pos):
        problems.append(f"{d}: no positions")

# counts
types = Counter(a["type"] for a in asks)
print(f"documents: {len(docs)}")
print(f"asks: {len(asks)} ({', '.join(f'{k} {v}' for k, v in sorted(types.items()))}); "
      f"borderline {sum(1 for a in asks if a.get('borderline'))}; list items {sum(1 for a in asks if a['list_item'])}; "
      f"lead-ins {sum(1 for a in asks if a['lead_in'])}")
print(f"negatives: {len(negs)} ({', '.join(f'{k} {v}' for k, v in sorted(Counter(n['category'] for n in negs).items()))})")
print(f"positions: {len(pos)} ({', '.join(f'{k} {v}' for k, v in sorted(Counter(p['stance'] for p in pos).items()))})")
print(f"themes: {len(themes)}")
for d in sorted(docs):
    print(f"  {d}: asks {ask_docs[d]}, negatives {sum(1 for n in negs if n['doc']==d)}, positions {sum(1 for p in pos if p['doc']==d)}")
if problems:
    print(f"\n{len(problems)} problem(s):")
    for p in problems:
        print("  " + p)
    sys.exit(1)
print("OK")
