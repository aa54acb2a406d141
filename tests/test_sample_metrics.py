"""The sample brand's exports (tests/data/metrics/) and its metrics/ folder are what
scripts/sample_metrics.py makes from today's sample posts: a post's text edited without running
the script again would leave the exports telling another story than the posts (and
`ekip metrics link` matching texts that no longer exist)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_committed_sample_metrics_are_what_the_script_makes() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "sample_metrics.py"), "--check"], cwd=ROOT,
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"run `python scripts/sample_metrics.py`: {done.stdout}{done.stderr}"
