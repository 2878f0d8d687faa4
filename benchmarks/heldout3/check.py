#!/usr/bin/env python3
"""Check the heldout3 evaluation set: docs/, gold_asks.jsonl, gold_negatives.jsonl,
gold_positions.jsonl, gold_authors.json, themes.toml.

Every ask text, negative text and position evidence must be a substring of its document
after folding runs of whitespace to one space; themes must be names from themes.toml;
records must follow the schema in README.md. Prints counts; exits 1 on any problem.
Standard library only."""
import json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
problems = []
def problem(m): problems.append(m)
def fold(s): return re.sub(r"\s+", " ", s).strip()
def nonempty(v): return isinstance(v, str) and v.strip() != ""

ASK_TYPES = {"recommendation", "request", "pledge", "commitment"}
ASK_REQ = {"doc", "text", "type", "holder", "addressee", "themes", "list_item", "lead_in"}
ASK_OPT = {"number", "speaker", "borderline", "addressee_alt", "holder_alt"}
NEG_CATS = {"descriptive_should", "reported_recommendation", "restated_recommendation", "quoted_witness",
            "decline", "non_committal", "question_not_ask", "opinion", "thanks", "courtesy",
            "position_statement", "welcome"}
STANCES = {"calls_for", "commits", "supports", "welcomes", "concerned", "opposes"}
KINDS = {"public body", "charity/voluntary", "professional body", "company", "academic", "coalition",
         "individual", "elected member"}

def load_themes(path):
    names = []
    if not os.path.exists(path):
        problem("missing themes.toml"); return names
    text = open(path, encoding="utf-8").read()
    try:
        import tomllib
        data = tomllib.loads(text)
        for i, t in enumerate(data.get("theme", [])):
            if not nonempty(t.get("name")): problem(f"themes.toml: theme {i} lacks a name")
            if not nonempty(t.get("description")): problem(f"themes.toml: theme {i} lacks a description")
            kw = t.get("keywords")
            if not isinstance(kw, list) or not kw or not all(nonempty(k) for k in kw):
                problem(f"themes.toml: theme {i} needs a non-empty keywords list")
            names.append(t.get("name"))
    except ImportError:
        names = re.findall(r'^name\s*=\s*"([^"]+)"', text, flags=re.M)
    if not 6 <= len(names) <= 10: problem(f"themes.toml: {len(names)} themes (want 6-10)")
    if len(set(names)) != len(names): problem("themes.toml: duplicate theme names")
    return set(names)

def load_jsonl(name):
    rows = []
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        problem(f"missing {name}"); return rows
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip(): continue
        try: obj = json.loads(line)
        except json.JSONDecodeError as e:
            problem(f"{name}:{n}: invalid JSON ({e})"); continue
        if not isinstance(obj, dict): problem(f"{name}:{n}: not an object"); continue
        rows.append((n, obj))
    return rows

def main():
    docs = {}
    for name in sorted(os.listdir(DOCS)) if os.path.isdir(DOCS) else []:
        p = os.path.join(DOCS, name)
        if not os.path.isfile(p): continue
        if not name.endswith((".txt", ".md", ".html")): problem(f"docs/{name}: must be .txt, .md or .html")
        docs[name] = fold(open(p, encoding="utf-8").read())
    if not docs: problem("no documents in docs/")
    themes = load_themes(os.path.join(HERE, "themes.toml"))

    def where(tag, n, r, field="text"):
        doc, text = r.get("doc"), r.get(field)
        if doc not in docs: problem(f"{tag}:{n}: unknown doc {doc!r}"); return None
        if not nonempty(text): problem(f"{tag}:{n}: {field!r} must be a non-empty string"); return None
        if fold(text) not in docs[doc]: problem(f"{tag}:{n}: {field} not found in {doc}: {text[:80]!r}")
        return (doc, fold(text))

    asks = load_jsonl("gold_asks.jsonl")
    ask_keys = set(); dup = Counter()
    for n, r in asks:
        tag = "gold_asks.jsonl"; keys = set(r)
        for k in sorted(ASK_REQ - keys): problem(f"{tag}:{n}: missing key {k!r}")
        for k in sorted(keys - ASK_REQ - ASK_OPT): problem(f"{tag}:{n}: unknown key {k!r}")
        key = where(tag, n, r)
        if key: dup[key] += 1; ask_keys.add(key)
        t = r.get("type")
        if t not in ASK_TYPES: problem(f"{tag}:{n}: bad type {t!r}")
        if not nonempty(r.get("holder")): problem(f"{tag}:{n}: holder must be a non-empty string")
        a = r.get("addressee", "MISSING")
        if t == "commitment":
            if a is not None: problem(f"{tag}:{n}: commitment must have addressee null")
            if "addressee_alt" in r: problem(f"{tag}:{n}: commitment must not carry addressee_alt")
        elif not nonempty(a): problem(f"{tag}:{n}: non-commitment needs a non-empty addressee")
        th = r.get("themes")
        if not isinstance(th, list) or not th or not all(nonempty(x) for x in th):
            problem(f"{tag}:{n}: themes must be a non-empty list of strings")
        else:
            for x in th:
                if x not in themes: problem(f"{tag}:{n}: theme {x!r} not in themes.toml")
        for b in ("list_item", "lead_in"):
            if not isinstance(r.get(b), bool): problem(f"{tag}:{n}: {b} must be true/false")
        if r.get("lead_in") is True and nonempty(r.get("text")) and not r["text"].rstrip().endswith(":"):
            problem(f"{tag}:{n}: lead_in text must end with ':'")
        if "number" in r and not isinstance(r["number"], str): problem(f"{tag}:{n}: number must be a string")
        if "speaker" in r and not nonempty(r["speaker"]): problem(f"{tag}:{n}: speaker must be a non-empty string")
        if "borderline" in r and not isinstance(r["borderline"], bool): problem(f"{tag}:{n}: borderline must be bool")
        for alt in ("addressee_alt", "holder_alt"):
            if alt in r and (not isinstance(r[alt], list) or not r[alt] or not all(nonempty(x) for x in r[alt])):
                problem(f"{tag}:{n}: {alt} must be a non-empty list of strings")
    for k, c in dup.items():
        if c > 1: problem(f"gold_asks.jsonl: duplicate text in {k[0]}: {k[1][:60]!r}")

    negs = load_jsonl("gold_negatives.jsonl")
    for n, r in negs:
        tag = "gold_negatives.jsonl"; keys = set(r)
        for k in sorted({"doc", "text", "category"} - keys): problem(f"{tag}:{n}: missing key {k!r}")
        for k in sorted(keys - {"doc", "text", "category", "borderline"}): problem(f"{tag}:{n}: unknown key {k!r}")
        key = where(tag, n, r)
        if r.get("category") not in NEG_CATS: problem(f"{tag}:{n}: bad category {r.get('category')!r}")
        if key:
            for ak in ask_keys:
                if ak[0] == key[0] and (key[1] in ak[1] or ak[1] in key[1]):
                    problem(f"{tag}:{n}: negative overlaps a gold ask in {key[0]}: {key[1][:60]!r}")

    pos = load_jsonl("gold_positions.jsonl")
    for n, r in pos:
        tag = "gold_positions.jsonl"; keys = set(r)
        req = {"doc", "organisation", "theme", "stance", "evidence", "speaker"}
        for k in sorted(req - keys): problem(f"{tag}:{n}: missing key {k!r}")
        for k in sorted(keys - req): problem(f"{tag}:{n}: unknown key {k!r}")
        where(tag, n, r, "evidence")
        if not nonempty(r.get("organisation")): problem(f"{tag}:{n}: organisation must be a non-empty string")
        if r.get("theme") not in themes: problem(f"{tag}:{n}: theme {r.get('theme')!r} not in themes.toml")
        if r.get("stance") not in STANCES: problem(f"{tag}:{n}: bad stance {r.get('stance')!r}")
        if r.get("speaker") is not None and not nonempty(r.get("speaker")): problem(f"{tag}:{n}: speaker must be null or a string")

    apath = os.path.join(HERE, "gold_authors.json")
    authors = {}
    if not os.path.exists(apath): problem("missing gold_authors.json")
    else:
        try: authors = json.load(open(apath, encoding="utf-8"))
        except json.JSONDecodeError as e: problem(f"gold_authors.json: invalid JSON ({e})")
    areq = {"author_org", "author_org_alt", "author_person", "addressee", "addressee_alt", "kind"}
    for doc, a in authors.items():
        if doc not in docs: problem(f"gold_authors.json: unknown doc {doc!r}"); continue
        if set(a) != areq: problem(f"gold_authors.json: {doc}: keys must be exactly {sorted(areq)}")
        if not nonempty(a.get("author_org")): problem(f"gold_authors.json: {doc}: author_org required")
        for alt in ("author_org_alt", "addressee_alt"):
            if not isinstance(a.get(alt), list) or not all(nonempty(x) for x in a.get(alt, [])):
                problem(f"gold_authors.json: {doc}: {alt} must be a list of strings")
        for f in ("author_person", "addressee"):
            if a.get(f) is not None and not nonempty(a.get(f)): problem(f"gold_authors.json: {doc}: {f} must be null or a string")
        if a.get("kind") not in KINDS: problem(f"gold_authors.json: {doc}: bad kind {a.get('kind')!r}")
    for doc in docs:
        if doc not in authors: problem(f"gold_authors.json: no entry for {doc}")

    # counts
    per = defaultdict(lambda: Counter())
    for _, r in asks: per[r.get("doc")]["asks"] += 1
    for _, r in negs: per[r.get("doc")]["negatives"] += 1
    for _, r in pos: per[r.get("doc")]["positions"] += 1
    for doc in docs:
        if per[doc]["asks"] == 0: problem(f"{doc}: no gold asks")
        if per[doc]["positions"] == 0: problem(f"{doc}: no positions")
    print(f"{'document':52} {'words':>6} {'asks':>5} {'negs':>5} {'pos':>5}")
    for doc in docs:
        words = len(open(os.path.join(DOCS, doc), encoding="utf-8").read().split())
        print(f"{doc:52} {words:6} {per[doc]['asks']:5} {per[doc]['negatives']:5} {per[doc]['positions']:5}")
    types = Counter(r.get("type") for _, r in asks)
    print(f"\n{len(docs)} documents; {len(asks)} asks ({', '.join(f'{k} {v}' for k, v in sorted(types.items()))}; "
          f"{sum(1 for _, r in asks if r.get('borderline'))} borderline; {sum(1 for _, r in asks if r.get('list_item'))} list items; "
          f"{sum(1 for _, r in asks if r.get('lead_in'))} lead-ins)")
    print(f"{len(negs)} negatives ({', '.join(f'{k} {v}' for k, v in sorted(Counter(r.get('category') for _, r in negs).items()))})")
    triples = {(r.get('doc'), r.get('organisation'), r.get('theme'), r.get('stance')) for _, r in pos}
    print(f"{len(pos)} position lines, {len(triples)} distinct (doc, organisation, theme, stance); stances: "
          f"{', '.join(f'{k} {v}' for k, v in sorted(Counter(r.get('stance') for _, r in pos).items()))}")
    print(f"{len(themes)} themes; {len(authors)} author entries")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems: print("  -", p)
        sys.exit(1)
    print("\nOK")

if __name__ == "__main__":
    main()
