"""Bounded caches stay bounded and still answer."""

from __future__ import annotations

from checks.memo import remember


def test_a_full_cache_is_emptied_before_the_next_store() -> None:
    cache: dict[int, str] = {}
    for i in range(12):
        assert remember(cache, i, str(i), limit=5) == str(i)
        assert len(cache) <= 6 and cache[i] == str(i)
    assert cache == {6: "6", 7: "7", 8: "8", 9: "9", 10: "10", 11: "11"}
