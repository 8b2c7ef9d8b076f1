"""What every claim sieve shares: the ``Reported`` record, the claim cues, and the span tests.

The verb sieves (``reported``) and the other sieves (``claim_sieves``) both cut a content out
of a sentence, trim it, and drop it when it is too short or mostly a quotation (a content that
is mostly one quotation is the quote's, not a claim); these helpers live here so that neither
module imports the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.rules.attribution import Subject
from newsgraph.rules.drafts import Span
from newsgraph.rules.lexicon import COGNITION_FORMS, SPEECH_FORMS, STANCE_FORMS
from newsgraph.rules.quoted import Quoted
from newsgraph.rules.scanner import Cues
from newsgraph.rules.speech_cues import JOINT

#: Cues that take a complement: speech, cognition and stance verbs.
CLAIM_CUES = Cues(set(SPEECH_FORMS) | set(COGNITION_FORMS) | set(STANCE_FORMS))
#: Where a content ends inside its sentence.
CLAUSE_END = re.compile(r";|\s[—–]\s|\s--\s|\s-\s|\(|,\s+(?:but|which|while|although|though|"
                        r"whereas)\b")
#: How far from a cue, in characters, its source, its clause and the next cue's clause are
#: looked for: every look-back and look-ahead of the claim sieves from a cue is bounded, so
#: that a sentence of thousands of cues ("said said said ...") costs time linear in its
#: length, not its square or cube. Measured on the PolNeAR training texts, the longest
#: stretch from a clause start to its cue was 603 characters (359 in TimeBank, 190 in the
#: news benchmark) and the longest sentence 868. Only a sentence where unbounded look-backs
#: could cost much is bounded (``reach_limit``); no output of any other depends on it.
REACH = 1000
#: A sentence whose cues times its length is at most this looks back over all of it (a
#: sentence of 1,200 characters with up to 53 cues reads as the rule is written).
UNBOUNDED_WORK = 64 * REACH


def reach_limit(cues: int, s_start: int, s_end: int) -> int:
    """How far the claim sieves look back or ahead from a cue of a sentence of ``cues``
    cues: the whole sentence, unless that would cost more than ``UNBOUNDED_WORK``, and then
    ``REACH`` (so a sentence of thousands of cues costs linear time, and a long sentence of
    a few cues is read in full)."""
    length = s_end - s_start
    return length if cues * length <= UNBOUNDED_WORK else REACH


#: The fewest words of a content (a stance cue's short object aside).
MIN_WORDS = 3


@dataclass(frozen=True)
class Reported:
    """One reported content: its span, the cue, who reported it and by which sieve."""

    span: Span
    cue: str
    #: None for the writer's own assessment (the ``evidential`` sieve)
    subject: Subject | None
    method: str
    confidence: float


def quoted_share(quoted: list[tuple[int, int]], start: int, end: int) -> float:
    """The share of ``[start, end)`` inside the article's quotation-mark pairs (bisected when
    they are ``Quoted``: a cue's content may hold thousands of pairs)."""
    if isinstance(quoted, Quoted):
        return quoted.share(start, end)
    if end <= start:
        return 1.0
    inside = sum(max(0, min(end, b) - max(start, a)) for a, b in quoted)
    return inside / (end - start)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the spaces and punctuation at its edges."""
    while start < end and text[start] in " ,:":
        start += 1
    while end > start and text[end - 1] in " ,.;:!?":
        end -= 1
    return start, end


def in_quote(quoted: list[tuple[int, int]], at: int) -> bool:
    """Whether position ``at`` lies inside one of the quotation-mark pairs."""
    if isinstance(quoted, Quoted):
        return quoted.holds(at)
    return any(a <= at < b for a, b in quoted)


def clause_start_before(text: str, start: int, at: int) -> int:
    """Where the clause holding position ``at`` starts (its last comma, 'and' or 'but')."""
    best = start
    for joint in JOINT.finditer(text, start, at):
        best = joint.start()
    comma = text.rfind(",", start, at)
    return max(best, comma) if comma != -1 else best
