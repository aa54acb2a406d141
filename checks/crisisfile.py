"""Editing ``brand/crisis.yml`` in place, so that ``ekip crisis start`` then ``end`` gives the
file back byte for byte.

The file is parsed with the YAML loader ``ekip check`` uses (so a file it accepts, a tab before
a comment included, is accepted here too), and only the text of the values that change is
replaced. (A round trip through ruamel.yaml, used before, re-emits the whole document: it
drops a BOM and ``---``/``...`` markers, writes ``null`` for ``~`` and LF for CRLF, and refuses
a tab before a comment that libyaml reads. The node positions of the loader we already use are
all that editing four values needs.) A byte-order mark, CRLF line ends, a missing final
newline, ``---``/``...`` markers, comments, blank lines and key order stay as they are.

- A value is written as YAML would read it back: ``true``/``false`` in the case the file used
  (``False`` → ``True``), an integer, a time, a reason as a plain scalar when YAML reads it
  back unchanged and double-quoted otherwise; a missing key is added after the last key.
- End-of-line comments: when a value changes length, its comment moves to the column most
  comments of the top-level keys use (so a block of aligned comments stays aligned), or one
  space after a value too long for it; a tab before a comment is kept as it is.
- Byte for byte after ``start`` then ``end``: ``end`` writes ``false`` and ``null`` (in the
  file's spelling of ``false``). When that would not give back the lines as they were before
  ``start`` (``~`` or an empty value for null, a key that was missing, comments that were not
  aligned), ``start`` keeps those lines in one comment line at the end of the file,
  ``# ekip-crisis-before: {…}``, and ``end`` puts them back and removes it. A file that needs
  nothing of the kind gets no such line.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import yaml

from checks.errors import EkipError
from checks.i18n import _
from checks.yamlfile import YamlError, load

BOM = "\ufeff"
RECORD = "# ekip-crisis-before: "
_RECORD_LINE = re.compile(r"^# ekip-crisis-before: (\{.*\})[ \t]*\r?$", re.M)
END_VALUES: dict[str, Any] = {"active": False, "since": None, "severity": None, "reason": None}


@dataclass
class _Entry:
    key: str
    key_start: int
    value_start: int
    value_end: int
    text: str  # the value as written
    tag: str


def _entries(text: str, where: str) -> tuple[dict[str, _Entry], int | None]:
    """The top-level entries of the mapping in ``text`` (no BOM) and where the last one ends."""
    try:
        loaded = load(text)
    except YamlError as exc:
        raise EkipError(_("invalid YAML: {problem}").format(problem=exc.message), where, exc.line + 1) from None
    node = loaded.node
    if node is None:
        return {}, None
    if not isinstance(node, yaml.MappingNode):
        raise EkipError(_("must be a YAML mapping (key: value)"), where, 1)
    out: dict[str, _Entry] = {}
    last_end: int | None = None
    for key_node, value_node in node.value:
        start, end = value_node.start_mark.index, value_node.end_mark.index
        while end > start and text[end - 1] in "\r\n":  # a block scalar ends after its line break
            end -= 1
        if isinstance(key_node, yaml.ScalarNode):
            out[str(key_node.value)] = _Entry(str(key_node.value), key_node.start_mark.index, start, end,
                                              text[start:end], value_node.tag)
        last_end = end if last_end is None else max(last_end, end)
    return out, last_end


def _eol(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """From the start of the line holding ``start`` to the end (before its line break) of the
    line holding ``end``."""
    first = text.rfind("\n", 0, start) + 1
    nl = text.find("\n", end)
    last = len(text) if nl < 0 else nl
    if last > first and text[last - 1] == "\r" and nl >= 0:
        last -= 1
    return first, last


def _spell(value: Any, old: str) -> str:
    if isinstance(value, bool):
        word = "true" if value else "false"
        if old[:1].isupper():
            return word.upper() if old.isupper() and len(old) > 1 else word.capitalize()
        return word
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    try:
        plain_ok = (text == text.strip() and not any(c in text for c in "\n\t,[]{}") and " #" not in text
                    and load(f"k: {text}\n").data == {"k": text})  # plain in block and flow style
    except YamlError:
        plain_ok = False
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def _comment_columns(text: str, entries: dict[str, _Entry]) -> Counter[int]:
    """Columns of the end-of-line comments on the top-level keys' lines."""
    columns: Counter[int] = Counter()
    for e in entries.values():
        m = re.match(r"[ \t]*#", text[e.value_end:])
        if m and "\t" not in m.group():
            columns[e.value_end + m.end() - 1 - (text.rfind("\n", 0, e.value_end) + 1)] += 1
    return columns


def _set(text: str, values: dict[str, Any]) -> str:
    """``text`` (no BOM) with ``values`` set, everything else as it was."""
    entries, last_end = _entries(text, "crisis.yml")
    columns = _comment_columns(text, entries)
    preferred = min((c for c, n in columns.items() if n == max(columns.values())), default=None)
    edits: list[tuple[int, int, str]] = []
    missing: list[str] = []
    for key, value in values.items():
        e = entries.get(key)
        if e is None:
            missing.append(key)
            continue
        new = _spell(value, e.text)
        if new == e.text:
            continue
        start, end = e.value_start, e.value_end
        if start == end and text[start - 1:start] == ":":
            new = " " + new  # `since:` with nothing after it
        gap = re.match(r"[ \t]*(?=#)", text[end:])
        if gap and "\t" not in gap.group() and preferred is not None:
            line_start = text.rfind("\n", 0, start) + 1
            value_col = start - line_start + len(new)
            pad = preferred - value_col if preferred - value_col >= 1 else 1
            edits.append((start, end + gap.end(), new + " " * pad))
        else:
            edits.append((start, end, new))
    out = text
    for start, end, new in sorted(edits, reverse=True):
        out = out[:start] + new + out[end:]
    if missing:
        eol = _eol(text)
        lines = "".join(f"{key}: {_spell(values[key], '')}{eol}" for key in missing)
        if last_end is None:
            out = out + ("" if not out or out.endswith("\n") else eol) + lines
        else:
            shift = sum(len(new) - (end - start) for start, end, new in edits if start < last_end)
            _start, line_end = _line_span(out, last_end + shift, last_end + shift)
            nl = out.find("\n", line_end)
            # after the last key's line; on the last line without a final newline, before none
            out = out + eol + lines[: -len(eol)] if nl < 0 else out[:nl + 1] + lines + out[nl + 1:]
    return out


def _split_bom(raw: bytes, where: str) -> tuple[str, str]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EkipError(_("not UTF-8 (byte 0x{byte:02x})").format(byte=raw[exc.start]), where) from None
    return (BOM, text[1:]) if text.startswith(BOM) else ("", text)


def current(raw: bytes, where: str) -> dict[str, Any]:
    """The crisis state the file holds (the four keys, parsed)."""
    _bom, text = _split_bom(raw, where)
    try:
        data = load(text).data
    except YamlError as exc:
        raise EkipError(_("invalid YAML: {problem}").format(problem=exc.message), where, exc.line + 1) from None
    return data if isinstance(data, dict) else {}


def edit(raw: bytes, values: dict[str, Any], where: str, starting: bool = False) -> bytes:
    """The file ``raw`` with ``values`` set. ``starting``: this is ``ekip crisis start``, after
    which ``end`` must give ``raw`` back (see the module docstring)."""
    bom, text = _split_bom(raw, where)
    record = _RECORD_LINE.search(text)
    if values == END_VALUES and record is not None:
        return (bom + _restore(text, record, where)).encode("utf-8")
    out = _set(text, values)
    if starting and record is None and _set(out, END_VALUES) != text:
        out = _add_record(text, out, where)
    return (bom + out).encode("utf-8")


def _add_record(before: str, after: str, where: str) -> str:
    entries, _rest = _entries(before, where)
    kept: dict[str, str | None] = {}
    for key in END_VALUES:
        e = entries.get(key)
        if e is None:
            kept[key] = None
        else:
            first, last = _line_span(before, e.key_start, e.value_end)
            kept[key] = before[first:last]
    line = RECORD + json.dumps(kept, ensure_ascii=False)
    eol = _eol(before)
    return after + line + eol if after.endswith("\n") or not after else after + eol + line


def _restore(text: str, record: re.Match[str], where: str) -> str:
    try:
        kept = json.loads(record.group(1))
    except ValueError:
        kept = None
    # Take the record line out (with the line break that was added with it).
    start, end = record.start(), record.end()
    if text.find("\n", end) >= 0:
        text = text[:start] + text[text.find("\n", end) + 1:]
    else:
        cut = start - (2 if text[max(0, start - 2):start] == "\r\n" else 1 if start else 0)
        text = text[:max(cut, 0)] + text[end:]
    if not isinstance(kept, dict):
        return _set(text, END_VALUES)
    entries, _rest = _entries(text, where)
    spans: list[tuple[int, int, str | None]] = []
    for key in END_VALUES:
        e = entries.get(key)
        if e is None:
            continue
        first, last = _line_span(text, e.key_start, e.value_end)
        old = kept.get(key, "")
        spans.append((first, last, old if isinstance(old, str) or old is None else None))
    for first, last, old in sorted(spans, reverse=True):
        if old is None:  # the key was not there before start: remove its line
            nl = text.find("\n", last)
            if nl >= 0:
                text = text[:first] + text[nl + 1:]
            else:
                cut = first - (2 if text[max(0, first - 2):first] == "\r\n" else 1 if first else 0)
                text = text[:max(cut, 0)]
        else:
            text = text[:first] + old + text[last:]
    return text
