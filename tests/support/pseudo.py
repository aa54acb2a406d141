"""A pseudo-language for tests: every message that is in the catalogs comes back marked
``⟦…⟧``, anything else unmarked, so a test can find the text Ekip printed that did not go
through the catalogs (not wrapped in ``_``, or wrapped but never extracted)."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

from babel.messages.pofile import read_po

from checks import i18n

OPEN, CLOSE = "⟦", "⟧"
_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")


def known_messages(lang: str = "tr") -> set[str]:
    path = Path(i18n.LOCALE_DIR) / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    with path.open("rb") as f:
        catalog = read_po(f)
    out: set[str] = set()
    for m in catalog:
        if m.id:
            out.update(m.id if isinstance(m.id, tuple) else (m.id,))
    return out


class Pseudo(gettext.NullTranslations):
    def __init__(self) -> None:
        super().__init__()
        self.known = known_messages()

    def gettext(self, message: str) -> str:
        return f"{OPEN}{message}{CLOSE}" if message in self.known else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


def unmarked(text: str) -> str:
    """``text`` with every marked message taken out (innermost first: a translated message may
    hold another one)."""
    while True:
        shorter = _MARKED.sub(" ", text)
        if shorter == text:
            return text
        text = shorter
