"""The post templates among the hand-written pages (``playbooks/``): MkDocs renders them as
they are written, so the rules that hold for the generated previews are applied here.

A page is a post template when its file starts with front matter and reads as a post
(``checks.post.read_post``), as ``ekip check`` takes it. Then:

* an ``embargo`` later than now (or not a valid time) hides it: the page holds only a
  placeholder (``EMBARGOED_TITLE`` and one sentence), its title is the placeholder too and the
  search index leaves it out (Material's ``search: {exclude: true}``). The page itself stays,
  so that the navigation and the handbook's links to it still resolve under ``--strict``;
* personal data (``checks.personal``) in its text and title is masked, unless it has
  ``pii_consent`` (then its own text shows, as a preview would show it).

Any other page is left as written: the handbook may hold the team's own contact numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from checks import personal
from checks.engine import starts_with_front_matter
from checks.i18n import N_, _
from checks.ical import is_embargoed
from checks.post import read_post

if TYPE_CHECKING:
    from checks.brand.model import Brand

EMBARGOED_TITLE = N_("Embargoed template")
EMBARGOED_TEXT = N_("This template is under embargo: it is published when the embargo ends.")


@dataclass(frozen=True)
class Published:
    """What a template page may show: its Markdown and the meta MkDocs renders it with."""

    markdown: str
    meta: dict[str, Any]


def publish(path: str, markdown: str, meta: Mapping[str, Any], brand: Brand, now: datetime) -> Published | None:
    """The page at ``path`` (its file) as the site may show it, or None when it is not a post
    template (then it is published as written)."""
    try:
        if not starts_with_front_matter(path):
            return None
    except OSError:
        return None
    post = read_post(path)
    if not post.readable:
        return None
    if is_embargoed(post, brand, now):
        return Published(f"# {_(EMBARGOED_TITLE)}\n\n{_(EMBARGOED_TEXT)}\n",
                         {"title": _(EMBARGOED_TITLE), "search": {"exclude": True}})
    rules = personal.policy(brand)
    shown = personal.redact_value(dict(meta), rules)
    consent = post.front.get("pii_consent")
    if isinstance(consent, str) and consent.strip():
        return Published(markdown, shown)
    return Published(personal.redact(markdown, rules, "\\*"), shown)
