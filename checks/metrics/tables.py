"""An export file as tables of cells: CSV (UTF-8 with or without a BOM, UTF-16 with a BOM,
or Windows-1254 as a Turkish Excel saves it; ``,``, ``;`` or tab between cells) or XLSX (one
table per sheet, read with openpyxl, imported only for XLSX files).

Lines that start with ``#`` before the header are comments (GA4 writes the report's name and
period there); they are kept for the importer. Which row is the header is left to the
importer: LinkedIn's sheets have a note in their first row.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from checks.errors import EkipError
from checks.i18n import _

SEPARATORS = ",;\t"
MAX_BYTES = 200 * 1024 * 1024


@dataclass
class Table:
    name: str  # the file, or "file [sheet]"
    rows: list[list[object]]  # cells: str for CSV; str, int, float, datetime or None for XLSX
    lines: list[int]  # the 1-based line (CSV) or row (XLSX) of each row
    comments: list[str] = field(default_factory=list)


def read_tables(path: Path, shown: str) -> list[Table]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise EkipError(_("no such file"), shown) from None
    except IsADirectoryError:
        raise EkipError(_("is a folder, not an export file"), shown) from None
    except OSError as exc:
        raise EkipError(_("cannot read: {error}").format(error=exc.strerror), shown) from None
    if len(data) > MAX_BYTES:
        raise EkipError(_("larger than {mb} MB; split the export").format(mb=MAX_BYTES // 1024 // 1024), shown)
    if data[:4] == b"PK\x03\x04":
        return _xlsx(data, shown)
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise EkipError(_("not an XLSX file (an old .xls? save it as .xlsx or CSV)"), shown)
    return [_csv(_decode(data, shown), shown)]


def _decode(data: bytes, shown: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise EkipError(_("binary data (a NUL byte): not a CSV export"), shown)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1254")  # Turkish Windows (Excel's "CSV" without UTF-8)


def _separator(lines: list[str]) -> str:
    """The separator that splits the first lines most evenly (quotes respected)."""
    best, best_score = ",", -1
    for sep in SEPARATORS:
        counts = [len(r) for r in csv.reader(lines, delimiter=sep)]
        if not counts or max(counts) < 2:
            continue
        score = counts.count(max(counts)) * 100 + max(counts)
        if score > best_score:
            best, best_score = sep, score
    return best


_COMMENT = re.compile(r"^\s*#")


def _csv(text: str, shown: str) -> Table:
    all_lines = text.splitlines()
    comments: list[str] = []
    start = 0
    while start < len(all_lines) and (_COMMENT.match(all_lines[start]) or not all_lines[start].strip()):
        if all_lines[start].strip():
            comments.append(all_lines[start].lstrip()[1:].strip())
        start += 1
    sample = [ln for ln in all_lines[start:start + 20] if ln.strip()]
    sep = _separator(sample)
    rows: list[list[object]] = []
    lines: list[int] = []
    reader = csv.reader(io.StringIO("\n".join(all_lines[start:])), delimiter=sep)
    try:
        for row in reader:
            if any(c.strip() for c in row):
                rows.append(list(row))
                lines.append(start + reader.line_num)
    except csv.Error as exc:
        raise EkipError(_("not a readable CSV: {error}").format(error=exc), shown, start + reader.line_num) from None
    return Table(shown, rows, lines, comments)


def _xlsx(data: bytes, shown: str) -> list[Table]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency
        raise EkipError(_("reading XLSX needs openpyxl (pip install openpyxl)"), shown) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise EkipError(_("not a readable XLSX file ({error})").format(error=type(exc).__name__), shown) from None
    tables = []
    try:
        for sheet in book.worksheets:
            rows: list[list[object]] = []
            lines: list[int] = []
            for n, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells: list[object] = [("" if v is None else v) for v in values]
                if any(str(c).strip() for c in cells):
                    rows.append(cells)
                    lines.append(n)
            tables.append(Table(f"{shown} [{sheet.title}]", rows, lines))
    finally:
        book.close()
    return tables
