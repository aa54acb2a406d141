"""Reading what the site is made of: the brand, the posts under ``content/``, and one
``ekip check`` run over all of them (grammar off; cross-post checks included).

Posts are read by their absolute paths (the build runs from anywhere); a finding that names
another post (``calendar.gap``) would then show the build machine's folders, so the root's
path is cut from every finding's message and match: the site shows paths relative to the
repository root, as ``ekip check`` run there does."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from checks import engine, gcpause, registry
from checks.brand.loader import load_brand
from checks.brand.model import Brand
from checks.context import Context
from checks.finding import Finding
from checks.metrics.dataset import Dataset
from checks.post import Post


@dataclass
class Sources:
    brand: Brand
    posts: list[Post]
    findings: list[Finding] = field(default_factory=list)
    unreadable: int = 0
    builtin_ids: list[str] = field(default_factory=registry.builtin_ids)
    metrics: Dataset | None = None  # the numbers under metrics/, when there are any
    media: dict[str, bytes] = field(default_factory=dict)  # repository path -> bytes of post images


def load(root: Path, now: datetime | None = None, brand: Brand | None = None, jobs: int | None = None) -> Sources:
    """``root`` holds ``brand/`` (optional: defaults apply) and ``content/``. ``now`` defaults
    to the current time in the brand's timezone; ``jobs`` is passed to ``engine.run`` (1: no
    worker processes). Raises ``EkipError`` for an invalid brand."""
    root = root.resolve()
    brand = brand or load_brand_at(root)
    now = now or datetime.now(brand.timezone)
    content = root / "content"
    items = engine.collect([str(content)], root) if content.is_dir() else []
    ctx = Context(brand, now)
    with gcpause.paused():
        findings = _relative(engine.run(items, ctx, jobs=jobs), root)
    posts = list(ctx.posts)
    metrics = None
    if (root / "metrics").is_dir():
        from checks.metrics.dataset import load as load_metrics

        metrics = load_metrics(brand, posts)
    return Sources(brand, posts, findings, unreadable=len(items) - len(ctx.posts), metrics=metrics,
                   media=read_media(root, posts))
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"})
MEDIA_MAX_BYTES = 10 * 1024 * 1024


def read_media(root: Path, posts: list[Post]) -> dict[str, bytes]:
    """The images the posts name in ``media``, for their previews: only regular files inside the
    repository (no ``..``, no symlink that leads out), of an image type, at most 10 MiB each.
    Keys are the paths as written (POSIX, relative to the repository root)."""
    out: dict[str, bytes] = {}
    for post in posts:
        media = post.front.get("media")
        for item in media if isinstance(media, list) else []:
            rel = item.get("path") if isinstance(item, dict) else None
            if not isinstance(rel, str) or rel in out or Path(rel).suffix.lower() not in IMAGE_SUFFIXES:
                continue
            try:
                path = (root / rel).resolve()
                if not path.is_relative_to(root) or not path.is_file() or path.stat().st_size > MEDIA_MAX_BYTES:
                    continue
                out[rel] = path.read_bytes()
            except (OSError, ValueError):
                continue
    return out


def _relative(findings: list[Finding], root: Path) -> list[Finding]:
    """The findings with ``root`` (and the folder path ending in it) cut from message and match."""
    prefix = str(root).rstrip(os.sep) + os.sep
    out = []
    for f in findings:
        if prefix in f.message or prefix in f.match or str(root) in f.message:
            f = replace(f, message=f.message.replace(prefix, "").replace(str(root), "."),
                        match=f.match.replace(prefix, "").replace(str(root), "."))
        out.append(f)
    return out


def load_brand_at(root: Path) -> Brand:
    """``root/brand`` loaded, or the built-in defaults when there is none."""
    brand_dir = root.resolve() / "brand"
    return load_brand(brand_dir if brand_dir.is_dir() else None, root.resolve())
