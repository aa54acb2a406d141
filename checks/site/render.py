"""A post's text as HTML, the way the preview page shows it.

The text (``Post.text``: the body without HTML comments) is rendered as Markdown with line
breaks kept (``nl2br``), because that is how the platforms show a post. A post is written by
the team but rendered into a site everyone opens, so it is treated as untrusted:

* raw HTML is escaped, never passed through: the ``html_block`` preprocessor and the ``html``
  inline pattern are removed, which is how Python-Markdown's documentation says to escape raw
  HTML since ``safe_mode`` was dropped; ``<script>`` shows as the characters ``<script>``;
* a link keeps its ``href`` only for ``http:``, ``https:`` and ``mailto:``; any other target
  (``javascript:``, ``data:``, relative paths) turns the link into its text;
* images are not loaded (a post's Markdown image is not what the platform shows, and an
  outside ``src`` would be fetched by every reader): an image becomes its alt text;
* a hashtag at the start of a line stays a hashtag (Python-Markdown would make
  ``#YeniSezon`` a heading), and bare ``http(s)://`` URLs become links, as on the platforms.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from checks.i18n import _

SAFE_SCHEMES = ("http://", "https://", "mailto:")
_LINE_HASHTAG = re.compile(r"^([ \t]{0,3})#(?=[^\s#])", re.M)
_BARE_URL = r"\bhttps?://[^\s<>\[\]`]+"
_URL_TRAILING = ".,;:!?'\")]}*_"


class _BareUrl(InlineProcessor):
    # types-Markdown declares InlineProcessor.handleMatch with the two-argument signature that
    # Markdown's own API gives it, itself as an override-ignore of Pattern.handleMatch(m).
    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # type: ignore[override]
        url = m.group(0).rstrip(_URL_TRAILING)
        el = etree.Element("a", {"href": url})
        el.text = markdown.util.AtomicString(url)
        return el, m.start(0), m.start(0) + len(url)


class _SafeLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for i, child in enumerate(list(parent)):
                if child.tag == "a":
                    href = (child.get("href") or "").strip()
                    if not href.lower().startswith(SAFE_SCHEMES) or any(ord(c) < 32 for c in href):
                        child.tag = "span"
                        child.attrib.clear()
                    else:
                        child.set("rel", "nofollow noopener")
                elif child.tag == "img":
                    span = etree.Element("span", {"class": "ekip-gorsel"})
                    span.text = _("[image: {alt}]").format(alt=child.get("alt") or "")
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(i, span)


class _SafePost(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(_BareUrl(_BARE_URL, md), "ekip_bare_url", 175)
        md.treeprocessors.register(_SafeLinks(md), "ekip_safe_links", 1)


_MD: markdown.Markdown | None = None


def post_html(text: str) -> str:
    """Safe HTML for a post's published text (see the module docstring)."""
    global _MD
    if _MD is None:  # one converter for all posts: building one costs more than a short post
        _MD = markdown.Markdown(extensions=["nl2br", "sane_lists", _SafePost()], output_format="html")
    return _MD.reset().convert(_LINE_HASHTAG.sub(r"\1\\#", text))
