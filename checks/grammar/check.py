"""The work of the ``grammar`` check (``checks.builtin.grammar``, which documents it): the
posts to send, the cache, the requests and the findings."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checks.errors import EkipError
from checks.grammar import results
from checks.grammar.annotate import Annotated, Utf16, annotate
from checks.grammar.cache import Cache, result_key
from checks.grammar.config import GrammarConfig, post_vocabulary
from checks.grammar.server import Server, ServerFailure, connect

if TYPE_CHECKING:
    from checks.context import Context
    from checks.finding import Finding
    from checks.post import Post

THREADS = 3  # requests in flight at once; the server checks them in parallel


@dataclass(eq=False)
class _Job:
    post: Post
    language: str  # as configured (en-US); the server's spelling may differ in case only
    text: Annotated
    key: str = ""
    found: list[dict[str, Any]] | None = None
    failure: str = ""


def check_all(posts: list[Post], ctx: Context) -> list[Finding]:
    mode = ctx.options.get("grammar", "off")  # the CLI always sets it (default auto); callers of the engine opt in
    if mode not in ("auto", "required"):
        return []
    config = GrammarConfig.from_brand(ctx.brand)
    changes = ctx.options.get("git_changes") if ctx.options.get("changed") else None
    if changes is not None and hasattr(changes, "is_changed"):
        posts = [p for p in posts if changes.is_changed(p.file)]  # --changed: only those are reported
    jobs: list[_Job] = []
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
            jobs.append(_Job(post, language, text))
    turkish_note = ""
    if turkish and "tr-yazim" in ctx.brand.packs:
        turkish_note = "LanguageTool has no Turkish; the spelling of Turkish posts is checked by the tr-yazim pack only"
    elif turkish:
        turkish_note = ("LanguageTool has no Turkish, and the tr-yazim pack is not enabled (brand.yml packs): "
                        "the spelling of Turkish posts is not checked")
    if unlisted:
        ctx.notice(f"grammar: posts in {', '.join(sorted(unlisted))} are not checked: not in brand.yml "
                   f"grammar.languages ({', '.join(config.languages) or 'none'})")
    return _Run(config, mode, ctx).run(jobs, turkish_note)


class _Run:
    def __init__(self, config: GrammarConfig, mode: str, ctx: Context) -> None:
        self.config = config
        self.required = mode == "required"
        self.ctx = ctx
        self.cache = Cache() if ctx.options.get("cache", True) else None
        self.server: Server | None = None
        self.down = ""  # why the server is not there, once probed

    def run(self, jobs: list[_Job], turkish_note: str = "") -> list[Finding]:
        """Findings of ``jobs``. ``turkish_note`` is said once: on its own, or after the notice
        that grammar was skipped, so that a run without a server says one thing."""
        if self.required:
            self._connect(jobs)
        version = self.server.version if self.server else None
        if version is None and self.cache:
            version = self.cache.server_version(self.config.server)
        if version is not None:
            self._lookup(jobs, version)
        pending = [j for j in jobs if j.found is None]
        if pending:
            server = self._connect(jobs)
            if server is None:
                self.ctx.notice(
                    f"grammar: skipped for {_posts(len(pending))}: LanguageTool does not answer at "
                    f"{self.config.server} ({self.down}); start it with 'scripts/languagetool start' "
                    "or pass --grammar off" + (f". {turkish_note}" if turkish_note else ""))
                turkish_note = ""
            else:
                if server.version != version:
                    for j in jobs:
                        j.found = None
                    self._lookup(jobs, server.version)
                self._fetch(server, [j for j in jobs if j.found is None])
        if turkish_note:
            self.ctx.notice(f"grammar: {turkish_note}")
        if self.cache and self.cache.write_error:
            self.ctx.notice(f"grammar: cannot write the cache ({self.cache.write_error}); results are not kept")
        out: list[Finding] = []
        vocabulary = self.config.vocabulary
        for job in jobs:
            if job.found:
                words = vocabulary | post_vocabulary(job.post)
                out.extend(results.findings(job.post, job.found, job.text.markup,
                                            self.config.disabled_rules, words))
        return out

    def _connect(self, jobs: list[_Job]) -> Server | None:
        if self.server is not None or self.down:
            return self.server
        got = connect(self.config.server, self.config.disabled_rules)
        if isinstance(got, str):
            self.down = got
            if self.required:
                raise EkipError(
                    f"grammar: LanguageTool does not answer at {self.config.server} ({got}), and "
                    f"--grammar required needs it (server from {self.config.server_source}); start it "
                    "with 'scripts/languagetool start' or set EKIP_LANGUAGETOOL_URL")
            return None
        if not got.version:
            try:
                got.learn_version(jobs[0].language if jobs else "en-US")
            except ServerFailure:
                got.version = "unknown"
        self.server = got
        if self.cache and got.version != "unknown":
            self.cache.remember_server(self.config.server, got.version)
        return got

    def _lookup(self, jobs: list[_Job], version: str) -> None:
        for job in jobs:
            job.key = result_key(job.text.data, job.language, version, self.config.disabled_rules)
            job.found = self.cache.get(job.key) if self.cache else None

    def _fetch(self, server: Server, pending: list[_Job]) -> None:
        if not pending:
            return
        spelling: dict[str, str | None] = {}
        todo: list[tuple[_Job, str]] = []
        missing: dict[str, int] = {}
        for job in pending:
            if job.language not in spelling:
                spelling[job.language] = server.supports(job.language)
            sent = spelling[job.language]
            if sent is None:
                missing[job.language] = missing.get(job.language, 0) + 1
            else:
                todo.append((job, sent))
        for language, n in sorted(missing.items()):
            self.ctx.notice(f"grammar: the LanguageTool server at {server.url} has no {language}; "
                            f"{_posts(n)} in it not checked")

        def one(item: tuple[_Job, str]) -> None:
            job, sent = item
            try:
                answer = server.check(sent, job.text.data)
            except ServerFailure as exc:
                job.failure = str(exc)
                return
            job.found = results.entries(answer, Utf16(job.post.body))
            if self.cache:
                self.cache.put(job.key, job.found)

        if len(todo) == 1:
            one(todo[0])
        elif todo:
            with ThreadPoolExecutor(max_workers=min(THREADS, len(todo))) as pool:
                list(pool.map(one, todo))
        failed = [job for job, _ in todo if job.failure]
        if failed:
            what = f"LanguageTool at {server.url} failed for {_posts(len(failed))} ({failed[0].failure})"
            if self.required:
                raise EkipError(f"grammar: {what}")
            self.ctx.notice(f"grammar: {what}; not checked")


def _posts(n: int) -> str:
    return f"{n} post" if n == 1 else f"{n} posts"
