"""Where a published post went (``posted: {platform: permalink or post id}``, written by hand
or by ``ekip metrics link``).

* ``posted`` (error, warning): a ``posted`` entry that does not fit the post.

- error: a platform the post is not for (``posted.instagram`` on a post for ``[x]``);
- error: a link to another site than the platform's (an ``x.com`` link under ``instagram``);
- warning: ``posted`` on a post whose status is neither ``published`` nor ``archived``.

The shape (a mapping of non-empty strings) is the schema's job. A value without ``://`` is
a post id and is not checked further. Hosts of platforms added in ``platforms.yml`` are not
known, so their links are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from checks.finding import Finding
from checks.findings import front_finding
from checks.i18n import _

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

IDS = ("posted",)
HOSTS = {
    "x": ("x.com", "twitter.com"), "instagram": ("instagram.com",), "facebook": ("facebook.com", "fb.com", "fb.watch"),
    "linkedin": ("linkedin.com", "lnkd.in"), "tiktok": ("tiktok.com",), "youtube": ("youtube.com", "youtu.be"),
    "threads": ("threads.net", "threads.com"), "bluesky": ("bsky.app",),
}
DONE = ("published", "archived")


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    posted = post.front.get("posted")
    if not isinstance(posted, dict) or not posted:
        return
    targets = set(post.platforms)
    for platform, value in posted.items():
        key = str(platform)
        if key not in targets:
            yield front_finding(post, "posted", "error",
                                _("'{key}' is not one of this post's platforms ({platforms}).").format(
                                         key=key, platforms=", ".join(post.platforms) or _("no platform")),
                                     ["posted", key], key=True,match=key)
            continue
        if isinstance(value, str) and "://" in value:
            host = (urlsplit(value.strip()).hostname or "").lower()
            allowed = HOSTS.get(key)
            if allowed and not any(host == h or host.endswith("." + h) for h in allowed):
                yield front_finding(post, "posted", "error",
                                    _("A '{host}' link is not for {key} (expected: {hosts}).").format(
                                             host=host, key=key, hosts=", ".join(allowed)),["posted", key], match=value)
    if post.status not in DONE:
        yield front_finding(post, "posted", "warning",
                            _("There is a link to the published post but the status is '{status}': if it "
                                   "was published, set the status to 'published'.").format(status=post.status),
                                 ["posted"], key=True)
