"""How long a post's text is, counted the way each platform counts it.

Four methods (see ``COUNTINGS``):

* ``x``: X's weighted length, as twitter-text v3 defines it (``config/v3.json`` and
  ``js/src/parseTweet.js`` in the twitter/twitter-text repository). The text is NFC-normalised;
  code points in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 weigh 1, every
  other code point 2; an emoji sequence (ZWJ, skin tone, flag, keycap, VS16, tags) weighs 2 as a
  whole; every URL weighs 23 however long it is, with or without a scheme.
* ``codepoints``: Unicode code points of the NFC text (Instagram, Threads, LinkedIn, ...).
* ``graphemes``: extended grapheme clusters (Bluesky, Mastodon).
* ``utf16``: UTF-16 code units (TikTok).

With ``url_length`` every URL that ``find_urls`` finds counts as that many characters, whatever
the method (Mastodon passes 23). ``find_urls`` ports twitter-text's ``extractUrlsWithIndices``:
URLs with an http(s) scheme, and bare domains on a known top-level domain (``ornek.com.tr/a``).

Emoji sequences are found with the ``emoji`` package, whose data follows the current Unicode emoji
set; twitter-text uses twemoji-parser for the same job. Both match recommended (RGI) sequences
and split a non-standard ZWJ sequence into its parts. A single code point keeps its own weight
whether it is an emoji or not: that is 2 for every emoji except a text-style ``©`` or ``®``
(no VS16), which twemoji-parser does not take for an emoji either.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import regex

from checks.i18n import N_

# What each method counts, as a message shows it (marked for the catalogs: translate with ``_``
# where it is shown).
COUNTINGS: dict[str, str] = {
    "x": N_("X weighted length (twitter-text v3)"),
    "codepoints": N_("Unicode code points"),
    "graphemes": N_("grapheme clusters"),
    "utf16": N_("UTF-16 code units"),
}


def length(text: str, method: str, url_length: int | None = None) -> int:
    """Return how long ``text`` is, counted by ``method`` (a key of ``COUNTINGS``).

    ``url_length`` makes every URL count as that many; for ``x`` it defaults to 23. ``x`` and
    ``codepoints`` count the NFC-normalised text, ``graphemes`` and ``utf16`` the text as given.
    """
    if method == "x":
        text = unicodedata.normalize("NFC", text)
        return _x_length(text, _X_URL_LENGTH if url_length is None else url_length)
    measure = _MEASURES.get(method)
    if measure is None:
        raise ValueError(f"unknown counting method {method!r}; known: {', '.join(COUNTINGS)}")
    if method == "codepoints":
        text = unicodedata.normalize("NFC", text)
    if url_length is not None:
        text = _with_urls_replaced(text, url_length)
    return measure(text)


def find_urls(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` code-point spans of the URLs in ``text``, in order.

    A port of twitter-text's ``extractUrlsWithIndices`` (js/src/extractUrlsWithIndices.js):
    http(s) URLs, and bare domains on a known top-level domain (``ornek.com.tr/kampanya``) that do
    not follow ``-``, ``_``, ``.`` or ``/``. Offsets index ``text`` as given; ``length`` calls it
    on the NFC-normalised text, as X does.
    """
    spans: list[tuple[int, int]] = []
    word_end = 0
    # A URL holds a hint and no space: read only the words that hold a hint.
    for hint in _URL_HINT.finditer(text):
        if hint.start() < word_end:
            continue
        # The word starts after the last space between the previous word and the hint.
        space = _LAST_SPACE.search(text, word_end, hint.start())
        word_start = space.start() + 1 if space is not None else word_end
        rest = _WORD_REST.match(text, hint.start())
        assert rest is not None  # "[^spaces]*" matches at every position
        word_end = rest.end()
        offset = word_start - 1
        spans += [(offset + start, offset + end) for start, end in _urls_in_word(text[word_start:word_end])]
    return spans


# --- X: twitter-text config/v3.json (scale 100, defaultWeight 200, transformedURLLength 23) -------

_X_URL_LENGTH = 23
_X_EMOJI_WEIGHT = 2  # defaultWeight / scale, for an emoji sequence as a whole
# The v3 "ranges" of weight 100, that is 1; every other code point weighs 2.
_LIGHT = r"\x00-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037"
_HEAVY = re.compile(f"[^{_LIGHT}]")
_LIGHT_TEXT = re.compile(f"[{_LIGHT}]*")
# Every URL holds "." directly followed by the first letter of its top-level domain.
_URL_HINT = re.compile(r"\.[^\W\d_]")
# Every emoji of two or more code points holds one of these: ZWJ, VS16, keycap, regional
# indicator, skin tone modifier or tag. All weigh 2, so light text holds no such emoji.
_SEQUENCE_MARKS = "\u200d\ufe0f\u20e3\U0001f1e6-\U0001f1ff\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
_SEQUENCE_HINT = re.compile(f"[{_SEQUENCE_MARKS}]")
# Every code point that occurs in an emoji of the emoji package. The code points around a run of
# them belong to no emoji, so the package reads each run as it would read the whole text.
@functools.cache
def _emoji_chars() -> frozenset[str]:
    import emoji  # imported on first need: it costs 35 ms, and most posts hold no emoji sequence

    return frozenset(char for key in emoji.EMOJI_DATA for char in key)


def _x_length(text: str, url_length: int) -> int:
    """twitter-text's ``weightedLength`` of NFC ``text``, every URL weighing ``url_length``."""
    light = _LIGHT_TEXT.fullmatch(text) is not None
    if light and _URL_HINT.search(text) is None:
        return len(text)  # the fast path: every code point weighs 1
    total = len(text) if light else len(text) + len(_HEAVY.findall(text))
    urls = find_urls(text)
    for start, end in urls:
        total += url_length - _x_weight(text, start, end)
    if not light and _SEQUENCE_HINT.search(text) is not None:
        for start, end in _emoji_sequences(text):
            # parseTweet counts a URL first; no emoji can reach into one in practice.
            if not any(start < url_end and url_start < end for url_start, url_end in urls):
                total += _X_EMOJI_WEIGHT - _x_weight(text, start, end)
    return total


def _x_weight(text: str, start: int, end: int) -> int:
    """The summed code-point weights of ``text[start:end]``."""
    return end - start + len(_HEAVY.findall(text, start, end))


_WHOLE_TEXTS = [20]  # texts read whole before the runs and their cache pay for building the set


def _emoji_sequences(text: str) -> list[tuple[int, int]]:
    """Spans of the emoji in ``text`` made of two or more code points."""
    if _WHOLE_TEXTS[0] > 0:
        # A few texts (the one-post pre-commit run) are read whole: building the set of emoji
        # code points costs more (45 ms) than reading them.
        _WHOLE_TEXTS[0] -= 1
        return list(_emoji_spans(text))
    spans: list[tuple[int, int]] = []
    run_end = 0
    # Read only the runs of emoji code points that hold a sequence mark.
    for mark in _SEQUENCE_HINT.finditer(text):
        if mark.start() < run_end:
            continue
        run_start, run_end = mark.start(), mark.end()
        emoji_chars = _emoji_chars()
        while run_start > 0 and text[run_start - 1] in emoji_chars:
            run_start -= 1
        while run_end < len(text) and text[run_end] in emoji_chars:
            run_end += 1
        offset = run_start
        spans += [(offset + start, offset + end) for start, end in _emoji_in_run(text[run_start:run_end])]
    return spans


@functools.lru_cache(maxsize=4096)
def _emoji_in_run(run: str) -> tuple[tuple[int, int], ...]:
    """Spans of the emoji of two or more code points in ``run``; the same emoji recur, hence the cache."""
    return _emoji_spans(run)


def _emoji_spans(run: str) -> tuple[tuple[int, int], ...]:
    """Spans of the emoji of two or more code points in ``run``, as the emoji package reads them."""
    import emoji

    spans: list[tuple[int, int]] = []
    for token in emoji.analyze(run, non_emoji=False, join_emoji=False):
        found = token.value  # with join_emoji=False plain characters come too, as str
        if isinstance(found, emoji.EmojiMatch) and found.end - found.start > 1:
            spans.append((found.start, found.end))
    return tuple(spans)


# --- URLs: a port of twitter-text js/src/extractUrlsWithIndices.js and js/src/regexp/*.js ---------
# twitter-text's regexes carry the /i flag; here letters are spelled [aA] instead, so that no
# Unicode case folding (dotless ı, Kelvin sign) creeps in, as none does in JavaScript.

_INVALID_CHARS = r"\uFFFE\uFEFF\uFFFF\u202A-\u202E"
_DIRECTIONAL_MARKS = r"\u202A-\u202E\u061C\u200E\u200F\u2066-\u2069"
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"
_SPACES = r"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
_LATIN_ACCENTS = (
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268"
    r"\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
_CYRILLIC = r"\u0400-\u04FF"

_PRECEDING = rf"(?:[^A-Za-z0-9@＠$#＃{_INVALID_CHARS}]|[{_DIRECTIONAL_MARKS}]|^)"
_PROTOCOL = r"[hH][tT][tT][pP][sS]?://"
_DOMAIN_CHAR = rf"[^{_PUNCT}{_SPACES}{_INVALID_CHARS}]"
# twitter-text writes a label (?:C(?:[_-]|C)*)?C\. ; as C excludes "." a label runs to the next
# ".", so these possessive forms match the same labels without backtracking.
_SUBDOMAIN = rf"(?:{_DOMAIN_CHAR}(?:[_-]*{_DOMAIN_CHAR})*+\.)"
_DOMAIN_NAME = rf"(?:{_DOMAIN_CHAR}(?:-*{_DOMAIN_CHAR})*+\.)"
_PUNYCODE = r"(?:[xX][nN]--[\-0-9a-zA-Z]+)"
_PATH_CHAR = rf"[a-zA-Z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
_BALANCED_PARENS = rf"\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*))\)"
_PATH_END = rf"(?:[+\-a-zA-Z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]|(?:{_BALANCED_PARENS}))"
# twitter-text's path, ``/(?:(?:C*(?:P C*)*E)|(?:@C+/))*`` (C a path character, P balanced
# parentheses, E a path-ending character or P), splits a path into units in exponentially many
# ways, and a failing match tries them all. Its matches are the prefixes of one run of C and P
# that end in E or P, longest first; ``(?:N*+E)*+`` (N: a C that is no E) matches the same
# longest prefix in one pass. A randomised test compares both.
_PATH_NOT_END = r"[!*';:,.$%\[\]\u2013~@|&]"
_PATH = rf"(?:{_PATH_NOT_END}*+(?:{_PATH_END}))"
_QUERY = r"\?[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-zA-Z0-9\-_&=#/]"
_ASCII_LABEL = rf"[\-a-zA-Z0-9{_LATIN_ACCENTS}]+"
_NO_LABEL_BEFORE = rf"(?<![\-a-zA-Z0-9{_LATIN_ACCENTS}])(?<![\-a-zA-Z0-9{_LATIN_ACCENTS}]\.)"
_PLAIN_DOMAIN = re.compile(rf"{_NO_LABEL_BEFORE}{_ASCII_LABEL}(?:\.{_ASCII_LABEL})+")
_TCO_URL = re.compile(rf"{_PROTOCOL}[tT]\.[cC][oO]/([a-zA-Z0-9]+)(?:{_QUERY})?")
_WORD_REST = re.compile(f"[^{_SPACES}]*")
# The last space before ``endpos`` (searched between two words: each space reads to the next).
_LAST_SPACE = re.compile(f"[{_SPACES}][^{_SPACES}]*+\\Z")
_BAD_BEFORE_BARE_DOMAIN = frozenset("-_./")
_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_LABEL_LENGTH = 63


@functools.cache
def _tld_pattern() -> str:
    """twitter-text's validGTLD|validCCTLD: a known top-level domain, then no ASCII alphanumeric."""
    known = tlds()
    ascii_tlds = _alternation(sorted(tld for tld in known if tld.isascii()), re.escape)
    other_tlds = _alternation(sorted(tld for tld in known if not tld.isascii()), _either_case)
    # (?ai:...): ASCII letters in either case and no others, as under a JavaScript /i flag.
    return rf"(?:(?ai:{ascii_tlds})|{other_tlds})(?=[^0-9a-zA-Z@+-]|\Z)"


@functools.cache
def _url_pattern() -> re.Pattern[str]:
    """twitter-text's extractUrl, compiled on first use (the TLD list makes that take 0.05 s)."""
    domain = rf"(?:{_SUBDOMAIN}*{_DOMAIN_NAME}(?:{_tld_pattern()}|{_PUNYCODE}))"
    return re.compile(
        rf"(?P<before>{_PRECEDING})(?P<url>(?P<protocol>{_PROTOCOL})?(?P<domain>{domain})"
        rf"(?::[0-9]+)?(?P<path>/{_PATH}*+)?(?:{_QUERY})?)"
    )


@functools.cache
def _ascii_domain_pattern() -> re.Pattern[str]:
    """twitter-text's validAsciiDomain, compiled on first use."""
    # A match can start only where no earlier start reaches (after a label character, or after
    # a dot that follows one): a start that fails leaves nothing for the starts it reaches, so
    # they are not tried again one by one (quadratic on a long run of labels).
    return re.compile(rf"{_NO_LABEL_BEFORE}(?:{_ASCII_LABEL}\.)+(?:{_tld_pattern()}|{_PUNYCODE})")


def _ascii_domains(domain: str) -> list[tuple[int, int]]:
    """Spans of validAsciiDomain's matches in ``domain``, a match of the URL pattern's domain."""
    if _PLAIN_DOMAIN.fullmatch(domain):
        # The domain ends in a known TLD, so validAsciiDomain takes all of it.
        return [(0, len(domain))]
    return [match.span() for match in _ascii_domain_pattern().finditer(domain)]


# The common shape of a link, ``https://ornek.com.tr/kampanya?utm_source=x``: lowercase ASCII
# labels, a plain path and query. A word of this shape is one URL from end to end when its last
# label is a known top-level domain, which a set answers; the full pattern (whose 1,574 top-level
# domains take 0.05-0.08 s to compile in every process) is then not needed. A randomised test
# checks that both agree. The path and query are possessive (``++``, ``*+``): a word that does
# not fit, such as ``https://ornek.com.tr/aaaa…a!``, fails at once instead of trying every way
# of splitting the path into segments (2^n of them).
_SIMPLE_URL = re.compile(
    r"https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63})"
    r"(?:/(?:[A-Za-z0-9_-]++/?)*+)?(?:\?[A-Za-z0-9_=&.-]*+(?<=[A-Za-z0-9_=&-]))?"
)


@functools.cache
def _ascii_tlds() -> frozenset[str]:
    return frozenset(t for t in tlds() if t.isascii())


@functools.lru_cache(maxsize=4096)
def _urls_in_word(word: str) -> tuple[tuple[int, int], ...]:
    """URL spans in a space followed by ``word``, a run of non-space characters.

    A space and the start of the text are alike to the URL pattern, so the spans do not depend on
    what stands before the word; the same links recur across posts, hence the cache.
    """
    simple = _SIMPLE_URL.fullmatch(word)
    if (simple is not None and simple.group(1) in _ascii_tlds() and len(word) < _MAX_URL_LENGTH - 8
            and "xn--" not in word and not _TCO_URL.match(word)):
        return ((1, 1 + len(word)),)
    return _urls_in_word_fully(word)


@functools.cache
def _domain_name_tld() -> re.Pattern[str]:
    """A domain name label directly followed by a top-level domain: a domain without subdomains."""
    return re.compile(rf"{_DOMAIN_NAME}(?:{_tld_pattern()}|{_PUNYCODE})")


_URL_START = re.compile(rf"{_PRECEDING}(?=[hH]|{_DOMAIN_CHAR})")
# How far the domain of a start reaches: whole labels, then the start of one more.
_REACH = re.compile(rf"(?:{_DOMAIN_CHAR}(?:[_-]*+{_DOMAIN_CHAR})*+\.)*+(?:{_DOMAIN_CHAR}(?:[_-]*+{_DOMAIN_CHAR})*+)?")
_PROTOCOL_AT = re.compile(_PROTOCOL)


def _url_matches(text: str) -> Iterator[re.Match[str]]:
    """``_url_pattern().finditer(text)`` in linear time.

    ``finditer`` tries the pattern at every position; on a run of labels with no top-level
    domain (``a.a.a.a…``) each try reads to the end of the run: quadratic, seconds for a word
    of 2,000 characters. Here, once a try fails, the starts it reaches (every label after it,
    and every position after a ``-`` or ``_`` in them) can only match if there is a protocol at
    the start or if the start's own label, directly followed by a top-level domain, is a domain
    (with a subdomain the failed try would have matched too); only those are tried, each label
    read at most twice. A randomised test compares this with ``finditer``.
    """
    pattern = _url_pattern()
    reach_end = -1  # the URL starts up to here were reached by a try that failed
    skip_to = -1  # within that reach, the next start that can pass the domain test
    resume = 0
    for start in _URL_START.finditer(text):
        before, url_at = start.span()  # the character before the URL, or none at the start
        if before < resume:
            continue
        if url_at <= reach_end and not _PROTOCOL_AT.match(text, url_at):
            if url_at < skip_to:
                continue
            if not _domain_name_tld().match(text, url_at):
                dot = text.find(".", url_at, reach_end)
                label_end = reach_end if dot < 0 else dot
                underscore = text.rfind("_", url_at, label_end)
                skip_to = underscore + 1 if underscore >= 0 else label_end
                continue
        match = pattern.match(text, before)
        if match is not None:
            yield match
            resume = match.end()
        elif url_at > reach_end:
            reach = _REACH.match(text, url_at)
            assert reach is not None  # every part of the pattern may be empty
            reach_end = reach.end()
            skip_to = -1


def _urls_in_word_fully(word: str) -> tuple[tuple[int, int], ...]:
    """``_urls_in_word`` through the port of twitter-text's pattern, for any word."""
    spans: list[tuple[int, int]] = []
    for match in _url_matches(" " + word):
        start, end = match.span("url")
        url, protocol, domain = match.group("url", "protocol", "domain")
        if not _is_valid_url(url, protocol or "https://", domain):
            continue
        if protocol:
            tco = _TCO_URL.match(url)
            if tco is not None:
                if len(tco.group(1)) > _MAX_TCO_SLUG_LENGTH:
                    continue
                end = start + tco.end()  # a t.co link takes no trailing path characters
            spans.append((start, end))
        elif match.group("before") not in _BAD_BEFORE_BARE_DOMAIN:
            # Without a scheme only the ASCII domains in it count, the last one with the path.
            offset = match.start("domain")
            found = [(offset + start, offset + end) for start, end in _ascii_domains(domain)]
            if found and match.group("path"):
                found[-1] = (found[-1][0], end)
            spans += found
    return tuple(spans)


def _is_valid_url(url: str, protocol: str, domain: str) -> bool:
    """twitter-text's ``isValidUrl``: every DNS label 1–63 characters once punycode-encoded."""
    if domain.startswith("xn--") and not _ascii_domains(domain):
        return False
    for label in domain.split("."):
        size = len(label) if label.isascii() else len("xn--") + len(label.encode("punycode"))
        if not 1 <= size <= _MAX_LABEL_LENGTH:
            return False
    return len(protocol) + _utf16_length(url) <= _MAX_URL_LENGTH


def _alternation(words: list[str], char_pattern: Callable[[str], str]) -> str:
    """A pattern for any of ``words``, grouped by first character, longest first within a group."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in sorted(groups.items()):
        tails = sorted((rest for rest in rests if rest), key=lambda rest: (-len(rest), rest))
        body = "|".join("".join(map(char_pattern, tail)) for tail in tails)
        if body:
            body = f"(?:{body})" + ("?" if "" in rests else "")
        branches.append(char_pattern(first) + body)
    return "|".join(branches)


def _either_case(char: str) -> str:
    """A pattern for ``char`` in either case, as a JavaScript ``/i`` regex (without ``u``) matches it."""
    upper = char.upper()
    if len(upper) == 1 and upper != char and upper.isascii() == char.isascii():
        return f"[{re.escape(char)}{re.escape(upper)}]"
    return re.escape(char)


# --- The other measures ---------------------------------------------------------------------------

_GRAPHEME = regex.compile(r"\X")
# Code points that always form a grapheme cluster of their own: the graphemes fast path.
_ONE_CLUSTER_EACH = re.compile(r"[\t\n\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]*")


def _graphemes(text: str) -> int:
    if _ONE_CLUSTER_EACH.fullmatch(text) is not None:
        return len(text)
    return len(_GRAPHEME.findall(text))


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _with_urls_replaced(text: str, url_length: int) -> str:
    """``text`` with every URL replaced by ``url_length`` letters, as Mastodon counts."""
    parts: list[str] = []
    position = 0
    for start, end in find_urls(text):
        parts += [text[position:start], "x" * url_length]
        position = end
    parts.append(text[position:])
    return "".join(parts)


_MEASURES: dict[str, Callable[[str], int]] = {
    "codepoints": len,
    "graphemes": _graphemes,
    "utf16": _utf16_length,
}

# --- Top-level domains: twitter-text's validGTLD.js and validCCTLD.js (IANA's list) ---
_TLD_FILE = Path(__file__).resolve().parent.parent / "data" / "tlds.txt"


@functools.cache
def tlds() -> frozenset[str]:
    """The top-level domains twitter-text knows (``checks/data/tlds.txt``: source, date and
    licence in its header), read on first use."""
    with open(_TLD_FILE, encoding="utf-8") as f:
        return frozenset(line for raw in f if (line := raw.strip()) and not line.startswith("#"))
