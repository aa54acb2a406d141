"""The repository as the language server sees it: the brand, every post as saved on disk, and
the documents open in the editor with their unsaved text.

Nothing here knows the protocol; ``checks.lsp.server`` calls it. Paths are relative to the
repository root (the folder that holds ``brand/``), as ``ekip check`` run there shows them, so
findings carry the same paths, messages and positions.

- **Which documents are posts**: a Markdown file under ``content/``, and elsewhere one that
  starts with front matter (the post templates under ``playbooks/``); never a file under
  ``brand/``. Others (README.md, handbook pages) get no findings.
- **Checks across posts** see every post: the open documents' text where they are open, the
  saved file for the rest. A finding they make about an open document is shown in it; about a
  post that is not open, nowhere (``ekip check`` reports it). For speed the calendar's checks
  get only the posts that can matter to an open post: those dated within two days plus the
  longest ``min_gap_minutes`` of one (a daily limit is counted within a day, a gap against the
  posts before, a quiet period needs the post alone), which finds the same for the open posts
  as the whole corpus would (a test compares with ``ekip check``). Every other check across
  posts gets them all.
- **Grammar** (LanguageTool) is off on every change: the per-change pass must stay fast and
  LanguageTool answers in hundreds of milliseconds. With the ``grammar`` option ``auto`` (the
  editor's setting), an open document goes to LanguageTool when it is opened and saved; those
  findings are shown until its text changes.
- **The brand**: ``reload_brand`` loads ``brand/`` again. When a brand file is invalid the
  error is kept (``brand_error``: the file and line) and the last brand that loaded is still
  used; before any loaded, the built-in defaults are.
- **Never raises for a post**: a check that fails on a half-typed post (a bug) becomes one
  ``internal`` finding at the top of the document, with the exception's text.
"""

from __future__ import annotations

import math
import os
import sys
import traceback
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from checks import engine, personal, suppress
from checks.boundary import boundary_for
from checks.brand.loader import find_brand_dir, load_brand
from checks.brand.model import Brand
from checks.builtin import CORPUS_CHECKS, CORPUS_NEEDS
from checks.builtin import calendar as calendar_check
from checks.context import Context
from checks.errors import EkipError
from checks.finding import Finding
from checks.findings import file_finding
from checks.i18n import _
from checks.options import Options
from checks.post import Post, read_post

INTERNAL = "internal"  # the rule id of a check that failed (never one of the SPEC's ids)


@dataclass
class Document:
    """An open document: its text, the editor's version, and what was found in it."""

    path: str
    text: str
    version: int | None = None
    post: Post | None = None
    own: list[Finding] | None = None  # the per-post checks, None until run on this text
    grammar: list[Finding] = field(default_factory=list)  # LanguageTool's, for this text
    findings: list[Finding] = field(default_factory=list)  # everything, as last shown


def encoded(text: str) -> bytes:
    """The document's text as the file's bytes would be (a lone surrogate from the editor stays
    invalid UTF-8, so it becomes a ``file.encoding`` finding, as in a file)."""
    return text.encode("utf-8", "surrogatepass")


class Repository:
    def __init__(self, root: Path, grammar_mode: str = "off") -> None:
        self.root = root.resolve()
        self.grammar_mode: str = grammar_mode
        self.now: datetime | None = None  # fixed "now" (the --now of ekip check), else the clock
        self.brand: Brand = load_brand(None, self.root)
        self.brand_error: EkipError | None = None
        self.brand_loaded = False
        self.disk: dict[str, Post] = {}
        self.open: dict[str, Document] = {}
        self._dated: list[tuple[datetime, str]] | None = None  # disk posts by time (UTC), for the calendar
        self._times: list[datetime] = []  # the times of _dated, for bisecting

    # -- paths ---------------------------------------------------------------------------------
    def rel(self, fs_path: str | Path) -> str:
        """The path ``ekip check`` run at the root shows for this file."""
        absolute = os.path.abspath(fs_path)
        rel = os.path.relpath(absolute, self.root)
        return absolute if rel.startswith("..") else rel

    def absolute(self, rel: str) -> Path:
        return self.root / rel

    def in_brand(self, rel: str) -> bool:
        return rel == "brand" or rel.startswith("brand" + os.sep)

    def is_post(self, rel: str, text: str | None = None) -> bool:
        if not rel.endswith(".md") or self.in_brand(rel) or os.path.isabs(rel):
            return False
        if rel.startswith("content" + os.sep):
            return True
        if text is None:
            try:
                return engine.starts_with_front_matter(self.absolute(rel))
            except OSError:
                return False
        return text.removeprefix("\ufeff").startswith("---")

    # -- the brand -----------------------------------------------------------------------------
    def reload_brand(self) -> EkipError | None:
        """Load ``brand/`` again; keep the last brand that loaded when it is invalid."""
        folder = find_brand_dir(self.root)
        try:
            brand = load_brand(folder, self.root) if folder is not None else load_brand(None, self.root)
        except EkipError as exc:
            self.brand_error = exc
            return exc
        self.brand = brand
        self.brand_error = None
        self.brand_loaded = True
        for doc in self.open.values():
            doc.own = None
            doc.grammar = []
        for post in self.disk.values():
            engine.prepare(post, self.context())
        self._dated = None
        return None

    def context(self, grammar: str = "off") -> Context:
        now = self.now or datetime.now(self.brand.timezone)
        return Context(self.brand, now, options=Options(grammar=grammar))

    # -- posts on disk -------------------------------------------------------------------------
    def scan(self) -> None:
        """Read every post on disk (``content/`` and the templates under ``playbooks/``)."""
        ctx = self.context()
        self.disk = {}
        self._dated = None
        for item in engine.collect(engine.default_paths(self.root), self.root):
            rel = self.rel(item)
            self.disk[rel] = self._read_disk(rel, ctx)

    def _read_disk(self, rel: str, ctx: Context) -> Post:
        post = read_post(rel, reader=boundary_for(self.root).read)  # no symlink out of the root
        if post.readable:
            engine.prepare(post, ctx)
            post.release()
        return post

    def disk_changed(self, rel: str) -> None:
        """A file was created, changed or deleted on disk."""
        self._dated = None
        if self.is_post(rel) and self.absolute(rel).is_file():
            self.disk[rel] = self._read_disk(rel, self.context())
        else:
            self.disk.pop(rel, None)

    # -- open documents ------------------------------------------------------------------------
    def set_text(self, rel: str, text: str, version: int | None = None) -> Document:
        doc = self.open.get(rel)
        if doc is None:
            doc = self.open[rel] = Document(rel, text, version)
        elif doc.text != text:
            doc.text, doc.own, doc.post, doc.grammar = text, None, None, []
        doc.version = version
        return doc

    def close(self, rel: str) -> None:
        self.open.pop(rel, None)
        self.disk_changed(rel)

    def post_of(self, doc: Document) -> Post:
        if doc.post is None:
            doc.post = read_post(doc.path, data=encoded(doc.text))
            if doc.post.readable:
                engine.prepare(doc.post, self.context())
        return doc.post

    # -- checking ------------------------------------------------------------------------------
    def analyze(self) -> dict[str, list[Finding]]:
        """Every open post's findings, as ``ekip check`` would report them with the open text
        saved; documents that are not posts get none."""
        ctx = self.context()
        posts = {rel: self.open_post(doc, ctx) for rel, doc in self.open.items() if self.is_post(rel, doc.text)}
        opened = [p for p in posts.values() if p.readable]
        everything: list[Post] | None = None
        across: dict[str, list[Finding]] = {}
        for check_all, needs in zip(CORPUS_CHECKS, CORPUS_NEEDS, strict=True):
            if not needs(ctx):
                continue
            if check_all is calendar_check.check_all:
                corpus = self.near(opened) + opened
            else:
                if everything is None:
                    everything = [p for rel, p in self.disk.items() if rel not in self.open and p.readable] + opened
                corpus = everything
            try:
                found = list(check_all(corpus, ctx))
            except Exception as exc:  # a bug in a check must not stop the server
                found = [internal(p, exc) for p in posts.values()]
            for f in found:
                if f.path in posts:
                    across.setdefault(f.path, []).append(f)
        out: dict[str, list[Finding]] = {}
        for rel, doc in self.open.items():
            post = posts.get(rel)
            if post is None:
                doc.findings = out[rel] = []
                continue
            found = list(doc.own or [])
            if rel in across:
                try:
                    found += suppress.apply(post, across[rel])
                except Exception as exc:
                    found.append(internal(post, exc))
            found += doc.grammar
            personal.mask_findings(found, personal.policy(self.brand))  # as ekip check reports them
            found.sort(key=Finding.sort_key)
            doc.findings = out[rel] = found
        return out

    def near(self, opened: list[Post]) -> list[Post]:
        """The saved posts (not open) dated close enough to an open post to matter to the
        calendar's checks about it."""
        tz = self.brand.timezone
        if self._dated is None:
            dated = []
            for rel, post in self.disk.items():
                when = calendar_check.post_time(post, tz) if post.readable else None
                if when is not None:
                    dated.append((when.astimezone(UTC), rel))
            self._dated = sorted(dated)
            self._times = [t for t, _rel in self._dated]
        gaps = (self.brand.calendar or {}).get("min_gap_minutes")
        longest = max((v for v in gaps.values() if isinstance(v, int | float)), default=0) \
            if isinstance(gaps, dict) else 0
        reach = timedelta(days=2 + math.ceil(max(longest, 0) / 1440))
        found: dict[str, Post] = {}
        for post in opened:
            when = calendar_check.post_time(post, tz)
            if when is None:
                continue
            when = when.astimezone(UTC)
            lo, hi = bisect_left(self._times, when - reach), bisect_right(self._times, when + reach)
            for _when, rel in self._dated[lo:hi]:
                if rel not in self.open:
                    found[rel] = self.disk[rel]
        return list(found.values())

    def open_post(self, doc: Document, ctx: Context) -> Post:
        """The document's post, its own findings worked out when its text changed."""
        post = self.post_of(doc)
        if doc.own is None:
            try:
                doc.own = engine.check_post(post, ctx)
            except Exception as exc:
                doc.own = [internal(post, exc)]
        return post

    def grammar_for(self, rel: str) -> tuple[list[Finding], list[str]] | None:
        """LanguageTool's findings on an open post (and the notices), or None when grammar is off
        or the document is not a post. Blocks on the network: call it off the server's loop."""
        doc = self.open.get(rel)
        if self.grammar_mode == "off" or doc is None or not self.is_post(rel, doc.text):
            return None
        post = self.post_of(doc)
        if not post.readable:
            return [], []
        ctx = self.context(grammar=self.grammar_mode)
        from checks.builtin import grammar

        try:
            found = suppress.apply(post, grammar.check_all([post], ctx))
        except EkipError as exc:  # --grammar required without a server
            return [], [str(exc)]
        except Exception as exc:
            return [internal(post, exc)], []
        return found, list(ctx.notices)


def internal(post: Post, exc: BaseException) -> Finding:
    """A check failed (a bug): say so at the top of the document instead of failing."""
    traceback.print_exception(exc, file=sys.stderr)
    return file_finding(post.path, INTERNAL,
                        _("Ekip failed while checking this file ({error}: {detail}); please report it.").format(
                            error=type(exc).__name__, detail=exc))
