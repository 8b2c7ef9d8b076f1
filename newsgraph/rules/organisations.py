"""Organisations and news outlets found by rules, without a gazetteer entry.

The finder of the actors stage: in every stretch of capitalised words (``_REGION``) the runs
of ``capital_runs`` are named by their own words (``org_shapes``: "Royal College of Nursing",
"Hindustan Times", "Corvant Chief Executive Raymond Teo"), and every paragraph is read for the
words around a name (``org_context``: "chip-equipment maker Lumetra", "as quoted by Politico",
"National Labor Relations Board (NLRB)").

Runs that name laws, programmes, prizes and places ("Grid Resilience Act", "Commercial Lunar
Payload Services program") are not organisations.
"""

from __future__ import annotations

import re

from newsgraph.rules.capital_runs import CONNECTORS, runs, tokens
from newsgraph.rules.names import UPPER
from newsgraph.rules.org_context import by_context
from newsgraph.rules.org_shapes import (
    MEDIA_RULE,
    ORG_RULE,
    OrgCandidate,
    before_title,
    shape_kind,
    split_run,
)
from newsgraph.rules.scanner import alternation

#: Stretches of capitalised words (with the connectors between them) where runs are looked for
#: ("&" is one of the capitalised words here).
_REGION = re.compile(rf"(?<![^\s\u00a0])[^\s\u00a0{UPPER}&]*[{UPPER}&][^\s\u00a0]*"
                     rf"(?:[ \u00a0]+(?:(?:{alternation(CONNECTORS - {'&'})})[ \u00a0]+)?"
                     rf"[^\s\u00a0]*[{UPPER}&][^\s\u00a0]*)*")


def find_organisations(text: str, spans: list[tuple[int, int]],
                       media_names: frozenset[str]) -> list[OrgCandidate]:
    """Organisation and outlet candidates in the ``spans`` of ``text`` where names are new."""
    found: list[OrgCandidate] = []
    for start, end in spans:
        for region in _REGION.finditer(text, start, end):
            if " " in region.group() or "\u00a0" in region.group():  # one word names nothing here
                found.extend(_in_region(text, region.start(), region.end(), media_names))
        found.extend(by_context(text, start, end))
    return found


def _in_region(text: str, start: int, end: int, media_names: frozenset[str]
               ) -> list[OrgCandidate]:
    found = []
    for run in runs(tokens(text, start, end)):
        titled = before_title(run, text)
        if titled is not None:
            found.append(titled)
        run = split_run(run)
        kind = shape_kind(run, text, media_names) if run else None
        if kind is not None:
            first = run[0].start
            if len(run) == 1 and text[max(0, first - 4):first] == "The ":
                first -= 4  # "The Courier": the article belongs to a one-word title
            found.append(OrgCandidate(first, run[-1].end, text[first:run[-1].end], kind,
                                      MEDIA_RULE if kind == "media" else ORG_RULE, True))
    return found
