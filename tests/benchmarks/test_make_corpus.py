"""benchmarks/make_corpus.py: a deterministic synthetic corpus of N documents (CSV rows counted one
each) that Askmap reads as letters, transcripts and consultation responses."""
import csv
import hashlib
import io
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_corpus as mc  # noqa: E402
import sentence_bank as bank  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def csv_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    return rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]


def documents_on_disk(folder: Path) -> dict[str, int]:
    """Document name as Askmap shows it → words of the text it stores, read back from the files."""
    out: dict[str, int] = {}
    for p in sorted(folder.rglob("*")):
        if p.suffix == ".csv":
            header, rows = csv_rows(p)
            questions = [i for i, h in enumerate(header) if re.match(r"(?:Q|Question )\d", h)]
            assert len(questions) == 2, header
            for r in rows:
                out[f"{p.name}#{r[0]}"] = sum(len(header[i].split()) + len(r[i].split()) for i in questions if r[i])
        elif p.suffix == ".eml":
            out[p.name] = len(p.read_text(encoding="utf-8").partition("\n\n")[2].split())
        elif p.suffix in (".txt", ".md"):
            out[p.name] = len(p.read_text(encoding="utf-8").split())
    return out


def test_same_seed_gives_identical_files_and_another_seed_different_ones(tmp_path):
    a = mc.make_corpus(tmp_path / "a", 40, seed=0)
    mc.make_corpus(tmp_path / "b", 40, seed=0)
    mc.make_corpus(tmp_path / "c", 40, seed=1)
    da, db, dc = digests(tmp_path / "a"), digests(tmp_path / "b"), digests(tmp_path / "c")
    assert len(da) == len(a.files) > 10
    assert da == db
    assert da != dc
    assert not set(da.values()) & set(dc.values())  # no file is the same under another seed
    assert mc.make_letter(3) == mc.make_letter(3) != mc.make_letter(4)


@pytest.mark.parametrize("n", [1, 2, 3, 20, 57])
def test_n_counts_documents_as_askmap_does(tmp_path, n):
    stats = mc.make_corpus(tmp_path / "c", n, seed=n)
    docs = documents_on_disk(tmp_path / "c")
    assert len(docs) == n == stats.total_documents
    assert set(docs) == set(stats.doc_words)
    rows = sum(len(csv_rows(p)[1]) for p in (tmp_path / "c").rglob("*.csv"))
    assert rows == stats.documents["consultation"]


def test_kind_mix_formats_and_export_layouts(tmp_path):
    stats = mc.make_corpus(tmp_path / "c", 50)
    d = stats.documents
    assert all(d[k] > 0 for k in ("consultation", "letter", "transcript"))
    assert 0.5 <= d["consultation"] / 50 <= 0.65 and 0.25 <= d["letter"] / 50 <= 0.35
    assert 0.08 <= d["transcript"] / 50 <= 0.18
    stats = mc.make_corpus(tmp_path / "big", 1500)
    suffixes = Counter(p.suffix for p in stats.files if p.parent.name == "letters")
    assert suffixes[".txt"] > suffixes[".md"] > 0 and suffixes[".eml"] > 0
    exports = [p for p in stats.files if p.suffix == ".csv"]
    assert len(exports) >= 2
    assert all(len(csv_rows(p)[1]) <= 500 for p in exports)
    headers = {csv_rows(p)[0][0] for p in exports}
    assert headers <= {"Response ID", "Respondent ID"}


def test_documents_are_200_to_5000_words_and_lengths_vary(tmp_path):
    stats = mc.make_corpus(tmp_path / "c", 120, seed=7)
    docs = documents_on_disk(tmp_path / "c")
    assert docs == stats.doc_words
    assert all(200 <= w <= 5000 for w in docs.values()), sorted(docs.values())[::10]
    by_kind: dict[str, list[int]] = {}
    for name, w in docs.items():
        kind = "consultation" if ".csv#" in name else name.split("_")[0]
        by_kind.setdefault(kind, []).append(w)
    assert min(by_kind["transcript"]) >= 1500 and min(by_kind["letter"]) >= 300
    assert max(by_kind["consultation"]) <= 800 and max(by_kind["letter"]) <= 2700
    for ws in by_kind.values():
        assert max(ws) > 1.5 * min(ws)  # varied, not one length
    assert sum(docs.values()) == stats.total_words


def test_asks_are_a_distinct_minority(tmp_path):
    stats = mc.make_corpus(tmp_path / "c", 500)
    asks = [text for found in stats.asks.values() for _, text in found]
    assert len(set(asks)) / len(asks) >= 0.8
    assert 0.05 <= len(asks) / stats.sentences <= 0.15
    assert {t for found in stats.asks.values() for t, _ in found} == {"recommendation", "request", "commitment", "pledge"}
    texts = {p.name: p.read_text(encoding="utf-8") for p in stats.files if p.suffix != ".csv"}
    for name, text in texts.items():  # what is recorded is written, word for word
        assert all(a in " ".join(text.split()) for _, a in stats.asks[name]), name


def test_make_letter_is_a_two_page_letter():
    text = mc.make_letter(seed=11)
    assert 850 <= len(text.split()) <= 1100
    assert re.search(r"^Dear .+,$", text, re.M) and "Yours sincerely," in text
    assert len(mc.make_letter(seed=11, words=2000).split()) >= 2000


def test_sentence_bank_covers_many_topics_and_not_the_demo_one():
    assert len(bank.TOPICS) >= 8 and len({t["key"] for t in bank.TOPICS}) == len(bank.TOPICS)
    assert len(bank.TOWN_STEMS) * len(bank.TOWN_ENDINGS) >= 300
    data = {k: v for k, v in vars(bank).items() if not k.startswith("_") and not callable(v)}
    every = repr(data).lower()
    for word in ("slavery", "trafficking", "exploitation", "london", "mopac"):
        assert word not in every
    if SEEDS.is_dir():  # no run of eight words is copied from the demo corpus
        def grams(text: str) -> set[tuple[str, ...]]:
            w = re.findall(r"[a-z0-9']+", text.lower())
            return {tuple(w[i:i + 8]) for i in range(len(w) - 7)}
        demo = set().union(*(grams(p.read_text(encoding="utf-8", errors="replace")) for p in SEEDS.iterdir()))
        def strings(v) -> list[str]:
            if isinstance(v, str):
                return [v]
            items = v.values() if isinstance(v, dict) else v if isinstance(v, (list, tuple)) else []
            return [s for x in items for s in strings(x)]
        assert not demo & set().union(*(grams(s) for s in strings(data)))


def test_cli_writes_a_summary_and_refuses_a_non_empty_folder(tmp_path, capsys):
    out = tmp_path / "c"
    assert mc.main([str(out), "-n", "12", "--seed", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [l.split(":")[0] for l in lines] == ["consultation rows", "letters", "transcripts", "total"]
    assert re.search(r"\b12 documents\b", lines[-1])
    before = digests(out)
    assert mc.main([str(out), "-n", "5"]) == 2
    assert "--force" in capsys.readouterr().err and digests(out) == before
    (out / "notes.txt").write_text("mine")
    assert mc.main([str(out), "-n", "5", "--force"]) == 0
    after = digests(out)
    assert "notes.txt" in after and len(after) < len(before)  # the old corpus replaced, nothing else touched
    with pytest.raises(FileExistsError):
        mc.make_corpus(out, 3)


def test_askmap_reads_the_corpus_as_intended(tmp_path):
    stats = mc.make_corpus(tmp_path / "corpus", 20)
    from askmap.store import db as dbmod

    db = dbmod.resolve_url(str(tmp_path / "t.db"))  # the child opens what this process would (PostgreSQL pass)
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    run = subprocess.run([sys.executable, "-m", "askmap", "--db", str(db), "ingest", "--no-themes",
                          str(tmp_path / "corpus")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]

    from askmap.store import count_documents, list_documents, open_engine, query_asks

    engine = open_engine(str(db))
    assert count_documents(engine) == 20
    expected = {"consultation": "consultation_response", "letter": "letter", "transcript": "transcript"}
    kinds = {d["source"]: d["kind"] for d in list_documents(engine)}
    assert set(kinds) == set(stats.doc_words)
    for source, kind in kinds.items():
        mine = "consultation" if ".csv#" in source else source.split("_")[0]
        assert kind == expected[mine], source
    found: dict[str, list[str]] = {}
    for a in query_asks(engine):
        found.setdefault(a["doc"], []).append(" ".join(a["text"].split()))
    letters = [s for s in kinds if s.startswith("letter_")]
    assert sum(1 for s in letters if found.get(s)) >= 0.8 * len(letters)
    intended = [(s, text) for s, asks in stats.asks.items() for _, text in asks]
    hit = sum(1 for s, text in intended if any(text in f or f in text for f in found.get(s, [])))
    assert hit >= 0.85 * len(intended)
