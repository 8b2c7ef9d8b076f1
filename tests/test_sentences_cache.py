"""Kept sentence boundaries are the boundaries computed afresh, and callers get their own list."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.rules.sentences import _sentence_spans, sentence_spans
from tests.conftest import examples

PIECES = ["Mr. Okafor said.", " ", "  ", "U.S.", "Dec. 3-4", '"We won."', "It ended! ", "Then",
          "“Quote”", "\n", "\u00a0", "ariz. ", "é", "A", "1"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=examples(500), deadline=None)
@given(text=TEXT, data=st.data())
def test_kept_spans_equal_fresh_ones(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    fresh = list(_sentence_spans.__wrapped__(text, start, end))
    first = sentence_spans(text, start, end)
    first.append((-1, -1))  # a caller's change to its list reaches nobody else
    assert sentence_spans(text, start, end) == fresh
