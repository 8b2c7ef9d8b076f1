"""The modality of an event: the words that make its act intended, expected, planned,
hypothetical, denied or cancelled, and the status a clause's words give it.

One home for the modal cues of the events stage: the intention cue ``INTENT`` (PLOVER reads
"will provide aid", "is ready to send troops" as an offer or an agreement) and the status
rules share their auxiliaries and phrases (``_FUTURE``, ``_READY``, ``_TO_BE``), so the two
never disagree on what "ready to" or "is to" says. Matches are English, case-insensitive,
whole words.
"""

from __future__ import annotations

import re

from newsgraph.models.event import EventStatus

#: Auxiliaries of the future ("will", "shall", "they'll").
_FUTURE = r"will|shall|'ll"
#: Readiness for an act ("is ready to send troops", "willing to talk").
_READY = r"ready\s+to|willing\s+to|prepared\s+to"
#: An act to come, as a plan or an arrangement ("going to", "is to resume").
_TO_BE = r"going\s+to|is\s+to|are\s+to"

#: An intention to act, in the clause's words before the trigger.
INTENT = re.compile(rf"\b(?:{_FUTURE}|would|{_READY}|plans?\s+to|planning\s+to|intends?\s+to|"
                    r"promised\s+to|pledged\s+to|offered\s+to|agreed\s+to|"
                    rf"{_TO_BE})\b", re.I)
#: A condition on an act ("will withdraw ... unless").
CONDITION = re.compile(r"\b(?:unless|if)\b", re.I)
_STATUS: list[tuple[EventStatus, re.Pattern[str]]] = [
    ("denied", re.compile(r"\b(?:not|never|no|denied|denies)\b|n't\b", re.I)),
    ("cancelled", re.compile(r"\b(?:cancell?ed|called\s+off|scrapped|postponed)\b", re.I)),
    ("hypothetical", re.compile(r"\b(?:could|would|might|may|if|unless|possible)\b", re.I)),
    ("planned", re.compile(r"\b(?:plans?|planned|planning|scheduled|intends?|to\s+be\s+held)\b",
                           re.I)),
    ("expected", re.compile(rf"\b(?:{_FUTURE}|expected|set\s+to|{_TO_BE}|{_READY}|next)\b",
                            re.I)),
    ("ongoing", re.compile(r"\b(?:is|are)\s+\w+ing\b|\b(?:continues?|continuing|ongoing)\b", re.I)),
]


def event_status(before: str, trigger: str) -> EventStatus:
    """The status the clause's words up to the trigger state (first rule that applies)."""
    for status, regex in _STATUS:
        if status == "cancelled" and regex.search(trigger):
            continue  # "cancelled a visit" is the act itself, not a cancelled one
        if regex.search(before + " " + trigger):
            return status
    return "occurred"
