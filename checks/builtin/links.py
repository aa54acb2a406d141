"""Links in the text (``post.urls``: with a scheme, ``www.``, or a bare domain such as
``ornek.com.tr/kampanya``; never inside code or comments).

* ``links.https`` (warning): a plain ``http://`` link; suggests the ``https://`` form.
* ``links.utm`` (warning): a link to one of brand.yml ``utm_domains`` (or a subdomain of one)
  without a non-empty ``utm_source``, ``utm_medium`` and ``utm_campaign`` in its query.
* ``links.count`` (error): more links than a target platform's ``max_links`` (Threads: 5); points
  at the first link over the limit. The contract lists the limit in the platform table without an id.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from checks.builtin.platform import targets
from checks.finding import Finding
from checks.findings import body_finding
from checks.hosts import brand_domains
from checks.i18n import _

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

IDS = ("links.https", "links.utm", "links.count")

UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign")


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    urls = post.urls
    if not urls:
        return
    domains = brand_domains(ctx.brand.utm_domains)
    for s, e, url in urls:
        if url[:7].lower() == "http://":
            suggestion = "https://" + url[7:]
            yield body_finding(post, "links.https", "warning",
                               _("Unencrypted link (http): '{url}'. Use '{suggestion}'.").format(
                                        url=url, suggestion=suggestion),s, e, suggestions=[suggestion])
        if domains:
            missing = missing_utm(url, domains)
            if missing:
                yield body_finding(
                    post, "links.utm", "warning",
                    _("The link to the brand's site lacks {missing}; add the {keys} parameters to measure "
                      "the campaign.").format(missing=", ".join(missing), keys=", ".join(UTM_KEYS)), s, e)
    for _idx, p in targets(post, ctx):
        if p.max_links is not None and len(urls) > p.max_links:
            s, e, url = urls[p.max_links]
            yield body_finding(
                post, "links.count", "error",
                _("{platform} accepts at most {limit} links in a post; this post has {n}. "
                  "'{url}' and the ones after it are too many.").format(
                    platform=p.name, limit=p.max_links, n=len(urls), url=url), s, e)


def host_of(url: str) -> tuple[str, str] | None:
    """(host, query) of a link as written, with or without a scheme; None when it does not parse."""
    candidate = url if "://" in url[:12] else "https://" + url
    try:
        parts = urlsplit(candidate)
        host = parts.hostname or ""
    except ValueError:
        return None
    return host.lower().rstrip("."), parts.query


def missing_utm(url: str, domains: list[str]) -> list[str]:
    """UTM keys the link lacks when it points at one of ``domains``; [] otherwise."""
    parsed = host_of(url)
    if parsed is None:
        return []
    host, query = parsed
    if not any(host == d or host.endswith("." + d) for d in domains):
        return []
    params = parse_qs(query, keep_blank_values=True)
    return [k for k in UTM_KEYS if not any(v.strip() for v in params.get(k, []))]
