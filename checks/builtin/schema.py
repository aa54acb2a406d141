"""``schema`` (error): the front matter fails ``post.schema.json`` (JSON Schema 2020-12, formats
checked) or names a platform id that the platform table does not know; each finding is at the
offending key's line and column."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checks.brand.validate import error_path
from checks.finding import Finding
from checks.findings import front_finding
from checks.i18n import _

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

IDS = ("schema",)


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    validator = ctx.brand.post_validator
    if not validator.is_valid(post.front):
        errors = sorted(validator.iter_errors(post.front), key=lambda e: list(map(str, e.absolute_path)))
        for error in errors:
            path, key, message = error_path(error)
            text = _("The front matter does not fit the schema: {error}").format(error=message)
            yield front_finding(post, "schema", "error", text, path, key=key)
    known = ctx.brand.platforms
    raw = post.front.get("platforms")
    if isinstance(raw, list):
        for i, pid in enumerate(raw):
            if isinstance(pid, str) and pid not in known:
                yield front_finding(
                    post, "schema", "error",
                    _("Unknown platform '{platform}'. Known ones: {known}.").format(
                        platform=pid, known=", ".join(sorted(known))),
                    ["platforms", i], match=pid,
                )
