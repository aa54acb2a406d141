"""``ekip rules list`` and ``ekip rules test``: the brand's rules, and proof of their examples."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

import yaml

from checks import engine, registry
from checks.brand.model import Brand
from checks.commands.common import brand_from_args
from checks.context import Context
from checks.errors import EkipError
from checks.i18n import _, ngettext
from checks.post import read_post
from checks.rules.base import Rule


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("rules", help=_("list the brand's rules, or test their examples"))
    p.add_argument("action", choices=("list", "test"))
    p.add_argument("--brand", metavar="DIR", help=_("brand folder (default: the nearest brand/ here or above)"))
    p.add_argument("--rule", metavar="ID", help=_("only this rule (test)"))
    p.add_argument("--format", choices=("text", "json"), default="text", help=_("output of list (default: text)"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    brand = brand_from_args(args.brand)
    return list_rules(brand, args.format) if args.action == "list" else test_rules(brand, args.rule)


def list_rules(brand: Brand, fmt: str = "text") -> int:
    """Every check of the run, from the registry: the brand's and its packs' rules, then the
    built-in checks, each with where it is defined."""
    out = sys.stdout
    scopes = {r.id: r.header for r in brand.rules}
    entries = registry.entries(brand)
    if fmt == "json":
        from checks.report import write_json

        rows = []
        for e in entries:
            h = scopes.get(e.id)
            rows.append({"id": e.id, "kind": e.kind, "level": e.level, "levels": list(e.levels),
                         "description": e.description, "defined_in": e.origin,
                         "lang": sorted(h.lang) if h and h.lang else None,
                         "platforms": sorted(h.platforms) if h and h.platforms else None})
        write_json(out, {"version": 1, "rules": rows})
        return 0
    for e in entries:
        h = scopes.get(e.id)
        scope = []
        if h and h.lang:
            scope.append("lang=" + ",".join(sorted(h.lang)))
        if h and h.platforms:
            scope.append("platforms=" + ",".join(sorted(h.platforms)))
        extra = f" [{' '.join(scope)}]" if scope else ""
        out.write(f"{e.id:<34} {e.kind:<9} {'/'.join(e.levels):<14}{extra} {e.description}  ({e.origin})\n")
    return 0


def example_post(brand: Brand, rule: Rule, text: str) -> str:
    h = rule.header
    front = {
        "title": f"{h.id} örneği",
        "date": "2030-01-01T10:00:00+03:00",
        "platforms": sorted(h.platforms)[:1] if h.platforms else ["facebook"],
        "status": "draft",
        "author": next(iter(brand.members), "ekip"),
        "lang": sorted(h.lang)[0] if h.lang else brand.default_lang,
    }
    front.update(getattr(rule, "when", {}) or {})
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + text + "\n"


def hits(brand: Brand, rule: Rule, text: str) -> int:
    post = read_post(f"<{rule.id}>", data=example_post(brand, rule, text).encode("utf-8"))
    ctx = Context(brand, datetime.now(brand.timezone))
    engine.prepare(post, ctx)
    return sum(1 for f in engine.check_rules(post, ctx) if f.rule == rule.id)


def test_rules(brand: Brand, only: str | None = None) -> int:
    if only and all(rule.id != only for rule in brand.rules):
        raise EkipError(_("--rule {rule}: no such rule in this brand (`ekip rules list` shows the ids)").format(
            rule=only))
    failures = 0
    tested = 0
    untested = []
    for rule in brand.rules:
        if only and rule.id != only:
            continue
        ex = rule.header.examples
        if not ex.get("bad") and not ex.get("good"):
            if rule.header.kind != "sensitive":
                untested.append(rule.id)
            continue
        problems = []
        for text in ex.get("bad", []):
            if hits(brand, rule, text) == 0:
                problems.append(_("bad example not caught: {text!r}").format(text=text))
        for text in ex.get("good", []):
            n = hits(brand, rule, text)
            if n:
                problems.append(_("good example flagged {n}x: {text!r}").format(n=n, text=text))
        tested += 1
        if problems:
            failures += 1
            print(f"✖ {rule.id} ({rule.header.origin}:{rule.header.line})")
            for p in problems:
                print(f"    {p}")
        else:
            print(_("✔ {rule}: {bad} bad, {good} good").format(
                rule=rule.id, bad=len(ex.get("bad", [])), good=len(ex.get("good", []))))
    if untested:
        print(ngettext("note: {n} rule without examples: {rules}", "note: {n} rules without examples: {rules}",
                       len(untested)).format(n=len(untested), rules=", ".join(untested)))
    print(_("{passed} passed, {failed} failed").format(passed=tested - failures, failed=failures))
    return 1 if failures else 0
