"""``pattern``: a regular expression the text must not match.

```yaml
- id: shouting
  kind: pattern
  regex: '\\b[A-ZÇĞİÖŞÜ]{5,}\\b'
```
FAIL: ``BÜYÜK İNDİRİM başladı``  PASS: ``Büyük indirim başladı``

Matched on the text as written (URLs, code, comments and mentions excluded), case-sensitive
unless the regex says ``(?i)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checks.finding import Finding
from checks.i18n import N_, _
from checks.rules.ban import compile_pattern
from checks.rules.base import Header, Rule, finditer_spans, render

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

KIND = "pattern"
DEFAULT_LEVEL = "warning"
DEFAULT_MESSAGE = N_("'{match}' does not fit our brand voice.")
PROPERTIES: dict[str, Any] = {"regex": {"type": "string", "minLength": 1}}
REQUIRED = ["regex"]


@dataclass(eq=False)
class Pattern(Rule):
    regex: Any = None

    def check(self, post: Post, ctx: Context) -> Iterator[Finding]:
        for start, end, text in finditer_spans(self.regex, post.masked, self):
            yield self.finding(post, start, end, render(self.header.text(), {"match": text}))

    def describe(self) -> str:
        return _("pattern: {pattern}").format(pattern=self.regex.pattern)


def build(header: Header, spec: dict[str, Any]) -> Rule:
    return Pattern(header, regex=compile_pattern(spec["regex"]))
