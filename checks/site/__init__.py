"""The published site: page generation for the calendar, post previews and brand guide
(``generate.build_site``: pure, no MkDocs), and the MkDocs plugin that adds them
(``plugin.EkipPlugin``, registered as ``ekip``). See the README, "The published site"."""

from __future__ import annotations
