"""``ekip check``: lint posts against the brand."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checks import engine, gcpause, registry
from checks.commands.common import brand_from_args, now_from_args
from checks.context import Context
from checks.errors import EkipError
from checks.finding import LEVEL_RANK, LEVELS
from checks.report import FORMATS, reporter


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help="check posts against the brand's rules",
                       description="Check posts (default: content/ and the post templates in playbooks/).")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders of Markdown posts")
    p.add_argument("--brand", metavar="DIR", help="brand folder (default: the nearest brand/ here or above)")
    p.add_argument("--format", choices=FORMATS, default="text", help="report format (default: text)")
    p.add_argument("--fix", action="store_true", help="apply prefer/casing fixes in place, atomically")
    p.add_argument("--level", choices=LEVELS, default="info", help="lowest level shown (default: info)")
    p.add_argument("--now", metavar="ISO-8601", help="the time calendar and workflow checks take as now")
    p.add_argument("--grammar", choices=("auto", "off", "required"), default="auto",
                   help="LanguageTool: use when it answers (auto), skip (off), or fail without it (required)")
    p.add_argument("--base", metavar="REV", help="git revision to compare with (stale approvals, edits)")
    p.add_argument("--changed", action="store_true", help="report only posts changed since --base")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the grammar cache")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: CPU count)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with gcpause.paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    brand = brand_from_args(args.brand)
    now = now_from_args(args.now, brand)
    if args.changed and not args.base:
        raise EkipError("--changed needs --base REV")
    paths = args.paths or engine.default_paths(brand.root)
    for p in paths:
        if not Path(p).exists():
            raise EkipError(f"{p}: no such file or folder")
    items = engine.collect(paths, brand.root)
    ctx = Context(brand, now, options={
        "grammar": args.grammar, "base": args.base, "changed": args.changed, "cache": not args.no_cache,
    })
    changes = None
    if args.base:
        from checks.builtin.gitdiff import changes_since

        changes = changes_since(brand.root, args.base)
    ctx.options["git_changes"] = changes
    findings = engine.run(items, ctx, jobs=args.jobs, keep_posts=engine.posts_needed(ctx))
    if args.changed and changes is not None:
        # Every post was checked (the calendar counts them all); report the changed ones only.
        reported = {shown for shown in items if changes.is_changed(Path(shown))}
        findings = [f for f in findings if f.path in reported]
    shown = [f for f in findings if LEVEL_RANK[f.level] <= LEVEL_RANK[args.level]]
    fixed_count = 0
    if args.fix:
        from checks import fix

        fixed = fix.apply(shown)
        fixed_ids = {id(f) for f in fixed}
        shown = [f for f in shown if id(f) not in fixed_ids]
        fixed_count = len(fixed)
    for notice in ctx.notices:
        print(f"ekip: {notice}", file=sys.stderr)
    rules = registry.report_help(brand) if args.format == "sarif" else None
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        reporter(args.format)(shown, len(items), out, fixed=fixed_count, rules=rules)
    finally:
        if args.output:
            out.close()
    return 1 if any(f.level == "error" for f in shown) else 0
