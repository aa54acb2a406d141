from __future__ import annotations

from checks.cli import entry

entry()
