"""Rule kinds: one module each. ``KINDS`` maps a kind's name in rule files to its module."""

from __future__ import annotations

from types import ModuleType

from checks.rules import ban, casing, limit, pattern, prefer, readability, require, yazim

KINDS: dict[str, ModuleType] = {m.KIND: m for m in (ban, prefer, casing, limit, pattern, require)}


def register(module: ModuleType) -> None:
    """Add a kind (built-in extensions such as ``readability`` call this)."""
    KINDS[module.KIND] = module


register(readability)
register(yazim)
