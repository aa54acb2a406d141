"""The built-in platform table (docs/CONTRACT.md); ``brand/platforms.yml`` overrides it field by field."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Platform:
    id: str
    name: str
    max_length: int
    counting: str = "codepoints"  # x | codepoints | graphemes | utf16
    url_length: int | None = None  # every URL counts as this many, when set
    max_hashtags: int | None = None
    needs_media: bool = False
    max_alt_text: int | None = None
    max_links: int | None = None


BUILTIN: dict[str, Platform] = {
    p.id: p
    for p in (
        Platform("x", "X", 280, "x", 23, None, False, 1000),
        Platform("instagram", "Instagram", 2200, "codepoints", None, 5, True),
        Platform("threads", "Threads", 500, "codepoints", None, 1, False, None, 5),
        Platform("linkedin", "LinkedIn", 3000),
        Platform("facebook", "Facebook", 63206),
        Platform("bluesky", "Bluesky", 300, "graphemes", None, 8, False, 2000),
        Platform("mastodon", "Mastodon", 500, "graphemes", 23, None, False, 1500),
        Platform("tiktok", "TikTok", 2200, "utf16", None, None, True),
        Platform("youtube", "YouTube", 5000, "codepoints", None, None, True),
    )
}

FIELDS = {f.name for f in fields(Platform)} - {"id"}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string"},
        "max_length": {"type": "integer", "minimum": 1},
        "counting": {"enum": ["x", "codepoints", "graphemes", "utf16"]},
        "url_length": {"type": ["integer", "null"], "minimum": 1},
        "max_hashtags": {"type": ["integer", "null"], "minimum": 0},
        "needs_media": {"type": "boolean"},
        "max_alt_text": {"type": ["integer", "null"], "minimum": 1},
        "max_links": {"type": ["integer", "null"], "minimum": 0},
    },
}


def merge(overrides: dict[str, dict[str, Any]]) -> dict[str, Platform]:
    table = dict(BUILTIN)
    for pid, fields_ in overrides.items():
        base = table.get(pid) or Platform(pid, pid, fields_.get("max_length", 10_000))
        values = {f: getattr(base, f) for f in FIELDS} | dict(fields_)
        table[pid] = Platform(pid, **values)
    return table
