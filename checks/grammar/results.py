"""LanguageTool matches -> cached entries -> findings.

An entry is what the cache keeps for one match: body offsets in code points, rule, category,
message and the first five replacements. Filters run after the cache, so a change of the
brand vocabulary or of the disabled rules takes effect without asking the server again.

Levels: style and typography suggestions (categories in ``INFO_CATEGORIES``) are ``info``;
everything else (spelling, grammar, punctuation, confused words, casing...) is ``warning``.
LanguageTool never makes an ``error``: its false alarms must not block a commit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from checks.findings import body_finding
from checks.text.turkish import fold_loose

if TYPE_CHECKING:
    from checks.finding import Finding, Level
    from checks.post import Post

MAX_SUGGESTIONS = 5
INFO_CATEGORIES = frozenset({
    "STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "REPETITIONS_STYLE", "TYPOGRAPHY", "CREATIVE_WRITING",
    "TEXT_ANALYSIS", "WIKIPEDIA",
})
SPELLING_CATEGORIES = frozenset({"TYPOS"})
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s?$")


def entries(answer: dict[str, Any], to_code_points: Callable[[int], int]) -> list[dict[str, Any]]:
    """The cacheable form of a /v2/check answer, offsets converted to code points."""
    out: list[dict[str, Any]] = []
    for m in answer.get("matches") or []:
        try:
            offset, length = int(m["offset"]), int(m["length"])
        except (KeyError, TypeError, ValueError):
            continue
        rule = r if isinstance(r := m.get("rule"), dict) else {}
        category = c if isinstance(c := rule.get("category"), dict) else {}
        replacements = [
            str(r["value"]) for r in (m.get("replacements") or [])[:MAX_SUGGESTIONS]
            if isinstance(r, dict) and "value" in r
        ]
        out.append({
            "start": to_code_points(offset),
            "end": to_code_points(offset + length),
            "rule": str(rule.get("id") or "UNKNOWN"),
            "category": str(category.get("id") or ""),
            "issue": str(rule.get("issueType") or ""),
            "message": str(m.get("message") or m.get("shortMessage") or "LanguageTool finding"),
            "replacements": replacements,
        })
    return out


def level_of(entry: dict[str, Any]) -> Level:
    return "info" if entry.get("category") in INFO_CATEGORIES or entry.get("issue") == "style" else "warning"


def is_vocabulary(text: str, vocabulary: frozenset[str] | set[str]) -> bool:
    words = _WORD.findall(_POSSESSIVE.sub("", text.strip()))
    return bool(words) and all(fold_loose(w) in vocabulary for w in words)


class _Spans:
    """Disjoint spans; ``overlaps(start, end)`` in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        end = max(end, start + 1)
        i = bisect_right(self.starts, end - 1) - 1  # the last span starting before ``end``
        return i >= 0 and self.spans[i][1] > start


def findings(post: Post, found: list[dict[str, Any]], markup: list[tuple[int, int]],
             disabled: frozenset[str], vocabulary: frozenset[str] | set[str]) -> list[Finding]:
    """Findings for one post. Dropped: disabled rules; matches touching text LanguageTool did
    not read (markup); spelling matches on hashtags or on brand vocabulary."""
    body = post.body
    hidden = _Spans(markup)
    hashtags = _Spans(post.spans("hashtag"))
    out: list[Finding] = []
    for entry in found:
        try:
            start, end, rule = int(entry["start"]), int(entry["end"]), str(entry["rule"])
        except (KeyError, TypeError, ValueError):
            continue
        if rule in disabled or not 0 <= start <= len(body) or hidden.overlaps(start, end):
            continue
        spelling = entry.get("category") in SPELLING_CATEGORIES or entry.get("issue") == "misspelling"
        if spelling and (hashtags.overlaps(start, end) or is_vocabulary(body[start:end], vocabulary)):
            continue
        out.append(body_finding(
            post, f"grammar.{rule}", level_of(entry), str(entry.get("message") or rule), start,
            min(max(end, start + 1), len(body)), suggestions=list(entry.get("replacements") or [])[:MAX_SUGGESTIONS],
        ))
    return out
