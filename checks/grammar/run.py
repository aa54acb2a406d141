"""Sending the posts that the grammar check chose (``checks.grammar.check``) to LanguageTool:
the cache, the server, the requests a few at a time, and the findings."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from checks.errors import EkipError
from checks.grammar import results
from checks.grammar.annotate import Utf16
from checks.grammar.cache import Cache, result_key
from checks.grammar.config import GrammarConfig, post_vocabulary
from checks.grammar.server import Server, ServerFailure, connect
from checks.i18n import _, ngettext

if TYPE_CHECKING:
    from checks.context import Context
    from checks.finding import Finding
    from checks.grammar.check import Job

THREADS = 3  # requests in flight at once; the server checks them in parallel


class Run:
    def __init__(self, config: GrammarConfig, mode: str, ctx: Context) -> None:
        self.config = config
        self.required = mode == "required"
        self.ctx = ctx
        self.cache = Cache() if ctx.options.cache else None
        self.server: Server | None = None
        self.down = ""  # why the server is not there, once probed

    def run(self, jobs: list[Job], turkish_note: str = "") -> list[Finding]:
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
                skipped = _("skipped for {posts}: LanguageTool does not answer at {server} ({reason}); start "
                            "it with 'scripts/languagetool start' or pass --grammar off").format(
                    posts=_posts(len(pending)), server=self.config.server, reason=self.down)
                # one notice: the Turkish note, when there is one, as its second sentence
                self.ctx.notice(_("grammar: {what}").format(
                    what=f"{skipped}. {turkish_note}" if turkish_note else skipped))
                turkish_note = ""
            else:
                if server.version != version:
                    for j in jobs:
                        j.found = None
                    self._lookup(jobs, server.version)
                self._fetch(server, [j for j in jobs if j.found is None])
        if turkish_note:
            self.ctx.notice(_("grammar: {what}").format(what=turkish_note))
        if self.cache and self.cache.write_error:
            self.ctx.notice(_("grammar: cannot write the cache ({error}); results are not kept").format(
                error=self.cache.write_error))
        out: list[Finding] = []
        vocabulary = self.config.vocabulary
        for job in jobs:
            if job.found:
                words = vocabulary | post_vocabulary(job.post)
                out.extend(results.findings(job.post, job.found, job.text.markup,
                                            self.config.disabled_rules, words))
        return out

    def _connect(self, jobs: list[Job]) -> Server | None:
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

    def _lookup(self, jobs: list[Job], version: str) -> None:
        for job in jobs:
            job.key = result_key(job.text.data, job.language, version, self.config.disabled_rules)
            job.found = self.cache.get(job.key) if self.cache else None

    def _fetch(self, server: Server, pending: list[Job]) -> None:
        if not pending:
            return
        spelling: dict[str, str | None] = {}
        todo: list[tuple[Job, str]] = []
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
            self.ctx.notice(_("grammar: the LanguageTool server at {server} has no {language}; {posts} in it "
                              "not checked").format(server=server.url, language=language, posts=_posts(n)))

        def one(item: tuple[Job, str]) -> None:
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
        failed = [job for job, _sent in todo if job.failure]
        if failed:
            what = _("LanguageTool at {server} failed for {posts} ({reason})").format(
                server=server.url, posts=_posts(len(failed)), reason=failed[0].failure)
            if self.required:
                raise EkipError(_("grammar: {what}").format(what=what))
            self.ctx.notice(_("grammar: {what}; not checked").format(what=what))


def _posts(n: int) -> str:
    return ngettext("{n} post", "{n} posts", n).format(n=n)
