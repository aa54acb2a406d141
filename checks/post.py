"""A post: its front matter (with positions), its body, the text it publishes, and masks.

Offsets are code points of the file as stored (a BOM and CR characters included), so that
line and column count the way the contract (docs/CONTRACT.md) asks. ``body`` is ``source[body_start:]``; masks are
spans of the body where brand rules never look: fenced and inline code, HTML comments, URLs,
e-mail addresses and @mentions.

A ``Post`` is data: what was read, and what is built from it on first use and kept (masks by
``checks.masks``, the line table by ``checks.positions``). Findings about a post are built by
``checks.findings``, places in it found by ``checks.positions``.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checks import masks
from checks.finding import Finding
from checks.findings import file_finding, finding_at
from checks.i18n import _
from checks.positions import position
from checks.yamlfile import Loaded, YamlError, load, load_mapping

_OPEN = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)

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

    # -- body ------------------------------------------------------------------------------
    @property
    def body(self) -> str:
        body = self._body
        if body is None or self._body_at != self.body_start:
            body = self._body = self.source[self.body_start:]
            self._body_at = self.body_start
        return body

    @property
    def masked(self) -> str:
        """The body with code, comments, URLs, e-mail addresses and mentions blanked (hashtags kept)."""
        if self._masks is None:
            self._masks = masks.build(self.body)
        return self._masks[0]

    @property
    def words_text(self) -> str:
        """``masked`` with hashtags blanked too: where words are matched outside hashtags."""
        if self._masks is None:
            self._masks = masks.build(self.body)
        return self._masks[1]

    def spans(self, kind: str) -> list[tuple[int, int]]:
        """Body spans of one mask kind: comment, fence, code, url, email, mention, hashtag."""
        if self._masks is None:
            self._masks = masks.build(self.body)
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
            t = masks.COMMENT.sub("", body).strip() if "<!--" in body else body.strip()
            self._cache["text"] = t
        return t

    @property
    def text_start(self) -> int:
        """Body offset of the first published character (for findings about the whole text)."""
        masked = self.masked
        stripped = len(masked) - len(masked.lstrip())
        return stripped if stripped < len(masked) else 0

    def fm_end(self) -> int:
        """File offset where the front matter's YAML text ends."""
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
    source = read_source(path, data, reader)
    if isinstance(source, Finding):
        post.problems.append(source)
        return post
    post.source = source
    _split_front_matter(post)
    return post


def read_source(path: str, data: bytes | None = None, reader: Callable[[str], bytes] | None = None) -> str | Finding:
    """The text of the post at ``path`` (arguments as ``read_post``), or the ``file.*`` finding
    that says why it cannot be read: a file name that is not UTF-8, a file that is too large or
    not a regular file or cannot be opened, a NUL byte, bytes that are not UTF-8."""
    if not path.isascii() and not _utf8(path):
        return file_finding(path, "file.encoding", _("The file name is not UTF-8; rename the file with a UTF-8 name."))
    try:
        raw = data if data is not None else (reader or read_file)(path)
    except TooLarge as exc:
        return file_finding(
            path, "file.size",
            _("The file is too large ({size:,} bytes; at most {limit:,}): a post cannot be this long; "
              "not checked.").format(size=exc.size, limit=MAX_POST_BYTES))
    except NotAFile:
        return file_finding(path, "file.encoding",
                            _("The file could not be read: not a regular file (a folder, FIFO or device)."))
    except OSError as exc:
        return file_finding(path, "file.encoding",
                            _("The file could not be read: {error}").format(error=exc.strerror or exc))
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(raw, nul)
        return file_finding(path, "file.encoding", _("The file holds a NUL byte; it does not look like a text file."),
                            line, col)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(raw, exc.start)
        return file_finding(
            path, "file.encoding",
            _("The file is not UTF-8 (byte 0x{byte}); save it as UTF-8.").format(byte=f"{raw[exc.start]:02x}"),
            line, col,
        )


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


def front_matter_span(source: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The front matter's opening ``---`` line and its closing line (``---`` or ``...``); None
    for what is missing. The YAML text lies between them."""
    opening = _OPEN.match(source)
    return opening, _CLOSE.search(source, opening.end()) if opening else None


def parse_front(text: str) -> tuple[Any, Loaded | None]:
    """The data of a front matter's YAML text (a dict when it is a mapping) and, when the parser
    rather than the fast path read it, its node tree (for positions). Raises YamlError."""
    fast = load_mapping(text)
    if fast is not None:
        return fast, None
    loaded = load(text)
    return loaded.data, loaded


def _split_front_matter(post: Post) -> None:
    source = post.source
    opening, closing = front_matter_span(source)
    if not opening:
        post.body_start = 1 if source.startswith("\ufeff") else 0
        if not source.strip("\ufeff \t\r\n"):
            message = _("The file is empty: a post must start with YAML front matter opened by a '---' line.")
        else:
            message = _("No front matter: a post must start with YAML front matter opened by a '---' line.")
        post.problems.append(finding_at(post, "file.front-matter", "error", message, 0, 1))
        return
    if not closing:
        post.body_start = len(source)
        post.problems.append(finding_at(
            post, "file.front-matter", "error", _("The front matter is not closed: there is no second '---' line."),
            0, 3))
        return
    post.fm_offset = opening.end()
    nl = source.find("\n", closing.end())
    post.body_start = len(source) if nl < 0 else nl + 1
    try:
        data, post.fm = parse_front(source[opening.end():closing.start()])
    except YamlError as exc:
        line_base = position(post, post.fm_offset)[0]
        post.problems.append(file_finding(post.path, "file.front-matter",
                                          _("The front matter is not valid YAML: {error}").format(error=exc.message),
                                          line_base + exc.line, exc.column + 1))
        return
    if not isinstance(data, dict):
        if data is None:
            message = _("The front matter must be a YAML mapping (key: value); this one is empty.")
        else:
            message = _("The front matter must be a YAML mapping (key: value); this one is a {type}.").format(
                type=type(data).__name__)
        post.problems.append(finding_at(post, "file.front-matter", "error", message, 0, 3))
        return
    post.front = data
    post.readable = True
