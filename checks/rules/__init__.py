"""Rule kinds: one module each. ``KINDS`` maps a kind's name in rule files to its module;
``FILE_KINDS`` holds the kinds whose rules come from a brand file of their own (``FILE``, such
as ``sensitive.yml``), each built by its ``rules(brand)``."""

from __future__ import annotations

from types import ModuleType

from checks.rules import ban, casing, limit, pattern, prefer, readability, require, sensitive, yazim

KINDS: dict[str, ModuleType] = {m.KIND: m for m in (ban, prefer, casing, limit, pattern, require)}
FILE_KINDS: dict[str, ModuleType] = {}


def register(module: ModuleType) -> None:
    """Add a kind (built-in extensions such as ``readability`` call this): one with a ``FILE``
    of its own goes to ``FILE_KINDS``, any other to ``KINDS``."""
    (FILE_KINDS if hasattr(module, "FILE") else KINDS)[module.KIND] = module


register(readability)
register(yazim)
register(sensitive)
