"""The fuzzer's short run: hypothesis over posts (front matter and body), file names and brand
rule files, through the real engine (``ekip check`` in this process). Every post is either
checked or gets a ``file.*`` finding; no traceback, no ``file.internal-error``, exit 0 or 1; a
brand file is loaded or refused with exit 2 and ``file:line``. Derandomized, so CI is repeatable;
the long run is ``python bench/fuzz.py --posts 1000000`` (same generators, see
tests/support/fuzzing.py)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Repo
from tests.support import fuzzing

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fuzz_repo(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("fuzz"))
    fuzzing.make_repo(folder)
    return folder


@SETTINGS
@given(st.randoms(use_true_random=False), st.integers(1, 40))
def test_posts_and_file_names(fuzz_repo: str, rng: random.Random, count: int) -> None:
    posts = [fuzzing.post(rng) for _ in range(count)]
    names = [fuzzing.file_name(rng, i) for i in range(count)]
    fuzzing.check_batch(fuzz_repo, posts, names)


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_brand_rule_files(repo: Repo, rng: random.Random) -> None:
    repo.post("gonderi", "Merhaba ŞOK FİYAT online")
    repo.write("brand/rules/voice.yml", fuzzing.rule_file(rng))
    code, _, err = repo.run("check", "--grammar", "off", "--format", "json")
    assert code in (0, 1, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("ekip: brand/rules/voice.yml") or err.startswith("ekip: rule '"), err


def test_one_batch_in_worker_processes(fuzz_repo: str) -> None:
    """From 1,500 posts the engine forks: the same hostile posts, no 'a worker process failed'."""
    from checks import engine

    rng = random.Random(7)
    count = engine.PARALLEL_FROM + 50
    fuzzing.check_batch(fuzz_repo, [fuzzing.post(rng) for _ in range(count)],
                        [fuzzing.file_name(rng, i) for i in range(count)], jobs=2)


def test_generators_reach_the_hostile_cases() -> None:
    """The generator is not only well-formed posts: each kind of trouble shows up."""
    rng = random.Random(1)
    joined = b"\n".join(fuzzing.post(rng) for _ in range(3000))
    for piece in (b"!!set", b"*a, *a", b"\xff", b"[[[[", b"a.a.a.a", b"0001-01-01", b"\r\n"):
        assert piece in joined, piece
    assert Path(__file__).name == "test_fuzz.py"
