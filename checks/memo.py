"""Bounded caches: what recurs across posts (hashtags, front-matter values, rule plans) is
remembered per process, and a cache that grows past its limit is emptied rather than left to
grow with the corpus (what recurs is soon stored again)."""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def remember(cache: dict[K, V], key: K, value: V, limit: int = 100_000) -> V:
    """Store ``value`` under ``key`` and return it, emptying ``cache`` first when it holds more
    than ``limit`` entries."""
    if len(cache) > limit:
        cache.clear()
    cache[key] = value
    return value
