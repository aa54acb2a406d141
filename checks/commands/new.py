"""``ekip new``: scaffold a post whose front matter passes the brand's post schema.

Flags give the values; when stdin is a terminal, missing required values are asked for.
Otherwise the defaults apply (status draft, the brand's default language, tomorrow 10:00 in
the brand's timezone for the date) and a missing title, platform list or author is an error
(exit 2). A date without a time means 10:00 that day; a time without offset is in the
brand's timezone. The file is content/posts/YYYY/MM/<slug>.md (year and month of the date in
the brand's timezone; the slug comes from the title, Turkish letters spelled in ASCII). An
existing file is never overwritten. The path is printed on stdout.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeVar

import yaml

from checks.brand.model import Brand
from checks.commands.common import brand_from_args
from checks.errors import EkipError
from checks.i18n import _
from checks.timeutil import is_date_time, parse

STATUSES = ("idea", "draft", "review", "approved", "scheduled", "published", "archived")
DEFAULT_TIME = time(10, 0)
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MEMBER = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TR_ASCII = str.maketrans({
    "ç": "c", "ğ": "g", "ı": "i", "İ": "i", "ö": "o", "ş": "s", "ü": "u",
    "Ç": "c", "Ğ": "g", "I": "i", "Ö": "o", "Ş": "s", "Ü": "u",
})
SLUG_MAX = 80

T = TypeVar("T")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new", help=_("scaffold a post with valid front matter"),
                       description=_("Create content/posts/YYYY/MM/<slug>.md and print its path."))
    p.add_argument("--brand", metavar="DIR", help=_("brand folder (default: the nearest brand/ here or above)"))
    p.add_argument("--title", help=_("the post's title"))
    p.add_argument("--date", metavar="ISO-8601", help=_("planned publish time (default: tomorrow 10:00)"))
    p.add_argument("--platforms", metavar="IDS", help=_("comma-separated platform ids, e.g. x,instagram"))
    p.add_argument("--author", metavar="ID", help=_("member id from brand/team.yml"))
    p.add_argument("--status", default=None, help=_("status (default: draft)"))
    p.add_argument("--lang", help=_("language code (default: the brand's default_lang)"))
    p.add_argument("--campaign", help=_("campaign id"))
    p.add_argument("--slug", help=_("file name without .md (default: from the title)"))
    p.set_defaults(run=run)


def slugify(title: str) -> str:
    """ASCII slug of a (Turkish) title: ``Yeni sezon: İstanbul'da!`` -> ``yeni-sezon-istanbulda``."""
    text = unicodedata.normalize("NFC", title).translate(_TR_ASCII).lower()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"['’`]", "", text)
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > SLUG_MAX:
        cut = slug.rfind("-", 0, SLUG_MAX + 1)
        slug = slug[:cut if cut > 0 else SLUG_MAX].strip("-")
    return slug


# -- values ----------------------------------------------------------------------------------
def _title(value: str, brand: Brand) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError(_("the title is empty"))
    if len(value) > 200:
        raise ValueError(_("the title is longer than {n} characters").format(n=200))
    return value


def _date(value: str, brand: Brand) -> datetime:
    value = value.strip()
    if _DATE_ONLY.match(value):
        value = f"{value}T{DEFAULT_TIME.isoformat()}"
    when = parse(value, brand.timezone) if is_date_time(value) else None
    if when is None:
        raise ValueError(_("{value!r} is not a date or ISO 8601 time (e.g. 2027-03-01T10:00:00+03:00)").format(
            value=value))
    return when


def _platforms(value: str, brand: Brand) -> list[str]:
    ids = list(dict.fromkeys(p.strip() for p in value.split(",") if p.strip()))
    if not ids:
        raise ValueError(_("no platform given"))
    unknown = [p for p in ids if p not in brand.platforms]
    if unknown:
        raise ValueError(_("unknown platform {unknown} (known: {known})").format(
            unknown=", ".join(unknown), known=", ".join(sorted(brand.platforms))))
    return ids


def _author(value: str, brand: Brand) -> str:
    value = value.strip()
    if not _MEMBER.match(value):
        raise ValueError(_("{value!r} is not a member id (lowercase letters, digits, . _ -)").format(value=value))
    if brand.members and value not in brand.members:
        raise ValueError(_("{value!r} is not in brand/team.yml (members: {members})").format(
            value=value, members=", ".join(sorted(brand.members))))
    return value


def _status(value: str, brand: Brand) -> str:
    if value not in STATUSES:
        raise ValueError(_("unknown status {value!r} (statuses: {statuses})").format(
            value=value, statuses=", ".join(STATUSES)))
    return value


def _lang(value: str, brand: Brand) -> str:
    if not re.fullmatch(r"[a-z]{2}", value):
        raise ValueError(_("{value!r} is not a two-letter language code (e.g. tr, en)").format(value=value))
    return value


def _identifier(what: str) -> Callable[[str, Brand], str]:
    def check(value: str, brand: Brand) -> str:
        if not _ID.match(value):
            raise ValueError(_("{what} {value!r} may hold only lowercase ASCII letters, digits and '-'").format(
                what=what, value=value))
        return value

    return check


def interactive() -> bool:
    """Whether stdin is a terminal someone can answer questions on."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):
        return False


def _get(flag: str, given: str | None, parse_: Callable[[str, Brand], T], brand: Brand,
         prompt: str | None, default: str | None) -> T | None:
    """A value from its flag, the terminal (when stdin is one and ``prompt`` is set), or the default."""
    if given is not None:
        try:
            return parse_(given, brand)
        except ValueError as exc:
            raise EkipError(f"--{flag}: {exc}") from None  # the flag, then the translated reason
    if prompt is not None and interactive():
        while True:
            shown = f"{prompt} [{default}]: " if default else f"{prompt}: "
            print(shown, end="", file=sys.stderr, flush=True)
            try:
                answer = input().strip()
            except EOFError:
                raise EkipError(_("aborted: no post written")) from None
            answer = answer or (default or "")
            try:
                return parse_(answer, brand)
            except ValueError as exc:
                print(f"  {exc}", file=sys.stderr)
    if default is not None:
        return parse_(default, brand)
    return None


def _scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when it reads back as the same string, else quoted."""
    try:
        plain = yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        plain = False
    if plain and value == value.strip():
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter_text(front: dict[str, Any]) -> str:
    lines = []
    for key, value in front.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(value)}]")
        elif key == "date":
            lines.append(f"{key}: {value}")
        else:
            lines.append(f"{key}: {_scalar(str(value))}")
    return "---\n" + "\n".join(lines) + "\n---\n\n<!-- Gönderi metnini buraya yazın. Yorumlar yayınlanmaz. -->\n"


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def run(args: argparse.Namespace) -> int:
    brand = brand_from_args(args.brand)
    tomorrow = (datetime.now(brand.timezone) + timedelta(days=1)).date().isoformat()
    title = _get("title", args.title, _title, brand, _("Title"), None)
    if title is None:
        raise EkipError(_("a post needs a title: --title \"...\""))
    when = _get("date", args.date, _date, brand, _("Date (YYYY-MM-DD or ISO 8601 time)"), tomorrow)
    platforms = _get("platforms", args.platforms, _platforms, brand, _("Platforms (comma-separated)"), None)
    if not platforms:
        known = ", ".join(sorted(brand.platforms))
        raise EkipError(_("a post needs platforms: --platforms x,instagram (known: {known})").format(known=known))
    author = _get("author", args.author, _author, brand, _("Author (member id)"), None)
    if author is None:
        if brand.members:
            raise EkipError(_("a post needs an author: --author ID (members: {members})").format(
                members=", ".join(sorted(brand.members))))
        raise EkipError(_("a post needs an author: --author ID"))
    status = _get("status", args.status, _status, brand, None, "draft")
    lang = _get("lang", args.lang, _lang, brand, None, brand.default_lang or "tr")
    campaign = _get("campaign", args.campaign, _identifier("campaign"), brand, None, None)
    slug = _get("slug", args.slug, _identifier("slug"), brand, None, None) or slugify(title)
    if not slug:
        raise EkipError(_("cannot make a file name from this title: give --slug"))
    assert when is not None
    front: dict[str, Any] = {
        "title": title,
        "date": when.isoformat(timespec="seconds"),
        "platforms": platforms,
        "status": status,
        "author": author,
        "lang": lang,
    }
    if campaign:
        front["campaign"] = campaign
    errors = sorted(brand.post_validator.iter_errors(front), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise EkipError(_("the post would not pass brand/post.schema.json: {errors}").format(errors="; ".join(
            f"{'/'.join(map(str, e.absolute_path)) or _('front matter')}: {e.message}" for e in errors)))
    local = when.astimezone(brand.timezone)
    path = brand.root / "content" / "posts" / f"{local:%Y}" / f"{local:%m}" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as fh:
            fh.write(front_matter_text(front))
    except FileExistsError:
        raise EkipError(_("{path} already exists; choose another --slug or --date").format(path=_shown(path))) from None
    print(_shown(path))
    return 0
