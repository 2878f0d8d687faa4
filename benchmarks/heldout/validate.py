"""Check the held-out gold labels against the documents.

    /work/main/.venv/bin/python benchmarks/heldout/validate.py

Every gold "text" must occur, modulo whitespace, in the readable text of its document:
- PDF, DOCX, EML: the source strings in make_docs.py, and also the text read back from the file
  (pypdf for PDF with page headers/footers removed, python-docx for DOCX, the e-mail body for EML);
- CSV: the cells of the row whose Response ID follows '#';
- HTML: the page text with tags, scripts and styles removed and entities decoded;
- TXT, MD: the file as it is.
Also checks field values, that theme names come from themes.toml, and prints counts per document
and per type. Exit status 1 if anything fails.
"""
from __future__ import annotations

import collections
import csv
import email
import email.policy
import html
import json
import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
sys.path.insert(0, str(HERE))
import make_docs  # noqa: E402

TYPES = {"recommendation", "request", "pledge", "commitment"}


def ws(s: str) -> str:
    return " ".join(s.split())


def file_texts(name: str) -> list[str]:
    """Readable text(s) of a document; a gold text must occur in every one of them."""
    base, _, row = name.partition("#")
    path = DOCS / base
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pypdf
        pages = []
        for page in pypdf.PdfReader(str(path)).pages:
            lines = page.extract_text().splitlines()
            pages.append("\n".join(lines[1:-1]))  # drop the running header and the "Page N" footer
        return [make_docs.source_text(base), "\n".join(pages)]
    if suffix == ".docx":
        import docx
        return [make_docs.source_text(base), "\n".join(p.text for p in docx.Document(str(path)).paragraphs)]
    if suffix == ".eml":
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        return [make_docs.source_text(base), msg.get_body(("plain",)).get_content()]
    if suffix == ".csv":
        with path.open(newline="", encoding="utf-8") as f:
            rows = {r["Response ID"]: r for r in csv.DictReader(f)}
        return ["\n".join(rows[row].values())]
    if suffix in (".html", ".htm"):
        raw = path.read_text(encoding="utf-8")
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
        return [html.unescape(re.sub(r"<[^>]+>", " ", raw))]
    return [path.read_text(encoding="utf-8")]


def main() -> int:
    themes = {t["name"] for t in tomllib.loads((HERE / "themes.toml").read_text())["theme"]}
    gold = [json.loads(line) for line in (HERE / "gold_asks.jsonl").read_text().splitlines() if line.strip()]
    errors = []
    cache: dict[str, list[str]] = {}
    for g in gold:
        texts = cache.setdefault(g["doc"], [ws(t) for t in file_texts(g["doc"])])
        for i, t in enumerate(texts):
            if ws(g["text"]) not in t:
                errors.append(f"not found (source {i}) in {g['doc']}: {g['text'][:90]}")
        if g["type"] not in TYPES:
            errors.append(f"bad type {g['type']!r}: {g['text'][:60]}")
        if not 1 <= len(g["themes"]) <= 2 or not set(g["themes"]) <= themes:
            errors.append(f"bad themes {g['themes']}: {g['text'][:60]}")
        if g["doc"].endswith(".txt") and "transcript" in g["doc"] and not g.get("speaker"):
            errors.append(f"transcript ask without speaker: {g['text'][:60]}")
    on_disk = sorted(p.name for p in DOCS.iterdir() if p.is_file())
    per_doc = collections.Counter(g["doc"].partition("#")[0] for g in gold)
    per_row = collections.Counter(g["doc"] for g in gold if "#" in g["doc"])
    per_type = collections.Counter(g["type"] for g in gold)
    for name in on_disk:
        print(f"{per_doc.get(name, 0):>3}  {name}")
    for name, n in sorted(per_row.items()):
        print(f"       {n:>2}  {name}")
    for name in per_doc:
        if name not in on_disk:
            errors.append(f"gold refers to missing document {name}")
    print(f"{len(gold):>3}  total asks in {len(on_disk)} documents")
    print("by type:", dict(per_type))
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
