"""What several commands share: finding the brand, reading --now."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from checks.brand.loader import find_brand_dir, load_brand
from checks.brand.model import Brand
from checks.errors import EkipError
from checks.i18n import _
from checks.timeutil import MAX_YEAR, MIN_YEAR, parse


def brand_from_args(brand_arg: str | None) -> Brand:
    if brand_arg:
        given = Path(brand_arg)
        if not given.is_dir():
            raise EkipError(_("--brand {path}: no such folder").format(path=brand_arg))
        return load_brand(given)
    folder = find_brand_dir(Path.cwd())
    if folder is None:
        print(_("ekip: no brand/ folder here or above; using the built-in defaults"), file=sys.stderr)
    return load_brand(folder)


def now_from_args(now_arg: str | None, brand: Brand) -> datetime:
    if not now_arg:
        return datetime.now(brand.timezone)
    return time_from_args(now_arg, "--now", brand)


def time_from_args(value: str, flag: str, brand: Brand) -> datetime:
    """A ``--now``/``--at`` time (naive: in the brand's timezone); EkipError saying what is wrong."""
    found = parse(value, brand.timezone)
    if found is not None:
        return found
    try:
        datetime.fromisoformat(value.strip())
    except ValueError:
        raise EkipError(_("{flag} {value!r} is not an ISO 8601 time (e.g. 2026-12-01T10:00:00+03:00)").format(
            flag=flag, value=value)) from None
    raise EkipError(_("{flag} {value!r}: Ekip works with the years {first} to {last}").format(
        flag=flag, value=value, first=MIN_YEAR, last=MAX_YEAR))


def day_from_args(value: str | None, flag: str) -> date | None:
    """A ``--from``/``--to`` day (YYYY-MM-DD), or None when the flag was not given."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise EkipError(_("{flag} {value!r} is not a date (YYYY-MM-DD)").format(flag=flag, value=value)) from None
