"""No rule is keyed to a document it is measured on.

A rule written from one sentence of the demo corpus or of an evaluation set scores well on that set and
generalises to nothing. This test fails when any run of 8 words (lower-cased ``[a-z0-9]+`` tokens) of a
string literal (20 characters or more) or a comment in ``analysis/`` or ``ingest/`` also appears in a
document of ``corpus/``, ``benchmarks/*/docs``, or — where the shared folder exists beside the project —
``../shared/seeds``, ``../shared/real/docs`` and ``../shared/real/letters``. The algorithm is that of
``../shared/hooks/overlap-check.py``: regex syntax is stripped from the literals before they are split
into words, so a pattern that spells a document's sentence is caught too.

A hit is fixed by writing the rule (or the docstring example) for the language in general, on
invented text of another topic, never by rewording the copied sentence.
"""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
WORD = re.compile(r"[a-z0-9]+")
N = 8


def grams(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + N]) for i in range(len(words) - N + 1)}


def document_folders() -> list[Path]:
    """The folders of evaluation documents that exist here (the shared ones are absent on a fresh clone)."""
    folders = [ROOT / "corpus", *sorted(ROOT.glob("benchmarks/*/docs")),
               SHARED / "seeds", SHARED / "real" / "docs", SHARED / "real" / "letters"]
    return [f for f in folders if f.is_dir()]


def rule_text(src: Path) -> str:
    """What a rule can hold: string literals and comments, with regex syntax stripped."""
    text = src.read_text(errors="ignore")
    if src.suffix == ".toml":
        # a built-in body's official name is general knowledge that every document naming the body repeats
        # ("His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"); its other fields, the word
        # lists and every comment are checked
        text = re.sub(r"\b(?:name|aliases)\s*=\s*(?:\"[^\"\n]*\"|\[[^\]\n]*\])", "", text)
    literals = " | ".join(re.findall(r"\"[^\"\n]{20,}\"|'[^'\n]{20,}'|#[^\n]{20,}", text))
    return re.sub(r"\\[sbwd]\+?|\(\?:|[()?*+|\\\[\]^$]", " ", literals)


def sources() -> list[Path]:
    """The rule code and its data files (word lists, built-in organisations, default themes)."""
    return sorted(p for folder in ("analysis", "ingest") for ext in ("*.py", "*.toml") for p in (ROOT / folder).rglob(ext))


def test_the_check_finds_a_copied_sentence(tmp_path):
    """The literal and comment extraction sees a sentence copied into a pattern or a comment."""
    src = tmp_path / "rule.py"
    src.write_text('# the lantern festival drew nine thousand visitors to the harbour last spring\n'
                   'X = _rx(r"\\bthe\\s+(?:lantern)\\s+festival drew nine thousand visitors to the harbour")\n')
    doc = "In short, the lantern festival drew nine thousand visitors to the harbour last spring."
    shared = grams(rule_text(src)) & grams(doc)
    assert "the lantern festival drew nine thousand visitors to" in shared
    assert "festival drew nine thousand visitors to the harbour" in shared


def test_no_rule_shares_an_eight_word_run_with_an_evaluation_document():
    folders = document_folders()
    assert ROOT / "corpus" in folders
    docs: dict[Path, set[str]] = {}
    for folder in folders:
        for f in sorted(folder.glob("*")):
            if f.is_file():
                docs[f] = grams(f.read_text(errors="ignore"))
    hits = []
    for src in sources():
        g = grams(rule_text(src))
        if not g:
            continue
        for f, dg in docs.items():
            for run in sorted(g & dg)[:3]:
                hits.append(f'{src.relative_to(ROOT)}  <->  {f.relative_to(f.parents[1])}: "{run}"')
    assert not hits, "rule code shares 8-word runs with evaluation documents:\n" + "\n".join(hits[:40])
