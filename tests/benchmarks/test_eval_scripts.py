"""The evaluation scripts in a fresh clone (no ../shared beside it): one clear line, not a traceback (issue 15)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("script", ["eval_asks.py", "eval_authors.py", "eval_positions.py", "eval_themes.py"])
def test_missing_shared_files_are_one_clear_line(tmp_path, script):
    env = {**os.environ, "ASKMAP_SHARED": str(tmp_path / "no-shared")}
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script)], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.startswith(f"error: {tmp_path / 'no-shared'}") and "ASKMAP_SHARED" in out.stderr
