"""``require``: a post that meets a condition must carry one of some terms, near its start.

```yaml
- id: disclosure
  kind: require
  when: {sponsored: true}        # front-matter keys and values that must all hold
  terms: ['#reklam', '#işbirliği']
  within: 125                    # optional: must start within the first N characters of the text
```
FAIL (sponsored): ``Yeni koleksiyon çok güzel #reklam`` past the first 125 characters.
PASS (sponsored): ``#reklam Yeni koleksiyon çok güzel``

``patterns`` (regexes on the published text as written, like a ``ban`` rule's) may stand
beside or instead of ``terms``: the post passes when any term or any pattern is found (within
``within``). A discount post must show the old price next to the new one:

```yaml
- id: indirim-eski-fiyat
  kind: require
  when: {discount: true}
  patterns: ['\\d[\\d.]*\\s?TL\\D{1,30}?\\d[\\d.]*\\s?TL']
```
FAIL (discount): ``Kabanlarda %40 indirim.``  PASS (discount): ``Kaban 2.999 TL yerine 1.799 TL.``

Terms are found by the one term matcher (``checks.text.matcher``) that ``ban``, ``prefer``,
``casing`` and sensitive topics use: a word term also counts in its Turkish forms (``iş birliği``
is met by ``iş birliğimiz``); a hashtag or other term that does not begin with a letter only as
written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checks.finding import Finding
from checks.i18n import N_, _
from checks.rules.ban import compile_pattern
from checks.rules.base import Header, Rule, render
from checks.text import turkish
from checks.text.matcher import TermEntry, TermMatcher

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

KIND = "require"
DEFAULT_LEVEL = "error"
DEFAULT_MESSAGE = N_("This post must hold one of these{where}: {terms}.")
PROPERTIES: dict[str, Any] = {
    "when": {"type": "object"},
    "terms": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
    "patterns": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
    "within": {"type": "integer", "minimum": 1},
}
REQUIRED: list[str] = []
ANY_OF = [["terms"], ["patterns"]]


def holds(when: dict[str, Any], front: dict[str, Any]) -> bool:
    """Every key of ``when`` has its value in the front matter (a list value: any of them)."""
    for key, want in when.items():
        have = front.get(key)
        if isinstance(want, list) and not isinstance(have, list):
            if have not in want:
                return False
        elif isinstance(have, list) and not isinstance(want, list):
            if want not in have:
                return False
        elif have != want:
            return False
    return True


@dataclass(eq=False)
class Require(Rule):
    when: dict[str, Any] = field(default_factory=dict)
    required: list[str] = field(default_factory=list)
    within: int | None = None
    regexes: list[Any] = field(default_factory=list)
    _matcher: TermMatcher | None = None

    def _first(self, text: str, lang: str) -> tuple[int, str] | None:
        """Where the first required term occurs in ``text``, and as what."""
        if self._matcher is None:
            self._matcher = TermMatcher([TermEntry(t, self, inflect=t[:1].isalpha()) for t in self.required])
        first = min(self._matcher.find(text, turkish.fold_loose(text), lang), key=lambda h: h.start, default=None)
        return (first.start, text[first.start:first.end]) if first else None

    def check(self, post: Post, ctx: Context) -> Iterator[Finding]:
        if not holds(self.when, post.front):
            return
        m = self._first(post.text, post.lang) if self.required else None
        if m and (self.within is None or m[0] < self.within):
            return
        for rx in self.regexes:
            found = rx.search(post.text)
            if found and (self.within is None or found.start() < self.within):
                return
        terms = ", ".join(self.required + [r.pattern for r in self.regexes])
        where = " " + _("in the first {n} characters").format(n=self.within) if self.within else ""
        message = render(self.header.text(), {"terms": terms, "within": self.within or "", "where": where,
                                               "match": m[1] if m else ""})
        start = post.text_start
        yield self.finding(post, start, start + 1, message)

    def describe(self) -> str:
        cond = ", ".join(f"{k}: {v}" for k, v in self.when.items())
        terms = ", ".join(self.required + [_("pattern {pattern}").format(pattern=r.pattern) for r in self.regexes])
        if cond and self.within:
            text = _("if {condition}: one of (in the first {n} characters): {terms}")
        elif cond:
            text = _("if {condition}: one of: {terms}")
        elif self.within:
            text = _("one of (in the first {n} characters): {terms}")
        else:
            text = _("one of: {terms}")
        return text.format(condition=cond, n=self.within, terms=terms)


def build(header: Header, spec: dict[str, Any]) -> Rule:
    return Require(header, when=dict(spec.get("when", {})), required=list(spec.get("terms", [])),
                   within=spec.get("within"), regexes=[compile_pattern(p) for p in spec.get("patterns", [])])
