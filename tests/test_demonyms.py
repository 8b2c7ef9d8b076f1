"""The demonym finder gives what the two regular expressions it was written with gave."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.rules.demonyms import DEMONYM_COUNTRIES, find_demonyms
from tests.conftest import examples

#: The reference: the country names as one alternation, longest first, and every capitalised
#: word looked up in the table (alone, or without a plural "s").
_COUNTRY = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, set(DEMONYM_COUNTRIES.values())),
                                                  key=lambda c: (-len(c), c))) + r")\b")
_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def _reference(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = [(m.start(), m.end(), m.group()) for m in _COUNTRY.finditer(text, start, end)]
    for m in _WORD.finditer(text, start, end):
        if any(a <= m.start() < b for a, b, _ in out):
            continue
        word = m.group()
        country = DEMONYM_COUNTRIES.get(word) or (
            DEMONYM_COUNTRIES.get(word[:-1]) if word.endswith("s") else None)
        if country is not None:
            out.append((m.start(), m.end(), country))
    return sorted(out)


#: Country names that open or hold others, demonyms, plurals, near misses and glue.
PIECES = ["Congo", "Democratic Republic of the Congo", "Republic", "Guinea", "Niger",
          "Nigeria", "Nigerien", "Nigerian", "Serb", "Serbs", "Serbia", "Serbian", "Bosnian",
          "Bosnia and Herzegovina", "Bosnia", "United States", "United", "American",
          "Americans", "Swiss", "Swisss", "Turkish", "Turkishness", "Dutch", "Benin", "Saudi",
          "Saudi Arabia", "North Macedonia", "Ivory Coast", "Ivorian", "é", "2", "_", "-", "'",
          ".", " ", "  ", ", ", "\n", "the", "x", "McTurkish"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=examples(1500), deadline=None)
@given(text=st.one_of(TEXT, st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)),
       data=st.data())
@example(text="Serbs of the Democratic Republic of the Congo, Nigerien Swiss", data=None)
def test_equals_the_regular_expressions(text: str, data: st.DataObject | None) -> None:
    padded = text + " " * 520 + text  # long enough for the cue scanner's word index too
    for whole in (text, padded):
        start, end = 0, len(whole)
        if data is not None:
            start = data.draw(st.integers(0, len(whole)))
            end = data.draw(st.integers(start, len(whole)))
        assert find_demonyms(whole, start, end) == _reference(whole, start, end)
