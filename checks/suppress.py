"""Inline suppression: ``<!-- ekip-disable RULE: reason -->`` … ``<!-- ekip-enable RULE -->``
and ``<!-- ekip-disable-next-line RULE: reason -->``. A rule may be a glob (``sensitive.*``);
a suppression without a reason still applies.

``suppression`` (warning): an ``ekip-disable`` comment without a reason.

An ``ekip-disable`` that is never re-enabled covers the rest of the body and the front matter
too: that is how a finding about the post as a whole (its date in a quiet period, its
approvals) is suppressed, since comments cannot go inside the front matter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase

from checks.finding import Finding
from checks.findings import finding_at
from checks.i18n import _
from checks.positions import position
from checks.post import Post

IDS = ("suppression",)

UNSUPPRESSIBLE = ("file.", "suppression")

_DIRECTIVE = re.compile(
    r"<!--\s*ekip-(disable-next-line|disable|enable)\b\s*([^:>]*?)\s*(?::\s*(.*?))?\s*-->", re.S
)


@dataclass(frozen=True, slots=True)
class Directive:
    """An ``ekip-disable``/``ekip-enable`` comment. ``start``/``end`` are file offsets."""

    kind: str  # disable | enable | disable-next-line
    rules: tuple[str, ...]
    reason: str
    start: int
    end: int


def directives_of(post: Post) -> list[Directive]:
    """The post's ``ekip-…`` comments, in order (parsed once; kept with the post's other caches)."""
    cached: list[Directive] | None = post._cache.get("directives")
    if cached is not None:
        return cached
    out: list[Directive] = []
    body = post.body
    b = post.body_start
    for s, e in post.spans("comment"):
        m = _DIRECTIVE.fullmatch(body, s, e)
        if m:
            rules = tuple(r for r in re.split(r"[\s,]+", m.group(2)) if r)
            out.append(Directive(m.group(1), rules, (m.group(3) or "").strip(), s + b, e + b))
    post._cache["directives"] = out
    return out


def _matches(rule: str, patterns: tuple[str, ...]) -> bool:
    return not patterns or any(rule == p or fnmatchcase(rule, p) for p in patterns)


def apply(post: Post, findings: list[Finding]) -> list[Finding]:
    """Drop suppressed findings; add a warning for each suppression without a reason."""
    directives = directives_of(post) if post.readable or post.source else []
    if not directives:
        return findings
    ranges: list[tuple[int, int, tuple[str, ...]]] = []  # line ranges, inclusive
    open_: list[tuple[int, tuple[str, ...]]] = []
    extra: list[Finding] = []
    last_line = position(post, len(post.source))[0]
    for d in directives:
        start_line = position(post, d.start)[0]
        end_line = position(post, d.end)[0]
        if d.kind != "enable" and not d.reason:
            extra.append(finding_at(
                post, "suppression", "warning",
                _("The suppression has no reason: write '<!-- ekip-{kind} {rules}: reason -->'.").format(
                    kind=d.kind, rules=" ".join(d.rules)),
                d.start, d.end, match=post.source[d.start:d.end]))
        if d.kind == "disable-next-line":
            ranges.append((end_line + 1, end_line + 1, d.rules))
        elif d.kind == "disable":
            open_.append((start_line, d.rules))
        else:
            still = []
            for line, rules in open_:
                closes = not d.rules or set(d.rules) & set(rules) or not rules
                if closes:
                    ranges.append((line, end_line, rules))
                else:
                    still.append((line, rules))
            open_ = still
    front_end = position(post, post.body_start)[0] - 1
    for line, rules in open_:
        ranges.append((line, last_line, rules))
        if front_end >= 1:
            ranges.append((1, front_end, rules))
    kept = [
        f for f in findings
        if f.rule.startswith(UNSUPPRESSIBLE)
        or not any(lo <= f.line <= hi and _matches(f.rule, rules) for lo, hi, rules in ranges)
    ]
    return kept + extra
