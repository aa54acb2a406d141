"""``pii`` (error, info): personal data in the published text (KVKK, the Turkish data protection law 6698).

Error-level findings for what ``checks.personal`` calls personal data (its docstring lists
what counts: valid T.C. kimlik numbers, valid TR IBANs, Turkish phone numbers, people's e-mail
addresses; brand.yml ``pii.allow`` and the brand's role mailboxes excepted). Numbers and
addresses are looked for in ``post.masked``: never inside URLs, @mentions, code or HTML
comments. A finding never repeats the value: its message and its ``match`` show it masked
(``checks.personal.mask``), in every report format. A post with ``pii_consent: <reference>``
in its front matter (a non-empty string: where the person's explicit consent is filed) gets
its findings at info level, still masked.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checks import personal
from checks.finding import Finding, Level
from checks.findings import body_finding
from checks.i18n import _
from checks.personal import iban_valid, phone_kind, tckn_valid

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

IDS = ("pii",)
__all__ = ["IDS", "check", "iban_valid", "phone_kind", "tckn_valid"]


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    masked = post.masked
    emails = post.spans("email")
    numbers = personal.HINT.search(masked) is not None
    if not emails and not numbers:
        return
    consent = post.front.get("pii_consent")
    consent = consent.strip() if isinstance(consent, str) else ""
    level: Level = "info" if consent else "error"
    rules = personal.policy(ctx.brand)
    items = list(personal.find_numbers(masked, rules)) if numbers else []
    if emails:
        items += personal.find_addresses(post.body, emails, rules)
    for item in items:
        shown = personal.mask(item.value)
        kind = _(personal.KIND_TEXT[item.kind])
        if consent:
            message = _("The text holds {kind} ({shown}). Explicit consent record: {consent}.").format(
                kind=kind, shown=shown, consent=consent)
        else:
            message = _("The text holds {kind} ({shown}). It is personal data (KVKK): do not publish it, or "
                        "get the person's explicit consent and write `pii_consent: <consent record>` in the "
                        "front matter.").format(kind=kind, shown=shown)
        yield body_finding(post, "pii", level, message,item.start, item.end, match=shown)
