"""Pathological files (issue 15): one huge paragraph, a file of one line with no sentence ends, a document past
its time budget — each either analysed in linear time or turned into an error while the batch goes on."""
from tests.reliability.helpers import askmap_env, run_askmap
import pytest

pytestmark = pytest.mark.slow  # benchmark smoke, browser and scale tests: still run by make test

SENTENCE = "We ask the council to repair the bridge. The river is high this year and the path floods often. "


def test_a_two_megabyte_paragraph_is_analysed(tmp_path):
    # one paragraph of 2 MB: the sentence before each ask was found by splitting the whole paragraph so far
    # (quadratic: 377 s before the fix, seconds now); the timeout is a guard, not a benchmark
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one_paragraph.txt").write_text(SENTENCE * 21000)
    out = run_askmap(str(tmp_path / "p.db"), "ingest", "--no-themes", str(tmp_path / "in"), timeout=240)
    assert out.returncode == 0, out.stderr
    assert "one_paragraph.txt: ok (21000 asks)" in out.stdout


def test_a_line_with_no_sentence_end_is_cut_not_refused_by_the_parser(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "run_on.txt").write_text(SENTENCE.replace(".", "").lower() * 30000)  # 2.9 MB, no full stop
    out = run_askmap(str(tmp_path / "r.db"), "ingest", "--no-themes", str(tmp_path / "in"), timeout=240)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "run_on.txt: ok" in out.stdout and "E088" not in out.stdout + out.stderr


def test_a_document_past_its_time_budget_is_an_error_and_the_batch_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_text(SENTENCE * 40000)
    (tmp_path / "in" / "small.txt").write_text("Dear Council,\n\nWe urge the council to light the towpath.\n\nYours,\nBo\n")
    out = run_askmap(str(tmp_path / "b.db"), "ingest", "--no-themes", str(tmp_path / "in"),
                     env=askmap_env(ASKMAP_FILE_SECONDS="0.5"), timeout=240)
    assert out.returncode == 1
    assert "big.txt: error: too slow: the analysis of big.txt was stopped after 0.5 s" in out.stdout, out.stdout
    assert "small.txt: ok (1 ask)" in out.stdout


def test_a_document_past_its_memory_budget_is_an_error_and_the_batch_goes_on(tmp_path):
    # 40,000 asks of one document grow the process by far more than 40 MiB; the small letter after it by far less
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_text(SENTENCE * 40000)
    (tmp_path / "in" / "small.txt").write_text("Dear Council,\n\nWe urge the council to light the towpath.\n\nYours,\nBo\n")
    out = run_askmap(str(tmp_path / "m.db"), "ingest", "--no-themes", str(tmp_path / "in"),
                     env=askmap_env(ASKMAP_FILE_MB="40"), timeout=240)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "big.txt: error: too large: the analysis of big.txt took more than 40 MiB of memory" in out.stdout, out.stdout
    assert "small.txt: ok (1 ask)" in out.stdout


def test_a_file_whose_reading_passes_the_memory_budget_is_an_error(tmp_path):
    # an HTML page of 30 MB of short paragraphs: its parse tree alone is many times the 40 MiB budget
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "huge.html").write_text("<html><body>" + "<p>We ask the council to act.</p>" * 1_000_000 + "</body></html>")
    (tmp_path / "in" / "small.txt").write_text("Dear Council,\n\nWe urge the council to light the towpath.\n\nYours,\nBo\n")
    out = run_askmap(str(tmp_path / "r.db"), "ingest", "--no-themes", "--max-mb", "100", str(tmp_path / "in"),
                     env=askmap_env(ASKMAP_FILE_MB="40"), timeout=240)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "huge.html: error: too large: reading it took more than 40 MiB of memory" in out.stdout, out.stdout
    assert "small.txt: ok (1 ask)" in out.stdout
