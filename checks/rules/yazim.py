"""``yazim``: a built-in Turkish writing check that a regular expression cannot express
(the ``tr-yazim`` pack uses it; a brand may too).

```yaml
- id: soru-eki-ayri
  kind: yazim
  check: soru-eki          # one of the checks below
  lang: [tr]
```
FAIL: ``Siparişim ulaştımı?`` (suggests ``ulaştı mı``)  PASS: ``Siparişim ulaştı mı?``

| check | finds (module in ``checks/yazim/``) |
| --- | --- |
| ``soru-eki`` | question particle written together: ``ulaştımı``, ``hazırmısınız`` (soru.py) |
| ``ki`` | conjunction ki written together: ``bilinki``, ``Umarızki`` (ki.py) |
| ``de-da`` | conjunction de/da written together: ``hafta sonuda``, ``ikiside``, ``anlatsada`` (dada.py) |
| ``de-da-te-ta`` | conjunction written as te/ta: ``paket te``, ``Kitap ta`` (dada.py) |
| ``de-da-zamir`` | ``bende``/``sende``/``bizde``/``sizde`` where the verb's person shows "too" (zamir.py) |
| ``kesme-eksik`` | no apostrophe after a proper name: ``İzmirdeki``, ``Ankaraya`` (kesme.py) |
| ``kesme-fazla`` | apostrophe after a common noun or before -lI, -CI…: ``Kargo'nuz``, ``İzmir'li`` (kesme.py) |

Each module's docstring says exactly what it flags and what it leaves alone. The text checked
is the post's text without URLs, code, comments, mentions and hashtags. Placeholders in
``message``: ``{match}`` (the word as written) and ``{suggestion}`` (the word written right).
The proper names of ``kesme-*`` include the brand's name, the names of its ``casing`` rules and
its team members' names.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checks.finding import Finding
from checks.i18n import N_, _
from checks.rules.base import Header, Rule, render
from checks.text import turkish

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.context import Context
    from checks.post import Post
    from checks.yazim import Hit, kesme

Finder = Callable[[str, str, Any], Iterator["Hit"]]

# check name -> (module in checks/yazim/, function). The modules compile their patterns when
# imported, so they are imported when a post is first checked, not when ekip starts.
CHECKS: dict[str, tuple[str, str]] = {
    "soru-eki": ("soru", "find"),
    "ki": ("ki", "find"),
    "de-da": ("dada", "find_glued"),
    "de-da-te-ta": ("dada", "find_hard"),
    "de-da-zamir": ("zamir", "find"),
    "kesme-eksik": ("kesme", "find_missing"),
    "kesme-fazla": ("kesme", "find_wrong"),
}


def finder(name: str) -> Finder:
    module, function = CHECKS[name]
    found: Finder = getattr(importlib.import_module(f"checks.yazim.{module}"), function)
    return found

KIND = "yazim"
DEFAULT_LEVEL = "warning"
DEFAULT_MESSAGE = N_("Spelling: '{suggestion}', not '{match}' (TDK).")
PROPERTIES: dict[str, Any] = {"check": {"enum": sorted(CHECKS)}}
REQUIRED = ["check"]

_NAMES: dict[int, tuple[Brand, kesme.Names]] = {}


def brand_names(brand: Brand) -> kesme.Names:
    """The proper names of ``kesme-*`` for this brand, worked out once per brand."""
    from checks.yazim import kesme

    cached = _NAMES.get(id(brand))
    if cached is not None and cached[0] is brand:
        return cached[1]
    extra = [brand.name] if brand.name else []
    for rule in brand.rules:
        if rule.header.kind == "casing":
            extra += [e.value for e in rule.entries if isinstance(e.value, str)]
    for member in brand.members.values():
        name = member.get("name") if isinstance(member, dict) else None
        if isinstance(name, str):
            extra += [name, *name.split()]
    names = kesme.build_names(extra)
    _NAMES.clear()
    _NAMES[id(brand)] = (brand, names)
    return names


_LAST_FOLD: tuple[str, str] = ("", "")


def _folded(text: str) -> str:
    """``text`` folded the Turkish way, once for all the checks of one post."""
    global _LAST_FOLD
    if _LAST_FOLD[0] is not text:
        _LAST_FOLD = (text, turkish.fold(text, "tr"))
    return _LAST_FOLD[1]


@dataclass(eq=False)
class Yazim(Rule):
    name: str = ""
    finder: Finder | None = None

    def check(self, post: Post, ctx: Context) -> Iterator[Finding]:
        if self.finder is None:
            self.finder = finder(self.name)
        text = post.words_text
        folded = _folded(text)
        names = brand_names(ctx.brand) if self.name.startswith("kesme") else None
        for hit in self.finder(text, folded, names):
            match = text[hit.start:hit.end]
            message = render(self.header.text(), {"match": match, "suggestion": hit.suggestion})
            yield self.finding(post, hit.start, hit.end, message, suggestions=[hit.suggestion])

    def describe(self) -> str:
        return _("spelling check: {name}").format(name=self.name)


def build(header: Header, spec: dict[str, Any]) -> Rule:
    name = spec["check"]
    if name not in CHECKS:
        raise ValueError(f"unknown check {name!r} (known: {', '.join(sorted(CHECKS))})")
    return Yazim(header, name=name)
