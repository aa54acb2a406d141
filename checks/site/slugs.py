"""Heading anchors that keep Turkish words readable: ``Onay kuralları`` → ``onay-kurallari``.

Python-Markdown's default slug drops every letter that has no ASCII decomposition, so the
dotless ``ı`` vanishes (``onay-kurallar``) while ``ş``, ``ç``, ``ğ``, ``ö``, ``ü`` lose only their
marks. Turkish letters are spelled in ASCII first, then the default slug is made. mkdocs.yml:

    markdown_extensions:
      - toc:
          slugify: !!python/name:checks.site.slugs.slugify
"""

from __future__ import annotations

from markdown.extensions.toc import slugify as ascii_slugify

_TURKISH = str.maketrans({"ı": "i", "İ": "i", "ş": "s", "Ş": "s", "ğ": "g", "Ğ": "g", "ç": "c", "Ç": "c",
                          "ö": "o", "Ö": "o", "ü": "u", "Ü": "u", "â": "a", "Â": "a", "î": "i", "Î": "i",
                          "û": "u", "Û": "u"})


def slugify(value: str, separator: str) -> str:
    return ascii_slugify(value.translate(_TURKISH), separator)
