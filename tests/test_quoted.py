"""``Quoted`` answers the claim sieves' quotation questions as going through every pair did.

The references below are the code as it was (``claim_spans.quoted_share`` and ``in_quote``,
the pairs before a cue in ``claim_rejections._attributes_quote``, a sentence's pairs in
``reported.reported_contents``), kept here. Hypothesis compares them with ``Quoted`` over
pairs sorted and disjoint (what the claim sieves get) and over any pairs at all, and compares
the claims and rejected cues of random texts of quotation marks, cue words and names made
with ``Quoted`` and with the references. The work test is in ``tests/test_hostile_work.py``.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.rules.claim_spans import in_quote, quoted_share
from newsgraph.rules.claims import find_claims, rejected_cues
from newsgraph.rules.quoted import Quoted
from tests.conftest import examples
from tests.rules_helpers import article, extract

Pairs = list[tuple[int, int]]


def share_reference(quoted: Pairs, start: int, end: int) -> float:
    if end <= start:
        return 1.0
    inside = sum(max(0, min(end, b) - max(start, a)) for a, b in quoted)
    return inside / (end - start)


def holds_reference(quoted: Pairs, at: int) -> bool:
    return any(a <= at < b for a, b in quoted)


def last_end_reference(quoted: Pairs, lo: int, hi: int) -> int | None:
    before = [b for a, b in quoted if lo <= b <= hi]
    return max(before) if before else None


def overlapping_reference(quoted: Pairs, start: int, end: int) -> Pairs:
    first = max(0, bisect_right([b for _, b in quoted], start))
    inside = []
    for a, b in quoted[first:]:
        if a >= end:
            break
        inside.append((a, b))
    return inside


@st.composite
def _ordered(draw: st.DrawFn) -> Pairs:
    """Sorted, disjoint pairs (some empty, some touching), as an article's marks make."""
    pairs, at = [], draw(st.integers(0, 5))
    for _ in range(draw(st.integers(0, 12))):
        start = at + draw(st.integers(0, 4))
        end = start + draw(st.integers(0, 6))
        pairs.append((start, end))
        at = end
    return pairs


_any = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=10)
_at = st.integers(-3, 70)


@settings(max_examples=examples(500), deadline=None)
@given(pairs=st.one_of(_ordered(), _any, _any.map(sorted)),
       queries=st.lists(st.tuples(_at, _at), min_size=1, max_size=8))
def test_quoted_equals_going_through_every_pair(pairs: Pairs,
                                                queries: list[tuple[int, int]]) -> None:
    quoted = Quoted(pairs)
    assert list(quoted) == pairs
    for start, end in queries:
        assert quoted.share(start, end) == share_reference(pairs, start, end)
        assert quoted_share(quoted, start, end) == share_reference(pairs, start, end)
        assert quoted_share(pairs, start, end) == share_reference(pairs, start, end)
        assert quoted.holds(start) == holds_reference(pairs, start)
        assert in_quote(quoted, start) == in_quote(pairs, start) == \
            holds_reference(pairs, start)
        assert quoted.last_end(start, end) == last_end_reference(pairs, start, end)
        if pairs == sorted(pairs):  # the sentence's pairs are taken from sorted pairs only
            assert list(quoted.overlapping(start, end)) == \
                overlapping_reference(pairs, start, end)


def test_ordered_is_what_the_index_needs() -> None:
    assert Quoted([(0, 3), (3, 5), (7, 7), (9, 12)]).ordered
    assert not Quoted([(0, 4), (3, 5)]).ordered  # overlapping
    assert not Quoted([(3, 5), (0, 1)]).ordered  # not sorted
    assert not Quoted([(5, 3)]).ordered  # backwards


def test_quoted_refuses_to_change() -> None:
    quoted = Quoted([(0, 3)])
    for change in (lambda: quoted.append((4, 5)), lambda: quoted.extend([(4, 5)]),
                   lambda: quoted.pop(), quoted.clear, quoted.sort,
                   lambda: quoted.__setitem__(0, (1, 2)), lambda: quoted.__delitem__(0)):
        with pytest.raises(TypeError):
            change()
    with pytest.raises(TypeError):
        quoted += [(4, 5)]
    assert quoted == [(0, 3)] and quoted.ends == [3]


#: Pieces of reported speech: speakers, cues, contents of several words, quotation marks of
#: every kind (opened and closed or not, next to a word or a space), joints and sentence ends.
_PIECES = [' "', '"', '" ', " “", "”", "” ", " ‘", "’", " ''", "''", " «", "»", " „",
           " Kowalski said", " Anna Kowalski says", " Tom Berg told Reuters", " he argued",
           " she denied that", " according to Berg,", " officials said", " a spokesman added",
           " said Kowalski", " the plan will work for all of us", " we will win the vote",
           " it is a disaster", "We will go", " that", ",", ", he said,", ".", ":", ";",
           "\n\n", " and"]
_texts = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join)

def _claims(text: str) -> tuple[list[str], list[tuple[int, str, str]]]:
    draft = extract(article(text))
    rejected = rejected_cues(draft)
    find_claims(draft)
    return [repr(dataclasses.astuple(c)) for c in draft.claims], rejected


@settings(max_examples=examples(300), deadline=None)
@given(text=_texts)
def test_claims_are_those_of_going_through_every_pair(text: str) -> None:
    new = _claims(text)
    with mock.patch.object(Quoted, "share", share_reference), \
            mock.patch.object(Quoted, "holds", holds_reference), \
            mock.patch.object(Quoted, "last_end", last_end_reference), \
            mock.patch.object(Quoted, "overlapping",
                              lambda q, s, e: Quoted(overlapping_reference(q, s, e))):
        old = _claims(text)
    assert new == old

