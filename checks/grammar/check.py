"""The work of the ``grammar`` check (``checks.builtin.grammar``, which documents it): which
posts to send and what to say about the others. Sending them (cache, server, findings) is
``checks.grammar.run``, imported only when there is something to send."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checks.grammar.annotate import Annotated, annotate
from checks.grammar.config import GrammarConfig
from checks.i18n import _

if TYPE_CHECKING:
    from checks.context import Context
    from checks.finding import Finding
    from checks.post import Post


@dataclass(eq=False)
class Job:
    post: Post
    language: str  # as configured (en-US); the server's spelling may differ in case only
    text: Annotated
    key: str = ""
    found: list[dict[str, Any]] | None = None
    failure: str = ""


def check_all(posts: list[Post], ctx: Context) -> list[Finding]:
    mode = ctx.options.grammar  # the CLI always sets it (default auto); callers of the engine opt in
    if mode not in ("auto", "required"):
        return []
    config = GrammarConfig.from_brand(ctx.brand)
    changes = ctx.options.git_changes if ctx.options.changed else None
    if changes is not None:
        posts = [p for p in posts if changes.is_changed(p.file)]  # --changed: only those are reported
    jobs: list[Job] = []
    turkish = 0
    unlisted: set[str] = set()
    for post in posts:
        language = config.language_for(post.lang)
        if language is None:
            if post.lang.split("-")[0].lower() == "tr":
                turkish += 1
            else:
                unlisted.add(post.lang)
            continue
        text = annotate(post)
        if text.has_text:
            jobs.append(Job(post, language, text))
    turkish_note = ""
    if turkish and "tr-yazim" in ctx.brand.packs:
        # nothing is missing: this is said once (per cache folder), not on every run
        if ctx.options.verbose or first_time("grammar-turkish-by-tr-yazim"):
            turkish_note = _("LanguageTool has no Turkish; the spelling of Turkish posts is checked by the "
                             "tr-yazim pack only (said once)")
    elif turkish:
        turkish_note = _("LanguageTool has no Turkish, and the tr-yazim pack is not enabled (brand.yml "
                         "packs): the spelling of Turkish posts is not checked")
    if unlisted:
        ctx.notice(_("grammar: posts in {languages} are not checked: not in brand.yml grammar.languages "
                     "({listed})").format(languages=", ".join(sorted(unlisted)),
                                          listed=", ".join(config.languages) or "-"))
    if not jobs and mode == "auto":
        # Nothing to send (all Turkish, say: the pre-commit case): no server, cache or client
        # is needed, nor imported.
        if turkish_note:
            ctx.notice(_("grammar: {what}").format(what=turkish_note))
        return []
    from checks.grammar.run import Run

    return Run(config, mode, ctx).run(jobs, turkish_note)


def first_time(key: str) -> bool:
    """Whether a notice that repeats on every run (``key`` names it) has not been said yet with
    this cache folder (``$EKIP_CACHE_DIR``, else the user's cache); it is marked said now. When the
    folder cannot be written, the notice is said every time (nothing is lost)."""
    from checks.brand.trust import cache_dir

    marker = cache_dir() / "said" / key
    try:
        if marker.exists():
            return False
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        return True
    return True
