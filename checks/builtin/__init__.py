"""Built-in checks with fixed ids. A post check is ``check(post, ctx)``; a corpus check
(across posts, such as the calendar) is ``check_all(posts, ctx)``. Both yield findings.

To add one: write a module with ``IDS`` and ``check`` or ``check_all``, and list it below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import ModuleType
from typing import TYPE_CHECKING

from checks.builtin import schema

if TYPE_CHECKING:
    from checks.context import Context
    from checks.finding import Finding
    from checks.post import Post

MODULES: list[ModuleType] = [schema]


def _optional(name: str) -> None:
    """Modules added by later work register here once they exist."""
    import importlib

    try:
        MODULES.append(importlib.import_module(f"checks.builtin.{name}"))
    except ModuleNotFoundError as exc:
        if exc.name != f"checks.builtin.{name}":
            raise


for _name in ("platform", "links", "disclosure", "pii", "workflow", "calendar", "crisis", "grammar"):
    _optional(_name)

POST_CHECKS: list[Callable[[Post, Context], Iterable[Finding]]] = [
    m.check for m in MODULES if hasattr(m, "check")
]
CORPUS_CHECKS: list[Callable[[list[Post], Context], Iterable[Finding]]] = [
    m.check_all for m in MODULES if hasattr(m, "check_all")
]
BUILTIN_IDS: list[str] = [
    "file.encoding", "file.front-matter", "suppression", *(i for m in MODULES for i in m.IDS)
]
