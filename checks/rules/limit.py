"""``limit``: at most (or at least) so many of something, in the post or in each sentence.

```yaml
- id: one-exclamation
  kind: limit
  count: '!'        # a literal, or :emoji: :hashtag: :mention: :url: :word: :sentence:
  max: 1            # and/or min
  scope: post       # post | sentence
```
FAIL: ``Harika! Yeni sezon!``  PASS: ``Yeni sezon geldi!``
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checks.finding import Finding
from checks.i18n import N_, _
from checks.rules.base import Header, Rule, render
from checks.text import tokens

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

KIND = "limit"
DEFAULT_LEVEL = "warning"
DEFAULT_MESSAGE = N_("{what}: there are {actual}; {bound}.")
CLASSES = (":emoji:", ":hashtag:", ":mention:", ":url:", ":word:", ":sentence:")
PROPERTIES: dict[str, Any] = {
    "count": {"type": "string", "minLength": 1},
    "max": {"type": "integer", "minimum": 0},
    "min": {"type": "integer", "minimum": 0},
    "scope": {"enum": ["post", "sentence"]},
}
REQUIRED = ["count"]
ANY_OF = [["max"], ["min"]]
_NAMES = {  # translated where shown
    ":emoji:": N_("Emoji"), ":hashtag:": N_("Hashtags"), ":mention:": N_("Mentions (@)"), ":url:": N_("Links"),
    ":word:": N_("Words"), ":sentence:": N_("Sentences"),
}


def _what(count: str, literal: str) -> str:
    name = _NAMES.get(count)
    return _(name) if name else literal


@dataclass(eq=False)
class Limit(Rule):
    count: str = "!"
    max: int | None = None
    min: int | None = None
    scope: str = "post"

    def _items(self, post: Post, lo: int, hi: int) -> list[tuple[int, int]]:
        """Spans (body offsets) of what is counted within ``lo:hi``."""
        c = self.count
        if c == ":hashtag:":
            spans = post.spans("hashtag")
        elif c == ":mention:":
            spans = post.spans("mention")
        elif c == ":url:":
            spans = post.spans("url")
        elif c == ":word:":
            spans = [m.span() for m in tokens.WORD.finditer(post.words_text, lo, hi)]
        elif c == ":sentence:":
            spans = tokens.sentences(post.masked)
        elif c == ":emoji:":
            spans = [m.span() for m in tokens.EMOJI.finditer(post.masked, lo, hi)]
        else:
            spans = [m.span() for m in re.finditer(re.escape(c), post.masked[lo:hi])]
            spans = [(s + lo, e + lo) for s, e in spans]
        return [(s, e) for s, e in spans if lo <= s and e <= hi]

    def check(self, post: Post, ctx: Context) -> Iterator[Finding]:
        masked = post.masked
        scopes = tokens.sentences(masked) if self.scope == "sentence" else [(0, len(masked))]
        what = _what(self.count, f"'{self.count}'")
        for lo, hi in scopes:
            items = self._items(post, lo, hi)
            n = len(items)
            if self.max is not None and n > self.max:
                s, e = items[self.max]
                bound = _("must be at most {max}").format(max=self.max)
            elif self.min is not None and n < self.min:
                s = lo if self.scope == "sentence" else post.text_start
                e = min(s + 1, len(masked)) if self.scope == "post" else hi
                bound = _("must be at least {min}").format(min=self.min)
            else:
                continue
            values = {"what": what, "actual": n, "bound": bound, "max": self.max, "min": self.min,
                      "count": self.count, "match": post.body[s:e]}
            yield self.finding(post, s, e, render(self.header.text(), values))

    def describe(self) -> str:
        sentence = self.scope == "sentence"
        if self.min is not None and self.max is not None:
            text = (_("{what}: at least {min} and at most {max} in each sentence") if sentence
                    else _("{what}: at least {min} and at most {max} in the post"))
        elif self.min is not None:
            text = _("{what}: at least {min} in each sentence") if sentence else _("{what}: at least {min} in the post")
        else:
            text = _("{what}: at most {max} in each sentence") if sentence else _("{what}: at most {max} in the post")
        return text.format(what=_what(self.count, repr(self.count)), min=self.min, max=self.max)


def build(header: Header, spec: dict[str, Any]) -> Rule:
    count = spec["count"]
    if len(count) > 2 and count.startswith(":") and count.endswith(":") and count not in CLASSES:
        raise ValueError(f"unknown count {count!r} (classes: {', '.join(CLASSES)}; anything else is a literal)")
    return Limit(header, count=spec["count"], max=spec.get("max"), min=spec.get("min"),
                 scope=spec.get("scope", "post"))
