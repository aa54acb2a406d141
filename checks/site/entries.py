"""Posts as the site shows them: brand-local time, title, preview page, findings, and whether
the post is under embargo (then only its time and platforms may be shown).

Personal data (``checks.personal``) is masked in everything an entry hands to a page: title,
campaign, the file path, and the text (``public_text``) unless the post has ``pii_consent``,
which lets its own text show in the preview (its findings stay masked). An embargoed post's
platform ids that the brand does not know are shown as ``UNKNOWN_PLATFORM``: an unknown id is
free text and may say what the post is about."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path, PurePath, PurePosixPath
from typing import TYPE_CHECKING

from checks import personal
from checks.i18n import _
from checks.ical import is_embargoed, post_key
from checks.site.model import PREVIEW_DIR
from checks.timeutil import parse

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.finding import Finding
    from checks.post import Post

UNKNOWN_PLATFORM = "?"
_UNSAFE = re.compile(r"[^\w-]+")


@dataclass
class Entry:
    post: Post
    key: str  # path relative to the repository root: content/posts/2026/12/x.md
    when: datetime | None  # brand-local; None when the post has no valid date
    embargoed: bool
    title: str  # personal data masked
    platforms: list[str]  # an embargoed post's unknown ids replaced by UNKNOWN_PLATFORM
    rules: personal.Policy = personal.NO_POLICY  # what is not personal data for this brand
    page: str | None = None  # docs path of the preview page; never set for an embargoed post
    findings: list[Finding] = field(default_factory=list)

    def public(self, value: object) -> str:
        """A string from the post as a page may show it: personal data masked."""
        return personal.redact(str(value), self.rules)

    @property
    def public_text(self) -> str:
        """The post's text for its preview: masked, unless the post has ``pii_consent``."""
        consent = self.post.front.get("pii_consent")
        text = self.post.text
        return text if isinstance(consent, str) and consent.strip() else personal.redact(text, self.rules, "\\*")

    @property
    def status(self) -> str:
        return self.post.status

    @property
    def campaign(self) -> str:
        value = self.post.front.get("campaign")
        return self.public(value) if isinstance(value, str) else ""

    @property
    def author(self) -> str:
        value = self.post.front.get("author")
        return self.public(value) if isinstance(value, str) else ""

    @property
    def crisis(self) -> bool:
        return self.post.front.get("crisis") is True

    def count(self, level: str) -> int:
        return sum(1 for f in self.findings if f.level == level)


def _key(post: Post, root: Path) -> str:
    """The post's path relative to the repository root, like ``checks.ical.post_key`` but
    without resolving symlinks when the path is already under the root (thousands of posts)."""
    try:
        return PurePath(post.file).relative_to(root).as_posix()
    except ValueError:
        return post_key(post, root)


def member_name(brand: Brand, member: str) -> str:
    info = brand.members.get(member)
    name = info.get("name") if isinstance(info, dict) else None
    return name if isinstance(name, str) and name else member


def build_entries(brand: Brand, posts: Sequence[Post], now: datetime,
                  findings: Iterable[Finding] = ()) -> list[Entry]:
    """One entry per post, sorted by time (undated last), then path. Findings of embargoed
    posts are dropped, and what would name an embargoed post in another post's findings
    (its title, path or file name) is replaced by a placeholder."""
    tz = brand.timezone
    rules = personal.policy(brand)
    entries: list[Entry] = []
    for post in posts:
        raw = post.front.get("date")
        when = parse(raw, tz) if isinstance(raw, str) else None
        title = post.front.get("title")
        embargoed = is_embargoed(post, brand, now)
        platforms = post.platforms
        if embargoed:
            platforms = [p if p in brand.platforms else UNKNOWN_PLATFORM for p in platforms]
        entries.append(Entry(
            post=post,
            key=_key(post, brand.root),
            when=when.astimezone(tz) if when else None,
            embargoed=embargoed,
            title=personal.redact(str(title).strip() if title not in (None, "")
                                  else _("(untitled) {name}").format(name=PurePosixPath(post.path).stem), rules),
            platforms=platforms,
            rules=rules,
        ))
    entries.sort(key=lambda e: (e.when is None, e.when or now, e.key))
    _assign_pages(entries)
    _attach_findings(entries, findings)
    return entries


def _assign_pages(entries: list[Entry]) -> None:
    taken: set[str] = set()
    for e in entries:
        if e.embargoed:
            continue
        parts = PurePosixPath(e.public(e.key)).with_suffix("").parts
        parts = parts[2:] if parts[:2] == ("content", "posts") else parts[1:] or parts
        slug = _UNSAFE.sub("-", "-".join(parts).lower()).strip("-") or "gonderi"
        candidate, n = slug, 2
        while candidate in taken:
            candidate, n = f"{slug}-{n}", n + 1
        taken.add(candidate)
        e.page = f"{PREVIEW_DIR}/{candidate}.md"


def _attach_findings(entries: list[Entry], findings: Iterable[Finding]) -> None:
    by_path = {e.post.path: e for e in entries}
    secrets = sorted({s for e in entries if e.embargoed for s in _names(e) if len(s) >= 3}, key=len, reverse=True)
    for f in findings:
        entry = by_path.get(f.path)
        if entry is None or entry.embargoed:
            continue
        if secrets:
            f = _redacted(f, secrets)
        entry.findings.append(f)


def _names(e: Entry) -> set[str]:
    """Strings that identify an embargoed post."""
    stem = PurePosixPath(e.key).stem
    names = {e.key, e.post.path, stem, stem.replace("-", " ")}
    title = e.post.front.get("title")
    if isinstance(title, str) and title.strip():
        names.add(title.strip())
    return names


def _redacted(f: Finding, secrets: list[str]) -> Finding:
    message, match = f.message, f.match
    for s in secrets:
        message = _replace_folded(message, s)
        match = _replace_folded(match, s)
    return f if (message, match) == (f.message, f.match) else replace(f, message=message, match=match)


def _replace_folded(text: str, secret: str) -> str:
    if not text:
        return text
    placeholder = _("[embargoed post]")
    return re.sub(re.escape(secret), lambda _m: placeholder, text, flags=re.IGNORECASE)
