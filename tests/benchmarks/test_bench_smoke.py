"""The pipeline benchmark's smoke run (N = 20, baseline on the same 20), as CI runs it: it keeps the
benchmark working. It checks the report's shape and that every stage ran; figures are not asserted."""
import json
import subprocess
import sys
from pathlib import Path
import pytest

pytestmark = pytest.mark.slow  # benchmark smoke, browser and scale tests: still run by make test

ROOT = Path(__file__).resolve().parents[2]


def test_smoke_run_reports_every_stage_the_upload_the_views_and_the_baseline(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, "benchmarks/bench_pipeline.py", "--smoke", "--out", str(out)],
                         capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(out.read_text())
    (r,) = report["runs"]
    assert r["n"] == 20 and r["documents"] == 20 and r["error_count"] == 0
    assert r["asks"] > 20 and r["words"] > 20 * 200
    assert set(r["stages_s"]) == {"read", "parse", "extract", "positions", "store", "embed", "theme"}
    assert all(r["stages_s"][k] > 0 for k in ("read", "parse", "extract", "store", "embed"))
    assert r["peak_rss_mib"] > 0 and r["docs_per_s"] > 0
    assert r["upload"]["status"] == "ok" and r["upload"]["asks"] > 0 and r["upload"]["themed_asks"] > 0
    assert set(r["views_s"]) == {"themes (three side by side)", "organisations (grid, conflicts)", "asks (first page)",
                                 "documents (newest)"}
    b = report["baseline"]
    assert b["n"] == 20 and b["documents"] == 20 and b["sentences"] > r["asks"]
    assert "× the baseline's speed" in run.stdout and "N=20" in run.stdout


def test_answers_benchmark_smoke_run(tmp_path):
    """benchmarks/bench_answers.py on 40 answers: every stage ran and every answer came back with the summary."""
    out = tmp_path / "answers.json"
    run = subprocess.run([sys.executable, "benchmarks/bench_answers.py", "--answers", "40", "--out", str(out)],
                         capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    r = json.loads(out.read_text())
    assert r["answers"] == 40 and r["stored_rows"] == 40 and r["respondents"] == 10 and r["summary_rows"] > 0
    for k in ("read_analyse_store_s", "answers_and_stance_s", "embed_and_theme_s", "one_new_respondent_s"):
        assert r[k] > 0
    assert r["peak_rss_mib"] > 0 and r["answers_per_s"] > 0
