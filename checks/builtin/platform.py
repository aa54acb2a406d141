"""Platform limits of a post, for each platform it targets (``platforms:`` in the front matter).

* ``platform.length`` (error): the published text is longer than the platform allows, counted
  the platform's way (``checks.text.counting``: X weighted length, code points, grapheme
  clusters or UTF-16 code units; every URL counted as ``url_length`` where the platform says so).
  The finding starts at the first character beyond the limit and runs to the end of the text.
* ``platform.hashtags`` (error, info): hashtags the platform or the brand does not allow.
  - (error) more hashtags than the platform's ``max_hashtags``; points at the first one over;
  - (error) a hashtag that brand.yml ``hashtags.banned`` lists (compared after NFC and the
    post language's case folding, with or without the ``#``);
  - (error) a post whose ``campaign`` has hashtags in brand.yml ``hashtags.campaigns`` lacks
    one of them (points at the ``campaign`` value in the front matter);
  - (info, unless ``hashtags.camelcase: false``) an all-lowercase hashtag that reads as several
    words: see ``camelcase_split``.
  - A run over the whole repository (``ekip check`` without paths) names, in a notice on
    stderr, each campaign of ``hashtags.campaigns`` that no post has as its ``campaign``: a
    typo there would otherwise mean the hashtags are never required (exit code unchanged).
* ``platform.media`` (error): a platform that needs media and a post without any (points at that
  platform in ``platforms``); a media path that is absolute or resolves outside the repository
  (``..``, a symlink that leads out); a media file that does not exist.
* ``platform.alt-text`` (error): an image (png jpg jpeg gif webp avif heic) without ``alt``, or an
  ``alt`` longer than a target platform's ``max_alt_text`` (counted in code points, or grapheme
  clusters where the platform counts its text that way).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

import regex

from checks.finding import Finding
from checks.findings import body_finding, front_finding
from checks.i18n import _
from checks.text import counting, morph, turkish

if TYPE_CHECKING:
    from checks.brand.platforms import Platform
    from checks.context import Context
    from checks.post import Post

IDS = ("platform.length", "platform.hashtags", "platform.media", "platform.alt-text")

IMAGE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "webp", "avif", "heic"})
CAMEL_MIN_PIECE = 2  # letters in each word of a lowercase hashtag split into words
CAMEL_MIN_STEM = 4  # a word's beginning that counts as the word when a suffix follows it

_GRAPHEME = regex.compile(r"\X")
_WORD = regex.compile(r"\p{L}+")


def targets(post: Post, ctx: Context) -> list[tuple[int, Platform]]:
    """(index in ``platforms:``, platform) for every known platform of the post, once each."""
    table = ctx.brand.platforms
    raw = post.front.get("platforms")
    out: list[tuple[int, Platform]] = []
    seen: set[str] = set()
    if isinstance(raw, list):
        for i, pid in enumerate(raw):
            if isinstance(pid, str) and pid in table and pid not in seen:
                seen.add(pid)
                out.append((i, table[pid]))
    return out


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    platforms = targets(post, ctx)
    tags = post.hashtags
    for _idx, p in platforms:
        yield from _length(post, p)
        yield from _hashtag_count(post, p, tags)
    if tags:
        yield from _hashtag_rules(post, ctx, tags)
    yield from _media(post, ctx, platforms)


# --- platform.length ------------------------------------------------------------------------------

def _how(p: Platform) -> str:
    how = _(counting.COUNTINGS.get(p.counting, p.counting))
    if p.url_length:
        return _("{counting}; every link counts as {n}").format(counting=how, n=p.url_length)
    return how


def _length(post: Post, p: Platform) -> Iterator[Finding]:
    text = post.text
    if not text:
        return
    n = counting.length(text, p.counting, p.url_length)
    if n <= p.max_length:
        return
    cut = overflow_start(text, p)
    start = text_to_body(post, cut)
    end = text_to_body(post, len(text) - 1) + 1
    message = _("Text too long for {platform}: {n} / {limit}, {over} over (counting: {counting}). "
                "The part past the limit starts here.").format(
        platform=p.name, n=n, limit=p.max_length, over=n - p.max_length, counting=_how(p))
    yield body_finding(post, "platform.length", "error", message, start, end, match=post.body[start:end])


def overflow_start(text: str, p: Platform) -> int:
    """Offset in ``text`` of the first grapheme cluster that takes it past the platform's limit.
    Where URLs weigh a fixed length, a URL is one unit: a prefix never ends inside one, and a
    URL that takes the text over the limit is where the overflow starts."""
    urls = counting.find_urls(text) if p.counting == "x" or p.url_length else []
    ends: list[int] | range = range(1, len(text) + 1)
    if urls:  # every prefix end but those inside a URL
        ends, after = [], 1
        for s, e in urls:
            ends += range(after, s + 1)
            after = max(after, e)
        ends += range(after, len(text) + 1)
    lo, hi = 0, len(ends) - 1
    # The overflow is near the limit, mostly far from the end of a long text: gallop up from
    # the limit's size first, so that the search reads short prefixes (same answer).
    step = max(p.max_length // 2, 1)
    while lo + step < hi:
        if counting.length(text[:ends[lo + step]], p.counting, p.url_length) > p.max_length:
            hi = lo + step
            break
        lo, step = lo + step + 1, step * 2
    while lo < hi:  # the shortest prefix text[:ends[lo]] that is over the limit
        mid = (lo + hi) // 2
        if counting.length(text[:ends[mid]], p.counting, p.url_length) > p.max_length:
            hi = mid
        else:
            lo = mid + 1
    cut = ends[lo] - 1  # the code point that went over; back to the start of its grapheme cluster
    for s, e in urls:
        if s <= cut < e:
            return s
    space = max(text.rfind(" ", 0, cut), text.rfind("\n", 0, cut))
    start = space + 1 if space >= 0 else 0
    for m in _GRAPHEME.finditer(text, start):
        if m.end() > cut:
            return m.start()
    return cut


def text_to_body(post: Post, index: int) -> int:
    """Body offset of ``post.text[index]`` (the text is the body without comments, trimmed)."""
    body = post.body
    pieces: list[tuple[int, int]] = []
    pos = 0
    for s, e in post.spans("comment"):
        if s > pos:
            pieces.append((pos, s))
        pos = max(pos, e)
    if pos < len(body):
        pieces.append((pos, len(body)))
    kept = "".join(body[s:e] for s, e in pieces)
    target = index + len(kept) - len(kept.lstrip())
    for s, e in pieces:
        if target < e - s:
            return s + target
        target -= e - s
    return len(body)


# --- platform.hashtags ----------------------------------------------------------------------------

def _hashtag_count(post: Post, p: Platform, tags: list[tuple[int, int, str]]) -> Iterator[Finding]:
    if p.max_hashtags is None:
        return
    if len(tags) <= p.max_hashtags:
        return
    s, e, tag = tags[p.max_hashtags]
    message = _("{platform} accepts at most {limit} hashtags in a post; this post has {n}. "
                "'{tag}' and the ones after it are too many.").format(
        platform=p.name, limit=p.max_hashtags, n=len(tags), tag=tag)
    yield body_finding(post, "platform.hashtags", "error", message, s, e)


def _key(tag: str, lang: str) -> str:
    """A hashtag as compared: NFC, without '#', case-folded the post language's way."""
    return turkish.fold(unicodedata.normalize("NFC", tag.strip()).lstrip("#"), lang)


def _settings(ctx: Context) -> dict[str, Any]:
    conf = ctx.brand.config.get("hashtags")
    return conf if isinstance(conf, dict) else {}


def _str_list(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []


def needs_posts(ctx: Context) -> bool:
    return ctx.options.whole_run and isinstance(_settings(ctx).get("campaigns"), dict)


def check_all(posts: list[Post], ctx: Context) -> list[Finding]:
    """No finding: a notice for each campaign with hashtags that no post uses."""
    campaigns = _settings(ctx).get("campaigns")
    if not needs_posts(ctx) or not isinstance(campaigns, dict):
        return []
    used = {p.front.get("campaign") for p in posts}
    for campaign in campaigns:
        if campaign not in used:
            ctx.notice(_("brand.yml: hashtags.campaigns: no post has `campaign: {campaign}` (a typo?); "
                         "its hashtags are required of no post").format(campaign=campaign))
    return []


def _hashtag_rules(post: Post, ctx: Context, tags: list[tuple[int, int, str]]) -> Iterator[Finding]:
    conf = _settings(ctx)
    lang = post.lang
    banned = {_key(b, lang): b for b in _str_list(conf.get("banned"))}
    if banned:
        for s, e, tag in tags:
            if _key(tag, lang) in banned:
                message = _("'{tag}' is on the brand's list of banned hashtags; do not use it.").format(tag=tag)
                yield body_finding(post, "platform.hashtags", "error", message, s, e)
    campaign = post.front.get("campaign")
    campaigns = conf.get("campaigns")
    if isinstance(campaign, str) and isinstance(campaigns, dict):
        required = _str_list(campaigns.get(campaign))
        have = {_key(t, lang) for _s, _e, t in tags}
        missing = [t if t.startswith("#") else "#" + t for t in required if _key(t, lang) not in have]
        if missing:
            message = _("A post of the '{campaign}' campaign lacks these hashtags: {missing}.").format(
                campaign=campaign, missing=", ".join(missing))
            yield front_finding(post, "platform.hashtags", "error", message, ["campaign"], match=campaign)
    if conf.get("camelcase") is not False:
        lowercase = [(s, e, t) for s, e, t in tags if t.islower() and t[1:].isalpha()]
        if lowercase:
            yield from _camelcase(post, ctx, conf, lowercase)


def _camelcase(post: Post, ctx: Context, conf: dict[str, Any],
               lowercase: list[tuple[int, int, str]]) -> Iterator[Finding]:
    lang = post.lang
    vocabulary = _vocabulary(post, ctx, conf)
    for s, e, tag in lowercase:
        pieces = camelcase_split(tag[1:], vocabulary, lang)
        if pieces is None:
            continue
        suggestion = "#" + "".join(turkish.upper(p[:1], lang) + p[1:] for p in pieces)
        message = _("'{tag}' seems to be made of several words; for screen readers and readers, start "
                    "each word with a capital letter: '{suggestion}'.").format(tag=tag, suggestion=suggestion)
        yield body_finding(post, "platform.hashtags", "info", message, s, e, suggestions=[suggestion])


def _vocabulary(post: Post, ctx: Context, conf: dict[str, Any]) -> set[str]:
    """Words a hashtag may be made of: the post's own words, the brand name, and the words of the
    post's other CamelCase hashtags and of the brand's campaign hashtags."""
    lang = post.lang
    words = set(_WORD.findall(turkish.fold(post.words_text, lang)))
    words.update(_WORD.findall(turkish.fold(ctx.brand.name, lang)))
    camel = [t for _s, _e, t in post.hashtags]
    campaigns = conf.get("campaigns")
    if isinstance(campaigns, dict):
        for tags in campaigns.values():
            camel.extend(_str_list(tags))
    for tag in camel:
        for piece in regex.findall(r"\p{Lu}\p{Ll}+|\p{Ll}+", unicodedata.normalize("NFC", tag)):
            if piece != tag.lstrip("#"):
                words.add(turkish.fold(piece, lang))
    return {w for w in words if len(w) >= CAMEL_MIN_PIECE}


def camelcase_split(body: str, vocabulary: set[str], lang: str) -> list[str] | None:
    """Split an all-lowercase hashtag body into two or more words, or None.

    The heuristic: a lowercase hashtag cannot be split reliably without a dictionary, so the
    words must come from the post itself (its text, its other hashtags), the brand name or the
    brand's campaign hashtags. A piece is such a word, or (``CAMEL_MIN_STEM`` letters or more) the
    beginning of one whose rest is a Turkish suffix (``sezon`` from ``sezonumuz``). A hashtag that
    is itself one of those words is one word. ``#yenisezon`` in a post that says ``Yeni sezon``
    splits into ``yeni`` + ``sezon``; ``#sürdürülebilirlik`` never splits.
    """
    word = turkish.fold(unicodedata.normalize("NFC", body), lang)
    if len(word) < 2 * CAMEL_MIN_PIECE or word in vocabulary:
        return None
    # Only words whose beginning occurs in the hashtag can be one of its pieces.
    candidates = {w for w in vocabulary if w[:CAMEL_MIN_STEM] in word}
    stems = set(candidates)
    if lang in ("tr", "az"):
        for w in candidates:
            for i in range(CAMEL_MIN_STEM, len(w)):
                if morph.is_suffix_chain(w[i:]):
                    stems.add(w[:i])
    n = len(word)
    # best[i]: fewest pieces covering word[:i]; prev[i]: where the last piece starts.
    best: list[int | None] = [0] + [None] * n
    prev = [0] * (n + 1)
    for i in range(1, n + 1):
        for j in range(max(0, i - 40), i - CAMEL_MIN_PIECE + 1):
            if (before := best[j]) is not None and word[j:i] in stems:
                cand = before + 1
                if (known := best[i]) is None or cand < known:
                    best[i], prev[i] = cand, j
    if (fewest := best[n]) is None or fewest < 2:
        return None
    pieces: list[str] = []
    i = n
    original = unicodedata.normalize("NFC", body)
    while i > 0:
        pieces.append(original[prev[i]:i])
        i = prev[i]
    return pieces[::-1]


# --- platform.media and platform.alt-text ---------------------------------------------------------

def _media(post: Post, ctx: Context, platforms: list[tuple[int, Platform]]) -> Iterator[Finding]:
    raw = post.front.get("media")
    items = raw if isinstance(raw, list) else []
    paths = [(i, m.get("path"), m) for i, m in enumerate(items) if isinstance(m, dict)]
    has_media = any(isinstance(path, str) and path.strip() for _i, path, _item in paths)
    if not has_media:
        for idx, p in platforms:
            if p.needs_media:
                message = _("{platform} does not accept a post without an image or video; add `media` to the "
                            "front matter.").format(platform=p.name)
                yield front_finding(post, "platform.media", "error", message, ["platforms", idx], match=p.id)
    root = ctx.brand.root
    for i, path, item in paths:
        if not isinstance(path, str) or not path.strip():
            continue
        problem = media_problem(root, path)
        if problem:
            yield front_finding(post, "platform.media", "error", problem, ["media", i, "path"], match=path)
        yield from _alt_text(post, platforms, i, path, item)


def media_problem(root: Path, path: str) -> str | None:
    """Why a media path is not a file inside the repository at ``root``, or None."""
    if "\x00" in path:
        return _("The media path holds an invalid character.")
    if path.startswith(("/", "\\")) or PureWindowsPath(path).drive or PurePosixPath(path).is_absolute():
        return _("The media path is absolute: '{path}'. Write a path relative to the repository root "
                 "(e.g. media/gorsel.png).").format(path=path)
    base = root.resolve()
    try:
        resolved = (base / path.replace("\\", "/")).resolve()
    except (OSError, RuntimeError, ValueError):
        return _("The media path could not be resolved: '{path}'.").format(path=path)
    if not resolved.is_relative_to(base):
        return _("The media path leads out of the repository: '{path}'. Put the file in the repository "
                 "(e.g. media/).").format(path=path)
    try:
        if not resolved.exists():
            return _("Media file not found: '{path}' (relative to the repository root).").format(path=path)
        if not resolved.is_file():
            return _("The media path is not a file: '{path}'.").format(path=path)
    except OSError:
        return _("The media file cannot be read: '{path}'.").format(path=path)
    return None


def _alt_text(post: Post, platforms: list[tuple[int, Platform]], i: int, path: str,
              item: dict[str, Any]) -> Iterator[Finding]:
    if PurePosixPath(path.replace("\\", "/")).suffix.lower().lstrip(".") not in IMAGE_EXTENSIONS:
        return
    alt = item.get("alt")
    if not isinstance(alt, str) or not alt.strip():
        message = _("The image has no alternative text (alt): '{path}'. Write an `alt` that describes the "
                    "image for visually impaired followers.").format(path=path)
        yield front_finding(post, "platform.alt-text", "error", message, ["media", i, "path"], match=path)
        return
    for _idx, p in platforms:
        if p.max_alt_text is None:
            continue
        method = "graphemes" if p.counting == "graphemes" else "codepoints"
        n = counting.length(alt, method)
        if n > p.max_alt_text:
            message = _("Alternative text too long for {platform}: {n} / {limit} ({counting}).").format(
                platform=p.name, n=n, limit=p.max_alt_text, counting=_(counting.COUNTINGS.get(method, method)))
            yield front_finding(post, "platform.alt-text", "error", message, ["media", i, "alt"], match=alt)
