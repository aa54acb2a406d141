"""``disclosure`` (error, warning): a paid partnership (``sponsored: true``) must say so at the start of its text.

The Advertising Board's guideline on commercial advertising by social media influencers
(Reklam Kurulu, "Sosyal Medya Etkileyicileri Tarafından Yapılan Ticari Reklam ve Haksız Ticari
Uygulamalar Hakkında Kılavuz", 2021) asks for the notice to be seen at first glance, at the start
of the post, not among other hashtags or behind "more". So one of brand.yml ``disclosure_tags``
(default ``#reklam``, ``#işbirliği``, ``#sponsor``) must open the published text: nothing but
spaces, punctuation and emoji may stand before it — no word, number, hashtag or @mention.
(Until 2026-11 any tag in the first 125 characters passed; "at the start" is the guide's
wording, and a caption cut after 125 characters still showed a tag that came after a sentence.)
English posts (``lang: en``) may use ``#ad`` or ``#sponsored`` too. Tags compare
case-insensitively (Turkish folding for Turkish posts) and as whole tags: ``#reklamlar`` is not
``#reklam``. The notice on the image or video itself, which the guide also asks for, cannot be
seen in the text; the handbook's checklist covers it.

* error: no disclosure tag at all (points at the text start), or one that does not open the
  text (points at the tag);
* warning: a tag that the US FTC calls unclear (``#sp``, ``#spon``, ``#partner``, ``#collab``) in a
  sponsored post without a clear one: followers may not read it as advertising.

Tags inside URLs, code and HTML comments do not count (comments are not published).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checks.finding import Finding
from checks.findings import body_finding
from checks.i18n import _
from checks.text import turkish

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

IDS = ("disclosure",)

_BEFORE_TAG = re.compile(r"[\w#@]")  # what may not come before the tag: a word, number, hashtag, mention
ENGLISH_TAGS = ("#ad", "#sponsored")
UNCLEAR_TAGS = ("#sp", "#spon", "#partner", "#collab")


def _pattern(terms: list[str], lang: str) -> re.Pattern[str]:
    alts = "|".join(re.escape(turkish.fold(t, lang)) for t in sorted(set(terms), key=len, reverse=True))
    return re.compile(r"(?<![\w#])(?:" + alts + r")(?![\w])")


def published_offset(post: Post, body_offset: int) -> int:
    """Offset in ``post.text`` of a body offset outside comments."""
    body = post.body
    removed = 0
    kept_parts = []
    pos = 0
    for s, e in post.spans("comment"):
        if s > pos:
            kept_parts.append(body[pos:s])
        if e <= body_offset:
            removed += e - s
        pos = max(pos, e)
    kept_parts.append(body[pos:])
    kept = "".join(kept_parts)
    lead = len(kept) - len(kept.lstrip())
    return body_offset - removed - lead


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    if post.front.get("sponsored") is not True:
        return
    lang = post.lang
    tags = [t for t in ctx.brand.disclosure_tags if isinstance(t, str) and t.strip()]
    if lang == "en":
        tags += [t for t in ENGLISH_TAGS if t not in tags]
    if not tags:
        return
    scan = turkish.fold(post.masked, lang)
    found = [m for m in _pattern(tags, lang).finditer(scan)]
    shown = ", ".join(tags)
    text = post.text
    for m in found:
        if not _BEFORE_TAG.search(text, 0, max(0, published_offset(post, m.start()))):
            return
    if found:
        m = found[0]
        where = published_offset(post, m.start()) + 1
        tag = post.body[m.start():m.end()]
        yield body_finding(
            post, "disclosure", "error",
            _("The ad label '{tag}' is at character {where} of the text; it must be at the very start, "
              "before every word and tag (Advertising Board, 2021 guide).").format(tag=tag, where=where),
            m.start(), m.end())
    else:
        start = post.text_start
        yield body_finding(
            post, "disclosure", "error",
            _("Sponsored post (sponsored: true): the text must start with one of: {tags} "
              "(Advertising Board, 2021 guide).").format(tags=shown), start, start + 1)
    unclear = [t for t in UNCLEAR_TAGS if turkish.fold(t, lang) not in {turkish.fold(x, lang) for x in tags}]
    for m in _pattern(unclear, lang).finditer(scan):
        tag = post.body[m.start():m.end()]
        yield body_finding(
            post, "disclosure", "warning",
            _("'{tag}' does not say clearly that this is an ad; followers may not understand. "
              "Use {tags} instead.").format(tag=tag, tags=shown),
            m.start(), m.end())
