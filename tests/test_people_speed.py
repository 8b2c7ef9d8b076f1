"""The sentence-start test of the person rules answers what its first definition answered."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.rules.people import _SENTENCE_OPENERS, opens_sentence
from tests.conftest import examples

PIECES = ["Okafor", "said", "Ms.", ".", "!", "?", ":", ";", '"', "“", "”", "‘", "’", "(", ",",
          " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\x1c", "é", "x"]
TEXT = st.one_of(st.lists(st.sampled_from(PIECES), max_size=14).map("".join), st.text())


@settings(max_examples=examples(2000), deadline=None)
@given(text=TEXT, data=st.data())
@example(text='He said. "Okafor', data=None)
@example(text="  Okafor", data=None)
def test_opens_sentence_equals_its_first_definition(text: str, data: st.DataObject | None
                                                    ) -> None:
    if data is None:
        seg_start, at = 0, len(text)
    else:
        seg_start = data.draw(st.integers(0, len(text)))
        at = data.draw(st.integers(seg_start, len(text)))
    before = text[seg_start:at].rstrip()
    assert opens_sentence(text, seg_start, at) == (not before
                                                   or before.endswith(_SENTENCE_OPENERS))
