"""newsgraph: a versioned schema and dataset of news coverage with exact provenance.

``import newsgraph`` is light: pandas, pyarrow and duckdb are imported only by the loaders
that need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph._version import __version__
from newsgraph.errors import (
    DatasetError,
    InputError,
    NewsgraphError,
    UnknownTableError,
    UsageError,
)
from newsgraph.package.layout import TABLE_NAMES
from newsgraph.versions import SCHEMA_VERSION

if TYPE_CHECKING:
    from newsgraph.loaders import connect, load, load_arrow


def tables() -> list[str]:
    """Names of the tables in every newsgraph package."""
    return list(TABLE_NAMES)


def __getattr__(name: str) -> Any:
    if name in ("load", "load_arrow", "connect"):
        from newsgraph import loaders

        return getattr(loaders, name)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "DatasetError",
    "InputError",
    "NewsgraphError",
    "UnknownTableError",
    "UsageError",
    "__version__",
    "connect",
    "load",
    "load_arrow",
    "tables",
]
