"""``casing``: brand and product names written the one right way; fixable with ``--fix``.

```yaml
- id: brand-names
  kind: casing
  names: [LinkedIn, TikTok, YouTube, Instagram, Türk Telekom]
```
FAIL: ``instagram'da bizi takip edin`` (suggests ``Instagram'da``)  PASS: ``Instagram'da bizi takip edin``

Dotted and dotless i fold together here, so ``INSTAGRAM``, ``instagram`` and ``İnstagram`` all
hit ``Instagram``. The suffix is kept as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checks.finding import Finding, Fix
from checks.i18n import N_
from checks.rules.base import Header, Rule, render
from checks.text import turkish
from checks.text.matcher import Hit, TermEntry
from checks.text.segments import Segment

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

KIND = "casing"
DEFAULT_LEVEL = "warning"
DEFAULT_MESSAGE = N_("Write '{suggestion}', not '{match}'.")
PROPERTIES: dict[str, Any] = {
    "names": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
    "inflect": {"type": "boolean"},
}
REQUIRED = ["names"]


@dataclass(eq=False)
class Casing(Rule):
    def on_hit(self, post: Post, hit: Hit, segment: Segment, ctx: Context) -> Finding | None:
        name = hit.entry.value
        if segment.text[hit.start:hit.stem_end] == name:
            return None
        body = post.body
        start, stem_end, end = segment.to_body(hit.start), segment.to_body(hit.stem_end), segment.to_body(hit.end)
        stem, cont = body[start:stem_end], body[stem_end:end]
        letters = [c for c in stem + cont if c.isalpha()]
        if cont and all(c.isupper() for c in letters):
            cont = turkish.fold(cont, post.lang)  # INSTAGRAM'DA -> Instagram'da
        suggestion = name + cont
        fix = None
        if segment.contiguous(hit.start, hit.end):
            fix = Fix(post.body_start + start, post.body_start + end, suggestion)
        message = render(self.header.text(), {"match": body[start:end], "suggestion": suggestion})
        return self.finding(post, start, end, message, suggestions=[suggestion], fix=fix)

    def describe(self) -> str:
        return ", ".join(e.value for e in self.entries)


def build(header: Header, spec: dict[str, Any]) -> Rule:
    inflect = spec.get("inflect", True)
    rule = Casing(header)
    rule.entries = [TermEntry(name, rule, name, inflect=inflect, loose=True) for name in spec["names"]]
    return rule
