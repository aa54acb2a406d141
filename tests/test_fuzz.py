"""The fuzzer's short run: hypothesis over posts (front matter and body), file names and brand
brand files, through the real engine (``ekip check`` in this process, every report format, odd
``--now`` values, ``--fix``). Every post is either checked or gets a ``file.*`` finding; no
traceback, no ``file.internal-error``, exit 0 or 1; a brand file is loaded or refused with exit 2
and ``file:line``. Derandomized, so CI is repeatable;
the long run is ``nice -n 10 python bench/fuzz.py --posts 1000000`` (same generators, seeded
per batch; see tests/support/fuzzing.py)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import fuzzing

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fuzz_repo(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("fuzz"))
    fuzzing.make_repo(folder)
    return folder


@SETTINGS
@given(st.randoms(use_true_random=False), st.integers(1, 6), st.sampled_from(fuzzing.FORMATS),
       st.sampled_from(fuzzing.NOWS), st.booleans())
def test_posts_and_file_names(fuzz_repo: str, rng: random.Random, count: int, fmt: str, now: str,
                              fix: bool) -> None:
    """A few posts, drawn through hypothesis's random (it shrinks a failure to the smallest)."""
    posts = [fuzzing.post(rng) for _ in range(count)]
    names = [fuzzing.file_name(rng, i) for i in range(count)]
    fuzzing.check_batch(fuzz_repo, posts, names, fmt=fmt, now=now, fix=fix)


@SETTINGS
@given(st.integers(0, 2**32), st.integers(20, 80), st.sampled_from(fuzzing.FORMATS), st.booleans())
def test_batches(fuzz_repo: str, seed: int, count: int, fmt: str, fix: bool) -> None:
    """Larger batches (the calendar's cross-post checks), seeded as in bench/fuzz.py: a failure
    prints the seed that replays it."""
    rng = random.Random(seed)
    posts = [fuzzing.post(rng) for _ in range(count)]
    names = [fuzzing.file_name(rng, i) for i in range(count)]
    fuzzing.check_batch(fuzz_repo, posts, names, fmt=fmt, fix=fix)


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_brand_files(fuzz_repo: str, rng: random.Random) -> None:
    """A brand variant (generated rules, packs, crisis mode, platform table, a hostile brand
    file) is loaded and checks the posts, or is refused with exit 2 naming brand file and line."""
    posts = [fuzzing.post(rng) for _ in range(5)]
    names = [fuzzing.file_name(rng, i) for i in range(5)]
    brand = fuzzing.brand_variant(rng) or {"rules/voice.yml": fuzzing.rule_file(rng)}
    fuzzing.check_batch(fuzz_repo, posts, names, brand=brand)


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
