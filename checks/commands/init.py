"""``ekip init [DIR]``: a team's new content repository, ready for its first pull request.

Writes into DIR (default: the current folder; created when missing) the starter that ships
with Ekip (``checks/starter/``, made from this repository's own sample by
``scripts/sync_starter.py``): ``brand/`` (brand.yml with the team's name, timezone, language and
packs; team.yml with the person setting it up; voice rules with examples; sensitive topics;
Turkish national days and commemorations as quiet periods; crisis mode off), one example post
in ``content/posts/``, the handbook in ``playbooks/`` (roles, workflow, metrics, the crisis
handbook and its templates), ``mkdocs.yml``, a ``.pre-commit-config.yaml`` that runs Ekip's
published hooks at this version, a GitHub Actions workflow for a content repository (installs
Ekip at this version, annotates pull requests, uploads SARIF, publishes the site), a
``.gitignore`` and a short README.

Values come from flags; on a terminal, the ones not given are asked for; otherwise defaults
apply (the team's name from the folder's name). Nothing is ever overwritten: when any file of
the starter already exists, init lists them and writes nothing (exit 2). Afterwards ``ekip
check``, ``ekip rules test``, ``mkdocs build --strict`` and ``pre-commit run --all-files``
pass in the new folder.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from checks import __version__
from checks.errors import EkipError
from checks.i18n import _, ngettext

# Where Ekip is published: the hooks and the workflow install it from there at a pinned tag.
# A team that mirrors Ekip passes --hooks-repo (and --hooks-rev) instead.
PUBLISHED_REPO = "https://github.com/ekip-tr/ekip"
PACKS = ("tr-yazim", "kvkk")
# Files of the starter are stored under these names so that packaging keeps them (a wheel's
# package data skips nothing, but globs skip dotfiles).
DOTTED = {"dot-gitignore": ".gitignore", "dot-pre-commit-config.yaml": ".pre-commit-config.yaml",
          "dot-github": ".github"}
PLACEHOLDER = re.compile(r"\{\{ekip:([a-z_]+)\}\}")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help=_("start a team's content repository"),
                       description=_("Write a new content repository (brand, example post, handbook, site, "
                                   "hooks, CI) into DIR. Never overwrites a file."))
    p.add_argument("dir", nargs="?", default=".", metavar="DIR", help=_("folder (default: the current one)"))
    p.add_argument("--name", help=_("the team's or brand's name (default: the folder's name)"))
    p.add_argument("--timezone", help=_("IANA timezone (default: Europe/Istanbul)"))
    p.add_argument("--lang", help=_("the posts' default language (default: tr)"))
    p.add_argument("--packs", help=_("built-in rule packs, comma-separated (default: {packs}; none: '')").format(
        packs=",".join(PACKS)))
    p.add_argument("--domain", help=_("the brand's web domain; links to it must carry UTM tags (optional)"))
    p.add_argument("--member", help=_("member id of the person setting up (default: yonetici)"))
    p.add_argument("--member-name", help=_("that person's name (default: Sosyal Medya Yöneticisi)"))
    p.add_argument("--hooks-repo", default=PUBLISHED_REPO,
                   help=_("where Ekip is installed from (default: {repo})").format(repo=PUBLISHED_REPO))
    p.add_argument("--hooks-rev", default=f"v{__version__}",
                   help=_("the pinned tag or commit (default: this version's tag)"))
    p.set_defaults(run=run)


# -- values ----------------------------------------------------------------------------------
def _name(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError(_("the name is empty"))
    return value


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(_("{value!r} is not an IANA timezone (e.g. Europe/Istanbul)").format(value=value)) from None
    return value


def _lang(value: str) -> str:
    if not re.fullmatch(r"[a-z]{2}", value):
        raise ValueError(_("{value!r} is not a two-letter language code (e.g. tr, en)").format(value=value))
    return value


def _packs(value: str) -> str:
    chosen = [p.strip() for p in value.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in PACKS]
    if unknown:
        raise ValueError(_("unknown pack {unknown} (packs: {packs})").format(
            unknown=", ".join(unknown), packs=", ".join(PACKS)))
    return ", ".join(chosen)


def _domain(value: str) -> str:
    value = value.strip().lower().removeprefix("https://").removeprefix("http://").strip("/")
    if value and not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", value):
        raise ValueError(_("{value!r} is not a domain name (e.g. ornek.com.tr)").format(value=value))
    return value


def _member(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(_("{value!r} is not a member id (lowercase letters, digits, . _ -)").format(value=value))
    return value


def _ask(flag: str, given: str | None, check: Callable[[str], str], prompt: str, default: str) -> str:
    """A value from its flag, else the terminal (when stdin is one), else the default."""
    from checks.commands.new import interactive

    if given is not None:
        try:
            return check(given)
        except ValueError as exc:
            raise EkipError(f"--{flag}: {exc}") from None
    if interactive():
        while True:
            print(f"{prompt} [{default}]: " if default else f"{prompt}: ", end="", file=sys.stderr, flush=True)
            try:
                answer = input().strip() or default
            except EOFError:
                raise EkipError(_("aborted: nothing written")) from None
            try:
                return check(answer)
            except ValueError as exc:
                print(f"  {exc}", file=sys.stderr)
    return check(default)


def yaml_string(value: str) -> str:
    """``value`` as a double-quoted YAML scalar (safe for any name)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# -- the starter -----------------------------------------------------------------------------
def starter() -> Traversable:
    return resources.files("checks") / "starter"


def starter_files(folder: Traversable | None = None, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    """(path in the new repository, file of the starter), dotted names restored."""
    folder = starter() if folder is None else folder
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name in ("__init__.py", "__pycache__"):
            continue
        name = DOTTED.get(entry.name, entry.name)
        if entry.is_dir():
            yield from starter_files(entry, f"{prefix}{name}/")
        else:
            yield f"{prefix}{name}", entry


def render(text: str, values: dict[str, str]) -> str:
    def value(m: re.Match[str]) -> str:
        if m.group(1) not in values:
            raise EkipError(_("starter: unknown placeholder {placeholder}").format(placeholder=m.group()))
        return values[m.group(1)]

    return PLACEHOLDER.sub(value, text)


def answers(args: argparse.Namespace, target: Path) -> dict[str, str]:
    folder_name = target.resolve().name.replace("-", " ").replace("_", " ").strip() or "Ekip"
    name = _ask("name", args.name, _name, _("Team or brand name"), folder_name.title())
    timezone = _ask("timezone", args.timezone, _timezone, _("Timezone"), "Europe/Istanbul")
    lang = _ask("lang", args.lang, _lang, _("Default language of posts"), "tr")
    packs = _ask("packs", args.packs, _packs, _("Rule packs"), ",".join(PACKS))
    domain = _ask("domain", args.domain, _domain, _("Web domain for UTM-tagged links (empty: none)"), "")
    member = _ask("member", args.member, _member, _("Your member id"), "yonetici")
    member_name = _ask("member-name", args.member_name, _name, _("Your name"), "Sosyal Medya Yöneticisi")
    example = (datetime.now(ZoneInfo(timezone)) + timedelta(days=7)).replace(hour=10, minute=0, second=0,
                                                                              microsecond=0)
    return {
        "name": name,
        "name_yaml": yaml_string(name),
        "name_dq": yaml_string(name)[1:-1],
        "timezone": timezone,
        "lang": lang,
        "packs": packs,
        "utm_domains": f"[{domain}]" if domain else "[]",
        "member": member,
        "member_name_yaml": yaml_string(member_name),
        "example_date": example.isoformat(timespec="seconds"),
        "example_year": f"{example:%Y}",
        "example_month": f"{example:%m}",
        "hooks_repo": args.hooks_repo,
        "hooks_rev": args.hooks_rev,
        "version": __version__,
    }


def run(args: argparse.Namespace) -> int:
    target = Path(args.dir)
    if target.exists() and not target.is_dir():
        raise EkipError(_("{path}: not a folder").format(path=args.dir))
    values = answers(args, target)
    planned = [(render(rel, values), entry) for rel, entry in starter_files()]
    existing = [rel for rel, _entry in planned if os.path.lexists(target / rel)]
    if existing:
        shown = "\n  ".join(existing)
        raise EkipError(_("{path}: these files exist already, nothing was written:\n  {files}").format(
            path=args.dir, files=shown))
    for rel, entry in planned:
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = entry.read_bytes()
        with contextlib.suppress(UnicodeDecodeError):  # an image is copied as it is
            data = render(data.decode("utf-8"), values).encode("utf-8")
        with path.open("xb") as fh:
            fh.write(data)
    print(ngettext("ekip init: {n} file written in {path}. Next:", "ekip init: {n} files written in {path}. Next:",
                   len(planned)).format(n=len(planned), path=target), file=sys.stderr)
    print("  git init && git add -A && git commit -m 'Ekip'\n  pre-commit install\n"
          "  ekip check && ekip rules test && mkdocs serve", file=sys.stderr)
    return 0
