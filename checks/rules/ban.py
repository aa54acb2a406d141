"""``ban``: words and patterns the brand never uses.

```yaml
- id: banned-words
  kind: ban
  terms: [ucuz, bedava]          # whole words, Turkish-aware, suffixes included (ucuza, ucuzluk)
  patterns: ['\\bşok\\s+fiyat\\w*']  # regexes on the text as written, case-sensitive unless (?i)
```
FAIL: ``Ucuza kapatın!``  PASS: ``Uygun fiyatlı seçenekler``
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

from checks.finding import Finding
from checks.i18n import N_, _
from checks.rules.base import Header, Rule, finditer_spans, render
from checks.text.matcher import Hit, TermEntry
from checks.text.segments import Segment

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

KIND = "ban"
DEFAULT_LEVEL = "error"
DEFAULT_MESSAGE = N_("'{match}' does not fit our brand voice.")
PROPERTIES: dict[str, Any] = {
    "terms": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "patterns": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "inflect": {"type": "boolean"},
}
REQUIRED: list[str] = []
ANY_OF = [["terms"], ["patterns"]]


@dataclass(eq=False)
class Ban(Rule):
    patterns: list[Any] = field(default_factory=list)

    def on_hit(self, post: Post, hit: Hit, segment: Segment, ctx: Context) -> Finding | None:
        start, end = segment.to_body(hit.start), segment.to_body(hit.end)
        return self.finding(post, start, end, render(self.header.text(), {"match": post.body[start:end]}))

    def has_check(self) -> bool:
        return bool(self.patterns)

    def check(self, post: Post, ctx: Context) -> Iterator[Finding]:
        if not self.patterns:
            return
        masked = post.masked
        for pattern in self.patterns:
            for start, end, text in finditer_spans(pattern, masked, self):
                yield self.finding(post, start, end, render(self.header.text(), {"match": text}))

    def describe(self) -> str:
        parts = [", ".join(e.term for e in self.entries)]
        if self.patterns:
            parts.append(_("patterns: {patterns}").format(patterns=", ".join(p.pattern for p in self.patterns)))
        return "; ".join(p for p in parts if p)


def compile_pattern(source: str) -> Any:
    """Compile a brand regex (Python syntax; the ``regex`` module adds \\p{...} classes)."""
    return regex.compile(source, regex.V0)


def build(header: Header, spec: dict[str, Any]) -> Rule:
    inflect = spec.get("inflect", True)
    rule = Ban(header, patterns=[compile_pattern(p) for p in spec.get("patterns", [])])
    rule.entries = [TermEntry(t, rule, inflect=inflect) for t in spec.get("terms", [])]
    return rule
