"""Ekip: content governance for a social media team's posts kept in git."""

from __future__ import annotations

__version__ = "0.1.0"
