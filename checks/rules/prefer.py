"""``prefer``: a word the brand replaces with another; fixable with ``--fix``.

```yaml
- id: preferred-terms
  kind: prefer
  swap: {online: çevrim içi, feedback: geri bildirim}
```
FAIL: ``Online mağazamız açıldı`` (suggests ``Çevrim içi``)  PASS: ``Çevrim içi mağazamız açıldı``

The suggestion keeps the suffix as written (``feedbackler`` → ``geri bildirimler``). ``--fix``
rewrites only what is certain: a word without a suffix outside hashtags, since a suffix may
need another vowel after the new word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checks.finding import Finding, Fix
from checks.rules.base import Header, Rule, render
from checks.text import turkish
from checks.text.matcher import Hit, TermEntry
from checks.text.segments import Segment

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

KIND = "prefer"
DEFAULT_LEVEL = "warning"
DEFAULT_MESSAGE = "'{match}' yerine '{suggestion}' yazın."
PROPERTIES: dict[str, Any] = {
    "swap": {
        "type": "object",
        "minProperties": 1,
        "additionalProperties": {"type": "string", "minLength": 1},
    },
    "inflect": {"type": "boolean"},
}
REQUIRED = ["swap"]


@dataclass(eq=False)
class Prefer(Rule):
    def on_hit(self, post: Post, hit: Hit, segment: Segment, ctx: Context) -> Finding | None:
        body = post.body
        to_body = segment.to_body
        start, stem_end, end = to_body(hit.start), to_body(hit.stem_end), to_body(hit.end)
        entry = hit.entry
        replacement = entry.value
        lang = post.lang
        # Already the preferred wording (the replacement may begin with the term itself).
        if turkish.fold(body[start:start + len(replacement)], lang) == entry.folded_value_for(lang):
            return None
        cont = body[stem_end:end]
        suggestion = turkish.capitalize_like(replacement, body[start:stem_end], lang) + cont
        fix = None
        if not cont and not segment.hashtag and segment.contiguous(hit.start, hit.end):
            fix = Fix(post.body_start + start, post.body_start + end, suggestion)
        message = render(self.header.message, {"match": body[start:end], "suggestion": suggestion})
        return self.finding(post, start, end, message, suggestions=[suggestion], fix=fix)

    def describe(self) -> str:
        return ", ".join(f"{e.term} → {e.value}" for e in self.entries)


def build(header: Header, spec: dict[str, Any]) -> Rule:
    inflect = spec.get("inflect", True)
    rule = Prefer(header)
    rule.entries = [TermEntry(term, rule, value, inflect=inflect) for term, value in spec["swap"].items()]
    return rule
