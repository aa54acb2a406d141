"""Times as the team writes them: ISO 8601, with an offset or in the brand's timezone."""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


# Years a time may have: within them, moving a time by any offset or by days never leaves the
# range of ``datetime`` (a post dated in year 1 or 9999 made the calendar checks overflow).
MIN_YEAR, MAX_YEAR = 2, 9998


def is_date_time(value: object) -> bool:
    """JSON Schema ``date-time``, except that the offset may be left out (brand timezone), and
    the year is between MIN_YEAR and MAX_YEAR."""
    if not isinstance(value, str) or not _DATE_TIME.match(value):
        return False
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return False
    return MIN_YEAR <= dt.year <= MAX_YEAR


def parse(value: object, tz: tzinfo) -> datetime | None:
    """An aware datetime, or None when ``value`` is not a time. A naive time is in ``tz``;
    a bare date is its midnight in ``tz``."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            dt = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    if not MIN_YEAR <= dt.year <= MAX_YEAR:
        return None
    return dt.replace(tzinfo=tz) if dt.tzinfo is None else dt
