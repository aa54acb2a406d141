"""``checks.forkshare``: tasks shared with forked workers come back complete and in order, a
task that fails in a worker is done again in this process, and ``ekip report`` gives the same
bytes with one process and with workers."""

from __future__ import annotations

import json
import os
import shutil
import time
from functools import partial
from pathlib import Path

import pytest

from checks import forkshare
from tests.conftest import Repo

ROOT = Path(__file__).resolve().parent.parent


def square(n: int) -> tuple[int, int, int]:
    time.sleep(0.01)  # long enough for the workers to take their share
    return n, n * n, os.getpid()


def test_every_result_in_task_order() -> None:
    tasks = [partial(square, n) for n in range(40)]
    shared = forkshare.run(tasks, 3)
    assert [r[:2] for r in shared] == [(n, n * n) for n in range(40)] == [r[:2] for r in forkshare.run(tasks, 1)]
    assert len({r[2] for r in shared}) > 1  # the workers did some


def test_a_task_that_fails_in_a_worker_is_done_again_here() -> None:
    parent = os.getpid()

    def fragile(n: int) -> int:
        time.sleep(0.01)
        if os.getpid() != parent:
            raise RuntimeError("only in a worker")
        return n

    assert forkshare.run([partial(fragile, n) for n in range(30)], 2) == list(range(30))


def slow_range(n: int) -> range:
    time.sleep(0.01)
    return range(n)


def test_a_result_marshal_cannot_send_is_done_again_here() -> None:
    assert forkshare.run([partial(slow_range, n) for n in range(20)], 2) == [range(n) for n in range(20)]


def test_an_error_in_this_process_is_raised_here() -> None:
    def broken() -> None:
        raise ValueError("here")

    with pytest.raises(ValueError, match="here"):
        forkshare.run([broken] * 3, 1)


def test_the_report_is_the_same_with_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for part in ("brand", "content", "metrics"):
        shutil.copytree(ROOT / part, tmp_path / part)
    repo = Repo(tmp_path)
    from checks.commands import report

    monkeypatch.setattr(report, "PARALLEL_FROM", 0)  # the sample is small: share it anyway
    outputs = []
    for jobs in ("1", "2", "3"):
        monkeypatch.setenv("EKIP_CACHE_DIR", str(tmp_path / f"cache-{jobs}"))  # each a first report
        code, out, err = repo.run("report", "--format", "json", "--jobs", jobs)
        assert code == 0, err
        outputs.append(out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert json.loads(outputs[0])["posts"]
