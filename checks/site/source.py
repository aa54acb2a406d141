"""Reading what the site is made of: the brand, the posts under ``content/``, and one
``ekip check`` run over all of them (grammar off; cross-post checks included)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from checks import engine, gcpause, registry
from checks.brand.loader import load_brand
from checks.brand.model import Brand
from checks.context import Context
from checks.finding import Finding
from checks.post import Post


@dataclass
class Sources:
    brand: Brand
    posts: list[Post]
    findings: list[Finding] = field(default_factory=list)
    unreadable: int = 0
    builtin_ids: list[str] = field(default_factory=registry.builtin_ids)


def load(root: Path, now: datetime | None = None, brand: Brand | None = None, jobs: int | None = None) -> Sources:
    """``root`` holds ``brand/`` (optional: defaults apply) and ``content/``. ``now`` defaults
    to the current time in the brand's timezone; ``jobs`` is passed to ``engine.run`` (1: no
    worker processes). Raises ``EkipError`` for an invalid brand."""
    root = root.resolve()
    brand = brand or load_brand_at(root)
    now = now or datetime.now(brand.timezone)
    content = root / "content"
    items = engine.collect([str(content)], root) if content.is_dir() else []
    ctx = Context(brand, now, options={"grammar": "off"})
    with gcpause.paused():
        findings = engine.run(items, ctx, jobs=jobs)
    return Sources(brand, list(ctx.posts), findings, unreadable=len(items) - len(ctx.posts))


def load_brand_at(root: Path) -> Brand:
    """``root/brand`` loaded, or the built-in defaults when there is none."""
    brand_dir = root.resolve() / "brand"
    return load_brand(brand_dir if brand_dir.is_dir() else None, root.resolve())
