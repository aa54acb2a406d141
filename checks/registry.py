"""One registry of every check: each rule id (or id pattern) once, with its description, its
levels and where it is defined. ``ekip rules list``, the brand guide, the SARIF rule
descriptors and the README's table of built-in checks all read it.

- Built-in checks: the ids a module of ``checks/builtin/`` declares in ``IDS`` (and the ids that
  reading a post and suppression produce), each described in its module's docstring in the
  form ````id`` (level[, level]): what it finds.`` — the docstring is the documentation, and
  the registry takes the description and levels from it, so they cannot drift apart. The
  description is an English msgid: ``scripts/i18n.py`` extracts every one into the catalogs
  (its ``extract_rule_descriptions``), and ``builtin()`` gives them in the run's language
  (``source_builtin()`` in English, for the README's table).
- Data rules (brand rules, pack rules, sensitive topics): their id, kind, level and the file
  and line they come from, with a description built from the rule (``Rule.describe``, or its
  message with the placeholders read as "…").
"""

from __future__ import annotations

import inspect
import re
import sys
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

from checks.i18n import _

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.rules.base import Rule

LEVELS = ("error", "warning", "info")
PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Entry:
    id: str  # a rule id, or a pattern such as ``sensitive.*`` (fnmatch)
    kind: str  # "built-in", or the rule kind (ban, prefer, ..., sensitive)
    levels: tuple[str, ...]  # the levels its findings may have, the usual first
    description: str  # one sentence, English for built-ins, the rule's own words for data rules
    origin: str  # "checks/builtin/links.py:9", "brand/rules/voice.yml:12"

    @property
    def level(self) -> str:
        return self.levels[0]


def _modules() -> list[ModuleType]:
    from checks import suppress
    from checks.builtin import MODULES, file
    from checks.rules import FILE_KINDS

    return [file, *MODULES, *FILE_KINDS.values(), suppress]


def _ids(module: ModuleType) -> tuple[str, ...]:
    ids: tuple[str, ...] = getattr(module, "IDS", ())
    return ids


_SENTENCE_END = re.compile(r"(?<!e\.g)(?<!i\.e)(?<!\bvs)\.(?=\s|$)")


def _first_sentence(text: str) -> str:
    text = " ".join(text.split()).replace("``", "`")
    m = _SENTENCE_END.search(text)
    text = (text[:m.end()] if m else text).strip()
    return text[:1].upper() + text[1:]


def _pattern_of(rule_id: str) -> str:
    """How a pattern id is written in a docstring: ``sensitive.*`` as ``sensitive.<topic id>``."""
    return re.escape(rule_id).replace(r"\*", r"(?:\*|<[^>]+>)")


def from_docstring(rule_id: str, doc: str) -> tuple[tuple[str, ...], str] | None:
    """(levels, description) of ``rule_id`` as its module's docstring gives them:
    ````id`` (level, level): description.`` (the levels may also be written ``error / info``)."""
    m = re.search(r"``" + _pattern_of(rule_id) + r"``\s*\(([a-z ,/]+)\)\s*:\s*(.+?)(?=\n\s*\n|\n\s*[-*] |\Z)",
                  doc, re.S)
    if not m:
        return None
    levels = tuple(lv for lv in re.split(r"[\s,/]+", m.group(1)) if lv)
    if not levels or any(lv not in LEVELS for lv in levels):
        return None
    return levels, _first_sentence(m.group(2))


def _origin(module: ModuleType, rule_id: str) -> str:
    path = Path(inspect.getfile(module)).resolve()
    source = path.read_text(encoding="utf-8")
    at = source.find(f"``{rule_id.split('*')[0]}")
    line = source.count("\n", 0, at) + 1 if at >= 0 else 1
    try:
        shown = path.relative_to(PACKAGE.parent).as_posix()
    except ValueError:
        shown = path.name
    return f"{shown}:{line}"


@cache
def source_builtin() -> tuple[Entry, ...]:
    """Every built-in check, in the order of the README's table, described in English (the
    docstrings' words, the msgids)."""
    entries = []
    for module in _modules():
        doc = module.__doc__ or ""
        for rule_id in _ids(module):
            found = from_docstring(rule_id, doc)
            if found is None:
                raise LookupError(f"{module.__name__}: the docstring does not describe ``{rule_id}`` (level): ...")
            levels, description = found
            entries.append(Entry(rule_id, "built-in", levels, description, _origin(module, rule_id)))
    return tuple(entries)


def builtin() -> tuple[Entry, ...]:
    """Every built-in check, described in the run's language."""
    return tuple(replace(e, description=_(e.description)) for e in source_builtin())


def builtin_ids() -> list[str]:
    return [e.id for e in source_builtin()]


def _data_description(rule: Rule) -> str:
    described = rule.describe()
    if described:
        return described
    message = rule.header.text() or ""
    return re.sub(r"\{[a-z_]+\}", "…", message).strip()


def data_rules(brand: Brand) -> list[Entry]:
    """The brand's rules, its packs' rules and its sensitive topics."""
    entries = []
    for rule in brand.rules:
        h = rule.header
        origin = f"{_shown(h.origin, brand)}:{h.line}"
        entries.append(Entry(h.id, h.kind, (h.level,), _data_description(rule), origin))
    return entries


def _shown(origin: str, brand: Brand) -> str:
    pack = re.fullmatch(r"<pack ([\w-]+)>", origin)
    if pack:
        return f"checks/packs/{pack.group(1)}.yml"
    path = Path(origin)
    for base in (brand.root, PACKAGE.parent):
        try:
            return path.resolve().relative_to(Path(base).resolve()).as_posix()
        except (ValueError, OSError):
            continue
    return origin


def entries(brand: Brand | None = None) -> list[Entry]:
    return [*builtin(), *(data_rules(brand) if brand is not None else [])]


def lookup(rule_id: str, brand: Brand | None = None) -> Entry | None:
    """The entry a finding's rule id belongs to (``sensitive.deprem`` → the topic's rule, or the
    ``sensitive.*`` entry; ``grammar.MORFOLOGIK_RULE_EN_US`` → ``grammar.*``)."""
    from fnmatch import fnmatchcase

    exact = {e.id: e for e in entries(brand)}
    if rule_id in exact:
        return exact[rule_id]
    return next((e for e in builtin() if "*" in e.id and fnmatchcase(rule_id, e.id)), None)


def translated(rule_id: str) -> str:
    """The description of a built-in id in the run's language ("" for an id not built in)."""
    entry = next((e for e in source_builtin() if e.id == rule_id), None)
    return _(entry.description) if entry else ""


class Help(NamedTuple):
    description: str
    uri: str | None  # the rule's anchor in the published brand guide, when the site's URL is known


def guide_url(brand: Brand) -> str | None:
    """The published brand guide's URL: ``site_url`` of the repository's mkdocs.yml + ``marka/``."""
    import yaml

    try:
        text = (Path(brand.root) / "mkdocs.yml").read_text(encoding="utf-8")
        url = re.search(r"^site_url:\s*(\S.*)$", text, re.M)
        value = yaml.safe_load(url.group(1)) if url else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return f"{value.rstrip('/')}/marka/" if isinstance(value, str) and value.startswith("http") else None


def report_help(brand: Brand) -> dict[str, Help]:
    """Description and help link of every registered id (patterns included), for SARIF."""
    base = guide_url(brand)
    return {e.id: Help(e.description, f"{base}#{e.id.replace('*', '')}" if base else None) for e in entries(brand)}


def help_for(rule_id: str, known: dict[str, Help]) -> Help | None:
    from fnmatch import fnmatchcase

    if rule_id in known:
        return known[rule_id]
    return next((h for pattern, h in known.items() if "*" in pattern and fnmatchcase(rule_id, pattern)), None)


# -- the README's table ----------------------------------------------------------------------
README_BEGIN = "<!-- built-in checks: made by `python -m checks.registry --readme`; do not edit -->"
README_END = "<!-- end of built-in checks -->"


def markdown_table() -> str:
    """The README's table of built-in checks, one row per id, from the registry."""
    rows = ["| id | level | what | defined in |", "| --- | --- | --- | --- |"]
    for e in source_builtin():
        shown = e.id.replace("*", "<id>") if e.id.endswith("*") else e.id
        path = e.origin.partition(":")[0]  # no line: it moves whenever the docstring is edited
        what = e.description.replace("|", "\\|")
        rows.append(f"| `{shown}` | {' / '.join(e.levels)} | {what} | [{path}]({path}) |")
    return "\n".join([README_BEGIN, *rows, README_END])


def readme_section(readme: str) -> str | None:
    start, end = readme.find(README_BEGIN), readme.find(README_END)
    return readme[start:end + len(README_END)] if 0 <= start < end else None


def main(argv: list[str]) -> int:
    if "--readme" not in argv:
        print(markdown_table())
        return 0
    path = PACKAGE.parent / "README.md"
    text = path.read_text(encoding="utf-8")
    old = readme_section(text)
    if old is None:
        print(f"{path}: no {README_BEGIN!r} … {README_END!r} section", file=sys.stderr)
        return 1
    path.write_text(text.replace(old, markdown_table()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
