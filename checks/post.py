"""A post: its front matter (with positions), its body, the text it publishes, and masks.

Offsets are code points of the file as stored (a BOM and CR characters included), so that
line and column count the way the contract (docs/CONTRACT.md) asks. ``body`` is ``source[body_start:]``; masks are
spans of the body where brand rules never look: fenced and inline code, HTML comments, URLs,
e-mail addresses and @mentions.
"""

from __future__ import annotations

import os
import re
import stat
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checks.finding import Finding, Fix, Level
from checks.personal import EMAIL_PATTERN
from checks.yamlfile import Loaded, YamlError, load, load_mapping

_OPEN = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)

_FENCE = re.compile(r"^[ \t]{0,3}+(`{3,}+|~{3,}+)[^\n]*+\n.*?(?:^[ \t]{0,3}\1[ \t]*\r?$|\Z)", re.M | re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# A code span opens at the start of a run of backticks (CommonMark), never inside one.
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\1).)+?\1(?!`)", re.S)
# URLs with a scheme first, then e-mail addresses, in one pass so that neither cuts the other;
# then bare domains ("ornek.com.tr/kampanya") in what is left, only when a known TLD appears.
# Patterns begin with a literal where they can (the word-boundary checks come as lookbehinds
# after it): the regex engine then skips ahead to that character instead of trying every position.
_LINK = re.compile(
    r"(?P<url>(?:h(?<!\wh)ttps?://|w(?<!\ww)ww\.)[^\s<>\[\]{}\"'`]+)"
    r"|(?P<email>" + EMAIL_PATTERN + ")"
)
_URL_ONLY = re.compile(_LINK.pattern.split("|(?P<email>")[0])
_TLDS = r"(?:com|net|org|tr|io|co|app|dev|info|me|biz|gov|edu|ly|gl)"
_TLD_HINT = re.compile(r"\.(?<=[a-z0-9]\.)" + _TLDS + r"\b")
_BARE = re.compile(r"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\." + _TLDS + r"\b(?:/[^\s<>\[\]{}\"'`]*)?")
# Where _BARE can start, and how far a start reaches: every start inside that reach could only
# find a match that the first start would have found, so after a failed start the scan goes on
# behind its reach (_bare_matches); trying each start in a run of labels was quadratic.
_BARE_START = re.compile(r"\b[a-z0-9]")
_BARE_REACH = re.compile(r"[a-z0-9-]*+(?:\.[a-z0-9-]++)*+")
_URL_TRAILING = ".,;:!?'\")]}*_"
_MENTION = re.compile(r"@(?<![\w@/.]@)\w(?:[\w.]*\w)?")
_HASHTAG = re.compile(r"#(?<![\w&#/]#)(?=\w*[^\W\d_])(\w+)")
_DIRECTIVE = re.compile(
    r"<!--\s*ekip-(disable-next-line|disable|enable)\b\s*([^:>]*?)\s*(?::\s*(.*?))?\s*-->", re.S
)
_NOT_NEWLINE = re.compile(r"[^\n]")
_QUOTED = {"'": re.compile(r"'(?:[^']|'')*'"), '"': re.compile(r'"(?:[^"\\]|\\.)*"')}


_KEY_LINES: dict[str | int, re.Pattern[str]] = {}  # a top-level key's line, by key
_SHORT = 4096  # characters: a post this short finds positions without a line table


def _bare_matches(text: str) -> Iterator[re.Match[str]]:
    """``_BARE.finditer(text)``, in linear time."""
    pos = 0
    for start in _BARE_START.finditer(text):
        at = start.start()
        if at < pos:
            continue
        m = _BARE.match(text, at)
        if m is not None:
            yield m
            pos = m.end()
        else:
            reach = _BARE_REACH.match(text, at)
            assert reach is not None  # every part of the pattern may be empty
            pos = reach.end()


def _sub_bare(repl: Callable[[re.Match[str]], str], text: str) -> str:
    """``_BARE.sub(repl, text)``, in linear time."""
    parts: list[str] = []
    pos = 0
    for m in _bare_matches(text):
        parts += [text[pos:m.start()], repl(m)]
        pos = m.end()
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _blank(s: str) -> str:
    return _NOT_NEWLINE.sub(" ", s) if "\n" in s else " " * len(s)


@dataclass(frozen=True, slots=True)
class Directive:
    """An ``ekip-disable``/``ekip-enable`` comment. ``start``/``end`` are file offsets."""

    kind: str  # disable | enable | disable-next-line
    rules: tuple[str, ...]
    reason: str
    start: int
    end: int


@dataclass(slots=True)
class Post:
    path: str  # as given on the command line (relative to the working directory)
    _source: str | None = ""
    body_start: int = 0
    front: dict[str, Any] = field(default_factory=dict)
    fm: Loaded | None = None
    fm_offset: int = 0  # file offset where the YAML text begins
    problems: list[Finding] = field(default_factory=list)
    readable: bool = False  # decoded, front matter parsed as a mapping
    lang: str = "tr"
    _line_starts: list[int] | None = None
    _masks: tuple[str, str, dict[str, list[tuple[int, int]]]] | None = None
    _cache: dict[str, Any] = field(default_factory=dict)
    _body: str | None = None  # source[body_start:], kept while body_start is _body_at
    _body_at: int = -1

    @property
    def file(self) -> Path:
        return Path(self.path)

    @property
    def source(self) -> str:
        """The whole file as decoded. A post sent back from a worker process travels without it
        (``release``) and reads it again on first use."""
        if self._source is None:
            self._source = read_file(self.path).decode("utf-8", errors="replace")
        return self._source

    @source.setter
    def source(self, text: str) -> None:
        self._source = text
        self._body = None
        self._cache.clear()
        self._masks = None
        self._line_starts = None

    # -- positions -------------------------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a file offset."""
        source = self.source
        if len(source) <= _SHORT:  # counting in C beats building a table for a few findings
            line_start = source.rfind("\n", 0, offset) + 1
            return source.count("\n", 0, line_start) + 1, offset - line_start + 1
        if self._line_starts is None:
            starts = [0]
            find = source.find
            i = find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        idx = bisect_right(self._line_starts, offset) - 1
        return idx + 1, offset - self._line_starts[idx] + 1

    def finding(
        self,
        rule: str,
        level: Level,
        message: str,
        start: int,
        end: int | None = None,
        *,
        match: str | None = None,
        suggestions: list[str] | None = None,
        fix: Fix | None = None,
    ) -> Finding:
        """A finding at file offsets ``start:end``."""
        end = start + 1 if end is None or end <= start else end
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        return Finding(
            self.path, line, col, end_line, end_col, rule, level, message,
            self.source[start:end] if match is None else match, suggestions or [], fix,
        )

    def body_finding(self, rule: str, level: Level, message: str, start: int, end: int | None = None, *,
                     match: str | None = None, suggestions: list[str] | None = None,
                     fix: Fix | None = None) -> Finding:
        """A finding at body offsets."""
        b = self.body_start
        return self.finding(rule, level, message, start + b, None if end is None else end + b,
                            match=match, suggestions=suggestions, fix=fix)

    def front_finding(self, rule: str, level: Level, message: str, path: list[str | int],
                      key: bool = False, match: str | None = None) -> Finding:
        """A finding at the front matter value (or key) at ``path``."""
        quick = None
        if self.fm is None and len(path) == 1:
            quick = self._top_level_position(path[0])
        elif self.fm is None and len(path) == 2 and isinstance(path[1], int) and not key:
            quick = self._flow_item_position(path[0], path[1])
        if quick is not None:
            key_start, value_start, value_end = quick
            start, end = (key_start, key_start + len(str(path[0]))) if key else (value_start, value_end)
            return self.finding(rule, level, message, start, end, match="" if match is None else match)
        if self.fm is None and self.readable:
            try:
                self.fm = load(self.source[self.fm_offset:self._fm_end()])
            except YamlError:
                self.fm = None
        if self.fm is None:
            return self.finding(rule, level, message, 0, 3)
        line0, col0, end_line0, end_col0 = self.fm.position(path, key=key)
        line_base, _ = self.position(self.fm_offset)
        start_line = line_base + line0
        return Finding(self.path, start_line, col0 + 1, line_base + end_line0, end_col0 + 1, rule, level,
                       message, "" if match is None else match)

    # -- body ------------------------------------------------------------------------------
    @property
    def body(self) -> str:
        body = self._body
        if body is None or self._body_at != self.body_start:
            body = self._body = self.source[self.body_start:]
            self._body_at = self.body_start
        return body

    def _build_masks(self) -> tuple[str, str, dict[str, list[tuple[int, int]]]]:
        spans: dict[str, list[tuple[int, int]]] = {
            k: [] for k in ("comment", "fence", "code", "url", "email", "mention", "hashtag")
        }

        def masker(kind: str) -> Any:
            def sub(m: re.Match[str]) -> str:
                spans[kind].append((m.start(), m.end()))
                return _blank(m.group())

            return sub

        text = self.body
        text = _COMMENT.sub(masker("comment"), text) if "<!--" in text else text
        if "```" in text or "~~~" in text:
            text = _FENCE.sub(masker("fence"), text)
        if "`" in text:
            text = _INLINE_CODE.sub(masker("code"), text)

        def link_sub(m: re.Match[str]) -> str:
            s = m.group()
            if m.re is _LINK and m.lastgroup == "email":
                spans["email"].append((m.start(), m.end()))
                return _blank(s)
            stripped = s.rstrip(_URL_TRAILING)
            spans["url"].append((m.start(), m.start() + len(stripped)))
            return _blank(stripped) + s[len(stripped):]

        has_at, has_url = "@" in text, "://" in text or "www." in text
        if has_url:
            text = (_LINK if has_at else _URL_ONLY).sub(link_sub, text)
        elif has_at:
            text = _LINK.sub(link_sub, text)
        if _TLD_HINT.search(text):
            text = _sub_bare(link_sub, text)
        if "@" in text:
            text = _MENTION.sub(masker("mention"), text)
        masked = text
        words = _HASHTAG.sub(masker("hashtag"), masked) if "#" in masked else masked
        spans["url"].sort()
        return masked, words, spans

    @property
    def masked(self) -> str:
        """The body with code, comments, URLs, e-mail addresses and mentions blanked (hashtags kept)."""
        if self._masks is None:
            self._masks = self._build_masks()
        return self._masks[0]

    @property
    def words_text(self) -> str:
        """``masked`` with hashtags blanked too: where words are matched outside hashtags."""
        if self._masks is None:
            self._masks = self._build_masks()
        return self._masks[1]

    def spans(self, kind: str) -> list[tuple[int, int]]:
        """Body spans of one mask kind: comment, fence, code, url, email, mention, hashtag."""
        if self._masks is None:
            self._masks = self._build_masks()
        return self._masks[2][kind]

    @property
    def hashtags(self) -> list[tuple[int, int, str]]:
        """(start, end, tag including '#') in body offsets."""
        tags: list[tuple[int, int, str]] | None = self._cache.get("hashtags")
        if tags is None:
            body = self.body
            tags = self._cache["hashtags"] = [(s, e, body[s:e]) for s, e in self.spans("hashtag")]
        return tags

    @property
    def urls(self) -> list[tuple[int, int, str]]:
        body = self.body
        return [(s, e, body[s:e]) for s, e in self.spans("url")]

    @property
    def text(self) -> str:
        """What gets published: the body without HTML comments, outer whitespace trimmed."""
        t = self._cache.get("text")
        if t is None:
            body = self.body
            t = _COMMENT.sub("", body).strip() if "<!--" in body else body.strip()
            self._cache["text"] = t
        return t

    @property
    def text_start(self) -> int:
        """Body offset of the first published character (for findings about the whole text)."""
        masked = self.masked
        stripped = len(masked) - len(masked.lstrip())
        return stripped if stripped < len(masked) else 0

    @property
    def directives(self) -> list[Directive]:
        cached: list[Directive] | None = self._cache.get("directives")
        if cached is not None:
            return cached
        out: list[Directive] = []
        body = self.body
        b = self.body_start
        for s, e in self.spans("comment"):
            m = _DIRECTIVE.fullmatch(body, s, e)
            if m:
                rules = tuple(r for r in re.split(r"[\s,]+", m.group(2)) if r)
                out.append(Directive(m.group(1), rules, (m.group(3) or "").strip(), s + b, e + b))
        self._cache["directives"] = out
        return out

    def _top_level_position(self, key: str | int) -> tuple[int, int, int] | None:
        """File offsets (key start, value start, value end) of a top-level ``key: scalar`` or
        ``key: [flow, list]`` line, found without parsing; None for anything else (the caller
        then parses with positions). Mirrors where the YAML parser puts the node."""
        pattern = _KEY_LINES.get(key)
        if pattern is None:
            pattern = _KEY_LINES[key] = re.compile(r"^" + re.escape(str(key)) + r"[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.M)
        m = pattern.search(self.source, self.fm_offset, self._fm_end())
        if not m or m.group(1) == "":
            return None
        value = m.group(1)
        start = m.start(1)
        if value[0] in "[{":
            return m.start(), start, start + 1  # a collection: its first character
        if value[0] in "'\"":
            close = _QUOTED[value[0]].match(value)
            if close is None:
                return None  # no closing quote
            rest = value[close.end():].lstrip()
            if rest and not rest.startswith("#"):
                return None
            return m.start(), start, start + close.end()
        if value[0] in "&*!|>%@`-?" or ": " in value:
            return None
        plain = value.split(" #", 1)[0].rstrip()
        return m.start(), start, start + len(plain)

    def _flow_item_position(self, key: str | int, index: int) -> tuple[int, int, int] | None:
        """Offsets of item ``index`` of a one-line flow list of plain scalars (``platforms: [x, y]``)."""
        top = self._top_level_position(key)
        if top is None or self.source[top[1]] != "[":
            return None
        line_end = self.source.find("\n", top[1])
        close = self.source.find("]", top[1], line_end if line_end >= 0 else None)
        inner = self.source[top[1] + 1:close] if close > 0 else ""
        if close < 0 or any(c in inner for c in "[]{}'\"#&*!") or index < 0:
            return None
        pos = top[1] + 1
        for i, item in enumerate(inner.split(",")):
            if i == index:
                stripped = item.strip()
                if not stripped:
                    return None
                start = pos + item.index(stripped)
                return top[0], start, start + len(stripped)
            pos += len(item) + 1
        return None

    def _fm_end(self) -> int:
        closing = _CLOSE.search(self.source, self.fm_offset)
        return closing.start() if closing else self.fm_offset

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # What crosses from a worker process: enough to read the text again and to run the
        # checks across posts; a released post has no text, caches or node tree to send.
        return (_restore, (self.path, self._source, self.body_start, self.front, self.fm_offset,
                           self.problems, self.readable, self.lang))

    def release(self, keep_source: bool = True) -> None:
        """Drop what can be rebuilt (masks, caches, the YAML node tree; the text too before a post
        is sent between processes); each is read or built again on first use."""
        if not keep_source:
            self._source = None
        self._masks = None
        self._line_starts = None
        self._cache = {}
        self._body = None
        self.fm = None

    # -- front matter conveniences ---------------------------------------------------------
    @property
    def platforms(self) -> list[str]:
        p = self.front.get("platforms")
        return [x for x in p if isinstance(x, str)] if isinstance(p, list) else []

    @property
    def status(self) -> str:
        s = self.front.get("status")
        return s if isinstance(s, str) else ""


def _restore(path: str, source: str | None, body_start: int, front: dict[str, Any], fm_offset: int,
             problems: list[Finding], readable: bool, lang: str) -> Post:
    return Post(path, source, body_start, front, None, fm_offset, problems, readable, lang)


class NotAFile(OSError):
    """The path is not a regular file (a FIFO, a device, a folder)."""


class TooLarge(OSError):
    """The file is larger than MAX_POST_BYTES."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


MAX_POST_BYTES = 8 << 20  # 8 MiB: far beyond any post; a larger file is a file.size finding
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_file(path: str, flags: int = 0, limit: int | None = MAX_POST_BYTES) -> bytes:
    """A regular file's bytes through the OS calls directly: ``open(path, "rb").read()`` makes a
    file object, a buffer, an isatty probe and a size probe per file, which on 10,000 small posts
    costs more than reading them. Opened without blocking (a FIFO would wait for a writer
    forever), then refused unless it is a regular file (NotAFile); a file over ``limit`` bytes
    is not read (TooLarge), nor more than ``limit`` bytes of one that grows while read.
    ``flags`` are added to the open flags (``O_NOFOLLOW``)."""
    fd = os.open(path, _OPEN_FLAGS | flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(f"{path}: not a regular file")
        if limit is not None and info.st_size > limit:
            raise TooLarge(info.st_size)
        data = os.read(fd, _READ_SIZE)
        if len(data) < _READ_SIZE:
            return data
        parts = [data]
        total = len(data)
        while chunk := os.read(fd, 1 << 20):
            parts.append(chunk)
            total += len(chunk)
            if limit is not None and total > limit:
                raise TooLarge(total)
        return b"".join(parts)
    finally:
        os.close(fd)


_READ_SIZE = 1 << 16


def read_post(path: str, data: bytes | None = None, reader: Callable[[str], bytes] | None = None) -> Post:
    """Load the post at ``path`` (or from ``data``, its bytes, when given; else through
    ``reader``, such as ``checks.boundary.Boundary.read``, when given). Problems that stop
    other checks become ``file.*`` findings; never raises for bad content (an unreadable file is
    a ``file.encoding`` finding too)."""
    post = Post(path=path)
    if not path.isascii() and not _utf8(path):
        post.problems.append(Finding(path, 1, 1, 1, 2, "file.encoding", "error",
                                     "Dosya adı UTF-8 değil; dosyayı UTF-8 bir adla yeniden adlandırın."))
        return post
    try:
        raw = data if data is not None else (reader or read_file)(path)
    except TooLarge as exc:
        post.problems.append(Finding(
            path, 1, 1, 1, 2, "file.size", "error",
            f"Dosya çok büyük ({exc.size:,} bayt; en çok {MAX_POST_BYTES:,}): bir gönderi bu kadar uzun olamaz, "
            "denetlenmedi."))
        return post
    except NotAFile:
        post.problems.append(Finding(path, 1, 1, 1, 2, "file.encoding", "error",
                                     "Dosya okunamadı: düzenli bir dosya değil (klasör, FIFO ya da aygıt)."))
        return post
    except OSError as exc:
        post.problems.append(Finding(path, 1, 1, 1, 2, "file.encoding", "error",
                                     f"Dosya okunamadı: {exc.strerror or exc}"))
        return post
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(raw, nul)
        post.problems.append(Finding(path, line, col, line, col + 1, "file.encoding", "error",
                                     "Dosyada NUL baytı var; metin dosyası değil gibi görünüyor."))
        return post
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(raw, exc.start)
        post.problems.append(Finding(
            path, line, col, line, col + 1, "file.encoding", "error",
            f"Dosya UTF-8 değil (bayt 0x{raw[exc.start]:02x}); UTF-8 olarak kaydedin.",
        ))
        return post
    post.source = source
    _split_front_matter(post)
    return post


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _byte_position(raw: bytes, index: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, index) + 1
    line = raw.count(b"\n", 0, index) + 1
    col = len(raw[line_start:index].decode("utf-8", errors="replace")) + 1
    return line, col


def _split_front_matter(post: Post) -> None:
    source = post.source
    opening = _OPEN.match(source)
    if not opening:
        post.body_start = 1 if source.startswith("\ufeff") else 0
        what = "Dosya boş" if not source.strip("\ufeff \t\r\n") else "Ön bilgi (front matter) yok"
        post.problems.append(post.finding(
            "file.front-matter", "error",
            f"{what}: gönderi '---' satırıyla başlayan bir YAML ön bilgisiyle başlamalı.", 0, 1))
        return
    closing = _CLOSE.search(source, opening.end())
    if not closing:
        post.body_start = len(source)
        post.problems.append(post.finding(
            "file.front-matter", "error", "Ön bilgi kapanmamış: ikinci '---' satırı yok.", 0, 3))
        return
    post.fm_offset = opening.end()
    nl = source.find("\n", closing.end())
    post.body_start = len(source) if nl < 0 else nl + 1
    fm_text = source[opening.end():closing.start()]
    fast = load_mapping(fm_text)
    if fast is not None:
        post.front = fast
        post.readable = True
        return
    try:
        post.fm = load(fm_text)
    except YamlError as exc:
        line_base, _ = post.position(post.fm_offset)
        line = line_base + exc.line
        post.problems.append(Finding(post.path, line, exc.column + 1, line, exc.column + 2,
                                     "file.front-matter", "error", f"Ön bilgi geçerli YAML değil: {exc.message}"))
        return
    if not isinstance(post.fm.data, dict):
        kind = "boş" if post.fm.data is None else f"bir {type(post.fm.data).__name__}"
        post.problems.append(post.finding(
            "file.front-matter", "error",
            f"Ön bilgi bir YAML eşlemi (anahtar: değer) olmalı; bu {kind}.", 0, 3))
        return
    post.front = post.fm.data
    post.readable = True
