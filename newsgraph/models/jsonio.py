"""Canonical JSON text: one way to write JSON everywhere, so outputs are byte-identical."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any


def _iso_date(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dumps_pretty(obj: Any) -> str:
    """Indented JSON for documents people read and diff (schemas, datapackage.json)."""
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


#: One encoder for every line (``json.dumps`` with options would build one per call).
_LINE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_iso_date)


def dumps_line(obj: Any) -> str:
    """Compact one-line JSON for JSON Lines rows (no trailing newline); dates as ISO strings."""
    return _LINE.encode(obj)
