"""The one exception type the CLI turns into a clear message and exit code 2."""

from __future__ import annotations


class EkipError(Exception):
    """A run that cannot be done: bad usage or an invalid brand file.

    ``path`` and ``line`` name where the mistake is, when there is a file to blame.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"
