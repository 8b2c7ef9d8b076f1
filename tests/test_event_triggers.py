"""The one-scan trigger filter of ``events`` never hides a trigger the ordered patterns find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.pipeline.events import _TRIGGER, _trigger

# words near the triggers' edges: stems, inflections, prefixes and look-alikes
WORDS = ["signed", "sign up", "signal", "design", "deal was signed", "delivery", "deliverance",
         "tested", "testament", "contest", "deployed", "reactivate", "summit", "meeting",
         "met with", "visitor", "visits", "sanctions", "embargo", "suspended", "removed it from",
         "kick them off", "deadline", "demands", "urged", "letter", "coup", "coupon", "offensive",
         "operation in", "negotiators", "discussed", "the", "a", "Friday", "SIGNED", "Test"]
SENTENCE = st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)


@settings(max_examples=1500, deadline=None)
@given(sentence=SENTENCE)
def test_filter_keeps_the_first_triggered_type(sentence: str) -> None:
    expected = next(((t, m.span()) for t, rx in _TRIGGER if (m := rx.search(sentence))), None)
    got = _trigger(sentence)
    assert (None if got is None else (got[0], got[1].span())) == expected


def test_a_sentence_without_a_trigger_has_no_type() -> None:
    assert _trigger("The weather was mild all week.") is None
    hit = _trigger("They designed it, then signed it.")
    assert hit is not None and hit[0] == "contract_signing" and hit[1].group() == "signed"
