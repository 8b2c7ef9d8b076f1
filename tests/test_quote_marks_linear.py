"""Pairing quotation marks and finding a quote's narration sentence, by bisection: same answers.

``pairs.find_pairs`` searched the rest of the paragraph for every ‘ left unclosed, and
``quotes._context`` went through every sentence and every pair of the paragraph for every
unattributed quote: a paragraph of thousands of either cost their square. The references
below are the code as it was, kept here; hypothesis compares them with the new code over
random texts of quotation marks of every kind, apostrophes, cue words and names, and
compares the whole quote stage made with each. The work tests are in
``tests/test_hostile_work.py``.
"""

from __future__ import annotations

import dataclasses
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.models.quotation_marks import OPENING_MARK, QUOTE_PAIRS
from newsgraph.rules import quotes
from newsgraph.rules.pairs import _MIXED, Pair, _opens, find_pairs
from newsgraph.rules.sentences import sentence_spans
from tests.conftest import examples
from tests.rules_helpers import article, extract


def find_pairs_reference(text: str, start: int, end: int) -> list[Pair]:
    """``pairs.find_pairs`` as it was: every ‘ searches the rest of the paragraph."""
    pairs: list[Pair] = []
    i = start
    while True:
        found = OPENING_MARK.search(text, i, end)
        if found is None:
            return pairs
        i, mark = found.start(), found.group()
        width = len(mark)
        if not _opens(text, i, width):
            i += 1
            continue
        close = QUOTE_PAIRS[mark]
        j = text.find(close, i + width, end)
        while mark == "‘" and j != -1 and j + 1 < end and text[j + 1].isalpha():
            j = text.find(close, j + 1, end)  # "it’s": an apostrophe, not the closing mark
        while close == "''" and j != -1 and text[j + 2:j + 3] == "'":
            j += 1  # three apostrophes: a single closing mark inside, then the double one
        mixed = _MIXED.get(mark)
        if mixed is not None:  # a straight mark closed by a curly one, or the reverse
            k = text.find(mixed, i + width, j if j != -1 else end)
            if k != -1:
                j, close = k, mixed
        if j != -1:
            if j > i + width:
                pairs.append(Pair(i + width, j, True, width, len(close)))
            i = j + len(close)
            continue
        if mark != "‘" and end > i + width:  # unclosed: runs to the paragraph end
            inner_end = end
            while inner_end > i + width and text[inner_end - 1].isspace():
                inner_end -= 1
            pairs.append(Pair(i + width, inner_end, False, width, 0))
            return pairs
        i += 1


def sentence_ending_by_reference(para: quotes._Paragraph, at: int) -> tuple[int, int] | None:
    earlier = [(s, e) for s, e in para.sentences if e <= at]
    return earlier[-1] if earlier else None


def has_marks_in_reference(para: quotes._Paragraph, start: int, end: int) -> bool:
    return any(p.outer_start < end and start < p.outer_end for p in para.pairs)


_MARKS = ['"', "“", "”", "‘", "’", "'", "''", "'''", "``", "«", "»", "„", "‚", "「", "」"]
_CHARACTERS = st.lists(st.sampled_from([*_MARKS, " ", "a", "s", "it", ".", ",", "(", "\n",
                                        " ‘a", "’ ", " ‘it’s", " “a"]),
                       max_size=40).map("".join)


@settings(max_examples=examples(1000), deadline=None)
@given(text=_CHARACTERS, data=st.data())
def test_pairs_are_those_of_searching_from_every_mark(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert find_pairs(text, start, end) == find_pairs_reference(text, start, end)


@settings(max_examples=examples(500), deadline=None)
@given(text=_CHARACTERS, queries=st.lists(st.tuples(st.integers(-2, 45), st.integers(-2, 45)),
                                          min_size=1, max_size=6),
       shuffled=st.booleans())
def test_paragraph_questions_equal_going_through_the_paragraph(
        text: str, queries: list[tuple[int, int]], shuffled: bool) -> None:
    pairs = find_pairs(text, 0, len(text))
    sentences = sentence_spans(text, 0, len(text))
    if shuffled:  # out of order: answered by going through them, the same
        pairs, sentences = pairs[::-1], sentences[::-1]
    para = quotes._Paragraph(0, len(text), pairs, sentences)
    for a, b in queries:
        assert para.sentence_ending_by(a) == sentence_ending_by_reference(para, a)
        assert para.has_marks_in(a, b) == has_marks_in_reference(para, a, b)


_PIECES = ['"', "“", "”", "” ", " “", " ‘", "’", "’s", " ''", " «", "»", ". ", ".", "\n\n",
           " we will win the vote", " it is a disaster for all of us", " Kowalski said",
           " said Anna Kowalski", " he added", " Tom Berg smiled.", " She", " and",
           " “We will win the vote today.”", " “We will win,” Tom Berg said.",
           " Tom Berg said “we will win” today."]


def _quotes(text: str) -> list[tuple[object, ...]]:
    draft = extract(article(text))
    return [dataclasses.astuple(q) for q in draft.quotes] + \
        [(span, why) for span, why in draft.not_quotes]


@settings(max_examples=examples(300), deadline=None)
@given(text=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join))
def test_the_quote_stage_is_that_of_the_references(text: str) -> None:
    new = _quotes(text)
    with mock.patch.object(quotes, "find_pairs", find_pairs_reference), \
            mock.patch.object(quotes._Paragraph, "sentence_ending_by",
                              sentence_ending_by_reference), \
            mock.patch.object(quotes._Paragraph, "has_marks_in", has_marks_in_reference):
        old = _quotes(text)
    assert new == old
