"""What the generator hands to MkDocs: files with a docs-relative path, and where pages go."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

CALENDAR = "takvim/index.md"
GUIDE = "marka/index.md"
FEED = "takvim/ekip.ics"
STYLE = "assets/ekip.css"
PREVIEW_DIR = "takvim/gonderi"
MEDIA_DIR = "takvim/medya"  # the images of posts that have a preview, copied under a digest name
PREVIEW_TEMPLATE = "ekip-onizleme.html"  # registered by the plugin (checks.site.template)


def month_page(year: int, month: int) -> str:
    return f"takvim/{year:04d}/{month:02d}.md"


def media_path(key: str) -> str:
    """Docs path of the image at repository path ``key`` (``media/a.png``): a digest of the path
    (a file name can give a title away), the extension kept for the browser."""
    import hashlib

    ext = posixpath.splitext(key)[1].lower()
    return f"{MEDIA_DIR}/{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}{ext}"


def file_href(target: str, source: str, directory_urls: bool = True) -> str:
    """A relative link from the page at docs path ``source`` to the file at docs path ``target``."""
    here = page_url(source, directory_urls)
    base = here.rstrip("/") if here.endswith("/") or not here else posixpath.dirname(here)
    return posixpath.relpath(target, base or ".")


def page_url(path: str, directory_urls: bool = True) -> str:
    """The site URL (relative to the site root) of the page at docs path ``path``, as MkDocs
    makes it: ``takvim/2026/12.md`` is ``takvim/2026/12/`` (or ``takvim/2026/12.html`` without
    ``use_directory_urls``); ``takvim/index.md`` is ``takvim/`` (``takvim/index.html``)."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5] if directory_urls else f"{stem}.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


def href(target: str, source: str, directory_urls: bool = True) -> str:
    """A relative link from the page at docs path ``source`` to the page at ``target``, for
    HTML that MkDocs does not rewrite."""
    to, here = page_url(target, directory_urls), page_url(source, directory_urls)
    base = here.rstrip("/") if here.endswith("/") or not here else posixpath.dirname(here)
    rel = posixpath.relpath(to.rstrip("/") or ".", base or ".")
    return f"{rel}/" if to.endswith("/") or not to else rel


@dataclass(frozen=True, slots=True)
class SiteFile:
    """A generated file. ``path`` is relative to the docs folder (``takvim/2026/12.md``); a
    ``.md`` file is a page whose ``content`` is Markdown, anything else is copied as it is.
    ``in_nav`` pages go in the navigation under ``section`` (a tuple of section titles), with
    ``title``; the others are reachable by links only (post previews). A page with ``html``
    is written as that HTML (already escaped and safe), with ``title`` as its title and the
    preview template (``PREVIEW_TEMPLATE``); its ``content`` is empty: the plugin puts ``html``
    in place of the rendered Markdown (Markdown processing, front matter included, of
    thousands of previews would be a large part of the build). ``html_unindexed``
    follows ``html`` on the page but is added after the search index has read the page: it is
    not searchable, and parsing it for the index would cost as much as the rest of the page."""

    path: str
    content: str | bytes
    title: str
    in_nav: bool = False
    section: tuple[str, ...] = ()
    html: str | None = None
    html_unindexed: str = ""

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")
