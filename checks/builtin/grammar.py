"""``grammar.<LanguageTool rule id>`` (warning, info): LanguageTool's findings on posts in the brand's
grammar languages (brand.yml ``grammar.languages``, default ``[en]``).

It runs across posts (``check_all``), in the main process after the per-post checks, so
that the server is probed at most once per run however many workers the engine forked,
and the requests that are needed go out a few at a time.

``--grammar auto`` (default): use the server when it answers, else say once that grammar
was skipped. ``required``: exit 2 when it does not answer. ``off``: nothing. Results are
cached (``checks.grammar.cache``); a run whose posts are all cached sends no request.
See docs/GRAMMAR.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checks.context import Context
    from checks.finding import Finding
    from checks.post import Post

IDS = ("grammar.*",)


def needs_posts(ctx: Context) -> bool:
    return ctx.options.grammar_wanted


def check_all(posts: list[Post], ctx: Context) -> list[Finding]:
    if not needs_posts(ctx):
        return []
    # Imported on first need: the LanguageTool client, the cache and their imports cost time that
    # a run with grammar off (or the pre-commit case with only Turkish posts) should not pay.
    from checks.grammar.check import check_all as run_grammar

    return run_grammar(posts, ctx)
