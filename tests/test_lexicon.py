"""The cue scanner is the regular expression it replaces, on any text and window (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.pipeline.attribution import CUE
from newsgraph.pipeline.lexicon import SPEECH_FORMS, Cues
from newsgraph.pipeline.reported import CLAIM_CUES

_PIECES = ["said", "says", "According", "according", "to", "pointed", "out", "called", "for",
           "told", "x", "Xsaid", "said_", "_", "1", "é", "saidé", "sai", "d", " ", "  ", ",",
           ".", "\n", "'", "’", "-", "points out", "called for", "according to", "went on", "cease",
           "fire", "cease-fire", "re-elected", "elected", "re"]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _as_tuples(found: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in found]  # type: ignore[attr-defined]


@settings(max_examples=400)
@given(text=texts, data=st.data())
def test_scanner_equals_the_regex(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for cues in (CUE, CLAIM_CUES, Cues({"said", "pointed out", "pointed"}),
                 Cues({"fire", "cease-fire", "elected", "re-elected", "cease"})):
        regex = cues.pattern()
        assert _as_tuples(cues.finditer(text, start, end)) == \
            _as_tuples(regex.finditer(text, start, end))
        first = regex.search(text, start, end)
        found = cues.search(text, start, end)
        assert (found is None) == (first is None)
        if found is not None and first is not None:
            assert (found.start(), found.end(), found.group()) == (*first.span(), first.group())
        at = re.compile("(?:" + regex.pattern[5:]).match(text, start, end)  # no leading \b
        got = cues.match(text, start, end)
        assert (got is None) == (at is None)
        if got is not None and at is not None:
            assert (got.start(), got.end(), got.group()) == (*at.span(), at.group())


def test_the_vocabulary_has_the_forms_news_uses() -> None:
    for form in ("says", "say", "said", "saying", "interjected", "implored", "sighed",
                 "responded", "suggests", "tweeted", "acknowledged", "pointed out"):
        assert form in SPEECH_FORMS, form
