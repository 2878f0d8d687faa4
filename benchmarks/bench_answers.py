"""Speed and memory of consultation answers at scale: a synthetic export of short answers, end to end.

    python benchmarks/bench_answers.py [--answers 100000] [--questions 4] [--seed 0] [--out benchmarks/results/bench_answers.json]

Builds an export of ``answers / questions`` respondents × ``questions`` questions with realistic short answers
(10–150 words: arguments, testimonies, one-line commands, verb-less proposals, "yes"/"no, because …", typos,
a campaign's pasted copies), a theme list of 8 themes per question, then, in this process: ingests the export
(read, analyse, store), themes it with the list (answers split and their stance read, answers and sentences
embedded, themes chosen), and reads back the responses and the summary. Then one new respondent's answers
are uploaded and themed without a re-fit. Prints wall time per stage, answers/s and peak RSS (this process
and its worker processes). Not a test: it asserts nothing.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(os.environ.get("ASKMAP_CODE") or ROOT)))

TOPICS = [
    ("Do you agree with the proposal to charge £5 a day to drive into the city centre? Please explain.",
     ["the charge", "the congestion charge", "this fee"],
     [("Cost to drivers", "What the charge costs people who drive in.", ["cost", "afford", "expensive", "price"]),
      ("Air quality and health", "Cleaner air and better health from less traffic.", ["air", "pollution", "asthma", "health"]),
      ("Public transport first", "Buses and trains must improve before drivers are charged.", ["bus", "buses", "train", "public transport"]),
      ("Exemptions", "Who should not pay: carers, disabled drivers, night workers.", ["exempt", "exemption", "carers", "blue badge"]),
      ("City centre shops", "Effects on shops, trade and jobs in the centre.", ["shops", "business", "trade", "footfall"]),
      ("Use of the money", "What the money raised is spent on.", ["money", "revenue", "spent", "ring-fence"]),
      ("Trust in the council", "Doubts that the council listens or spends well.", ["council", "trust", "waste", "consultation"]),
      ("Traffic and congestion", "Queues, journey times and traffic moving elsewhere.", ["traffic", "congestion", "queues", "rat runs"])]),
    ("Should the council close three branch libraries and open one new central library? Please explain.",
     ["the closures", "this plan", "the new library"],
     [("Travel to the library", "How far people would have to go.", ["bus", "walk", "distance", "travel"]),
      ("Children and families", "Story times, homework and young families.", ["children", "kids", "families", "school"]),
      ("Older and isolated people", "Older residents and those who are lonely.", ["older", "elderly", "lonely", "isolated"]),
      ("Digital access", "Computers, wifi and help getting online.", ["computers", "wifi", "internet", "online"]),
      ("Opening hours", "When the libraries are open.", ["hours", "evenings", "weekends", "open"]),
      ("Cost and savings", "Money saved or wasted by the plan.", ["cost", "savings", "budget", "money"]),
      ("Community hub", "The library as a place the community meets.", ["community", "hub", "meet", "groups"]),
      ("Books and stock", "The books and other things to borrow.", ["books", "stock", "borrow", "collection"])]),
]
OPENERS = ["Yes.", "No.", "Yes, but", "No, because", "Strongly agree.", "Strongly disagree.", "", "", "", "Not sure.", "I think"]
LINKS = ["and", "but", "also", "because", "so", "although"]


def _answer(rng: random.Random, subject: list[str], themes: list[tuple]) -> str:
    kind = rng.random()
    if kind < 0.08:
        return rng.choice(["Scrap it.", "Good idea.", "No.", "Yes please.", "Waste of money.", "About time."])
    chosen = rng.sample(themes, rng.choice([1, 1, 2, 2, 3]))
    parts = [rng.choice(OPENERS)]
    for name, desc, keywords in chosen:
        kw = rng.choice(keywords)
        parts.append(rng.choice([
            f"{subject[0].capitalize()} will hit {kw} hard, {desc.lower()}",
            f"My main worry is {kw}. {desc}",
            f"{kw.capitalize()} matters here {rng.choice(LINKS)} nobody seems to have thought about it.",
            f"I have lived here for {rng.randint(2, 40)} years and {kw} is the thing people talk about most.",
            f"More {kw}, please.",
            f"what about {kw}?? {desc.lower()}",
        ]))
    if rng.random() < 0.3:
        parts.append(rng.choice(["It is a tax on working people.", "The council never listens.",
                                 "Other cities have done this and it worked.", "Think again."]))
    text = " ".join(p for p in parts if p)
    if rng.random() < 0.1:  # a typo
        i = rng.randrange(max(1, len(text) - 1))
        text = text[:i] + text[i + 1:]
    return text


def make_export(path: Path, n_answers: int, n_questions: int, seed: int) -> tuple[int, list[str]]:
    rng = random.Random(seed)
    topics = [TOPICS[i % len(TOPICS)] for i in range(n_questions)]
    headers = [f"Q{i + 1}. {t[0]}" for i, t in enumerate(topics)]
    respondents = max(1, n_answers // n_questions)
    campaign = {h: _answer(random.Random(f"campaign:{h}"), t[1], t[2]) for h, t in zip(headers, topics)}
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Response ID", "Respondent type", "Organisation", *headers])
        for r in range(respondents):
            org = rng.random() < 0.05
            row = [str(100000 + r), "Organisation" if org else "Individual", f"Org {r}" if org else ""]
            for h, t in zip(headers, topics):
                row.append(campaign[h] if rng.random() < 0.05 else _answer(rng, t[1], t[2]))
            w.writerow(row)
    return respondents, headers


def write_themes(path: Path, headers: list[str], n_questions: int) -> None:
    lines = []
    for i, h in enumerate(headers):
        for name, desc, keywords in TOPICS[i % len(TOPICS)][2]:
            lines += ["[[theme]]", f"name = {json.dumps(name)}", f"description = {json.dumps(desc)}",
                      f"keywords = {json.dumps(keywords)}", f"question = {json.dumps(h)}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def peak_rss_mib() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(me, 1), round(kids, 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--answers", type=int, default=100_000)
    ap.add_argument("--questions", type=int, default=4)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "bench_answers.json")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from analysis.themes import load_theme_file
    from askmap import pipeline, theming
    from askmap.store import open_engine
    from askmap.store.answers import query_responses, summary

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t = {}
        respondents, headers = make_export(tmp / "export.csv", args.answers, args.questions, args.seed)
        write_themes(tmp / "themes.toml", headers, args.questions)
        engine = open_engine(str(tmp / "bench.db"))
        s = time.perf_counter()
        pipeline.ingest_paths(engine, [tmp / "export.csv"], themes=False)
        t["read_analyse_store_s"] = time.perf_counter() - s
        s = time.perf_counter()
        n_answers = theming.ensure_answers(engine)
        t["answers_and_stance_s"] = time.perf_counter() - s
        s = time.perf_counter()
        theming.fit(engine, load_theme_file(tmp / "themes.toml"))
        t["embed_and_theme_s"] = time.perf_counter() - s
        s = time.perf_counter()
        rows = query_responses(engine)
        table = summary(engine, by="stance")
        t["responses_and_summary_s"] = time.perf_counter() - s
        # one new respondent, themed without a re-fit
        with open(tmp / "export.csv", encoding="utf-8") as f:
            header = next(csv.reader(f))
        one = tmp / "new.csv"
        with open(one, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerow(["999999", "Individual", "", *[_answer(random.Random(9), TOPICS[i % 2][1], TOPICS[i % 2][2])
                                                     for i in range(args.questions)]])
        s = time.perf_counter()
        pipeline.ingest_paths(engine, [one])
        t["one_new_respondent_s"] = time.perf_counter() - s
    total = t["read_analyse_store_s"] + t["answers_and_stance_s"] + t["embed_and_theme_s"]
    me, kids = peak_rss_mib()
    result = {"answers": n_answers, "respondents": respondents, "questions": args.questions, "stored_rows": len(rows),
              "summary_rows": len(table), **{k: round(v, 2) for k, v in t.items()}, "total_s": round(total, 1),
              "answers_per_s": round(n_answers / total, 1) if total else None, "peak_rss_mib": me,
              "peak_rss_workers_mib": kids, "cpus": os.cpu_count()}
    for k, v in result.items():
        print(f"{k:>28}: {v}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
