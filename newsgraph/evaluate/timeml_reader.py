"""A reader of TimeML 1.2 files (TimeBank, TempEval-3): text, creation date, times, events.

The article text is the content of ``<TEXT>`` with the tags removed and the XML entities
decoded; offsets count code points of that string. The document creation time (``<DCT>``)
is the article's publication date. An event's gold date is the DATE or TIME expression of
the text a TLINK ties it to with a relation of inclusion or identity (IS_INCLUDED, DURING,
SIMULTANEOUS, IDENTITY, BEGINS, ENDS, or their inverses read from the time's side).

Gold files are read with regular expressions over their tags (TimeML is flat inside
``<TEXT>``); no XML entity is expanded except the five predefined ones and numeric ones,
so a gold file cannot make the reader fetch or expand anything.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.models.calendar_dates import timestamp_date

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^<>]*?)(/?)>")
_ATTR = re.compile(r"([A-Za-z_:]+)\s*=\s*\"([^\"]*)\"")
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);")
#: Relations (from the event's side) that put the event inside the time expression.
EVENT_TO_TIME = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY", "BEGINS",
                           "ENDS"})
#: The same relations read from the time's side ("t5 INCLUDES ei3").
TIME_TO_EVENT = frozenset({"INCLUDES", "DURING_INV", "SIMULTANEOUS", "IDENTITY", "BEGUN_BY",
                           "ENDED_BY"})


@dataclass(frozen=True)
class GoldTimex:
    tid: str
    char_start: int
    char_end: int
    text: str
    timex_type: str
    value: str


@dataclass(frozen=True)
class GoldEvent:
    eid: str
    char_start: int
    char_end: int
    text: str


@dataclass
class TimeMLDoc:
    """One TimeML file: its id, creation date, text, time expressions, events, event dates."""

    doc_id: str
    dct: dt.date | None
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    #: event id -> the tid of the in-text DATE/TIME expression that dates it.
    event_dates: dict[str, str] = field(default_factory=dict)


def _decode(chunk: str) -> str:
    return _ENTITY.sub(lambda m: html.unescape(m.group()), chunk)


def _attrs(raw: str) -> dict[str, str]:
    return {k: _decode(v) for k, v in _ATTR.findall(raw)}


def read_timeml(path: Path) -> TimeMLDoc:
    """Read one ``.tml`` file (InputError naming it when it is no readable TimeML)."""
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 at byte {exc.start}; TimeML files are UTF-8",
                         file=path) from None
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror})", file=path) from None
    start, end = source.find("<TEXT>"), source.find("</TEXT>")
    if start < 0 or end < start:
        raise InputError("no <TEXT> element; is this a TimeML file?", file=path)
    doc_id = re.search(r"<DOCID>([^<]*)</DOCID>", source)
    dct_tag = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", source)
    dct = None
    if dct_tag is not None:
        try:  # "2019-W01-1" is no creation date (fromisoformat would read a day)
            dct = timestamp_date(_attrs(dct_tag.group(1)).get("value", ""))
        except ValueError:  # a day the calendar does not have
            dct = None
    body = source[start + len("<TEXT>"):end]
    parts: list[str] = []
    length = 0
    open_tags: list[tuple[str, dict[str, str], int]] = []
    closed: list[tuple[str, dict[str, str], int, int]] = []
    doc = TimeMLDoc(doc_id.group(1).strip() if doc_id else path.stem, dct, "")
    pos = 0
    for m in _TAG.finditer(body):
        chunk = _decode(body[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if not closing:
            if not m.group(4):
                open_tags.append((name, _attrs(attrs), length))
            continue
        if not open_tags or open_tags[-1][0] != name:
            raise InputError(f"</{name}> does not close the open tag", file=path)
        _, a, at = open_tags.pop()
        if name in ("TIMEX3", "EVENT"):
            closed.append((name, a, at, length))
    parts.append(_decode(body[pos:]))
    doc.text = text = "".join(parts)
    # the words of each tag are sliced once the text is whole (joining the parts at every
    # closing tag was quadratic in the article's length)
    for name, a, at, stop in closed:
        if name == "TIMEX3":
            doc.timexes.append(GoldTimex(a.get("tid", ""), at, stop, text[at:stop],
                                         a.get("type", ""), a.get("value", "")))
        else:
            doc.events.append(GoldEvent(a.get("eid", ""), at, stop, text[at:stop]))
    _link_dates(source[end:], doc)
    return doc


def _link_dates(rest: str, doc: TimeMLDoc) -> None:
    """Fill ``doc.event_dates`` from the MAKEINSTANCE and TLINK tags after ``</TEXT>``."""
    instance: dict[str, str] = {}
    for m in re.finditer(r"<MAKEINSTANCE([^>]*)>", rest):
        a = _attrs(m.group(1))
        instance[a.get("eiid", "")] = a.get("eventID", "")
    dated = {t.tid: t for t in doc.timexes if t.timex_type in ("DATE", "TIME")}
    for m in re.finditer(r"<TLINK([^>]*)>", rest):
        a = _attrs(m.group(1))
        rel = a.get("relType", "")
        if a.get("eventInstanceID") and a.get("relatedToTime") in dated and \
                rel in EVENT_TO_TIME:
            eid, tid = instance.get(a["eventInstanceID"], ""), a["relatedToTime"]
        elif a.get("timeID") in dated and a.get("relatedToEventInstance") and \
                rel in TIME_TO_EVENT:
            eid, tid = instance.get(a["relatedToEventInstance"], ""), a["timeID"]
        else:
            continue
        if eid and eid not in doc.event_dates:
            doc.event_dates[eid] = tid


def read_corpus(root: Path) -> list[TimeMLDoc]:
    """Every ``*.tml`` file under ``root`` (or ``root/tml``), sorted by file name."""
    folder = root / "tml" if (root / "tml").is_dir() else root
    return [read_timeml(p) for p in sorted(folder.glob("*.tml"))]
