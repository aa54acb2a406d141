"""No regular expression of ours takes super-linear time on hostile text.

Every compiled pattern is collected from the modules of ``checks`` (module-level patterns, those
in module-level dicts, lists and tuples, and those built on first use by zero-argument cached
functions), plus the trie-shaped term pattern of this repository's own brand. Each is run on
adversarial texts of growing length (a pump repeated n times between a prefix that leads the
pattern into its deep part and a suffix that makes it fail): ``finditer`` over the whole text
(a failing attempt at every position) and ``fullmatch``. The test compares the CPU time at n and
at 16n: a linear pattern takes about 16 times as long, a quadratic one 256 times, an
exponential one never finishes (each pattern is measured in a forked process that is killed
after a deadline). Ratios, not absolute times, so a busy machine does not make it fail.

The issue's case: ``https://ornek.com.tr/aaaa…a!`` made ``_SIMPLE_URL`` try every way of
splitting the path into segments (each extra character doubled the time).
"""

from __future__ import annotations

import functools
import importlib
import inspect
import multiprocessing
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import regex

import checks
from checks import masks
from checks.text import counting

ROOT = Path(__file__).resolve().parent.parent

PREFIXES = ["", "https://ornek.com.tr/", "ornek.com.tr/", "www.", "a@b", "#", "<!--", "```\n", "key: ", "(",
            "+90 "]
PUMPS = ["a", "1", "a.", ".a", "a-", "-", "a/", "/", "a!", "@a", "#a", "a ", " ", "\n", "(a)", "(", "'a", '"',
         "`", "a:", "ş", "😀", "\u200d", "a_", "=&", "?", "a.com.", "-->", "+90 5", "., "]
SUFFIXES = ["", "!"]
SMALL, FACTOR = 32, 16
DEADLINE = 120.0  # seconds for all texts of one pattern, in its own process


# Patterns used only through a scanner that keeps them linear: the scanner is timed instead.
GUARDED: dict[str, Callable[[str], object]] = {
    "checks.masks._BARE": masks._bare_matches,
    "checks.text.counting._url_pattern()": counting._url_matches,
}


# Patterns used only anchored (``match`` at a position), never searched: timed with fullmatch.
ANCHORED = {"checks.text.counting._domain_name_tld()", "checks.yazim.dada._NEXT_WORD", "checks.engine._DAY"}


def _patterns_of(module: Any) -> Iterator[tuple[str, Any]]:
    for name, value in vars(module).items():
        if isinstance(value, (re.Pattern, regex.Pattern)):
            yield name, value
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, (re.Pattern, regex.Pattern)):
                    yield f"{name}[{key!r}]", item
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                if isinstance(item, (re.Pattern, regex.Pattern)):
                    yield f"{name}[{i}]", item
        elif (inspect.isfunction(getattr(value, "__wrapped__", None)) and hasattr(value, "cache_info")
              and not inspect.signature(value).parameters
              and "Pattern" in str(inspect.signature(value).return_annotation)):
            yield f"{name}()", value()


@functools.cache
def all_patterns() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for info in pkgutil.walk_packages(checks.__path__, "checks."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, pattern in _patterns_of(module):
            found[f"{info.name}.{name}"] = pattern
    from checks.brand.loader import load_brand

    matcher = load_brand(ROOT / "brand").matcher
    if matcher is not None:
        found["brand matcher"] = matcher._regex
    for name, scanner in GUARDED.items():
        found[name] = scanner
    for name in ANCHORED & set(found):
        found[name] = _Anchored(found[name])
    return found


class _Anchored:
    def __init__(self, pattern: Any) -> None:
        self.fullmatch = pattern.fullmatch
        self.pattern = pattern.pattern


def _best(call: Callable[[], object], repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` calls (CPU time: waiting for a busy CPU does not count)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.thread_time()
        call()
        best = min(best, time.thread_time() - start)
    return best


def _ops(pattern: Any, text: Any) -> list[Callable[[], object]]:
    if callable(pattern):  # a scanner used instead of the pattern's own finditer
        return [lambda: list(pattern(text))]
    if isinstance(pattern, _Anchored):
        return [lambda: pattern.fullmatch(text)]
    return [lambda: list(pattern.finditer(text)), lambda: pattern.fullmatch(text)]


def _ratio(pattern: Any, prefix: str, pump: str, suffix: str, op: int, repeat: int) -> tuple[float, float]:
    """(time at SMALL, time at SMALL * FACTOR), each the best of ``repeat`` runs taken in turn,
    so that both see the same load."""
    small_text, large_text = (prefix + pump * n + suffix for n in (SMALL, SMALL * FACTOR))
    if isinstance(getattr(pattern, "pattern", ""), bytes):  # a pattern over bytes
        small_text, large_text = (t.encode("utf-8") for t in (small_text, large_text))  # type: ignore[assignment]
    small_op, large_op = _ops(pattern, small_text)[op], _ops(pattern, large_text)[op]
    small = large = float("inf")
    for _ in range(repeat):
        small, large = min(small, _best(small_op, 1)), min(large, _best(large_op, 1))
    return small, large


def super_linear(pattern: Any) -> list[str]:
    """The texts on which ``pattern`` grows faster than linearly, with the growth measured."""
    bad = []
    for prefix in PREFIXES:
        for pump in PUMPS:
            for suffix in SUFFIXES:
                for op in range(len(_ops(pattern, b"" if isinstance(getattr(pattern, "pattern", ""), bytes) else ""))):
                    small, large = _ratio(pattern, prefix, pump, suffix, op, 1)
                    if large < 2e-4 or large < small * FACTOR * 3:
                        continue
                    # Look again, more often: only a ratio that holds every time is an error
                    # (a quadratic pattern gives 100-1000 here, a linear one about 16).
                    for _ in range(3):
                        small, large = _ratio(pattern, prefix, pump, suffix, op, 7)
                        if large < 2e-4 or large < small * FACTOR * 3:
                            break
                    else:
                        what = "fullmatch" if op == 1 or isinstance(pattern, _Anchored) else "finditer"
                        bad.append(f"{what} on {prefix!r} + {pump!r}*n + {suffix!r}: x{large / small:.0f} "
                                   f"for x{FACTOR} length")
                        if len(bad) >= 3:
                            return bad
    return bad


def _child(pattern: Any, conn: Any) -> None:
    conn.send(super_linear(pattern))
    conn.close()


def test_patterns_are_collected() -> None:
    names = all_patterns()
    assert "checks.text.counting._SIMPLE_URL" in names
    assert "checks.text.counting._url_pattern()" in names  # built on first use
    assert "checks.masks._LINK" in names
    assert "brand matcher" in names
    assert len(names) > 60


@pytest.mark.parametrize("name", sorted(all_patterns()))
def test_pattern_is_linear(name: str) -> None:
    pattern = all_patterns()[name]
    mp = multiprocessing.get_context("fork")
    receive, send = mp.Pipe(duplex=False)
    proc = mp.Process(target=_child, args=(pattern, send), daemon=True)
    proc.start()
    send.close()
    try:
        if not receive.poll(DEADLINE):
            pytest.fail(f"{name} did not finish its adversarial texts in {DEADLINE:.0f} s: it backtracks "
                        "exponentially")
        bad = receive.recv()
    finally:
        proc.kill()
        proc.join()
    assert not bad, f"{name} grows faster than linearly:\n" + "\n".join(bad)


def test_the_issue_url_counts_at_once() -> None:
    """The issue's post: a long URL path ending in punctuation, on X and Mastodon."""
    from checks.text.counting import find_urls, length

    for n in (40, 4000):  # before the fix, n=40 took days
        url = "https://ornek.com.tr/" + "a" * n + "!"
        assert find_urls(url) == [(0, len(url) - 1)]
        assert length(url, "x") == 24
        assert length(url, "graphemes", url_length=23) == 24


@pytest.mark.parametrize(("scanner", "pattern", "alphabet"), [
    (counting._url_matches, counting._url_pattern(),
     [*"aZ9.-_/()!:é h", "ornek.com", "x.co/", "https://", "www.", "t.co/", "com", ".tr", "xn--", "..", "a_b"]),
    (masks._bare_matches, masks._BARE, [*"aZ9.-_/ !", "ornek", ".com", ".tr", "..", "a-b", "A.b"]),
])
def test_scanners_find_what_finditer_finds(scanner: Callable[[str], Any], pattern: Any, alphabet: list[str]) -> None:
    """The linear scanners skip only starts that cannot match: on random texts they find exactly
    the matches of the pattern's own ``finditer``."""
    import random

    rng = random.Random(11)
    for _ in range(20_000):
        text = " " + "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
        assert [m.span() for m in scanner(text)] == [m.span() for m in pattern.finditer(text)], text
