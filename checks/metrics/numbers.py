"""Numbers as the platforms' exports write them, in English or Turkish.

``1,234`` / ``1.234`` / ``1 234`` (thousands), ``4.5`` / ``4,5`` (decimals), ``%4,5`` /
``4.5%`` (percent), empty / ``-`` / ``N/A`` (no value). Whether ``,`` or ``.`` is the decimal
mark is decided once per file (``decimal_mark``): from values that only one reading fits
(``4,5``, ``1.234,5``, ``12.50``), else from the header's language (a Turkish interface
writes ``1.234``); a single ``1,234`` cannot tell by itself.

Written by hand (not ``locale`` or Babel): locale parsing depends on the machine's installed
locales, and the mark must be chosen per file, not per process.
"""

from __future__ import annotations

import re

from checks import i18n

EMPTY = frozenset({"", "-", "—", "–", "n/a", "na", "null", "none", "--", "yok"})
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d+)*|[.,]\d+)$")
# Values that only a decimal comma fits: a comma followed by 1-2 or 4+ digits at the end, or
# a comma after a dot (1.234,5). The mirror image for a decimal point.
_COMMA_DECIMAL = re.compile(r"^[+-]?%?\d*(?:\.\d{3})*,(?:\d{1,2}|\d{4,})%?$|\.\d{3},\d+%?$")
_POINT_DECIMAL = re.compile(r"^[+-]?%?\d*(?:,\d{3})*\.(?:\d{1,2}|\d{4,})%?$|,\d{3}\.\d+%?$")


class NumberError(ValueError):
    """A cell that should hold a number and does not."""


def decimal_mark(values: list[str], default: str) -> str:
    """``,`` or ``.``: which one the file's numbers use as the decimal mark."""
    comma = point = 0
    for raw in values:
        v = raw.translate(_SPACES)
        if _COMMA_DECIMAL.search(v):
            comma += 1
        elif _POINT_DECIMAL.search(v):
            point += 1
    if comma != point:
        return "," if comma > point else "."
    return default


def parse_number(raw: str, decimal: str = ".") -> float | None:
    """The value of a cell (a percent cell gives its percent: ``%4,5`` -> 4.5); None when empty.
    Raises NumberError when the cell is not a number."""
    v = raw.strip().translate(_SPACES)
    if v.lower() in EMPTY:
        return None
    if v.startswith("%"):
        v = v[1:]
    elif v.endswith("%"):
        v = v[:-1]
    if not _NUMBER.match(v):
        raise NumberError(raw)
    thousands = "." if decimal == "," else ","
    v = v.replace(thousands, "")
    if decimal == ",":
        v = v.replace(",", ".")
    if v.count(".") > 1:
        raise NumberError(raw)
    return float(v)


def parse_count(raw: str, decimal: str = ".") -> int | None:
    """A count (whole number); a fraction is rounded (some tools export averages)."""
    value = parse_number(raw, decimal)
    return None if value is None else round(value)


def format_percent(value: float | None, digits: int = 1) -> str:
    """The handbook's way in Turkish, ``%2,0`` (percent sign first, decimal comma, one digit);
    ``2.0%`` in English. The same digits as Babel's percent formats for ``tr`` and ``en``
    (tests/test_metrics_import.py compares them); by hand, since Babel is not needed at run time
    for two patterns."""
    if value is None:
        return "—"
    text = f"{abs(value):,.{digits}f}"
    negative = value < 0 and text.strip("0.,") != ""
    if i18n.language() == "en":
        return ("-" if negative else "") + text + "%"
    return ("-%" if negative else "%") + _turkish(text)


def format_number(value: float | None, digits: int = 0) -> str:
    """``49.440``, ``2,5`` in Turkish; ``49,440``, ``2.5`` in English (as Babel's decimal
    formats for ``tr`` and ``en``)."""
    if value is None:
        return "—"
    text = f"{value:,.{digits}f}"
    return text if i18n.language() == "en" else _turkish(text)


def _turkish(text: str) -> str:
    """``1,234.5`` as Turkish writes it: ``1.234,5``."""
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
