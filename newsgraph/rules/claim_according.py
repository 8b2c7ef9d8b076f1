"""The ``according_to`` and ``in_poll`` claim sieves: a source named by "according to".

"According to X, P." / "P, according to X." / "As reported by X, P." -> X claims P; "In a new
Fox News poll, P." -> the poll claims P. ``reported`` tries them first on a sentence: a
sentence they fit is their claim alone.
"""

from __future__ import annotations

import re

from newsgraph.rules.attribution import Resolver
from newsgraph.rules.claim_sources import source_phrase
from newsgraph.rules.claim_spans import MIN_WORDS, Reported, in_quote, quoted_share, trim
from newsgraph.rules.drafts import Span
from newsgraph.rules.needs import Needs
from newsgraph.rules.scanner import Cue

RULE_ACCORDING = "rule:claims.according_to@2"
RULE_POLL = "rule:claims.in_poll@2"
#: The sieves' precision on the PolNeAR training split, rounded down to 0.05.
CONFIDENCE = {RULE_ACCORDING: 0.9, RULE_POLL: 0.9}

_ACCORDING = Needs(re.compile(r"\b[Aa]ccording to\b|\b[Aa]s (?:first |previously )?reported (?:by|in)\b"),
                   "ccording to", "reported ")
#: "In a new Fox News poll, P" at the start of a sentence: the poll is the source.
_IN_POLL = re.compile(r"\s*(?:(?:But|And|Yet|Still)\s+)?(?P<cue>[Ii]n)(?= (?:the|a|an|this|that|"
                      r"its|their|his|her|new|recent|latest|exit|one|another)\s+(?:[\w’'/.-]+\s+){0,6}?(?:polls?|surveys?)\b)")


def according_claim(text: str, quoted: list[tuple[int, int]], s_start: int, s_end: int,
                    resolver: Resolver) -> Reported | None:
    """The claim of the sentence ``text[s_start:s_end]`` by "according to" (or "as reported
    by"), else by a poll that opens it; None when neither fits, or the cue is quoted."""
    according: Cue | re.Match[str] | None = _ACCORDING.search(text, s_start, s_end)
    method = RULE_ACCORDING
    if according is None:
        poll = _IN_POLL.match(text, s_start, s_end)
        if poll is not None:
            according = Cue(poll.start("cue"), poll.end("cue"), poll.group("cue"))
            method = RULE_POLL
    if according is None or in_quote(quoted, according.start()):
        return None
    return _according(text, quoted, s_start, s_end, according, resolver, method)


def _according(text: str, quoted: list[tuple[int, int]], s_start: int, s_end: int,
               cue: Cue | re.Match[str], resolver: Resolver, method: str) -> Reported | None:
    """'According to X, P.' or 'P, according to X.' (and 'In a new poll, P')."""
    comma = text.find(",", cue.end(), s_end)
    source_end = comma if comma != -1 else s_end
    subject = resolver.subject(cue.end(), source_end, cue_after=False) or \
        source_phrase(text, cue.end(), source_end)
    if subject is None:
        return None
    before = text[s_start:cue.start()]
    clause_start = max(before.rfind(":"), before.rfind(";"), before.rfind("—"))
    if clause_start != -1 and not before[clause_start + 1:].strip(" ,"):
        before = ""  # 'It has not gone unnoticed: According to X, P': P follows
    if (before.strip(" ,") and comma == -1) or \
            (before.strip(" ,") and len(before.split()) >= 3):
        span = trim(text, s_start, cue.start())  # 'P, according to X.'
    else:
        span = trim(text, comma + 1 if comma != -1 else s_end, s_end)
    if len(text[span[0]:span[1]].split()) < MIN_WORDS or quoted_share(quoted, *span) > 0.5:
        return None
    return Reported(Span(span[0], span[1], text[span[0]:span[1]]), cue.group(), subject,
                    method, CONFIDENCE[method])
