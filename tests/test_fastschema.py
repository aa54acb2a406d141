"""The fast front-matter validator agrees with jsonschema on every input."""

from __future__ import annotations

import random
from typing import Any

from checks.brand.fastschema import PostValidator
from checks.brand.loader import default_post_schema
from checks.brand.validate import validator

POOL: list[Any] = [
    "x", "", "Yeni sezon", "a" * 201, "2026-12-01T10:00:00+03:00", "2026-12-01T10:00:00", "2026-13-01T10:00:00",
    "1 Aralık", "draft", "published", "yayinda", "ayse", "Ayşe", "tr", "tur", "yeni-sezon", "Yeni Sezon",
    True, False, 0, 1, 1.0, 2.5, None, [], ["x"], ["x", "x"], ["instagram", "x"], ["X"], [1],
    [{"path": "a.jpg", "alt": "b"}], [{"path": "a.jpg"}], [{"alt": "b"}], [{"path": "a", "extra": 1}],
    [{"by": "mehmet", "at": "2026-11-28T09:00:00+03:00"}], [{"by": "mehmet", "at": "dün"}],
    {}, {"a": 1},
]
KEYS = ["title", "date", "platforms", "status", "author", "lang", "campaign", "sponsored", "crisis", "topics",
        "media", "approvals", "embargo", "pii_consent", "correction", "tags", "platfroms"]


def test_agrees_with_jsonschema_on_random_front_matter() -> None:
    schema = default_post_schema()
    full = validator(schema)
    fast = PostValidator(schema)
    assert fast.fast
    rng = random.Random(7)
    valid = 0
    for _ in range(20000):
        data = {
            "title": "Başlık", "date": "2027-01-01T10:00:00+03:00", "platforms": ["x"], "status": "draft",
            "author": "ayse",
        }
        for _ in range(rng.randint(0, 3)):
            key = rng.choice(KEYS)
            if rng.random() < 0.15:
                data.pop(key, None)
            else:
                data[key] = rng.choice(POOL)
        expected = full.is_valid(data)
        assert fast.is_valid(data) == expected, data
        valid += expected
    assert 1000 < valid < 19000  # both outcomes were exercised


def test_falls_back_for_schemas_outside_the_simple_shape() -> None:
    schema = {"type": "object", "allOf": [{"required": ["title"]}]}
    fast = PostValidator(schema)
    assert not fast.fast
    assert not fast.is_valid({})
    assert fast.is_valid({"title": "x"})


def test_agrees_on_a_tightened_schema() -> None:
    schema = default_post_schema()
    schema["properties"]["platforms"]["items"] = {"enum": ["x", "instagram", 1]}
    schema["properties"]["platforms"]["maxItems"] = 2
    schema["properties"]["title"]["pattern"] = "^[A-ZÇĞİÖŞÜ]"
    schema["properties"]["count"] = {"type": ["integer", "null"], "minimum": 1, "maximum": 3}
    schema["properties"]["tags"] = {"type": "array", "uniqueItems": True, "items": {"const": "a"}}
    full = validator(schema)
    fast = PostValidator(schema)
    assert fast.fast
    rng = random.Random(11)
    pool = [*POOL, 2, 3, 4, 1.5, ["a", "a"], ["a"], [1, 1.0], ["instagram", 1], "Başlık", "başlık"]
    keys = [*KEYS, "count"]
    for _ in range(20000):
        data = {"title": "Başlık", "date": "2027-01-01T10:00:00+03:00", "platforms": ["x"], "status": "draft",
                "author": "ayse"}
        for _ in range(rng.randint(0, 3)):
            data[rng.choice(keys)] = rng.choice(pool)
        assert fast.is_valid(data) == full.is_valid(data), data


def test_mapping_keys_of_mixed_types_are_validated_not_a_traceback() -> None:
    """``approvals: [{by: mehmet, at: ...+0,3:00}]`` is YAML for a mapping with an int key (180):
    the validator's memo cannot sort such keys, so the value is checked without it."""
    schema = default_post_schema()
    fast = PostValidator(schema)
    front = {"title": "A", "date": "2027-03-01T10:00:00+03:00", "platforms": ["x"], "status": "draft",
             "author": "ayse", "approvals": [{"by": "mehmet", "at": "2027-01-01T00:00:00+0", 180: None}]}
    assert fast.is_valid(front) is False
    assert validator(schema).is_valid(front) is False
