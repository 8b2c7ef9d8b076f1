"""Where the content of a cue ends in its sentence: before the next cue's own clause.

The rule (``reported``'s ``complement`` sieve): the content of a cue ends before the first
later cue of its sentence that

1. is joined to it by "and" or "but" ("denied the claims, and suggested ..."): at the joint;
2. follows a comma ("said P, adding Q", "Cruz, who says P, said Q"): at the comma;
3. has a subject of its own that starts a clause after the cue ("X said P, but Y argued Q"):
   at the start of that clause (its comma, "and" or "but");

and at the end of the sentence when none does. Read literally this is a loop over every later
cue with searches over the whole stretch to it, per cue: cubic in the cues of one sentence
("He said said said ...": 14 s at 1,000 cues, 160 s at 3,000), so a hostile or broken article
could hang a build. ``ContentEnds`` gives the same answers in near-linear time:

- tests 1 and 2 end at the next cue (their patterns are anchored by ``$``), so they are
  searched once per pair of neighbouring cues. A match over a longer stretch that starts
  before the cue in between would have to cover that cue's last letters, which only a cue
  ending in "ly" allows ("reply"), and then no more than the comma, "and" or "but" before
  it: after such a cue the stretch from the cue before it is searched, once;
- test 3 can make a boundary only when the stretch holds a comma or semicolon after the cue
  (a clause start is one, ``claim_spans.clause_start_before``) and something the resolver
  can name: an actor mention, an unnamed-speaker head word or a pronoun (``attribution``'s
  ``Resolver.subject`` returns None otherwise); before the first later cue whose stretch
  holds both, the resolver is not asked;
- the cues that none of the tests can stop at are skipped by bisection.

``tests/test_claim_ends.py`` proves, with hypothesis, the answers equal to the literal loop
(``content_end_reference``), and counts the resolver's calls on hostile text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from newsgraph.rules.attribution import Resolver
from newsgraph.rules.claim_spans import REACH, clause_start_before
from newsgraph.rules.scanner import Cue, lowered
from newsgraph.rules.speech_cues import PRONOUN_BEFORE_CUE, SUBJECT_PRONOUNS
from newsgraph.rules.unnamed_speakers import UNNAMED_HEAD, UNNAMED_HEADS

#: A comma right before a cue: a participial clause or the end of a relative clause begins.
_COMMA_BEFORE = re.compile(r",\s*(?:\w+ly\s+)?$")
#: "and" or "but" right before a cue: a second content.
_AND_BEFORE = re.compile(r"\s*,?\s*\b(?:and|but)\s+(?:\w+ly\s+)?$")
#: Cue endings the two patterns above can match across: their "\\w+ly" (their "and" and
#: "but" follow a word boundary, so no cue's last letters can be one).
_SPANNABLE = "ly"
#: Where a clause can start inside a stretch (``JOINT`` opens with either).
_STOPS = re.compile(r"[,;]")
#: Every position where a pronoun the resolver reads may start, or an unnamed-speaker head
#: (a superset: lookaheads, so that overlapping ones are all found).
_PRONOUN_AT = re.compile(r"\b(?=" + SUBJECT_PRONOUNS + ")")
_HEAD_AT = re.compile(r"(?=(?:" + UNNAMED_HEADS + r"))", re.I)
_WORD = re.compile(r"\w+")


def _tail(text: str, start: int, end: int) -> int | None:
    """Tests 1 and 2 over ``text[start:end]``: where the content ends, or None."""
    joint = _AND_BEFORE.search(text, start, end)
    if joint is not None:
        return joint.start()
    comma = _COMMA_BEFORE.search(text, start, end)
    return comma.start() if comma is not None else None


class ContentEnds:
    """The content ends of the cues of one sentence (``cues``: sorted, disjoint).

    What the tests need is found on first use: most sentences' contents end at the next cue
    or have none after them, and then nothing else is read."""

    def __init__(self, text: str, resolver: Resolver, cues: list[Cue], s_start: int,
                 s_end: int, limit: int = REACH) -> None:
        """``limit``: how far from a cue the resolver is asked (``claim_spans.reach_limit``;
        the sentence's length reads it whole)."""
        self.text, self.resolver, self.cues = text, resolver, cues
        self.s_start, self.s_end, self.limit = s_start, s_end, limit
        self.starts = [c.start() for c in cues]
        self._tails: dict[int, int | None] = {}
        self._spanned: dict[int, int | None] = {}
        self._pronoun: dict[int, bool] = {}  # cue index -> a pronoun right before it
        #: how many times the resolver was asked (the tests count it)
        self.asked = 0

    def _tail_before(self, j: int) -> int | None:
        """Tests 1 and 2 between cue ``j`` and the one before it."""
        if j not in self._tails:
            self._tails[j] = _tail(self.text, self.cues[j - 1].end(), self.cues[j].start())
        return self._tails[j]

    def _tail_across(self, j: int) -> int | None:
        """Tests 1 and 2 over the stretch to cue ``j`` from a cue before ``j - 1``, which
        ends in "ly": a match can cover that cue (the pattern's "\\w+ly") and, before it,
        only the comma, "and" or "but" after cue ``j - 2``, so the search starts there,
        whichever earlier cue the stretch is from (searching from that cue was cubic:
        "said" + " reply" * 800 took 49 s)."""
        if j not in self._spanned:
            self._spanned[j] = _tail(self.text, self.cues[j - 2].end(), self.cues[j].start())
        return self._spanned[j]

    def _spans(self, j: int) -> bool:
        """Whether tests 1 and 2 may match across cue ``j - 1`` (it ends in "ly")."""
        return self.cues[j - 1].group().lower().endswith(_SPANNABLE)

    @cached_property
    def hits(self) -> list[int]:
        """The cues test 1 or 2 may stop at, whatever the cue before."""
        return [j for j in range(1, len(self.cues)) if self._tail_before(j) is not None
                or (j >= 2 and self._spans(j) and self._tail_across(j) is not None)]

    @cached_property
    def stops(self) -> list[int]:
        return [m.start() for m in _STOPS.finditer(self.text, self.s_start, self.s_end)]

    @cached_property
    def heads(self) -> list[int]:
        """Where an unnamed head word may start (the words of "chief executives" each)."""
        text, start, end = self.text, self.s_start, self.s_end
        low = lowered(text[start:end])
        if low is None:  # "ſ", "ı" or "İ": lowering is not what ``re.I`` reads
            return [m.start() for m in _HEAD_AT.finditer(text, start, end)]
        return [start + cue.start() + word.start() for cue in UNNAMED_HEAD.finditer(low)
                for word in _WORD.finditer(cue.group())]

    @cached_property
    def pronouns(self) -> list[int]:
        return [m.start() for m in _PRONOUN_AT.finditer(self.text, self.s_start, self.s_end)]

    def _first_named(self, at: int) -> int | None:
        """The first position at or after ``at`` where the resolver may find a subject."""
        found = [xs[k] for xs in (self.pronouns, self.heads, self.resolver.starts)
                 if (k := bisect_left(xs, at)) < len(xs)]
        return min(found) if found else None

    def _first_subject_cue(self, i: int) -> int:
        """The first later cue whose stretch from cue ``i`` may pass test 3 (else past the
        last cue)."""
        after = self.cues[i].end()
        k = bisect_right(self.stops, after)
        named = self._first_named(after) if k < len(self.stops) else None
        if named is None:
            return len(self.cues)
        return max(i + 1, bisect_right(self.starts, max(self.stops[k], named)))

    def _may_name(self, j: int, after: int) -> bool:
        """Whether the resolver may find a subject in ``text[after:cues[j].start()]`` (at most
        ``limit`` long): an actor mention or an unnamed head in it, or a pronoun right before
        the cue (``Resolver.subject`` reads a pronoun there only)."""
        end = self.starts[j]
        for xs in (self.resolver.starts, self.heads):
            k = bisect_left(xs, after)
            if k < len(xs) and xs[k] < end:
                return True
        if j not in self._pronoun:
            self._pronoun[j] = PRONOUN_BEFORE_CUE.search(
                self.text, max(self.s_start, end - self.limit), end) is not None
        return self._pronoun[j]

    def end(self, i: int) -> int:
        """Where the content of ``cues[i]`` ends."""
        cues, text = self.cues, self.text
        after = cues[i].end()
        asked = -1  # found when the next cue's tests 1 and 2 fail
        j = i + 1
        while j < len(cues):
            nxt = cues[j]
            stop = self._tail_across(j) if j > i + 1 and self._spans(j) else \
                self._tail_before(j)
            if stop is not None:
                return stop
            if asked < 0:
                asked = self._first_subject_cue(i)
            near = j >= asked and nxt.start() - after <= self.limit
            if near and self._may_name(j, after):
                self.asked += 1
                subject = self.resolver.subject(after, nxt.start(), cue_after=True)
                if subject is not None and subject.start > after + 1:
                    boundary = clause_start_before(text, after, subject.start)
                    if boundary > after:
                        return boundary
            if near:
                j += 1
                continue
            k = bisect_left(self.hits, j + 1)  # the next cue tests 1 or 2 may stop at
            hit = self.hits[k] if k < len(self.hits) else len(cues)
            j = hit if j >= asked else min(hit, asked)
        return self.s_end


def content_end_reference(text: str, resolver: Resolver, cue: Cue, later: list[Cue],
                          s_end: int) -> int:
    """The rule read literally (cubic in the cues): the reference of ``ContentEnds``."""
    for nxt in later:
        joint = _AND_BEFORE.search(text, cue.end(), nxt.start())
        if joint is not None:
            return joint.start()
        comma = _COMMA_BEFORE.search(text, cue.end(), nxt.start())
        if comma is not None:
            return comma.start()
        subject = resolver.subject(cue.end(), nxt.start(), cue_after=True)
        if subject is None or subject.start <= cue.end() + 1:
            continue
        boundary = clause_start_before(text, cue.end(), subject.start)
        if boundary > cue.end():
            return boundary
    return s_end
