"""A regex behind its pieces (``rules.needs``) finds what the bare regex finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.rules import claim_according, claim_sieves, reporting_names
from newsgraph.rules.needs import Needs
from tests.conftest import examples

#: Every ``Needs`` of the pipeline, by name.
NEEDS = {f"{module.__name__.rsplit('.', 1)[1]}.{name}": value
         for module in (claim_sieves, claim_according, reporting_names)
         for name, value in vars(module).items() if isinstance(value, Needs)}
#: The words the patterns are made of and around them: each alternative of each pattern can
#: be written with these, so a piece left out of a ``Needs`` makes a match it misses.
WORDS = ["seems", "seem", "seemed", "appears", "appeared", "is", "are", "was", "were",
         "has been", "had been", "expected", "said", "to", "likely", "unlikely", "poised",
         "ready", "sure", "certain", "worked", "not", "also", "still", "quickly", "reportedly",
         "allegedly", "purportedly", "supposedly", "asked", "whether", "about", "by", "if",
         "According to", "according to", "the", "As reported by", "as first reported in",
         "as previously reported by", "reported", "in", "Reuters", "Acme Corp", "U.S.", "he",
         "she", "win", " ", "  ", "\n", ",", ".", ";", ")", "x"]
TEXT = st.lists(st.sampled_from(WORDS), max_size=24).map(" ".join)
MIXED = st.lists(st.sampled_from([*WORDS, ""]), max_size=24).map("".join)


def test_every_sieve_pattern_is_found() -> None:
    assert set(NEEDS) == {"claim_sieves._EVIDENTIAL", "claim_sieves._HEARSAY",
                          "claim_sieves._ASKED_PASSIVE", "claim_according._ACCORDING",
                          "reporting_names._ACCORDING"}


def _spans(matches: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(NEEDS))
@settings(max_examples=examples(600), deadline=None)
@given(text=st.one_of(TEXT, MIXED), data=st.data())
@example(text="X is expected to win", data=None)
@example(text="He was said to be there", data=None)
@example(text="It seemed likely, he was asked whether it was, reportedly.", data=None)
@example(text="according to Reuters, as first reported in Acme Corp.", data=None)
def test_equals_the_bare_regex(name: str, text: str, data: st.DataObject | None) -> None:
    needs = NEEDS[name]
    pos, endpos = 0, len(text)
    if data is not None:
        pos = data.draw(st.integers(0, len(text)))
        endpos = data.draw(st.integers(pos, len(text) + 2))
    bare = needs.regex
    found = needs.search(text, pos, endpos)
    expected = bare.search(text, pos, endpos)
    assert (found and found.span()) == (expected and expected.span())
    assert _spans(needs.finditer(text, pos, endpos)) == _spans(bare.finditer(text, pos, endpos))
    assert _spans(needs.finditer(text)) == _spans(bare.finditer(text))


def test_a_window_without_a_piece_is_not_searched() -> None:
    needs = Needs(re.compile(r"\bseems?\b"), "seem")
    assert needs.search("it seems so", 0, 5) is None
    assert needs.search("it seems so").span() == (3, 8)  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        Needs(re.compile("x"), "")
