"""``prefer``: a word the brand replaces with another; fixable with ``--fix``.

```yaml
- id: preferred-terms
  kind: prefer
  swap: {online: çevrim içi, feedback: geri bildirim}
```
FAIL: ``Online mağazamız açıldı`` (suggests ``Çevrim içi``)  PASS: ``Çevrim içi mağazamız açıldı``

On an inflected word the suffixes are carried over to the replacement and spelled for it
(``checks.text.reinflect``): its own vowel harmony, buffer letters and stem changes, and an
apostrophe only after a proper noun: ``story'lerimiz`` → ``hikâyelerimiz``, ``mail'inizi`` →
``e-postanızı``, ``online'dan`` → ``çevrim içinden``. ``--fix`` rewrites what is certain (outside
hashtags): a bare word, or suffixes with one reading (``mail'i`` may be ``e-postası`` or
``e-postayı``; a derivation such as ``-lIk`` may not suit the new word): those are reported with
every suggestion and left to the writer. In posts of other languages the suffix stays as written
(``feedbacks`` → ``geri bildirims`` is not attempted: the suggestion is the bare replacement plus
the ending, and not fixed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checks.finding import Finding, Fix
from checks.i18n import N_
from checks.rules.base import Header, Rule, render
from checks.text import reinflect, turkish
from checks.text.matcher import Hit, TermEntry
from checks.text.segments import Segment

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

KIND = "prefer"
DEFAULT_LEVEL = "warning"
DEFAULT_MESSAGE = N_("Write '{suggestion}' instead of '{match}'.")
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
        written = body[start:stem_end]
        certain = not cont
        spelled: list[str] = []
        if cont and lang in ("tr", "az"):
            spelled, certain = reinflect.suggestions(entry.folded_for(lang), turkish.fold(cont, lang), replacement)
        if not spelled:
            spelled = [replacement + cont]
        suggestions = [turkish.capitalize_like(s, written, lang) for s in spelled]
        fix = None
        if certain and not segment.hashtag and segment.contiguous(hit.start, hit.end):
            fix = Fix(post.body_start + start, post.body_start + end, suggestions[0])
        message = render(self.header.text(), {"match": body[start:end], "suggestion": " / ".join(suggestions)})
        return self.finding(post, start, end, message, suggestions=suggestions, fix=fix)

    def describe(self) -> str:
        return ", ".join(f"{e.term} → {e.value}" for e in self.entries)


def build(header: Header, spec: dict[str, Any]) -> Rule:
    inflect = spec.get("inflect", True)
    rule = Prefer(header)
    rule.entries = [TermEntry(term, rule, value, inflect=inflect) for term, value in spec["swap"].items()]
    return rule
