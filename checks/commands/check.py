"""``ekip check``: lint posts against the brand."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from checks import engine, gcpause, registry
from checks.commands.common import brand_from_args, now_from_args
from checks.context import Context
from checks.errors import EkipError
from checks.finding import LEVEL_RANK, LEVELS, Finding
from checks.i18n import _
from checks.options import Options
from checks.report import FORMATS, printable_findings, reporter


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help=_("check posts against the brand's rules"),
                       description=_("Check posts (default: content/ and the post templates in playbooks/)."))
    p.add_argument("paths", nargs="*", metavar="PATH", help=_("files or folders of Markdown posts"))
    p.add_argument("--brand", metavar="DIR", help=_("brand folder (default: the nearest brand/ here or above)"))
    p.add_argument("--format", choices=FORMATS, default="text", help=_("report format (default: text)"))
    p.add_argument("--fix", action="store_true", help=_("apply prefer/casing fixes in place, atomically"))
    p.add_argument("--level", choices=LEVELS, default="info", help=_("lowest level shown (default: info)"))
    p.add_argument("--now", metavar="ISO-8601", help=_("the time calendar and workflow checks take as now"))
    p.add_argument("--grammar", choices=("auto", "off", "required"), default="auto",
                   help=_("LanguageTool: use when it answers (auto), skip (off), or fail without it (required)"))
    p.add_argument("--base", metavar="REV", help=_("git revision to compare with (stale approvals, edits)"))
    p.add_argument("--changed", action="store_true", help=_("report only posts changed since --base"))
    p.add_argument("--no-cache", action="store_true", help=_("do not read or write the grammar cache"))
    p.add_argument("--jobs", type=int, metavar="N", help=_("worker processes (default: CPU count)"))
    p.add_argument("--output", "-o", metavar="FILE", help=_("write the report to FILE instead of stdout"))
    p.add_argument("--verbose", "-v", action="store_true",
                   help=_("say every notice, also those said only once (the grammar notice)"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with gcpause.paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    brand = brand_from_args(args.brand)
    now = now_from_args(args.now, brand)
    if args.changed and not args.base:
        raise EkipError(_("--changed needs --base REV"))
    if args.output and os.path.isdir(args.output):
        raise EkipError(_("{path}: -o names a folder; give a file to write the report to").format(path=args.output))
    paths = args.paths or engine.default_paths(brand.root)
    for p in args.paths:
        if not os.path.lexists(p):
            raise EkipError(_("{path}: no such file or folder").format(path=p))
    items = engine.collect(paths, brand.root)
    if args.paths:
        empty = [p for p in args.paths if os.path.isdir(p) and not engine.collect([p], brand.root)]
        if empty:
            raise EkipError(_("{path}: no post (Markdown file) in this folder").format(path=empty[0]))
    elif not items:
        print(_("ekip: no posts under content/ (nor post templates under playbooks/); nothing to check"),
              file=sys.stderr)
    options = Options.for_run(brand.root, grammar=args.grammar, base=args.base, changed=args.changed,
                              verbose=args.verbose,
                              cache=not args.no_cache, fix=args.fix, whole_run=not args.paths, jobs=args.jobs)
    ctx = Context(brand, now, options=options)
    context = None
    if args.paths and engine.whole_repository_needed(ctx):
        context = lambda: _context_paths(items, brand.root)  # noqa: E731 (read only when needed)
    reported: set[str] | None = None
    if options.changed and options.git_changes is not None:
        changes = options.git_changes
        # Every post is checked (the calendar counts them all); the changed ones are reported,
        # and what they cause on another post (a day they fill up).
        reported = {shown for shown in items if changes.is_changed(Path(shown))}

    def check(ctx: Context) -> list[Finding]:
        findings = engine.run(items, ctx, keep_posts=engine.posts_needed(ctx),
                              context=context, report=reported)
        return [f for f in findings if LEVEL_RANK[f.level] <= LEVEL_RANK[args.level]]

    shown = check(ctx)
    fixed_count = 0
    if args.fix:
        from checks import fix

        outcome = fix.apply(shown, brand.root)
        fixed_count = len(outcome.fixed)
        for notice in outcome.skipped:
            ctx.notice(notice)
        if outcome.written:
            # What is left, at its place in the fixed files: check again (a replacement may
            # make a post too long, and every later position moved).
            again = Context(brand, now, options=replace(options, fix=False))
            shown = check(again)
            for notice in again.notices:
                ctx.notice(notice)
    for notice in ctx.notices:
        print(_("ekip: {notice}").format(notice=notice), file=sys.stderr)
    rules = registry.report_help(brand) if args.format == "sarif" else None
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    except OSError as exc:
        raise EkipError(_("{path}: the report cannot be written ({reason})").format(
            path=args.output, reason=exc.strerror or exc)) from None
    try:
        reporter(args.format)(printable_findings(shown), len(items), out, fixed=fixed_count, rules=rules)
    finally:
        if args.output:
            out.close()
    return 1 if any(f.level == "error" for f in shown) else 0


def _context_paths(items: list[str], root: Path) -> list[str]:
    """The repository's posts that are not among ``items``: what CI's run would see besides them."""
    given: set[str] = set()
    for p in items:  # each in the forms a folder walk shows it: relative to here, and absolute
        for form in (os.path.abspath(p), os.path.realpath(p)):
            given.update((form, os.path.relpath(form)))
    return [p for p in engine.collect(engine.default_paths(root), root) if p not in given]
