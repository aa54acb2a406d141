"""Built-in checks with fixed ids. A post check is ``check(post, ctx)``; a corpus check
(across posts, such as the calendar) is ``check_all(posts, ctx)``, with ``needs_posts(ctx)``
telling whether it has anything to do in this run. Both yield findings, built with
``checks.findings``; the engine adds suppression and personal-data masking to every one.

To add one: write a module with ``IDS`` and ``check`` or ``check_all``, describe each id in its
docstring as ````id`` (level): what it finds.`` (``checks.registry`` reads it), and list it in
``MODULES``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import ModuleType
from typing import TYPE_CHECKING

from checks.builtin import calendar, crisis, disclosure, grammar, links, pii, platform, posted, schema, workflow

if TYPE_CHECKING:
    from checks.context import Context
    from checks.finding import Finding
    from checks.post import Post

MODULES: list[ModuleType] = [schema, platform, links, disclosure, pii, workflow, posted, calendar, crisis, grammar]

POST_CHECKS: list[Callable[[Post, Context], Iterable[Finding]]] = [
    m.check for m in MODULES if hasattr(m, "check")
]
CORPUS_CHECKS: list[Callable[[list[Post], Context], Iterable[Finding]]] = [
    m.check_all for m in MODULES if hasattr(m, "check_all")
]
# A corpus check's ``needs_posts(ctx)`` says whether it has work in this run; without one it always has.
CORPUS_NEEDS: list[Callable[[Context], bool]] = [
    getattr(m, "needs_posts", lambda ctx: True) for m in MODULES if hasattr(m, "check_all")
]
# A corpus check with ``WHOLE_REPOSITORY = True`` compares each post with the others (the
# calendar): a run on some files lets it see the repository's other posts as well.
CORPUS_WHOLE: list[bool] = [
    bool(getattr(m, "WHOLE_REPOSITORY", False)) for m in MODULES if hasattr(m, "check_all")
]
