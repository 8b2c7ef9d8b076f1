"""Calendar dates as the package writes them: ``YYYY-MM-DD``, and no other ISO 8601 form.

``datetime.date.fromisoformat`` reads more since Python 3.11: week dates ("2019-W01",
"2019-W01-1") and the basic format ("20190105"), each as some day. A date column of a
collection, a WARC-Date header and a date field of a model state a calendar day, so these
other forms are refused with the value named, never read as a day the publisher did not
write. The parser of those three, of TimeML's creation dates (``timeml.py``) and of the
dates the evaluation reads back from a package (``evaluate_timeml.py``).
"""

from __future__ import annotations

import datetime as dt
import re

#: Exactly ``YYYY-MM-DD`` in ASCII digits (``\d`` would take any script's digits): the one
#: pattern of a written date, also the package checks' (``package.fastcheck``).
CALENDAR_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_CALENDAR = re.compile(CALENDAR_DATE)


def calendar_date(text: str) -> dt.date:
    """The day ``text`` states, written ``YYYY-MM-DD``; ValueError for any other text and for
    a day that does not exist (2019-02-30)."""
    if not _CALENDAR.fullmatch(text):
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is no day of the calendar") from None


def timestamp_date(text: str) -> dt.date | None:
    """The day of a date or timestamp that opens with ``YYYY-MM-DD`` ("2019-11-26",
    "2019-11-26T08:00:00Z", "2019-11-26 08:00"); None when it opens otherwise; ValueError
    for a day that does not exist."""
    if not _CALENDAR.match(text) or text[10:11] not in ("", "T", " "):
        return None
    return calendar_date(text[:10])
