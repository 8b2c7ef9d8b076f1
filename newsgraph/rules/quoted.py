"""The inner spans of an article's quotation-mark pairs, indexed for the claim sieves' questions.

The claim sieves ask, for every cue and content, how much of a stretch of text is quoted
(``claim_spans.quoted_share``), whether a position is (``claim_spans.in_quote``) and where the
last pair before a cue ends (``claim_rejections._attributes_quote``). Asked by going through
every pair, one sentence of n cues and n quotation marks ('Kowalski said "we will win' repeated: a
publisher's broken article) cost the square of n: 56 s for 170 KB. The pairs are sorted and
disjoint, so their starts and ends are both in order: bisection finds the pairs a stretch
overlaps, and prefix sums of their lengths give the quoted characters, in logarithmic time.

``Quoted`` is a list (every caller that reads the pairs as a list still can) that refuses to be
changed after it is made, so that its index stays that of its pairs. Pairs that are not sorted
and disjoint are answered by going through every pair, as before: the answers are the same
either way (``tests/test_quoted.py``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Any, NoReturn


class Quoted(list[tuple[int, int]]):
    """Quotation-mark pairs ``(start, end)`` with their starts, ends and prefix lengths."""

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        super().__init__(pairs)
        self.starts = [a for a, _ in self]
        self.ends = [b for _, b in self]
        #: sorted by start, each pair no longer than empty backwards and ending where or
        #: before the next starts: then the ends are in order too
        self.ordered = all(a <= b for a, b in self) and \
            all(b <= a2 for b, a2 in zip(self.ends, self.starts[1:], strict=False))
        #: ``before[i]``: the characters inside the first i pairs
        self.before = [0, *accumulate(b - a for a, b in self)] if self.ordered else []

    def share(self, start: int, end: int) -> float:
        """The share of ``[start, end)`` inside the pairs (1.0 for an empty stretch)."""
        if end <= start:
            return 1.0
        if not self.ordered:
            return sum(max(0, min(end, b) - max(start, a)) for a, b in self) / (end - start)
        lo = bisect_right(self.ends, start)  # the first pair that ends after ``start``
        hi = bisect_left(self.starts, end, lo)  # the first from there that starts at ``end``
        if hi <= lo:
            return 0.0
        inside = self.before[hi] - self.before[lo] - max(0, start - self.starts[lo]) \
            - max(0, self.ends[hi - 1] - end)
        return inside / (end - start)

    def holds(self, at: int) -> bool:
        """Whether position ``at`` lies inside one of the pairs."""
        if not self.ordered:
            return any(a <= at < b for a, b in self)
        i = bisect_right(self.starts, at) - 1  # the last pair that starts at or before ``at``
        return i >= 0 and at < self.ends[i]

    def last_end(self, lo: int, hi: int) -> int | None:
        """The greatest pair end in ``[lo, hi]``, None if no pair ends there."""
        if not self.ordered:
            return max((b for _, b in self if lo <= b <= hi), default=None)
        i = bisect_right(self.ends, hi)
        return self.ends[i - 1] if i > 0 and self.ends[i - 1] >= lo else None

    def overlapping(self, start: int, end: int) -> Quoted:
        """A sentence's pairs as ``reported.reported_contents`` takes them: from the first
        pair (by bisection of the ends) that ends after ``start``, up to the first after it
        that starts at or after ``end``."""
        lo = bisect_right(self.ends, start)
        if self.ordered:
            return Quoted(self[lo:bisect_left(self.starts, end, lo)])
        inside = []
        for a, b in self[lo:]:
            if a >= end:
                break
            inside.append((a, b))
        return Quoted(inside)

    def _frozen(self, *_: Any, **__: Any) -> NoReturn:
        raise TypeError("Quoted is not to be changed: its index is that of its pairs")

    append = extend = insert = remove = pop = clear = sort = reverse = _frozen
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _frozen
