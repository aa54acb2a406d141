"""The run: paths -> posts -> checks -> findings -> suppression. Nothing here prints."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from checks import datecache, forkshare, personal, suppress
from checks.boundary import Outside, boundary_for
from checks.builtin import CORPUS_CHECKS, CORPUS_NEEDS, CORPUS_WHOLE, POST_CHECKS
from checks.context import Context
from checks.errors import EkipError
from checks.files import collect as collect  # the post files: callers use engine.collect and the others
from checks.files import default_paths as default_paths
from checks.files import starts_with_front_matter as starts_with_front_matter
from checks.files import walk as walk
from checks.finding import Finding, Fix
from checks.findings import file_finding
from checks.i18n import _
from checks.post import Post, read_post
from checks.text.segments import body_segment, hashtag_segment

PARALLEL_FROM = 1500  # posts; below this, starting workers costs more than it saves


def prepare(post: Post, ctx: Context) -> None:
    lang = post.front.get("lang")
    post.lang = lang if isinstance(lang, str) and lang else ctx.brand.default_lang


def check_rules(post: Post, ctx: Context) -> list[Finding]:
    """The brand's rules (rules/*.yml, packs, sensitive topics) on one post."""
    plan = ctx.brand.rules_for(post.lang, post.platforms)
    if not plan.rules:
        return []
    findings: list[Finding] = []
    matcher = ctx.brand.matcher
    if matcher:
        active = plan.active
        lang = post.lang
        body = body_segment(post.body, post.words_text)
        for hit in matcher.find(body.text, body.scan, lang):
            owner = hit.entry.owner
            if owner in active and (f := owner.on_hit(post, hit, body, ctx)) is not None:
                findings.append(f)
        for start, _end, tag in post.hashtags:
            seg = hashtag_segment(start, tag)
            for hit in matcher.find_cached(tag, seg.text, seg.scan, lang):
                owner = hit.entry.owner
                if owner in active and (f := owner.on_hit(post, hit, seg, ctx)) is not None:
                    findings.append(f)
    for rule in plan.checkers:
        findings.extend(rule.check(post, ctx))
    return findings


def check_post(post: Post, ctx: Context) -> list[Finding]:
    if not post.readable:
        return list(post.problems)
    prepare(post, ctx)
    findings: list[Finding] = []
    for check in POST_CHECKS:
        findings.extend(check(post, ctx))
    findings.extend(check_rules(post, ctx))
    return suppress.apply(post, findings)


def internal_error(path: str, exc: BaseException) -> Finding:
    """The finding for an error of our own while checking the post at ``path``: the run goes on."""
    text = str(exc)
    text = text if len(text) <= 200 else text[:197] + "..."
    return file_finding(path, "file.internal-error",
                        _("An unexpected error occurred while checking the post ({error}: {text}); the rest of the "
                     "post was not checked. Please report it together with this file.").format(
                       error=type(exc).__name__, text=text))


def _check_chunk(
    items: list[str], ctx: Context, in_worker: bool = False, keep_posts: bool = True
) -> tuple[list[Finding], list[Post]]:
    findings: list[Finding] = []
    posts: list[Post] = []
    fixing = ctx.options.fix
    reader = boundary_for(ctx.brand.root).read  # nothing outside the root through a symlink
    for shown in items:
        try:
            post = read_post(shown, reader=reader)
            found = check_post(post, ctx)
            if fixing:
                _mark_fixes(post, found)
        except EkipError:
            raise  # the brand is at fault, not the post: exit 2 naming the brand file
        except Exception as exc:  # one bad post never stops the run
            post, found = Post(shown), [internal_error(shown, exc)]
        findings.extend(found)
        if keep_posts and post.readable:
            post.release(keep_source=not in_worker)
            posts.append(post)
    return findings, posts


def _mark_fixes(post: Post, findings: list[Finding]) -> None:
    """Give each fix the digest of the text it was computed on (``--fix`` compares it with the
    file before writing: see ``checks.fix``)."""
    base = None
    for f in findings:
        if f.fix is not None:
            if base is None:
                from checks.fix import digest

                base = digest(post.source)
            f.fix = Fix(f.fix.start, f.fix.end, f.fix.replacement, base)


def _share(
    chunks: list[list[str]], ctx: Context, take: Any, in_worker: bool, keep_posts: bool,
    each: Callable[[list[Finding], list[Post]], None],
) -> None:
    """Check chunks, taking the next free one from the shared counter until none is left;
    ``each`` gets every chunk's findings and posts as soon as the chunk is done."""
    while (i := take()) < len(chunks):
        each(*_check_chunk(chunks[i], ctx, in_worker=in_worker, keep_posts=keep_posts))


def _widen(conn: Any) -> None:
    """Give a pipe a 1 MiB buffer (Linux), so that a worker sending a chunk's results does not
    wait for this process to finish its own chunk and read them."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


def _check_parallel(
    items: list[str], ctx: Context, jobs: int, keep_posts: bool
) -> tuple[list[Finding], list[Post]]:
    """Forked workers and this process take chunks from one counter, so the work evens out
    (the two CPUs of a small machine are often two threads of one core and do not run at the
    same speed) and this process's own share never has to be sent anywhere."""
    import multiprocessing

    mp = multiprocessing.get_context("fork")
    count = min(jobs * 16, forkshare.MAX_TASKS)  # chunk numbers are single bytes
    chunks = [items[i::count] for i in range(count)]
    counter, ticket = forkshare.tickets(len(chunks))  # the shared counter of chunk numbers

    def take() -> int:
        number = ticket()
        return len(chunks) if number is None else number

    def child(conn: Any) -> None:
        # Each chunk's results go to this process at once, so that reading them overlaps with
        # checking instead of all arriving (and being unpickled) after the last chunk.
        try:
            _share(chunks, ctx, take, True, keep_posts,
                   lambda f, p: conn.send(("chunk", [x.as_tuple() for x in f], p)))
            conn.send(("done", list(ctx.notices)))
        except EkipError as exc:  # the brand: the parent exits 2 with the same message
            conn.send(("brand", exc.message, exc.path, exc.line))
        except BaseException as exc:  # report it to the parent instead of dying silently
            conn.send(("error", repr(exc)))
        finally:
            conn.close()

    findings: list[Finding] = []
    posts: list[Post] = []
    running = []
    for _worker in range(jobs - 1):
        receive, send = mp.Pipe(duplex=False)
        _widen(send)
        proc = mp.Process(target=child, args=(send,), daemon=True)
        proc.start()
        send.close()
        running.append((proc, receive))

    def read(block: bool) -> None:
        """Take in what the workers have sent (all of it, until each is done, when blocking)."""
        for worker in list(running):
            proc, receive = worker
            while block or receive.poll():
                try:
                    kind, *payload = receive.recv()
                except EOFError:
                    raise EkipError("a worker process ended without reporting its results") from None
                if kind == "chunk":
                    findings.extend(Finding.from_tuples(payload[0]))
                    posts.extend(payload[1])
                    continue
                proc.join()
                running.remove(worker)
                if kind == "brand":
                    raise EkipError(*payload)
                if kind != "done":
                    raise EkipError(f"a worker process failed: {payload[0]}")
                for notice in payload[0]:
                    ctx.notice(notice)
                break

    def own(f: list[Finding], p: list[Post]) -> None:
        findings.extend(f)
        posts.extend(p)
        read(block=False)

    try:
        _share(chunks, ctx, take, False, keep_posts, own)
        read(block=True)
    finally:
        os.close(counter)
    order = {shown: i for i, shown in enumerate(items)}
    posts.sort(key=lambda p: order[p.path])
    return findings, posts


def posts_needed(ctx: Context) -> bool:
    """Whether any check across posts has work in this run (a calendar rule, grammar, --base)."""
    return any(needs(ctx) for needs in CORPUS_NEEDS)


def whole_repository_needed(ctx: Context) -> bool:
    """Whether a check that compares each post with every other one (the calendar) has work in
    this run: then a run on some files reads the repository's other posts too."""
    return any(whole and needs(ctx) for whole, needs in zip(CORPUS_WHOLE, CORPUS_NEEDS, strict=True))


_CLOSING = re.compile(rb"\n(?:---|\.\.\.)[ \t]*\r?(?:\n|\Z)")
_DAY = re.compile(rb"\d{4}-\d{2}-\d{2}")


def _day_key(when: datetime, days: int) -> bytes:
    try:
        return (when.astimezone(UTC) + timedelta(days=days)).strftime("%Y-%m-%d").encode()
    except OverflowError:
        return b"0000-00-00" if days < 0 else b"9999-99-99"


def _day_token(raw: bytes) -> bytes:
    """The day a post's top-level ``date:`` line shows (``YYYY-MM-DD`` as written); b"" when a
    quick look finds none (the post is then read whole), b"-" for a file without front matter
    (never a post the calendar counts)."""
    if not raw.removeprefix(b"\xef\xbb\xbf").startswith(b"---"):
        return b"-"
    at = raw.find(b"\ndate:")
    if at < 0 or _CLOSING.search(raw, 3, at + 1) is not None:  # none, or not in the front matter
        return b""
    day = raw[at + 6:at + 40].lstrip(b" \t'\"")[:10]
    return day if _DAY.fullmatch(day) else b""


def read_context(paths: Callable[[], Iterable[str]], ctx: Context, posts: list[Post]) -> list[Post]:
    """The posts at ``paths()`` (called only when needed) that the whole-repository checks
    need beside ``posts`` (the run's own): those dated near them (``calendar.window``).

    A post whose top-level ``date:`` line (in the front matter) lies outside the window is left
    there without parsing its front matter, and the day that line shows is remembered
    (``checks.datecache``), so that the next run reads only the files that changed: that keeps
    the pre-commit case fast in a repository of thousands of posts. Any other post is read as
    ``ekip check`` reads it and counted when it is readable. No check runs on them."""
    from checks.builtin.calendar import window

    span = window(posts, ctx)
    if span is None:
        return []
    lo, hi = span
    # A time's date as written (in its own offset, at most 14 hours from UTC) is within a day of
    # its UTC date: comparing the written YYYY-MM-DD with these bounds needs no parsing.
    first_day, last_day = (_day_key(lo, -1), _day_key(hi, 1))
    use_cache = ctx.options.cache
    cache = datecache.load(ctx.brand.root) if use_cache else {}
    seen: dict[str, datecache.Entry] = {}
    changed = False
    out = []
    reader = boundary_for(ctx.brand.root).read  # nothing outside the root through a symlink
    for shown in paths():
        raw: bytes | None = None
        try:
            st = os.stat(shown)
            stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
            hit = cache.get(shown)
            if hit is not None and hit[:3] == stamp:
                token = hit[3]
            else:
                raw = reader(shown)
                token = _day_token(raw)
                changed = True
        except (OSError, Outside):
            continue
        seen[shown] = (*stamp, token)
        if token == b"-" or (token and not first_day <= token <= last_day):
            continue
        if raw is None:
            try:
                raw = reader(shown)
            except (OSError, Outside):
                continue
        post = read_post(shown, raw)
        if post.readable:
            out.append(post)
    if use_cache and (changed or len(seen) != len(cache)):
        datecache.save(ctx.brand.root, seen)  # the posts there are now: deleted ones leave it
    return out


def _finding_key(f: Finding) -> tuple[object, ...]:
    return (f.path, f.line, f.column, f.rule, f.message)


def _across(check_all: Callable[[list[Post], Context], Iterable[Finding]], posts: list[Post],
            others: list[Post], own: set[str] | None, ctx: Context) -> list[Finding]:
    """A whole-repository check on ``posts`` (the run's) and ``others`` (read for context). Its
    findings on the reported posts (``own``; None: every post of the run) count, and those on
    any other post that appear only because the reported posts are there: a post staged for a
    day that is already full pushes an earlier committed post over the limit, and CI would
    reject that too."""
    everyone = posts + others
    found = list(check_all(everyone, ctx))
    own = own if own is not None else {p.path for p in posts}
    if all(f.path in own for f in found):
        return found
    rest = [p for p in everyone if p.path not in own]
    before = {_finding_key(f) for f in check_all(rest, ctx)}
    return [f for f in found if f.path in own or _finding_key(f) not in before]


def run(items: list[str], ctx: Context, jobs: int | None = None, keep_posts: bool = True,
        context: Callable[[], Iterable[str]] | None = None, report: set[str] | None = None) -> list[Finding]:
    """Check every file; return the findings, sorted, personal data in them masked
    (``checks.personal``: for every report format and the site). The posts end up in ``ctx.posts`` unless
    ``keep_posts`` is false (then no post crosses back from a worker process, and ``ctx.posts``
    stays empty); checks across posts run only with the posts kept.

    ``context`` gives the paths of the repository's other posts: the whole-repository checks
    (the calendar) see them beside the run's own (``read_context`` reads them, only when a
    check needs them). ``report`` is the set of paths whose findings are wanted (``--changed``;
    None: all of ``items``). A whole-repository finding on any other post is kept only when
    the reported posts cause it (``_across``). ``jobs`` (worker processes) defaults to
    ``ctx.options.jobs``, else one a CPU (at most 8)."""
    jobs = jobs or ctx.options.jobs or min(os.cpu_count() or 1, 8)
    if jobs > 1 and len(items) >= PARALLEL_FROM and hasattr(os, "fork"):
        findings, posts = _check_parallel(items, ctx, jobs, keep_posts)
    else:
        findings, posts = _check_chunk(items, ctx, keep_posts=keep_posts)
    ctx.posts = posts
    if report is not None:
        findings = [f for f in findings if f.path in report]
    others = read_context(context, ctx, posts) if context and keep_posts else []
    by_path = {p.path: p for p in others}
    by_path.update((p.path, p) for p in posts)
    across: list[Finding] = []
    for check_all, whole in zip(CORPUS_CHECKS, CORPUS_WHOLE, strict=True) if keep_posts else ():
        try:
            if whole and (others or report is not None):
                across.extend(_across(check_all, posts, others, report, ctx))
            else:
                found = check_all(posts, ctx)
                across.extend(found if report is None else (f for f in found if f.path in report))
        except EkipError:
            raise
        except Exception as exc:  # a check across posts that fails costs its own findings only
            name = check_all.__module__.rsplit(".", 1)[-1]
            ctx.notice(_("The '{name}' check stopped halfway (unexpected error: {error}: {text}); its findings "
                         "may be incomplete.").format(name=name, error=type(exc).__name__, text=exc))
    if across:
        grouped: dict[str, list[Finding]] = {}
        for f in across:
            grouped.setdefault(f.path, []).append(f)
        for path, fs in grouped.items():
            post = by_path.get(path)
            findings.extend(suppress.apply(post, fs) if post else fs)
    # Personal data is never repeated: whatever a finding quotes is masked here, once, for every
    # report format and the site (the pii check masks its own findings already).
    personal.mask_findings(findings, personal.policy(ctx.brand))
    findings.sort(key=Finding.sort_key)
    return findings
