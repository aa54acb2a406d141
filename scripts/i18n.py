"""Keep the message catalogs in step with the code (Babel's extraction, catalog and MO writer).

    python scripts/i18n.py            # extract, merge into every language's .po, compile the .mo
    python scripts/i18n.py --check    # change nothing; exit 1 and say why when a catalog is stale,
                                      # a message has no translation, or placeholders differ

Messages are found in ``checks/`` as the first argument of ``_`` and ``N_`` and the first two of
``ngettext``; comments starting ``TRANSLATORS:`` go to the translator. Two more sources are
Ekip's own text: every ``message:`` of the built-in rule packs (``checks/packs/*.yml``, written
in English there; ``extract_pack``), and the description of every built-in rule id in its module's
docstring (what ``checks.registry`` shows; ``extract_rule_descriptions``). The .po files are written
sorted, without source locations and with a fixed header date, so that two branches adding
messages merge line by line; after resolving a conflict in a .po file, run this script again to
rebuild the .mo. A message no longer in the code is dropped; a new one gets an empty translation,
which ``--check`` (and tests/test_i18n.py) reports.
"""

from __future__ import annotations

import argparse
import gettext
import io
import re
import string
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "checks"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "ekip"
LANGUAGES = ("tr",)  # English is the source language: no catalog
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
WIDTH = 100
HEADER_COMMENT = """\
# Ekip's messages in language "{lang}" (checks/i18n.py). The msgids are the English text in the code.
# Kept in step with the code by `python scripts/i18n.py`; translate every empty msgstr."""


def extract_pack(fileobj: Any, keywords: object, comment_tags: object,
                 options: object) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel extraction method for a built-in rule pack: each rule's ``message`` (the packs'
    messages are Ekip's own text, shown in the run's language; a team's rules are not extracted)."""
    import yaml

    data = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    for spec in data.get("rules") or []:
        message = spec.get("message") if isinstance(spec, dict) else None
        if isinstance(message, str):
            yield 0, None, message, [f"rule pack message ({spec.get('id')})"]


def extract_rule_descriptions(fileobj: Any, keywords: object, comment_tags: object,
                              options: object) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel extraction method for the package's ``__init__.py``: the description of every
    built-in rule id, as ``checks.registry`` reads it from the modules' docstrings."""
    sys.path.insert(0, str(ROOT))
    from checks import registry

    for entry in registry.source_builtin():
        yield 0, None, entry.description, [f"description of the rule {entry.id}"]


def extract() -> Catalog:
    """Every message of the code, in a template catalog."""
    template = Catalog(project="ekip", domain=DOMAIN, creation_date=FIXED_DATE, revision_date=FIXED_DATE)
    method_map: list[tuple[str, Any]] = [
        ("starter/**", "ignore"), ("packs/*.yml", extract_pack), ("__init__.py", extract_rule_descriptions),
        ("**.py", "python")]
    for _filename, _lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=method_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True):
        template.add(message, None, auto_comments=comments, context=context)
    return template


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def merged(lang: str, template: Catalog) -> Catalog:
    """The language's catalog updated to the template (translations kept, obsolete ones dropped)."""
    path = po_path(lang)
    if path.exists():
        with path.open("rb") as f:
            catalog = read_po(f, locale=lang, domain=DOMAIN)
    else:
        catalog = Catalog(locale=lang, domain=DOMAIN, project="ekip")
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    catalog.fuzzy = False
    catalog.project = "ekip"
    catalog.version = ""
    catalog.last_translator = "Ekip <ekip@example.org>"
    catalog.language_team = "Ekip"
    catalog.msgid_bugs_address = ""
    catalog.header_comment = HEADER_COMMENT.format(lang=lang)
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=WIDTH, no_location=True, omit_header=False, sort_output=True,
             ignore_obsolete=True, include_previous=False)
    # the Babel version that wrote it is not part of the catalog (it would differ between machines)
    # and the file ends with one newline, as the repository's hygiene hooks want
    return re.sub(rb'"Generated-By: [^"]*"\n', b"", out.getvalue()).rstrip(b"\n") + b"\n"


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def same_messages(mo: bytes, other: bytes) -> bool:
    """Whether two compiled catalogs hold the same translations (the header aside)."""
    def table(data: bytes) -> dict[object, str]:
        translations = gettext.GNUTranslations(io.BytesIO(data))
        return {k: v for k, v in translations._catalog.items() if k != ""}  # type: ignore[attr-defined]
    try:
        return table(mo) == table(other)
    except (OSError, ValueError):
        return False


def _fields(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<not a valid format string>"}


def problems(catalog: Catalog) -> Iterable[str]:
    """Messages without a translation, fuzzy ones, and translations whose placeholders differ."""
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        label = ids[0]
        if message.fuzzy:
            yield f"fuzzy: {label!r}"
        if not all(strings):
            yield f"not translated: {label!r}"
            continue
        if message.python_brace_format or any("{" in i for i in ids):
            wanted = set().union(*(_fields(i) for i in ids))
            for s in strings:
                got = _fields(s)
                # a plural form may drop the count ("1 gönderi" / "bir gönderi"): only extra names are wrong
                if got - wanted or (len(ids) == 1 and got != wanted):
                    yield f"placeholders differ: {label!r} has {sorted(wanted)}, translation {sorted(got)}"


def sync(check: bool) -> int:
    template = extract()
    failures: list[str] = []
    for lang in LANGUAGES:
        catalog = merged(lang, template)
        po, mo = po_path(lang), po_path(lang).with_suffix(".mo")
        new_po, new_mo = po_bytes(catalog), mo_bytes(catalog)
        issues = [f"{po.relative_to(ROOT)}: {p}" for p in problems(catalog)]
        if check:
            if not po.exists() or po.read_bytes() != new_po:
                issues.insert(0, f"{po.relative_to(ROOT)} is not up to date with the code "
                                 "(run: python scripts/i18n.py)")
            elif not mo.exists() or not same_messages(mo.read_bytes(), new_mo):
                issues.insert(0, f"{mo.relative_to(ROOT)} is not compiled from its .po (run: python scripts/i18n.py)")
        else:
            po.parent.mkdir(parents=True, exist_ok=True)
            if not po.exists() or po.read_bytes() != new_po:
                po.write_bytes(new_po)
            if not mo.exists() or not same_messages(mo.read_bytes(), new_mo):
                mo.write_bytes(new_mo)
        failures += issues
        print(f"{lang}: {sum(1 for m in catalog if m.id)} messages", file=sys.stderr)
    for line in failures:
        print(line, file=sys.stderr)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail when a catalog is stale")
    return sync(parser.parse_args(argv).check)


if __name__ == "__main__":
    sys.exit(main())
