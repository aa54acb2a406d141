"""What every rule kind shares: id, level, message, language and platform scope, examples.

A kind is a module in this package with ``KIND`` (its name in rule files), ``PROPERTIES``
(JSON Schema of its own keys, validated centrally), ``REQUIRED`` and ``build(header, spec)``.
Rules that look for literal terms hand ``TermEntry`` objects to the brand's one matcher and
are told about hits through ``on_hit``; the others implement ``check``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from checks.errors import EkipError
from checks.finding import Finding, Fix, Level
from checks.findings import body_finding
from checks.i18n import _
from checks.text.matcher import Hit, TermEntry
from checks.text.segments import Segment

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

HEADER_PROPERTIES: dict[str, Any] = {
    "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_.-]*$"},
    "kind": {"type": "string"},
    "level": {"enum": ["error", "warning", "info"]},
    "message": {"type": "string", "minLength": 1},
    "lang": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]{2}$"}, "minItems": 1},
    "platforms": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    "examples": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "bad": {"type": "array", "items": {"type": "string"}},
            "good": {"type": "array", "items": {"type": "string"}},
        },
    },
}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=1024)
def _pieces(template: str) -> tuple[tuple[str, str], ...]:
    """A template as (literal text, placeholder name) pairs, parsed once."""
    out, pos = [], 0
    for m in _PLACEHOLDER.finditer(template):
        out.append((template[pos:m.start()], m[1]))
        pos = m.end()
    out.append((template[pos:], ""))
    return tuple(out)


def render(template: str, values: dict[str, object]) -> str:
    """Fill ``{name}`` placeholders; unknown names stay as written."""
    parts: list[str] = []
    for literal, name in _pieces(template):
        parts.append(literal)
        if name:
            parts.append(str(values[name]) if name in values else "{" + name + "}")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Header:
    id: str  # full id: <file stem>.<rule id>
    kind: str
    level: Level
    message: str
    lang: frozenset[str] | None
    platforms: frozenset[str] | None
    examples: dict[str, list[str]]
    origin: str  # file the rule came from
    line: int
    # The message is Ekip's own text (its kind's DEFAULT_MESSAGE, a built-in pack's message or a
    # sensitive topic's default): an English msgid, shown in the run's language. A message the
    # team wrote in its brand files is shown exactly as written.
    translated: bool = False

    def text(self) -> str:
        """The message template as the finding shows it (translated when it is Ekip's own)."""
        return _(self.message) if self.translated else self.message


@dataclass(eq=False)
class Rule:
    header: Header
    entries: list[TermEntry] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.header.id

    @property
    def level(self) -> Level:
        return self.header.level

    def applies(self, post: Post) -> bool:
        return self.applies_to(post.lang, post.platforms)

    def applies_to(self, lang: str, platforms: list[str]) -> bool:
        h = self.header
        if h.lang is not None and lang not in h.lang:
            return False
        return h.platforms is None or not h.platforms.isdisjoint(platforms)

    def has_check(self) -> bool:
        """Whether ``check`` can find anything (rules that only take matcher hits need no call)."""
        return type(self).check is not Rule.check

    def terms(self) -> list[TermEntry]:
        return self.entries

    def on_hit(self, post: Post, hit: Hit, segment: Segment, ctx: Context) -> Finding | None:  # pragma: no cover
        return None

    def check(self, post: Post, ctx: Context) -> Iterable[Finding]:
        return ()

    def describe(self) -> str:
        """One line for ``ekip rules list`` and the brand guide."""
        return ""

    def finding(self, post: Post, start: int, end: int, message: str, suggestions: list[str] | None = None,
                fix: Fix | None = None) -> Finding:
        """This rule's finding at body offsets ``start:end`` (a hit's, mapped with ``segment.to_body``)."""
        header = self.header
        return body_finding(post, header.id, header.level, message, start, end, suggestions=suggestions, fix=fix)


REGEX_TIMEOUT = 1.0  # seconds a brand regex may take on one post


def finditer_spans(
    pattern: re.Pattern[str] | Any, text: str, rule: Rule | None = None
) -> Iterator[tuple[int, int, str]]:
    """Spans of ``pattern``'s matches in ``text``. A brand regex (the ``regex`` module) runs
    with a time limit: one that backtracks catastrophically (``(a|a)+$``) would hold the run
    for ever, and a pull request can change the brand. A limit that trips stops the run (exit
    2) naming the rule and its file and line: the brand is at fault, and the same regex would
    trip on the next post too."""
    if rule is None or not isinstance(pattern, regex.Pattern):
        matches = pattern.finditer(text)
    else:
        matches = pattern.finditer(text, timeout=REGEX_TIMEOUT)
    try:
        for m in matches:
            if m.end() > m.start():
                yield m.start(), m.end(), m.group()
    except TimeoutError:
        assert rule is not None
        raise EkipError(
            _("rule '{rule}': the regex {pattern} took more than {seconds} s on one post (catastrophic "
              "backtracking); rewrite it").format(rule=rule.id, pattern=repr(pattern.pattern),
                                                  seconds=f"{REGEX_TIMEOUT:g}"),
            rule.header.origin, rule.header.line) from None
