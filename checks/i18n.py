"""The team's language for every line Ekip prints: standard gettext message catalogs.

Messages are written in English in the code (``_("...")``, the msgid); the Turkish text is in
``checks/locale/tr/LC_MESSAGES/ekip.po``, compiled to ``ekip.mo`` next to it by
``python scripts/i18n.py`` (which also extracts new messages from the code; ``--check`` fails
when the catalog is stale or a message has no Turkish text; a test runs it). English needs no
catalog: the msgids are the English text.

Usage in a module::

    from checks.i18n import N_, _, ngettext

    message = _("Text too long for {platform}: {n} / {limit}").format(platform=..., n=..., limit=...)
    LABELS = {"draft": N_("draft")}          # marked for extraction, translated where used:
    print(_(LABELS[status]))

Placeholders are ``str.format`` fields with names (the translator may reorder them); a message
is translated when it is used, never at import time (the language is chosen after the modules
are imported). A function that calls ``_`` must not use ``_`` as a throwaway variable (a test
walks the code for that).

The language, first that is set: ``--lang`` (``ekip --lang en check``), the ``EKIP_LANG``
environment variable, the brand's ``default_lang`` when brand.yml sets it, the locale
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads them), else Turkish.
A language other than ``tr`` and ``en`` falls back to English for what Ekip prints (the posts'
own language is not affected: ``lang`` in front matter and ``default_lang`` still choose the
post's language rules).
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DOMAIN = "ekip"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("tr", "en")
DEFAULT = "tr"

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_language = ""  # "" until chosen: then the first use picks from the environment
_explicit = False  # chosen by --lang or EKIP_LANG: the brand's default_lang does not override it
_catalogs: dict[str, _gettext.NullTranslations] = {}
_pinned = 0  # inside ``using``: a command's own --lang or brand cannot switch the language


def _(message: str) -> str:
    """``message`` (English) in the run's language."""
    if not _language:
        choose()
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the run's language."""
    if not _language:
        choose()
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it (module-level tables); translate
    it with ``_`` where it is used."""
    return message


def language() -> str:
    """The language of the run's messages: ``tr`` or ``en``."""
    if not _language:
        choose()
    return _language


def normalize(code: str | None) -> str | None:
    """``tr``, ``en`` or None from a language code or locale name (``tr_TR.UTF-8`` → ``tr``,
    ``C`` → None, ``de`` → ``en``: English is the fallback for languages without a catalog)."""
    if not code:
        return None
    base = code.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    if base in ("", "c", "posix"):
        return None
    return base if base in LANGUAGES else "en"


def from_locale() -> str | None:
    """The language the locale environment asks for, as gettext reads it (first variable set)."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            for part in value.split(":"):
                lang = normalize(part)
                if lang:
                    return lang
            return None
    return None


def choose(flag: str | None = None) -> str:
    """Choose the language from ``--lang`` (``flag``), ``EKIP_LANG`` or the locale (the brand's
    ``default_lang`` comes later, through ``brand_default``); returns it."""
    global _explicit
    if _pinned:
        return _language
    explicit = normalize(flag) or normalize(os.environ.get("EKIP_LANG"))
    _explicit = explicit is not None
    activate(explicit or from_locale() or DEFAULT)
    return _language


def brand_default(lang: str | None) -> None:
    """The brand's ``default_lang`` (when brand.yml sets it) chooses the language unless
    ``--lang`` or ``EKIP_LANG`` did; it outranks the locale."""
    if not _language:
        choose()
    chosen = normalize(lang)
    if chosen and not _explicit:
        activate(chosen)


def activate(lang: str) -> None:
    """Use ``lang`` (``tr`` or ``en``) from now on, in this process and the workers it forks."""
    global _translations, _language
    if _pinned:
        return
    lang = normalize(lang) or DEFAULT
    if lang not in _catalogs:
        _catalogs[lang] = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
    _translations = _catalogs[lang]
    _language = lang


@contextmanager
def using(translations: _gettext.NullTranslations, lang: str = "en") -> Iterator[None]:
    """Use ``translations`` for a while (tests: a pseudo-language that marks every translated
    message); the previous language comes back afterwards, and nothing can switch it meanwhile."""
    global _translations, _language, _explicit, _pinned
    saved = (_translations, _language, _explicit)
    _translations, _language, _explicit = translations, lang, True
    _pinned += 1
    try:
        yield
    finally:
        _pinned -= 1
        _translations, _language, _explicit = saved


def reset() -> None:
    """Forget the chosen language (a new in-process run chooses again)."""
    global _language, _explicit
    _language, _explicit = "", False
