"""The package's exception family: every error a user can meet, with a one-line message.

Messages follow ``FILE[:LINE]: what is wrong; what to do``. The CLI prints them as
``newsgraph: error: <message>`` with no traceback; ``exit_code`` says which exit status the
CLI uses (DESIGN.md: 2 for bad input or usage, 1 for a package whose data is invalid).
"""

from __future__ import annotations

from pathlib import Path


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | Path | None = None,
                 line: int | None = None) -> None:
        self.file = str(file) if file is not None else None
        self.line = line
        self.message = message
        where = ""
        if self.file is not None:
            where = f"{self.file}:{line}: " if line is not None else f"{self.file}: "
        super().__init__(f"{where}{message}")


class InputError(NewsgraphError):
    """A source, recipe or annotation file is unusable (exit 2)."""


class UsageError(NewsgraphError):
    """The command was called wrongly: a missing folder, an unknown table (exit 2)."""


class DatasetError(NewsgraphError):
    """A built package is invalid, tampered, truncated or unreadable (exit 1)."""

    exit_code = 1


class UnknownTableError(DatasetError, KeyError):
    """A table name that the package does not have."""

    exit_code = 2

    def __str__(self) -> str:  # KeyError would quote the message
        return Exception.__str__(self)
