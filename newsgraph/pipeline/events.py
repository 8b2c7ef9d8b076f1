"""Events from trigger words, with dates resolved against the publication date.

A body sentence with a trigger ("signed", "deliveries", "test", "summit", "sanctions", ...)
becomes an event of the mapped type; its date is the time mention (``times``) of that sentence
linked to it: of the same clause, after a preposition ("on Friday", "by March 20"), nearest
the trigger; else the publication date (basis ``publication_date``); else none. Its status
follows the sentence's modality, its participants are the actors the sentence names.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from newsgraph.models.event import EventStatus, EventType, ParticipantRole
from newsgraph.pipeline.drafts import ArticleDraft, EventDraft, Span
from newsgraph.pipeline.sentences import sentence_spans
from newsgraph.pipeline.times import TimeExpr

RULE = "rule:events.triggers@1"

TRIGGERS: list[tuple[EventType, str]] = [
    ("contract_signing", r"sign(?:ed|s|ing)?\b(?! up)|seal(?:ed)? a deal|deal (?:was|is) signed"),
    ("arms_delivery", r"deliver(?:y|ies|ed)|received the first batch|receiving parts"),
    ("weapons_test", r"test(?:s|ed|ing)?\b|trial run"),
    ("deployment", r"deploy(?:ed|ment)?|fully operational|activated?"),
    ("meeting", r"summit|meeting|met with|talks with|meet\b"),
    ("visit", r"\bvisit(?:ed|s)?\b"),
    ("sanction", r"sanction(?:s|ed)?|embargo"),
    ("suspension", r"suspend(?:ed|s)?|removed \w+ from|kick \w+ off"),
    ("demand", r"deadline|demand(?:ed|s)?"),
    ("appeal", r"urg(?:ed|ing)|letter"),
    ("coup_attempt", r"coup"),
    ("military_operation", r"offensive|operation in|military operation"),
    ("negotiation", r"negotiat\w+|discuss(?:ing|ed)"),
]
_TRIGGER = [(t, re.compile(rf"\b(?:{p})", re.I)) for t, p in TRIGGERS]
#: Any trigger at all: one scan that rules out the sentences with none (nineteen in twenty of
#: PolNeAR's) before the types are tried in order; it halves the stage's time there.
_ANY_TRIGGER = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for _, p in TRIGGERS) + ")", re.I)
_STATUS: list[tuple[EventStatus, re.Pattern[str]]] = [
    ("hypothetical", re.compile(r"\b(could|would|might|may|possible|if)\b", re.I)),
    ("expected", re.compile(r"\b(will|expected|hopes?|set to|aim|to be|next)\b", re.I)),
    ("planned", re.compile(r"\b(plans?|planned|scheduled)\b", re.I)),
    ("ongoing", re.compile(r"\b(ongoing|continues|is working|are working)\b", re.I)),
]


def _status(sentence: str) -> EventStatus:
    for status, regex in _STATUS:
        if regex.search(sentence):
            return status
    return "occurred"


def _trigger(sentence: str) -> tuple[EventType, re.Match[str]] | None:
    """The first type in ``TRIGGERS`` order whose trigger the sentence holds, and where."""
    if _ANY_TRIGGER.search(sentence) is None:
        return None
    return next(((t, m) for t, rx in _TRIGGER if (m := rx.search(sentence))), None)


#: A clause boundary between a trigger and a date: the date belongs to another clause.
_CLAUSE_BREAK = re.compile(r"[;:\u2014]|,\s+(?:and|but|while|whereas|which|who)\b| but ")
#: Prepositions that introduce an event's time ("signed on Friday", "by March 20").
_DATE_PREPOSITIONS = frozenset({"on", "in", "by", "at", "since", "until", "till", "during",
                                "from", "before", "after", "effective", "through"})


def _event_date(text: str, times: list[TimeExpr], starts: list[int], start: int, end: int,
                at: int) -> TimeExpr | None:
    """The time mention that dates an event whose trigger is at ``at`` in the sentence
    ``start``..``end``: a dated (DATE or TIME) expression of the same sentence, the same
    clause first, then one after a preposition, then the nearest. ``starts`` are the
    mentions' offsets (sorted), so only the sentence's own mentions are looked at."""
    best: tuple[tuple[bool, bool, int], TimeExpr] | None = None
    for t in times[bisect_left(starts, start):bisect_left(starts, end)]:
        if not (start <= t.char_start and t.char_end <= end) or t.date_start is None \
                or t.date_end is None or t.timex_type not in ("DATE", "TIME"):
            continue
        lo, hi = (t.char_end, at) if t.char_end <= at else (at, t.char_start)
        other_clause = _CLAUSE_BREAK.search(text, lo, hi) is not None
        key = (other_clause, t.preposition not in _DATE_PREPOSITIONS, abs(t.char_start - at))
        if best is None or key < best[0]:
            best = (key, t)
    return best[1] if best else None


def _publication(published: dt.date | None) -> TimeExpr | None:
    """The fallback date: the article's publication day (no words of the text give it)."""
    if published is None:
        return None
    return TimeExpr(0, 0, "", published, published, "day", "publication_date")


def find_events(draft: ArticleDraft, published: dt.date | None) -> None:
    """Fill ``draft.events`` with one event per triggered body sentence."""
    text = draft.source.text
    starts = [t.char_start for t in draft.times]
    for seg in draft.segments:
        if seg.kind != "body":
            continue
        for s_start, s_end in sentence_spans(text, seg.char_start, seg.char_end):
            chunk = stripped = text[s_start:s_end]
            if len(stripped.split()) < 4:
                continue
            hit = _trigger(chunk)
            if hit is None:
                continue
            event_type, match = hit
            span = Span(s_start, s_end, stripped)
            date = _event_date(text, draft.times, starts, s_start, s_end,
                               s_start + match.start()) \
                or _publication(published)
            names = [m for m in draft.actor_mentions
                     if span.start <= m.span.start < span.end
                     and draft.actors[m.actor].kind != "media"]
            participants: list[tuple[str, ParticipantRole]] = []
            for i, mention in enumerate(names):
                role: ParticipantRole = "agent" if i == 0 else "participant"
                if all(mention.actor != p for p, _ in participants):
                    participants.append((mention.actor, role))
            if date is not None and date.date_start is not None and \
                    date.basis != "publication_date":
                key = f"{event_type}|{date.date_start}|{date.date_end}|" + \
                      ",".join(sorted(p for p, _ in participants))
            else:
                key = f"{event_type}|{draft.source.sha256}|{span.start}"
            label = stripped if len(stripped) <= 160 else stripped[:157].rstrip() + "..."
            draft.events.append(EventDraft(key, event_type, label, _status(chunk), date, None,
                                           participants, [span], RULE, 0.5))
